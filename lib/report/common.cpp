#include "lib/report/common.hpp"

#include <fmt/format.h>

#include <future>
#include <system_error>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/reports.hpp"
#include "lib/report/rules_view.hpp"
#include "lib/rules/quota.hpp"

namespace infotally::report {

rules::Rules rules_for_year(store::Store& store, int year) {
    auto stored = store.rules_for_year(year);
    if (!stored) {
        std::string have;
        for (int y : store.rules_years()) have += (have.empty() ? "" : ", ") + std::to_string(y);
        throw InputError(have.empty() ? tr(Msg::err_no_rules_for_year, year)
                                      : tr(Msg::err_no_rules_for_year_have, year, have),
                         tr(Msg::hint_store_year_rules, year));
    }
    return rules::parse_rules(stored->toml,
                              tr(Msg::rules_source_stored, year, stored->source_name));
}

namespace detail {

namespace {

rules::TallyBuilder builder_for(store::Store& store, const rules::Rules& rules,
                                const rules::Period& period, bool explain) {
    std::vector<model::Department> depts;
    for (auto& d : store.departments())
        if (!d.retired_on || !(*d.retired_on < period.from)) depts.push_back(std::move(d));
    rules::TallyOptions options;
    options.explain = explain;
    options.today = model::Date::today();
    return rules::TallyBuilder(rules, period, store.people(), std::move(depts), options);
}

}  // namespace

std::pair<rules::Tally, rules::Tally> run_tallies(store::Store& store, const rules::Rules& rules,
                                                  const rules::Period& outer,
                                                  const rules::Period& inner, const Visit& visit,
                                                  const std::function<void()>& alongside) {
    auto outer_builder = builder_for(store, rules, outer, false);
    auto inner_builder = builder_for(store, rules, inner, false);
    store.for_each_submission(
        outer.from, outer.to,
        [&](const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
            outer_builder.add(s, adoptions);
            // What Store::for_each_submission(inner) would have visited.
            bool touches = inner.contains(s.submitted_on);
            for (const auto& a : adoptions) touches = touches || inner.contains(a.adopted_on);
            if (!touches) return;
            inner_builder.add(s, adoptions);
            if (visit) visit(s, adoptions);
        });
    // However finishing ends, the future's destructor waits for `alongside` first. Should both
    // fail, finishing's error is the one reported.
    std::future<void> other;
    bool here = false;
    if (alongside) {
        try {
            other = std::async(std::launch::async, alongside);
        } catch (const std::system_error&) {
            here = true;  // no thread to be had: done after finishing instead, as before
        }
    }
    std::pair<rules::Tally, rules::Tally> out{std::move(outer_builder).finish(),
                                              std::move(inner_builder).finish()};
    if (other.valid()) other.get();
    if (here) alongside();
    return out;
}

rules::Tally run_tally(store::Store& store, const rules::Rules& rules, const rules::Period& period,
                       bool explain, const Visit& visit) {
    auto builder = builder_for(store, rules, period, explain);
    store.for_each_submission(
        period.from, period.to,
        [&](const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
            builder.add(s, adoptions);
            if (visit) visit(s, adoptions);
        });
    return std::move(builder).finish();
}

rules::RankBy rank_figure(const rules::Rules& rules) {
    bool points = false, yuan = false;
    auto look = [&](const auto& list) {
        for (const auto& r : list) {
            points = points || !r.points.is_zero();
            yuan = yuan || !r.yuan.is_zero();
        }
    };
    look(rules.bases);
    look(rules.bonuses);
    look(rules.flats);
    look(rules.submission_rules);
    for (const auto& q : rules.quotas) {
        points = points || !q.reward.is_zero();
        yuan = yuan || !q.reward_yuan.is_zero();
    }
    return yuan && !points ? rules::RankBy::net_yuan : rules::RankBy::net_points;
}

std::string running_note(const rules::Period& period) {
    const auto today = model::Date::today();
    if (period.to < today) return "";
    return tr(Msg::note_running, today.iso());
}

rules::Subject parse_by(const std::optional<std::string>& by, rules::Subject fallback) {
    if (!by) return fallback;
    if (*by == "person" || *by == "people" || *by == "个人") return rules::Subject::person;
    if (*by == "dept" || *by == "department" || *by == "部门" || *by == "科室")
        return rules::Subject::dept;
    throw UsageError(tr(Msg::err_unknown_by, *by), tr(Msg::hint_unknown_by));
}

io::Column text_col(std::string key, std::string header) {
    return {std::move(key), std::move(header), io::Align::left, io::CellType::text};
}
io::Column int_col(std::string key, std::string header) {
    return {std::move(key), std::move(header), io::Align::right, io::CellType::integer};
}
io::Column dec_col(std::string key, std::string header) {
    return {std::move(key), std::move(header), io::Align::right, io::CellType::decimal};
}
io::Column right_col(std::string key, std::string header) {
    return {std::move(key), std::move(header), io::Align::right, io::CellType::text};
}

namespace {

// n ÷ d as a percentage with one decimal, rounded once, half away from zero (d ≠ 0): "68.1%".
// Rounding the ratio to ten-thousandths first would round twice (6 of 11 would show 54.6%).
std::string percent(std::int64_t n, std::int64_t d, bool plus_sign) {
    if (d < 0) n = -n, d = -d;
    const std::int64_t tenths =
        rules::scale_decimal(model::Decimal::from_hundredths(n), 1000, d).hundredths();
    const std::int64_t a = tenths < 0 ? -tenths : tenths;
    return fmt::format("{}{}.{}%", tenths < 0 ? "-" : (plus_sign && tenths > 0 ? "+" : ""), a / 10,
                       a % 10);
}

}  // namespace

std::string rate_text(model::Decimal a, model::Decimal b) {
    if (b.hundredths() == 0) return "";
    return percent(a.hundredths(), b.hundredths(), false);
}

std::string change_text(model::Decimal now, model::Decimal before) {
    if (before.hundredths() == 0) return "";
    return percent(now.hundredths() - before.hundredths(), before.hundredths(), true);
}

std::string count_text(model::Decimal d) {
    if (d.hundredths() % 100 == 0) return std::to_string(d.hundredths() / 100);
    return d.str();
}

}  // namespace detail
}  // namespace infotally::report
