#pragma once
// Values offered by shell completion: department codes, people, outlets from the ledger, and the
// rules' vocabulary. Never fails: a missing or unreadable ledger just offers nothing.
#include <string>
#include <vector>

namespace infotally::report {

std::vector<std::string> completion_values(const std::string& ledger_path, const std::string& kind);

}  // namespace infotally::report
