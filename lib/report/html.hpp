#pragma once
// A report as one self-contained HTML page (`--format html`): inline CSS and SVG, no script,
// nothing fetched from anywhere, laid out to print on A4. A pure renderer: it takes the page's
// figures as plain values (built by pages.cpp from the same tallies as the text reports) and
// returns the page. Every text is escaped; every chart mark carries its figures as data-*
// attributes, so the page can be checked (and read by other tools) without reading pixels.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/io/sections.hpp"
#include "lib/model/decimal.hpp"

namespace infotally::report::html {

// One subject's progress on one quota: a bar of actual ÷ target, and the pace mark at
// expected ÷ target (where the subject should be by now, by days elapsed).
struct QuotaBar {
    std::string subject;  // 办公室, or a person's name
    std::string dept;     // person bars: their department
    model::Decimal target;
    model::Decimal actual;
    model::Decimal expected;
    model::Decimal projected;  // year-end figure at this pace
    std::string completion;    // "60.0%", as `status` shows it
    bool behind = false;
};

// Every subject's bar for one [[quota]] of the rules.
struct QuotaChart {
    std::string label;    // the quota's name, or its conditions
    bool person = false;  // persons' bars (else departments')
    std::string unit;     // 篇 or 分
    std::vector<QuotaBar> bars;
};

// Points per department: shown instead of quota bars when the rules set no quotas.
struct PointsBar {
    std::string dept;
    model::Decimal points;
};

// Adoptions recorded per month at one level, this year and last year.
struct LevelTrend {
    std::string key;   // national
    std::string name;  // 国家级
    std::array<std::int64_t, 12> this_year{};
    std::array<std::int64_t, 12> last_year{};
};

struct Trend {
    int year = 0;
    int months = 12;  // this year's months with figures: January up to this one
    std::vector<LevelTrend> levels;
};

// A headline number: "本月采用 38", note "采用率 65.5%".
struct Figure {
    std::string label;
    std::string value;
    std::string note;
};

// One page: `report month` (MonthPage) or `tally` (TallyPage) — the same parts, filled from
// different periods.
struct Page {
    std::string title;     // <title> and heading
    std::string subtitle;  // what the figures cover
    std::vector<Figure> figures;
    std::string completion_title;  // 任务完成进度（截至 2026-03-31）
    std::string completion_note;   // said under the heading, e.g. that the rules set no quotas
    std::vector<QuotaChart> quotas;
    std::vector<PointsBar> points;  // when there are no quota charts
    std::string trend_title;
    Trend trend;
    // Rankings and listings, with their headings (Table::title) and headers; the
    // section key is the table's data-section, each cell's column key its data-key.
    io::Sections tables;
    std::string footer;
};
using MonthPage = Page;
using TallyPage = Page;

std::string render_page(const Page& page);

// & < > " ' as character references: safe in text and in quoted attribute values.
std::string escape(std::string_view text);
// A figure as an attribute or label: "12", "10.50".
std::string number(model::Decimal d);
// A month's name in the interface language: "3月", "March" (month 1 … 12).
std::string_view month_name(int month);
// A month of a year as the page says it: "2026年3月", "March 2026".
std::string month_of_year(int year, int month);

// The charts (html_charts.cpp): inline <svg> elements.
std::string quota_chart_svg(const QuotaChart& chart);
std::string points_chart_svg(const std::vector<PointsBar>& bars);
std::string trend_svg(const Trend& trend, const LevelTrend& level);

}  // namespace infotally::report::html
