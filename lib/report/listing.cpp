#include "lib/report/listing.hpp"

#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"

namespace infotally::report {
namespace {

using io::Align;
using io::CellType;
using io::Column;

Column text(std::string key, std::string header) { return {std::move(key), std::move(header), Align::left, CellType::text}; }
Column integer(std::string key, std::string header) { return {std::move(key), std::move(header), Align::right, CellType::integer}; }

std::string authors_text(const model::Submission& s) {
    std::string out;
    for (const auto& a : s.authors) {
        if (!out.empty()) out += ", ";
        out += a.name;
        if (a.share) out += ":" + a.share->str();
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
        int y = 0;
        auto d = model::Date::from_ymd(std::atoi(f.year->c_str()), 1, 1);
        if (f.year->size() != 4 || !d)
            throw InputError(fmt::format("'{}' is not a year", *f.year), "write the year as four digits, e.g. --year 2026");
        y = d->year();
        out.from = *model::Date::from_ymd(y, 1, 1), out.to = *model::Date::from_ymd(y, 12, 31);
    }
    if (f.dept) out.dept_id = ledger::require_department(store, *f.dept).id;
    if (f.person) out.person_id = ledger::require_person(store, *f.person).id;
    return out;
}

}  // namespace

io::Table departments_table(store::Store& store) {
    io::Table t;
    t.columns = {integer("id", "#"), text("code", "code"), text("name", "name"), text("retired_on", "retired")};
    for (const auto& d : store.departments())
        t.rows.push_back({std::to_string(d.id), d.code, d.name, d.retired_on ? d.retired_on->iso() : ""});
    return t;
}

io::Table people_table(store::Store& store) {
    io::Table t;
    t.columns = {integer("id", "#"), text("name", "name"), text("dept", "dept"), text("dept_name", "department"),
                 text("since", "since"), text("history", "earlier departments")};
    const auto today = model::Date::today();
    for (const auto& p : store.people()) {
        const auto& now = p.membership_on(today);
        std::vector<std::string> earlier;
        for (const auto& m : p.history) {
            if (&m == &now) break;
            earlier.push_back(m.dept_code + (m.since.year() > 1900 ? " from " + m.since.iso() : ""));
        }
        t.rows.push_back({std::to_string(p.id), p.name, now.dept_code, now.dept_name,
                          now.since.year() > 1900 ? now.since.iso() : "", join(earlier, "; ")});
    }
    return t;
}

io::Table outlets_table(store::Store& store) {
    const auto vocab = ledger::vocabulary_for(store, model::Date::today().year());
    io::Table t;
    t.columns = {integer("id", "#"), text("name", "outlet"), text("level", "level"), text("media", "media")};
    for (const auto& o : store.outlets())
        t.rows.push_back({std::to_string(o.id), o.name, vocab.levels.name_of(o.level), vocab.media.name_of(o.media)});
    return t;
}

io::Table submissions_table(store::Store& store, const ListFilter& filter) {
    const auto f = to_filter(store, filter);
    const auto vocab = ledger::vocabulary_for(store, f.from ? f.from->year() : model::Date::today().year());
    io::Table t;
    t.columns = {integer("id", "#"),          text("submitted_on", "date"), text("title", "title"),
                 text("kind", "kind"),        text("category", "category"), text("dept", "dept"),
                 text("authors", "authors"),  integer("adoptions", "adopted")};
    for (const auto& s : store.submissions(f))
        t.rows.push_back({std::to_string(s.id), s.submitted_on.iso(), s.title, vocab.kinds.name_of(s.kind), s.category,
                          s.dept_name, authors_text(s), std::to_string(store.adoption_count(s.id))});
    return t;
}

io::Table adoptions_table(store::Store& store, const ListFilter& filter) {
    const auto f = to_filter(store, filter);
    const auto vocab = ledger::vocabulary_for(store, f.from ? f.from->year() : model::Date::today().year());
    io::Table t;
    t.columns = {integer("id", "#"),         text("adopted_on", "date"),   integer("submission", "submission"),
                 text("title", "title"),     text("outlet", "outlet"),     text("level", "level"),
                 text("form", "form"),       text("placement", "placement"), text("endorsement", "endorsed by")};
    for (const auto& a : store.adoptions(f)) {
        auto s = store.submission(a.submission_id);
        t.rows.push_back({std::to_string(a.id), a.adopted_on.iso(), std::to_string(a.submission_id),
                          s ? s->title : "", a.outlet, vocab.levels.name_of(a.level), vocab.forms.name_of(a.form),
                          a.placement.empty() ? "" : vocab.placements.name_of(a.placement),
                          a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement)});
    }
    return t;
}

io::Table log_table(store::Store& store, int limit) {
    io::Table t;
    t.columns = {integer("entry", "entry"), text("at", "when (UTC)"), text("command", "command"),
                 text("changes", "changes"), text("undo", "undo")};
    for (const auto& e : store::journal_entries(store.connection(), limit)) {
        std::string undo;
        if (e.undoes) undo = fmt::format("undoes {}", *e.undoes);
        if (e.undone_by) undo += (undo.empty() ? "" : "; ") + fmt::format("undone by {}", *e.undone_by);
        t.rows.push_back({std::to_string(e.id), e.at, e.command, store::describe_changes(e.changes), undo});
    }
    return t;
}

RecordView show_record(store::Store& store, const std::string& id_text) {
    const auto id = ledger::parse_record_id(id_text);
    RecordView view;
    view.kind = store.record_kind(id);
    view.fields.columns = {text("field", "field"), text("value", "value")};
    auto& rows = view.fields.rows;
    if (view.kind == store::RecordKind::submission) {
        auto s = *store.submission(id);
        const auto vocab = ledger::vocabulary_for(store, s.submitted_on.year());
        view.fields.title = fmt::format("submission {}", s.id);
        rows = {{"id", std::to_string(s.id)},
                {"title", s.title},
                {"kind", vocab.kinds.name_of(s.kind)},
                {"category", s.category},
                {"dept", s.dept_code + " " + s.dept_name},
                {"authors", authors_text(s)},
                {"submitted_on", s.submitted_on.iso()},
                {"length", s.length ? std::to_string(*s.length) : ""},
                {"destination", s.destination},
                {"occurred_on", s.occurred_on ? s.occurred_on->iso() : ""},
                {"due_on", s.due_on ? s.due_on->iso() : ""},
                {"tags", join(s.tags, ", ")}};
        ListFilter none;
        store::RecordFilter by_submission;
        by_submission.submission_id = s.id;
        view.adoptions.columns = {integer("id", "#"), text("adopted_on", "date"), text("outlet", "outlet"),
                                  text("level", "level"), text("form", "form"), text("placement", "placement"),
                                  text("endorsement", "endorsed by")};
        view.adoptions.title = "adoptions";
        for (const auto& a : store.adoptions(by_submission))
            view.adoptions.rows.push_back({std::to_string(a.id), a.adopted_on.iso(), a.outlet,
                                           vocab.levels.name_of(a.level), vocab.forms.name_of(a.form),
                                           a.placement.empty() ? "" : vocab.placements.name_of(a.placement),
                                           a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement)});
    } else if (view.kind == store::RecordKind::adoption) {
        auto a = *store.adoption(id);
        auto s = store.submission(a.submission_id);
        const auto vocab = ledger::vocabulary_for(store, a.adopted_on.year());
        view.fields.title = fmt::format("adoption {}", a.id);
        rows = {{"id", std::to_string(a.id)},
                {"submission", std::to_string(a.submission_id) + (s ? " " + s->title : "")},
                {"outlet", a.outlet},
                {"level", vocab.levels.name_of(a.level)},
                {"media", vocab.media.name_of(a.media)},
                {"adopted_on", a.adopted_on.iso()},
                {"form", vocab.forms.name_of(a.form)},
                {"placement", a.placement.empty() ? "" : vocab.placements.name_of(a.placement)},
                {"endorsement", a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement)},
                {"fee", a.fee ? a.fee->str() : ""}};
    } else {
        throw InputError(fmt::format("there is no record {}", id), "see 'infotally list submissions' or 'list adoptions'");
    }
    return view;
}

}  // namespace infotally::report
