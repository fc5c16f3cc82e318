#include "lib/model/decimal.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace infotally::model {
namespace {

// 128-bit intermediates keep products of two int64 figures exact; __extension__ tells
// -Wpedantic that we mean to use the GCC/Clang type.
__extension__ using Wide = __int128;

// Parse an optionally signed decimal with at most `places` fractional digits into an integer
// scaled by 10^places. Refuses exponents, inf/nan, empty parts and overflow.
std::optional<std::int64_t> parse_scaled(std::string_view s, int places) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return std::nullopt;
    bool negative = false;
    if (s.front() == '-' || s.front() == '+') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    auto dot = s.find('.');
    std::string_view int_part = s.substr(0, dot);
    std::string_view frac_part =
        dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (int_part.empty() && frac_part.empty()) return std::nullopt;
    if (dot != std::string_view::npos && frac_part.empty()) return std::nullopt;
    if (static_cast<int>(frac_part.size()) > places) return std::nullopt;
    constexpr std::int64_t k_limit = std::numeric_limits<std::int64_t>::max() / 100;
    std::int64_t value = 0;
    for (char c : int_part) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
        if (value > k_limit / 100) return std::nullopt;  // keep far from overflow after scaling
    }
    for (int i = 0; i < places; ++i) {
        value *= 10;
        if (i < static_cast<int>(frac_part.size())) {
            char c = frac_part[static_cast<std::size_t>(i)];
            if (c < '0' || c > '9') return std::nullopt;
            value += c - '0';
        }
    }
    return negative ? -value : value;
}

// a * b / d rounded half away from zero, via 128-bit intermediate.
std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t d) {
    Wide p = static_cast<Wide>(a) * b;
    Wide q = p / d;
    Wide r = p % d;
    if (r < 0) r = -r;
    if (2 * r >= d) q += (p < 0) ? -1 : 1;
    return static_cast<std::int64_t>(q);
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    auto v = parse_scaled(text, 2);
    if (!v) return std::nullopt;
    return Decimal(*v);
}

std::string Decimal::str() const {
    std::int64_t a = m_h < 0 ? -m_h : m_h;
    std::string out = m_h < 0 ? "-" : "";
    out += std::to_string(a / 100);
    out += '.';
    std::int64_t frac = a % 100;
    out += static_cast<char>('0' + frac / 10);
    out += static_cast<char>('0' + frac % 10);
    return out;
}

Decimal Decimal::operator*(Ratio r) const {
    return Decimal(mul_div_round(m_h, r.ten_thousandths(), Ratio::k_scale));
}

std::optional<Ratio> Ratio::parse(std::string_view text) {
    auto v = parse_scaled(text, 4);
    if (!v) return std::nullopt;
    return Ratio(*v);
}

Ratio Ratio::fraction(std::int64_t n, std::int64_t d) {
    return Ratio(mul_div_round(n, k_scale, d));
}

std::string Ratio::str() const {
    std::int64_t a = m_t < 0 ? -m_t : m_t;
    std::string out = m_t < 0 ? "-" : "";
    out += std::to_string(a / k_scale);
    std::int64_t frac = a % k_scale;
    if (frac != 0) {
        std::string digits = std::to_string(frac + k_scale).substr(1);  // 4 digits, zero-padded
        while (!digits.empty() && digits.back() == '0') digits.pop_back();
        out += '.';
        out += digits;
    }
    return out;
}

Ratio Ratio::operator*(Ratio o) const {
    return Ratio(mul_div_round(m_t, o.m_t, k_scale));
}

std::vector<Decimal> split(Decimal total, const std::vector<std::int64_t>& weights) {
    std::vector<Decimal> parts(weights.size());
    Wide sum = 0;
    for (auto w : weights) sum += w;
    if (weights.empty() || sum <= 0) return parts;
    const bool negative = total.hundredths() < 0;
    const Wide whole = negative ? -static_cast<Wide>(total.hundredths()) : total.hundredths();
    std::vector<std::pair<Wide, std::size_t>> remainders;  // (remainder, index)
    Wide handed = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        Wide p = whole * weights[i];
        Wide q = p / sum;
        handed += q;
        parts[i] = Decimal::from_hundredths(static_cast<std::int64_t>(negative ? -q : q));
        remainders.emplace_back(p % sum, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; handed < whole && k < remainders.size(); ++k, ++handed) {
        auto i = remainders[k].second;
        parts[i] += Decimal::from_hundredths(negative ? -1 : 1);
    }
    return parts;
}

std::vector<Decimal> split(Decimal total, const std::vector<Ratio>& shares) {
    std::vector<std::int64_t> weights;
    weights.reserve(shares.size());
    for (auto s : shares) weights.push_back(s.ten_thousandths());
    return split(total, weights);
}

std::vector<Ratio> equal_shares(std::size_t n) {
    std::vector<Ratio> out;
    if (n == 0) return out;
    auto parts = split(Decimal::from_hundredths(Ratio::k_scale), std::vector<std::int64_t>(n, 1));
    for (auto p : parts) out.push_back(Ratio::from_ten_thousandths(p.hundredths()));
    return out;
}

}  // namespace infotally::model
