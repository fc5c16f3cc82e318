// libFuzzer target: the rules-file loader: rules::check_rules and rules::parse_rules.
// What is checked is in rules_entry.hpp; infotally::Error is the expected outcome of bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/rules_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        infotally::fuzz::rules_input(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const infotally::Error&) {
    }
    return 0;
}
