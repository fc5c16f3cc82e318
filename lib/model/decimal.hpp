#pragma once
// Exact numbers for points, money and shares. No binary floating point anywhere a figure is
// paid: points and yuan are whole hundredths (Decimal), factors and co-author shares are whole
// ten-thousandths (Ratio). Products are rounded half away from zero to the hundredth, once per
// multiplication; splits hand out the remainder cent by cent so the parts always add up to the
// whole (largest remainder, ties to the earlier part).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace infotally::model {

class Ratio;

class Decimal {
  public:
    constexpr Decimal() = default;
    static constexpr Decimal from_hundredths(std::int64_t h) { return Decimal(h); }
    static constexpr Decimal whole(std::int64_t units) { return Decimal(units * 100); }
    // "12", "-3.5", "32.50"; at most two decimals. nullopt if not a number or out of range.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr std::int64_t hundredths() const { return m_h; }
    std::string str() const;  // always two decimals: "32.50", "-1.00"

    constexpr Decimal operator+(Decimal o) const { return Decimal(m_h + o.m_h); }
    constexpr Decimal operator-(Decimal o) const { return Decimal(m_h - o.m_h); }
    constexpr Decimal operator-() const { return Decimal(-m_h); }
    Decimal& operator+=(Decimal o) {
        m_h += o.m_h;
        return *this;
    }
    Decimal& operator-=(Decimal o) {
        m_h -= o.m_h;
        return *this;
    }
    constexpr Decimal operator*(std::int64_t n) const { return Decimal(m_h * n); }
    Decimal operator*(Ratio r) const;  // rounded half away from zero
    constexpr auto operator<=>(const Decimal&) const = default;
    constexpr bool is_zero() const { return m_h == 0; }

  private:
    constexpr explicit Decimal(std::int64_t h) : m_h(h) {}
    std::int64_t m_h = 0;
};

class Ratio {
  public:
    static constexpr std::int64_t k_scale = 10000;
    constexpr Ratio() = default;
    static constexpr Ratio one() { return Ratio(k_scale); }
    static constexpr Ratio from_ten_thousandths(std::int64_t t) { return Ratio(t); }
    // "0.5", "2", "1.25", "1/3" is refused (not exact); at most four decimals.
    static std::optional<Ratio> parse(std::string_view text);
    // n / d rounded half away from zero to ten-thousandths (d > 0).
    static Ratio fraction(std::int64_t n, std::int64_t d);

    constexpr std::int64_t ten_thousandths() const { return m_t; }
    std::string str() const;  // shortest exact form: "0.5", "2", "0.3333"

    constexpr Ratio operator+(Ratio o) const { return Ratio(m_t + o.m_t); }
    Ratio operator*(Ratio o) const;  // rounded half away from zero
    constexpr auto operator<=>(const Ratio&) const = default;

  private:
    constexpr explicit Ratio(std::int64_t t) : m_t(t) {}
    std::int64_t m_t = 0;
};

// Divide `total` among parts weighted by `weights` (each >= 0, not all zero) so that the parts
// sum exactly to `total`. Remainder hundredths go to the largest fractional remainders, ties to
// the earlier part.
std::vector<Decimal> split(Decimal total, const std::vector<std::int64_t>& weights);
std::vector<Decimal> split(Decimal total, const std::vector<Ratio>& shares);

// Share of `n` equal parts for the part at `index`, as ten-thousandths that sum exactly to 1:
// 3 parts -> 0.3334, 0.3333, 0.3333.
std::vector<Ratio> equal_shares(std::size_t n);

}  // namespace infotally::model
