// The second half of the tally: what needs the whole period. Quotas first (rewards and
// penalties), then caps on earned figures, net and floors, money, totals.
#include <fmt/format.h>

#include <algorithm>

#include "lib/model/i18n.hpp"
#include "lib/rules/scoring_detail.hpp"
#include "lib/rules/tally.hpp"

namespace infotally::rules {
namespace {

using RowState = TallyBuilder::RowState;

bool listed(const std::vector<std::string>& list, std::string_view a, std::string_view b) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& x) { return x == a || (!b.empty() && x == b); });
}

// The department a person row belongs to on `day`.
model::Membership membership_on(const RowState& r, model::Date day) {
    if (r.person && !r.person->history.empty()) return r.person->membership_on(day);
    return {r.row.dept_id, r.row.dept_code, r.row.dept_name, day};
}

// Whether the quota covers this subject in this quota period. A person's department is taken
// on `on`: the period's last day, or the tally's last day for a period still running.
bool selected(const Quota& q, const RowState& r, const PeriodSpan& span, model::Date on) {
    std::string_view code, name;
    model::Membership m;
    if (q.who == Subject::dept) {
        if (r.dept && r.dept->retired_on && *r.dept->retired_on < span.from) return false;
        code = r.row.code;
        name = r.row.name;
    } else {
        if (!q.persons.empty() && !listed(q.persons, r.row.name, {})) return false;
        m = membership_on(r, on);
        code = m.dept_code;
        name = m.dept_name;
    }
    if (!q.depts.empty() && !listed(q.depts, code, name)) return false;
    return q.not_depts.empty() || !listed(q.not_depts, code, name);
}

std::optional<model::Decimal> target_of(const Quota& q, const RowState& r, const PeriodSpan& span,
                                        model::Date tally_end) {
    const model::Date on = std::min(span.to, tally_end);
    if (!selected(q, r, span, on)) return std::nullopt;
    if (q.who == Subject::dept) return q.target_for({r.row.code, r.row.name});
    auto m = membership_on(r, on);
    return q.target_for({r.row.name, m.dept_code, m.dept_name});
}

// Was the person a member of the department at any time during the span?
bool member_during(const RowState& person, const RowState& dept, const PeriodSpan& span) {
    if (!person.person || person.person->history.empty()) {
        return (dept.row.id != 0 && person.row.dept_id == dept.row.id) ||
               (!dept.row.code.empty() && person.row.dept_code == dept.row.code);
    }
    const auto& h = person.person->history;
    for (std::size_t i = 0; i < h.size(); ++i) {
        const bool same = (dept.row.id != 0 && h[i].dept_id == dept.row.id) ||
                          (h[i].dept_id == 0 && h[i].dept_code == dept.row.code);
        if (!same) continue;
        // membership i runs from its start (the first one: from always) to the day before the
        // next one starts
        const bool starts_in_time = i == 0 || h[i].since <= span.to;
        const bool ends_in_time = i + 1 == h.size() || h[i + 1].since > span.from;
        if (starts_in_time && ends_in_time) return true;
    }
    return false;
}

std::string amount_lost(model::Decimal points, model::Decimal yuan) {
    return detail::amount_text(-points, -yuan);
}

class Finisher {
  public:
    Finisher(const Rules& rules, Period period, std::vector<RowState> persons,
             std::vector<RowState> depts, const TallyOptions& options)
        : m_rules(rules),
          m_period(period),
          m_persons(std::move(persons)),
          m_depts(std::move(depts)),
          m_explain(options.explain),
          m_today(options.today) {}

    Tally run();

  private:
    void quota(std::size_t index, RowState& r, Tally& t);
    void caps(RowState& r, Subject who);
    void net(RowState& r);
    void money(Tally& t);
    void line(RowState& r, std::string text, model::Decimal points, model::Decimal yuan) {
        if (m_explain) r.row.lines.push_back({std::move(text), points, yuan, 0});
    }

    const Rules& m_rules;
    Period m_period;
    std::vector<RowState> m_persons;
    std::vector<RowState> m_depts;
    bool m_explain;
    std::optional<model::Date> m_today;
};

void Finisher::quota(std::size_t index, RowState& r, Tally& t) {
    const Quota& q = m_rules.quotas[index];
    QuotaStatus st;
    st.quota = index;
    st.line = q.origin.line;
    st.label = q.origin.label;
    st.who = q.who;
    st.subject_id = r.row.id;
    st.subject_name = r.row.name;
    st.subject_code = q.who == Subject::dept ? r.row.code : r.row.dept_code;
    for (const auto& span : periods_overlapping(q.period, m_period.from, m_period.to)) {
        auto target = target_of(q, r, span, m_period.to);
        if (!target) continue;
        // settled: the whole quota period is inside the tally, and over before today
        const bool finished = m_period.from <= span.from && span.to <= m_period.to &&
                              (!m_today || span.to < *m_today);
        const model::Decimal* found = r.quota_actual[index].find(span.key);
        const model::Decimal actual = found ? *found : model::Decimal{};
        QuotaPeriodResult res = evaluate_quota_period(q, span, *target, actual, finished);
        st.actual += actual;
        st.periods.push_back(res);
        // a quota without reward or penalty only tracks progress (status): nothing to explain
        if (!finished || !q.has_effect()) continue;
        const std::string head =
            tr(Msg::ex_quota, detail::rule_text(q.origin), span.label, actual.str(), target->str(),
               tr_view(res.state == QuotaState::met ? Msg::ex_quota_met : Msg::ex_quota_missed));
        if (!res.reward_points.is_zero() || !res.reward_yuan.is_zero() ||
            res.state == QuotaState::met) {
            r.row.quota_reward_points += res.reward_points;
            r.row.quota_reward_yuan += res.reward_yuan;
            line(r,
                 tr(Msg::ex_head_tail, head,
                    detail::amount_text(res.reward_points, res.reward_yuan)),
                 res.reward_points, res.reward_yuan);
        }
        if (res.state != QuotaState::missed) continue;
        if (q.penalty_to == PenaltyTo::self) {
            r.row.penalty_points += res.penalty_points;
            r.row.penalty_yuan += res.penalty_yuan;
            line(r, tr(Msg::ex_head_tail, head, amount_lost(res.penalty_points, res.penalty_yuan)),
                 -res.penalty_points, -res.penalty_yuan);
            continue;
        }
        line(r,
             tr(Msg::ex_each_member_loses, head, amount_lost(res.penalty_points, res.penalty_yuan)),
             {}, {});
        for (auto& p : m_persons) {
            if (!member_during(p, r, span)) continue;
            p.row.penalty_points += res.penalty_points;
            p.row.penalty_yuan += res.penalty_yuan;
            line(p,
                 tr(Msg::ex_member_penalty, detail::rule_text(q.origin), r.row.name, span.label,
                    actual.str(), target->str(), amount_lost(res.penalty_points, res.penalty_yuan)),
                 -res.penalty_points, -res.penalty_yuan);
        }
    }
    if (st.periods.empty()) return;

    // Year-level progress, against the whole year's target and the days elapsed by the end of
    // the tallied period.
    const model::Date as_of = m_period.to;
    const int year = as_of.year();
    for (const auto& span :
         periods_overlapping(q.period, Period::year(year).from, Period::year(year).to))
        if (auto target = target_of(q, r, span, as_of)) st.target += *target;
    const std::int64_t days = model::Date::days_in_year(year);
    const std::int64_t elapsed = as_of.day_of_year();
    if (st.target.hundredths() > 0)
        st.completion = model::Ratio::fraction(st.actual.hundredths(), st.target.hundredths());
    st.expected = scale_decimal(st.target, elapsed, days);
    st.projected = scale_decimal(st.actual, days, elapsed);
    st.behind = st.actual < st.expected;
    t.quotas.push_back(std::move(st));
}

// Caps limit what a subject earns (adoption and submission scores), not what it loses:
// finer periods first, each coarser cap seeing the already-capped figures.
void Finisher::caps(RowState& r, Subject who) {
    std::vector<const Cap*> caps;
    for (const auto& c : m_rules.caps)
        if (c.who == who) caps.push_back(&c);
    if (caps.empty()) return;
    std::stable_sort(caps.begin(), caps.end(),
                     [](const Cap* a, const Cap* b) { return a->period < b->period; });
    for (bool points : {true, false}) {
        // units: (a day inside the unit, capped amount), starting from calendar months
        std::vector<std::pair<model::Date, model::Decimal>> units;
        for (const auto& [month, amount] : r.earned_by_month)
            units.emplace_back(month_of_key(month).first_day(),
                               points ? amount.points : amount.yuan);
        for (const Cap* c : caps) {
            const auto& max = points ? c->max_points : c->max_yuan;
            if (!max) continue;
            std::map<int, std::pair<model::Date, model::Decimal>> groups;
            for (const auto& [day, amount] : units) {
                auto& g = groups.try_emplace(period_key(c->period, day), day, model::Decimal{})
                              .first->second;
                g.second += amount;
            }
            units.clear();
            for (auto& [key, g] : groups) {
                if (g.second > *max) {
                    const model::Decimal cut = g.second - *max;
                    (points ? r.row.cap_deduction_points : r.row.cap_deduction_yuan) += cut;
                    const char* unit = points ? "分" : "元";
                    line(r,
                         tr(Msg::ex_cap, detail::rule_text(c->origin),
                            period_span(c->period, key).label, g.second.str(), unit, max->str(),
                            unit, signed_text(-cut), unit),
                         points ? -cut : model::Decimal{}, points ? model::Decimal{} : -cut);
                    g.second = *max;
                }
                units.push_back(g);
            }
        }
    }
}

void Finisher::net(RowState& r) {
    TallyRow& w = r.row;
    w.net_points = w.adoption_points + w.submission_points - w.cap_deduction_points +
                   w.quota_reward_points - w.penalty_points;
    if (m_rules.limits.floor_points && w.net_points < *m_rules.limits.floor_points) {
        w.floor_adjustment_points = *m_rules.limits.floor_points - w.net_points;
        line(r,
             tr(Msg::ex_floor_points, w.net_points.str(), m_rules.limits.floor_points->str(),
                signed_text(w.floor_adjustment_points)),
             w.floor_adjustment_points, {});
        w.net_points = *m_rules.limits.floor_points;
    }
    w.net_yuan = w.yuan_earned - w.cap_deduction_yuan + w.quota_reward_yuan - w.penalty_yuan;
}

void Finisher::money(Tally& t) {
    const Money& m = m_rules.money;
    auto all = [&](auto&& f) {
        for (auto& r : m_persons) f(r);
        for (auto& r : m_depts) f(r);
    };
    if (m.per_point) {
        all([&](RowState& r) {
            r.row.points_yuan = r.row.net_points * *m.per_point;
            if (!r.row.points_yuan.is_zero())
                line(r,
                     tr(Msg::ex_money, m.line, r.row.net_points.str(), m.per_point->str(),
                        signed_text(r.row.points_yuan)),
                     {}, r.row.points_yuan);
        });
    } else if (m.pool) {
        auto& rows = m.pool_among == Subject::person ? m_persons : m_depts;
        std::vector<std::int64_t> weights;
        std::int64_t sum = 0;
        for (const auto& r : rows) {
            weights.push_back(std::max<std::int64_t>(0, r.row.net_points.hundredths()));
            sum += weights.back();
        }
        if (sum == 0) {
            t.notes.push_back({tr(Msg::ex_pool_unpaid, m.line, m.pool->str(),
                                  tr_view(m.pool_among == Subject::dept ? Msg::subject_dept
                                                                        : Msg::subject_person)),
                               {},
                               {},
                               0});
        } else {
            const auto shares = model::split(*m.pool, weights);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                rows[i].row.points_yuan = shares[i];
                if (!shares[i].is_zero())
                    line(rows[i],
                         tr(Msg::ex_pool, m.line, m.pool->str(), rows[i].row.net_points.str(),
                            model::Decimal::from_hundredths(sum).str(), signed_text(shares[i])),
                         {}, shares[i]);
            }
        }
    }
    all([&](RowState& r) {
        TallyRow& w = r.row;
        w.net_yuan += w.points_yuan;
        if (m_rules.limits.floor_yuan && w.net_yuan < *m_rules.limits.floor_yuan) {
            w.floor_adjustment_yuan = *m_rules.limits.floor_yuan - w.net_yuan;
            line(r,
                 tr(Msg::ex_floor_yuan, w.net_yuan.str(), m_rules.limits.floor_yuan->str(),
                    signed_text(w.floor_adjustment_yuan)),
                 {}, w.floor_adjustment_yuan);
            w.net_yuan = *m_rules.limits.floor_yuan;
        }
    });
}

void add_to(TallyRow& total, const TallyRow& r) {
    total.submitted += r.submitted;
    total.adopted_pieces += r.adopted_pieces;
    total.adoptions += r.adoptions;
    for (const auto& [k, v] : r.adoptions_by_level) total.adoptions_by_level[k] += v;
    for (const auto& [k, v] : r.points_by_level) total.points_by_level[k] += v;
    total.adoption_points += r.adoption_points;
    total.submission_points += r.submission_points;
    total.cap_deduction_points += r.cap_deduction_points;
    total.quota_reward_points += r.quota_reward_points;
    total.penalty_points += r.penalty_points;
    total.floor_adjustment_points += r.floor_adjustment_points;
    total.net_points += r.net_points;
    total.yuan_earned += r.yuan_earned;
    total.cap_deduction_yuan += r.cap_deduction_yuan;
    total.quota_reward_yuan += r.quota_reward_yuan;
    total.penalty_yuan += r.penalty_yuan;
    total.points_yuan += r.points_yuan;
    total.floor_adjustment_yuan += r.floor_adjustment_yuan;
    total.net_yuan += r.net_yuan;
}

Tally Finisher::run() {
    Tally t;
    t.period = m_period;
    t.subject = m_rules.subject;
    for (std::size_t q = 0; q < m_rules.quotas.size(); ++q)
        for (auto& r : m_rules.quotas[q].who == Subject::dept ? m_depts : m_persons) quota(q, r, t);
    for (auto& r : m_persons) caps(r, Subject::person);
    for (auto& r : m_depts) caps(r, Subject::dept);
    for (auto& r : m_persons) net(r);
    for (auto& r : m_depts) net(r);
    money(t);
    t.person_total.name = tr(Msg::ex_total);
    t.dept_total.name = tr(Msg::ex_total);
    t.persons.reserve(m_persons.size());  // no doubling: 7,000 rows are megabytes
    t.depts.reserve(m_depts.size());
    for (auto& r : m_persons) {
        add_to(t.person_total, r.row);
        t.persons.push_back(std::move(r.row));
    }
    for (auto& r : m_depts) {
        add_to(t.dept_total, r.row);
        t.depts.push_back(std::move(r.row));
    }
    return t;
}

}  // namespace

Tally TallyBuilder::finish() const& {
    return finish_rows(m_persons, m_depts);
}

Tally TallyBuilder::finish() && {
    return finish_rows(std::move(m_persons), std::move(m_depts));
}

Tally TallyBuilder::finish_rows(std::vector<RowState> persons, std::vector<RowState> depts) const {
    // The rows' figures by level number become the report's maps by level key.
    auto by_key = [&](const std::vector<std::optional<model::Decimal>>& by_number,
                      std::map<std::string, model::Decimal>& out) {
        for (std::size_t i = 0; i < by_number.size(); ++i)
            if (by_number[i]) out[m_levels[i]] = *by_number[i];
    };
    for (auto* rows : {&persons, &depts}) {
        for (auto& r : *rows) {
            by_key(r.level_adoptions, r.row.adoptions_by_level);
            by_key(r.level_points, r.row.points_by_level);
        }
    }
    return Finisher(m_rules, m_period, std::move(persons), std::move(depts), m_options).run();
}

}  // namespace infotally::rules
