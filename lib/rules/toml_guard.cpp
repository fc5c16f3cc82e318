#include "lib/rules/toml_guard.hpp"

#include <cstdint>
#include <vector>

namespace infotally::rules::detail {
namespace {

// Mirrors toml++ 3.3's is_non_ascii_horizontal_whitespace(): it answers directly for the three
// code points below and for chunks 5 and 7 of its table, returns false for chunks whose bit is
// set in the mask, and falls through to its unreachable default for the rest.
bool misread_by_toml(char32_t c) {
    if (c < 0xA0 || c > 0xFEFF || c == 0xA0 || c == 0x3000 || c == 0xFEFF) return false;
    const auto chunk = static_cast<std::uint64_t>(c - 0xA0) / 0x3FA;
    return chunk != 5 && chunk != 7 && ((std::uint64_t{1} << chunk) & 0x7FFFFFFFFFFFF75Eull) == 0;
}

// What toml++ skips as whitespace after a line-ending backslash (ASCII and the non-ASCII
// horizontal whitespace it knows), asking the faulty question of each character on the way.
bool skipped_after_backslash(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x1680 ||
           c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

class Scanner {
  public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    std::optional<UnsafeCharacter> run() {
        while (m_pos < m_text.size()) {
            if (auto found = step()) return found;
            if (m_broken) return std::nullopt;  // invalid UTF-8: toml++ stops there too
        }
        return std::nullopt;
    }

  private:
    enum class State { outside, comment, basic, literal, multi_basic, multi_literal };

    // The code point at m_pos and its length, or nullopt on invalid UTF-8.
    std::optional<char32_t> peek(std::size_t& length) const {
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(m_text[i]); };
        const unsigned char lead = byte(m_pos);
        length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || m_pos + length > m_text.size()) return std::nullopt;
        if (length == 1) return lead;
        char32_t c = lead & (0x7F >> length);
        for (std::size_t i = 1; i < length; ++i) {
            if ((byte(m_pos + i) & 0xC0) != 0x80) return std::nullopt;
            c = (c << 6) | (byte(m_pos + i) & 0x3F);
        }
        return c;
    }

    // Moves past the code point at m_pos, keeping line and column.
    std::optional<char32_t> take() {
        std::size_t length = 0;
        const auto c = peek(length);
        if (!c) {
            m_broken = true;
            return std::nullopt;
        }
        m_last = m_text.substr(m_pos, length);
        m_pos += length;
        if (*c == '\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        return c;
    }

    bool starts_with(std::string_view s) const { return m_text.substr(m_pos).starts_with(s); }

    // Leaves a string at its closing delimiter, which may be followed by up to two more quote
    // characters that belong to the string (""""a"""" is "a").
    void close_multi_line(char quote) {
        m_pos += 3;
        m_column += 3;
        for (int i = 0; i < 2 && m_pos < m_text.size() && m_text[m_pos] == quote; ++i) {
            ++m_pos;
            ++m_column;
        }
        m_state = State::outside;
    }

    std::optional<UnsafeCharacter> unsafe(int line, int column, bool in_string) const {
        return UnsafeCharacter{line, column, m_last, in_string};
    }

    std::optional<UnsafeCharacter> step() {
        const char here = m_text[m_pos];
        switch (m_state) {
            case State::outside:
                return outside(here);
            case State::comment:
                if (here == '\n') m_state = State::outside;
                break;
            case State::basic:
            case State::literal:
                if (here == '\n' || here == (m_state == State::basic ? '"' : '\'')) {
                    m_state = State::outside;
                } else if (here == '\\' && m_state == State::basic) {
                    take();
                    if (m_pos < m_text.size() && m_text[m_pos] != '\n') take();
                    return std::nullopt;
                }
                break;
            case State::multi_literal:
                if (starts_with("'''")) {
                    close_multi_line('\'');
                    return std::nullopt;
                }
                break;
            case State::multi_basic:
                if (starts_with("\"\"\"")) {
                    close_multi_line('"');
                    return std::nullopt;
                }
                if (here == '\\') return after_backslash();
                break;
        }
        const int line = m_line, column = m_column;
        const auto c = take();
        if (c && m_state == State::outside && misread_by_toml(*c)) {
            return unsafe(line, column, false);
        }
        return std::nullopt;
    }

    // Between strings: keeps track of whether a value or a key comes next, because toml++ reads
    // a value that does not start with a quote, bracket or brace (a number, date, true, nan …)
    // by scanning ahead to the next whitespace, comma, bracket or '#', asking of every
    // character on the way whether it is whitespace: quotes included (`x = 1"《"`).
    std::optional<UnsafeCharacter> outside(char here) {
        switch (here) {
            case '#':
                m_state = State::comment;
                break;
            case '"':
            case '\'': {
                const char triple[] = {here, here, here};
                const bool multi_line = starts_with(std::string_view(triple, 3));
                if (multi_line) {
                    m_state = here == '"' ? State::multi_basic : State::multi_literal;
                    m_pos += 2;
                    m_column += 2;
                } else {
                    m_state = here == '"' ? State::basic : State::literal;
                }
                m_expect_value = false;
                break;
            }
            case '=':
                m_expect_value = true;
                break;
            case '[':  // an array where a value is expected, else a [table] header
                m_brackets.push_back(m_expect_value ? '[' : 'h');
                break;
            case '{':
                m_brackets.push_back('{');
                m_expect_value = false;
                break;
            case ']':
            case '}':
                if (!m_brackets.empty()) m_brackets.pop_back();
                m_expect_value = false;
                break;
            case ',':  // the next item of an array is a value, of an inline table a key
                m_expect_value = !m_brackets.empty() && m_brackets.back() == '[';
                break;
            case '\n':
                if (m_brackets.empty() || m_brackets.back() == 'h') {
                    m_brackets.clear();
                    m_expect_value = false;
                }
                break;
            case ' ':
            case '\t':
            case '\r':
                break;
            default:
                if (m_expect_value) return bare_value();
                break;
        }
        const int line = m_line, column = m_column;
        const auto c = take();
        if (c && misread_by_toml(*c)) return unsafe(line, column, false);
        return std::nullopt;
    }

    std::optional<UnsafeCharacter> bare_value() {
        m_expect_value = false;
        while (m_pos < m_text.size()) {
            const char here = m_text[m_pos];
            if ((here >= '\t' && here <= '\r') || here == ' ' || here == ',' || here == ']' ||
                here == '}' || here == '#') {
                return std::nullopt;
            }
            const int line = m_line, column = m_column;
            const auto c = take();
            if (!c) return std::nullopt;
            if (misread_by_toml(*c)) return unsafe(line, column, false);
        }
        return std::nullopt;
    }

    // In a """ string: toml++ asks whether the character after a backslash is whitespace, and
    // after a line-ending backslash asks it of every character up to the first non-blank one.
    std::optional<UnsafeCharacter> after_backslash() {
        take();  // the backslash
        bool skipping = false;
        while (m_pos < m_text.size()) {
            const int line = m_line, column = m_column;
            std::size_t length = 0;
            const auto c = peek(length);
            if (!c) {
                m_broken = true;
                return std::nullopt;
            }
            if (misread_by_toml(*c)) {
                take();
                return unsafe(line, column, true);
            }
            if (!skipped_after_backslash(*c)) {
                if (!skipping) take();  // an escape such as \n or \": not a closing quote
                return std::nullopt;
            }
            take();
            skipping = true;
        }
        return std::nullopt;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    State m_state = State::outside;
    bool m_expect_value = false;
    std::vector<char> m_brackets;  // '[' array, 'h' table header, '{' inline table
    std::string_view m_last;
    bool m_broken = false;
};

}  // namespace

std::optional<UnsafeCharacter> find_toml_unsafe_character(std::string_view text) {
    return Scanner(text).run();
}

}  // namespace infotally::rules::detail
