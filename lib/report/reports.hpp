#pragma once
// The reports: status (quota completion and pace), the monthly report, the year-end tally and
// explain. Each builds its figures by streaming the ledger through the rules' TallyBuilder and
// returns tables; it knows nothing about terminals.
#include <optional>
#include <string>

#include "lib/io/sections.hpp"
#include "lib/report/chart.hpp"
#include "lib/rules/rules.hpp"
#include "lib/store/store.hpp"

namespace infotally::report {

using Text = std::optional<std::string>;

// The rules stored for `year`, or an error saying how to store them.
rules::Rules rules_for_year(store::Store& store, int year);

// `tally YEAR [--by person|dept]`: points, money, penalties and the net figure per person or
// department, ranked, with a total row.
io::Sections tally_report(store::Store& store, const std::string& year, const Text& by);

// `status [--year Y] [--as-of DATE] [--by person|dept]`: quota completion so far, the completion
// expected at this date, the projected year-end figure, who is behind; and overdue submissions.
io::Sections status_report(store::Store& store, const Text& year, const Text& as_of,
                           const Text& by);

// `status --chart`: the same figures drawn as bars, one block per quota (chart.hpp), as text for
// a terminal; and the overdue table when `status` would show one.
struct StatusChart {
    std::string text;
    std::optional<io::Table> overdue;
};
StatusChart status_chart(store::Store& store, const Text& year, const Text& as_of, const Text& by,
                         const ChartStyle& style);

// `report month YYYY-MM`: per department, the month and the year to date — submitted, adopted,
// adoption rate, points by level, rank, same period last year and the change (同比) — and the
// month's adoptions.
io::Sections month_report(store::Store& store, const std::string& month);

// `report month YYYY-MM --format html` and `tally YEAR --format html`: one self-contained HTML
// page (inline CSS and SVG, no script, prints on A4) — quota completion bars with the pace line,
// the monthly trend of adoptions by level against last year, the rankings, the month's
// adoptions (pages.cpp, rendered by html.hpp).
std::string month_report_html(store::Store& store, const std::string& month);
std::string tally_report_html(store::Store& store, const std::string& year, const Text& by);

// `explain ADOPTION_ID`: every rule that applied to one adoption, and how its score was split.
io::Sections explain_adoption(store::Store& store, const std::string& id);
// `explain --person NAME --year Y`: every number that went into a person's figure.
io::Sections explain_person(store::Store& store, const std::string& name, const std::string& year);

}  // namespace infotally::report
