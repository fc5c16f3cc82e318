// `status`: who is behind quota today, and at this pace who will miss it (进度); overdue pieces.
#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/report/common.hpp"
#include "lib/report/reports.hpp"
#include "lib/rules/quota.hpp"
#include "lib/rules/scoring.hpp"

namespace infotally::report {
using namespace detail;

namespace {

struct Overdue {
    model::Submission s;
    std::string reason;
};

io::Table overdue_table(const std::vector<Overdue>& items) {
    io::Table t;
    t.title = "overdue submissions (time limits and due dates)";
    t.columns = {int_col("id", "#"),
                 text_col("title", "title"),
                 text_col("dept", "department"),
                 text_col("tags", "tags"),
                 text_col("occurred_on", "event"),
                 text_col("submitted_on", "submitted"),
                 text_col("reason", "why")};
    for (const auto& o : items) {
        std::string tags;
        for (const auto& tag : o.s.tags) tags += (tags.empty() ? "" : "、") + tag;
        t.rows.push_back({std::to_string(o.s.id), o.s.title, o.s.dept_name, tags,
                          o.s.occurred_on ? o.s.occurred_on->iso()
                                          : (o.s.due_on ? "due " + o.s.due_on->iso() : ""),
                          o.s.submitted_on.iso(), o.reason});
    }
    return t;
}

}  // namespace

io::Sections status_report(store::Store& store, const Text& year_text, const Text& as_of_text,
                           const Text& by_text) {
    const auto today = model::Date::today();
    std::optional<model::Date> as_of;
    if (as_of_text) as_of = ledger::parse_date(*as_of_text, "--as-of date");
    const int year = year_text ? parse_year(*year_text) : (as_of ? as_of->year() : today.year());
    if (!as_of) as_of = year == today.year() ? today : *model::Date::from_ymd(year, 12, 31);
    if (as_of->year() != year)
        throw InputError(fmt::format("--as-of {} is not in {}", as_of->iso(), year),
                         "give a date within the year, or leave --as-of out");
    // --by is checked before the rules are read, so a usage error is reported as one
    const auto by_given =
        by_text ? std::optional(parse_by(by_text, rules::Subject::dept)) : std::nullopt;
    const auto rules = rules_for_year(store, year);
    // default: by department, unless every quota in the rules is a person's
    bool dept_quota = rules.quotas.empty(), person_quota = false;
    for (const auto& q : rules.quotas)
        (q.who == rules::Subject::dept ? dept_quota : person_quota) = true;
    const auto by = by_given.value_or(dept_quota ? rules::Subject::dept : rules::Subject::person);
    const auto other = by == rules::Subject::dept ? rules::Subject::person : rules::Subject::dept;
    std::string note;
    if (rules.quotas.empty())
        note = fmt::format(" — the {} rules set no quotas", year);
    else if (!(by == rules::Subject::dept ? dept_quota : person_quota))
        note = fmt::format(" — the {} rules set no {} quotas: see --by {}", year,
                           rules::to_string(by), rules::to_string(other));

    std::vector<Overdue> overdue;
    const rules::Period period{*model::Date::from_ymd(year, 1, 1), *as_of};
    // a commission is missed once its due date has passed: by the as-of date, and by today
    const auto missed_by = std::min(*as_of, today);
    auto tally = run_tally(
        store, rules, period, false,
        [&](const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
            if (!period.contains(s.submitted_on) && !(s.due_on && period.contains(*s.due_on)))
                return;
            int limit = -1;
            if (rules::overdue(rules, s, &limit))
                overdue.push_back({s, fmt::format("sent {} days after the event; limit {} days",
                                                  s.submitted_on.days_since_epoch() -
                                                      s.occurred_on->days_since_epoch(),
                                                  limit)});
            else if (rules::late(s))
                overdue.push_back(
                    {s, fmt::format("commissioned piece due {}, sent late", s.due_on->iso())});
            else if (rules::missed(s, adoptions, missed_by))
                overdue.push_back(
                    {s, fmt::format("commissioned piece due {}, missed", s.due_on->iso())});
        });

    io::Table t;
    t.title =
        fmt::format("{} quota status as of {} — {}{}", year, as_of->iso(), store.unit_name(), note);
    if (by == rules::Subject::dept)
        t.columns = {text_col("dept", "department")};
    else
        t.columns = {text_col("name", "name"), text_col("dept", "department")};
    t.columns.insert(t.columns.end(),
                     {text_col("quota", "quota"), dec_col("target", "target"),
                      dec_col("done", "done"), right_col("completion", "done %"),
                      dec_col("expected", "expected by now"), dec_col("projected", "year-end pace"),
                      text_col("state", "state"), dec_col("submitted", "submitted"),
                      dec_col("adopted", "adopted"), dec_col("net_points", "points")});
    auto rows = tally.rows(by);
    auto add_row = [&](const rules::TallyRow& r, const rules::QuotaStatus* q) {
        std::vector<std::string> cells{r.name};
        if (by == rules::Subject::person) cells.push_back(r.dept_name);
        io::Tone tone = io::Tone::plain;  // green when done, red when behind (on a terminal)
        if (q) {
            const bool done = q->actual >= q->target;
            tone = done ? io::Tone::good : q->behind ? io::Tone::bad : io::Tone::plain;
            cells.insert(cells.end(), {q->label, count_text(q->target), count_text(q->actual),
                                       rate_text(q->actual, q->target), count_text(q->expected),
                                       count_text(q->projected),
                                       done        ? "done"
                                       : q->behind ? "BEHIND"
                                                   : "on track"});
        } else {
            cells.insert(cells.end(), {"", "", "", "", "", "", ""});
        }
        cells.insert(cells.end(),
                     {count_text(r.submitted), count_text(r.adopted_pieces), r.net_points.str()});
        t.rows.push_back(std::move(cells));
        t.tones.push_back(tone);
    };
    // One row per quota and subject, in the rows' order; subjects without a quota get one row.
    for (const auto& r : rows) {
        bool any = false;
        for (const auto& q : tally.quotas) {
            if (q.who != by || q.subject_id != r.id) continue;
            add_row(r, &q);
            any = true;
        }
        if (!any) add_row(r, nullptr);
    }
    io::Sections out{{"status", std::move(t)}};
    if (!rules.time_limits.empty() || !overdue.empty())
        out.push_back({"overdue", overdue_table(overdue)});
    return out;
}

}  // namespace infotally::report
