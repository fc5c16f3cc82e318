#pragma once
// A guard in front of toml::parse for a bug in toml++ 3.3 (Debian 12's libtomlplusplus): its
// is_non_ascii_horizontal_whitespace() reaches __builtin_unreachable() — undefined behaviour —
// for most code points in U+00A1–U+0499, U+2C5E–U+3057 and U+FB26–U+FEFE, which include the
// Chinese punctuation an input method types (。、《》「」). The parser asks that question of a
// character outside any string (where it is a syntax error anyway: `points = 5。`) and, in a
// """ string, of the character after a backslash and of those after a line-ending backslash.
// Upstream: marzer/tomlplusplus issues 190 and 295, fixed after 3.3. Internal to lib/rules;
// found by fuzz/fuzz_rules (tests/fuzz-regressions/fuzz_rules/).
#include <cstddef>
#include <optional>
#include <string_view>

namespace infotally::rules::detail {

struct UnsafeCharacter {
    int line = 0;            // 1-based
    int column = 0;          // 1-based, in code points as toml++ counts
    std::string_view text;   // the character's UTF-8 bytes
    bool in_string = false;  // after a backslash in a """ string, else outside any string
};

// The first character toml++ 3.3 would misbehave on, or nullopt when `text` is safe to parse.
std::optional<UnsafeCharacter> find_toml_unsafe_character(std::string_view text);

}  // namespace infotally::rules::detail
