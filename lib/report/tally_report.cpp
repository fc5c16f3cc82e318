// `tally YEAR`: the year-end reward, exactly the figures finance pays.
#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/common.hpp"
#include "lib/report/figures.hpp"
#include "lib/report/reports.hpp"

namespace infotally::report {
using namespace detail;

namespace {

// What the person or department earned before quota rewards and penalties (after caps).
model::Decimal earned_points(const rules::TallyRow& r) {
    return r.adoption_points + r.submission_points - r.cap_deduction_points;
}
model::Decimal gross_yuan(const rules::TallyRow& r) {
    return r.yuan_earned - r.cap_deduction_yuan + r.quota_reward_yuan + r.points_yuan +
           r.floor_adjustment_yuan;
}

std::vector<std::string> tally_cells(const rules::TallyRow& r, rules::Subject by,
                                     const std::string& rank) {
    std::vector<std::string> cells{rank};
    if (by == rules::Subject::person)
        cells.insert(cells.end(), {r.name, r.dept_name});
    else
        cells.insert(cells.end(), {r.code, r.name});
    cells.insert(cells.end(),
                 {count_text(r.submitted), count_text(r.adopted_pieces), count_text(r.adoptions),
                  earned_points(r).str(), r.quota_reward_points.str(),
                  (-(r.penalty_points - r.floor_adjustment_points)).str(), r.net_points.str(),
                  gross_yuan(r).str(), (-r.penalty_yuan).str(), r.net_yuan.str()});
    return cells;
}

}  // namespace

TallyFigures detail::tally_figures(store::Store& store, int year) {
    auto rules = rules_for_year(store, year);
    auto tally = run_tally(store, rules, rules::Period::year(year), false);
    return {year, std::move(rules), std::move(tally)};
}

io::Table detail::tally_table(const TallyFigures& figures, rules::Subject by,
                              const std::string& unit) {
    const auto& rules = figures.rules;
    const auto& tally = figures.tally;
    auto rows = tally.rows(by);
    const auto rank_by = rank_figure(rules);
    rules::rank_rows(rows, rank_by);

    io::Table t;
    // ranked by net points, unless the rules pay money only (said in the title)
    t.title = tr(by == rules::Subject::person ? Msg::title_tally_person : Msg::title_tally_dept,
                 figures.year, unit,
                 rank_by == rules::RankBy::net_yuan ? tr(Msg::note_ranked_by_yuan) : "",
                 running_note(tally.period));
    t.columns = {int_col("rank", tr(Msg::col_place))};
    if (by == rules::Subject::person)
        t.columns.insert(t.columns.end(), {text_col("name", tr(Msg::col_name)),
                                           text_col("dept", tr(Msg::hdr_dept))});
    else
        t.columns.insert(t.columns.end(), {text_col("code", tr(Msg::hdr_code)),
                                           text_col("name", tr(Msg::col_department))});
    t.columns.insert(
        t.columns.end(),
        {dec_col("submitted", tr(Msg::col_submitted)), dec_col("adopted", tr(Msg::col_adopted)),
         dec_col("adoptions", tr(Msg::col_adoptions)), dec_col("points", tr(Msg::col_points)),
         dec_col("quota_reward", tr(Msg::col_reward)), dec_col("penalty", tr(Msg::col_penalty)),
         dec_col("net_points", tr(Msg::col_net_points)), dec_col("yuan", tr(Msg::col_yuan)),
         dec_col("penalty_yuan", tr(Msg::col_penalty_yuan)),
         dec_col("net_yuan", tr(Msg::col_net_yuan))});
    for (const auto& r : rows) t.rows.push_back(tally_cells(r, by, std::to_string(r.rank)));
    const auto& total = by == rules::Subject::person ? tally.person_total : tally.dept_total;
    auto total_cells = tally_cells(total, by, "");
    total_cells[1] = tr(Msg::cell_total);
    total_cells[2] = "";
    t.total_rows.push_back(t.rows.size());
    t.rows.push_back(std::move(total_cells));
    return t;
}

io::Sections tally_report(store::Store& store, const std::string& year_text, const Text& by_text) {
    const int year = ledger::parse_year(year_text, ledger::YearGiven::as_argument);
    // --by is checked before the rules are read, so a usage error is reported as one
    const auto by_given =
        by_text ? std::optional(parse_by(by_text, rules::Subject::person)) : std::nullopt;
    const auto figures = tally_figures(store, year);
    const auto by = by_given.value_or(figures.rules.subject);
    return {{"tally", tally_table(figures, by, store.unit_name())}};
}

}  // namespace infotally::report
