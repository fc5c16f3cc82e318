#pragma once
// fuzz_date: what one input is put through (see check.hpp).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/check.hpp"
#include "lib/io/text.hpp"
#include "lib/ledger/input.hpp"
#include "lib/model/date.hpp"

namespace infotally::fuzz {

namespace detail {

// The runs of ASCII digits in `text`, as numbers (saturating at a value no date part reaches).
inline std::vector<long> digit_runs(std::string_view text) {
    std::vector<long> out;
    bool in_run = false;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            if (!in_run) out.push_back(0);
            if (out.back() < 1'000'000) out.back() = out.back() * 10 + (c - '0');
            in_run = true;
        } else {
            in_run = false;
        }
    }
    return out;
}

inline std::vector<std::string> split_lines(std::string_view bytes) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
        out.emplace_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace detail

// Each line as a date and as a month, and all lines as one submission's --author
// list. A date or month that parses must consist of exactly the numbers written, in order,
// and print back (ISO) to itself.
inline void date_input(std::string_view bytes) {
    const std::vector<std::string> lines = detail::split_lines(bytes);
    for (const auto& line : lines) {
        if (const auto date = model::Date::parse(line)) {
            require(date->year() >= 1900 && date->year() <= 2999, "a parsed date is in range");
            require(detail::digit_runs(line) ==
                        std::vector<long>{date->year(), date->month(), date->day()},
                    "a parsed date is the day written");
            require(model::Date::parse(date->iso()) == date, "a date reads back from its ISO form");
        }
        if (const auto month = model::Month::parse(line)) {
            require(detail::digit_runs(line) == std::vector<long>{month->year, month->month},
                    "a parsed month is the month written");
            require(model::Month::parse(month->iso()) == month,
                    "a month reads back from its ISO form");
            require(month->first_day() <= month->last_day(), "a month's days are in order");
        }
    }
    try {
        const auto authors = ledger::parse_authors(lines);
        require(authors.size() == lines.size(), "one author per --author");
        for (const auto& author : authors) {
            require(!author.name.empty() && io::valid_utf8(author.name),
                    "an author's name is valid, non-empty text");
        }
    } catch (const Error&) {
    }
}

}  // namespace infotally::fuzz
