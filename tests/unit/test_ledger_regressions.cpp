// Inputs fuzz/fuzz_date and fuzz/fuzz_import once crashed on (tests/fuzz-regressions/fuzz_date/,
// fuzz_import/), and the fixes.
#include <doctest/doctest.h>

#include "fuzz/date_entry.hpp"
#include "fuzz/import_entry.hpp"
#include "lib/model/date.hpp"
#include "tests/unit/fuzz_replay.hpp"

using namespace infotally;

TEST_SUITE("ledger fuzz regressions") {
    TEST_CASE("every input fuzz_date crashed on is now refused or read cleanly") {
        test::replay_fuzz_regressions("fuzz_date", fuzz::date_input);
    }

    // Each input goes through `import --dry-run` on a small ledger made in a temporary folder.
    TEST_CASE("every input fuzz_import crashed on is now refused or read cleanly") {
        test::replay_fuzz_regressions("fuzz_import", fuzz::import_input);
    }

    TEST_CASE("a day or month number past 255 is refused, not wrapped") {
        CHECK_FALSE(model::Date::parse("2026.3.531"));  // once read as 2026-03-19
        CHECK_FALSE(model::Date::parse("2026-03-287"));
        CHECK_FALSE(model::Date::parse("2026-259-05"));
        CHECK_FALSE(model::Date::parse("2026年3月1001日"));
        CHECK_FALSE(model::Date::from_ymd(2026, 3, 256 + 5));
        CHECK(model::Date::parse("2026.3.31")->iso() == "2026-03-31");
    }
}
