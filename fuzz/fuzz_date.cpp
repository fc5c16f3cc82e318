// libFuzzer target: dates, months and --author lists: model::Date::parse, model::Month::parse,
// ledger::parse_authors. What is checked is in date_entry.hpp; infotally::Error is the expected
// outcome of bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/date_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        infotally::fuzz::date_input(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const infotally::Error&) {
    }
    return 0;
}
