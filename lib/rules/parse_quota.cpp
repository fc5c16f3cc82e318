// Reading [[quota]] sections: who is measured, by what, against which target, and what a met or
// missed quota period is worth.
#include <fmt/format.h>

#include <algorithm>

#include "lib/model/i18n.hpp"
#include "lib/rules/parser.hpp"

namespace infotally::rules {

std::optional<model::Decimal> Quota::target_for(const std::vector<std::string>& names) const {
    for (const auto& n : names) {
        if (n.empty()) continue;
        for (const auto& [subject, value] : targets)
            if (subject == n) return value;
    }
    return target;
}

bool Quota::has_effect() const {
    return !reward.is_zero() || !reward_yuan.is_zero() || !penalty_per_missing.is_zero() ||
           !penalty.is_zero() || !penalty_yuan_per_missing.is_zero() || !penalty_yuan.is_zero();
}

namespace detail {

void Parser::read_quotas(const toml::table& root) {
    for (const auto* t : table_array(root, "quota"))
        read_quota(TableReader(*t, "[[quota]]", m_diags));
}

void Parser::read_quota(const TableReader& r) {
    auto keys = condition_keys(Scope::adoption, false);
    for (std::string_view k :
         {"name", "who", "dept", "not_dept", "person", "measure", "target", "targets", "period",
          "reward", "reward_yuan", "reward_style", "penalty_per_missing", "penalty",
          "penalty_yuan_per_missing", "penalty_yuan", "penalty_to"})
        keys.push_back(k);
    check_keys(r.table(), keys, "[[quota]]", m_diags);

    Quota q;
    q.who = m_rules.subject;
    if (auto w = r.choice("who", {"person", "dept"})) q.who = Subject(*w);
    q.depts = r.strings("dept").value_or(std::vector<std::string>{});
    q.not_depts = r.strings("not_dept").value_or(std::vector<std::string>{});
    q.persons = r.strings("person").value_or(std::vector<std::string>{});
    if (!q.persons.empty() && q.who == Subject::dept)
        r.error("person", tr(Msg::rule_quota_person_for_dept));
    if (auto m = r.choice("measure", {"submitted", "adopted", "points"})) q.measure = Measure(*m);
    // Pieces counted by "submitted" are not adopted yet, so they have no level or outlet.
    q.when = read_condition(
        r, q.measure == Measure::submitted ? Scope::submission : Scope::adoption, false);
    q.origin.section = "quota";
    q.origin.line = r.line();
    q.origin.label = r.string("name").value_or("");
    if (q.origin.label.empty())
        q.origin.label = tr(
            Msg::rule_quota_label,
            tr_view(q.who == Subject::dept ? Msg::subject_dept : Msg::subject_person),
            tr_view(q.measure == Measure::submitted ? Msg::measure_submitted
                    : q.measure == Measure::adopted ? Msg::measure_adopted
                                                    : Msg::measure_points),
            q.when.empty() ? std::string()
                           : tr(Msg::rule_quota_label_when, q.when.describe(m_rules.vocabulary)));

    q.target = r.decimal("target", true);
    if (q.target && q.target->hundredths() <= 0) {
        r.error("target", tr(Msg::rule_quota_target, plain(*q.target)));
        q.target.reset();
    }
    if (const toml::node* n = r.node("targets")) {
        if (const auto* tt = n->as_table()) {
            TableReader targets(*tt, "'targets'", m_diags);
            for (auto&& [who, value] : *tt) {
                auto v = targets.decimal(who.str(), true);
                if (!v) continue;
                if (v->hundredths() <= 0) {
                    m_diags.add(value.source(),
                                tr(Msg::rule_quota_target_for, who.str(), plain(*v)));
                    continue;
                }
                q.targets.emplace_back(std::string(who.str()), *v);
            }
        } else {
            r.error("targets", tr(Msg::rule_quota_targets_table, type_words(*n)));
        }
    }
    if (!r.has("target") && !r.has("targets"))
        r.error("target", tr(Msg::rule_quota_needs_target, "{ CODE = N, … }"));

    if (auto p = r.choice("period", {"month", "quarter", "year"})) q.period = PeriodKind(*p);
    q.reward = r.decimal("reward").value_or(model::Decimal{});
    q.reward_yuan = r.decimal("reward_yuan").value_or(model::Decimal{});
    if (auto s = r.choice("reward_style", {"threshold", "pro_rata"}))
        q.reward_style = RewardStyle(*s);
    q.penalty_per_missing = r.decimal("penalty_per_missing").value_or(model::Decimal{});
    q.penalty = r.decimal("penalty").value_or(model::Decimal{});
    q.penalty_yuan_per_missing = r.decimal("penalty_yuan_per_missing").value_or(model::Decimal{});
    q.penalty_yuan = r.decimal("penalty_yuan").value_or(model::Decimal{});
    if (auto p = r.choice("penalty_to", {"self", "members"})) q.penalty_to = PenaltyTo(*p);
    if (q.penalty_to == PenaltyTo::members && q.who != Subject::dept)
        r.error("penalty_to", tr(Msg::rule_quota_members));
    m_rules.quotas.push_back(std::move(q));
}

}  // namespace detail
}  // namespace infotally::rules
