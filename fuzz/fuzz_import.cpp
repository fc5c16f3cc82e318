// libFuzzer target: CSV import (ledger::import_ledger, dry run) on a small temporary ledger.
// What is checked is in import_entry.hpp; infotally::Error is the expected outcome of bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/import_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        infotally::fuzz::import_input(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const infotally::Error&) {
    }
    return 0;
}
