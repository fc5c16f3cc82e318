#include "lib/report/rules_view.hpp"

#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::report {
using ledger::read_rules_file;

std::string check_rules_file(const std::string& path) {
    const auto text = read_rules_file(path);
    const auto problems = rules::check_rules(text);
    if (problems.empty()) return tr(Msg::say_file_ok, path);
    std::string what =
        tr(problems.size() == 1 ? Msg::err_rules_file_problem : Msg::err_rules_file_problems, path,
           problems.size());
    for (const auto& d : problems) what += fmt::format("\n{}:{}: {}", path, d.line, d.message);
    throw InputError(what, tr(Msg::hint_fix_rules_file, path));
}

std::string stored_rules_text(store::Store& store, const std::optional<std::string>& year_text) {
    const int year = year_text ? ledger::parse_year(*year_text, ledger::YearGiven::with_flag)
                               : model::Date::today().year();
    auto stored = store.rules_for_year(year);
    if (!stored) {
        std::string have;
        for (int y : store.rules_years()) have += (have.empty() ? "" : ", ") + std::to_string(y);
        throw InputError(have.empty() ? tr(Msg::err_no_rules_for_year, year)
                                      : tr(Msg::err_no_rules_for_year_stored, year, have),
                         tr(Msg::hint_no_rules_for_year, year));
    }
    // The default rules are stored under their English name (see ledger::init): shown in the
    // interface language.
    const auto source = stored->source_name == message_text(Msg::rules_source_default, Lang::en)
                            ? tr(Msg::rules_source_default)
                            : stored->source_name;
    auto out = tr(Msg::rules_show_heading, stored->year, source, stored->set_at);
    out += stored->toml;
    if (!out.ends_with('\n')) out += '\n';
    return out;
}

std::string set_rules_file(store::Store& store, const std::string& path,
                           const std::string& year_text) {
    const int year = ledger::parse_year(year_text, ledger::YearGiven::with_flag);
    const auto text = read_rules_file(path);
    rules::parse_rules(text, path);  // throws with every problem listed
    auto tx = store.transaction();
    const bool replaced = store.rules_for_year(year).has_value();
    store.set_rules({year, path, text, {}});
    tx.commit();
    return tr(replaced ? Msg::say_rules_replaced : Msg::say_rules_stored, year, path);
}

}  // namespace infotally::report
