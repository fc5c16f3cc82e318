#pragma once
// UTF-8 helpers for everything that reaches a terminal or a file. Terminals lay Chinese out in
// two columns per character, so every width here is a DISPLAY width (utf8proc_charwidth), never
// a byte or code-point count. None of these functions throws: bad bytes are measured and copied
// as best they can be, because a report must still print when one title was mis-encoded.
#include <cstddef>
#include <string>
#include <string_view>

namespace infotally::io {

enum class Align { left, right };

inline constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Offset of the first byte that starts an invalid UTF-8 sequence (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or std::string_view::npos if `text` is valid.
std::size_t first_invalid_utf8(std::string_view text);
bool valid_utf8(std::string_view text);

// Columns a terminal uses: East Asian wide characters 2, combining marks and control
// characters 0, each invalid byte 1.
std::size_t display_width(std::string_view text);

// `text` unchanged if it fits in `width` columns; otherwise cut at a character boundary and
// ended with "…" (one column) so that the result is at most `width` columns wide.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Spaces added on the right (Align::left) or left (Align::right) up to `width` columns; text
// already wider than `width` is returned unchanged.
std::string pad_to_width(std::string_view text, std::size_t width, Align align);
// pad_to_width(truncate_to_width(text, width), width, align), appended to `out`: the text measured
// once and copied once (a month's listing has hundreds of thousands of cells).
void append_fitted(std::string& out, std::string_view text, std::size_t width, Align align);

// Canonical composition (NFC), so that "é" typed two ways is one name. Invalid UTF-8 is returned
// unchanged: normalising must never destroy the bytes a later error message needs to show.
std::string nfc(std::string_view text);

// One line of a table cell: control characters (tabs, newlines, ESC …) and line/paragraph
// separators become a space (CRLF becomes one space), invalid bytes become U+FFFD, so that a
// cell can neither break the layout nor send escape sequences to the terminal.
std::string sanitize_cell(std::string_view text);
// How many leading bytes of `text` sanitize_cell keeps as they are: text.size() when it would
// change nothing, so a caller can use the text itself.
std::size_t sanitized_prefix(std::string_view text);

// A message for the terminal (stderr): line feeds kept, every other control character (C0, DEL,
// C1) and each invalid byte written as \xNN, so that text quoted from the command line or a file
// can neither send escape sequences to the terminal nor hide what was wrong with it.
std::string escape_for_terminal(std::string_view text);

// For option values such as --format JSON or --encoding GBK.
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

}  // namespace infotally::io
