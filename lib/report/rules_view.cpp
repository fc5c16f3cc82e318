#include "lib/report/rules_view.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "lib/model/error.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::report {
namespace {

std::string read_rules_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("cannot read the rules file {}", path), "check the path and try again");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

int parse_year(const std::string& text) {
    if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos) {
        int y = std::stoi(text);
        if (y >= 1900 && y <= 2999) return y;
    }
    throw InputError(fmt::format("'{}' is not a year", text), "write the year as four digits, e.g. 2026");
}

std::string check_rules_file(const std::string& path) {
    const auto text = read_rules_file(path);
    const auto problems = rules::check_rules(text);
    if (problems.empty()) return fmt::format("{}: ok", path);
    std::string what = fmt::format("{} has {} problem{}:", path, problems.size(), problems.size() == 1 ? "" : "s");
    for (const auto& d : problems) what += fmt::format("\n{}:{}: {}", path, d.line, d.message);
    throw InputError(what, "fix the file and run 'infotally rules check " + path + "' again");
}

std::string stored_rules_text(store::Store& store, const std::optional<std::string>& year_text) {
    const int year = year_text ? parse_year(*year_text) : model::Date::today().year();
    auto stored = store.rules_for_year(year);
    if (!stored) {
        std::string have;
        for (int y : store.rules_years()) have += (have.empty() ? "" : ", ") + std::to_string(y);
        throw InputError(fmt::format("no rules are stored for {}{}", year, have.empty() ? "" : " (stored: " + have + ")"),
                         fmt::format("store them with 'infotally rules set FILE --year {}'", year));
    }
    auto out = fmt::format("# rules for {} — from {}, stored {}\n", stored->year, stored->source_name, stored->set_at);
    out += stored->toml;
    if (!out.ends_with('\n')) out += '\n';
    return out;
}

std::string set_rules_file(store::Store& store, const std::string& path, const std::string& year_text) {
    const int year = parse_year(year_text);
    const auto text = read_rules_file(path);
    rules::parse_rules(text, path);  // throws with every problem listed
    auto tx = store.transaction();
    const bool replaced = store.rules_for_year(year).has_value();
    store.set_rules({year, path, text, {}});
    tx.commit();
    return fmt::format("{} the rules for {} from {}", replaced ? "replaced" : "stored", year, path);
}

}  // namespace infotally::report
