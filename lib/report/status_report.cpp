// `status`: who is behind quota today, and at this pace who will miss it (进度); overdue pieces.
#include <fmt/format.h>

#include <algorithm>

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/chart.hpp"
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
    t.title = tr(Msg::title_overdue);
    t.columns = {int_col("id", tr(Msg::hdr_number)),
                 text_col("title", tr(Msg::hdr_title)),
                 text_col("dept", tr(Msg::col_department)),
                 text_col("tags", tr(Msg::col_tags)),
                 text_col("occurred_on", tr(Msg::col_event)),
                 text_col("submitted_on", tr(Msg::col_submitted_on)),
                 text_col("reason", tr(Msg::col_why))};
    for (const auto& o : items) {
        std::string tags;
        for (const auto& tag : o.s.tags) tags += (tags.empty() ? "" : "、") + tag;
        t.rows.push_back({std::to_string(o.s.id), o.s.title, o.s.dept_name, tags,
                          o.s.occurred_on
                              ? o.s.occurred_on->iso()
                              : (o.s.due_on ? tr(Msg::cell_due, o.s.due_on->iso()) : ""),
                          o.s.submitted_on.iso(), o.reason});
    }
    return t;
}

std::string_view subject_word(rules::Subject s) {
    return tr_view(s == rules::Subject::dept ? Msg::subject_dept : Msg::subject_person);
}

// What `status` and `status --chart` show: the year's tally up to the as-of date, the rows of
// the subjects it is shown by, and the overdue pieces.
struct StatusFigures {
    std::string title;
    rules::Subject by = rules::Subject::dept;
    rules::Tally tally;
    std::vector<Overdue> overdue;
    bool has_time_limits = false;
};

StatusFigures status_figures(store::Store& store, const Text& year_text, const Text& as_of_text,
                             const Text& by_text) {
    const auto today = model::Date::today();
    std::optional<model::Date> as_of;
    if (as_of_text) as_of = ledger::parse_date(*as_of_text, tr(Msg::field_as_of_date));
    const int year = year_text ? ledger::parse_year(*year_text, ledger::YearGiven::with_flag)
                               : (as_of ? as_of->year() : today.year());
    if (!as_of) as_of = year == today.year() ? today : *model::Date::from_ymd(year, 12, 31);
    if (as_of->year() != year)
        throw InputError(tr(Msg::err_as_of_not_in_year, as_of->iso(), year),
                         tr(Msg::hint_as_of_not_in_year));
    // --by is checked before the rules are read, so a usage error is reported as one
    const auto by_given =
        by_text ? std::optional(parse_by(by_text, rules::Subject::dept)) : std::nullopt;
    const auto rules = rules_for_year(store, year);
    // default: by department, unless every quota in the rules is a person's
    bool dept_quota = rules.quotas.empty(), person_quota = false;
    for (const auto& q : rules.quotas)
        (q.who == rules::Subject::dept ? dept_quota : person_quota) = true;
    StatusFigures out;
    out.by = by_given.value_or(dept_quota ? rules::Subject::dept : rules::Subject::person);
    const auto other =
        out.by == rules::Subject::dept ? rules::Subject::person : rules::Subject::dept;
    std::string note;
    if (rules.quotas.empty())
        note = tr(Msg::note_no_quotas, year);
    else if (!(out.by == rules::Subject::dept ? dept_quota : person_quota))
        note = tr(Msg::note_no_quotas_by, year, subject_word(out.by), rules::to_string(other));

    const rules::Period period{*model::Date::from_ymd(year, 1, 1), *as_of};
    // a commission is missed once its due date has passed: by the as-of date, and by today
    const auto missed_by = std::min(*as_of, today);
    out.tally = run_tally(
        store, rules, period, false,
        [&](const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
            if (!period.contains(s.submitted_on) && !(s.due_on && period.contains(*s.due_on)))
                return;
            int limit = -1;
            // Without the day of the event a piece is never overdue: the time limits' conditions
            // need not be tried (a million pieces' worth).
            if (s.occurred_on && rules::overdue(rules, s, &limit))
                out.overdue.push_back(
                    {s, tr(Msg::reason_overdue,
                           s.submitted_on.days_since_epoch() - s.occurred_on->days_since_epoch(),
                           limit)});
            else if (rules::late(s))
                out.overdue.push_back({s, tr(Msg::reason_late, s.due_on->iso())});
            else if (rules::missed(s, adoptions, missed_by))
                out.overdue.push_back({s, tr(Msg::reason_missed, s.due_on->iso())});
        });
    out.title = tr(Msg::title_status, year, as_of->iso(), store.unit_name(), note);
    out.has_time_limits = !rules.time_limits.empty();
    return out;
}

// One call per quota and subject, in the rows' order; subjects without a quota get one call
// with no quota.
template <class Visit>
void for_each_quota_row(const StatusFigures& f, Visit visit) {
    for (const auto& r : f.tally.rows(f.by)) {
        bool any = false;
        for (const auto& q : f.tally.quotas) {
            if (q.who != f.by || q.subject_id != r.id) continue;
            visit(r, &q);
            any = true;
        }
        if (!any) visit(r, nullptr);
    }
}

}  // namespace

io::Sections status_report(store::Store& store, const Text& year_text, const Text& as_of_text,
                           const Text& by_text) {
    const auto f = status_figures(store, year_text, as_of_text, by_text);
    io::Table t;
    t.title = f.title;
    if (f.by == rules::Subject::dept)
        t.columns = {text_col("dept", tr(Msg::col_department))};
    else
        t.columns = {text_col("name", tr(Msg::col_name)),
                     text_col("dept", tr(Msg::col_department))};
    t.columns.insert(
        t.columns.end(),
        {text_col("quota", tr(Msg::col_quota)), dec_col("target", tr(Msg::col_target)),
         dec_col("done", tr(Msg::col_done)), right_col("completion", tr(Msg::col_completion)),
         dec_col("expected", tr(Msg::col_expected)), dec_col("projected", tr(Msg::col_projected)),
         text_col("state", tr(Msg::col_state)), dec_col("submitted", tr(Msg::col_submitted)),
         dec_col("adopted", tr(Msg::col_adopted)), dec_col("net_points", tr(Msg::col_points))});
    for_each_quota_row(f, [&](const rules::TallyRow& r, const rules::QuotaStatus* q) {
        std::vector<std::string> cells{r.name};
        if (f.by == rules::Subject::person) cells.push_back(r.dept_name);
        io::Tone tone = io::Tone::plain;  // green when done, red when behind (on a terminal)
        if (q) {
            const bool done = q->actual >= q->target;
            tone = done ? io::Tone::good : q->behind ? io::Tone::bad : io::Tone::plain;
            cells.insert(cells.end(), {q->label, count_text(q->target), count_text(q->actual),
                                       rate_text(q->actual, q->target), count_text(q->expected),
                                       count_text(q->projected),
                                       tr(done        ? Msg::state_done
                                          : q->behind ? Msg::state_behind
                                                      : Msg::state_on_track)});
        } else {
            cells.insert(cells.end(), {"", "", "", "", "", "", ""});
        }
        cells.insert(cells.end(),
                     {count_text(r.submitted), count_text(r.adopted_pieces), r.net_points.str()});
        t.rows.push_back(std::move(cells));
        t.tones.push_back(tone);
    });
    io::Sections out{{"status", std::move(t)}};
    if (f.has_time_limits || !f.overdue.empty())
        out.push_back({"overdue", overdue_table(f.overdue)});
    return out;
}

StatusChart status_chart(store::Store& store, const Text& year_text, const Text& as_of_text,
                         const Text& by_text, const ChartStyle& style) {
    const auto f = status_figures(store, year_text, as_of_text, by_text);
    // one group per quota of the rules, in the rules' order, its subjects in the rows' order
    std::vector<std::size_t> order;
    std::vector<ChartGroup> groups;
    for_each_quota_row(f, [&](const rules::TallyRow& r, const rules::QuotaStatus* q) {
        if (!q) return;
        auto at = std::find(order.begin(), order.end(), q->quota);
        if (at == order.end()) {
            order.push_back(q->quota);
            groups.push_back({q->label, {}});
            at = order.end() - 1;
        }
        auto& group = groups[static_cast<std::size_t>(at - order.begin())];
        group.bars.push_back({f.by == rules::Subject::person && !r.dept_name.empty()
                                  ? tr(Msg::chart_person_label, r.name, r.dept_name)
                                  : r.name,
                              q->actual, q->target, q->expected});
    });
    StatusChart out;
    out.text = io::truncate_to_width(io::sanitize_cell(f.title), style.width) + '\n';
    if (groups.empty())
        out.text += tr(Msg::chart_nothing) + '\n';
    else
        out.text += '\n' + draw_completion_chart(groups, style);
    if (f.has_time_limits || !f.overdue.empty()) out.overdue = overdue_table(f.overdue);
    return out;
}

}  // namespace infotally::report
