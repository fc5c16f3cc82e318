// Reading the rule sections of a rules file ([[base]], [[bonus]], [[factor]], [[flat]],
// [[submission]], [[penalty]], [[quota]], [[cap]], [[time_limit]]) and checking that the rules
// which pick a single winner cannot tie.
#include <fmt/format.h>

#include "lib/model/i18n.hpp"
#include "lib/rules/parser.hpp"

namespace infotally::rules::detail {
namespace {

std::vector<std::string_view> with(std::vector<std::string_view> keys,
                                   std::initializer_list<std::string_view> more) {
    keys.insert(keys.end(), more.begin(), more.end());
    return keys;
}

std::string term_message(std::string_view what, std::string_view value, const TermList& list) {
    std::string message = tr(Msg::rule_unknown_term, what, value, list.choices());
    std::vector<std::string_view> keys;
    for (const auto& t : list.terms()) keys.push_back(t.key);
    if (auto near = closest_key(value, keys)) message += tr(Msg::rule_term_did_you_mean, *near);
    return message;
}

std::string_view period_word(PeriodKind p) {
    switch (p) {
        case PeriodKind::month:
            return tr_view(Msg::period_month);
        case PeriodKind::quarter:
            return tr_view(Msg::period_quarter);
        case PeriodKind::year:
            break;
    }
    return tr_view(Msg::period_year);
}

}  // namespace

std::vector<std::string_view> condition_keys(Scope, bool penalty_flags) {
    std::vector<std::string_view> keys;
    for (const auto& f : k_fields) {
        keys.push_back(f.key);
        keys.push_back(f.not_key);
    }
    keys.push_back("min_length");
    keys.push_back("max_length");
    if (penalty_flags) {
        keys.push_back("late");
        keys.push_back("missed");
        keys.push_back("overdue");
    }
    return keys;
}

std::vector<const toml::table*> Parser::table_array(const toml::table& root, std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = root.get(key);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        m_diags.add(n->source(), tr(Msg::rule_must_be_rule_list, key));
        return out;
    }
    for (const auto& item : *arr) {
        if (const auto* t = item.as_table())
            out.push_back(t);
        else
            m_diags.add(item.source(), tr(Msg::rule_rule_not_table, key, type_words(item)));
    }
    return out;
}

Condition Parser::read_condition(const TableReader& r, Scope scope, bool penalty_flags) {
    Condition c;
    for (std::size_t i = 0; i < k_field_count; ++i) {
        const FieldInfo& f = k_fields[i];
        for (bool negated : {false, true}) {
            std::string_view key = negated ? f.not_key : f.key;
            auto values = r.strings(key);
            if (!values) continue;
            if (f.scope == Scope::adoption && scope == Scope::submission) {
                r.error(key, tr(Msg::rule_adoption_field_on_submission, r.section(), key,
                                tr_view(f.name)));
                continue;
            }
            auto& target = negated ? c.none_of[i] : c.any_of[i];
            for (const auto& v : *values) {
                if (f.terms == nullptr) {
                    target.push_back(v);
                    continue;
                }
                const TermList& list = m_rules.vocabulary.*f.terms;
                if (auto k = list.resolve(v))
                    target.push_back(*k);
                else
                    r.error(key, term_message(tr_view(f.name), v, list));
            }
        }
    }
    constexpr std::int64_t k_max_length = 10'000'000;
    c.min_length = r.integer("min_length", 0, k_max_length);
    c.max_length = r.integer("max_length", 0, k_max_length);
    if (c.min_length && c.max_length && *c.min_length > *c.max_length)
        r.error("max_length", tr(Msg::rule_max_below_min, *c.max_length, *c.min_length));
    if (penalty_flags) {
        c.late = r.boolean("late");
        c.missed = r.boolean("missed");
        c.overdue = r.boolean("overdue");
    }
    return c;
}

Origin Parser::origin(const TableReader& r, std::string_view section, const Condition& when) {
    Origin o;
    o.section = std::string(section);
    o.line = r.line();
    o.label = r.string("name").value_or("");
    if (o.label.empty()) o.label = when.describe(m_rules.vocabulary);
    return o;
}

void Parser::read_adoption_rules(const toml::table& root) {
    struct Spec {
        std::string_view key;
        std::vector<AdoptionRule>* out;
    };
    const Spec specs[] = {{"base", &m_rules.bases},
                          {"bonus", &m_rules.bonuses},
                          {"factor", &m_rules.factors},
                          {"flat", &m_rules.flats}};
    const auto conditions = condition_keys(Scope::adoption, false);
    for (const auto& spec : specs) {
        std::string section = fmt::format("[[{}]]", spec.key);
        const bool is_factor = spec.key == "factor";
        auto keys = is_factor ? with(conditions, {"name", "factor"})
                              : with(conditions, {"name", "points", "yuan"});
        if (spec.key == "bonus") keys.push_back("stage");
        for (const auto* t : table_array(root, spec.key)) {
            check_keys(*t, keys, section, m_diags);
            TableReader r(*t, section, m_diags);
            AdoptionRule rule;
            rule.when = read_condition(r, Scope::adoption, false);
            rule.origin = origin(r, spec.key, rule.when);
            if (is_factor) {
                if (!r.has("factor")) r.error("factor", tr(Msg::rule_factor_needed));
                if (auto f = r.ratio("factor")) {
                    if (f->ten_thousandths() == 0)
                        r.error("factor", tr(Msg::rule_factor_zero));
                    else if (f->ten_thousandths() < 0)
                        r.error("factor", tr(Msg::rule_factor_negative, f->str()));
                    else
                        rule.factor = *f;
                }
            } else {
                if (!r.has("points") && !r.has("yuan"))
                    r.error("points", tr(Msg::rule_needs_points, section));
                rule.points = r.decimal("points").value_or(model::Decimal{});
                rule.yuan = r.decimal("yuan").value_or(model::Decimal{});
            }
            if (auto s = r.choice("stage", {"before_factors", "after_factors"}))
                rule.stage = Stage(*s);
            spec.out->push_back(std::move(rule));
        }
    }
}

void Parser::read_submission_rules(const toml::table& root) {
    const auto keys = with(condition_keys(Scope::submission, false), {"name", "points", "yuan"});
    for (const auto* t : table_array(root, "submission")) {
        check_keys(*t, keys, "[[submission]]", m_diags);
        TableReader r(*t, "[[submission]]", m_diags);
        SubmissionRule rule;
        rule.when = read_condition(r, Scope::submission, false);
        rule.origin = origin(r, "submission", rule.when);
        if (!r.has("points") && !r.has("yuan"))
            r.error("points", tr(Msg::rule_needs_points, "[[submission]]"));
        rule.points = r.decimal("points").value_or(model::Decimal{});
        rule.yuan = r.decimal("yuan").value_or(model::Decimal{});
        m_rules.submission_rules.push_back(std::move(rule));
    }
    const auto penalty_keys =
        with(condition_keys(Scope::submission, true), {"name", "points", "yuan", "zero"});
    for (const auto* t : table_array(root, "penalty")) {
        check_keys(*t, penalty_keys, "[[penalty]]", m_diags);
        TableReader r(*t, "[[penalty]]", m_diags);
        PenaltyRule rule;
        rule.when = read_condition(r, Scope::submission, true);
        rule.origin = origin(r, "penalty", rule.when);
        rule.points = r.decimal("points").value_or(model::Decimal{});
        rule.yuan = r.decimal("yuan").value_or(model::Decimal{});
        rule.zero = r.boolean("zero").value_or(false);
        if (!r.has("points") && !r.has("yuan") && !r.has("zero"))
            r.error("points", tr(Msg::rule_penalty_needs_amount));
        if (rule.when.empty()) r.error("points", tr(Msg::rule_penalty_unconditional));
        m_rules.penalties.push_back(std::move(rule));
    }
}

void Parser::read_caps(const toml::table& root) {
    for (const auto* t : table_array(root, "cap")) {
        check_keys(*t, {"name", "who", "period", "max_points", "max_yuan"}, "[[cap]]", m_diags);
        TableReader r(*t, "[[cap]]", m_diags);
        Cap cap;
        cap.who = m_rules.subject;
        cap.origin.section = "cap";
        cap.origin.line = r.line();
        if (auto w = r.choice("who", {"person", "dept"})) cap.who = Subject(*w);
        if (auto p = r.choice("period", {"month", "quarter", "year"})) cap.period = PeriodKind(*p);
        cap.max_points = r.decimal("max_points");
        cap.max_yuan = r.decimal("max_yuan");
        if (!r.has("max_points") && !r.has("max_yuan"))
            r.error("max_points", tr(Msg::rule_cap_needs_max));
        cap.origin.label = r.string("name").value_or(
            tr(Msg::rule_cap_label,
               tr_view(cap.who == Subject::dept ? Msg::subject_dept : Msg::subject_person),
               period_word(cap.period)));
        m_rules.caps.push_back(std::move(cap));
    }
}

void Parser::read_time_limits(const toml::table& root) {
    const auto keys = with(condition_keys(Scope::submission, false), {"name", "days"});
    for (const auto* t : table_array(root, "time_limit")) {
        check_keys(*t, keys, "[[time_limit]]", m_diags);
        TableReader r(*t, "[[time_limit]]", m_diags);
        TimeLimit limit;
        limit.when = read_condition(r, Scope::submission, false);
        limit.origin = origin(r, "time_limit", limit.when);
        if (!r.has("days")) r.error("days", tr(Msg::rule_time_limit_needs_days));
        limit.days = static_cast<int>(r.integer("days", 0, 3660).value_or(0));
        m_rules.time_limits.push_back(std::move(limit));
    }
}

void Parser::read_rule_sections(const toml::table& root) {
    read_adoption_rules(root);
    read_submission_rules(root);
    read_quotas(root);
    read_caps(root);
    read_time_limits(root);
}

void Parser::check_overlaps() {
    // Exactly one [[base]] (or [[flat]], or [[time_limit]]) applies, the most specific. Two
    // rules of equal specificity that some adoption satisfies both would make the choice
    // depend on file order, so the file is refused instead.
    auto check = [&](std::string_view section, const auto& rules) {
        for (std::size_t j = 1; j < rules.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                const auto &a = rules[i].when, &b = rules[j].when;
                if (specificity(a) != specificity(b)) continue;
                if (!can_overlap(a, b, m_rules.vocabulary)) continue;
                const bool same = a.describe(m_rules.vocabulary) == b.describe(m_rules.vocabulary);
                m_diags.add(rules[j].origin.line, 0,
                            same ? tr(Msg::rule_same_conditions, section, rules[i].origin.line,
                                      b.describe(m_rules.vocabulary))
                                 : tr(Msg::rule_overlap, section, b.describe(m_rules.vocabulary),
                                      rules[i].origin.line, a.describe(m_rules.vocabulary),
                                      tr_view(section == "time_limit" ? Msg::word_submission
                                                                      : Msg::word_adoption)));
            }
        }
    };
    check("base", m_rules.bases);
    check("flat", m_rules.flats);
    check("time_limit", m_rules.time_limits);
}

}  // namespace infotally::rules::detail
