#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lib/io/csv.hpp"
#include "lib/model/error.hpp"

using namespace infotally::io;
using Rows = std::vector<std::vector<std::string>>;

namespace {

Rows read_all(std::string_view text, std::vector<std::size_t>* lines = nullptr) {
    CsvReader reader(text, "台账.csv");
    Rows rows;
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        rows.push_back(fields);
        if (lines) lines->push_back(reader.line());
    }
    return rows;
}

}  // namespace

TEST_SUITE("io csv") {
    TEST_CASE("reads plain records with LF, CRLF and a last line without a line end") {
        CHECK(read_all("标题,部门\n关于未成年人检察工作的信息,办公室\n") ==
              Rows{{"标题", "部门"}, {"关于未成年人检察工作的信息", "办公室"}});
        CHECK(read_all("标题,部门\r\n信息,办公室") == Rows{{"标题", "部门"}, {"信息", "办公室"}});
        CHECK(read_all("a\rb\r") == Rows{{"a"}, {"b"}});
        CHECK(read_all("").empty());
        CHECK(read_all("\r\n\n").empty());
    }

    TEST_CASE("quoted fields keep commas, doubled quotes and line breaks") {
        const Rows rows =
            read_all("\"检察日报,头版\",\"他说\"\"好\"\"\"\r\n\"第一行\r\n第二行\nLF\rCR\",x\r\n");
        REQUIRE(rows.size() == 2);
        CHECK(rows[0] == std::vector<std::string>{"检察日报,头版", "他说\"好\""});
        CHECK(rows[1] == std::vector<std::string>{"第一行\r\n第二行\nLF\rCR", "x"});
        // Quotes are syntax, not content: the unquoted reading differs.
        CHECK(read_all("\"a,b\"") != Rows{{"\"a", "b\""}});
        CHECK(read_all("\"\"") == Rows{{""}});
    }

    TEST_CASE("empty fields, trailing commas and lenient quotes") {
        CHECK(read_all(",a,\n") == Rows{{"", "a", ""}});
        CHECK(read_all("a,") == Rows{{"a", ""}});
        CHECK(read_all("5\"寸\",x\n") == Rows{{"5\"寸\"", "x"}});
        CHECK(read_all("\"ab\"c,d\n") == Rows{{"abc", "d"}});
    }

    TEST_CASE("skips a UTF-8 BOM only at the start") {
        CHECK(read_all("\xEF\xBB\xBF标题\n") == Rows{{"标题"}});
        CHECK(read_all("a\n\xEF\xBB\xBF标题\n") == Rows{{"a"}, {"\xEF\xBB\xBF标题"}});
    }

    TEST_CASE("line() is the physical line where the record started") {
        std::vector<std::size_t> lines;
        read_all("h1,h2\r\n\"多\r\n行\",x\r\n\r\nlast,y", &lines);
        CHECK(lines == std::vector<std::size_t>{1, 2, 5});
        lines.clear();
        read_all("a\rb\nc", &lines);
        CHECK(lines == std::vector<std::size_t>{1, 2, 3});
    }

    TEST_CASE("reuses and resizes the caller's fields") {
        CsvReader reader("a,b,c\nd\n");
        std::vector<std::string> fields{"old", "old", "old", "old", "old"};
        REQUIRE(reader.next(fields));
        CHECK(fields == std::vector<std::string>{"a", "b", "c"});
        REQUIRE(reader.next(fields));
        CHECK(fields == std::vector<std::string>{"d"});
        CHECK_FALSE(reader.next(fields));
        CHECK_FALSE(reader.next(fields));
    }

    TEST_CASE("an unclosed quote names the line where the field started") {
        const std::string text = "标题,部门\n信息,办公室\n\"关于未成年人\n检察工作,办公室\n";
        CsvReader reader(text, "台账.csv");
        std::vector<std::string> fields;
        CHECK(reader.next(fields));
        CHECK(reader.next(fields));
        try {
            reader.next(fields);
            FAIL("expected InputError");
        } catch (const infotally::InputError& e) {
            CHECK(std::string(e.what()).find("台账.csv: line 3") != std::string::npos);
            CHECK(std::string(e.what()).find("line 4") == std::string::npos);
            CHECK_FALSE(e.hint().empty());
        }
        CHECK_THROWS_AS(read_all("\""), infotally::InputError);
        CHECK_NOTHROW(read_all("\"closed\""));
    }

    TEST_CASE("is_plain_number") {
        for (const char* yes : {"0", "12", "-1.00", "+5", "32.50"}) CHECK(is_plain_number(yes));
        for (const char* no : {"", "-", "1.", ".5", "-2+3", "1e5", "1,000", "十二", " 1"}) {
            CHECK_FALSE(is_plain_number(no));
        }
        CHECK_FALSE(is_plain_number("-54.0%"));  // json_cell keeps percentages as text
    }

    TEST_CASE("is_plain_percentage") {
        for (const char* yes : {"0%", "68.1%", "-54.0%", "+12.5%", "100%"}) {
            CHECK(is_plain_percentage(yes));
        }
        for (const char* no : {"", "%", "-%", "54", "54%%", "%54", "-2+3%", "1e5%", "5 %", "5%x"}) {
            CHECK_FALSE(is_plain_percentage(no));
        }
    }

    TEST_CASE("csv_line quotes by RFC 4180 and ends with CRLF") {
        CHECK(csv_line({"标题", "部门"}) == "标题,部门\r\n");
        CHECK(csv_line({"检察日报,头版", "他说\"好\"", "两\n行"}) ==
              "\"检察日报,头版\",\"他说\"\"好\"\"\",\"两\n行\"\r\n");
        CHECK(csv_line({}) == "\r\n");
        CHECK(csv_line({""}) == "\"\"\r\n");  // not a blank line, which readers skip
        CHECK(read_all(csv_line({""})) == Rows{{""}});
    }

    TEST_CASE("csv_line neutralises formulas but not plain numbers") {
        CHECK(csv_line({"=HYPERLINK(\"http://x\",\"点我\")"}) ==
              "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"\r\n");
        CHECK(csv_line({"-2+3", "@SUM(A1)", "+86 10", "\t制表"}) ==
              "'-2+3,'@SUM(A1),'+86 10,'\t制表\r\n");
        CHECK(csv_line({"\r回车"}) == "\"'\r回车\"\r\n");
        CHECK(csv_line({"-1.00", "+5", "32.50", "信息-简讯"}) == "-1.00,+5,32.50,信息-简讯\r\n");
        // signed numbers and percentages (同比 "-54.0%") stay numbers Excel can sum and sort
        CHECK(csv_line({"-3", "-50.0%", "+12.5%", "-0.50"}) == "-3,-50.0%,+12.5%,-0.50\r\n");
        // but anything else that starts with = + - @ is text
        CHECK(csv_line({"=SUM(A1)", "+cmd", "-cmd", "@x"}) == "'=SUM(A1),'+cmd,'-cmd,'@x\r\n");
        CHECK(csv_line({"-50%x", "-%", "+5%%", "-1e5", "-3 "}) ==
              "'-50%x,'-%,'+5%%,'-1e5,'-3 \r\n");
        CHECK(csv_line({"=1+1"}, FormulaGuard::keep) == "=1+1\r\n");
    }

    TEST_CASE("what the writer writes the reader reads back") {
        const std::vector<std::string> record{"关于\"未成年人\"检察", "a,b", "多\r\n行", "", "=x"};
        const std::string text = csv_line(record, FormulaGuard::keep) + csv_line({"尾"});
        CsvReader reader(text);
        std::vector<std::string> fields;
        REQUIRE(reader.next(fields));
        CHECK(fields == record);
        REQUIRE(reader.next(fields));
        CHECK(reader.line() == 3);
        CHECK(fields == std::vector<std::string>{"尾"});
        CHECK_FALSE(reader.next(fields));
    }

    TEST_CASE("streams a large ledger") {
        std::string text = "编号,标题,部门,得分\r\n";
        for (int i = 0; i < 100000; ++i) {
            text += std::to_string(i) + ",\"关于未成年人检察工作的信息, 第" + std::to_string(i) +
                    "篇\",办公室,32.50\r\n";
        }
        CsvReader reader(text);
        std::vector<std::string> fields;
        std::size_t records = 0;
        while (reader.next(fields)) {
            ++records;
            REQUIRE(fields.size() == 4);
        }
        CHECK(records == 100001);
        CHECK(reader.line() == 100001);
        CHECK(fields[1] == "关于未成年人检察工作的信息, 第99999篇");
    }
}
