#include "cli/language.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::cli {

void choose_language(int argc, char** argv) {
    std::optional<std::string> given;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg == "--lang" && i + 1 < argc) {
            given = argv[++i];
        } else if (arg.starts_with("--lang=")) {
            given = arg.substr(std::string_view("--lang=").size());
        }
    }
    set_language(language_from_environment());
    if (!given) return;
    const auto lang = parse_lang(*given);
    if (!lang) throw UsageError(tr(Msg::err_unknown_lang, *given), tr(Msg::hint_unknown_lang));
    set_language(*lang);
}

}  // namespace infotally::cli
