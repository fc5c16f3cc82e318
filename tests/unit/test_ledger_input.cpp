#include <doctest/doctest.h>

#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"

using namespace infotally;

TEST_SUITE("ledger input") {
    TEST_CASE("authors with and without shares") {
        auto a = ledger::parse_authors({"张三:0.6", "李四：40%"});
        REQUIRE(a.size() == 2);
        CHECK(a[0].name == "张三");
        CHECK(a[0].share->ten_thousandths() == 6000);
        CHECK(a[1].name == "李四");
        CHECK(a[1].share->ten_thousandths() == 4000);
        auto b = ledger::parse_authors({"Wang Wu", "赵六"});
        CHECK_FALSE(b[0].share);
        CHECK_THROWS_WITH_AS(ledger::parse_authors({"张三:0.8", "李四:0.8"}),
                             doctest::Contains("sum to 1.6"), InputError);
        CHECK_THROWS_WITH_AS(ledger::parse_authors({"张三:0.5", "李四"}),
                             doctest::Contains("some authors"), InputError);
        CHECK_THROWS_WITH_AS(ledger::parse_authors({"张三", "张三"}), doctest::Contains("twice"),
                             InputError);
        CHECK_THROWS_AS(ledger::parse_authors({"张三:0"}), InputError);
        CHECK_THROWS_AS(ledger::parse_authors({"张三:1.5"}), InputError);
        CHECK_THROWS_AS(ledger::parse_authors({"张三:-0.5", "李四:1.5"}), InputError);
        CHECK_THROWS_AS(ledger::parse_authors({}), UsageError);
    }

    TEST_CASE("text is trimmed, normalised and checked") {
        CHECK(ledger::clean_text("  办公室\u3000", "name", 10) == "办公室");
        CHECK(ledger::clean_text("e\u0301", "name", 10) == "\u00e9");  // NFC
        CHECK_THROWS_WITH_AS(ledger::clean_text("a\nb", "title", 10),
                             doctest::Contains("control character"), InputError);
        CHECK_THROWS_WITH_AS(ledger::clean_text("\xff\xfe", "title", 10),
                             doctest::Contains("UTF-8"), InputError);
        CHECK_THROWS_WITH_AS(ledger::clean_text("   ", "title", 10), doctest::Contains("empty"),
                             InputError);
        CHECK_THROWS_WITH_AS(ledger::clean_text("一二三四五六七八九十一", "title", 10),
                             doctest::Contains("too long"), InputError);
        CHECK(ledger::clean_optional_text("", "category", 10).empty());
    }

    TEST_CASE("counts and money") {
        CHECK(ledger::parse_count("1200", "length") == 1200);
        CHECK_THROWS_AS(ledger::parse_count("-1", "length"), InputError);
        CHECK_THROWS_AS(ledger::parse_count("12x", "length"), InputError);
        CHECK(ledger::parse_money("35.50", "fee").str() == "35.50");
        CHECK_THROWS_AS(ledger::parse_money("-3", "fee"), InputError);
        CHECK_THROWS_AS(ledger::parse_money("1.234", "fee"), InputError);
    }

    TEST_CASE("counts, money and dates as Excel and a Chinese keyboard write them") {
        // thousands separators, only where they group the whole part in threes
        CHECK(ledger::parse_count("1,234", "length") == 1234);
        CHECK(ledger::parse_count(" 1,234,567 ", "length") == 1234567);
        for (const char* bad : {"12,34", "1,2345", ",123", "1,234,", "1,,234", "1234,567", "0,500",
                                "01,234", "1，234", "１，２００", "1200，800"})
            CHECK_THROWS_WITH_AS(ledger::parse_count(bad, "length"), doctest::Contains(bad),
                                 InputError);
        // full-width digits and point (the full-width comma is a list's, refused above)
        CHECK(ledger::parse_count("１２００", "length") == 1200);
        CHECK(ledger::parse_money("２００．５", "fee").str() == "200.50");
        // the sign of yuan before, or 元 after
        CHECK(ledger::parse_money("￥200.00", "fee").str() == "200.00");
        CHECK(ledger::parse_money("¥1,035.5", "fee").str() == "1035.50");
        CHECK(ledger::parse_money("200元", "fee").str() == "200.00");
        CHECK(ledger::parse_money("￥ 1,200 元", "fee").str() == "1200.00");
        for (const char* bad :
             {"200元元", "￥-5", "$200", "1,23.5", "元", "￥", "200 yuan", "1,234.567", "1,234.5,6",
              "1,234.,5", "￥¥5", "¥￥5", "200，300", "-￥5"})
            CHECK_THROWS_AS(ledger::parse_money(bad, "fee"), InputError);
        // dates typed with full-width digits and separators
        CHECK(ledger::parse_date("２０２６年３月５日", "date").iso() == "2026-03-05");
        CHECK(ledger::parse_date("２０２６－０３－０５", "date").iso() == "2026-03-05");
        CHECK_THROWS_AS(ledger::parse_date("２０２６年１３月５日", "date"), InputError);
        CHECK(ledger::ascii_digits("第１２号，共３页") == "第12号，共3页");
    }

    TEST_CASE("months and years as a Chinese keyboard writes them, one parser for every command") {
        using ledger::YearGiven;
        CHECK(ledger::parse_month("2026-03").iso() == "2026-03");
        CHECK(ledger::parse_month("２０２６年３月").iso() == "2026-03");
        CHECK(ledger::parse_month("２０２６－０３").iso() == "2026-03");
        for (const char* bad : {"２０２６年１３月", "2026", "2026-3-5", "二〇二六年三月", ""})
            CHECK_THROWS_AS(ledger::parse_month(bad), InputError);
        CHECK(ledger::parse_year("2026", YearGiven::as_argument) == 2026);
        CHECK(ledger::parse_year("２０２６", YearGiven::with_flag) == 2026);
        CHECK(ledger::parse_year("2026年", YearGiven::as_argument) == 2026);
        CHECK(ledger::parse_year("２０２６年", YearGiven::as_argument) == 2026);
        for (const char* bad : {"", "26", "20266", "1899", "3000", "2026年年", "年", "+2026",
                                " 2026", "2026 ", "2O26", "２０２６．", "0x7e6"}) {
            INFO(bad);
            try {
                (void)ledger::parse_year(bad, YearGiven::with_flag);
                FAIL("expected InputError");
            } catch (const InputError& e) {
                CHECK(std::string(e.what()).find("is not a year") != std::string::npos);
                CHECK(e.hint().find("--year 2026") != std::string::npos);
            }
        }
        // the hint names the flag only where the year came with one
        try {
            (void)ledger::parse_year("26", YearGiven::as_argument);
            FAIL("expected InputError");
        } catch (const InputError& e) {
            CHECK(e.hint().find("--year") == std::string::npos);
        }
    }
}

TEST_SUITE("ledger record numbers") {
    TEST_CASE("record numbers are 1 to 15 digits, with an optional #") {
        CHECK(ledger::parse_record_id("17") == 17);
        CHECK(ledger::parse_record_id("#17") == 17);
        CHECK(ledger::parse_record_id("999999999999999") == 999'999'999'999'999);
        for (const char* bad :
             {"", "#", "0", "-1", "+1", " 1", "1.0", "1e3", "0x1", "1000000000000000",
              "99999999999999999999", "999999999999999999999999999999"}) {
            INFO(bad);
            CHECK_THROWS_WITH_AS(ledger::parse_record_id(bad),
                                 doctest::Contains("not a record number"), InputError);
        }
    }

    TEST_CASE("journal entries are numbered the same way, and say so when wrong") {
        CHECK(ledger::parse_journal_entry("3") == 3);
        CHECK(ledger::parse_journal_entry("#3") == 3);
        for (const char* bad : {"", "0", "-1", "1e30", "99999999999999999999", "abc"}) {
            INFO(bad);
            try {
                (void)ledger::parse_journal_entry(bad);
                FAIL("expected InputError");
            } catch (const InputError& e) {
                CHECK(std::string(e.what()).find("not a journal entry number") !=
                      std::string::npos);
                CHECK(e.hint().find("infotally log") != std::string::npos);
            }
        }
    }
}
