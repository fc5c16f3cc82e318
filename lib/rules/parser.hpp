#pragma once
// The rules-file reader, shared by parse.cpp (top level, vocabulary, settings) and
// parse_sections.cpp (rule sections, overlap checks). Internal to lib/rules.
#include <toml++/toml.h>

#include <string_view>
#include <vector>

#include "lib/rules/parse_support.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::rules::detail {

struct VocabularyList;

class Parser {
  public:
    void run(std::string_view text);
    const Diagnostics& diagnostics() const { return m_diags; }
    Rules take() { return std::move(m_rules); }

  private:
    void read_vocabulary(const toml::table& root);
    void read_term_list(const toml::node& node, const VocabularyList& spec);
    void read_settings(const toml::table& root);
    void read_rule_sections(const toml::table& root);
    void check_overlaps();

    // The tables of an array-of-tables section ([[base]]); diagnoses a plain [base].
    std::vector<const toml::table*> table_array(const toml::table& root, std::string_view key);
    const toml::table* table_section(const toml::table& root, std::string_view key);

    // Reads the condition keys of a rule. Adoption fields are refused when `scope` is
    // submission; late/missed/overdue are read only for penalties.
    Condition read_condition(const TableReader& r, Scope scope, bool penalty_flags);
    Origin origin(const TableReader& r, std::string_view section, const Condition& when);

    void read_adoption_rules(const toml::table& root);
    void read_submission_rules(const toml::table& root);
    void read_quotas(const toml::table& root);
    void read_quota(const TableReader& r);
    void read_caps(const toml::table& root);
    void read_time_limits(const toml::table& root);

    Rules m_rules;
    Diagnostics m_diags;
};

// Condition keys valid in a rule of the given scope (plus late/missed/overdue for penalties).
std::vector<std::string_view> condition_keys(Scope scope, bool penalty_flags);

}  // namespace infotally::rules::detail
