// Inputs fuzz/fuzz_rules once crashed on (tests/fuzz-regressions/fuzz_rules/), and the fix.
#include <doctest/doctest.h>

#include "fuzz/rules_entry.hpp"
#include "lib/rules/rules.hpp"
#include "tests/unit/fuzz_replay.hpp"

using namespace infotally;

TEST_SUITE("rules fuzz regressions") {
    TEST_CASE("every input fuzz_rules crashed on is now refused or read cleanly") {
        test::replay_fuzz_regressions("fuzz_rules", fuzz::rules_input);
    }

    // toml++ 3.3 reaches __builtin_unreachable() when it asks whether these characters are
    // whitespace (lib/rules/toml_guard.hpp); they are reported before toml++ sees them.
    TEST_CASE("characters toml++ 3.3 misreads are diagnosed before parsing") {
        auto only = [](std::string_view text) {
            const auto d = rules::check_rules(text);
            REQUIRE(d.size() == 1);
            return d.front();
        };
        auto full_stop = only("year = 2026\n[[base]]\npoints = 5。\n");
        CHECK(full_stop.line == 3);
        CHECK(full_stop.column == 11);
        CHECK(full_stop.message.find("unexpected '。' outside quotes") != std::string::npos);
        CHECK(only("\xc2\xa7 = 1\n").message.find("'§'") != std::string::npos);
        CHECK(only("a = 1 、\n").column == 7);
        auto backslash = only("title = \"\"\"\\\n    《考核办法》\"\"\"\n");
        CHECK(backslash.line == 2);
        CHECK(backslash.message.find("remove the backslash") != std::string::npos);
        CHECK(only("title = \"\"\"\\《\"\"\"\n").line == 1);
        // toml++ reads a number, date or true/false up to the next blank, comma or bracket,
        // quotes included, asking the same question of every character on the way.
        CHECK(only("x = 9223372036854775807\"《信息快报》\"\n").message.find("'《'") !=
              std::string::npos);
        CHECK(only("a = [1, 2\"、\"]\n").column == 11);
        CHECK(only("t = 1979-05-27T07:32:00\"。\"\n").line == 1);
    }

    TEST_CASE("the same characters inside strings and comments are fine") {
        CHECK(rules::check_rules("title = \"《考核办法》。、\"  # 注：《》。\n").empty());
        CHECK(rules::check_rules("title = '《考核办法》'\n").empty());
        CHECK(rules::check_rules("title = \"\"\"《考核办法》\n第二行。\"\"\"\n").empty());
        CHECK(rules::check_rules("title = '''\\《考核办法》'''\n").empty());
        CHECK(rules::check_rules("title = \"\"\"引号\\\"《》\"\"\"\n").empty());
        // """a"""" is a" (quotes may end the string), so only the unknown key is reported
        CHECK(rules::check_rules("title = \"\"\"a\"\"\"\"\ntitle2 = 1\n").size() == 1);
        CHECK(rules::check_rules("title = \"\"\"line\\\n    continued\"\"\"\n").empty());
        CHECK(rules::check_rules("levels = [{ key = \"a\", name = \"《甲》\" }, { key = \"b\", "
                                 "name = \"乙、丙\", aliases = [\"「丙」\"] }]\nyear = 2026 # 。\n")
                  .empty());
        // A quoted part of a dotted key is a string, not part of a value.
        for (const auto& d : rules::check_rules("title.\"《考核》\" = 1\n")) {
            CHECK(d.message.find("outside quotes") == std::string::npos);
        }
    }
}
