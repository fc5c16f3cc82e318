#pragma once
// `rules check`, `rules show`, `rules set`: reading rules files and the rules stored per year.
#include <optional>
#include <string>

#include "lib/store/store.hpp"

namespace infotally::report {

// "FILE: ok (…)" for a valid file; throws InputError listing every problem as FILE:LINE: message.
std::string check_rules_file(const std::string& path);
// The TOML stored for the year (default: this year), with a comment line saying where it came from.
std::string stored_rules_text(store::Store& store, const std::optional<std::string>& year);
// Validates and stores the file for the year, replacing that year's rules only.
std::string set_rules_file(store::Store& store, const std::string& path, const std::string& year);

}  // namespace infotally::report
