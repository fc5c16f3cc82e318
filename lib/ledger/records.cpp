// submit, adopt, edit, remove: one code path builds (or changes) a record from the typed fields,
// so `submit` and `edit` can never check different things.
#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::ledger {
namespace {

// Applies the given fields to `s`. `creating` makes title, kind and authors required.
void apply(store::Store& store, const SubmissionFields& f, model::Submission& s, bool creating) {
    if (f.title) s.title = clean_text(*f.title, tr(Msg::field_title), 500);
    if (f.date)
        s.submitted_on = parse_date(*f.date, tr(Msg::field_submission_date));
    else if (creating)
        s.submitted_on = model::Date::today();

    const auto vocab = vocabulary_for(store, s.submitted_on.year());
    if (f.kind) s.kind = resolve_term(vocab.kinds, *f.kind, tr(Msg::field_kind), "--kind");
    if (creating && s.kind.empty())
        throw UsageError(tr(Msg::err_needs_kind), tr(Msg::hint_needs_kind, vocab.kinds.choices()));
    if (f.category) s.category = clean_optional_text(*f.category, tr(Msg::field_category), 40);
    if (f.destination)
        s.destination = clean_optional_text(*f.destination, tr(Msg::field_destination), 100);
    if (f.length)
        s.length = f.length->empty() ? std::nullopt
                                     : std::optional(parse_count(*f.length, tr(Msg::field_length)));
    if (f.occurred)
        s.occurred_on = f.occurred->empty()
                            ? std::nullopt
                            : std::optional(parse_date(*f.occurred, tr(Msg::field_event_date)));
    if (f.due)
        s.due_on = f.due->empty() ? std::nullopt
                                  : std::optional(parse_date(*f.due, tr(Msg::field_due_date)));
    if (f.tags) s.tags = clean_tags(*f.tags);

    if (!f.authors.empty()) {
        s.authors.clear();
        int position = 1;
        for (const auto& spec : parse_authors(f.authors)) {
            auto person = require_person(store, spec.name);
            s.authors.push_back({person.id, person.name, position++, spec.share});
        }
    } else if (creating) {
        throw UsageError(tr(Msg::err_needs_author), tr(Msg::hint_needs_author));
    }

    if (f.dept) {
        auto dept = require_department(store, *f.dept);
        s.dept_id = dept.id, s.dept_code = dept.code, s.dept_name = dept.name;
    } else if (creating) {
        // Without --dept the piece credits the first author's department on the submission date.
        auto first = require_person(store, s.authors.front().name);
        const auto& m = first.membership_on(s.submitted_on);
        s.dept_id = m.dept_id, s.dept_code = m.dept_code, s.dept_name = m.dept_name;
    }
    auto dept = store.department(s.dept_id);
    if (dept && dept->retired_on && *dept->retired_on <= s.submitted_on &&
        (f.dept || f.date || creating))
        throw InputError(tr(Msg::err_dept_retired_piece, dept->code, dept->name,
                            dept->retired_on->iso(), s.submitted_on.iso()),
                         tr(Msg::hint_choose_current_dept_flag));
    if (s.occurred_on && *s.occurred_on > s.submitted_on)
        throw InputError(
            tr(Msg::err_event_after_submission, s.occurred_on->iso(), s.submitted_on.iso()),
            tr(Msg::hint_check_both_dates));
    if (!creating) {
        if (auto first = store.earliest_adoption(s.id); first && *first < s.submitted_on)
            throw InputError(
                tr(Msg::err_adopted_before_new_date, s.id, first->iso(), s.submitted_on.iso()),
                tr(Msg::hint_adopted_before_new_date));
    }
}

void apply(store::Store& store, const AdoptionFields& f, model::Adoption& a,
           const model::Submission& s, bool creating) {
    if (f.date)
        a.adopted_on = parse_date(*f.date, tr(Msg::field_adoption_date));
    else if (creating)
        a.adopted_on = model::Date::today();
    const auto vocab = vocabulary_for(store, a.adopted_on.year());
    if (f.outlet) {
        auto outlet = require_outlet(store, clean_text(*f.outlet, tr(Msg::field_outlet_name), 100));
        a.outlet_id = outlet.id, a.outlet = outlet.name, a.level = outlet.level,
        a.media = outlet.media;
    } else if (creating) {
        throw UsageError(tr(Msg::err_needs_outlet), tr(Msg::hint_needs_outlet));
    }
    if (f.form)
        a.form = resolve_term(vocab.forms, *f.form, tr(Msg::field_form), "--form");
    else if (creating)
        a.form = vocab.forms.empty() ? "whole" : vocab.forms.terms().front().key;
    if (f.placement)
        a.placement = f.placement->empty() ? ""
                                           : resolve_term(vocab.placements, *f.placement,
                                                          tr(Msg::field_placement), "--placement");
    if (f.endorsed_by)
        a.endorsement = f.endorsed_by->empty()
                            ? ""
                            : resolve_term(vocab.endorsements, *f.endorsed_by,
                                           tr(Msg::field_endorsement), "--endorsed-by");
    if (f.fee)
        a.fee =
            f.fee->empty() ? std::nullopt : std::optional(parse_money(*f.fee, tr(Msg::field_fee)));
    if (a.adopted_on < s.submitted_on)
        throw InputError(
            tr(Msg::err_adopted_before_submitted, a.adopted_on.iso(), s.id, s.submitted_on.iso()),
            tr(Msg::hint_adopted_before_submitted));
}

model::Submission require_submission(store::Store& store, model::Id id) {
    if (auto s = store.submission(id)) return *s;
    if (store.record_kind(id) == store::RecordKind::adoption)
        throw InputError(tr(Msg::err_is_adoption_not_submission, id),
                         tr(Msg::hint_is_adoption_not_submission, id));
    throw InputError(tr(Msg::err_no_submission, id), tr(Msg::hint_no_submission));
}

// Whether fields other than --date (which both kinds of record have) were given.
bool any_but_date(const SubmissionFields& f) {
    return f.title || f.kind || f.dept || f.category || f.length || f.destination || f.occurred ||
           f.due || !f.authors.empty() || f.tags;
}

bool any_but_date(const AdoptionFields& f) {
    return f.submission || f.outlet || f.form || f.placement || f.endorsed_by || f.fee;
}

}  // namespace

model::Id submit(store::Store& store, const SubmissionFields& fields) {
    auto tx = store.transaction();
    model::Submission s;
    apply(store, fields, s, true);
    auto id = store.insert_submission(s);
    tx.commit();
    return id;
}

model::Id adopt(store::Store& store, const AdoptionFields& fields) {
    if (!fields.submission)
        throw UsageError(tr(Msg::err_adopt_needs_submission), tr(Msg::hint_adopt_needs_submission));
    const auto id = parse_record_id(*fields.submission);
    auto tx = store.transaction();
    auto s = require_submission(store, id);
    model::Adoption a;
    a.submission_id = s.id;
    apply(store, fields, a, s, true);
    auto new_id = store.insert_adoption(a);
    tx.commit();
    return new_id;
}

EditResult edit(store::Store& store, const std::string& id_text, const SubmissionFields& sf,
                const AdoptionFields& af) {
    const auto id = parse_record_id(id_text);
    auto tx = store.transaction();
    const auto kind = store.record_kind(id);
    if (kind == store::RecordKind::none)
        throw InputError(tr(Msg::err_no_record, id), tr(Msg::hint_no_record));
    if (kind == store::RecordKind::submission) {
        if (any_but_date(af))
            throw UsageError(tr(Msg::err_submission_fields_only, id), tr(Msg::hint_see_edit_help));
        if (!any_but_date(sf) && !sf.date)
            throw UsageError(tr(Msg::err_nothing_to_change), tr(Msg::hint_change_submission));
        auto s = *store.submission(id);
        apply(store, sf, s, false);
        store.update_submission(s);
    } else {
        if (any_but_date(sf))
            throw UsageError(tr(Msg::err_adoption_fields_only, id), tr(Msg::hint_see_edit_help));
        if (!any_but_date(af) && !af.date)
            throw UsageError(tr(Msg::err_nothing_to_change), tr(Msg::hint_change_adoption));
        auto a = *store.adoption(id);
        if (af.submission)
            a.submission_id = require_submission(store, parse_record_id(*af.submission)).id;
        auto s = require_submission(store, a.submission_id);
        apply(store, af, a, s, false);
        store.update_adoption(a);
    }
    tx.commit();
    return {kind, id};
}

RemoveResult remove(store::Store& store, const std::string& id_text, bool force) {
    const auto id = parse_record_id(id_text);
    auto tx = store.transaction();
    RemoveResult result{store.record_kind(id), id, 0};
    switch (result.kind) {
        case store::RecordKind::none:
            throw InputError(tr(Msg::err_no_record, id), tr(Msg::hint_no_record));
        case store::RecordKind::adoption:
            store.delete_adoption(id);
            break;
        case store::RecordKind::submission:
            result.adoptions_removed = store.adoption_count(id);
            if (result.adoptions_removed > 0 && !force)
                throw InputError(tr(Msg::err_has_adoptions, id, result.adoptions_removed),
                                 tr(Msg::hint_has_adoptions, id));
            store.delete_submission(id);
            break;
    }
    tx.commit();
    return result;
}

}  // namespace infotally::ledger
