#include "lib/rules/vocabulary.hpp"

#include <algorithm>
#include <cctype>

#include "lib/model/i18n.hpp"

namespace infotally::rules {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

std::optional<std::string> TermList::resolve(std::string_view text) const {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    for (const auto& t : m_terms) {
        if (same_text(t.key, text) || t.name == text) return t.key;
        for (const auto& a : t.aliases)
            if (same_text(a, text)) return t.key;
    }
    return std::nullopt;
}

const Term* TermList::find(std::string_view key) const {
    for (const auto& t : m_terms)
        if (t.key == key) return &t;
    return nullptr;
}

int TermList::rank(std::string_view key) const {
    for (std::size_t i = 0; i < m_terms.size(); ++i)
        if (m_terms[i].key == key) return static_cast<int>(i);
    return -1;
}

std::string TermList::name_of(std::string_view key) const {
    const Term* t = find(key);
    return t && !t->name.empty() ? t->name : std::string(key);
}

std::string TermList::choices() const {
    std::string out;
    for (const auto& t : m_terms) {
        if (!out.empty()) out += tr_view(Msg::list_separator);
        out += t.name.empty() ? t.key : tr(Msg::term_choice, t.key, t.name);
    }
    return out;
}

const Vocabulary& default_vocabulary() {
    static const Vocabulary k_default{
        TermList({{"national", "国家级", {"部级", "中央级", "国家", "全国"}},
                  {"provincial", "省级", {"省", "省部级"}},
                  {"city", "市级", {"市", "地市级"}},
                  {"county", "县级", {"县", "区县级", "县区级"}}}),
        TermList({{"print", "报刊", {"报纸", "杂志", "报"}},
                  {"online", "网络", {"网站", "网"}},
                  {"radio", "电台", {"广播"}},
                  {"tv", "电视", {"电视台"}},
                  {"newmedia", "新媒体", {"两微一端", "微信", "微博", "客户端"}},
                  {"internal", "内刊", {"简报", "信息刊物"}}}),
        TermList({{"info", "信息", {"检察信息", "information"}},
                  {"publicity", "宣传", {"新闻", "宣传稿件", "news"}}}),
        TermList({{"whole", "单条", {"单独", "单独采用", "全文"}},
                  {"merged", "综合", {"综合采用", "roundup"}},
                  {"brief", "简讯", {}}}),
        TermList({{"front-page", "头版", {"front"}},
                  {"lead", "头条", {}},
                  {"front-lead", "头版头条", {}},
                  {"full-page", "整版", {}}}),
        TermList({{"central", "中央领导", {"中央"}},
                  {"provincial", "省领导", {"省级领导"}},
                  {"city", "市领导", {"市级领导"}},
                  {"city-office", "市两办领导", {}},
                  {"county", "县领导", {"县级领导"}}}),
    };
    return k_default;
}

}  // namespace infotally::rules
