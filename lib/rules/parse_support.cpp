#include "lib/rules/parse_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

#include "lib/model/i18n.hpp"

namespace infotally::rules::detail {
namespace {

// No real rule pays more than this; keeping figures far below the int64 limit of hundredths
// means sums over a million adoptions cannot overflow.
constexpr std::int64_t k_max_units = 1'000'000'000'000;

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string join(const std::vector<std::string_view>& words) {
    std::string out;
    for (auto w : words) {
        if (!out.empty()) out += ", ";
        out += w;
    }
    return out;
}

}  // namespace

void Diagnostics::add(const toml::source_region& where, std::string message) {
    m_list.push_back({static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                      std::move(message)});
}

void Diagnostics::add(int line, int column, std::string message) {
    m_list.push_back({line, column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    auto out = m_list;
    auto key = [](const Diagnostic& d) { return std::tie(d.line, d.column, d.message); };
    std::stable_sort(out.begin(), out.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
    out.erase(
        std::unique(out.begin(), out.end(),
                    [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
        out.end());
    return out;
}

std::string plain(model::Decimal d) {
    std::string s = d.str();
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

int line_of(const toml::node& n) {
    return static_cast<int>(n.source().begin.line);
}

std::string_view type_words(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table:
            return tr_view(Msg::type_table);
        case toml::node_type::array:
            return tr_view(Msg::type_array);
        case toml::node_type::string:
            return tr_view(Msg::type_string);
        case toml::node_type::integer:
            return tr_view(Msg::type_integer);
        case toml::node_type::floating_point:
            return tr_view(Msg::type_decimal);
        case toml::node_type::boolean:
            return tr_view(Msg::type_boolean);
        case toml::node_type::date:
            return tr_view(Msg::type_date);
        case toml::node_type::time:
            return tr_view(Msg::type_time);
        case toml::node_type::date_time:
            return tr_view(Msg::type_date_time);
        default:
            return tr_view(Msg::type_nothing);
    }
}

std::optional<std::string_view> closest_key(std::string_view key,
                                            const std::vector<std::string_view>& known) {
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    for (auto k : known) {
        std::size_t d = edit_distance(key, k);
        if (!best || d < best_distance) {
            best = k;
            best_distance = d;
        }
    }
    // A typo changes a few letters; beyond that a suggestion misleads more than it helps.
    if (best && best_distance <= std::max<std::size_t>(2, key.size() / 3)) return best;
    return std::nullopt;
}

void check_keys(const toml::table& table, const std::vector<std::string_view>& known,
                std::string_view section, Diagnostics& diags) {
    for (auto&& [key, value] : table) {
        if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
        std::string message = tr(Msg::rule_unknown_key, key.str(), section);
        if (auto near = closest_key(key.str(), known))
            message += tr(Msg::rule_did_you_mean, *near);
        else
            message += tr(Msg::rule_known_keys, join(known));
        diags.add(key.source(), std::move(message));
    }
}

void TableReader::error(std::string_view key, std::string message) const {
    const toml::node* n = m_table.get(key);
    if (n)
        m_diags.add(n->source(), std::move(message));
    else
        m_diags.add(m_table.source(), std::move(message));
}

bool TableReader::acceptable(std::string_view key, std::string_view s, Text text) const {
    for (const unsigned char c : s) {
        const bool line_break = c == '\n' || c == '\r' || c == '\t';
        if ((c < 0x20 || c == 0x7f) && !(text == Text::free && line_break)) {
            error(key, tr(Msg::rule_control_character, key, m_section, static_cast<int>(c)));
            return false;
        }
    }
    // toml++ has checked the UTF-8: count the bytes that start a character.
    const auto chars = static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
    const std::size_t most = text == Text::name ? k_max_name_chars : k_max_text_chars;
    if (chars > most) {
        error(key, tr(Msg::rule_too_long, key, m_section, chars, most));
        return false;
    }
    return true;
}

std::optional<std::string> TableReader::string(std::string_view key, Text text) const {
    const toml::node* n = m_table.get(key);
    if (!n) return std::nullopt;
    if (auto s = n->value<std::string>()) {
        if (!acceptable(key, *s, text)) return std::nullopt;
        return *s;
    }
    error(key, tr(Msg::rule_must_be_string, key, m_section, type_words(*n)));
    return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key,
                                                             bool allow_empty) const {
    const toml::node* n = m_table.get(key);
    if (!n) return std::nullopt;
    std::vector<std::string> out;
    if (auto s = n->value<std::string>()) {
        out.push_back(*s);
    } else if (const auto* arr = n->as_array()) {
        for (const auto& item : *arr) {
            if (auto s2 = item.value<std::string>()) {
                out.push_back(*s2);
            } else {
                m_diags.add(item.source(),
                            tr(Msg::rule_must_list_strings, key, m_section, type_words(item)));
                return std::nullopt;
            }
        }
        if (out.empty() && !allow_empty) {
            error(key, tr(Msg::rule_empty_list, key, m_section));
            return std::nullopt;
        }
    } else {
        error(key, tr(Msg::rule_string_or_list, key, m_section, type_words(*n)));
        return std::nullopt;
    }
    for (const auto& s : out) {
        if (s.empty()) {
            error(key, tr(Msg::rule_empty_string, key, m_section));
            return std::nullopt;
        }
        if (!acceptable(key, s, Text::name)) return std::nullopt;
    }
    return out;
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
    const toml::node* n = m_table.get(key);
    if (!n) return std::nullopt;
    if (auto b = n->value_exact<bool>()) return *b;
    error(key, tr(Msg::rule_must_be_boolean, key, m_section, type_words(*n)));
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max) const {
    const toml::node* n = m_table.get(key);
    if (!n) return std::nullopt;
    auto v = n->value_exact<std::int64_t>();
    if (!v) {
        error(key, tr(Msg::rule_must_be_whole, key, m_section, type_words(*n)));
        return std::nullopt;
    }
    if (*v < min || *v > max) {
        error(key, tr(Msg::rule_must_be_between, key, m_section, min, max, *v));
        return std::nullopt;
    }
    return v;
}

std::optional<std::int64_t> TableReader::scaled(std::string_view key, int places) const {
    const toml::node* n = m_table.get(key);
    if (!n) return std::nullopt;
    std::int64_t scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    if (auto i = n->value_exact<std::int64_t>()) {
        if (*i > k_max_units || *i < -k_max_units) {
            error(key, tr(Msg::rule_out_of_range, key, m_section, *i));
            return std::nullopt;
        }
        return *i * scale;
    }
    const auto* f = n->as_floating_point();
    if (!f) {
        error(key, tr(Msg::rule_must_be_number, key, m_section, type_words(*n)));
        return std::nullopt;
    }
    // toml++ hands decimals over as binary doubles. The shortest text that reads back as the
    // same double is the literal as written (for any literal with up to 15 significant
    // digits), so converting through that text recovers the exact decimal the officer typed.
    const double d = f->get();
    if (!std::isfinite(d)) {
        error(key, tr(Msg::rule_must_be_finite, key, m_section, std::isnan(d) ? "nan" : "inf"));
        return std::nullopt;
    }
    char buf[400];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    std::string text = ec == std::errc{} ? std::string(buf, end) : std::string("?");
    // For messages, the shortest form: 1e308 or 1e-300 written out in full runs to 300 digits.
    auto [short_end, short_ec] = std::to_chars(buf, buf + sizeof buf, d);
    const std::string shown = short_ec == std::errc{} ? std::string(buf, short_end) : text;
    auto dot = text.find('.');
    int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
    if (decimals > places) {
        error(key, tr(Msg::rule_too_many_places, key, m_section, shown, decimals, places));
        return std::nullopt;
    }
    std::optional<std::int64_t> value;
    if (places == 2) {
        if (auto dec = model::Decimal::parse(text)) value = dec->hundredths();
    } else if (places == 4) {
        if (auto r = model::Ratio::parse(text)) value = r->ten_thousandths();
    }
    if (!value || *value > k_max_units * scale || *value < -k_max_units * scale) {
        error(key, tr(Msg::rule_out_of_range, key, m_section, shown));
        return std::nullopt;
    }
    return value;
}

std::optional<model::Decimal> TableReader::decimal(std::string_view key,
                                                   bool allow_negative) const {
    auto v = scaled(key, 2);
    if (!v) return std::nullopt;
    auto d = model::Decimal::from_hundredths(*v);
    if (!allow_negative && *v < 0) {
        error(key, tr(Msg::rule_must_not_be_negative, key, m_section, plain(d)));
        return std::nullopt;
    }
    return d;
}

std::optional<model::Ratio> TableReader::ratio(std::string_view key) const {
    auto v = scaled(key, 4);
    if (!v) return std::nullopt;
    return model::Ratio::from_ten_thousandths(*v);
}

std::optional<std::size_t> TableReader::choice(
    std::string_view key, std::initializer_list<std::string_view> choices) const {
    auto s = string(key);
    if (!s) return std::nullopt;
    std::size_t i = 0;
    for (auto c : choices) {
        if (*s == c) return i;
        ++i;
    }
    std::vector<std::string_view> list(choices);
    std::string message = tr(Msg::rule_must_be_one_of, key, m_section, join(list), *s);
    if (auto near = closest_key(*s, list)) message += tr(Msg::rule_did_you_mean, *near);
    error(key, std::move(message));
    return std::nullopt;
}

}  // namespace infotally::rules::detail
