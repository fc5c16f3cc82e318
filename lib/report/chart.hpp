#pragma once
// `status --chart`: quota completion drawn as horizontal bars for a terminal. Pure: bars in,
// text out, so the drawing is tested without a ledger (tests/unit/test_report_chart.cpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "lib/model/decimal.hpp"

namespace infotally::report {

struct ChartBar {
    std::string label;                   // a department, or "张三 (办公室)"
    model::Decimal done;                 // so far
    model::Decimal target;               // for the whole year; no bar when not above 0
    std::optional<model::Decimal> pace;  // expected by now (进度); none: no pace mark
};

// One block of bars under a heading: one quota of the year's rules.
struct ChartGroup {
    std::string heading;
    std::vector<ChartBar> bars;
};

struct ChartStyle {
    std::size_t width = 80;  // terminal columns the lines should fit in
    bool color = false;      // ANSI colour: green when done, red when behind the pace
};

// Each bar's line: the label padded to a common display width (Chinese characters take two
// columns), the bar in full blocks and one eighth-block (▏▎▍▌▋▊▉) for the fraction, scaled so
// that the target fills the bar; beyond 100% the bar stays full and ▸ follows it. The pace mark
// │ stands in the empty part of the bar where the bar should have reached by now (a bar past
// the pace hides it). Then the completion (62.5%) and done/target (5/8). Groups are separated
// by a blank line; a legend line ends the chart.
std::string draw_completion_chart(const std::vector<ChartGroup>& groups, const ChartStyle& style);

}  // namespace infotally::report
