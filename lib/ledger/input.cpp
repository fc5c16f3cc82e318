#include "lib/ledger/input.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "lib/io/text.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

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

std::string clean_optional_text(std::string_view value, std::string_view field,
                                std::size_t max_chars) {
    if (!io::valid_utf8(value))
        throw InputError(tr(Msg::err_not_utf8, field, io::first_invalid_utf8(value)),
                         tr(Msg::hint_not_utf8));
    for (unsigned char c : value) {
        if (c < 0x20 || c == 0x7f)
            throw InputError(tr(Msg::err_control_char, field, static_cast<int>(c)),
                             tr(Msg::hint_control_char));
    }
    auto trimmed = trim(value);
    if (count_chars(trimmed) > max_chars)
        throw InputError(tr(Msg::err_too_long, field, count_chars(trimmed), max_chars),
                         tr(Msg::hint_too_long));
    return io::nfc(trimmed);
}

std::string clean_text(std::string_view value, std::string_view field, std::size_t max_chars) {
    auto out = clean_optional_text(value, field, max_chars);
    if (out.empty()) throw InputError(tr(Msg::err_empty, field), tr(Msg::hint_empty, field));
    return out;
}

std::string resolve_term(const rules::TermList& terms, std::string_view value,
                         std::string_view what, std::string_view flag) {
    if (auto key = terms.resolve(value)) return *key;
    throw InputError(tr(Msg::err_unknown_term, what, value),
                     tr(Msg::hint_unknown_term, terms.choices(), flag));
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
        if (auto p = spec.rfind("：");
            p != std::string_view::npos && (cut == std::string_view::npos || p > cut))
            cut = p, skip = std::string_view("：").size();
        if (cut != std::string_view::npos) {
            auto share_text = trim(spec.substr(cut + skip));
            bool percent = share_text.ends_with('%');
            if (percent) share_text.remove_suffix(1);
            auto share = model::Ratio::parse(share_text);
            if (percent && share)  // 50% -> 0.5
                share =
                    model::Ratio::fraction(share->ten_thousandths(), 100 * model::Ratio::k_scale);
            if (!share || share->ten_thousandths() <= 0 ||
                share->ten_thousandths() > model::Ratio::k_scale)
                throw InputError(tr(Msg::err_bad_share, raw), tr(Msg::hint_bad_share));
            a.share = share;
            spec = spec.substr(0, cut);
        }
        a.name = clean_text(spec, tr(Msg::field_author_name), 100);
        if (!seen.insert(a.name).second)
            throw InputError(tr(Msg::err_author_twice, a.name), tr(Msg::hint_author_twice));
        out.push_back(std::move(a));
    }
    if (out.empty()) throw UsageError(tr(Msg::err_needs_author), tr(Msg::hint_needs_author));
    std::size_t with_share = 0;
    std::int64_t sum = 0;
    for (const auto& a : out) {
        if (a.share) ++with_share, sum += a.share->ten_thousandths();
    }
    if (with_share != 0 && with_share != out.size())
        throw InputError(tr(Msg::err_some_shares), tr(Msg::hint_some_shares));
    if (with_share != 0 && sum != model::Ratio::k_scale)
        throw InputError(tr(Msg::err_shares_sum, model::Ratio::from_ten_thousandths(sum).str()),
                         tr(Msg::hint_shares_sum));
    return out;
}

std::vector<std::string> clean_tags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& t : tags) {
        auto tag = clean_text(t, tr(Msg::field_tag), 40);
        if (tag.find(',') != std::string::npos)
            throw InputError(tr(Msg::err_tag_comma, tag), tr(Msg::hint_tag_comma));
        out.push_back(std::move(tag));
    }
    return out;
}

std::string ascii_digits(std::string_view value) {
    // U+FF0D..U+FF19 (－ ． ／ ０-９) are EF BC 8D..99 in UTF-8, and map to '-' .. '9'. Not the
    // full-width comma U+FF0C: in Chinese text it separates list items, never thousands
    // ("200，300" is two amounts, not 200300).
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size();) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(value[k]); };
        if (i + 2 < value.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) >= 0x8D &&
            byte(i + 2) <= 0x99) {
            out += static_cast<char>('-' + (byte(i + 2) - 0x8D));
            i += 3;
            continue;
        }
        out += value[i++];
    }
    return out;
}

namespace {

// "1,234" or "1,234,567.50" as a spreadsheet shows them: the commas dropped when they group
// the whole part in threes, and only then ("12,34", "0,500" or "1,234.5,6" stay as they are,
// to be refused).
std::string without_thousands(std::string text) {
    if (text.find(',') == std::string::npos) return text;
    const std::size_t whole_end = std::min(text.find('.'), text.size());
    if (text.find(',', whole_end) != std::string::npos) return text;  // a comma in the fraction
    if (text.front() == '0') return text;  // no spreadsheet groups a number starting with 0
    std::size_t group = 0;                 // digits since the last comma
    bool first = true;
    for (std::size_t i = 0; i < whole_end; ++i) {
        if (text[i] == ',') {
            if (group == 0 || group > 3 || (!first && group != 3)) return text;
            first = false;
            group = 0;
        } else if (text[i] >= '0' && text[i] <= '9') {
            ++group;
        } else {
            return text;
        }
    }
    if (first || group != 3) return text;
    std::erase(text, ',');
    return text;
}

// A number typed in Excel or with a Chinese input method, made plain: trimmed, full-width
// digits and point read as ASCII, thousands separators (ASCII commas) dropped.
std::string plain_number(std::string_view value) {
    return without_thousands(ascii_digits(trim(value)));
}

}  // namespace

std::int64_t parse_count(std::string_view value, std::string_view what) {
    const auto plain = plain_number(value);
    const std::string_view v = plain;
    std::int64_t n = -1;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || ptr != v.data() + v.size() || n < 0 || n > 100'000'000)
        throw InputError(tr(Msg::err_bad_count, what, value), tr(Msg::hint_bad_count));
    return n;
}

model::Decimal parse_money(std::string_view value, std::string_view what) {
    // "￥200", "¥1,200.00", "200元" as ledgers write fees: the sign of yuan, before or after.
    auto v = trim(value);
    for (std::string_view sign : {"\uFFE5", "\u00A5"}) {  // ￥ (full-width), ¥: one of them
        if (v.starts_with(sign)) {
            v = trim(v.substr(sign.size()));
            break;
        }
    }
    if (v.ends_with("元")) v = trim(v.substr(0, v.size() - std::string_view("元").size()));
    auto d = model::Decimal::parse(plain_number(v));
    if (!d || d->hundredths() < 0 || d->hundredths() > 100'000'000'00)
        throw InputError(tr(Msg::err_bad_money, what, value), tr(Msg::hint_bad_money));
    return *d;
}

}  // namespace infotally::ledger
