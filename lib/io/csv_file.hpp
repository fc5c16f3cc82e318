#pragma once
// A CSV file of any size, read block by block: each block of whole lines is decoded to UTF-8
// (encoding.hpp) and split into records by CsvReader (csv.hpp), so memory stays at a few blocks
// however long the file is, and line numbers are those of the whole file.
//
// Encoding detection (Encoding::automatic) happens on the first block that holds a non-ASCII
// byte, exactly as decode_to_utf8 decides for a whole file (a UTF-8 BOM means UTF-8; valid
// UTF-8 is UTF-8; anything else is tried as GB18030); later blocks are read the same way. Files
// under one block (4 MiB, a few ten thousand rows) are thus detected on their whole content.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/io/csv.hpp"
#include "lib/io/encoding.hpp"

namespace infotally::io {

class CsvFileReader {
  public:
    // Opens `path` ("-" is standard input). Throws InputError if it cannot be read.
    CsvFileReader(const std::string& path, Encoding encoding);
    ~CsvFileReader();
    CsvFileReader(const CsvFileReader&) = delete;
    CsvFileReader& operator=(const CsvFileReader&) = delete;

    // As CsvReader::next. Throws InputError naming the file, line and byte of undecodable text,
    // or the line of a quoted field that is never closed.
    bool next(std::vector<std::string>& fields);
    // Physical line (1-based) where the record last returned by next() started.
    std::size_t line() const { return m_record_line; }

    // What the file turned out to be: utf8 until a non-ASCII byte decides (plain ASCII is both).
    Encoding encoding() const { return m_encoding.value_or(Encoding::utf8); }
    const std::string& name() const { return m_name; }
    std::uint64_t bytes_read() const { return m_bytes_read; }
    // The file's size, when it is a regular file (not a pipe).
    std::optional<std::uint64_t> size() const { return m_size; }

  private:
    bool load_block();
    void read_more();
    void append_decoded(std::string_view raw, std::size_t first_line);

    std::string m_name;
    std::FILE* m_file = nullptr;
    bool m_owned = false;
    bool m_eof = false;
    std::optional<Encoding> m_encoding;  // set once decided
    std::optional<std::uint64_t> m_size;
    std::uint64_t m_bytes_read = 0;
    std::size_t m_block_size;

    // Bytes read but not decoded yet: [m_begin, m_end) of m_buffer (past the last whole line).
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0, m_begin = 0, m_end = 0;
    std::string m_text;           // decoded text the reader works on
    std::size_t m_text_line = 1;  // line m_text starts on
    std::optional<CsvReader> m_reader;
    std::size_t m_record_line = 0;
};

}  // namespace infotally::io
