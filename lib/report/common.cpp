#include "lib/report/common.hpp"

#include <fmt/format.h>

#include "lib/model/error.hpp"
#include "lib/report/reports.hpp"
#include "lib/report/rules_view.hpp"
#include "lib/rules/quota.hpp"

namespace infotally::report {

rules::Rules rules_for_year(store::Store& store, int year) {
    auto stored = store.rules_for_year(year);
    if (!stored) {
        std::string have;
        for (int y : store.rules_years()) have += (have.empty() ? "" : ", ") + std::to_string(y);
        throw InputError(fmt::format("no rules are stored for {}{}", year, have.empty() ? "" : " (rules are stored for " + have + ")"),
                         fmt::format("store the year's rules with 'infotally rules set FILE --year {}' "
                                     "(a past year is scored by its own rules, never by a later year's)", year));
    }
    return rules::parse_rules(stored->toml, fmt::format("rules for {} ({})", year, stored->source_name));
}

namespace detail {

rules::Tally run_tally(store::Store& store, const rules::Rules& rules, const rules::Period& period, bool explain,
                       const Visit& visit) {
    rules::TallyBuilder builder(rules, period, store.people(), store.departments(), rules::TallyOptions{explain});
    store.for_each_submission(period.from, period.to,
                              [&](const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
                                  builder.add(s, adoptions);
                                  if (visit) visit(s, adoptions);
                              });
    return builder.finish();
}

int parse_year(const std::string& text) { return report::parse_year(text); }

rules::Subject parse_by(const std::optional<std::string>& by, rules::Subject fallback) {
    if (!by) return fallback;
    if (*by == "person" || *by == "people" || *by == "个人") return rules::Subject::person;
    if (*by == "dept" || *by == "department" || *by == "部门" || *by == "科室") return rules::Subject::dept;
    throw UsageError(fmt::format("unknown --by '{}'", *by), "use --by person or --by dept");
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

std::string rate_text(model::Decimal a, model::Decimal b) {
    if (b.hundredths() == 0) return "";
    return rules::percent_text(model::Ratio::fraction(a.hundredths(), b.hundredths()));
}

std::string change_text(model::Decimal now, model::Decimal before) {
    if (before.hundredths() == 0) return "";
    auto r = model::Ratio::fraction(now.hundredths() - before.hundredths(), before.hundredths());
    auto text = rules::percent_text(r);
    return r.ten_thousandths() > 0 ? "+" + text : text;
}

std::string count_text(model::Decimal d) {
    if (d.hundredths() % 100 == 0) return std::to_string(d.hundredths() / 100);
    return d.str();
}

}  // namespace detail
}  // namespace infotally::report
