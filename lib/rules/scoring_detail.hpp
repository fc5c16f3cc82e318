#pragma once
// The scoring functions with explanations optional: a tally over a million adoptions must not
// format a million explain lines nobody reads. Internal to lib/rules.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/rules/scoring.hpp"

namespace infotally::rules::detail {

// Appends to `lines` unless it is null. Callers test `if (ex)` before formatting a line, so a
// tally without explanations formats nothing.
struct Explainer {
    std::vector<ExplainLine>* lines = nullptr;
    explicit operator bool() const { return lines != nullptr; }
    void add(std::string text, model::Decimal points, model::Decimal yuan, int depth = 0) const {
        if (lines) lines->push_back({std::move(text), points, yuan, depth});
    }
};

struct Amount {
    model::Decimal points;
    model::Decimal yuan;
};

// Remembers the score of each distinct combination of the fields the adoption rules can look
// at. A big ledger repeats a few thousand combinations (outlet, level, kind, form, …) across a
// million adoptions, so a tally scores each combination once instead of matching every rule
// against every adoption.
class AdoptionScoreCache {
  public:
    explicit AdoptionScoreCache(const Rules& rules);
    Amount score(const model::Submission& s, const model::Adoption& a);

  private:
    static constexpr std::size_t k_max_entries = 1 << 16;  // beyond this, score directly
    const Rules& m_rules;
    std::vector<Field> m_fields;                        // single-valued fields some rule names
    std::vector<std::string> m_tags;                    // tags some adoption rule names
    std::vector<const Condition*> m_length_conditions;  // adoption rules with a length limit
    std::unordered_map<std::string, Amount> m_scores;
    std::string m_key;  // reused: building the key allocates nothing once warm
};

// Without explanations `cache` (if given) is used.
std::vector<AdoptionScore> score_adoptions(const Rules& rules, const model::Submission& s,
                                           const std::vector<model::Adoption>& adoptions,
                                           bool explain, AdoptionScoreCache* cache = nullptr);
SubmissionScore score_submission(const Rules& rules, const model::Submission& s,
                                 const std::vector<model::Adoption>& adoptions, model::Date as_of,
                                 bool explain);
PieceScore score_piece(const Rules& rules, const model::Submission& s,
                       const std::vector<model::Adoption>& adoptions, model::Date as_of,
                       bool explain, AdoptionScoreCache* cache = nullptr);

// model::split into a reused vector: the same parts (largest remainder, ties to the earlier
// part) without the allocations, which dominate a tally over a million adoptions otherwise.
void split_into_parts(model::Decimal total, const std::vector<model::Ratio>& shares,
                      std::vector<model::Decimal>& out);
inline void split_into(model::Decimal total, const std::vector<model::Ratio>& shares,
                       std::vector<model::Decimal>& out) {
    // Inline, the common case: one author with the whole piece (a tally splits each piece's
    // every figure).
    if (shares.size() == 1 && shares[0] == model::Ratio::one()) {
        out.assign(1, total);
        return;
    }
    split_into_parts(total, shares, out);
}

// author_shares into reused vectors (`parts` is scratch): a tally works out every piece's.
void author_shares_into(const Rules& rules, const model::Submission& s,
                        std::vector<model::Ratio>& out, std::vector<model::Decimal>& parts);

// "+50.00分", "+35.00元", "+50.00分 +35.00元", "0".
std::string amount_text(model::Decimal points, model::Decimal yuan);
// "[[base]] line 12 (级别 level 国家级)"
std::string rule_text(const Origin& o);

}  // namespace infotally::rules::detail
