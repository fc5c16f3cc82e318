#pragma once
// Calendar dates and months. Stored and printed as ISO "YYYY-MM-DD"; accepted on input also as
// Chinese dates ("2026年3月5日"), with '/' or '.' separators, and without leading zeros.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace infotally::model {

class Date {
  public:
    Date() = default;  // 1970-01-01
    // nullopt unless the text is a real calendar date between 1900 and 2999.
    static std::optional<Date> parse(std::string_view text);
    static std::optional<Date> from_ymd(int y, int m, int d);
    static Date today();  // local time; overridden by $INFOTALLY_TODAY (YYYY-MM-DD) for tests

    int year() const { return static_cast<int>(m_ymd.year()); }
    int month() const { return static_cast<int>(static_cast<unsigned>(m_ymd.month())); }
    int day() const { return static_cast<int>(static_cast<unsigned>(m_ymd.day())); }
    std::string iso() const;       // 2026-03-05
    int days_since_epoch() const;  // for differences
    Date plus_days(int n) const;
    int day_of_year() const;  // 1-based
    static int days_in_year(int year);

    friend bool operator==(const Date& a, const Date& b) { return a.m_ymd == b.m_ymd; }
    // Year, then month, then day: the calendar's order, without counting days from 1970.
    friend auto operator<=>(const Date& a, const Date& b) { return a.m_ymd <=> b.m_ymd; }

  private:
    explicit Date(std::chrono::year_month_day ymd) : m_ymd(ymd) {}
    std::chrono::year_month_day m_ymd{std::chrono::year{1970}, std::chrono::month{1},
                                      std::chrono::day{1}};
};

// A calendar month, "2026-03" (also "2026年3月", "2026/3").
struct Month {
    int year = 1970;
    int month = 1;
    static std::optional<Month> parse(std::string_view text);
    std::string iso() const;  // 2026-03
    Date first_day() const;
    Date last_day() const;
    Month previous_year() const { return {year - 1, month}; }
    friend auto operator<=>(const Month&, const Month&) = default;
};

}  // namespace infotally::model
