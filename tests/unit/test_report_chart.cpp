// `status --chart`: bar lengths in full and eighth blocks, the cap at 100%, the pace mark, the
// alignment of Chinese labels by display width, colour, and the width the chart fits in.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lib/io/text.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/chart.hpp"

using namespace infotally;

namespace {

model::Decimal whole(std::int64_t n) {
    return model::Decimal::whole(n);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The line of the bar labelled `label`.
std::string line_of(const std::string& chart, std::string_view label) {
    for (const auto& line : lines_of(chart))
        if (line.starts_with(label)) return line;
    FAIL("no line for ", label, " in\n", chart);
    return {};
}

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The bar's length in eighths of a cell: full blocks count 8, ▏ 1 … ▉ 7.
std::size_t eighths(std::string_view line) {
    static const std::string_view k_parts[] = {"▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    std::size_t n = count(line, "█") * 8;
    for (std::size_t i = 0; i < 7; ++i) n += count(line, k_parts[i]) * (i + 1);
    return n;
}

// The display column at which `what` first appears in `line`.
std::size_t column_of(const std::string& line, std::string_view what) {
    const auto at = line.find(what);
    REQUIRE(at != std::string::npos);
    return io::display_width(std::string_view(line).substr(0, at));
}

// The last two words of a bar's line: "62.5% 5/8".
std::string figures(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    REQUIRE(words.size() >= 2);
    return words[words.size() - 2] + " " + words.back();
}

report::ChartBar bar(std::string label, std::int64_t done, std::int64_t target) {
    return {std::move(label), whole(done), whole(target), std::nullopt};
}

// The number of cells a full bar takes in this chart: the 100% bar's.
std::size_t full_cells(const std::string& chart, std::string_view label) {
    return eighths(line_of(chart, label)) / 8;
}

}  // namespace

TEST_SUITE("report chart") {
    TEST_CASE("bar lengths: 0%, 50%, 100%, and over 100% capped with a mark") {
        report::ChartStyle style;
        style.width = 80;
        const auto chart = report::draw_completion_chart(
            {{"quota",
              {bar("full", 8, 8), bar("half", 4, 8), bar("none", 0, 8), bar("over", 12, 8)}}},
            style);
        INFO(chart);
        const std::size_t cells = full_cells(chart, "full");
        CHECK(cells >= 10);
        CHECK(eighths(line_of(chart, "half")) == cells * 4);  // exactly half
        CHECK(eighths(line_of(chart, "none")) == 0);
        CHECK(eighths(line_of(chart, "over")) == cells * 8);  // capped at the full bar …
        CHECK(count(line_of(chart, "over"), "▸") == 1);       // … and marked as over
        CHECK(count(line_of(chart, "full"), "▸") == 0);
        CHECK(figures(line_of(chart, "full")) == "100.0% 8/8");
        CHECK(figures(line_of(chart, "half")) == "50.0% 4/8");
        CHECK(figures(line_of(chart, "none")) == "0.0% 0/8");
        CHECK(figures(line_of(chart, "over")) == "150.0% 12/8");
        CHECK(lines_of(chart).front() == "quota");
    }

    TEST_CASE("fractions of a cell are eighth blocks; anything done shows") {
        report::ChartStyle style;
        style.width = 80;
        // 1 of 3 on a bar of N cells: floor(N × 8 / 3) eighths
        const auto chart = report::draw_completion_chart(
            {{"", {bar("full", 3, 3), bar("third", 1, 3), bar("tiny", 1, 100000)}}}, style);
        const std::size_t cells = full_cells(chart, "full");
        CHECK(eighths(line_of(chart, "third")) == cells * 8 / 3);
        CHECK(eighths(line_of(chart, "tiny")) == 1);  // ▏ rather than nothing
        CHECK(count(line_of(chart, "tiny"), "▏") == 1);
        // a quarter is two eighths of every cell, so a whole number of eighths
        const auto quarter = report::draw_completion_chart({{"", {bar("q", 1, 4)}}}, style);
        CHECK(eighths(line_of(quarter, "q")) % 2 == 0);
    }

    TEST_CASE("Chinese labels align by display width") {
        report::ChartStyle style;
        style.width = 80;
        const auto chart = report::draw_completion_chart(
            {{"部门采用",
              {bar("办公室", 5, 8), bar("刑事执行检察部", 8, 8), bar("Research", 1, 8)}},
             {"每季度报送", {bar("第一检察部", 2, 8)}}},
            style);
        INFO(chart);
        // every bar starts, and every percentage ends, at the same display column
        std::vector<std::size_t> starts, ends;
        for (const char* label : {"办公室", "刑事执行检察部", "Research", "第一检察部"}) {
            const auto line = line_of(chart, label);
            starts.push_back(column_of(line, "█"));
            ends.push_back(column_of(line, "%"));
            CHECK(io::display_width(line) <= style.width);
        }
        for (std::size_t i = 1; i < starts.size(); ++i) {
            CHECK(starts[i] == starts[0]);
            CHECK(ends[i] == ends[0]);
        }
        // the widest label (14 columns) and two spaces come first
        CHECK(starts[0] == io::display_width("刑事执行检察部") + 2);
        // groups: each under its heading, a blank line between them, the legend last
        const auto lines = lines_of(chart);
        CHECK(lines[0] == "部门采用");
        CHECK(lines[4].empty());
        CHECK(lines[5] == "每季度报送");
        CHECK(lines.back().find("█") != std::string::npos);
    }

    TEST_CASE("the pace mark stands where the bar should be by now") {
        report::ChartStyle style;
        style.width = 80;
        report::ChartBar behind{"behind", whole(1), whole(8), whole(4)};  // pace at half
        report::ChartBar ahead{"ahead", whole(6), whole(8), whole(4)};
        report::ChartBar full{"full", whole(8), whole(8), std::nullopt};
        const auto chart = report::draw_completion_chart({{"", {behind, ahead, full}}}, style);
        INFO(chart);
        const std::size_t cells = full_cells(chart, "full");
        const auto line = line_of(chart, "behind");
        REQUIRE(count(line, "│") == 1);
        const std::size_t bar_start = column_of(line, "█");
        CHECK(column_of(line, "│") == bar_start + cells / 2);
        CHECK(count(line_of(chart, "ahead"), "│") == 0);  // the bar has passed it
        CHECK(count(line_of(chart, "full"), "│") == 0);   // no pace given
    }

    TEST_CASE("colour: green when done, red when behind the pace, none by default") {
        report::ChartBar done{"done", whole(9), whole(8), whole(4)};
        report::ChartBar behind{"behind", whole(1), whole(8), whole(4)};
        report::ChartBar on_track{"track", whole(5), whole(8), whole(4)};
        report::ChartStyle style;
        CHECK(
            report::draw_completion_chart({{"", {done, behind, on_track}}}, style).find("\x1b[") ==
            std::string::npos);
        style.color = true;
        const auto chart = report::draw_completion_chart({{"", {done, behind, on_track}}}, style);
        CHECK(line_of(chart, "done").find("\x1b[32m█") != std::string::npos);
        CHECK(line_of(chart, "behind").find("\x1b[31m█") != std::string::npos);
        CHECK(line_of(chart, "track").find("\x1b[") == std::string::npos);
    }

    TEST_CASE("the chart fits the width it is given") {
        const std::vector<report::ChartGroup> groups{
            {"", {bar("一个名字非常非常非常非常非常非常长的部门", 3, 8), bar("办公室", 8, 8)}}};
        for (std::size_t width : {40u, 60u, 100u, 200u}) {
            report::ChartStyle style;
            style.width = width;
            const auto chart = report::draw_completion_chart(groups, style);
            INFO(width, "\n", chart);
            for (const auto& line : lines_of(chart)) CHECK(io::display_width(line) <= width);
            const std::size_t cells = full_cells(chart, "办公室");
            CHECK(cells >= 10);
            CHECK(cells <= 50);
        }
        // too narrow for a readable bar: the bar keeps its minimum, the label is cut
        report::ChartStyle narrow;
        narrow.width = 20;
        const auto chart = report::draw_completion_chart(groups, narrow);
        CHECK(full_cells(chart, "办") == 10);
        CHECK(chart.find("…") != std::string::npos);
        // and the legend, too wide for one line, is one item a line, none lost
        const auto lines = lines_of(chart);
        REQUIRE(lines.size() >= 3);
        CHECK(lines[lines.size() - 3].find("done so far") != std::string::npos);
        CHECK(lines[lines.size() - 2].find("expected by now (pace)") != std::string::npos);
        CHECK(lines[lines.size() - 1].find("over 100%") != std::string::npos);
        for (std::size_t i = lines.size() - 3; i < lines.size(); ++i)
            CHECK(lines[i].find("   ") == std::string::npos);
        // a wide window keeps it on one
        CHECK(lines_of(report::draw_completion_chart(groups, {})).back().find("done so far") !=
              std::string::npos);
    }

    TEST_CASE("the legend speaks the interface language") {
        const std::vector<report::ChartGroup> groups{{"", {bar("x", 1, 2)}}};
        CHECK(lines_of(report::draw_completion_chart(groups, {})).back().find("over 100%") !=
              std::string::npos);
        set_language(Lang::zh);
        const auto zh = report::draw_completion_chart(groups, {});
        set_language(Lang::en);
        CHECK(lines_of(zh).back().find("超过 100%") != std::string::npos);
    }
}
