#include "lib/io/text.hpp"

#include <utf8proc.h>
#include <algorithm>
#include <cstdlib>
#include <memory>

namespace infotally::io {

namespace {

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;  // bytes consumed; 1 for an invalid byte
    bool valid = false;
};

bool is_continuation(unsigned char b) {
    return (b & 0xC0U) == 0x80U;
}

// Decodes the sequence starting at `pos` following RFC 3629 table 3-7 exactly, so that overlong
// forms and surrogates are rejected byte by byte rather than decoded to a look-alike.
CodePoint decode_at(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[pos + i]); };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80U) return {b0, 1, true};
    std::size_t length = 0;
    unsigned char lo = 0x80U;
    unsigned char hi = 0xBFU;
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
        length = 2;
    } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
        length = 3;
        if (b0 == 0xE0U) lo = 0xA0U;
        if (b0 == 0xEDU) hi = 0x9FU;
    } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
        length = 4;
        if (b0 == 0xF0U) lo = 0x90U;
        if (b0 == 0xF4U) hi = 0x8FU;
    } else {
        return {};
    }
    if (pos + length > s.size()) return {};
    if (byte(1) < lo || byte(1) > hi) return {};
    char32_t value = b0 & (0xFFU >> (length + 1));
    value = (value << 6) | (byte(1) & 0x3FU);
    for (std::size_t i = 2; i < length; ++i) {
        if (!is_continuation(byte(i))) return {};
        value = (value << 6) | (byte(i) & 0x3FU);
    }
    return {value, length, true};
}

// Unicode's Cc (control) category, U+0000-U+001F and U+007F-U+009F: a set the Unicode
// stability policy fixes for good, so it needs no table.
bool is_control(char32_t cp) {
    return cp < 0x20U || (cp >= 0x7FU && cp <= 0x9FU);
}

// Characters two columns wide that ledgers are made of: CJK ideographs (the unified block and
// extension A), CJK punctuation and full-width forms. Answered without a lookup in utf8proc's
// tables, which printing a month's 55,000 adoptions made for every character of every cell;
// tests/unit/test_io_nfc.cpp checks every one against utf8proc.
bool wide_cjk(char32_t cp) {
    return (cp >= 0x4E00U && cp <= 0x9FFFU) || (cp >= 0x3400U && cp <= 0x4DBFU) ||
           (cp >= 0x3000U && cp <= 0x3029U) || (cp >= 0xFF01U && cp <= 0xFF60U);
}

std::size_t char_width(char32_t cp) {
    // utf8proc gives some control characters a width of 1; a terminal moves the cursor instead.
    if (is_control(cp)) return 0;
    if (cp < 0x80U) return 1;
    if (wide_cjk(cp)) return 2;
    const int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    return width > 0 ? static_cast<std::size_t>(width) : 0;
}

// Code points NFC leaves alone wherever they stand: no canonical decomposition, combining class
// 0, never the second half of a composition (an ASCII letter can be the first half, but only of
// a pair whose second is not in this list). Ledgers are ASCII and CJK almost entirely, so text
// made of these alone skips utf8proc; tests/unit/test_io_nfc.cpp checks every one against it.
bool nfc_inert(char32_t cp) {
    return cp < 0x80U || (cp >= 0x4E00U && cp <= 0x9FFFU) || (cp >= 0x3400U && cp <= 0x4DBFU) ||
           (cp >= 0x3001U && cp <= 0x3029U) || (cp >= 0xFF01U && cp <= 0xFF5EU) ||
           (cp >= 0x2010U && cp <= 0x2027U) || cp == 0xB7U;
}

bool all_nfc_inert(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80U) {
            ++pos;
            continue;
        }
        const CodePoint cp = decode_at(text, pos);
        if (!cp.valid || !nfc_inert(cp.value)) return false;
        pos += cp.length;
    }
    return true;
}

constexpr std::string_view k_ellipsis = "…";
constexpr std::string_view k_replacement = "\uFFFD";

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        // ASCII dominates ledgers; skipping it without the full decoder keeps imports fast.
        if (static_cast<unsigned char>(text[pos]) < 0x80U) {
            ++pos;
            continue;
        }
        const CodePoint cp = decode_at(text, pos);
        if (!cp.valid) return pos;
        pos += cp.length;
    }
    return std::string_view::npos;
}

bool valid_utf8(std::string_view text) {
    return first_invalid_utf8(text) == std::string_view::npos;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b >= 0x20U && b < 0x7FU) {  // printable ASCII (figures, dates): one column each
            ++width;
            ++pos;
            continue;
        }
        const CodePoint cp = decode_at(text, pos);
        width += cp.valid ? char_width(cp.value) : 1;
        pos += cp.length;
    }
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    const std::size_t budget = width - display_width(k_ellipsis);
    std::size_t used = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const CodePoint cp = decode_at(text, pos);
        const std::size_t w = cp.valid ? char_width(cp.value) : 1;
        // Zero-width marks after the last kept character stay with it.
        if (used + w > budget) break;
        used += w;
        pos += cp.length;
    }
    std::string out(text.substr(0, pos));
    out += k_ellipsis;
    return out;
}

std::string pad_to_width(std::string_view text, std::size_t width, Align align) {
    const std::size_t have = display_width(text);
    if (have >= width) return std::string(text);
    const std::string padding(width - have, ' ');
    return align == Align::left ? std::string(text) + padding : padding + std::string(text);
}

void append_fitted(std::string& out, std::string_view text, std::size_t width, Align align) {
    std::size_t have = display_width(text);
    std::string cut;
    if (have > width) {
        cut = truncate_to_width(text, width);
        text = cut;
        have = display_width(text);
    }
    const std::size_t padding = width > have ? width - have : 0;
    if (align != Align::left) out.append(padding, ' ');
    out += text;
    if (align == Align::left) out.append(padding, ' ');
}

std::string nfc(std::string_view text) {
    if (text.empty() || all_nfc_inert(text) || !valid_utf8(text)) return std::string(text);
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    if (length < 0 || mapped == nullptr) return std::string(text);
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

std::size_t sanitized_prefix(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b >= 0x20U && b < 0x7FU) {  // printable ASCII, most of a ledger's cells
            ++pos;
            continue;
        }
        const CodePoint cp = decode_at(text, pos);
        if (!cp.valid || is_control(cp.value) || cp.value == U'\u2028' || cp.value == U'\u2029')
            break;
        pos += cp.length;
    }
    return pos;
}

std::string sanitize_cell(std::string_view text) {
    // What needs no change is copied whole: a cell piece by piece was a tenth of printing a
    // month's report.
    std::size_t pos = sanitized_prefix(text);
    std::string out(text.substr(0, pos));
    if (pos == text.size()) return out;
    out.reserve(text.size());
    while (pos < text.size()) {
        const CodePoint cp = decode_at(text, pos);
        if (!cp.valid) {
            out += k_replacement;
        } else if (cp.value == U'\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
            out += ' ';
            ++pos;  // the LF of the CRLF pair
        } else if (is_control(cp.value) || cp.value == U'\u2028' || cp.value == U'\u2029') {
            out += ' ';
        } else {
            out.append(text.substr(pos, cp.length));
        }
        pos += cp.length;
    }
    return out;
}

std::string escape_for_terminal(std::string_view text) {
    static constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const CodePoint cp = decode_at(text, pos);
        const bool control = cp.valid && cp.value != U'\n' && is_control(cp.value);
        if (cp.valid && !control) {
            out.append(text.substr(pos, cp.length));
        } else {
            for (std::size_t i = 0; i < cp.length; ++i) {
                const auto b = static_cast<unsigned char>(text[pos + i]);
                out += "\\x";
                out += k_hex[b >> 4];
                out += k_hex[b & 0xFU];
            }
        }
        pos += cp.length;
    }
    return out;
}

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace infotally::io
