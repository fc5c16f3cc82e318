#include "lib/io/csv.hpp"

#include <fmt/core.h>

#include "lib/io/text.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::io {

namespace {

bool ends_plain_field(char c) {
    return c == ',' || c == '\r' || c == '\n';
}

// Line breaks inside a quoted chunk, counted the way the record loop counts line ends (LF, CRLF
// and lone CR each one), so line() stays the physical line a text editor shows. A chunk always
// ends before a quote, so a CR at its end is a lone CR.
std::size_t count_line_breaks(std::string_view chunk) {
    std::size_t breaks = 0;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        if (chunk[i] == '\n') {
            ++breaks;
        } else if (chunk[i] == '\r' && (i + 1 == chunk.size() || chunk[i + 1] != '\n')) {
            ++breaks;
        }
    }
    return breaks;
}

// The field at `index`, emptied but keeping its capacity from the previous record.
std::string& reuse_slot(std::vector<std::string>& fields, std::size_t index) {
    if (index < fields.size()) {
        fields[index].clear();
        return fields[index];
    }
    return fields.emplace_back();
}

// Why neutralise but spare plain numbers: Excel evaluates a cell starting with = + - @ (and,
// via some import paths, TAB or CR) as a formula, so "=HYPERLINK(...)" in a submission title
// would run when finance opens the reward sheet. An apostrophe makes Excel show the cell as text.
// But penalties are negative ("-1.00") and 同比 changes are signed percentages ("-54.0%"), and
// must stay numbers Excel can sum and sort; a plain number or percentage can never be a formula,
// so exactly those are left alone. "-2+3" is neither: Excel would compute it, so it is
// neutralised.
bool needs_formula_guard(std::string_view field) {
    if (field.empty()) return false;
    switch (field.front()) {
        case '=':
        case '@':
        case '\t':
        case '\r':
            return true;
        case '+':
        case '-':
            return !is_plain_number(field) && !is_plain_percentage(field);
        default:
            return false;
    }
}

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string_view source_name, std::size_t first_line)
    : m_text(text), m_source_name(source_name), m_line(first_line) {
    if (first_line == 1 && m_text.starts_with(k_utf8_bom)) m_pos = k_utf8_bom.size();
}

bool CsvReader::next(std::vector<std::string>& fields) {
    const std::size_t size = m_text.size();
    while (m_pos < size && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
        if (m_text[m_pos] == '\r' && m_pos + 1 < size && m_text[m_pos + 1] == '\n') ++m_pos;
        ++m_pos;
        ++m_line;
    }
    if (m_pos >= size) return false;

    m_record_line = m_line;
    std::size_t count = 0;
    for (;;) {
        std::string& field = reuse_slot(fields, count++);
        if (m_pos < size && m_text[m_pos] == '"') {
            read_quoted(field);
        } else {
            read_plain(field);
        }
        if (m_pos >= size) break;
        if (m_text[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        // A line end: CR, LF or CRLF.
        if (m_text[m_pos] == '\r' && m_pos + 1 < size && m_text[m_pos + 1] == '\n') ++m_pos;
        ++m_pos;
        ++m_line;
        break;
    }
    fields.resize(count);
    return true;
}

void CsvReader::read_plain(std::string& field) {
    std::size_t end = m_pos;
    while (end < m_text.size() && !ends_plain_field(m_text[end])) ++end;
    field.append(m_text.substr(m_pos, end - m_pos));
    m_pos = end;
}

void CsvReader::read_quoted(std::string& field) {
    const std::size_t start_line = m_line;
    ++m_pos;  // the opening quote
    for (;;) {
        const std::size_t quote = m_text.find('"', m_pos);
        if (quote == std::string_view::npos) {
            const std::string where = m_source_name.empty()
                                          ? tr(Msg::where_line, start_line)
                                          : tr(Msg::where_file_line, m_source_name, start_line);
            throw InputError(tr(Msg::err_csv_unclosed, where), tr(Msg::hint_csv_unclosed));
        }
        const std::string_view chunk = m_text.substr(m_pos, quote - m_pos);
        m_line += count_line_breaks(chunk);
        field.append(chunk);
        m_pos = quote + 1;
        if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            field.push_back('"');
            ++m_pos;
            continue;
        }
        break;
    }
    read_plain(field);  // anything between the closing quote and the next comma
}

bool is_plain_number(std::string_view text) {
    std::size_t pos = 0;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    const auto digits = [&] {
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        return pos > start;
    };
    if (!digits()) return false;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        if (!digits()) return false;
    }
    return pos == text.size();
}

bool is_plain_percentage(std::string_view text) {
    return text.size() >= 2 && text.back() == '%' &&
           is_plain_number(text.substr(0, text.size() - 1));
}

void append_csv_field(std::string& out, std::string_view field, FormulaGuard guard) {
    const bool guarded = guard == FormulaGuard::neutralize && needs_formula_guard(field);
    const bool quoted = field.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted) out += '"';
    if (guarded) out += '\'';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    if (quoted) out += '"';
}

void append_csv_line(std::string& out, const std::vector<std::string>& fields, FormulaGuard guard) {
    // A lone empty field would be a blank line, which readers (ours included) skip.
    if (fields.size() == 1 && fields.front().empty()) {
        out += "\"\"\r\n";
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        append_csv_field(out, fields[i], guard);
    }
    out += "\r\n";
}

std::string csv_line(const std::vector<std::string>& fields, FormulaGuard guard) {
    std::string out;
    append_csv_line(out, fields, guard);
    return out;
}

}  // namespace infotally::io
