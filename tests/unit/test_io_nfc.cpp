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

TEST_SUITE("io width") {
    // display_width() answers ASCII, CJK ideographs, CJK punctuation and full-width forms without
    // utf8proc: each must get the width utf8proc gives it, and control characters none.
    TEST_CASE("the widths display_width() knows without utf8proc are utf8proc's") {
        const std::pair<char32_t, char32_t> ranges[] = {
            {0x20, 0x7E}, {0x3000, 0x3029}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xFF01, 0xFF60}};
        std::size_t checked = 0;
        for (const auto& [first, last] : ranges) {
            for (char32_t cp = first; cp <= last; ++cp) {
                const int expected = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
                CHECK(display_width(utf8(cp)) == static_cast<std::size_t>(expected));
                CHECK(display_width("a" + utf8(cp) + "中") ==
                      static_cast<std::size_t>(expected) + 3);
                ++checked;
            }
        }
        CHECK(checked == 95 + 42 + 6592 + 20992 + 96);
        for (char32_t cp = 0; cp <= 0xA0; ++cp) {
            const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
            CHECK(control ==
                  (utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CC));
            if (control) CHECK(display_width(utf8(cp)) == 0);
        }
    }

    TEST_CASE("characters next to those ranges still get utf8proc's width") {
        CHECK(display_width("\u302A") == 0);      // a combining tone mark after 〩
        CHECK(display_width("\uFF61") == 1);      // half-width 。
        CHECK(display_width("\U0001F600") == 2);  // an emoji
        CHECK(display_width("\u00E9") == 1);
        CHECK(display_width("\U00020000") == 2);                  // CJK extension B
        CHECK(sanitize_cell("a\u0085b\u00A0c") == "a b\u00A0c");  // NEL is a control, NBSP not
    }
}
