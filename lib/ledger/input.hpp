#pragma once
// Checks on text typed by the user, shared by every recording command.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/model/decimal.hpp"
#include "lib/rules/vocabulary.hpp"

namespace infotally::ledger {

// Valid UTF-8, no control characters, not blank, at most `max_chars` characters; returned
// NFC-normalised and trimmed. `field` names the thing in messages ("title", "department name").
std::string clean_text(std::string_view value, std::string_view field, std::size_t max_chars);

// Like clean_text, but an empty value is allowed (returns "").
std::string clean_optional_text(std::string_view value, std::string_view field,
                                std::size_t max_chars);

// A vocabulary word ("国家级", "national") to its key, or an error listing the choices.
std::string resolve_term(const rules::TermList& terms, std::string_view value,
                         std::string_view what, std::string_view flag);

struct AuthorSpec {
    std::string name;
    std::optional<model::Ratio> share;
};
// "张三", "张三:0.5", "张三：50%". Shares must be all given or none, each in (0, 1], summing to
// exactly 1; the same person may not appear twice.
std::vector<AuthorSpec> parse_authors(const std::vector<std::string>& specs);

// Tags: comma-free labels ("虚报", "约稿").
std::vector<std::string> clean_tags(const std::vector<std::string>& tags);

// Numbers as spreadsheets and Chinese keyboards write them are read too: full-width digits
// (１２００), ASCII thousands separators that group in threes (1,200), and for money a
// leading ￥ or ¥ or a trailing 元 (￥1,200.00, 200元).
std::int64_t parse_count(std::string_view value, std::string_view what);    // >= 0
model::Decimal parse_money(std::string_view value, std::string_view what);  // >= 0, 2 places

// Full-width digits and － ． ／ (a Chinese input method's) as their ASCII forms; the rest,
// the full-width comma ， included, unchanged.
std::string ascii_digits(std::string_view value);

}  // namespace infotally::ledger
