#pragma once
// The figures behind `report month` and `tally`, for the reports that show them in more than
// one way (the text, CSV and JSON tables, and the HTML page): computed once, by the same code.
#include <string>

#include "lib/io/sections.hpp"
#include "lib/model/date.hpp"
#include "lib/rules/rules.hpp"
#include "lib/rules/tally.hpp"
#include "lib/store/store.hpp"

namespace infotally::report::detail {

// Pieces submitted and adopted in a period, per department and in all: what `report month`
// compares with last year (同比).
struct PieceCounts {
    std::vector<store::PieceCount> depts;  // by department number
    store::PieceCount total;
    store::PieceCount of(model::Id dept_id) const;  // zeros for a department not in `depts`
};

// `report month`: the rules, the month's and the year to date's tallies, last year's pieces in
// the same month and year to date, and the report's sections (month, year_to_date, adoptions)
// exactly as `report month` prints them.
struct MonthFigures {
    model::Month month;
    rules::Rules rules;
    rules::Tally month_tally, ytd_tally;
    PieceCounts last_month, last_ytd;
    io::Sections sections;
};
MonthFigures month_figures(store::Store& store, const std::string& month);

// `tally YEAR`: the year's rules and tally (explain lines off).
struct TallyFigures {
    int year = 0;
    rules::Rules rules;
    rules::Tally tally;
};
TallyFigures tally_figures(store::Store& store, int year);
// The tally table of persons or departments, ranked, with its total row, as `tally` prints it.
io::Table tally_table(const TallyFigures& figures, rules::Subject by, const std::string& unit);

}  // namespace infotally::report::detail
