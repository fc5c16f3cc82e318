#include <doctest/doctest.h>

#include <limits>
#include <optional>

#include "lib/model/date.hpp"
#include "lib/model/decimal.hpp"
#include "lib/model/error.hpp"
#include "lib/model/id_index.hpp"
#include "lib/model/records.hpp"

using namespace infotally::model;

TEST_SUITE("model") {
    TEST_CASE("Decimal parses and prints exactly") {
        CHECK(Decimal::parse("32.5")->hundredths() == 3250);
        CHECK(Decimal::parse("-1")->str() == "-1.00");
        CHECK(Decimal::parse(" 0.05 ")->str() == "0.05");
        CHECK(Decimal::parse("+7")->hundredths() == 700);
        CHECK_FALSE(Decimal::parse("1.005"));  // more than two places is refused, not rounded
        CHECK_FALSE(Decimal::parse("abc"));
        CHECK_FALSE(Decimal::parse(""));
        CHECK_FALSE(Decimal::parse("1e3"));
        CHECK_FALSE(Decimal::parse("."));
        CHECK_FALSE(Decimal::parse("5."));
        CHECK_FALSE(Decimal::parse("99999999999999999999"));
    }

    TEST_CASE("Decimal times Ratio rounds half away from zero") {
        const auto half = *Ratio::parse("0.5");
        CHECK((Decimal::parse("0.05").value() * half).str() == "0.03");
        CHECK((Decimal::parse("-0.05").value() * half).str() == "-0.03");
        CHECK((Decimal::parse("80").value() * *Ratio::parse("2")).str() == "160.00");
        CHECK((Decimal::parse("10").value() * *Ratio::parse("0.3333")).str() == "3.33");
    }

    TEST_CASE("Ratio parses up to four places and prints its shortest form") {
        CHECK(Ratio::parse("0.6")->ten_thousandths() == 6000);
        CHECK(Ratio::parse("0.6")->str() == "0.6");
        CHECK(Ratio::parse("2")->str() == "2");
        CHECK(Ratio::parse("0.3333")->str() == "0.3333");
        CHECK_FALSE(Ratio::parse("0.33333"));
        CHECK_FALSE(Ratio::parse("1/3"));
        CHECK(Ratio::fraction(79, 116).ten_thousandths() == 6810);  // 68.10%
    }

    TEST_CASE("split hands out every hundredth, largest remainder first") {
        auto parts = split(Decimal::parse("65")->operator*(1), std::vector<std::int64_t>{1, 1, 1});
        CHECK(parts[0].str() == "21.67");
        CHECK(parts[1].str() == "21.67");
        CHECK(parts[2].str() == "21.66");
        auto neg = split(*Decimal::parse("-0.05"), std::vector<std::int64_t>{1, 1});
        CHECK((neg[0] + neg[1]).str() == "-0.05");
        auto shares = equal_shares(3);
        CHECK(shares[0].ten_thousandths() + shares[1].ten_thousandths() +
                  shares[2].ten_thousandths() ==
              10000);
        CHECK(split(*Decimal::parse("10"), std::vector<std::int64_t>{0, 0})[0].is_zero());
        CHECK(split(*Decimal::parse("10"), std::vector<std::int64_t>{}).empty());
    }

    TEST_CASE("Date accepts ISO and Chinese forms and refuses impossible days") {
        CHECK(Date::parse("2026-03-05")->iso() == "2026-03-05");
        CHECK(Date::parse("2026年3月5日")->iso() == "2026-03-05");
        CHECK(Date::parse("2026/3/5")->iso() == "2026-03-05");
        CHECK(Date::parse("2024-02-29")->iso() == "2024-02-29");
        CHECK_FALSE(Date::parse("2026-02-30"));
        CHECK_FALSE(Date::parse("2025-02-29"));
        CHECK_FALSE(Date::parse("2026年13月1日"));
        CHECK_FALSE(Date::parse("2026-3"));
        CHECK(Date::parse("2026年3月5")->iso() == "2026-03-05");  // a forgotten 日 is no harm
        CHECK_FALSE(Date::parse("2026年3-5"));
        CHECK_FALSE(Date::parse("2026-03/05"));
        CHECK_FALSE(Date::parse("1899-12-31"));
        CHECK_FALSE(Date::parse("next tuesday"));
        CHECK_FALSE(Date::parse("2026-03-05x"));
    }

    TEST_CASE("Date arithmetic") {
        auto d = *Date::parse("2026-12-31");
        CHECK(d.plus_days(1).iso() == "2027-01-01");
        CHECK(d.day_of_year() == 365);
        CHECK(Date::days_in_year(2024) == 366);
        CHECK(*Date::parse("2026-03-01") < *Date::parse("2026-03-02"));
    }

    TEST_CASE("Month parses and knows its days") {
        auto m = *Month::parse("2026年2月");
        CHECK(m.iso() == "2026-02");
        CHECK(m.last_day().iso() == "2026-02-28");
        CHECK(Month::parse("2024-02")->last_day().iso() == "2024-02-29");
        CHECK(m.previous_year().iso() == "2025-02");
        CHECK_FALSE(Month::parse("2026-13"));
        CHECK_FALSE(Month::parse("2026-03-01"));
    }

    TEST_CASE("a person's department on a day follows their history") {
        Person p{1,
                 "张三",
                 {{1, "office", "办公室", *Date::parse("1900-01-01")},
                  {2, "gongsu", "第一检察部", *Date::parse("2026-07-01")}}};
        CHECK(p.membership_on(*Date::parse("2026-06-30")).dept_code == "office");
        CHECK(p.membership_on(*Date::parse("2026-07-01")).dept_code == "gongsu");
        CHECK(p.current().dept_code == "gongsu");
    }

    TEST_CASE("an error quoting a NUL keeps the rest of its message") {
        using namespace std::string_literals;
        const infotally::InputError e("'2026-03-05\0' is not a date"s, "a\0b"s);
        CHECK(std::string(e.what()) == "'2026-03-05\\x00' is not a date");
        CHECK(e.hint() == "a\\x00b");
        CHECK(std::string(infotally::Error("\0\0"s).what()) == "\\x00\\x00");
    }

    TEST_CASE("IdIndex finds each row's position, for numbers close together or far apart") {
        using Pos = std::optional<std::size_t>;
        IdIndex index;
        CHECK(index.find(1) == Pos{});  // empty
        for (Id id = 1; id <= 300; ++id) index.set(id, static_cast<std::size_t>(id) * 10);
        index.set(9'000'000'000, 7);  // far beyond the rows: kept aside, not in the vector
        index.set(-3, 8);             // negative
        index.set(0, 9);
        CHECK(index.find(1) == Pos{10});
        CHECK(index.find(300) == Pos{3000});
        CHECK(index.find(9'000'000'000) == Pos{7});
        CHECK(index.find(-3) == Pos{8});
        CHECK(index.find(0) == Pos{9});
        for (const Id missing : {Id{301}, Id{-1}, Id{2'000}, Id{8'999'999'999},
                                 std::numeric_limits<Id>::max(), std::numeric_limits<Id>::min()})
            CHECK(index.find(missing) == Pos{});
        // Setting a number again moves it, wherever it was kept.
        index.set(5, 1);
        index.set(9'000'000'000, 2);
        CHECK(index.find(5) == Pos{1});
        CHECK(index.find(9'000'000'000) == Pos{2});
        // A number first kept aside, set again once the vector reaches it: the new position.
        IdIndex grown;
        grown.set(1'500, 1);  // beyond 1024 + 4 for the first row: aside
        for (Id id = 1; id <= 200; ++id) grown.set(id, 0);
        grown.set(1'500, 2);  // now within the vector's reach
        CHECK(grown.find(1'500) == Pos{2});
        CHECK(grown.find(200) == Pos{0});
    }
}
