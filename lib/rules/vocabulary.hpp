#pragma once
// The words a year's rules define: levels (highest first), media types, kinds, adoption forms,
// placements and endorsing leaders' levels. Each term has a canonical key (stored in the ledger),
// a Chinese display name, and aliases accepted on input.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infotally::rules {

struct Term {
    std::string key;                   // national
    std::string name;                  // 国家级
    std::vector<std::string> aliases;  // 部级, 中央级
};

// One list of terms, in the rules file's order (for levels: highest first).
class TermList {
  public:
    TermList() = default;
    explicit TermList(std::vector<Term> terms) : m_terms(std::move(terms)) {}
    // Key for a key, name or alias ("国家级", "部级", "National" → "national"); ASCII is matched
    // without regard to case, surrounding spaces are ignored.
    std::optional<std::string> resolve(std::string_view text) const;
    const Term* find(std::string_view key) const;
    // Position in the list (0 = first = highest level), or -1.
    int rank(std::string_view key) const;
    // Display name for a key, or the key itself if unknown.
    std::string name_of(std::string_view key) const;
    // "national (国家级), provincial (省级), …" for error messages.
    std::string choices() const;
    const std::vector<Term>& terms() const { return m_terms; }
    bool empty() const { return m_terms.empty(); }

  private:
    std::vector<Term> m_terms;
};

struct Vocabulary {
    TermList levels;
    TermList media;
    TermList kinds;
    TermList forms;
    TermList placements;
    TermList endorsements;
};

// The vocabulary every new ledger starts with (issue #2): four levels, six media types, two
// kinds, three forms, four placements, five endorsing levels.
const Vocabulary& default_vocabulary();

}  // namespace infotally::rules
