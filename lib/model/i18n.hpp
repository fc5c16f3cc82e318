#pragma once
// The interface language (issue #6): every message, header and help text exists in English and
// in Chinese, in one catalogue (messages.cpp). The language is chosen once, at start-up, by
// `--lang zh|en`, else by the environment (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese); the
// library's default is English, so tests and library users that choose nothing get English.
//
// To add a message:
//   1. add an id to enum Msg in messages.hpp, in the section it belongs to;
//   2. add its row at the same place in messages.cpp: {Msg::id, "English", "中文"} — both texts
//      with the same placeholders ({} or {0} {1} …; Chinese may reorder them with numbers);
//   3. use it: throw InputError(tr(Msg::err_x, value), tr(Msg::hint_x)); ctx.say(tr(Msg::say_x,
//   id)).
// The static_assert in messages.cpp refuses a row missing, extra or out of order, and
// tests/unit/test_model_i18n.cpp checks every text: present, same placeholders, translated.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "lib/model/messages.hpp"

namespace infotally {

enum class Lang { en, zh };

// The language messages are shown in, for the whole process.
void set_language(Lang lang);
Lang language();

// "zh", "zh-CN", "zh_CN.UTF-8", "ZH" -> zh; "en", "en_US", "en-GB.UTF-8" -> en; anything else
// (including "C", "fr", "") -> nullopt.
std::optional<Lang> parse_lang(std::string_view text);

// The first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides: a value starting
// with zh is Chinese, anything else (C, POSIX, en_US.UTF-8, fr_FR …) English; none set: English.
Lang language_from_environment();

// A message's text in a language, placeholders unfilled.
std::string_view message_text(Msg id, Lang lang);

// A message in the current language.
std::string tr(Msg id);

// A message's text in the current language, placeholders unfilled, without a copy: for words
// looked up once per row of a large import, or kept in a table of string_views.
inline std::string_view tr_view(Msg id) {
    return message_text(id, language());
}

// A message in the current language with its placeholders filled (fmt syntax).
template <class... Args>
std::string tr(Msg id, Args&&... args) {
    return fmt::format(fmt::runtime(message_text(id, language())), std::forward<Args>(args)...);
}

}  // namespace infotally
