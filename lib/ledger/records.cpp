// submit, adopt, edit, remove: one code path builds (or changes) a record from the typed fields,
// so `submit` and `edit` can never check different things.
#include <fmt/format.h>

#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"

namespace infotally::ledger {
namespace {

// Applies the given fields to `s`. `creating` makes title, kind and authors required.
void apply(store::Store& store, const SubmissionFields& f, model::Submission& s, bool creating) {
    if (f.title) s.title = clean_text(*f.title, "title", 500);
    if (f.date) s.submitted_on = parse_date(*f.date, "submission date");
    else if (creating) s.submitted_on = model::Date::today();

    const auto vocab = vocabulary_for(store, s.submitted_on.year());
    if (f.kind) s.kind = resolve_term(vocab.kinds, *f.kind, "kind", "--kind");
    if (creating && s.kind.empty())
        throw UsageError("a submission needs a kind", fmt::format("add --kind ({})", vocab.kinds.choices()));
    if (f.category) s.category = clean_optional_text(*f.category, "category", 40);
    if (f.destination) s.destination = clean_optional_text(*f.destination, "destination", 100);
    if (f.length) s.length = f.length->empty() ? std::nullopt : std::optional(parse_count(*f.length, "length"));
    if (f.occurred) s.occurred_on = f.occurred->empty() ? std::nullopt : std::optional(parse_date(*f.occurred, "event date"));
    if (f.due) s.due_on = f.due->empty() ? std::nullopt : std::optional(parse_date(*f.due, "due date"));
    if (f.tags) s.tags = clean_tags(*f.tags);

    if (!f.authors.empty()) {
        s.authors.clear();
        int position = 1;
        for (const auto& spec : parse_authors(f.authors)) {
            auto person = require_person(store, spec.name);
            s.authors.push_back({person.id, person.name, position++, spec.share});
        }
    } else if (creating) {
        throw UsageError("a submission needs at least one author", "add --author NAME (repeat for co-authors)");
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
    if (dept && dept->retired_on && *dept->retired_on <= s.submitted_on && (f.dept || f.date || creating))
        throw InputError(fmt::format("department {} ({}) was retired on {}; a piece submitted on {} cannot "
                                     "credit it", dept->code, dept->name, dept->retired_on->iso(),
                                     s.submitted_on.iso()),
                         "choose a current department with --dept");
    if (s.occurred_on && *s.occurred_on > s.submitted_on)
        throw InputError(fmt::format("the event date {} is after the submission date {}", s.occurred_on->iso(),
                                     s.submitted_on.iso()),
                         "check both dates");
    if (!creating) {
        if (auto first = store.earliest_adoption(s.id); first && *first < s.submitted_on)
            throw InputError(fmt::format("submission {} was adopted on {}, before the new submission date {}",
                                         s.id, first->iso(), s.submitted_on.iso()),
                             "check the date, or correct the adoption first");
    }
}

void apply(store::Store& store, const AdoptionFields& f, model::Adoption& a, const model::Submission& s,
           bool creating) {
    if (f.date) a.adopted_on = parse_date(*f.date, "adoption date");
    else if (creating) a.adopted_on = model::Date::today();
    const auto vocab = vocabulary_for(store, a.adopted_on.year());
    if (f.outlet) {
        auto outlet = require_outlet(store, clean_text(*f.outlet, "outlet name", 100));
        a.outlet_id = outlet.id, a.outlet = outlet.name, a.level = outlet.level, a.media = outlet.media;
    } else if (creating) {
        throw UsageError("an adoption needs an outlet", "add --outlet NAME (see 'infotally outlet list')");
    }
    if (f.form) a.form = resolve_term(vocab.forms, *f.form, "adoption form", "--form");
    else if (creating) a.form = vocab.forms.empty() ? "whole" : vocab.forms.terms().front().key;
    if (f.placement)
        a.placement = f.placement->empty() ? "" : resolve_term(vocab.placements, *f.placement, "placement", "--placement");
    if (f.endorsed_by)
        a.endorsement = f.endorsed_by->empty() ? "" : resolve_term(vocab.endorsements, *f.endorsed_by, "endorsing leader's level", "--endorsed-by");
    if (f.fee) a.fee = f.fee->empty() ? std::nullopt : std::optional(parse_money(*f.fee, "fee"));
    if (a.adopted_on < s.submitted_on)
        throw InputError(fmt::format("the adoption date {} is before submission {} was submitted ({})",
                                     a.adopted_on.iso(), s.id, s.submitted_on.iso()),
                         "check the date; an adoption cannot come before its submission");
}

model::Submission require_submission(store::Store& store, model::Id id) {
    if (auto s = store.submission(id)) return *s;
    if (store.record_kind(id) == store::RecordKind::adoption)
        throw InputError(fmt::format("record {} is an adoption, not a submission", id),
                         "give the submission's number; 'infotally show " + std::to_string(id) + "' shows which it belongs to");
    throw InputError(fmt::format("there is no submission {}", id),
                     "see 'infotally list submissions' for the numbers");
}

// Whether fields other than --date (which both kinds of record have) were given.
bool any_but_date(const SubmissionFields& f) {
    return f.title || f.kind || f.dept || f.category || f.length || f.destination || f.occurred || f.due ||
           !f.authors.empty() || f.tags;
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
    if (!fields.submission) throw UsageError("adopt needs the submission's number", "infotally adopt ID --outlet NAME");
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

EditResult edit(store::Store& store, const std::string& id_text, const SubmissionFields& sf, const AdoptionFields& af) {
    const auto id = parse_record_id(id_text);
    auto tx = store.transaction();
    const auto kind = store.record_kind(id);
    if (kind == store::RecordKind::none)
        throw InputError(fmt::format("there is no record {}", id), "see 'infotally list submissions' or 'list adoptions'");
    if (kind == store::RecordKind::submission) {
        if (any_but_date(af))
            throw UsageError(fmt::format("record {} is a submission; --outlet, --form, --placement, "
                                         "--endorsed-by and --fee belong to adoptions", id),
                             "see 'infotally edit --help'");
        if (!any_but_date(sf) && !sf.date)
            throw UsageError("nothing to change", "give the fields to change, e.g. --title or --date");
        auto s = *store.submission(id);
        apply(store, sf, s, false);
        store.update_submission(s);
    } else {
        if (any_but_date(sf))
            throw UsageError(fmt::format("record {} is an adoption; --title, --kind, --dept, --author and "
                                         "the other submission fields belong to submissions", id),
                             "see 'infotally edit --help'");
        if (!any_but_date(af) && !af.date)
            throw UsageError("nothing to change", "give the fields to change, e.g. --outlet or --date");
        auto a = *store.adoption(id);
        if (af.submission) a.submission_id = require_submission(store, parse_record_id(*af.submission)).id;
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
            throw InputError(fmt::format("there is no record {}", id), "see 'infotally list submissions' or 'list adoptions'");
        case store::RecordKind::adoption:
            store.delete_adoption(id);
            break;
        case store::RecordKind::submission:
            result.adoptions_removed = store.adoption_count(id);
            if (result.adoptions_removed > 0 && !force)
                throw InputError(fmt::format("submission {} has {} adoption(s); removing it would remove them too", id,
                                             result.adoptions_removed),
                                 fmt::format("run 'infotally remove {} --force' to remove it with its adoptions", id));
            store.delete_submission(id);
            break;
    }
    tx.commit();
    return result;
}

}  // namespace infotally::ledger
