#include "lib/io/table.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "lib/io/csv.hpp"
#include "lib/io/json_rows.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::io {

namespace {

constexpr std::string_view k_gap = "  ";
constexpr std::string_view k_rule_char = "─";
// Shrinking a column below this leaves "ab…" stubs nobody can read; better to overflow.
constexpr std::size_t k_min_shrunk_width = 6;
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_reset = "\x1b[0m";
constexpr std::string_view k_green = "\x1b[32m";
constexpr std::string_view k_red = "\x1b[31m";

bool is_numeric(const Column& column) {
    return column.type != CellType::text;
}

std::string_view cell_at(const std::vector<std::string>& row, std::size_t index) {
    return index < row.size() ? std::string_view(row[index]) : std::string_view{};
}

void rstrip_spaces(std::string& line) {
    const std::size_t end = line.find_last_not_of(' ');
    line.erase(end == std::string::npos ? 0 : end + 1);
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// Narrows the widest text columns one column at a time until the table fits, which spreads the
// loss over the long titles and names instead of wiping out one column.
void shrink_to_fit(const std::vector<Column>& columns, std::vector<std::size_t>& widths,
                   std::size_t max_width) {
    std::size_t total = 0;
    for (const std::size_t w : widths) total += w;
    total += k_gap.size() * (widths.size() - 1);
    while (total > max_width) {
        std::size_t widest = widths.size();
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (is_numeric(columns[i]) || widths[i] <= k_min_shrunk_width) continue;
            if (widest == widths.size() || widths[i] > widths[widest]) widest = i;
        }
        if (widest == widths.size()) return;
        --widths[widest];
        --total;
    }
}

// The cell as sanitize_cell makes it: the text itself when nothing needs changing (nearly every
// cell), else a sanitised copy kept in `scratch`.
std::string_view clean_cell(std::string_view cell, std::string& scratch) {
    if (sanitized_prefix(cell) == cell.size()) return cell;
    scratch = sanitize_cell(cell);
    return scratch;
}

std::string text_line(const std::vector<std::string>& cells, const std::vector<Column>& columns,
                      const std::vector<std::size_t>& widths) {
    std::string line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) line += k_gap;
        const Align align = is_numeric(columns[i]) ? Align::right : columns[i].align;
        append_fitted(line, cells[i], widths[i], align);
    }
    rstrip_spaces(line);
    return line;
}

void emit_toned(std::string& out, const std::string& line, Tone tone) {
    out += tone == Tone::good ? k_green : k_red;
    out += line;
    out += k_reset;
    out += '\n';
}

void emit(std::string& out, const std::string& line, bool bold) {
    if (bold && !line.empty()) {
        out += k_bold;
        out += line;
        out += k_reset;
    } else {
        out += line;
    }
    out += '\n';
}

// Integers become JSON integers and decimals JSON numbers; a cell that is not the number its
// column promises is kept as a string rather than dropped, so nothing is lost.
nlohmann::ordered_json json_cell(const Column& column, std::string_view cell) {
    if (column.type == CellType::text) return std::string(cell);
    if (cell.empty()) return nullptr;
    if (!is_plain_number(cell)) return std::string(cell);
    std::string_view digits = cell;
    if (digits.front() == '+') digits.remove_prefix(1);  // from_chars refuses a plus sign
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    if (column.type == CellType::integer) {
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(first, last, value);
        if (error == std::errc{} && end == last) return value;
        return std::string(cell);
    }
    // nlohmann writes the shortest text that reads back as the same double, so "32.50" prints
    // as 32.5 and "0.10" as 0.1: exact for every figure of up to 15 significant digits.
    double value = 0;
    const auto [end, error] = std::from_chars(first, last, value);
    if (error == std::errc{} && end == last) return value;
    return std::string(cell);
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    if (equals_ignoring_ascii_case(name, "table")) return Format::table;
    if (equals_ignoring_ascii_case(name, "csv")) return Format::csv;
    if (equals_ignoring_ascii_case(name, "json")) return Format::json;
    return std::nullopt;
}

std::string render_text(const Table& table, const TextOptions& options) {
    std::string out;
    if (!table.title.empty()) {
        std::string title = sanitize_cell(table.title);
        if (options.max_width > 0) title = truncate_to_width(title, options.max_width);
        emit(out, title, options.color);
    }
    const std::vector<Column>& columns = table.columns;
    if (columns.empty()) {
        out += tr_view(Msg::table_empty);
        out += '\n';
        return out;
    }

    std::vector<std::string> header;
    std::vector<std::size_t> widths;
    for (const Column& column : columns) {
        header.push_back(sanitize_cell(column.header));
        widths.push_back(display_width(header.back()));
    }
    // Widths first, then the lines; cells are sanitised in each pass rather than kept, since a
    // second copy of a month's listing (40k rows at a province) was a fifth of the report's memory.
    std::string scratch;
    for (const auto& row : table.rows)
        for (std::size_t i = 0; i < columns.size(); ++i)
            widths[i] = std::max(widths[i], display_width(clean_cell(cell_at(row, i), scratch)));
    if (options.max_width > 0) shrink_to_fit(columns, widths, options.max_width);

    std::size_t full_width = k_gap.size() * (columns.size() - 1);
    for (const std::size_t w : widths) full_width += w;
    const std::string rule = repeat(k_rule_char, full_width);

    emit(out, text_line(header, columns, widths), options.color);
    emit(out, rule, false);
    const auto& rows = table.rows;
    if (rows.empty()) emit(out, tr(Msg::table_empty), false);

    std::vector<bool> is_total(rows.size(), false);
    for (const std::size_t index : table.total_rows) {
        if (index < is_total.size()) is_total[index] = true;
    }
    std::vector<std::string> cells(columns.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t i = 0; i < columns.size(); ++i)
            cells[i].assign(clean_cell(cell_at(rows[r], i), scratch));  // reusing their storage
        // One rule above a block of totals; right under the header rule it would be doubled.
        if (is_total[r] && r > 0 && !is_total[r - 1]) emit(out, rule, false);
        const Tone tone = r < table.tones.size() ? table.tones[r] : Tone::plain;
        if (options.color && tone != Tone::plain)
            emit_toned(out, text_line(cells, columns, widths), tone);
        else
            emit(out, text_line(cells, columns, widths), options.color && is_total[r]);
    }
    return out;
}

std::string render_csv(const Table& table) {
    std::string out(k_utf8_bom);
    std::vector<std::string> fields;
    for (const Column& column : table.columns) fields.push_back(column.header);
    append_csv_line(out, fields);
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < table.columns.size(); ++i) fields[i] = cell_at(row, i);
        append_csv_line(out, fields);
    }
    return out;
}

void write_json_rows(const Table& table, std::size_t indent,
                     const std::function<void(std::string_view)>& sink) {
    if (table.rows.empty()) return sink("[]");
    // Each row is one small object, dumped and handed on: the whole array as one JSON value
    // held every cell a second time, and its text a third (a month's report of a million-row
    // ledger peaked at 166 MB). The text is what dump(2) gives the array nested `indent` deep:
    // cells are strings, numbers or null, so a row's only line breaks are its own.
    const std::string pad(indent + 2, ' ');
    std::string out = "[\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        auto object = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const Column& column = table.columns[i];
            object[column.key] = json_cell(column, cell_at(table.rows[r], i));
        }
        // `replace` turns a stray invalid byte into U+FFFD instead of throwing mid-report.
        const auto text =
            object.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        out += pad;
        for (const char c : text) {
            out += c;
            if (c == '\n') out += pad;
        }
        out += r + 1 < table.rows.size() ? ",\n" : "\n";
        if (out.size() >= 64 * 1024) {
            sink(out);
            out.clear();
        }
    }
    out.append(indent, ' ');
    out += ']';
    sink(out);
}

std::string render_json(const Table& table) {
    std::string out;
    write_json_rows(table, 0, [&](std::string_view piece) { out += piece; });
    return out + "\n";
}

std::string render(const Table& table, Format format, const TextOptions& options) {
    switch (format) {
        case Format::csv:
            return render_csv(table);
        case Format::json:
            return render_json(table);
        case Format::table:
            break;
    }
    return render_text(table, options);
}

}  // namespace infotally::io
