#pragma once
// RFC 4180 CSV, read and written in one place so that what `export` writes `import` reads back.
//
// The reader works on a std::string_view of the whole, already decoded, file rather than on an
// istream: import has to hold the whole file anyway to detect its encoding (encoding.hpp), and a
// view lets the reader find field ends with plain scans and copy each field once, into a string
// that is reused from record to record. A million-row ledger thus costs no allocation per field
// once the first records have sized the buffers.
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace infotally::io {

class CsvReader {
  public:
    // `text` must outlive the reader. `source_name` (a file name) prefixes error messages.
    // `first_line` is the physical line `text` starts on, for a caller that reads a long file
    // block by block (csv_file.hpp); a UTF-8 BOM is skipped only at the start of line 1.
    explicit CsvReader(std::string_view text, std::string_view source_name = {},
                       std::size_t first_line = 1);
    // A temporary std::string would leave the reader pointing at freed memory.
    template <class T>
    requires std::same_as<T, std::string> CsvReader(T&& text, std::string_view source_name = {},
                                                    std::size_t first_line = 1)
    = delete;

    // Reads the next record into `fields` (resized to the record's field count; the strings are
    // reused) and returns true, or returns false at the end of the text. Accepts LF, CRLF and
    // lone CR line ends, quoted fields with embedded commas, doubled quotes and line breaks, a
    // last line without a line end, and a UTF-8 BOM at the start. Empty lines are skipped: they
    // carry no data and Excel leaves them at the end of files. Leniencies, as in Excel: a quote
    // inside an unquoted field is kept literally, and text after a closing quote is appended
    // ("ab"c -> abc). A quoted field that is never closed throws InputError naming the line where
    // it started.
    bool next(std::vector<std::string>& fields);

    // Physical line (1-based) where the record last returned by next() started.
    std::size_t line() const { return m_record_line; }

    // Where reading stands between two calls of next(): the offset in `text` just past the last
    // record returned (and its line end), and the physical line that offset is on. A block
    // reader resumes from here when a quoted field runs past the end of its block.
    std::size_t offset() const { return m_pos; }
    std::size_t offset_line() const { return m_line; }

  private:
    void read_quoted(std::string& field);
    void read_plain(std::string& field);

    std::string_view m_text;
    std::string m_source_name;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_record_line = 0;
};

// Whether a cell that starts with = + - @ TAB or CR is prefixed with an apostrophe so that Excel
// shows it as text instead of evaluating it (CSV injection). `keep` is for files meant only for
// infotally itself, where the apostrophe would not round-trip.
enum class FormulaGuard { neutralize, keep };

// ^[-+]?[0-9]+(\.[0-9]+)?$ : numbers that stay numbers in Excel even though "-1.00" starts with
// a formula character.
bool is_plain_number(std::string_view text);
// A plain number followed by one '%' ("-54.0%", "+12.5%"): Excel reads it as a number too.
bool is_plain_percentage(std::string_view text);

// Appends one field, quoted if it contains a comma, quote, CR or LF (inner quotes doubled).
void append_csv_field(std::string& out, std::string_view field,
                      FormulaGuard guard = FormulaGuard::neutralize);

// Appends the fields separated by commas and ended with CRLF (what Excel writes and expects).
void append_csv_line(std::string& out, const std::vector<std::string>& fields,
                     FormulaGuard guard = FormulaGuard::neutralize);
std::string csv_line(const std::vector<std::string>& fields,
                     FormulaGuard guard = FormulaGuard::neutralize);

}  // namespace infotally::io
