#include "lib/model/i18n.hpp"

#include <cstdlib>

namespace infotally {
namespace {

Lang g_language = Lang::en;

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

void set_language(Lang lang) {
    g_language = lang;
}

Lang language() {
    return g_language;
}

std::optional<Lang> parse_lang(std::string_view text) {
    // The language part of a locale name: zh_CN.UTF-8@euro -> zh.
    const auto code = text.substr(0, text.find_first_of("_-.@"));
    if (code.size() != 2) return std::nullopt;
    const std::string lowered{lower(code[0]), lower(code[1])};
    if (lowered == "zh") return Lang::zh;
    if (lowered == "en") return Lang::en;
    return std::nullopt;
}

Lang language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return parse_lang(value) == Lang::zh ? Lang::zh : Lang::en;
    }
    return Lang::en;
}

std::string tr(Msg id) {
    return std::string(message_text(id, language()));
}

}  // namespace infotally
