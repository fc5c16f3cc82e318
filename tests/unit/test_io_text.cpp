#include <doctest/doctest.h>

#include "lib/io/text.hpp"

using namespace infotally::io;

TEST_SUITE("io text") {
    TEST_CASE("valid_utf8 accepts Chinese and rejects broken sequences") {
        CHECK(valid_utf8("关于未成年人检察工作的信息"));
        CHECK(valid_utf8(""));
        CHECK(first_invalid_utf8("检察日报") == std::string_view::npos);

        CHECK_FALSE(valid_utf8("\xE6\xA3"));          // 检 cut short
        CHECK_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
        CHECK_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
        CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
        CHECK(first_invalid_utf8("办公室\xFF") == 9);
        CHECK(first_invalid_utf8("ab\xE6\xA3x") == 2);
    }

    TEST_CASE("display_width counts wide as 2, combining and control as 0, bad bytes as 1") {
        CHECK(display_width("检察日报") == 8);
        CHECK(display_width("A检") == 3);
        CHECK(display_width("e\u0301") == 1);
        CHECK(display_width("a\tb") == 2);
        CHECK(display_width("\xFF\xFE") == 2);
        CHECK(display_width("") == 0);
        CHECK(display_width("检察日报") != std::string_view("检察日报").size());
    }

    TEST_CASE("truncate_to_width cuts at a character boundary and adds an ellipsis") {
        const std::string title = "关于未成年人检察工作的信息";
        CHECK(truncate_to_width(title, 10) == "关于未成…");
        CHECK(display_width(truncate_to_width(title, 10)) == 9);  // a wide char does not fit
        CHECK(truncate_to_width(title, 9) == "关于未成…");
        CHECK(truncate_to_width("abcdefgh", 5) == "abcd…");
        CHECK(truncate_to_width(title, 1) == "…");
        CHECK(truncate_to_width(title, 0).empty());
        // Fits: unchanged, no ellipsis.
        CHECK(truncate_to_width("检察日报", 8) == "检察日报");
        CHECK(truncate_to_width("", 3).empty());
        // A combining mark stays with its base character.
        CHECK(truncate_to_width("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
    }

    TEST_CASE("pad_to_width pads by display width") {
        CHECK(pad_to_width("检察", 6, Align::left) == "检察  ");
        CHECK(pad_to_width("检察", 6, Align::right) == "  检察");
        CHECK(pad_to_width("12", 4, Align::right) == "  12");
        // Already as wide or wider: unchanged, never cut.
        CHECK(pad_to_width("检察日报", 6, Align::left) == "检察日报");
        CHECK(pad_to_width("检察", 4, Align::right) == "检察");
    }

    TEST_CASE("nfc composes and leaves invalid input alone") {
        CHECK(nfc("e\u0301") == "\u00e9");
        CHECK(nfc("检察日报") == "检察日报");
        CHECK(nfc("") == "");
        const std::string bad = "检\xFF";
        CHECK(nfc(bad) == bad);
        CHECK(nfc("e\u0301") != "e\u0301");
    }

    TEST_CASE("sanitize_cell keeps a cell on one line") {
        CHECK(sanitize_cell("第一行\r\n第二行\t完") == "第一行 第二行 完");
        CHECK(sanitize_cell("a\nb\rc") == "a b c");
        CHECK(sanitize_cell("\x1b[31m红\x1b[0m") == " [31m红 [0m");
        CHECK(sanitize_cell("段\u2028落") == "段 落");
        CHECK(sanitize_cell("坏\xFF") == "坏\uFFFD");
        // Clean text passes through untouched.
        CHECK(sanitize_cell("检察日报 头版") == "检察日报 头版");
        CHECK(sanitize_cell("") == "");
    }

    TEST_CASE("sanitized_prefix stops at the first thing sanitize_cell would change") {
        const std::string clean = "检察日报 头版 A-1";
        CHECK(sanitized_prefix(clean) == clean.size());
        CHECK(sanitized_prefix("") == 0);
        CHECK(sanitized_prefix("第一行\r\n第二行") == std::string("第一行").size());
        CHECK(sanitized_prefix("ab\tc") == 2);
        CHECK(sanitized_prefix("\x1b[31m") == 0);
        CHECK(sanitized_prefix("红\x7f") == std::string("红").size());          // DEL
        CHECK(sanitized_prefix("a\u0085b") == 1);                               // NEL, a C1 control
        CHECK(sanitized_prefix("段\u2028落") == std::string("段").size());      // line separator
        CHECK(sanitized_prefix("坏\xFF") == std::string("坏").size());          // not UTF-8
        CHECK(sanitized_prefix("坏\xE6\xA3") == std::string("坏").size());      // cut short
        CHECK(sanitized_prefix("a\u00A0b") == std::string("a\u00A0b").size());  // NBSP is kept
        // Where it stops, sanitize_cell changes something; before it, nothing.
        for (const std::string_view text : {"第一行\r\n第二行", "ab\tc", "红\x7f", "段\u2028落"}) {
            const std::size_t n = sanitized_prefix(text);
            CHECK(sanitize_cell(text).substr(0, n) == text.substr(0, n));
            CHECK(sanitize_cell(text.substr(n)) != text.substr(n));
        }
    }

    TEST_CASE("escape_for_terminal shows control characters and bad bytes as \\xNN") {
        CHECK(escape_for_terminal("unknown department 'x\x1b[31m'") ==
              "unknown department 'x\\x1b[31m'");
        CHECK(escape_for_terminal("坏\xFF\xFE字") == "坏\\xff\\xfe字");
        CHECK(escape_for_terminal(std::string_view("a\0b\tc\rd\x7f", 8)) ==
              "a\\x00b\\x09c\\x0dd\\x7f");
        CHECK(escape_for_terminal("C1 \u0085 end") == "C1 \\xc2\\x85 end");
        // Line feeds separate the lines of a message; clean text passes through untouched.
        CHECK(escape_for_terminal("第一行\n第二行 检察日报《》") == "第一行\n第二行 检察日报《》");
    }

    TEST_CASE("equals_ignoring_ascii_case") {
        CHECK(equals_ignoring_ascii_case("GBK", "gbk"));
        CHECK(equals_ignoring_ascii_case("Json", "json"));
        CHECK_FALSE(equals_ignoring_ascii_case("json", "jso"));
        CHECK_FALSE(equals_ignoring_ascii_case("csv", "tsv"));
    }
}
