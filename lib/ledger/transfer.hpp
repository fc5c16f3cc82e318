#pragma once
// `import` and `export`: the ledger as a CSV 台账, one row per adoption (or per submission
// without adoption), in the format schemas/import.md describes. Export writes exactly what import
// reads back, so export | import into an empty ledger reproduces every record and its number.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "lib/io/encoding.hpp"
#include "lib/store/store.hpp"

namespace infotally::ledger {

struct ImportProgress {
    std::uint64_t bytes_read = 0;
    std::optional<std::uint64_t> file_size;  // absent for a pipe
    std::size_t rows = 0;
};

struct ImportOptions {
    std::string file;  // "-" = standard input
    io::Encoding encoding = io::Encoding::automatic;
    bool dry_run = false;         // check and count everything, write nothing
    bool create_missing = false;  // create unknown departments, people and outlets
    // Called after each block of the file (about every 4 MiB), for a progress indicator.
    std::function<void(const ImportProgress&)> progress;
};

struct ImportResult {
    std::string file;                            // as named in messages
    io::Encoding encoding = io::Encoding::utf8;  // as detected
    bool dry_run = false;
    bool numbers_kept = false;  // the file's record numbers (记录编号) were kept
    std::size_t rows = 0;
    std::size_t submissions_added = 0, submissions_present = 0;
    std::size_t adoptions_added = 0, adoptions_present = 0;
    std::size_t departments_created = 0, people_created = 0, outlets_created = 0;
};

// Reads the whole file, checks every row, and writes everything in one transaction, or nothing:
// any problem throws one InputError listing every bad row as "FILE:LINE: message".
ImportResult import_ledger(store::Store& store, const ImportOptions& options);

// "imported 1,234 rows from 台账.csv (gb18030): 400 submissions added, …" — or, for a dry run,
// what would be added.
std::string describe(const ImportResult& result);

struct ExportOptions {
    std::optional<std::string> year;  // only the submissions of this year (with all adoptions)
};

// Writes the ledger as CSV (UTF-8 with BOM, CRLF, Chinese headers) to `write`, a block at a time.
void export_ledger(store::Store& store, const ExportOptions& options,
                   const std::function<void(std::string_view)>& write);

}  // namespace infotally::ledger
