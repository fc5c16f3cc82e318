// Reading a rules file: the top level, the vocabulary and the settings sections. The rule
// sections ([[base]], [[quota]], …) are read in parse_sections.cpp.
#include <fmt/format.h>

#include <map>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/rules/parser.hpp"
#include "lib/rules/toml_guard.hpp"

namespace infotally::rules {
namespace detail {

struct VocabularyList {
    std::string_view key;  // "levels"
    Msg what;              // "level"
    TermList Vocabulary::*list;
};

namespace {

const std::vector<std::string_view> k_root_keys{
    "year",       "title",        "subject", "policy", "levels", "media",     "kinds", "forms",
    "placements", "endorsements", "authors", "base",   "bonus",  "factor",    "flat",  "submission",
    "penalty",    "quota",        "cap",     "limits", "money",  "time_limit"};

const VocabularyList k_vocabulary_lists[] = {
    {"levels", Msg::field_level, &Vocabulary::levels},
    {"media", Msg::field_media, &Vocabulary::media},
    {"kinds", Msg::field_kind, &Vocabulary::kinds},
    {"forms", Msg::name_form, &Vocabulary::forms},
    {"placements", Msg::field_placement, &Vocabulary::placements},
    {"endorsements", Msg::name_endorsement, &Vocabulary::endorsements},
};

// ASCII case folded, as TermList::resolve compares.
std::string folded(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

void Parser::read_term_list(const toml::node& node, const VocabularyList& spec) {
    const auto* arr = node.as_array();
    if (!arr) {
        m_diags.add(node.source(), tr(Msg::rule_terms_not_array, spec.key, type_words(node)));
        return;
    }
    if (arr->empty()) {
        m_diags.add(node.source(), tr(Msg::rule_terms_empty, spec.key, tr_view(spec.what)));
        return;
    }
    std::vector<Term> terms;
    std::map<std::string, std::pair<std::string, int>> seen;  // folded text -> (key, line)
    bool ok = true;
    for (const auto& item : *arr) {
        const auto* t = item.as_table();
        if (!t) {
            m_diags.add(item.source(), tr(Msg::rule_term_not_table, spec.key, type_words(item)));
            ok = false;
            continue;
        }
        std::string section = tr(Msg::rule_section_entry, spec.key);
        check_keys(*t, {"key", "name", "aliases"}, section, m_diags);
        TableReader r(*t, section, m_diags);
        auto key = r.string("key");
        if (!key || key->empty()) {
            if (!r.has("key"))
                r.error("key", tr(Msg::rule_term_needs_key, tr_view(spec.what)));
            else if (key)
                r.error("key", tr(Msg::rule_term_key_empty, tr_view(spec.what)));
            ok = false;
            continue;
        }
        Term term{*key, r.string("name").value_or(""),
                  r.strings("aliases", true).value_or(std::vector<std::string>{})};
        int line = line_of(*t);
        auto claim = [&](const std::string& text, std::string_view role) {
            if (text.empty()) return;
            auto [it, inserted] = seen.try_emplace(folded(text), term.key, line);
            if (inserted || it->second.first == term.key) {
                if (!inserted && role == "key") {
                    m_diags.add(line, 0,
                                tr(Msg::rule_term_duplicate_key, tr_view(spec.what), text,
                                   it->second.second));
                    ok = false;
                }
                return;
            }
            m_diags.add(line, 0,
                        tr(Msg::rule_term_clash, tr_view(spec.what), role, text, tr_view(spec.what),
                           it->second.first, it->second.second));
            ok = false;
        };
        claim(term.key, "key");
        claim(term.name, "name");
        for (const auto& a : term.aliases) claim(a, "alias");
        terms.push_back(std::move(term));
    }
    if (ok) m_rules.vocabulary.*spec.list = TermList(std::move(terms));
}

void Parser::read_vocabulary(const toml::table& root) {
    for (const auto& spec : k_vocabulary_lists)
        if (const auto* n = root.get(spec.key)) read_term_list(*n, spec);
}

void Parser::read_settings(const toml::table& root) {
    const auto rules_file = tr(Msg::rule_section_file);
    TableReader r(root, rules_file, m_diags);
    if (auto y = r.integer("year", 1900, 2999)) m_rules.year = static_cast<int>(*y);
    m_rules.title = r.string("title", TableReader::Text::free).value_or("");
    if (auto s = r.choice("subject", {"person", "dept"})) m_rules.subject = Subject(*s);
    if (auto p = r.choice("policy", {"cumulative", "highest"})) m_rules.policy = Policy(*p);

    if (const auto* t = table_section(root, "authors")) {
        check_keys(*t, {"split"}, "[authors]", m_diags);
        TableReader a(*t, "[authors]", m_diags);
        if (auto s = a.choice("split", {"equal", "declared", "first"}))
            m_rules.split = AuthorSplit(*s);
    }
    if (const auto* t = table_section(root, "limits")) {
        check_keys(*t, {"floor", "floor_points", "floor_yuan"}, "[limits]", m_diags);
        TableReader l(*t, "[limits]", m_diags);
        auto floor = l.decimal("floor", true);
        m_rules.limits.floor_points = floor;
        m_rules.limits.floor_yuan = floor;
        if (auto p = l.decimal("floor_points", true)) m_rules.limits.floor_points = p;
        if (auto y = l.decimal("floor_yuan", true)) m_rules.limits.floor_yuan = y;
    }
    m_rules.money.pool_among = m_rules.subject;
    if (const auto* t = table_section(root, "money")) {
        check_keys(*t, {"per_point", "pool", "pool_among"}, "[money]", m_diags);
        TableReader m(*t, "[money]", m_diags);
        m_rules.money.line = line_of(*t);
        m_rules.money.per_point = m.ratio("per_point");
        if (m_rules.money.per_point && m_rules.money.per_point->ten_thousandths() < 0) {
            m.error("per_point", tr(Msg::rule_per_point_negative));
            m_rules.money.per_point.reset();
        }
        m_rules.money.pool = m.decimal("pool");
        if (auto s = m.choice("pool_among", {"person", "dept"}))
            m_rules.money.pool_among = Subject(*s);
        if (m_rules.money.per_point && m_rules.money.pool)
            m.error("pool", tr(Msg::rule_money_both));
    }
}

const toml::table* Parser::table_section(const toml::table& root, std::string_view key) {
    const toml::node* n = root.get(key);
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    m_diags.add(n->source(), tr(Msg::rule_must_be_table, key));
    return nullptr;
}

void Parser::run(std::string_view text) {
    m_rules.source_text = std::string(text);
    if (const auto bad = find_toml_unsafe_character(text)) {  // see toml_guard.hpp
        m_diags.add(
            bad->line, bad->column,
            tr(bad->in_string ? Msg::rule_toml_after_backslash : Msg::rule_toml_outside_quotes,
               bad->text));
        return;
    }
    toml::table root;
    try {
        root = toml::parse(text, std::string_view("rules"));
    } catch (const toml::parse_error& e) {
        m_diags.add(e.source(), tr(Msg::rule_toml_syntax, e.description()));
        return;
    }
    check_keys(root, k_root_keys, tr(Msg::rule_section_file), m_diags);
    read_vocabulary(root);
    read_settings(root);
    read_rule_sections(root);
    check_overlaps();
}

}  // namespace detail

std::vector<Diagnostic> check_rules(std::string_view toml_text) {
    detail::Parser p;
    p.run(toml_text);
    return p.diagnostics().sorted();
}

Rules parse_rules(std::string_view toml_text, std::string_view source_name) {
    detail::Parser p;
    p.run(toml_text);
    auto problems = p.diagnostics().sorted();
    if (!problems.empty()) {
        std::string what;
        for (const auto& d : problems) {
            if (!what.empty()) what += '\n';
            if (d.line > 0)
                what += fmt::format("{}:{}: {}", source_name, d.line, d.message);
            else
                what += fmt::format("{}: {}", source_name, d.message);
        }
        throw InputError(what, tr(Msg::hint_fix_rules_source,
                                  source_name.empty() ? tr_view(Msg::word_file) : source_name));
    }
    Rules rules = p.take();
    rules.source_name = std::string(source_name);
    return rules;
}

std::string_view to_string(Subject s) {
    return s == Subject::person ? "person" : "dept";
}
std::string_view to_string(Policy p) {
    return p == Policy::cumulative ? "cumulative" : "highest";
}
std::string_view to_string(PeriodKind p) {
    switch (p) {
        case PeriodKind::month:
            return "month";
        case PeriodKind::quarter:
            return "quarter";
        case PeriodKind::year:
            return "year";
    }
    return "year";
}
std::string_view to_string(Measure m) {
    switch (m) {
        case Measure::submitted:
            return "submitted";
        case Measure::adopted:
            return "adopted";
        case Measure::points:
            return "points";
    }
    return "submitted";
}

}  // namespace infotally::rules
