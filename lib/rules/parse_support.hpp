#pragma once
// Reading typed values out of toml++ nodes with a diagnostic for every problem, so that
// `rules check` reports all mistakes in one run instead of stopping at the first. Internal to
// lib/rules.
#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/model/decimal.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::rules::detail {

class Diagnostics {
  public:
    void add(const toml::source_region& where, std::string message);
    void add(int line, int column, std::string message);
    bool empty() const { return m_list.empty(); }
    // Sorted by position, duplicates removed.
    std::vector<Diagnostic> sorted() const;

  private:
    std::vector<Diagnostic> m_list;
};

int line_of(const toml::node& n);

// A number as the officer would write it: "0", "2.5", "-5" (not "0.00").
std::string plain(model::Decimal d);

// "a string", "an array", … for "must be a number, not a string".
std::string_view type_words(const toml::node& n);

// The known key closest to `key` by edit distance, if it is close enough to be a likely typo.
std::optional<std::string_view> closest_key(std::string_view key,
                                            const std::vector<std::string_view>& known);

// Reports every key of `table` not in `known` (with a suggestion), naming `section`.
void check_keys(const toml::table& table, const std::vector<std::string_view>& known,
                std::string_view section, Diagnostics& diags);

// A reader bound to one table: each getter returns nullopt when the key is absent or the value
// is wrong (a diagnostic is then recorded).
class TableReader {
  public:
    TableReader(const toml::table& table, std::string_view section, Diagnostics& diags)
        : m_table(table), m_section(section), m_diags(diags) {}

    const toml::table& table() const { return m_table; }
    const toml::node* node(std::string_view key) const { return m_table.get(key); }
    bool has(std::string_view key) const { return m_table.contains(key); }
    int line() const { return line_of(m_table); }
    std::string_view section() const { return m_section; }
    Diagnostics& diags() const { return m_diags; }
    void error(std::string_view key, std::string message) const;

    // Strings name things shown in tables and matched against what is typed on the command
    // line, so they are held to what the command line accepts: one line, no control
    // characters (TOML escapes like "\u001b" could smuggle them in), at most k_max_name_chars
    // characters. Only a free text (the title) may span lines, up to k_max_text_chars.
    static constexpr std::size_t k_max_name_chars = 100;
    static constexpr std::size_t k_max_text_chars = 500;
    enum class Text { name, free };
    std::optional<std::string> string(std::string_view key, Text text = Text::name) const;
    // A string or an array of strings ("any of"); an empty list is an error unless allowed.
    std::optional<std::vector<std::string>> strings(std::string_view key,
                                                    bool allow_empty = false) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min,
                                        std::int64_t max) const;
    // Points and yuan: exact hundredths; integers or decimals with at most two places.
    std::optional<model::Decimal> decimal(std::string_view key, bool allow_negative = false) const;
    // Factors and rates: exact ten-thousandths; at most four places.
    std::optional<model::Ratio> ratio(std::string_view key) const;
    // One of `choices`; returns its index.
    std::optional<std::size_t> choice(std::string_view key,
                                      std::initializer_list<std::string_view> choices) const;

  private:
    // Diagnoses a control character or too many characters in `s`, the value of `key`.
    bool acceptable(std::string_view key, std::string_view s, Text text) const;
    // The exact decimal text of a TOML number, scaled by 10^places; diagnoses NaN, inf, too
    // many places and out-of-range values.
    std::optional<std::int64_t> scaled(std::string_view key, int places) const;

    const toml::table& m_table;
    std::string_view m_section;
    Diagnostics& m_diags;
};

}  // namespace infotally::rules::detail
