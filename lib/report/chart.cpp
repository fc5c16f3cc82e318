#include "lib/report/chart.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "lib/io/text.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/common.hpp"

namespace infotally::report {
namespace {

constexpr std::string_view k_full = "█";
// 1/8 to 7/8 of a cell, left-aligned.
constexpr std::array<std::string_view, 7> k_eighths{"▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr std::string_view k_pace = "│";
constexpr std::string_view k_over = "▸";
constexpr std::string_view k_green = "\x1b[32m";
constexpr std::string_view k_red = "\x1b[31m";
constexpr std::string_view k_reset = "\x1b[0m";
// Bars shorter than this say little; longer ones only make the eye travel.
constexpr std::size_t k_min_bar = 10;
constexpr std::size_t k_max_bar = 50;
constexpr std::size_t k_min_label = 4;

// The bar's length in eighths of a cell: floor(done ÷ target × cells × 8), at most the full bar,
// and at least one eighth for anything done at all. Exact: figures are hundredths.
std::int64_t eighths(const ChartBar& bar, std::size_t cells) {
    const std::int64_t full = static_cast<std::int64_t>(cells) * 8;
    if (bar.target.hundredths() <= 0 || bar.done.hundredths() <= 0) return 0;
    if (bar.done >= bar.target) return full;
    const std::int64_t n = bar.done.hundredths() * full / bar.target.hundredths();
    return std::clamp<std::int64_t>(n, 1, full - 1);
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

struct Figures {
    std::string percent;   // "62.5%", "" without a target
    std::string fraction;  // "5/8"
};

Figures figures(const ChartBar& bar) {
    return {detail::rate_text(bar.done, bar.target),
            detail::count_text(bar.done) + "/" + detail::count_text(bar.target)};
}

}  // namespace

std::string draw_completion_chart(const std::vector<ChartGroup>& groups, const ChartStyle& style) {
    std::size_t label_w = 0, percent_w = 0, fraction_w = 0;
    for (const auto& g : groups) {
        for (const auto& bar : g.bars) {
            const auto f = figures(bar);
            label_w = std::max(label_w, io::display_width(io::sanitize_cell(bar.label)));
            percent_w = std::max(percent_w, io::display_width(f.percent));
            fraction_w = std::max(fraction_w, io::display_width(f.fraction));
        }
    }
    // label, 2 spaces, the bar, the overflow mark, a space, percent, 2 spaces, done/target
    const std::size_t fixed = 2 + 1 + 1 + percent_w + 2 + fraction_w;
    if (label_w + fixed + k_min_bar > style.width)
        label_w =
            std::max(k_min_label, style.width > fixed + k_min_bar ? style.width - fixed - k_min_bar
                                                                  : std::size_t{0});
    const std::size_t cells =
        std::clamp(style.width > label_w + fixed ? style.width - label_w - fixed : std::size_t{0},
                   k_min_bar, k_max_bar);

    std::string out;
    for (const auto& g : groups) {
        if (&g != &groups.front()) out += '\n';
        if (!g.heading.empty()) out += io::sanitize_cell(g.heading) + '\n';
        for (const auto& bar : g.bars) {
            const auto f = figures(bar);
            const std::int64_t length = eighths(bar, cells);
            const auto whole = static_cast<std::size_t>(length / 8);
            const auto part = static_cast<std::size_t>(length % 8);
            const std::size_t used = whole + (part ? 1 : 0);
            std::string drawn = repeat(k_full, whole);
            if (part) drawn += k_eighths[part - 1];

            std::string track;  // the empty part of the bar, with the pace mark in it
            std::size_t mark = cells;
            if (bar.pace && bar.target.hundredths() > 0) {
                const std::int64_t at = std::max<std::int64_t>(0, bar.pace->hundredths()) *
                                        static_cast<std::int64_t>(cells) / bar.target.hundredths();
                mark = static_cast<std::size_t>(
                    std::min<std::int64_t>(at, static_cast<std::int64_t>(cells) - 1));
            }
            for (std::size_t i = used; i < cells; ++i) track += i == mark ? k_pace : " ";

            const bool done = bar.target.hundredths() > 0 && bar.done >= bar.target;
            const bool behind = !done && bar.pace && bar.done < *bar.pace;
            const std::string_view tone = !style.color ? "" : done ? k_green : behind ? k_red : "";
            const auto toned = [&](const std::string& text) {
                return tone.empty() || text.empty()
                           ? text
                           : std::string(tone) + text + std::string(k_reset);
            };

            std::string line;
            io::append_fitted(line, io::sanitize_cell(bar.label), label_w, io::Align::left);
            line.append("  ").append(toned(drawn)).append(track);
            line += bar.done > bar.target && bar.target.hundredths() > 0 ? k_over : " ";
            line.append(" ").append(
                toned(io::pad_to_width(f.percent, percent_w, io::Align::right)));
            line.append("  ").append(io::pad_to_width(f.fraction, fraction_w, io::Align::right));
            out += line + '\n';
        }
    }
    // The legend on one line, or one item a line where the window is too narrow for that.
    std::string legend = tr(Msg::chart_legend, k_full, k_pace, k_over);
    if (io::display_width(legend) > style.width) {
        std::string lines;
        std::size_t from = 0;
        for (auto at = legend.find("   "); at != std::string::npos;
             from = at + 3, at = legend.find("   ", from))
            lines.append(legend, from, at - from).append("\n");
        legend = lines.append(legend, from);
    }
    out += '\n' + legend + '\n';
    return out;
}

}  // namespace infotally::report
