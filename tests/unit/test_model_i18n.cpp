#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/model/i18n.hpp"

using namespace infotally;

namespace {

std::vector<Msg> all_messages() {
    std::vector<Msg> out;
    for (int i = 0; i < static_cast<int>(Msg::count_); ++i) out.push_back(static_cast<Msg>(i));
    return out;
}

// The placeholders of a format string as "index:spec", sorted: "{}" and "{:>3}" take the next
// index, "{1}" names its own, so "{} {}" and "{1} {0}" have the same placeholders (Chinese may
// reorder the arguments) but "{} {}" and "{}" do not. "{{" and "}}" are literal braces.
std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    int next = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == "{{" || text.substr(i, 2) == "}}") {
            ++i;
            continue;
        }
        if (text[i] != '{') continue;
        const auto close = text.find('}', i);
        if (close == std::string_view::npos) {
            out.push_back("unclosed");
            break;
        }
        const auto inside = text.substr(i + 1, close - i - 1);
        const auto colon = std::min(inside.find(':'), inside.size());
        const auto index = inside.substr(0, colon);
        const auto spec = inside.substr(colon);
        out.push_back((index.empty() ? std::to_string(next++) : std::string(index)) +
                      std::string(spec));
        i = close;
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool has_ascii_letter(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool has_non_ascii(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// A Chinese, Japanese or Korean character or punctuation mark in UTF-8: U+3000 … U+9FFF (lead
// bytes E3 … E9) or U+FF00 … U+FFEF (EF BC … EF BF, the full-width forms).
bool has_cjk(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xE3 && c <= 0xE9) return true;
        if (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xBC)
            return true;
    }
    return false;
}

// Sets (or unsets, for nullopt) an environment variable for one test, and puts it back.
class EnvVar {
  public:
    EnvVar(const char* name, std::optional<std::string> value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            ::setenv(name, value->c_str(), 1);
        else
            ::unsetenv(name);
    }
    ~EnvVar() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// The language for one test, back to English after it.
struct LanguageFor {
    explicit LanguageFor(Lang lang) { set_language(lang); }
    ~LanguageFor() { set_language(Lang::en); }
};

}  // namespace

TEST_SUITE("model i18n") {
    TEST_CASE("every message has an English and a Chinese text") {
        for (auto id : all_messages()) {
            INFO("message #", static_cast<int>(id), ": ", message_text(id, Lang::en));
            CHECK_FALSE(message_text(id, Lang::en).empty());
            CHECK_FALSE(message_text(id, Lang::zh).empty());
        }
    }

    TEST_CASE("both texts of a message have the same placeholders, and both format") {
        for (auto id : all_messages()) {
            const auto en = message_text(id, Lang::en), zh = message_text(id, Lang::zh);
            INFO("en: ", en);
            INFO("zh: ", zh);
            CHECK(placeholders(en) == placeholders(zh));
            CHECK_NOTHROW((void)fmt::format(fmt::runtime(en), "a", "b", "c", "d", "e", "f", "g",
                                            "h", "i", "j"));
            CHECK_NOTHROW((void)fmt::format(fmt::runtime(zh), "a", "b", "c", "d", "e", "f", "g",
                                            "h", "i", "j"));
        }
    }

    TEST_CASE("every message with words in it is translated") {
        // A Chinese text equal to the English one, or without a single Chinese character, is a
        // translation someone forgot.
        for (auto id : all_messages()) {
            const auto en = message_text(id, Lang::en), zh = message_text(id, Lang::zh);
            if (!has_ascii_letter(en)) continue;
            INFO("en: ", en);
            INFO("zh: ", zh);
            CHECK(zh != en);
            CHECK(has_non_ascii(zh));
        }
    }

    TEST_CASE("the HTML page's words: English without Chinese, Chinese as the page always said") {
        for (int i = static_cast<int>(Msg::month_jan);
             i <= static_cast<int>(Msg::html_tally_footer); ++i) {
            const auto en = message_text(static_cast<Msg>(i), Lang::en);
            INFO("en: ", en);
            CHECK_FALSE(has_cjk(en));
        }
        CHECK(has_cjk("（无）"));
        CHECK_FALSE(has_cjk("due — 10 ÷ 2 − 1 · ok"));
        LanguageFor zh(Lang::zh);
        CHECK(tr(Msg::html_month_of_year, 2026, tr(Msg::month_mar)) == "2026年3月");
        CHECK(tr(Msg::html_trend_title, 2026, tr(Msg::month_mar), 2025) ==
              "各级别采用趋势（2026年1—3月，实线；2025年全年，虚线）");
        set_language(Lang::en);
        CHECK(tr(Msg::html_month_of_year, 2026, tr(Msg::month_mar)) == "March 2026");
        CHECK(tr(Msg::html_trend_title, 2026, tr(Msg::month_mar), 2025) ==
              "Adoptions by level (January to March 2026, solid; all of 2025, dashed)");
    }

    TEST_CASE("the placeholder check itself") {
        CHECK(placeholders("{} is {}") == placeholders("{1} 是 {0}"));
        CHECK(placeholders("{} is {}") != placeholders("{}"));
        CHECK(placeholders("{0} and {0}") != placeholders("{0} and {1}"));
        CHECK(placeholders("{{literal}} {}") == std::vector<std::string>{"0"});
        CHECK(placeholders("{:>3}") == std::vector<std::string>{"0:>3"});
    }

    TEST_CASE("tr speaks the language chosen, English by default") {
        CHECK(language() == Lang::en);
        CHECK(tr(Msg::say_dept_added, "office", "办公室") == "added department office 办公室");
        CHECK(tr(Msg::hdr_title) == "title");
        LanguageFor zh(Lang::zh);
        CHECK(tr(Msg::say_dept_added, "office", "办公室") == "已添加部门 office 办公室");
        CHECK(tr(Msg::hdr_title) == "标题");
        // Chinese puts the date first: the arguments are the same, in the English order.
        CHECK(tr(Msg::say_person_moved, "张三", "gongsu", "第一检察部", "2026-07-01") ==
              "张三 自 2026-07-01 起属于 gongsu 第一检察部");
    }

    TEST_CASE("parse_lang reads language codes and locale names") {
        CHECK(parse_lang("zh") == Lang::zh);
        CHECK(parse_lang("ZH") == Lang::zh);
        CHECK(parse_lang("zh-CN") == Lang::zh);
        CHECK(parse_lang("zh_CN.UTF-8") == Lang::zh);
        CHECK(parse_lang("zh_TW.UTF-8@stroke") == Lang::zh);
        CHECK(parse_lang("en") == Lang::en);
        CHECK(parse_lang("en_US") == Lang::en);
        CHECK(parse_lang("en-GB.UTF-8") == Lang::en);
        for (const char* other :
             {"", "fr", "fr_FR.UTF-8", "C", "C.UTF-8", "POSIX", "zhx", "chinese", "e", "-zh"}) {
            INFO(other);
            CHECK_FALSE(parse_lang(other));
        }
    }

    TEST_CASE("the environment: LC_ALL, then LC_MESSAGES, then LANG") {
        EnvVar lc_all("LC_ALL", std::nullopt), lc_messages("LC_MESSAGES", std::nullopt),
            lang("LANG", std::nullopt);
        CHECK(language_from_environment() == Lang::en);  // nothing set
        ::setenv("LANG", "zh_CN.UTF-8", 1);
        CHECK(language_from_environment() == Lang::zh);
        ::setenv("LC_MESSAGES", "en_US.UTF-8", 1);
        CHECK(language_from_environment() == Lang::en);
        ::setenv("LC_ALL", "zh_CN.GB18030", 1);
        CHECK(language_from_environment() == Lang::zh);
        ::setenv("LC_ALL", "", 1);  // set but empty: as if unset
        CHECK(language_from_environment() == Lang::en);
        ::unsetenv("LC_MESSAGES");
        CHECK(language_from_environment() == Lang::zh);
        for (const char* english : {"C", "C.UTF-8", "POSIX", "en_US.UTF-8", "fr_FR.UTF-8", "de"}) {
            INFO(english);
            ::setenv("LANG", english, 1);
            CHECK(language_from_environment() == Lang::en);
        }
    }
}
