// Inputs fuzz/fuzz_csv once crashed on (tests/fuzz-regressions/fuzz_csv/), replayed through the
// target's own entry point so that a fix stays fixed.
#include <doctest/doctest.h>

#include "fuzz/csv_entry.hpp"
#include "tests/unit/fuzz_replay.hpp"

using namespace infotally;

TEST_SUITE("io fuzz regressions") {
    TEST_CASE("every input fuzz_csv crashed on is now refused or read cleanly") {
        test::replay_fuzz_regressions("fuzz_csv", fuzz::csv_input);
    }
}
