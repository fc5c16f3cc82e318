#include <doctest/doctest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "lib/io/text.hpp"

using namespace infotally::io;

namespace {

std::string utf8(char32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// utf8proc's own NFC, bypassing nfc()'s fast path.
std::string reference_nfc(const std::string& text) {
    utf8proc_uint8_t* mapped =
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    return std::string(reinterpret_cast<const char*>(mapped));
}

}  // namespace

TEST_SUITE("io nfc") {
    // nfc() returns text made only of ASCII, CJK ideographs and common CJK punctuation as it is,
    // without utf8proc: each of those must be one NFC leaves alone wherever it stands, neither
    // decomposed nor composed with the letter before it.
    TEST_CASE("the code points nfc() passes through untouched are stable under NFC") {
        const std::pair<char32_t, char32_t> ranges[] = {
            {0x01, 0x7F},     {0xB7, 0xB7},     {0x2010, 0x2027}, {0x3001, 0x3029},
            {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xFF01, 0xFF5E}};
        std::size_t checked = 0;
        for (const auto& [first, last] : ranges) {
            for (char32_t cp = first; cp <= last; ++cp) {
                const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
                CHECK(p->combining_class == 0);
                // Second halves of compositions carry the high bit of comb_index.
                CHECK((p->comb_index == UINT16_MAX || (p->comb_index & 0x8000U) == 0));
                const std::string alone = utf8(cp), after_letters = "Ae" + utf8(cp) + "中";
                CHECK(reference_nfc(alone) == alone);
                CHECK(reference_nfc(after_letters) == after_letters);
                CHECK(nfc(after_letters) == after_letters);
                ++checked;
            }
        }
        CHECK(checked == 27871);
    }

    TEST_CASE("text with any other character still goes through utf8proc") {
        CHECK(nfc("检察e\u0301") == "检察\u00e9");
        CHECK(nfc("\uF900") == reference_nfc("\uF900"));  // a CJK compatibility ideograph
        CHECK(nfc("か\u3099") == "が");
    }
}
