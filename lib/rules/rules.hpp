#pragma once
// A year's rules (考核办法) as read from its TOML file. Every feature real rule sets use is data
// here — match conditions plus effects — so a new unit's rules never need a code change. The
// file format is documented key by key in schemas/rules.md.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/model/decimal.hpp"
#include "lib/rules/condition.hpp"
#include "lib/rules/vocabulary.hpp"

namespace infotally::rules {

// One problem in a rules file; line and column are 1-based (0 = unknown).
struct Diagnostic {
    int line = 0;
    int column = 0;
    std::string message;
};

enum class Subject { person, dept };
enum class Policy { cumulative, highest };
enum class AuthorSplit { equal, declared, first };
enum class Stage { before_factors, after_factors };
enum class PeriodKind { month, quarter, year };
enum class Measure { submitted, adopted, points };
enum class RewardStyle { threshold, pro_rata };
enum class PenaltyTo { self, members };

// Where a rule came from, for explain lines ("[[base]] line 12").
struct Origin {
    std::string section;  // "base", "bonus", …
    int line = 0;
    std::string label;  // the rule's `name`, or a description of its conditions
};

// [[base]], [[bonus]], [[factor]] and [[flat]]: rules applied to each adoption.
struct AdoptionRule {
    Origin origin;
    Condition when;
    model::Decimal points;
    model::Decimal yuan;
    model::Ratio factor = model::Ratio::one();  // [[factor]] only
    Stage stage = Stage::before_factors;        // [[bonus]] only
};

// [[submission]]: points or money for merely submitting (报送即计分).
struct SubmissionRule {
    Origin origin;
    Condition when;
    model::Decimal points;
    model::Decimal yuan;
};

// [[penalty]]: deducted per matching submission; `zero` also makes the piece itself score 0.
struct PenaltyRule {
    Origin origin;
    Condition when;
    model::Decimal points;
    model::Decimal yuan;
    bool zero = false;
};

struct Quota {
    Origin origin;
    Subject who = Subject::dept;
    std::vector<std::string> depts;      // codes or names; empty = every department
    std::vector<std::string> not_depts;  // codes or names excluded
    std::vector<std::string> persons;    // names; empty = everyone (who = person)
    Measure measure = Measure::submitted;
    Condition when;  // which pieces / adoptions count towards the quota
    std::optional<model::Decimal> target;
    std::vector<std::pair<std::string, model::Decimal>> targets;  // by code, name or person name
    PeriodKind period = PeriodKind::year;
    model::Decimal reward;
    model::Decimal reward_yuan;
    RewardStyle reward_style = RewardStyle::threshold;
    model::Decimal penalty_per_missing;
    model::Decimal penalty;
    model::Decimal penalty_yuan_per_missing;
    model::Decimal penalty_yuan;
    PenaltyTo penalty_to = PenaltyTo::self;

    // The target of one subject for one quota period, or nullopt when the quota does not cover
    // it. `names` are the subject's identifiers: a person's name, then their department's code
    // and name; a department's code and name. The first name listed in `targets` wins.
    std::optional<model::Decimal> target_for(const std::vector<std::string>& names) const;
    bool has_effect() const;
};

// [[cap]]: the most a subject may earn in one period (earned = adoption + submission scores).
struct Cap {
    Origin origin;
    Subject who = Subject::person;
    PeriodKind period = PeriodKind::year;
    std::optional<model::Decimal> max_points;
    std::optional<model::Decimal> max_yuan;
};

// [limits]: floors on a subject's net figures for the tallied period.
struct Limits {
    std::optional<model::Decimal> floor_points;
    std::optional<model::Decimal> floor_yuan;
};

// [money]: how net points become money, on top of any per-piece yuan.
struct Money {
    std::optional<model::Ratio> per_point;  // 元 per net point
    std::optional<model::Decimal> pool;     // fixed sum shared in proportion to net points
    Subject pool_among = Subject::person;
    int line = 0;
};

// [[time_limit]]: a submission sent more than `days` after the event it reports is overdue.
struct TimeLimit {
    Origin origin;
    Condition when;
    int days = 0;
};

struct Rules {
    Vocabulary vocabulary = default_vocabulary();
    std::optional<int> year;
    std::string title;
    Subject subject = Subject::person;
    Policy policy = Policy::cumulative;
    AuthorSplit split = AuthorSplit::equal;
    std::vector<AdoptionRule> bases;
    std::vector<AdoptionRule> bonuses;
    std::vector<AdoptionRule> factors;
    std::vector<AdoptionRule> flats;
    std::vector<SubmissionRule> submission_rules;
    std::vector<PenaltyRule> penalties;
    std::vector<Quota> quotas;
    std::vector<Cap> caps;
    Limits limits;
    Money money;
    std::vector<TimeLimit> time_limits;
    std::string source_name;
    std::string source_text;  // kept verbatim: a past year's tally is computed from its own file
};

// Every problem in a rules file, sorted by line; empty means the file is valid.
std::vector<Diagnostic> check_rules(std::string_view toml_text);

// The rules in a file. Throws InputError whose what() lists every problem as
// "SOURCE:LINE: message", one per line.
Rules parse_rules(std::string_view toml_text, std::string_view source_name);

// The commented rules `infotally init` stores for a new year: the default vocabulary, modest
// points by level, cumulative, equal split.
std::string default_rules_toml(int year);

// Display names used in explain lines and reports.
std::string_view to_string(Subject s);
std::string_view to_string(Policy p);
std::string_view to_string(PeriodKind p);
std::string_view to_string(Measure m);

}  // namespace infotally::rules
