#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lib/io/csv.hpp"
#include "lib/io/csv_file.hpp"
#include "lib/io/encoding.hpp"
#include "lib/model/error.hpp"

using namespace infotally::io;
namespace fs = std::filesystem;

namespace {

struct Record {
    std::vector<std::string> fields;
    std::size_t line;
    bool operator==(const Record&) const = default;
};

// A file in a fresh temporary folder, removed with it.
class TempFile {
  public:
    explicit TempFile(const std::string& bytes) {
        // doctest_discover_tests runs each case in its own process, at the same time as others.
        m_dir = fs::temp_directory_path() / ("infotally-csv-file-" + std::to_string(::getpid()) +
                                             "-" + std::to_string(++s_count));
        fs::create_directories(m_dir);
        m_path = (m_dir / "台账.csv").string();
        std::ofstream(m_path, std::ios::binary) << bytes;
    }
    ~TempFile() { fs::remove_all(m_dir); }
    const std::string& path() const { return m_path; }

  private:
    static inline int s_count = 0;
    fs::path m_dir;
    std::string m_path;
};

std::vector<Record> read_file(const std::string& path, Encoding encoding) {
    CsvFileReader reader(path, encoding);
    std::vector<Record> out;
    std::vector<std::string> fields;
    while (reader.next(fields)) out.push_back({fields, reader.line()});
    return out;
}

std::vector<Record> read_whole(std::string_view text) {
    CsvReader reader(text);
    std::vector<Record> out;
    std::vector<std::string> fields;
    while (reader.next(fields)) out.push_back({fields, reader.line()});
    return out;
}

// About 6 MiB: more than one 4 MiB block, with quoted fields that hold commas, doubled quotes
// and line breaks (LF, CRLF, lone CR), one of them running across the end of the first block
// (its line break is the block's last, its closing quote in the next block).
std::string long_ledger() {
    constexpr std::size_t k_block = std::size_t{4} << 20;
    std::string text = "\xEF\xBB\xBF标题,作者\r\n";
    bool straddled = false;
    for (int i = 0; text.size() < (std::size_t{6} << 20); ++i) {
        if (!straddled && text.size() > k_block - 200) {
            text += "\"跨块的标题\n" + std::string(300, 'x') + "\",张三\r\n";
            straddled = true;
        } else if (i % 7 == 0) {
            text +=
                "\"第" + std::to_string(i) + "条\n续行\r\n再续\r末行, 含\"\"引号\"\"\",张三\r\n";
        } else if (i % 11 == 0) {
            text += "\r\n";  // an empty line
        } else {
            text +=
                "关于未成年人检察工作的信息（" + std::to_string(i) + "）,李四:0.6、王芳:0.4\r\n";
        }
    }
    return text;
}

}  // namespace

TEST_SUITE("io csv file") {
    TEST_CASE("CsvReader: first_line, offset() and offset_line() for reading in blocks") {
        const std::string_view text =
            "\xEF\xBB\xBF"
            "a,\"b\nc\"\r\n\nd\n";
        CsvReader reader(text, "f.csv", 41);
        std::vector<std::string> fields;
        REQUIRE(reader.next(fields));
        CHECK(fields == std::vector<std::string>{"\xEF\xBB\xBF"
                                                 "a",
                                                 "b\nc"});  // BOM kept
        CHECK(reader.line() == 41);
        CHECK(reader.offset() == text.find("\r\n") + 2);
        CHECK(reader.offset_line() == 43);
        REQUIRE(reader.next(fields));
        CHECK(reader.line() == 44);
        CHECK_FALSE(reader.next(fields));
        CHECK(reader.offset() == text.size());
        CHECK(reader.offset_line() == 45);
        CsvReader first(text);
        REQUIRE(first.next(fields));
        CHECK(fields.front() == "a");  // the BOM is skipped on line 1
    }

    TEST_CASE("a file longer than a block reads exactly as the whole text does") {
        const std::string text = long_ledger();
        TempFile file(text);
        const auto expected = read_whole(text);
        REQUIRE(expected.size() > 50000);
        CHECK(read_file(file.path(), Encoding::automatic) == expected);
        CHECK(read_file(file.path(), Encoding::utf8) == expected);
    }

    TEST_CASE("GB18030 is detected and decoded block by block") {
        const std::string utf8 = long_ledger().substr(3);  // without the BOM
        TempFile file(encode_from_utf8(utf8, Encoding::gb18030));
        CsvFileReader reader(file.path(), Encoding::automatic);
        std::vector<Record> got;
        std::vector<std::string> fields;
        while (reader.next(fields)) got.push_back({fields, reader.line()});
        CHECK(reader.encoding() == Encoding::gb18030);
        CHECK(got == read_whole(utf8));
    }

    TEST_CASE("a bad byte past the first block is named by the file's own line and byte") {
        std::string text = "标题,作者\n";
        std::size_t lines = 1;
        while (text.size() < (std::size_t{5} << 20)) {
            text += "关于检察工作的信息,张三\n";
            ++lines;
        }
        text += "坏\xFF字节,李四\n";
        TempFile file(text);
        CsvFileReader reader(file.path(), Encoding::automatic);
        std::vector<std::string> fields;
        try {
            while (reader.next(fields)) {
            }
            FAIL("no error");
        } catch (const infotally::InputError& e) {
            CHECK(std::string(e.what()) == file.path() + ": line " + std::to_string(lines + 1) +
                                               ", byte 4: not valid UTF-8");
        }
    }

    TEST_CASE("a quoted field never closed is reported at the line it starts, past a block") {
        std::string text = "标题\n";
        std::size_t lines = 1;
        while (text.size() < (std::size_t{5} << 20)) {
            text += "一条信息\n";
            ++lines;
        }
        text += "\"未闭合\n的字段\n";
        TempFile file(text);
        CsvFileReader reader(file.path(), Encoding::utf8);
        std::vector<std::string> fields;
        try {
            while (reader.next(fields)) {
            }
            FAIL("no error");
        } catch (const infotally::InputError& e) {
            CHECK(std::string(e.what()).find("line " + std::to_string(lines + 1) + ":") !=
                  std::string::npos);
        }
    }

    TEST_CASE("lone CR line ends (old Excel for Mac) are read block by block") {
        std::string text = "标题,作者\r";
        while (text.size() < (std::size_t{9} << 20)) text += "关于检察工作的信息,\"张三\r李四\"\r";
        text += "最后一条,王五\r\n";
        TempFile file(text);
        const auto expected = read_whole(text);
        REQUIRE(expected.size() > 200000);
        CHECK(read_file(file.path(), Encoding::automatic) == expected);
        TempFile gb(encode_from_utf8(text, Encoding::gb18030));
        CHECK(read_file(gb.path(), Encoding::automatic) == expected);
    }

    TEST_CASE("a line without end is refused, not read into memory") {
        // /dev/zero: NUL bytes and never a line break.
        try {
            (void)read_file("/dev/zero", Encoding::automatic);
            FAIL("no error");
        } catch (const infotally::InputError& e) {
            CHECK(std::string(e.what()) ==
                  "/dev/zero: line 1 is longer than 64 MB: this is not a CSV ledger");
        }
    }

    TEST_CASE("a missing file and a folder are refused") {
        CHECK_THROWS_AS(CsvFileReader("/nonexistent/台账.csv", Encoding::automatic),
                        infotally::InputError);
        CHECK_THROWS_AS(CsvFileReader(fs::temp_directory_path().string(), Encoding::automatic),
                        infotally::InputError);
    }
}
