#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "lib/io/sections.hpp"
#include "lib/io/table.hpp"

using namespace infotally::io;

namespace {

Table dept_scores() {
    Table table;
    table.columns = {{"dept", "部门"},
                     {"adoptions", "采用", Align::left, CellType::integer},
                     {"points", "得分", Align::left, CellType::decimal}};
    table.rows = {
        {"办公室", "3", "32.50"}, {"未成年人检察部", "12", "-1.00"}, {"合计", "15", "31.50"}};
    table.total_rows = {2};
    return table;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_SUITE("io table") {
    TEST_CASE("render_text aligns Chinese by display width") {
        const std::string expected =
            "部门            采用   得分\n"
            "───────────────────────────\n"
            "办公室             3  32.50\n"
            "未成年人检察部    12  -1.00\n"
            "───────────────────────────\n"
            "合计              15  31.50\n";
        CHECK(render_text(dept_scores()) == expected);
        // Every full line is exactly as wide as the rule: byte-based padding would not be.
        for (const std::string& line : lines_of(render_text(dept_scores()))) {
            CHECK(display_width(line) == 27);
            CHECK(line.back() != ' ');
        }
    }

    TEST_CASE("render_text: title, no trailing spaces, sanitised cells") {
        Table table;
        table.title = "2026年3月 信息采用";
        table.columns = {{"title", "标题"}, {"outlet", "媒体"}};
        table.rows = {{"第一行\n第二行", ""}, {"检察\x1b[2J", "检察日报"}};
        const std::string text = render_text(table);
        const auto lines = lines_of(text);
        REQUIRE(lines.size() == 5);
        CHECK(lines[0] == "2026年3月 信息采用");
        CHECK(lines[3] == "第一行 第二行");  // empty last cell: no padding left behind
        CHECK(lines[4] == "检察 [2J       检察日报");
        CHECK(text.find('\x1b') == std::string::npos);
        for (const auto& line : lines) CHECK((line.empty() || line.back() != ' '));
    }

    TEST_CASE("render_text: totals get one rule, none right under the header") {
        Table table = dept_scores();
        table.rows.push_back({"上年同期", "10", "20.00"});
        table.total_rows = {2, 3, 99};  // a block of two, and an index out of range is ignored
        const auto lines = lines_of(render_text(table));
        CHECK(lines.size() == 7);
        CHECK(lines[4].starts_with("─"));
        CHECK(lines[5].starts_with("合计"));
        CHECK(lines[6].starts_with("上年同期"));

        Table only_total = dept_scores();
        only_total.rows = {{"合计", "0", "0.00"}};
        only_total.total_rows = {0};
        CHECK(lines_of(render_text(only_total)).size() == 3);
    }

    TEST_CASE("render_text: max_width shrinks the widest text columns, not numbers") {
        Table table;
        table.columns = {{"title", "标题"},
                         {"dept", "部门"},
                         {"points", "得分", Align::left, CellType::decimal}};
        table.rows = {{"关于未成年人检察工作的信息", "未成年人检察部", "1234.50"}};
        const std::string wide = render_text(table);
        CHECK(display_width(lines_of(wide)[0]) > 30);

        const auto lines = lines_of(render_text(table, {.max_width = 30}));
        for (const auto& line : lines) CHECK(display_width(line) <= 30);
        CHECK(lines[2].find("1234.50") != std::string::npos);  // numbers are never cut
        CHECK(lines[2].find("…") != std::string::npos);

        // Never below 6 columns: an impossible width overflows instead of shredding cells.
        const auto narrow = lines_of(render_text(table, {.max_width = 5}));
        CHECK(display_width(narrow[1]) == 6 + 2 + 6 + 2 + 7);
        CHECK(narrow[2] == "关于…   未成…   1234.50");
    }

    TEST_CASE("render_text: empty tables and colour") {
        Table table = dept_scores();
        table.rows.clear();
        table.total_rows.clear();
        const auto lines = lines_of(render_text(table));
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == "部门  采用  得分");
        CHECK(lines[2] == "(none)");
        CHECK(render_text(Table{}) == "(none)\n");

        const std::string coloured = render_text(dept_scores(), {.color = true});
        CHECK(coloured.starts_with("\x1b[1m部门"));
        CHECK(coloured.find("\x1b[1m合计") != std::string::npos);
        CHECK(coloured.find("\x1b[1m办公室") == std::string::npos);
        CHECK(render_text(dept_scores()).find('\x1b') == std::string::npos);
    }

    TEST_CASE("render_csv: BOM, CRLF, quoting and formula neutralisation") {
        Table table = dept_scores();
        table.rows.push_back({"=HYPERLINK(\"http://x\",\"点我\")", "", "-2+3"});
        const std::string csv = render_csv(table);
        CHECK(csv ==
              "\xEF\xBB\xBF部门,采用,得分\r\n"
              "办公室,3,32.50\r\n"
              "未成年人检察部,12,-1.00\r\n"
              "合计,15,31.50\r\n"
              "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",,'-2+3\r\n");
        CHECK(csv.find("\n") == csv.find("\r\n") + 1);  // no bare LF
        CHECK(csv.find(",=") == std::string::npos);
    }

    TEST_CASE("render_csv pads short rows and keeps one-column empties") {
        Table table;
        table.columns = {{"a", "甲"}, {"b", "乙"}};
        table.rows = {{"只有一格"}};
        CHECK(render_csv(table) == "\xEF\xBB\xBF甲,乙\r\n只有一格,\r\n");
        table.columns.pop_back();
        table.rows = {{""}};
        CHECK(render_csv(table) == "\xEF\xBB\xBF甲\r\n\"\"\r\n");
    }

    TEST_CASE("render_json: keys, types, exact decimals, nulls, UTF-8") {
        Table table = dept_scores();
        table.rows = {{"办公室", "3", "32.50"}, {"未成年人检察部", "", "-1.00"}};
        const std::string json = render_json(table);
        CHECK(json ==
              "[\n"
              "  {\n"
              "    \"dept\": \"办公室\",\n"
              "    \"adoptions\": 3,\n"
              "    \"points\": 32.5\n"
              "  },\n"
              "  {\n"
              "    \"dept\": \"未成年人检察部\",\n"
              "    \"adoptions\": null,\n"
              "    \"points\": -1.0\n"
              "  }\n"
              "]\n");
        CHECK(json.find("\\u") == std::string::npos);
        CHECK(json.find("部门") == std::string::npos);  // keyed by key, not header
    }

    TEST_CASE("render_json never rounds decimals and keeps non-numbers as strings") {
        Table table;
        table.columns = {{"amount", "金额", Align::left, CellType::decimal},
                         {"count", "篇数", Align::left, CellType::integer}};
        table.rows = {
            {"0.10", "+7"}, {"12345678901.29", "九"}, {"1234567.01", "99999999999999999999"}};
        const std::string json = render_json(table);
        CHECK(json.find("\"amount\": 0.1,") != std::string::npos);
        CHECK(json.find("\"amount\": 12345678901.29,") != std::string::npos);
        CHECK(json.find("\"amount\": 1234567.01,") != std::string::npos);
        CHECK(json.find("\"count\": 7") != std::string::npos);
        CHECK(json.find("\"count\": \"九\"") != std::string::npos);
        CHECK(json.find("\"count\": \"99999999999999999999\"") != std::string::npos);
        CHECK(json.find("0.09999") == std::string::npos);
        CHECK(render_json(Table{}) == "[]\n");
        table.rows = {{"\xFF", "1"}};
        table.columns[0].type = CellType::text;
        CHECK_NOTHROW(render_json(table));
    }

    TEST_CASE(
        "a report's JSON: one object keyed by section, each array nested and handed on in "
        "pieces") {
        Table quoted = dept_scores();
        quoted.rows = {{"说\"明\"\n第二行", "1", "0.50"}};  // escaped: no line break of its own
        const Sections sections{{"month", quoted}, {"empty", Table{}}, {"ytd", dept_scores()}};
        const std::string json = render_sections(sections, Format::json);
        CHECK(json ==
              "{\n"
              "  \"month\": [\n"
              "    {\n"
              "      \"dept\": \"说\\\"明\\\"\\n第二行\",\n"
              "      \"adoptions\": 1,\n"
              "      \"points\": 0.5\n"
              "    }\n"
              "  ],\n"
              "  \"empty\": [],\n"
              "  \"ytd\": [\n"
              "    {\n"
              "      \"dept\": \"办公室\",\n"
              "      \"adoptions\": 3,\n"
              "      \"points\": 32.5\n"
              "    },\n"
              "    {\n"
              "      \"dept\": \"未成年人检察部\",\n"
              "      \"adoptions\": 12,\n"
              "      \"points\": -1.0\n"
              "    },\n"
              "    {\n"
              "      \"dept\": \"合计\",\n"
              "      \"adoptions\": 15,\n"
              "      \"points\": 31.5\n"
              "    }\n"
              "  ]\n"
              "}\n");
        CHECK(render_sections({}, Format::json) == "{}\n");

        // Thousands of rows arrive in many pieces, none of them the whole array, and add up to
        // the same text as one table rendered alone, nested one level deeper.
        Table many = dept_scores();
        many.rows.assign(5000, {"第一检察部", "7", "12.25"});
        std::vector<std::string> pieces;
        render_sections({{"rows", many}}, Format::json, {},
                        [&](std::string_view piece) { pieces.emplace_back(piece); });
        CHECK(pieces.size() > 5);
        std::string whole, longest;
        for (const auto& p : pieces) {
            whole += p;
            if (p.size() > longest.size()) longest = p;
        }
        CHECK(longest.size() < whole.size() / 5);
        std::string alone = render_json(many), nested;
        for (std::size_t i = 0; i < alone.size(); ++i) {
            nested += alone[i];
            if (alone[i] == '\n' && i + 1 < alone.size()) nested += "  ";
        }
        CHECK(whole == "{\n  \"rows\": " + nested.substr(0, nested.size() - 1) + "\n}\n");
    }

    TEST_CASE("parse_format and render dispatch") {
        CHECK(parse_format("table") == Format::table);
        CHECK(parse_format("CSV") == Format::csv);
        CHECK(parse_format("json") == Format::json);
        CHECK_FALSE(parse_format("xml").has_value());
        CHECK_FALSE(parse_format("").has_value());
        const Table table = dept_scores();
        CHECK(render(table, Format::csv, {}) == render_csv(table));
        CHECK(render(table, Format::json, {}) == render_json(table));
        CHECK(render(table, Format::table, {.max_width = 20}) ==
              render_text(table, {.max_width = 20}));
        CHECK(render(table, Format::table, {}) != render_csv(table));
    }
}
