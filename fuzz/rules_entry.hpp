#pragma once
// fuzz_rules: what one input is put through (see check.hpp).
#include <string_view>

#include "fuzz/check.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::fuzz {

// The rules-file loader, as `rules check` and `rules set` run it.
inline void rules_input(std::string_view bytes) {
    const auto diagnostics = rules::check_rules(bytes);
    bool parsed = false;
    try {
        const rules::Rules parsed_rules = rules::parse_rules(bytes, "fuzz.toml");
        parsed = true;
        require(parsed_rules.source_text == bytes, "parse_rules kept the text verbatim");
    } catch (const InputError&) {
    }
    require(parsed == diagnostics.empty(), "check_rules and parse_rules agree");
}

}  // namespace infotally::fuzz
