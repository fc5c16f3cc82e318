#pragma once
// Match conditions shared by every rule in a rules file: "which adoptions (or submissions) does
// this rule apply to". A condition names values per field, any-of ("level = ['国家级', '省级']")
// and none-of ("not_outlet = '新昌信息'"); values of vocabulary fields are stored as canonical
// keys, so "国家级" and "national" in the file mean the same thing.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/model/messages.hpp"
#include "lib/model/records.hpp"
#include "lib/rules/vocabulary.hpp"

namespace infotally::rules {

enum class Field {
    kind,
    category,
    level,
    media,
    outlet,
    form,
    placement,
    endorsement,
    destination,
    tag,
};
inline constexpr std::size_t k_field_count = 10;

// Whether a field is a property of the submission (known when it is sent) or of one adoption.
enum class Scope { submission, adoption };

struct FieldInfo {
    Field field;
    std::string_view key;      // "level"
    std::string_view not_key;  // "not_level"
    Msg label;                 // "级别 level" for explain lines
    Msg name;                  // "level" (English: the key), 级别
    Scope scope;
    TermList Vocabulary::*terms;  // vocabulary the values resolve through; nullptr = free text
};

// One row per Field, in enum order (checked by static_assert in condition.cpp).
extern const std::array<FieldInfo, k_field_count> k_fields;
const FieldInfo& field_info(Field f);

struct Condition {
    std::array<std::vector<std::string>, k_field_count> any_of;   // empty = unconstrained
    std::array<std::vector<std::string>, k_field_count> none_of;  // empty = unconstrained
    std::optional<std::int64_t> min_length;                       // characters, inclusive
    std::optional<std::int64_t> max_length;
    // Only [[penalty]] rules use these; they need the as-of date and the time limits, so the
    // scoring code checks them, not matches().
    std::optional<bool> late;
    std::optional<bool> missed;
    std::optional<bool> overdue;

    // Number of condition keys written in the file: the tie-breaker "more conditions beat fewer".
    int count() const;
    // A rule naming an outlet (positively) beats any rule that does not.
    bool names_outlet() const { return !any_of[static_cast<std::size_t>(Field::outlet)].empty(); }
    bool uses_adoption_fields() const;
    bool empty() const { return count() == 0; }

    // Submission fields and length only (adoption fields must be unconstrained to match).
    bool matches_submission(const model::Submission& s) const;
    bool matches(const model::Submission& s, const model::Adoption& a) const;

    // "级别 level 国家级/省级, 非 not outlet 新昌信息" — or "所有 any" when unconstrained.
    std::string describe(const Vocabulary& v) const;
};

// (names an outlet, number of conditions): the larger one wins when several rules of a kind that
// picks one ([[base]], [[flat]], [[time_limit]]) match.
struct Specificity {
    bool names_outlet = false;
    int conditions = 0;
    friend auto operator<=>(const Specificity&, const Specificity&) = default;
};
inline Specificity specificity(const Condition& c) {
    return {c.names_outlet(), c.count()};
}

// True when some adoption (with some submission) can satisfy both conditions. Exact for the
// record model: vocabulary fields range over the vocabulary's keys (placement and endorsement
// may also be empty), free-text fields over any string, tags over any set of strings.
bool can_overlap(const Condition& a, const Condition& b, const Vocabulary& v);

// The value of a single-valued field on a record; the form of an adoption defaults to "whole".
std::string_view field_value(Field f, const model::Submission& s, const model::Adoption* a);

}  // namespace infotally::rules
