#include "lib/rules/quota.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace infotally::rules {
namespace {

__extension__ typedef __int128 Wide;  // products of hundredths need more than 64 bits

std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t d) {
    Wide p = static_cast<Wide>(a) * b;
    Wide q = p / d;
    Wide r = p % d;
    if (r < 0) r = -r;
    if (2 * r >= d) q += (p < 0) ? -1 : 1;
    return static_cast<std::int64_t>(q);
}

}  // namespace

int period_key(PeriodKind kind, model::Date day) {
    switch (kind) {
        case PeriodKind::month:
            return day.year() * 12 + day.month() - 1;
        case PeriodKind::quarter:
            return day.year() * 4 + (day.month() - 1) / 3;
        case PeriodKind::year:
            return day.year();
    }
    return day.year();
}

model::Month month_of_key(int key) {
    return {key / 12, key % 12 + 1};
}

PeriodSpan period_span(PeriodKind kind, int key) {
    PeriodSpan s;
    s.key = key;
    switch (kind) {
        case PeriodKind::month: {
            const model::Month m = month_of_key(key);
            s.from = m.first_day();
            s.to = m.last_day();
            s.label = m.iso();
            break;
        }
        case PeriodKind::quarter: {
            int year = key / 4, quarter = key % 4 + 1;
            s.from = model::Month{year, quarter * 3 - 2}.first_day();
            s.to = model::Month{year, quarter * 3}.last_day();
            s.label = fmt::format("{}-Q{}", year, quarter);
            break;
        }
        case PeriodKind::year:
            s.from = *model::Date::from_ymd(key, 1, 1);
            s.to = *model::Date::from_ymd(key, 12, 31);
            s.label = std::to_string(key);
            break;
    }
    return s;
}

std::vector<PeriodSpan> periods_overlapping(PeriodKind kind, model::Date from, model::Date to) {
    std::vector<PeriodSpan> out;
    if (to < from) return out;
    for (int k = period_key(kind, from); k <= period_key(kind, to); ++k)
        out.push_back(period_span(kind, k));
    return out;
}

int periods_per_year(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::month:
            return 12;
        case PeriodKind::quarter:
            return 4;
        case PeriodKind::year:
            return 1;
    }
    return 1;
}

std::string_view to_string(QuotaState s) {
    switch (s) {
        case QuotaState::met:
            return "met";
        case QuotaState::missed:
            return "missed";
        case QuotaState::in_progress:
            return "in_progress";
    }
    return "in_progress";
}

model::Decimal scale_decimal(model::Decimal a, std::int64_t b, std::int64_t d) {
    return model::Decimal::from_hundredths(mul_div_round(a.hundredths(), b, d));
}

QuotaPeriodResult evaluate_quota_period(const Quota& q, const PeriodSpan& span,
                                        model::Decimal target, model::Decimal actual,
                                        bool finished) {
    QuotaPeriodResult r{span, target, actual, QuotaState::in_progress, {}, {}, {}, {}};
    if (!finished) return r;
    const bool met = actual >= target;
    r.state = met ? QuotaState::met : QuotaState::missed;
    if (q.reward_style == RewardStyle::threshold) {
        if (met) {
            r.reward_points = q.reward;
            r.reward_yuan = q.reward_yuan;
        }
    } else {
        // pro rata: reward × min(actual / target, 1), computed in one rounding step
        const std::int64_t done =
            std::clamp<std::int64_t>(actual.hundredths(), 0, target.hundredths());
        r.reward_points = scale_decimal(q.reward, done, target.hundredths());
        r.reward_yuan = scale_decimal(q.reward_yuan, done, target.hundredths());
    }
    if (!met) {
        const model::Decimal shortfall = target - actual;
        // shortfall is in hundredths of a piece (or point): × amount ÷ 100
        r.penalty_points =
            scale_decimal(q.penalty_per_missing, shortfall.hundredths(), 100) + q.penalty;
        r.penalty_yuan =
            scale_decimal(q.penalty_yuan_per_missing, shortfall.hundredths(), 100) + q.penalty_yuan;
    }
    return r;
}

std::string percent_text(model::Ratio r) {
    // ten-thousandths → tenths of a percent: ÷ 10
    std::int64_t tenths = mul_div_round(r.ten_thousandths(), 1, 10);
    std::int64_t a = tenths < 0 ? -tenths : tenths;
    return fmt::format("{}{}.{}%", tenths < 0 ? "-" : "", a / 10, a % 10);
}

}  // namespace infotally::rules
