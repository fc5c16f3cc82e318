#pragma once
// Calendar periods for quotas and caps (month, quarter, year), and the arithmetic of one quota
// period: met or missed, reward, penalty.
#include <string>
#include <vector>

#include "lib/model/date.hpp"
#include "lib/model/decimal.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::rules {

// One calendar month, quarter or year.
struct PeriodSpan {
    int key = 0;  // month: year*12 + month-1; quarter: year*4 + quarter-1; year: year
    model::Date from;
    model::Date to;     // inclusive
    std::string label;  // "2026-03", "2026-Q1", "2026"
};

int period_key(PeriodKind kind, model::Date day);
PeriodSpan period_span(PeriodKind kind, int key);
// The month a month key names (period_key): without period_span's label, for hot loops.
model::Month month_of_key(int key);
// Every period of `kind` that overlaps [from, to], in order.
std::vector<PeriodSpan> periods_overlapping(PeriodKind kind, model::Date from, model::Date to);
// How many periods of `kind` make a year (12, 4, 1).
int periods_per_year(PeriodKind kind);

enum class QuotaState { met, missed, in_progress };
std::string_view to_string(QuotaState s);

// What one subject did in one quota period, and what it earns or loses for it.
struct QuotaPeriodResult {
    PeriodSpan span;
    model::Decimal target;
    model::Decimal actual;
    QuotaState state = QuotaState::in_progress;
    model::Decimal reward_points;
    model::Decimal reward_yuan;
    model::Decimal penalty_points;  // positive: deducted
    model::Decimal penalty_yuan;
};

// Applies the quota's effects to a finished period (in_progress periods earn and lose nothing).
QuotaPeriodResult evaluate_quota_period(const Quota& q, const PeriodSpan& span,
                                        model::Decimal target, model::Decimal actual,
                                        bool finished);

// a × b ÷ d rounded half away from zero, in hundredths (d > 0): the exact pro-rata step.
model::Decimal scale_decimal(model::Decimal a, std::int64_t b, std::int64_t d);

// "93.8%": a ratio as a percentage with one decimal, rounded half away from zero.
std::string percent_text(model::Ratio r);

}  // namespace infotally::rules
