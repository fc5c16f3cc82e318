// The page's charts as inline SVG: quota completion bars with the pace mark, points bars, and
// one small trend chart per level. Coordinates are presentation only (binary floating point is
// fine there); every figure a mark stands for is written exactly in its data-* attributes.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "lib/model/i18n.hpp"
#include "lib/report/html.hpp"

namespace infotally::report::html {
namespace {

constexpr double k_width = 680;  // viewBox width of the bar charts (≈ 180 mm of A4)
constexpr double k_label_right = 150;
constexpr double k_bar_x = 158;
constexpr double k_bar_w = 390;  // 0 … 150 % of the target
constexpr double k_scale_max = 1.5;
constexpr double k_value_x = k_bar_x + k_bar_w + 10;
constexpr double k_axis_h = 22;
constexpr double k_row_h = 26;
constexpr double k_bar_h = 14;

double ratio(model::Decimal a, model::Decimal b) {
    if (b.hundredths() <= 0) return 0;
    return static_cast<double>(a.hundredths()) / static_cast<double>(b.hundredths());
}

// x of a fraction of the target on the bar scale, capped at 150 %.
double bar_x(double fraction) {
    return k_bar_x + std::clamp(fraction, 0.0, k_scale_max) / k_scale_max * k_bar_w;
}

std::string state_of(const QuotaBar& b) {
    if (b.actual >= b.target) return "done";
    return b.behind ? "behind" : "on-track";
}

std::string_view state_text(const std::string& state) {
    if (state == "done") return tr_view(Msg::state_done);
    if (state == "behind") return tr_view(Msg::html_state_behind);
    return tr_view(Msg::html_state_on_track);
}

std::string svg_open(double height, const std::string& cls, const std::string& label) {
    return fmt::format(
        "<svg class=\"{}\" viewBox=\"0 0 {} {:.0f}\" role=\"img\" aria-label=\"{}\" "
        "preserveAspectRatio=\"xMinYMin meet\">\n",
        cls, k_width, height, escape(label));
}

// Tick marks at 0, 50, 100 and 150 % of the target across the chart, 100 % stronger.
std::string percent_axis(double height) {
    std::string out;
    for (int p = 0; p <= 150; p += 50) {
        const double x = bar_x(p / 100.0);
        out += fmt::format(
            "<line class=\"grid{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
            "<text class=\"tick\" x=\"{:.1f}\" y=\"14\" text-anchor=\"middle\">{}%</text>\n",
            p == 100 ? " target" : "", x, k_axis_h - 4, x, height - 2, x, p);
    }
    return out;
}

// A "nice" top for an axis showing values up to `max`: 1, 2, 5 × 10ⁿ steps, at most 5 ticks.
std::int64_t nice_step(std::int64_t max) {
    std::int64_t step = 1;
    for (;;) {
        for (std::int64_t m : {1, 2, 5})
            if (max <= step * m * 4) return step * m;
        step *= 10;
    }
}

}  // namespace

std::string quota_chart_svg(const QuotaChart& chart) {
    const double height = k_axis_h + k_row_h * static_cast<double>(chart.bars.size()) + 4;
    std::string out = svg_open(height, "bars quota", chart.label);
    out += percent_axis(height);
    const char* who = chart.person ? "person" : "dept";
    double y = k_axis_h;
    for (const auto& b : chart.bars) {
        const double bar_y = y + (k_row_h - k_bar_h) / 2;
        const double actual = ratio(b.actual, b.target);
        const double pace = ratio(b.expected, b.target);
        const auto state = state_of(b);
        const auto tip =
            tr(Msg::html_tip_quota, b.subject, b.dept.empty() ? "" : tr(Msg::html_tip_dept, b.dept),
               chart.label, number(b.actual), number(b.target), chart.unit, b.completion,
               number(b.expected), number(b.projected), state_text(state));
        out += fmt::format(
            "<g class=\"row\"><text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\" "
            "text-anchor=\"end\">{}</text>\n",
            k_label_right, bar_y + k_bar_h - 2.5, escape(b.subject));
        out += fmt::format(
            "<rect class=\"track\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
            "height=\"{:.1f}\"/>\n",
            k_bar_x, bar_y, bar_x(1) - k_bar_x, k_bar_h);
        out += fmt::format(
            "<rect class=\"bar {}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
            "data-{}=\"{}\" data-quota=\"{}\" data-target=\"{}\" data-actual=\"{}\" "
            "data-expected=\"{}\" data-projected=\"{}\" data-completion=\"{}\" "
            "data-state=\"{}\"><title>{}</title></rect>\n",
            state, k_bar_x, bar_y, bar_x(actual) - k_bar_x, k_bar_h, who, escape(b.subject),
            escape(chart.label), number(b.target), number(b.actual), number(b.expected),
            number(b.projected), escape(b.completion), state, escape(tip));
        if (actual > k_scale_max)  // beyond the scale: a notch says the bar goes on
            out += fmt::format(
                "<path class=\"over\" d=\"M{0:.1f} {1:.1f} l6 {2:.1f} l-6 {2:.1f} z\"/>\n",
                bar_x(k_scale_max) + 1, bar_y, k_bar_h / 2);
        out += fmt::format(
            "<line class=\"pace\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
            "data-{3}=\"{4}\" data-expected=\"{5}\"><title>{6}</title></line>\n",
            bar_x(pace), bar_y - 3, bar_y + k_bar_h + 3, who, escape(b.subject), number(b.expected),
            escape(tr(Msg::html_tip_pace, number(b.expected))));
        out += fmt::format(
            "<text class=\"value {}\" x=\"{:.1f}\" y=\"{:.1f}\">{}/{} · {}</text></g>\n", state,
            k_value_x, bar_y + k_bar_h - 2.5, number(b.actual), number(b.target),
            escape(b.completion));
        y += k_row_h;
    }
    return out + "</svg>\n";
}

std::string points_chart_svg(const std::vector<PointsBar>& bars) {
    const double height = k_axis_h + k_row_h * static_cast<double>(bars.size()) + 4;
    std::string out = svg_open(height, "bars points", tr(Msg::html_points_chart));
    std::int64_t max = 1;
    for (const auto& b : bars) max = std::max(max, (b.points.hundredths() + 99) / 100);
    const std::int64_t step = nice_step(max);
    const std::int64_t top = (max + step - 1) / step * step;
    const auto x_of = [&](model::Decimal d) {
        const double v = static_cast<double>(std::max<std::int64_t>(d.hundredths(), 0)) / 100;
        return k_bar_x + std::min(v / static_cast<double>(top), 1.0) * k_bar_w;
    };
    for (std::int64_t v = 0; v <= top; v += step) {
        const double x = x_of(model::Decimal::whole(v));
        out += fmt::format(
            "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>"
            "<text class=\"tick\" x=\"{0:.1f}\" y=\"14\" text-anchor=\"middle\">{3}</text>\n",
            x, k_axis_h - 4, height - 2, v);
    }
    double y = k_axis_h;
    for (const auto& b : bars) {
        const double bar_y = y + (k_row_h - k_bar_h) / 2;
        out += fmt::format(
            "<g class=\"row\"><text class=\"label\" x=\"{:.1f}\" y=\"{:.1f}\" "
            "text-anchor=\"end\">{}</text>\n"
            "<rect class=\"bar points\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
            "height=\"{:.1f}\" data-dept=\"{}\" data-points=\"{}\"><title>{}</title></rect>\n"
            "<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text></g>\n",
            k_label_right, bar_y + k_bar_h - 2.5, escape(b.dept), k_bar_x, bar_y,
            x_of(b.points) - k_bar_x, k_bar_h, escape(b.dept), number(b.points),
            escape(tr(Msg::html_tip_points, b.dept, number(b.points))), k_value_x,
            bar_y + k_bar_h - 2.5, escape(tr(Msg::html_points, number(b.points))));
        y += k_row_h;
    }
    return out + "</svg>\n";
}

std::string trend_svg(const Trend& trend, const LevelTrend& level) {
    constexpr double w = 330, h = 150, left = 30, right = 322, top = 28, bottom = 124;
    std::int64_t max = 1, this_sum = 0, last_sum = 0;
    for (int m = 0; m < 12; ++m) {
        max = std::max({max, level.last_year[m], m < trend.months ? level.this_year[m] : 0});
        if (m < trend.months) this_sum += level.this_year[m], last_sum += level.last_year[m];
    }
    const std::int64_t step = nice_step(max);
    const std::int64_t ymax = (max + step - 1) / step * step;
    const auto x_of = [&](int m) { return left + (m + 0.5) * (right - left) / 12; };
    const auto y_of = [&](std::int64_t v) {
        return bottom - static_cast<double>(v) / static_cast<double>(ymax) * (bottom - top);
    };
    std::string out = fmt::format(
        "<svg class=\"trend\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" "
        "data-level=\"{}\">\n"
        "<text class=\"panel-title\" x=\"{}\" y=\"16\">{}</text>"
        "<text class=\"panel-note\" x=\"{}\" y=\"16\" text-anchor=\"end\">{}</text>\n",
        w, h, escape(tr(Msg::html_trend_label, level.name)), escape(level.key), left,
        escape(level.name), right,
        escape(tr(Msg::html_trend_note, trend.year, this_sum, trend.year - 1, last_sum)));
    for (std::int64_t v = 0; v <= ymax; v += step)
        out += fmt::format(
            "<line class=\"grid\" x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\"/>"
            "<text class=\"tick\" x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
            left, y_of(v), right, left - 4, y_of(v) + 3.5, v);
    for (int m = 0; m < 12; ++m)
        out += fmt::format(
            "<text class=\"tick\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>", x_of(m),
            bottom + 13, m + 1);
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       left - 4, bottom + 13, escape(tr_view(Msg::html_month_axis)));
    // last year dashed and hollow behind, this year solid in front
    for (const bool this_year : {false, true}) {
        const int year = this_year ? trend.year : trend.year - 1;
        const int months = this_year ? trend.months : 12;
        const auto& counts = this_year ? level.this_year : level.last_year;
        std::string points, list;
        for (int m = 0; m < months; ++m) {
            points += fmt::format("{}{:.1f},{:.1f}", m ? " " : "", x_of(m), y_of(counts[m]));
            list += fmt::format("{}{}", m ? "," : "", counts[m]);
        }
        const char* cls = this_year ? "this" : "last";
        out += fmt::format(
            "<polyline class=\"line {}\" points=\"{}\" data-level=\"{}\" data-year=\"{}\" "
            "data-counts=\"{}\"/>\n",
            cls, points, escape(level.key), year, list);
        for (int m = 0; m < months; ++m)
            out += fmt::format(
                "<circle class=\"dot {}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" "
                "data-month=\"{}-{:02}\" data-level=\"{}\" data-year=\"{}\" data-count=\"{}\">"
                "<title>{}</title></circle>\n",
                cls, x_of(m), y_of(counts[m]), this_year ? 3 : 2.5, year, m + 1, escape(level.key),
                year, counts[m],
                escape(tr(Msg::html_tip_dot, month_of_year(year, m + 1), level.name, counts[m])));
    }
    return out + "</svg>\n";
}

}  // namespace infotally::report::html
