#include <doctest/doctest.h>

#include <iconv.h>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "lib/io/encoding.hpp"
#include "lib/model/error.hpp"

using namespace infotally::io;

namespace {

// GB18030 bytes built with iconv directly, independent of the code under test.
std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)));
    std::string out(utf8.size() * 2 + 8, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    const std::size_t result = iconv(cd, &in, &in_left, &dst, &dst_left);
    iconv_close(cd);
    REQUIRE(result != static_cast<std::size_t>(-1));
    out.resize(out.size() - dst_left);
    return out;
}

const std::string k_ledger = "标题,部门\r\n关于未成年人检察工作的信息,办公室\r\n";

std::string error_of(std::string_view bytes, Encoding requested) {
    try {
        decode_to_utf8(bytes, requested, "台账.csv");
    } catch (const infotally::InputError& e) {
        CHECK_FALSE(e.hint().empty());
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_SUITE("io encoding") {
    TEST_CASE("parse_encoding") {
        CHECK(parse_encoding("auto") == Encoding::automatic);
        CHECK(parse_encoding("UTF-8") == Encoding::utf8);
        CHECK(parse_encoding("utf8") == Encoding::utf8);
        CHECK(parse_encoding("GB18030") == Encoding::gb18030);
        CHECK(parse_encoding("gbk") == Encoding::gb18030);
        CHECK_FALSE(parse_encoding("latin1").has_value());
        CHECK_FALSE(parse_encoding("").has_value());
        CHECK(encoding_name(Encoding::gb18030) == "gb18030");
        CHECK(encoding_name(Encoding::utf8) == "utf-8");
    }

    TEST_CASE("GB18030 as Excel saves it is detected and decoded") {
        const std::string gb = to_gb18030(k_ledger);
        CHECK(gb.starts_with("\xB1\xEA\xCC\xE2"));  // 标题 in GBK
        CHECK(gb != k_ledger);
        const Decoded decoded = decode_to_utf8(gb, Encoding::automatic, "台账.csv");
        CHECK(decoded.utf8 == k_ledger);
        CHECK(decoded.detected == Encoding::gb18030);
        CHECK_FALSE(decoded.had_bom);

        const Decoded explicit_gb = decode_to_utf8(gb, Encoding::gb18030, "台账.csv");
        CHECK(explicit_gb.utf8 == k_ledger);
        // Characters outside GBK (4-byte GB18030) survive too.
        CHECK(decode_to_utf8(to_gb18030("𠀀é"), Encoding::automatic, "x").utf8 == "𠀀é");
    }

    TEST_CASE("UTF-8, with and without BOM") {
        const Decoded plain = decode_to_utf8(k_ledger, Encoding::automatic, "台账.csv");
        CHECK(plain.utf8 == k_ledger);
        CHECK(plain.detected == Encoding::utf8);
        CHECK_FALSE(plain.had_bom);

        const Decoded bom = decode_to_utf8("\xEF\xBB\xBF" + k_ledger, Encoding::utf8, "台账.csv");
        CHECK(bom.utf8 == k_ledger);
        CHECK(bom.detected == Encoding::utf8);
        CHECK(bom.had_bom);

        const Decoded empty = decode_to_utf8("", Encoding::automatic, "空.csv");
        CHECK(empty.utf8.empty());
        CHECK(empty.detected == Encoding::utf8);
    }

    TEST_CASE("the GB18030 BOM is removed") {
        const Decoded decoded =
            decode_to_utf8("\x84\x31\x95\x33" + to_gb18030("标题"), Encoding::automatic, "x");
        CHECK(decoded.utf8 == "标题");
        CHECK(decoded.had_bom);
        CHECK(decoded.detected == Encoding::gb18030);
    }

    TEST_CASE("neither UTF-8 nor GB18030: the first bad byte under the UTF-8 reading") {
        // Line 3 byte 3 is a lone 0x80, which GB18030 rejects as well.
        const std::string bytes = "编号,标题\n1,ok\n2,\x80坏\n";
        CHECK(error_of(bytes, Encoding::automatic) ==
              "台账.csv: line 3, byte 3: not valid UTF-8 or GB18030");
        CHECK(error_of("ok\r\n\xFF", Encoding::automatic) ==
              "台账.csv: line 2, byte 1: not valid UTF-8 or GB18030");
        CHECK(error_of("ok\r\n", Encoding::automatic) == "no error");
    }

    TEST_CASE("a UTF-8 BOM with bad UTF-8 is not guessed to be GB18030") {
        const std::string gb = "\xEF\xBB\xBF" + to_gb18030("标题\n部门");
        CHECK(error_of(gb, Encoding::automatic) ==
              "台账.csv: line 1, byte 4: not valid UTF-8 or GB18030");
        CHECK(decode_to_utf8(to_gb18030("标题\n部门"), Encoding::automatic, "x").utf8 ==
              "标题\n部门");
    }

    TEST_CASE("an explicit encoding decodes only that way") {
        const std::string gb = to_gb18030("title,dept\n标题,部门\n");
        CHECK(error_of(gb, Encoding::utf8) == "台账.csv: line 2, byte 1: not valid UTF-8");
        // UTF-8 办公室 happens to read as GB18030 pairs; its last byte A4 then pairs with FF.
        CHECK(error_of("标题\n\n办公室\xFF", Encoding::gb18030) ==
              "台账.csv: line 3, byte 9: not valid GB18030");
        CHECK(error_of("ab\n\x81", Encoding::gb18030) ==
              "台账.csv: line 2, byte 1: not valid GB18030");  // cut-off lead byte
        CHECK(error_of("abc\ncd\x80", Encoding::gb18030) ==
              "台账.csv: line 2, byte 3: not valid GB18030");
        CHECK(decode_to_utf8(gb, Encoding::gb18030, "x").utf8 == "title,dept\n标题,部门\n");
    }

    TEST_CASE("encode_from_utf8") {
        CHECK(encode_from_utf8(k_ledger, Encoding::gb18030) == to_gb18030(k_ledger));
        CHECK(encode_from_utf8(k_ledger, Encoding::utf8) == k_ledger);
        CHECK(encode_from_utf8("", Encoding::gb18030).empty());
        CHECK_THROWS_AS(encode_from_utf8("坏\xFF", Encoding::gb18030), infotally::InputError);
        CHECK_THROWS_AS(encode_from_utf8("坏\xFF", Encoding::utf8), infotally::InputError);
    }
}
