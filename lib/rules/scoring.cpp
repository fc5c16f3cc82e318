#include "lib/rules/scoring.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "lib/model/i18n.hpp"
#include "lib/rules/scoring_detail.hpp"

namespace infotally::rules {
namespace detail {
namespace {

// The most specific matching rule of a pick-one section ([[base]], [[flat]]); on equal
// specificity the earlier rule, though check_rules refuses files where that can happen.
const AdoptionRule* most_specific(const std::vector<AdoptionRule>& rules,
                                  const model::Submission& s, const model::Adoption& a) {
    const AdoptionRule* best = nullptr;
    for (const auto& r : rules) {
        if (!r.when.matches(s, a)) continue;
        if (!best || specificity(best->when) < specificity(r.when)) best = &r;
    }
    return best;
}

Amount score_one(const Rules& rules, const model::Submission& s, const model::Adoption& a,
                 const Explainer& ex) {
    if (const AdoptionRule* flat = most_specific(rules.flats, s, a)) {
        if (ex)
            ex.add(tr(Msg::ex_flat, rule_text(flat->origin), amount_text(flat->points, flat->yuan)),
                   flat->points, flat->yuan);
        return {flat->points, flat->yuan};
    }
    Amount total;
    if (const AdoptionRule* base = most_specific(rules.bases, s, a)) {
        total = {base->points, base->yuan};
        if (ex)
            ex.add(tr(Msg::ex_base, rule_text(base->origin), amount_text(base->points, base->yuan)),
                   base->points, base->yuan);
    } else if (ex) {
        ex.add(tr(Msg::ex_no_base), {}, {});
    }
    for (const auto& b : rules.bonuses) {
        if (b.stage != Stage::before_factors || !b.when.matches(s, a)) continue;
        total.points += b.points;
        total.yuan += b.yuan;
        if (ex)
            ex.add(tr(Msg::ex_bonus, rule_text(b.origin), amount_text(b.points, b.yuan)), b.points,
                   b.yuan);
    }
    for (const auto& f : rules.factors) {
        if (!f.when.matches(s, a)) continue;
        Amount before = total;
        total.points = total.points * f.factor;
        total.yuan = total.yuan * f.factor;
        if (ex) {
            std::string change = before.points.str() + " → " + total.points.str();
            if (!before.yuan.is_zero())
                change += tr(Msg::ex_factor_yuan, before.yuan.str(), total.yuan.str());
            ex.add(tr(Msg::ex_factor, f.factor.str(), rule_text(f.origin), change),
                   total.points - before.points, total.yuan - before.yuan);
        }
    }
    for (const auto& b : rules.bonuses) {
        if (b.stage != Stage::after_factors || !b.when.matches(s, a)) continue;
        total.points += b.points;
        total.yuan += b.yuan;
        if (ex)
            ex.add(
                tr(Msg::ex_bonus_after_factors, rule_text(b.origin), amount_text(b.points, b.yuan)),
                b.points, b.yuan);
    }
    return total;
}

// Under policy = "highest": the adoption that counts.
std::size_t highest(const std::vector<AdoptionScore>& scores,
                    const std::vector<model::Adoption>& adoptions) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < scores.size(); ++i) {
        auto key = [&](std::size_t k) {
            // larger score first; then earlier date, then lower id
            return std::make_tuple(scores[k].points, scores[k].yuan,
                                   -adoptions[k].adopted_on.days_since_epoch(), -adoptions[k].id);
        };
        if (key(best) < key(i)) best = i;
    }
    return best;
}

}  // namespace

void split_into_parts(model::Decimal total, const std::vector<model::Ratio>& shares,
                      std::vector<model::Decimal>& out) {
    __extension__ typedef __int128 Wide;  // hundredths × ten-thousandths
    const std::size_t n = shares.size();
    out.assign(n, model::Decimal{});
    if (total.is_zero()) return;  // most of a tally's figures
    if (n > 64) {  // `served` below is a 64-bit mask; no piece has that many authors
        out = model::split(total, shares);
        return;
    }
    Wide sum = 0;
    for (auto r : shares) sum += r.ten_thousandths();
    if (n == 0 || sum <= 0) return;
    const bool negative = total.hundredths() < 0;
    const Wide whole = negative ? -static_cast<Wide>(total.hundredths()) : total.hundredths();
    Wide handed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Wide q = whole * shares[i].ten_thousandths() / sum;
        handed += q;
        out[i] = model::Decimal::from_hundredths(static_cast<std::int64_t>(negative ? -q : q));
    }
    // Fewer leftover cents than parts: hand each to the largest remainder not yet served,
    // ties to the earlier part.
    std::uint64_t served = 0;
    for (; handed < whole; ++handed) {
        std::size_t best = n;
        Wide best_remainder = -1;
        for (std::size_t i = 0; i < n; ++i) {
            if (served & (std::uint64_t{1} << i)) continue;
            const Wide r = whole * shares[i].ten_thousandths() % sum;
            if (r > best_remainder) {
                best_remainder = r;
                best = i;
            }
        }
        served |= std::uint64_t{1} << best;
        out[best] += model::Decimal::from_hundredths(negative ? -1 : 1);
    }
}

std::string amount_text(model::Decimal points, model::Decimal yuan) {
    if (points.is_zero() && yuan.is_zero()) return "0";
    std::string out;
    if (!points.is_zero()) out = signed_text(points) + "分";
    if (!yuan.is_zero()) {
        if (!out.empty()) out += ' ';
        out += signed_text(yuan) + "元";
    }
    return out;
}

std::string rule_text(const Origin& o) {
    return tr(Msg::ex_rule, o.section, o.line, o.label);
}

AdoptionScoreCache::AdoptionScoreCache(const Rules& rules) : m_rules(rules) {
    const std::size_t tag = static_cast<std::size_t>(Field::tag);
    for (const auto* list : {&rules.bases, &rules.bonuses, &rules.factors, &rules.flats}) {
        for (const auto& r : *list) {
            for (const auto* tags : {&r.when.any_of[tag], &r.when.none_of[tag]})
                for (const auto& t : *tags)
                    if (std::find(m_tags.begin(), m_tags.end(), t) == m_tags.end())
                        m_tags.push_back(t);
            if (r.when.min_length || r.when.max_length) m_length_conditions.push_back(&r.when);
        }
    }
    // A field no rule names cannot change a score (field_matches passes it), so it stays out of
    // the key: fewer, shorter keys, and a ledger's many departments or titles do not each make
    // their own entry.
    for (std::size_t i = 0; i < k_field_count; ++i) {
        if (k_fields[i].field == Field::tag) continue;
        bool named = false;
        for (const auto* list : {&rules.bases, &rules.bonuses, &rules.factors, &rules.flats})
            for (const auto& r : *list)
                named = named || !r.when.any_of[i].empty() || !r.when.none_of[i].empty();
        if (named) m_fields.push_back(k_fields[i].field);
    }
}

Amount AdoptionScoreCache::score(const model::Submission& s, const model::Adoption& a) {
    // The key holds every input score_one() can see: the single-valued fields some rule names,
    // verbatim (each prefixed by its length, so no two combinations share a key), and for tags
    // and length only which rule conditions they satisfy.
    m_key.clear();
    for (const Field f : m_fields) {
        const std::string_view value = field_value(f, s, &a);
        char size[4];
        for (std::size_t i = 0; i < 4; ++i)
            size[i] = static_cast<char>((value.size() >> (8 * i)) & 0xff);
        m_key.append(size, 4).append(value);
    }
    for (const auto& t : m_tags)
        m_key += std::find(s.tags.begin(), s.tags.end(), t) != s.tags.end() ? '1' : '0';
    for (const Condition* c : m_length_conditions) {
        const bool ok = s.length && (!c->min_length || *s.length >= *c->min_length) &&
                        (!c->max_length || *s.length <= *c->max_length);
        m_key += ok ? '1' : '0';
    }
    if (auto it = m_scores.find(m_key); it != m_scores.end()) return it->second;
    const Amount amount = score_one(m_rules, s, a, Explainer{});
    if (m_scores.size() < k_max_entries) m_scores.emplace(m_key, amount);
    return amount;
}

std::vector<AdoptionScore> score_adoptions(const Rules& rules, const model::Submission& s,
                                           const std::vector<model::Adoption>& adoptions,
                                           bool explain, AdoptionScoreCache* cache) {
    std::vector<AdoptionScore> out(adoptions.size());
    for (std::size_t i = 0; i < adoptions.size(); ++i) {
        out[i].adoption_id = adoptions[i].id;
        const Amount amount =
            !explain && cache
                ? cache->score(s, adoptions[i])
                : score_one(rules, s, adoptions[i], Explainer{explain ? &out[i].lines : nullptr});
        out[i].points = amount.points;
        out[i].yuan = amount.yuan;
    }
    if (rules.policy != Policy::highest || adoptions.size() < 2) return out;
    const std::size_t best = highest(out, adoptions);
    for (std::size_t i = 0; i < adoptions.size(); ++i) {
        if (i == best) continue;
        if (explain) {
            const auto& b = adoptions[best];
            out[i].lines.push_back({tr(Msg::ex_not_counted, b.id, b.outlet,
                                       amount_text(out[best].points, out[best].yuan),
                                       amount_text(out[i].points, out[i].yuan)),
                                    -out[i].points, -out[i].yuan, 0});
        }
        out[i].counted = false;
        out[i].points = {};
        out[i].yuan = {};
    }
    return out;
}

SubmissionScore score_submission(const Rules& rules, const model::Submission& s,
                                 const std::vector<model::Adoption>& adoptions, model::Date as_of,
                                 bool explain) {
    SubmissionScore out;
    Explainer ex{explain ? &out.lines : nullptr};
    for (const auto& r : rules.submission_rules) {
        if (!r.when.matches_submission(s)) continue;
        out.earned_points += r.points;
        out.earned_yuan += r.yuan;
        if (ex)
            ex.add(tr(Msg::ex_submission, rule_text(r.origin), amount_text(r.points, r.yuan)),
                   r.points, r.yuan);
    }
    for (const auto& p : rules.penalties) {
        const Condition& c = p.when;
        if (!c.matches_submission(s)) continue;
        if (c.late && *c.late != late(s)) continue;
        if (c.missed && *c.missed != missed(s, adoptions, as_of)) continue;
        if (c.overdue && *c.overdue != overdue(rules, s)) continue;
        out.penalty_points += p.points;
        out.penalty_yuan += p.yuan;
        if (c.missed == true) {
            out.missed_points += p.points;
            out.missed_yuan += p.yuan;
        }
        if (ex)
            ex.add(tr(Msg::ex_penalty, rule_text(p.origin), amount_text(-p.points, -p.yuan),
                      p.zero ? tr_view(Msg::ex_penalty_zero) : std::string_view()),
                   -p.points, -p.yuan);
        out.zeroed = out.zeroed || p.zero;
    }
    if (out.zeroed && !(out.earned_points.is_zero() && out.earned_yuan.is_zero())) {
        if (ex) ex.add(tr(Msg::ex_zeroed_submission), -out.earned_points, -out.earned_yuan);
        out.earned_points = {};
        out.earned_yuan = {};
    }
    out.points = out.earned_points - out.penalty_points;
    out.yuan = out.earned_yuan - out.penalty_yuan;
    return out;
}

PieceScore score_piece(const Rules& rules, const model::Submission& s,
                       const std::vector<model::Adoption>& adoptions, model::Date as_of,
                       bool explain, AdoptionScoreCache* cache) {
    PieceScore out{score_submission(rules, s, adoptions, as_of, explain),
                   score_adoptions(rules, s, adoptions, explain, cache)};
    if (!out.submission.zeroed) return out;
    for (auto& a : out.adoptions) {
        if (a.points.is_zero() && a.yuan.is_zero()) continue;
        if (explain) a.lines.push_back({tr(Msg::ex_zeroed_adoption), -a.points, -a.yuan, 0});
        a.points = {};
        a.yuan = {};
    }
    return out;
}

}  // namespace detail

std::string signed_text(model::Decimal d) {
    // Appended, not "+" + str(): GCC 12 warns falsely (-Wrestrict) about a literal + a temporary.
    std::string text = d.hundredths() >= 0 ? "+" : "";
    return text += d.str();
}

std::vector<AdoptionScore> score_adoptions(const Rules& rules, const model::Submission& s,
                                           const std::vector<model::Adoption>& adoptions) {
    return detail::score_adoptions(rules, s, adoptions, true);
}

SubmissionScore score_submission(const Rules& rules, const model::Submission& s,
                                 const std::vector<model::Adoption>& adoptions, model::Date as_of) {
    return detail::score_submission(rules, s, adoptions, as_of, true);
}

PieceScore score_piece(const Rules& rules, const model::Submission& s,
                       const std::vector<model::Adoption>& adoptions, model::Date as_of,
                       bool explain) {
    return detail::score_piece(rules, s, adoptions, as_of, explain);
}

bool late(const model::Submission& s) {
    return s.due_on && s.submitted_on > *s.due_on;
}

bool missed(const model::Submission& s, const std::vector<model::Adoption>& adoptions,
            model::Date as_of) {
    if (!s.due_on || !(as_of > *s.due_on)) return false;
    return std::none_of(adoptions.begin(), adoptions.end(),
                        [&](const model::Adoption& a) { return a.adopted_on <= as_of; });
}

bool overdue(const Rules& rules, const model::Submission& s, int* limit_days) {
    const TimeLimit* best = nullptr;
    for (const auto& t : rules.time_limits) {
        if (!t.when.matches_submission(s)) continue;
        if (!best || specificity(best->when) < specificity(t.when)) best = &t;
    }
    if (limit_days) *limit_days = best ? best->days : -1;
    if (!best || !s.occurred_on) return false;
    return s.submitted_on.days_since_epoch() - s.occurred_on->days_since_epoch() > best->days;
}

void detail::author_shares_into(const Rules& rules, const model::Submission& s,
                                std::vector<model::Ratio>& out,
                                std::vector<model::Decimal>& parts) {
    const std::size_t n = s.authors.size();
    if (rules.split == AuthorSplit::first && n > 0) {
        std::size_t first = 0;
        for (std::size_t i = 1; i < n; ++i)
            if (s.authors[i].position < s.authors[first].position) first = i;
        out.assign(n, model::Ratio{});
        out[first] = model::Ratio::one();
        return;
    }
    auto weight = [](const model::Author& a) {
        return std::max<std::int64_t>(0, a.share->ten_thousandths());
    };
    bool declared = rules.split == AuthorSplit::declared &&
                    std::all_of(s.authors.begin(), s.authors.end(),
                                [](const model::Author& a) { return a.share.has_value(); });
    if (declared) {
        std::int64_t sum = 0;
        for (const auto& a : s.authors) sum += weight(a);
        declared = sum > 0;
    }
    // Declared shares are normalised so they sum to exactly 1 even if recorded as 0.3333 three
    // times: 1 is split in proportion to them, or (equal) to n ones. A negative share, which a
    // sound ledger never holds, weighs 0. The weights go in `out`, the parts come back in
    // `parts` and then go to `out` as ratios: no allocation once the two have grown.
    out.clear();
    for (const auto& a : s.authors)
        out.push_back(model::Ratio::from_ten_thousandths(declared ? weight(a) : 1));
    split_into(model::Decimal::from_hundredths(model::Ratio::k_scale), out, parts);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = model::Ratio::from_ten_thousandths(parts[i].hundredths());
}

std::vector<model::Ratio> author_shares(const Rules& rules, const model::Submission& s) {
    std::vector<model::Ratio> out;
    std::vector<model::Decimal> parts;
    detail::author_shares_into(rules, s, out, parts);
    return out;
}

std::vector<AuthorCredit> credit_authors(const Rules& rules, const model::Submission& s,
                                         model::Decimal points, model::Decimal yuan) {
    auto shares = author_shares(rules, s);
    std::vector<AuthorCredit> out;
    if (shares.empty()) return out;
    auto piece = model::split(model::Decimal::whole(1), shares);
    auto p = model::split(points, shares);
    auto y = model::split(yuan, shares);
    for (std::size_t i = 0; i < shares.size(); ++i)
        out.push_back({s.authors[i].person_id, s.authors[i].name, shares[i], piece[i], p[i], y[i]});
    return out;
}

}  // namespace infotally::rules
