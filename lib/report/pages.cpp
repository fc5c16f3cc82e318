// `report month --format html` and `tally --format html`: the pages' figures. The tables are the
// text reports' own (figures.hpp), headed in Chinese; the quota bars are `status`'s figures for
// the same date; the trend is one streaming pass counting adoptions by month and level.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "lib/model/i18n.hpp"
#include "lib/report/common.hpp"
#include "lib/report/figures.hpp"
#include "lib/report/html.hpp"
#include "lib/report/reports.hpp"

namespace infotally::report {
using namespace detail;

namespace {

std::string zh_month(const model::Month& m) {
    return fmt::format("{}年{}月", m.year, m.month);
}

model::Date new_year(int year) {
    return *model::Date::from_ymd(year, 1, 1);
}

// The tables' columns headed in Chinese (the data-key of each cell stays the JSON key), the
// total row named 合计, the notes of the adoptions list in Chinese.
void chinese_headers(io::Table& t, std::string title) {
    static const std::map<std::string_view, std::string_view> headers{
        {"dept", "部门"},
        {"code", "代码"},
        {"submitted", "报送"},
        {"adopted", "采用"},
        {"adoptions", "采用次数"},
        {"adoption_rate", "采用率"},
        {"points_capped", "封顶扣减"},
        {"points", "得分"},
        {"yuan", "金额(元)"},
        {"rank", "名次"},
        {"last_year_adopted", "去年同期采用"},
        {"adopted_change", "同比"},
        {"adopted_on", "采用日期"},
        {"id", "编号"},
        {"title", "标题"},
        {"authors", "作者"},
        {"outlet", "采用单位"},
        {"level", "级别"},
        {"note", "备注"},
        {"quota_reward", "任务奖励"},
        {"penalty", "扣分"},
        {"net_points", "净得分"},
        {"penalty_yuan", "扣款(元)"},
        {"net_yuan", "净金额(元)"}};
    // The cells the report wrote in English, as the catalogue says them in Chinese (a report made
    // under --lang zh has them in Chinese already).
    const auto chinese = [](Msg id) {
        return std::pair{message_text(id, Lang::en), message_text(id, Lang::zh)};
    };
    static const std::map<std::string_view, std::string_view> notes{chinese(Msg::note_not_counted),
                                                                    chinese(Msg::note_zeroed)};
    static const auto total = chinese(Msg::cell_total);
    const bool persons = std::any_of(t.columns.begin(), t.columns.end(),
                                     [](const io::Column& c) { return c.key == "dept"; });
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        auto& col = t.columns[c];
        if (col.key == "name") {
            col.header = persons ? "姓名" : "部门";
        } else if (auto it = headers.find(col.key); it != headers.end()) {
            col.header = it->second;
        }
        for (auto& row : t.rows) {
            if (c >= row.size()) continue;
            if (row[c] == total.first) row[c] = total.second;
            if (auto it = notes.find(row[c]); col.key == "note" && it != notes.end())
                row[c] = it->second;
        }
    }
    t.title = std::move(title);
}

// One chart per quota of the rules (departments' quotas first), each subject's bar as `status`
// reports it, the furthest ahead first.
std::vector<html::QuotaChart> quota_charts(const rules::Rules& rules, const rules::Tally& tally) {
    std::vector<html::QuotaChart> charts(rules.quotas.size());
    for (std::size_t i = 0; i < charts.size(); ++i) {
        charts[i].person = rules.quotas[i].who == rules::Subject::person;
        charts[i].unit = rules.quotas[i].measure == rules::Measure::points      ? "分"
                         : rules.quotas[i].measure == rules::Measure::submitted ? "篇，报送"
                                                                                : "篇，采用";
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
        page.completion_title = fmt::format("任务完成进度（截至 {}）", as_of.iso());
        page.completion_note =
            "条长为完成数 ÷ 全年任务（超过 150% 截断），竖线为按已过天数应完成的时间进度；"
            "落后于时间进度的标红。";
        return;
    }
    page.completion_title = fmt::format("各部门得分（{} 至 {}）", tally.period.from.iso(),
                                        std::min(tally.period.to, as_of).iso());
    page.completion_note = fmt::format(
        "{}年的考核规则未设任务指标（[[quota]]），没有完成进度可比：下图为各部门所得分数"
        "（不含奖惩）。",
        as_of.year());
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
    return fmt::format("各级别采用趋势（{}年1—{}月，实线；{}年全年，虚线）", year, months,
                       year - 1);
}

}  // namespace

std::string month_report_html(store::Store& store, const std::string& month_text) {
    auto f = month_figures(store, month_text);
    const auto& m = f.month;
    const auto today = model::Date::today();
    const auto unit = store.unit_name();
    const auto last = m.previous_year();
    html::MonthPage page;
    page.title = fmt::format("{} {}信息宣传月报", unit, zh_month(m));
    page.subtitle = fmt::format(
        "统计月份 {}；本年累计 {}年1—{}月；同比为 {} 年同期。得分按 {} "
        "年的考核规则计算。",
        m.iso(), m.year, m.month, last.year, m.year);

    const auto& mt = f.month_tally.dept_total;
    const auto& yt = f.ytd_tally.dept_total;
    const auto earned = mt.adoption_points + mt.submission_points - mt.cap_deduction_points;
    const auto yuan = mt.yuan_earned - mt.cap_deduction_yuan;
    const auto change = change_text(yt.adopted_pieces, f.last_ytd_tally.dept_total.adopted_pieces);
    page.figures = {
        {"本月报送", count_text(mt.submitted) + " 篇",
         fmt::format("去年同月 {} 篇", count_text(f.last_month_tally.dept_total.submitted))},
        {"本月采用", count_text(mt.adopted_pieces) + " 篇",
         mt.submitted.is_zero() ? "" : "采用率 " + rate_text(mt.adopted_pieces, mt.submitted)},
        rank_figure(f.rules) == rules::RankBy::net_yuan
            ? html::Figure{"本月金额", yuan.str() + " 元", "按篇计发"}
            : html::Figure{"本月得分", html::number(earned) + " 分",
                           yuan.is_zero() ? "" : "金额 " + yuan.str() + " 元"},
        {"本年累计采用", count_text(yt.adopted_pieces) + " 篇",
         fmt::format("去年同期 {} 篇{}", count_text(f.last_ytd_tally.dept_total.adopted_pieces),
                     change.empty() ? "" : "，同比 " + change)}};

    // quotas as `status` shows them at the month's end, or today while the month runs
    auto as_of = m.last_day();
    if (m.first_day() <= today && today < as_of) as_of = today;
    fill_completion(page, store, f.rules, f.ytd_tally, as_of);

    page.trend_title = trend_title(m.year, m.month);
    page.trend = adoption_trend(store, f.rules.vocabulary, m.year, m.month);

    for (auto& s : f.sections) {
        if (s.key == "month")
            chinese_headers(
                s.table, fmt::format("本月各部门情况（{}，同比 {}）", zh_month(m), zh_month(last)));
        else if (s.key == "year_to_date")
            chinese_headers(s.table, fmt::format("本年累计（{}年1—{}月，同比 {}年同期）", m.year,
                                                 m.month, last.year));
        else
            chinese_headers(s.table, fmt::format("本月采用明细（{}）", zh_month(m)));
        page.tables.push_back(std::move(s));
    }
    page.footer = fmt::format(
        "由 infotally 于 {} 生成。排名按本期得分（不含任务奖惩，奖惩见年度结算）；"
        "采用率 = 采用篇数 ÷ 报送篇数；同比按采用篇数计。",
        today.iso());
    return html::render_page(page);
}

std::string tally_report_html(store::Store& store, const std::string& year_text,
                              const Text& by_text) {
    const int year = parse_year(year_text);
    // --by is checked before the rules are read, so a usage error is reported as one
    auto first = rules::Subject::person;
    if (by_text) first = parse_by(by_text, first);
    const auto f = tally_figures(store, year);
    if (!by_text) first = f.rules.subject;
    const auto today = model::Date::today();
    const auto unit = store.unit_name();
    const bool running = !(f.tally.period.to < today);
    html::TallyPage page;
    page.title = fmt::format("{} {}年度信息宣传考核结算", unit, year);
    page.subtitle = fmt::format(
        "统计期间 {} 至 {}；按 {} 年的考核规则计分、计奖。{}", f.tally.period.from.iso(),
        f.tally.period.to.iso(), year,
        running ? fmt::format("截至 {} 本年尚未结束：未结束的任务期不计奖罚。", today.iso()) : "");

    const auto& total =
        f.rules.subject == rules::Subject::person ? f.tally.person_total : f.tally.dept_total;
    const auto& dt = f.tally.dept_total;
    page.figures = {
        {"报送", count_text(dt.submitted) + " 篇", ""},
        {"采用", count_text(dt.adopted_pieces) + " 篇",
         dt.submitted.is_zero() ? "" : "采用率 " + rate_text(dt.adopted_pieces, dt.submitted)},
        {"净得分合计", html::number(total.net_points) + " 分",
         f.rules.subject == rules::Subject::person ? "个人合计" : "部门合计"},
        {"奖金合计", total.net_yuan.str() + " 元", "扣款后"}};

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
        chinese_headers(t, person ? "个人排名（得分与奖金）" : "部门排名（得分与奖金）");
        page.tables.push_back({person ? "persons" : "depts", std::move(t)});
    }
    page.footer = fmt::format(
        "由 infotally 于 {} 生成。净得分 = 得分 + 任务奖励 − 扣分；净金额 = 金额 − 扣款。"
        "每一项可用 infotally explain --person 姓名 --year {} 查明细。",
        today.iso(), year);
    return html::render_page(page);
}

}  // namespace infotally::report
