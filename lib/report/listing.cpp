#include "lib/report/listing.hpp"

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::report {
namespace {

using io::Align;
using io::CellType;
using io::Column;

// A column: its JSON key (the same in every language) and its header (in the interface language).
Column text(std::string key, Msg header) {
    return {std::move(key), tr(header), Align::left, CellType::text};
}
Column integer(std::string key, Msg header) {
    return {std::move(key), tr(header), Align::right, CellType::integer};
}

std::string authors_text(const model::Submission& s) {
    std::string out;
    for (const auto& a : s.authors) {
        if (!out.empty()) out += ", ";
        out += a.name;
        if (a.share) out.append(":").append(a.share->str());
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

// Turns --year/--month/--dept/--person into a store filter; --month wins over --year.
store::RecordFilter to_filter(store::Store& store, const ListFilter& f) {
    store::RecordFilter out;
    if (f.month) {
        auto m = ledger::parse_month(*f.month);
        out.from = m.first_day(), out.to = m.last_day();
    } else if (f.year) {
        const int y = ledger::parse_year(*f.year, ledger::YearGiven::with_flag);
        out.from = *model::Date::from_ymd(y, 1, 1), out.to = *model::Date::from_ymd(y, 12, 31);
    }
    if (f.dept) out.dept_id = ledger::require_department(store, *f.dept).id;
    if (f.person) out.person_id = ledger::require_person(store, *f.person).id;
    return out;
}

}  // namespace

io::Table departments_table(store::Store& store) {
    io::Table t;
    t.columns = {integer("id", Msg::hdr_number), text("code", Msg::hdr_code),
                 text("name", Msg::hdr_dept_name), text("retired_on", Msg::hdr_retired)};
    for (const auto& d : store.departments())
        t.rows.push_back(
            {std::to_string(d.id), d.code, d.name, d.retired_on ? d.retired_on->iso() : ""});
    return t;
}

io::Table people_table(store::Store& store) {
    io::Table t;
    t.columns = {integer("id", Msg::hdr_number), text("name", Msg::hdr_person_name),
                 text("dept", Msg::hdr_dept),    text("dept_name", Msg::hdr_department),
                 text("since", Msg::hdr_since),  text("history", Msg::hdr_earlier_depts)};
    const auto today = model::Date::today();
    for (const auto& p : store.people()) {
        const auto& now = p.membership_on(today);
        std::vector<std::string> earlier;
        for (const auto& m : p.history) {
            if (&m == &now) break;
            earlier.push_back(m.since.year() > 1900
                                  ? tr(Msg::cell_dept_from, m.dept_code, m.since.iso())
                                  : m.dept_code);
        }
        t.rows.push_back({std::to_string(p.id), p.name, now.dept_code, now.dept_name,
                          now.since.year() > 1900 ? now.since.iso() : "", join(earlier, "; ")});
    }
    return t;
}

io::Table outlets_table(store::Store& store) {
    const auto vocab = ledger::vocabulary_for(store, model::Date::today().year());
    io::Table t;
    t.columns = {integer("id", Msg::hdr_number), text("name", Msg::hdr_outlet),
                 text("level", Msg::hdr_level), text("media", Msg::hdr_media)};
    for (const auto& o : store.outlets())
        t.rows.push_back({std::to_string(o.id), o.name, vocab.levels.name_of(o.level),
                          vocab.media.name_of(o.media)});
    return t;
}

io::Table submissions_table(store::Store& store, const ListFilter& filter) {
    const auto f = to_filter(store, filter);
    const auto vocab =
        ledger::vocabulary_for(store, f.from ? f.from->year() : model::Date::today().year());
    io::Table t;
    t.columns = {
        integer("id", Msg::hdr_number),      text("submitted_on", Msg::hdr_submitted_on),
        text("title", Msg::hdr_title),       text("kind", Msg::hdr_kind),
        text("category", Msg::hdr_category), text("dept", Msg::hdr_dept),
        text("authors", Msg::hdr_authors),   integer("adoptions", Msg::hdr_adoption_count)};
    for (const auto& s : store.submissions(f))
        t.rows.push_back({std::to_string(s.id), s.submitted_on.iso(), s.title,
                          vocab.kinds.name_of(s.kind), s.category, s.dept_name, authors_text(s),
                          std::to_string(store.adoption_count(s.id))});
    return t;
}

io::Table adoptions_table(store::Store& store, const ListFilter& filter) {
    const auto f = to_filter(store, filter);
    const auto vocab =
        ledger::vocabulary_for(store, f.from ? f.from->year() : model::Date::today().year());
    io::Table t;
    t.columns = {integer("id", Msg::hdr_number),
                 text("adopted_on", Msg::hdr_adopted_on),
                 integer("submission", Msg::hdr_submission),
                 text("title", Msg::hdr_title),
                 text("outlet", Msg::hdr_outlet),
                 text("level", Msg::hdr_level),
                 text("form", Msg::hdr_form),
                 text("placement", Msg::hdr_placement),
                 text("endorsement", Msg::hdr_endorsement)};
    for (const auto& a : store.adoptions(f)) {
        const auto title = store.submission_title(a.submission_id);
        t.rows.push_back({std::to_string(a.id), a.adopted_on.iso(), std::to_string(a.submission_id),
                          title.value_or(""), a.outlet, vocab.levels.name_of(a.level),
                          vocab.forms.name_of(a.form),
                          a.placement.empty() ? "" : vocab.placements.name_of(a.placement),
                          a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement)});
    }
    return t;
}

io::Table log_table(store::Store& store, int limit) {
    io::Table t;
    t.columns = {integer("entry", Msg::hdr_entry), text("at", Msg::hdr_at),
                 text("command", Msg::hdr_command), text("changes", Msg::hdr_changes),
                 text("undo", Msg::hdr_undo)};
    for (const auto& e : store::journal_entries(store.connection(), limit)) {
        std::string undo;
        if (e.undoes) undo = tr(Msg::cell_undoes, *e.undoes);
        if (e.undone_by) undo += (undo.empty() ? "" : "; ") + tr(Msg::cell_undone_by, *e.undone_by);
        t.rows.push_back(
            {std::to_string(e.id), e.at, e.command, store::describe_changes(e.changes), undo});
    }
    return t;
}

namespace {

// A row of `show`: the field's stable key (JSON), its name for people, its value.
struct ShownField {
    const char* key;
    Msg label;
    std::string value;
};

void set_fields(RecordView& view, const std::vector<ShownField>& fields) {
    view.fields.columns = {text("field", Msg::hdr_field), text("value", Msg::hdr_value)};
    for (const auto& f : fields) {
        view.fields.rows.push_back({f.key, f.value});
        view.labels.push_back(tr(f.label));
    }
}

}  // namespace

io::Table RecordView::labelled_fields() const {
    auto out = fields;
    for (std::size_t i = 0; i < out.rows.size() && i < labels.size(); ++i)
        out.rows[i].at(0) = labels[i];
    return out;
}

RecordView show_record(store::Store& store, const std::string& id_text) {
    const auto id = ledger::parse_record_id(id_text);
    RecordView view;
    view.kind = store.record_kind(id);
    if (view.kind == store::RecordKind::submission) {
        auto s = *store.submission(id);
        const auto vocab = ledger::vocabulary_for(store, s.submitted_on.year());
        view.fields.title = tr(Msg::title_submission, s.id);
        set_fields(view, {{"id", Msg::show_id, std::to_string(s.id)},
                          {"title", Msg::show_title, s.title},
                          {"kind", Msg::show_kind, vocab.kinds.name_of(s.kind)},
                          {"category", Msg::show_category, s.category},
                          {"dept", Msg::show_dept, s.dept_code + " " + s.dept_name},
                          {"authors", Msg::show_authors, authors_text(s)},
                          {"submitted_on", Msg::show_submitted_on, s.submitted_on.iso()},
                          {"length", Msg::show_length, s.length ? std::to_string(*s.length) : ""},
                          {"destination", Msg::show_destination, s.destination},
                          {"occurred_on", Msg::show_occurred_on,
                           s.occurred_on ? s.occurred_on->iso() : ""},
                          {"due_on", Msg::show_due_on, s.due_on ? s.due_on->iso() : ""},
                          {"tags", Msg::show_tags, join(s.tags, ", ")}});
        store::RecordFilter by_submission;
        by_submission.submission_id = s.id;
        view.adoptions.columns = {integer("id", Msg::hdr_number),
                                  text("adopted_on", Msg::hdr_adopted_on),
                                  text("outlet", Msg::hdr_outlet),
                                  text("level", Msg::hdr_level),
                                  text("form", Msg::hdr_form),
                                  text("placement", Msg::hdr_placement),
                                  text("endorsement", Msg::hdr_endorsement)};
        view.adoptions.title = tr(Msg::title_adoptions);
        for (const auto& a : store.adoptions(by_submission))
            view.adoptions.rows.push_back(
                {std::to_string(a.id), a.adopted_on.iso(), a.outlet, vocab.levels.name_of(a.level),
                 vocab.forms.name_of(a.form),
                 a.placement.empty() ? "" : vocab.placements.name_of(a.placement),
                 a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement)});
    } else if (view.kind == store::RecordKind::adoption) {
        auto a = *store.adoption(id);
        auto s = store.submission(a.submission_id);
        const auto vocab = ledger::vocabulary_for(store, a.adopted_on.year());
        view.fields.title = tr(Msg::title_adoption, a.id);
        set_fields(view, {{"id", Msg::show_id, std::to_string(a.id)},
                          {"submission", Msg::show_submission,
                           std::to_string(a.submission_id) + (s ? " " + s->title : "")},
                          {"outlet", Msg::show_outlet, a.outlet},
                          {"level", Msg::show_level, vocab.levels.name_of(a.level)},
                          {"media", Msg::show_media, vocab.media.name_of(a.media)},
                          {"adopted_on", Msg::show_adopted_on, a.adopted_on.iso()},
                          {"form", Msg::show_form, vocab.forms.name_of(a.form)},
                          {"placement", Msg::show_placement,
                           a.placement.empty() ? "" : vocab.placements.name_of(a.placement)},
                          {"endorsement", Msg::show_endorsement,
                           a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement)},
                          {"fee", Msg::show_fee, a.fee ? a.fee->str() : ""}});
    } else {
        throw InputError(tr(Msg::err_no_record, id), tr(Msg::hint_no_record));
    }
    return view;
}

}  // namespace infotally::report
