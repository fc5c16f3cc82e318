#pragma once
// Scoring: pure functions of (rules, one submission, its adoptions). No I/O, no database, so
// every rule is tested on in-memory records.
//
// One adoption is scored in this order (schemas/rules.md, "How a score is computed"):
//   1. a matching [[flat]] rule (the most specific) gives the score and nothing else applies;
//   2. otherwise the most specific matching [[base]] rule (none: 0),
//   3. plus every matching [[bonus]] with stage = "before_factors",
//   4. times every matching [[factor]], in file order, rounding to the cent after each,
//   5. plus every matching [[bonus]] with stage = "after_factors".
// Points and yuan go through the same steps side by side.
#include <optional>
#include <string>
#include <vector>

#include "lib/model/date.hpp"
#include "lib/model/decimal.hpp"
#include "lib/model/records.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::rules {

// One line of an explanation. `depth` 0 lines carry amounts that add up to the figure being
// explained; depth 1 lines detail the line above them (their amounts are informative only).
struct ExplainLine {
    std::string text;
    model::Decimal points;
    model::Decimal yuan;
    int depth = 0;
};

struct AdoptionScore {
    model::Id adoption_id = 0;
    bool counted = true;  // false: not counted under policy = "highest" (points and yuan are 0)
    model::Decimal points;
    model::Decimal yuan;
    std::vector<ExplainLine> lines;
};

// Scores every adoption of one submission (same order as `adoptions`), applying the policy:
// under "highest" only the adoption with the most points (then yuan; ties: the earliest
// adoption, then the lowest id) counts, the others are marked counted = false with a line
// saying which one counted. Submission-side penalties (zero = true) are not applied here; see
// score_piece().
std::vector<AdoptionScore> score_adoptions(const Rules& rules, const model::Submission& s,
                                           const std::vector<model::Adoption>& adoptions);

// Points and money for the submission itself: [[submission]] rules earned, minus [[penalty]]
// rules. `as_of` decides whether a commissioned piece is already missed.
struct SubmissionScore {
    model::Decimal points;  // earned_points - penalty_points
    model::Decimal yuan;    // earned_yuan - penalty_yuan
    model::Decimal earned_points;
    model::Decimal earned_yuan;
    model::Decimal penalty_points;  // positive: the amount deducted
    model::Decimal penalty_yuan;
    // The part of the penalties from `missed = true` rules. A piece becomes missed the day after
    // its due date, so a tally books this part on that day, the rest on submitted_on.
    model::Decimal missed_points;
    model::Decimal missed_yuan;
    bool zeroed = false;  // a zero = true penalty matched: the piece itself scores 0
    std::vector<ExplainLine> lines;
};
SubmissionScore score_submission(const Rules& rules, const model::Submission& s,
                                 const std::vector<model::Adoption>& adoptions, model::Date as_of);

// Both of the above, with a zeroing penalty applied: when the submission is zeroed, every
// adoption (and the submission's own earned points) scores 0, with a line saying why. This is
// what tallies and `explain ADOPTION_ID` use.
struct PieceScore {
    SubmissionScore submission;
    std::vector<AdoptionScore> adoptions;
};
// explain = false: the same figures without the explain lines (a listing of 50,000 adoptions
// would format and drop millions of them).
PieceScore score_piece(const Rules& rules, const model::Submission& s,
                       const std::vector<model::Adoption>& adoptions, model::Date as_of,
                       bool explain = true);

// True when the submission was sent more than its time limit's days after the event it
// reports. The limit is the most specific matching [[time_limit]]; `limit_days` receives it
// (-1 when no limit applies). A submission without occurred_on is never overdue.
bool overdue(const Rules& rules, const model::Submission& s, int* limit_days = nullptr);

// A commissioned piece (due_on set) sent after its due date.
bool late(const model::Submission& s);
// A commissioned piece whose due date has passed by `as_of` without any adoption by then.
bool missed(const model::Submission& s, const std::vector<model::Adoption>& adoptions,
            model::Date as_of);

// The authors' shares of a piece under [authors] split; they sum to exactly 1. "declared"
// falls back to equal when any author has no declared share (or all shares are 0).
std::vector<model::Ratio> author_shares(const Rules& rules, const model::Submission& s);

struct AuthorCredit {
    model::Id person_id = 0;
    std::string name;
    model::Ratio share;     // of the piece
    model::Decimal piece;   // piece credit in hundredths of a piece; sums to exactly 1.00
    model::Decimal points;  // split with model::split: the parts sum exactly to the whole
    model::Decimal yuan;
};
// Splits a score of the piece among its authors (one entry per author, in the submission's
// order). Empty when the submission has no authors.
std::vector<AuthorCredit> credit_authors(const Rules& rules, const model::Submission& s,
                                         model::Decimal points, model::Decimal yuan);

// Number text for explain lines: "+5.00", "-2.00".
std::string signed_text(model::Decimal d);

}  // namespace infotally::rules
