// `report month --format html` and `tally --format html`: the pages' figures, in the interface
// language like every other output. The tables are the text reports' own (figures.hpp), with
// their headers, total rows and notes; the quota bars are `status`'s figures for the same date;
// the trend is one streaming pass counting adoptions by month and level.
#include <algorithm>

#include "lib/ledger/ledger.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/common.hpp"
#include "lib/report/figures.hpp"
#include "lib/report/html.hpp"
#include "lib/report/reports.hpp"

namespace infotally::report {
using namespace detail;

namespace {

std::string page_month(const model::Month& m) {
    return html::month_of_year(m.year, m.month);
}

model::Date new_year(int year) {
    return *model::Date::from_ymd(year, 1, 1);
}

// One chart per quota of the rules (departments' quotas first), each subject's bar as `status`
// reports it, the furthest ahead first.
std::vector<html::QuotaChart> quota_charts(const rules::Rules& rules, const rules::Tally& tally) {
    std::vector<html::QuotaChart> charts(rules.quotas.size());
    for (std::size_t i = 0; i < charts.size(); ++i) {
        charts[i].person = rules.quotas[i].who == rules::Subject::person;
        charts[i].unit =
            tr(rules.quotas[i].measure == rules::Measure::points      ? Msg::html_unit_points
               : rules.quotas[i].measure == rules::Measure::submitted ? Msg::html_unit_submitted
                                                                      : Msg::html_unit_adopted);
    }
    for (const auto& q : tally.quotas) {
        if (q.quota >= charts.size()) continue;
        auto& chart = charts[q.quota];
        chart.label = q.label;
        html::QuotaBar bar{q.subject_name,
                           "",
                           q.target,
                           q.actual,
                           q.expected,
                           q.projected,
                           rate_text(q.actual, q.target),
                           q.behind};
        if (q.who == rules::Subject::person)
            for (const auto& p : tally.persons)
                if (p.id == q.subject_id) bar.dept = p.dept_name;
        chart.bars.push_back(std::move(bar));
    }
    std::erase_if(charts, [](const html::QuotaChart& c) { return c.bars.empty(); });
    std::stable_partition(charts.begin(), charts.end(),
                          [](const html::QuotaChart& c) { return !c.person; });
    // order only, never shown: a double is exact enough to sort by
    const auto done = [](const html::QuotaBar& b) {
        return b.target.hundredths() <= 0 ? 0.0
                                          : static_cast<double>(b.actual.hundredths()) /
                                                static_cast<double>(b.target.hundredths());
    };
    for (auto& c : charts)
        std::stable_sort(c.bars.begin(), c.bars.end(),
                         [&](const auto& a, const auto& b) { return done(a) > done(b); });
    return charts;
}

// Every department's points earned in the tallied period, the most first (without quotas).
std::vector<html::PointsBar> points_bars(const rules::Tally& tally) {
    std::vector<html::PointsBar> bars;
    for (const auto& r : tally.depts)
        bars.push_back({r.name, r.adoption_points + r.submission_points - r.cap_deduction_points});
    std::stable_sort(bars.begin(), bars.end(),
                     [](const auto& a, const auto& b) { return a.points > b.points; });
    return bars;
}

// The quota figures at `as_of`, as `status --as-of` computes them: from `tally` when it ends on
// that day already, else from a tally of the year up to that day.
std::vector<html::QuotaChart> quotas_as_of(store::Store& store, const rules::Rules& rules,
                                           const rules::Tally& tally, model::Date as_of) {
    if (tally.period.from == new_year(as_of.year()) && tally.period.to == as_of)
        return quota_charts(rules, tally);
    return quota_charts(rules, run_tally(store, rules, {new_year(as_of.year()), as_of}, false));
}

// Quota bars as `status` shows them at `as_of`; without quotas, each department's points in
// the tally's period instead, and a note that says so.
void fill_completion(html::Page& page, store::Store& store, const rules::Rules& rules,
                     const rules::Tally& tally, model::Date as_of) {
    page.quotas = quotas_as_of(store, rules, tally, as_of);
    if (!page.quotas.empty()) {
        page.completion_title = tr(Msg::html_completion_title, as_of.iso());
        page.completion_note = tr(Msg::html_completion_note);
        return;
    }
    page.completion_title =
        tr(Msg::html_points_title, tally.period.from.iso(), std::min(tally.period.to, as_of).iso());
    page.completion_note = tr(Msg::html_no_quotas_note, as_of.year());
    page.points = points_bars(tally);
}

// Adoptions recorded per month and level, January of last year up to the end of `months` this
// year: one pass over the ledger. Every adoption counts (counted by the rules or not).
html::Trend adoption_trend(store::Store& store, const rules::Vocabulary& vocabulary, int year,
                           int months) {
    html::Trend trend;
    trend.year = year;
    trend.months = months;
    for (const auto& t : vocabulary.levels.terms())
        trend.levels.push_back({t.key, t.name.empty() ? t.key : t.name, {}, {}});
    const auto from = new_year(year - 1);
    const auto to = model::Month{year, months}.last_day();
    store.for_each_submission(
        from, to, [&](const model::Submission&, const std::vector<model::Adoption>& adoptions) {
            for (const auto& a : adoptions) {
                if (a.adopted_on < from || to < a.adopted_on) continue;
                auto it = std::find_if(trend.levels.begin(), trend.levels.end(),
                                       [&](const auto& l) { return l.key == a.level; });
                if (it == trend.levels.end())
                    it = trend.levels.insert(trend.levels.end(), {a.level, a.level, {}, {}});
                auto& counts = a.adopted_on.year() == year ? it->this_year : it->last_year;
                ++counts[static_cast<std::size_t>(a.adopted_on.month() - 1)];
            }
        });
    return trend;
}

std::string trend_title(int year, int months) {
    return tr(Msg::html_trend_title, year, html::month_name(months), year - 1);
}

}  // namespace

std::string month_report_html(store::Store& store, const std::string& month_text) {
    auto f = month_figures(store, month_text);
    const auto& m = f.month;
    const auto today = model::Date::today();
    const auto unit = store.unit_name();
    const auto last = m.previous_year();
    html::MonthPage page;
    page.title = tr(Msg::html_month_title, unit, page_month(m));
    page.subtitle =
        tr(Msg::html_month_subtitle, m.iso(), m.year, html::month_name(m.month), last.year, m.year);

    const auto& mt = f.month_tally.dept_total;
    const auto& yt = f.ytd_tally.dept_total;
    const auto earned = mt.adoption_points + mt.submission_points - mt.cap_deduction_points;
    const auto yuan = mt.yuan_earned - mt.cap_deduction_yuan;
    const auto change =
        change_text(yt.adopted_pieces, model::Decimal::whole(f.last_ytd.total.adopted));
    page.figures = {
        {tr(Msg::html_fig_month_submitted), tr(Msg::html_pieces, count_text(mt.submitted)),
         tr(Msg::html_fig_same_month_last_year,
            count_text(model::Decimal::whole(f.last_month.total.submitted)))},
        {tr(Msg::html_fig_month_adopted), tr(Msg::html_pieces, count_text(mt.adopted_pieces)),
         mt.submitted.is_zero()
             ? ""
             : tr(Msg::html_fig_rate, rate_text(mt.adopted_pieces, mt.submitted))},
        rank_figure(f.rules) == rules::RankBy::net_yuan
            ? html::Figure{tr(Msg::html_fig_month_yuan), tr(Msg::html_yuan, yuan.str()),
                           tr(Msg::html_fig_per_piece)}
            : html::Figure{tr(Msg::html_fig_month_points),
                           tr(Msg::html_points, html::number(earned)),
                           yuan.is_zero() ? "" : tr(Msg::html_fig_amount, yuan.str())},
        {tr(Msg::html_fig_ytd_adopted), tr(Msg::html_pieces, count_text(yt.adopted_pieces)),
         tr(Msg::html_fig_last_ytd, count_text(model::Decimal::whole(f.last_ytd.total.adopted)),
            change.empty() ? "" : tr(Msg::html_fig_change, change))}};

    // quotas as `status` shows them at the month's end, or today while the month runs
    auto as_of = m.last_day();
    if (m.first_day() <= today && today < as_of) as_of = today;
    fill_completion(page, store, f.rules, f.ytd_tally, as_of);

    page.trend_title = trend_title(m.year, m.month);
    page.trend = adoption_trend(store, f.rules.vocabulary, m.year, m.month);

    for (auto& s : f.sections) {
        if (s.key == "month")
            s.table.title = tr(Msg::html_month_table, page_month(m), page_month(last));
        else if (s.key == "year_to_date")
            s.table.title = tr(Msg::html_ytd_table, m.year, html::month_name(m.month), last.year);
        else
            s.table.title = tr(Msg::html_adoptions_table, page_month(m));
        page.tables.push_back(std::move(s));
    }
    page.footer = tr(Msg::html_month_footer, today.iso());
    return html::render_page(page);
}

std::string tally_report_html(store::Store& store, const std::string& year_text,
                              const Text& by_text) {
    const int year = ledger::parse_year(year_text, ledger::YearGiven::as_argument);
    // --by is checked before the rules are read, so a usage error is reported as one
    auto first = rules::Subject::person;
    if (by_text) first = parse_by(by_text, first);
    const auto f = tally_figures(store, year);
    if (!by_text) first = f.rules.subject;
    const auto today = model::Date::today();
    const auto unit = store.unit_name();
    const bool running = !(f.tally.period.to < today);
    html::TallyPage page;
    page.title = tr(Msg::html_tally_title, unit, year);
    page.subtitle = tr(Msg::html_tally_subtitle, f.tally.period.from.iso(), f.tally.period.to.iso(),
                       year, running ? tr(Msg::html_tally_running, today.iso()) : "");

    const auto& total =
        f.rules.subject == rules::Subject::person ? f.tally.person_total : f.tally.dept_total;
    const auto& dt = f.tally.dept_total;
    page.figures = {
        {tr(Msg::html_fig_submitted), tr(Msg::html_pieces, count_text(dt.submitted)), ""},
        {tr(Msg::html_fig_adopted), tr(Msg::html_pieces, count_text(dt.adopted_pieces)),
         dt.submitted.is_zero()
             ? ""
             : tr(Msg::html_fig_rate, rate_text(dt.adopted_pieces, dt.submitted))},
        {tr(Msg::html_fig_net_points), tr(Msg::html_points, html::number(total.net_points)),
         tr(f.rules.subject == rules::Subject::person ? Msg::html_fig_person_total
                                                      : Msg::html_fig_dept_total)},
        {tr(Msg::html_fig_yuan), tr(Msg::html_yuan, total.net_yuan.str()),
         tr(Msg::html_fig_after_penalties)}};

    // quotas as `status --year` shows them: at the year's end, or today while the year runs
    auto as_of = f.tally.period.to;
    if (f.tally.period.from <= today && today < as_of) as_of = today;
    fill_completion(page, store, f.rules, f.tally, as_of);

    const int months = today.year() == year ? today.month() : 12;
    page.trend_title = trend_title(year, months);
    page.trend = adoption_trend(store, f.rules.vocabulary, year, months);

    for (auto by :
         {first, first == rules::Subject::person ? rules::Subject::dept : rules::Subject::person}) {
        const bool person = by == rules::Subject::person;
        auto t = tally_table(f, by, unit);
        t.title = tr(person ? Msg::html_person_table : Msg::html_dept_table);
        page.tables.push_back({person ? "persons" : "depts", std::move(t)});
    }
    page.footer = tr(Msg::html_tally_footer, today.iso(), year);
    return html::render_page(page);
}

}  // namespace infotally::report
