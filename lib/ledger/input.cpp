#include "lib/ledger/input.hpp"

#include <charconv>
#include <set>

#include <fmt/format.h>

#include "lib/io/text.hpp"
#include "lib/model/error.hpp"

namespace infotally::ledger {
namespace {

std::string_view trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    // The ideographic space (U+3000) often rides along from Chinese input methods.
    constexpr std::string_view k_ideographic = "\u3000";
    while (s.starts_with(k_ideographic)) s.remove_prefix(k_ideographic.size());
    while (s.ends_with(k_ideographic)) s.remove_suffix(k_ideographic.size());
    return s;
}

std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

std::string clean_optional_text(std::string_view value, std::string_view field, std::size_t max_chars) {
    if (!io::valid_utf8(value))
        throw InputError(fmt::format("the {} is not valid UTF-8 text (bad byte at offset {})", field,
                                     io::first_invalid_utf8(value)),
                         "set your terminal to UTF-8, or convert the text before recording it");
    for (unsigned char c : value) {
        if (c < 0x20 || c == 0x7f)
            throw InputError(fmt::format("the {} contains a control character (code {})", field,
                                         static_cast<int>(c)),
                             "remove line breaks, tabs and other control characters from it");
    }
    auto trimmed = trim(value);
    if (count_chars(trimmed) > max_chars)
        throw InputError(fmt::format("the {} is too long: {} characters, at most {} allowed", field,
                                     count_chars(trimmed), max_chars),
                         "shorten it");
    return io::nfc(trimmed);
}

std::string clean_text(std::string_view value, std::string_view field, std::size_t max_chars) {
    auto out = clean_optional_text(value, field, max_chars);
    if (out.empty()) throw InputError(fmt::format("the {} is empty", field), fmt::format("give a {}", field));
    return out;
}

std::string resolve_term(const rules::TermList& terms, std::string_view value, std::string_view what,
                         std::string_view flag) {
    if (auto key = terms.resolve(value)) return *key;
    throw InputError(fmt::format("unknown {} '{}'", what, value),
                     fmt::format("use one of: {} ({}); the year's rules file defines them", terms.choices(), flag));
}

std::vector<AuthorSpec> parse_authors(const std::vector<std::string>& specs) {
    std::vector<AuthorSpec> out;
    std::set<std::string> seen;
    for (const auto& raw : specs) {
        std::string_view spec = raw;
        AuthorSpec a;
        // The share follows the last ':' (or the full-width '：' of a Chinese keyboard).
        std::size_t cut = std::string_view::npos, skip = 0;
        if (auto p = spec.rfind(':'); p != std::string_view::npos) cut = p, skip = 1;
        if (auto p = spec.rfind("："); p != std::string_view::npos && (cut == std::string_view::npos || p > cut))
            cut = p, skip = std::string_view("：").size();
        if (cut != std::string_view::npos) {
            auto share_text = trim(spec.substr(cut + skip));
            bool percent = share_text.ends_with('%');
            if (percent) share_text.remove_suffix(1);
            auto share = model::Ratio::parse(share_text);
            if (percent && share)  // 50% -> 0.5
                share = model::Ratio::fraction(share->ten_thousandths(), 100 * model::Ratio::k_scale);
            if (!share || share->ten_thousandths() <= 0 || share->ten_thousandths() > model::Ratio::k_scale)
                throw InputError(fmt::format("the author share in '{}' is not a number between 0 and 1", raw),
                                 "write NAME:SHARE with a share like 0.5 or 50%, or leave the share out "
                                 "to split equally");
            a.share = share;
            spec = spec.substr(0, cut);
        }
        a.name = clean_text(spec, "author name", 100);
        if (!seen.insert(a.name).second)
            throw InputError(fmt::format("author '{}' is named twice", a.name), "name each author once");
        out.push_back(std::move(a));
    }
    if (out.empty())
        throw UsageError("a submission needs at least one author", "add --author NAME (repeat for co-authors)");
    std::size_t with_share = 0;
    std::int64_t sum = 0;
    for (const auto& a : out) {
        if (a.share) ++with_share, sum += a.share->ten_thousandths();
    }
    if (with_share != 0 && with_share != out.size())
        throw InputError("some authors have a share and some do not",
                         "give every author a share (NAME:0.5), or none to split equally");
    if (with_share != 0 && sum != model::Ratio::k_scale)
        throw InputError(fmt::format("author shares sum to {}, not 1",
                                     model::Ratio::from_ten_thousandths(sum).str()),
                         "make the shares add up to exactly 1, or leave them out to split equally");
    return out;
}

std::vector<std::string> clean_tags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
        auto tag = clean_text(t, "tag", 40);
        if (tag.find(',') != std::string::npos)
            throw InputError(fmt::format("the tag '{}' contains a comma", tag), "give each tag with its own --tag");
        out.push_back(std::move(tag));
    }
    return out;
}

std::int64_t parse_count(std::string_view value, std::string_view what) {
    auto v = trim(value);
    std::int64_t n = -1;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || ptr != v.data() + v.size() || n < 0 || n > 100'000'000)
        throw InputError(fmt::format("the {} '{}' is not a whole number from 0 to 100000000", what, value),
                         "give a number of characters, e.g. --length 1200");
    return n;
}

model::Decimal parse_money(std::string_view value, std::string_view what) {
    auto d = model::Decimal::parse(value);
    if (!d || d->hundredths() < 0 || d->hundredths() > 100'000'000'00)
        throw InputError(fmt::format("the {} '{}' is not an amount of yuan (e.g. 200 or 35.50)", what, value),
                         "give a non-negative amount with at most two decimals");
    return *d;
}

}  // namespace infotally::ledger
