#include "lib/io/csv_file.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "lib/io/text.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::io {

namespace {

// 4 MiB: large enough that reading and decoding cost nothing per record, small enough that a
// million-row file never sits in memory whole.
constexpr std::size_t k_block_size = std::size_t{4} << 20;

// No record of a 台账 comes near this (a title is at most 500 characters, a remark 100,000); a
// "line" this long is not a CSV ledger (a binary file, /dev/zero, a quote never closed), and
// reading on would only fill the memory.
constexpr std::size_t k_max_record_bytes = std::size_t{64} << 20;

// Line ends as CsvReader counts them: LF, CRLF and a lone CR are one each.
std::size_t count_line_breaks(std::string_view text) {
    std::size_t breaks = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
         cr = text.find('\r', cr + 1)) {
        if (cr + 1 == text.size() || text[cr + 1] != '\n') ++breaks;
    }
    return breaks;
}

bool is_ascii(std::string_view bytes) {
    return std::none_of(bytes.begin(), bytes.end(),
                        [](char c) { return (static_cast<unsigned char>(c) & 0x80U) != 0; });
}

}  // namespace

CsvFileReader::CsvFileReader(const std::string& path, Encoding encoding)
    : m_name(path == "-" ? tr(Msg::name_stdin) : path), m_block_size(k_block_size) {
    if (encoding != Encoding::automatic) m_encoding = encoding;
    if (path == "-") {
        m_file = stdin;
    } else {
        m_file = std::fopen(path.c_str(), "rb");
        if (m_file == nullptr) {
            throw InputError(tr(Msg::err_cannot_read_file, path, std::strerror(errno)),
                             tr(Msg::hint_cannot_read_file));
        }
        m_owned = true;
    }
    struct stat info {};
    if (::fstat(::fileno(m_file), &info) == 0) {
        if (S_ISDIR(info.st_mode)) {
            if (m_owned) std::fclose(m_file);
            throw InputError(tr(Msg::err_csv_is_folder, path), tr(Msg::hint_csv_is_folder));
        }
        if (S_ISREG(info.st_mode)) m_size = static_cast<std::uint64_t>(info.st_size);
    }
}

CsvFileReader::~CsvFileReader() {
    if (m_owned) std::fclose(m_file);
}

bool CsvFileReader::next(std::vector<std::string>& fields) {
    for (;;) {
        if (m_reader) {
            const std::size_t resume = m_reader->offset();
            const std::size_t resume_line = m_reader->offset_line();
            try {
                if (m_reader->next(fields)) {
                    m_record_line = m_reader->line();
                    return true;
                }
                m_text_line = m_reader->offset_line();
                m_reader.reset();
                m_text.clear();
            } catch (const InputError&) {
                if (m_eof) throw;  // no more text: the quoted field really is never closed
                // A quoted field with line breaks runs past the block's end: keep its record
                // and read on. Growing the block keeps a very long one linear to read.
                m_reader.reset();
                m_text.erase(0, resume);
                m_text_line = resume_line;
                if (m_text.size() > k_max_record_bytes) {
                    throw InputError(
                        fmt::format("{}: line {}: a quoted field starts here and runs on for "
                                    "more than {} MB",
                                    m_name, m_text_line, k_max_record_bytes >> 20),
                        "Close the field with a quote, and write a quote inside a field as two "
                        "quotes (\"\"), as Excel does when it saves CSV.");
                }
                if (m_text.size() > m_block_size / 2) m_block_size *= 2;
            }
        }
        if (!load_block()) return false;
        m_reader.emplace(m_text, m_name, m_text_line);
    }
}

// Reads on until the raw bytes hold a whole line (or the file ends), decodes the whole lines and
// appends them to m_text. Cutting after a LF is safe in both encodings: 0x0A is never part of a
// multi-byte character in UTF-8 or GB18030.
bool CsvFileReader::load_block() {
    for (;;) {
        if (!m_eof) read_more();
        const std::string_view raw(m_buffer.get() + m_begin, m_end - m_begin);
        std::size_t cut = raw.size();
        if (!m_eof) {
            const std::size_t lf = raw.rfind('\n');
            if (lf == std::string_view::npos) {
                // No LF: lone CR line ends (old Excel for Mac), or one very long line. Without
                // any LF every CR is a lone CR, but for a last byte whose LF may follow: cut
                // after the last other one, as safe in both encodings as after a LF.
                const std::size_t cr =
                    raw.size() < 2 ? std::string_view::npos : raw.rfind('\r', raw.size() - 2);
                if (cr != std::string_view::npos) {
                    cut = cr + 1;
                } else if (raw.size() > k_max_record_bytes) {
                    throw InputError(
                        fmt::format("{}: line {} is longer than {} MB: this is not a CSV ledger",
                                    m_name, m_text_line + count_line_breaks(m_text),
                                    k_max_record_bytes >> 20),
                        "Import the CSV file saved from Excel (\"CSV UTF-8\" or \"CSV\").");
                } else {
                    continue;
                }
            } else {
                cut = lf + 1;
            }
        }
        if (cut == 0) return !m_text.empty();
        const std::size_t first_line = m_text_line + count_line_breaks(m_text);
        append_decoded(raw.substr(0, cut), first_line);
        m_begin += cut;
        return true;
    }
}

// Appends up to a block of the file to the bytes not yet decoded, in a buffer reused from block
// to block (a std::string would zero every new block before reading into it).
void CsvFileReader::read_more() {
    const std::size_t kept = m_end - m_begin;
    if (m_capacity - kept < m_block_size) {
        m_capacity = kept + m_block_size;
        auto bigger = std::make_unique_for_overwrite<char[]>(m_capacity);
        if (kept > 0) std::memcpy(bigger.get(), m_buffer.get() + m_begin, kept);
        m_buffer = std::move(bigger);
    } else if (m_begin > 0 && kept > 0) {
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, kept);
    }
    m_begin = 0;
    m_end = kept;
    const std::size_t got = std::fread(m_buffer.get() + m_end, 1, m_block_size, m_file);
    m_end += got;
    m_bytes_read += got;
    if (got < m_block_size) {
        if (std::ferror(m_file)) {
            throw InputError(tr(Msg::err_cannot_read_file, m_name, std::strerror(errno)),
                             tr(Msg::hint_read_failed));
        }
        m_eof = true;
    }
}

void CsvFileReader::append_decoded(std::string_view raw, std::size_t first_line) {
    if (!m_encoding) {
        if (is_ascii(raw)) {  // ASCII reads the same in both encodings: no decision yet
            m_text.append(raw);
            return;
        }
        Decoded decoded = decode_to_utf8(raw, Encoding::automatic, m_name, first_line);
        m_encoding = decoded.detected;
        m_text.append(decoded.utf8);
        return;
    }
    if (*m_encoding == Encoding::utf8 && first_invalid_utf8(raw) == std::string_view::npos) {
        m_text.append(raw);  // the common case: no conversion, one copy
        return;
    }
    // GB18030, or UTF-8 with a bad byte (decode_to_utf8 then throws, naming line and byte).
    m_text.append(decode_to_utf8(raw, *m_encoding, m_name, first_line).utf8);
}

}  // namespace infotally::io
