#pragma once
// One value, three renderings: a report builds a Table once and --format picks how it is shown.
// Text aligns by display width for the terminal, CSV is made for Excel, JSON is stable for
// scripts (keyed by Column::key, which never changes with --lang, unlike Column::header).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/io/text.hpp"

namespace infotally::io {

// decimal = an exact number with two places as text, like "32.50" (model::Decimal::str()).
enum class CellType { text, integer, decimal };

struct Column {
    std::string key;            // JSON key: stable, ASCII, snake_case
    std::string header;         // what people read: CSV header row and text table header
    Align align = Align::left;  // text columns only; numeric columns are always right-aligned
    CellType type = CellType::text;
};

// How a row reads at a glance, shown in colour on a terminal: done (green), behind (red).
enum class Tone { plain, good, bad };

struct Table {
    std::vector<Column> columns;
    // Cells as text, one per column; a short row is filled with empty cells, extra cells are
    // ignored.
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> total_rows;  // indexes of rows that are totals, drawn after a rule
    std::string title;                    // optional, printed above the table in text mode
    std::vector<Tone> tones;              // per row (may be shorter than rows: the rest plain)
};

struct TextOptions {
    std::size_t max_width = 0;  // terminal columns; 0 = no limit
    bool color = false;         // bold header and total rows (ANSI)
};

enum class Format { table, csv, json };

// "table", "csv", "json" in any case; nullopt otherwise.
std::optional<Format> parse_format(std::string_view name);

std::string render_text(const Table& table, const TextOptions& options = {});
std::string render_csv(const Table& table);
std::string render_json(const Table& table);
std::string render(const Table& table, Format format, const TextOptions& options = {});

}  // namespace infotally::io
