#pragma once
// fuzz_csv: what one input is put through (see check.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/check.hpp"
#include "lib/io/csv.hpp"
#include "lib/io/encoding.hpp"
#include "lib/io/text.hpp"

namespace infotally::fuzz {

// A file as `import` reads it: bytes decoded (encoding detected), then split into
// records. What the reader returns, written back with csv_line, must read back the same.
inline void csv_input(std::string_view bytes) {
    io::Decoded decoded;
    try {
        decoded = io::decode_to_utf8(bytes, io::Encoding::automatic, "fuzz.csv");
    } catch (const InputError&) {
        return;
    }
    require(io::valid_utf8(decoded.utf8), "decoded text is valid UTF-8");
    std::vector<std::vector<std::string>> records;
    try {
        io::CsvReader reader(decoded.utf8, "fuzz.csv");
        std::vector<std::string> fields;
        while (reader.next(fields)) records.push_back(fields);
    } catch (const InputError&) {
        return;
    }
    // Written as export writes a file for infotally itself: BOM first, no formula guard.
    std::string written(io::k_utf8_bom);
    for (const auto& record : records) {
        io::append_csv_line(written, record, io::FormulaGuard::keep);
        (void)io::csv_line(record);  // the guarded form must not fail either
    }
    io::CsvReader again(written, "written.csv");
    std::vector<std::string> fields;
    for (const auto& record : records) {
        require(again.next(fields) && fields == record, "a record reads back as written");
    }
    require(!again.next(fields), "no extra record reads back");
    try {
        (void)io::encode_from_utf8(decoded.utf8, io::Encoding::gb18030);  // export --encoding gbk
    } catch (const InputError&) {
    }
}

}  // namespace infotally::fuzz
