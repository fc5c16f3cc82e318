#include "lib/model/date.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace infotally::model {
namespace {

// Split "2026-03-05", "2026/3/5", "2026.3.5" or "2026年3月5日" into its numbers. Returns the
// numbers found (each 1-4 ASCII digits) or an empty vector if any other character appears.
std::vector<int> date_numbers(std::string_view s, bool chinese_day_suffix_allowed) {
    static constexpr std::string_view k_nian = "年", k_yue = "月", k_ri = "日";
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    std::vector<int> out;
    std::size_t i = 0;
    int expected_sep = 0;  // 0 unknown, 1 ascii, 2 chinese
    char ascii_sep = 0;    // the one ASCII separator a date uses throughout
    while (i < s.size()) {
        std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        std::size_t len = i - start;
        if (len == 0 || len > 4) return {};
        out.push_back(std::atoi(std::string(s.substr(start, len)).c_str()));
        if (i == s.size()) break;
        auto rest = s.substr(i);
        if (rest[0] == '-' || rest[0] == '/' || rest[0] == '.') {
            if (expected_sep == 2 || (ascii_sep != 0 && ascii_sep != rest[0])) return {};
            expected_sep = 1;
            ascii_sep = rest[0];
            ++i;
            if (i == s.size()) return {};
        } else if (rest.starts_with(k_nian) || rest.starts_with(k_yue) || rest.starts_with(k_ri)) {
            if (expected_sep == 1) return {};
            expected_sep = 2;
            const auto& mark = rest.starts_with(k_nian)  ? k_nian
                               : rest.starts_with(k_yue) ? k_yue
                                                         : k_ri;
            // 年 after the 1st number, 月 after the 2nd, 日 after the 3rd
            std::size_t pos = out.size();
            if ((mark == k_nian && pos != 1) || (mark == k_yue && pos != 2) ||
                (mark == k_ri && pos != 3))
                return {};
            if (mark == k_ri && !chinese_day_suffix_allowed) return {};
            i += mark.size();
            if (mark == k_ri && i != s.size()) return {};
        } else {
            return {};
        }
    }
    return out;
}

}  // namespace

std::optional<Date> Date::from_ymd(int y, int m, int d) {
    // Ranges first: std::chrono::day keeps only 0-255, so day 531 would become day 19.
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year{y},
                                    std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    // Every month has day 28: only a later day needs the month's length (a report reads dates
    // by the million, and ok() works that out for each).
    if (d > 28 && !ymd.ok()) return std::nullopt;
    return Date(ymd);
}

std::optional<Date> Date::parse(std::string_view text) {
    // The ledger's own form, "2026-03-05", read a million times by a report: without the
    // allocations of the general path below, which accepts it too and gives the same date.
    auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digit(0) && digit(1) && digit(2) &&
        digit(3) && digit(5) && digit(6) && digit(8) && digit(9)) {
        auto number = [&](std::size_t i, std::size_t n) {
            int v = 0;
            for (std::size_t k = i; k < i + n; ++k) v = v * 10 + (text[k] - '0');
            return v;
        };
        return from_ymd(number(0, 4), number(5, 2), number(8, 2));
    }
    auto n = date_numbers(text, true);
    if (n.size() != 3) return std::nullopt;
    return from_ymd(n[0], n[1], n[2]);
}

Date Date::today() {
    if (const char* fixed = std::getenv("INFOTALLY_TODAY"); fixed && *fixed) {
        if (auto d = parse(fixed)) return *d;
    }
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return *from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
    return buf;
}

int Date::days_since_epoch() const {
    return static_cast<int>(std::chrono::sys_days{m_ymd}.time_since_epoch().count());
}

Date Date::plus_days(int n) const {
    return Date(std::chrono::year_month_day{std::chrono::sys_days{m_ymd} + std::chrono::days{n}});
}

int Date::day_of_year() const {
    auto jan1 = *from_ymd(year(), 1, 1);
    return days_since_epoch() - jan1.days_since_epoch() + 1;
}

int Date::days_in_year(int year) {
    return std::chrono::year{year}.is_leap() ? 366 : 365;
}

std::optional<Month> Month::parse(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.ends_with("月")) text.remove_suffix(std::string_view("月").size());
    auto n = date_numbers(text, false);
    if (n.size() != 2 || n[0] < 1900 || n[0] > 2999 || n[1] < 1 || n[1] > 12) return std::nullopt;
    return Month{n[0], n[1]};
}

std::string Month::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

Date Month::first_day() const {
    return *Date::from_ymd(year, month, 1);
}

Date Month::last_day() const {
    auto ymdl = std::chrono::year_month_day_last{
        std::chrono::year{year},
        std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
    return *Date::from_ymd(year, month, static_cast<int>(static_cast<unsigned>(ymdl.day())));
}

}  // namespace infotally::model
