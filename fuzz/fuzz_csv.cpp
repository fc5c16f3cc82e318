// libFuzzer target: CSV import's reading: io::decode_to_utf8 (auto) then io::CsvReader.
// What is checked is in csv_entry.hpp; infotally::Error is the expected outcome of bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/csv_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        infotally::fuzz::csv_input(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const infotally::Error&) {
    }
    return 0;
}
