#pragma once
// The tally: every person's and department's figures over a period, built by streaming so a
// report over a million adoptions never holds the ledger in memory. The store feeds one
// submission at a time with all its adoptions; finish() then applies what needs the whole
// period — quotas, caps, floors, money — in this order (schemas/rules.md):
//   earned (adoption + submission scores) → caps → + quota rewards → − penalties → floor
//   → money (per-piece yuan, per_point or pool) → money floor.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/model/date.hpp"
#include "lib/model/decimal.hpp"
#include "lib/model/id_index.hpp"
#include "lib/model/records.hpp"
#include "lib/rules/quota.hpp"
#include "lib/rules/rules.hpp"
#include "lib/rules/scoring.hpp"

namespace infotally::rules {

namespace detail {
class AdoptionScoreCache;

// Figures by a small integer key (a month's or a quota period's number, quota.hpp period_key) as
// a sorted vector: a row meets a few dozen keys in a period, mostly in increasing order, so an
// append or a short search beats a tree node per key (a tally updates these for every adoption).
template <class V>
class KeyedFigures {
  public:
    V& operator[](int key) {
        if (m_items.empty() || m_items.back().first < key)
            return m_items.emplace_back(key, V{}).second;
        if (m_items.back().first == key) return m_items.back().second;
        auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                                   [](const auto& item, int k) { return item.first < k; });
        if (it->first != key) it = m_items.emplace(it, key, V{});
        return it->second;
    }
    const V* find(int key) const {
        auto it = std::lower_bound(m_items.begin(), m_items.end(), key,
                                   [](const auto& item, int k) { return item.first < k; });
        return it != m_items.end() && it->first == key ? &it->second : nullptr;
    }
    auto begin() const { return m_items.begin(); }
    auto end() const { return m_items.end(); }

  private:
    std::vector<std::pair<int, V>> m_items;
};
}  // namespace detail

struct Period {
    model::Date from;
    model::Date to;  // inclusive
    bool contains(model::Date d) const { return from <= d && d <= to; }
    static Period year(int y);
};

struct TallyRow {
    model::Id id = 0;  // person or department id (0 when not in the lists given)
    std::string name;  // person name, or department name
    std::string code;  // department code (department rows only)
    // Person rows: the department they belong to at the end of the period.
    model::Id dept_id = 0;
    std::string dept_code;
    std::string dept_name;

    // Counts. Persons are credited their share of each piece (0.5 for one of two co-authors),
    // departments whole pieces.
    model::Decimal submitted;       // pieces submitted in the period
    model::Decimal adopted_pieces;  // pieces with at least one adoption in the period
    model::Decimal adoptions;       // adoptions in the period (counted or not)
    std::map<std::string, model::Decimal> adoptions_by_level;  // level key → adoptions
    std::map<std::string, model::Decimal> points_by_level;     // level key → counted points

    model::Decimal adoption_points;
    model::Decimal submission_points;
    model::Decimal cap_deduction_points;  // positive: removed by [[cap]]
    model::Decimal quota_reward_points;
    model::Decimal penalty_points;           // positive: piece and quota penalties deducted
    model::Decimal floor_adjustment_points;  // positive: added to reach [limits] floor
    model::Decimal net_points;

    model::Decimal yuan_earned;  // per-piece yuan from adoption and submission rules
    model::Decimal cap_deduction_yuan;
    model::Decimal quota_reward_yuan;
    model::Decimal penalty_yuan;
    model::Decimal points_yuan;  // from [money] per_point or the pool share
    model::Decimal floor_adjustment_yuan;
    model::Decimal net_yuan;

    int rank = 0;  // set by rank_rows
    // Every contribution: depth-0 amounts add up to net_points and net_yuan.
    std::vector<ExplainLine> lines;
};

// One quota for one subject over the tallied period (for `status` and reports).
struct QuotaStatus {
    std::size_t quota = 0;  // index into Rules::quotas
    int line = 0;
    std::string label;
    Subject who = Subject::dept;
    model::Id subject_id = 0;
    std::string subject_name;
    std::string subject_code;  // department code (department quotas)
    model::Decimal target;     // for the whole year
    model::Decimal actual;     // within the tallied period
    model::Ratio completion;   // actual ÷ target
    model::Decimal expected;   // target × elapsed fraction of the year (by days, to period end)
    model::Decimal projected;  // actual ÷ elapsed fraction: the year-end figure at this pace
    bool behind = false;       // actual < expected
    std::vector<QuotaPeriodResult> periods;  // each quota period overlapping the tallied period
};

struct Tally {
    Period period;
    Subject subject = Subject::person;  // the rules' default grouping
    std::vector<TallyRow> persons;
    std::vector<TallyRow> depts;
    TallyRow person_total;
    TallyRow dept_total;
    std::vector<QuotaStatus> quotas;
    std::vector<ExplainLine> notes;  // whole-tally remarks (e.g. a pool nobody qualified for)
    const std::vector<TallyRow>& rows(Subject s) const {
        return s == Subject::person ? persons : depts;
    }
};

struct TallyOptions {
    // Explain lines cost time and memory for every adoption; big reports turn them off.
    bool explain = true;
    // The day the tally is made (reports pass today). A quota period that has not ended before
    // this day is still running: reported in progress, neither rewarded nor penalised; and a
    // commissioned piece is missed only if its due date passed before this day. Without it,
    // every quota period inside the tallied period is settled, as at the period's end.
    std::optional<model::Date> today = std::nullopt;
};

class TallyBuilder {
  public:
    // `people` and `depts` get a row each even without data (a year with no data still misses
    // its quotas). Authors and departments met in the data but not listed get rows too.
    TallyBuilder(const Rules& rules, Period period, std::vector<model::Person> people,
                 std::vector<model::Department> depts, TallyOptions options = {});
    TallyBuilder(TallyBuilder&&) noexcept;
    ~TallyBuilder();

    // One submission with ALL its adoptions (any date). Submission-side figures (submission
    // points, penalties, counts, "submitted" quotas) count when submitted_on is in the
    // period; an adoption's figures count when adopted_on is in the period.
    void add(const model::Submission& s, const std::vector<model::Adoption>& adoptions);

    // Quotas over every whole quota period inside the period (partial periods are reported as
    // in progress, never missed), caps, penalties, floors, money, totals.
    Tally finish() const&;
    Tally finish() &&;  // without copying the rows

    struct Amount {
        model::Decimal points;
        model::Decimal yuan;
    };
    struct RowState {
        TallyRow row;
        std::optional<model::Person> person;
        std::optional<model::Department> dept;
        detail::KeyedFigures<Amount> earned_by_month;  // for caps; key as period_key(month)
        std::vector<detail::KeyedFigures<model::Decimal>> quota_actual;  // [quota][period key]
        // By the builder's level number (level_index): the row's adoptions_by_level and
        // points_by_level, turned into those maps by finish() (a string-keyed map per adoption
        // and row was a tenth of a tally's time).
        std::vector<std::optional<model::Decimal>> level_adoptions, level_points;
    };

  private:
    // The row's index in m_persons or m_depts, created if new (which may move the others).
    std::size_t person_row(const model::Author& a, const model::Submission& s);
    std::size_t dept_row(const model::Submission& s);
    RowState& new_row(bool person);
    // The authors' shares of the piece being added, their piece credit, and the rows credited.
    struct Credit {
        std::vector<model::Ratio> shares;
        std::vector<model::Decimal> pieces;
        RowState* dept = nullptr;
        std::vector<std::size_t> author_rows;  // indices into m_persons
        std::vector<RowState*> authors;
    };
    void credit_adoptions(const model::Submission& s, const std::vector<model::Adoption>& adoptions,
                          const PieceScore& score, const Credit& c);
    void credit_submission(const model::Submission& s, const PieceScore& score, const Credit& c);
    void credit_missed(const model::Submission& s, const PieceScore& score, const Credit& c);
    std::size_t level_index(const std::string& level);
    Tally finish_rows(std::vector<RowState> persons, std::vector<RowState> depts) const;

    const Rules& m_rules;  // must outlive the builder
    Period m_period;
    TallyOptions m_options;
    std::vector<RowState> m_persons;
    std::vector<RowState> m_depts;
    model::IdIndex m_person_by_id;
    std::unordered_map<std::string, std::size_t> m_person_by_name;
    model::IdIndex m_dept_by_id;
    std::unordered_map<std::string, std::size_t> m_dept_by_code;
    std::unique_ptr<detail::AdoptionScoreCache> m_cache;
    std::vector<std::string> m_levels;  // level keys met, numbered for RowState::level_*
    Credit m_credit;                    // scratch for add()
    std::vector<model::Decimal> m_split_a, m_split_b, m_split_c, m_split_d;  // scratch
};

enum class RankBy { net_points, net_yuan };
// Sorts rows by the figure, highest first (stable for equal figures), and sets each row's rank;
// equal figures share a rank and the next rank skips: 1, 2, 2, 4.
void rank_rows(std::vector<TallyRow>& rows, RankBy by = RankBy::net_points);

}  // namespace infotally::rules
