// The page around the charts: head, print styles for A4, headline figures, the sections, tables.
#include "lib/report/html.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/model/i18n.hpp"

namespace infotally::report::html {
namespace {

// System fonts only (nothing is fetched): the CJK fonts of Linux, macOS and Windows.
constexpr const char* k_style = R"css(
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; color: #1d2329; background: #fff;
  font: 10pt/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  sans-serif; }
header { border-bottom: 3px solid #1f4e79; padding-bottom: 2mm; margin-bottom: 4mm; }
h1 { font-size: 17pt; margin: 0; color: #1f4e79; letter-spacing: 0.5pt; }
.subtitle { margin: 1mm 0 0; color: #57606a; font-size: 9pt; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-left: 2mm; border-left: 4px solid #1f4e79;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10pt; margin: 3mm 0 1mm; color: #333; break-after: avoid; }
.note { margin: 0 0 2mm; color: #57606a; font-size: 9pt; break-after: avoid; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0;
  break-inside: avoid; }
.figure { border: 1px solid #d0d7de; border-radius: 2mm; padding: 2mm 3mm; background: #f6f8fa; }
.figure dt { font-size: 8.5pt; color: #57606a; }
.figure dd { margin: 0; font-size: 16pt; font-weight: 700; color: #1f4e79; line-height: 1.3; }
.figure .sub { display: block; font-size: 8pt; font-weight: 400; color: #57606a; }
figure.chart { margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9.5pt; font-weight: 700; margin-bottom: 1mm; }
svg { display: block; width: 100%; height: auto; font-family: inherit; }
svg text { font-size: 11px; fill: #1d2329; }
svg .tick { font-size: 9.5px; fill: #6e7781; }
svg .grid { stroke: #e1e4e8; stroke-width: 1; }
svg .grid.target { stroke: #1d2329; stroke-dasharray: 3 2; }
svg .track { fill: #eef1f4; }
svg .bar.done { fill: #2e7d32; }
svg .bar.on-track { fill: #66bb6a; }
svg .bar.behind { fill: #d64541; }
svg .bar.points { fill: #3a78b5; }
svg .over { fill: #1d2329; }
svg .pace { stroke: #1d2329; stroke-width: 2.5; }
svg .value.behind { fill: #b3261e; font-weight: 700; }
svg .panel-title { font-size: 12px; font-weight: 700; }
svg .panel-note { font-size: 10px; fill: #57606a; }
svg .line { fill: none; stroke-width: 2; stroke-linejoin: round; }
svg .line.this { stroke: #1f6fb2; }
svg .line.last { stroke: #9aa3ad; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .dot.this { fill: #1f6fb2; }
svg .dot.last { fill: #fff; stroke: #9aa3ad; stroke-width: 1.2; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 5mm; margin: 0 0 2mm; font-size: 8.5pt;
  color: #57606a; break-after: avoid; page-break-after: avoid; }
.legend span::before { content: ""; display: inline-block; vertical-align: middle;
  width: 4mm; height: 2.5mm; margin-right: 1mm; }
.legend .done::before { background: #2e7d32; }
.legend .on-track::before { background: #66bb6a; }
.legend .behind::before { background: #d64541; }
.legend .pace::before { width: 0.7mm; height: 3.5mm; background: #1d2329; }
.legend .target::before { width: 0; height: 3.5mm; border-left: 1px dashed #1d2329; }
.legend .this::before { height: 0; border-top: 2px solid #1f6fb2; }
.legend .last::before { height: 0; border-top: 2px dashed #9aa3ad; }
.trend { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 5mm; }
.trend-section { break-inside: avoid; page-break-inside: avoid; }
.trend svg { break-inside: avoid; page-break-inside: avoid; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin-bottom: 2mm; }
thead { display: table-header-group; }
th { background: #e9eef4; color: #1d2329; font-weight: 700; text-align: left;
  border-bottom: 1.5px solid #1f4e79; white-space: nowrap; }
th, td { padding: 0.8mm 1.2mm; vertical-align: top; }
td { border-bottom: 1px solid #e1e4e8; }
tbody tr:nth-child(even) td { background: #f8fafc; }
tr { break-inside: avoid; page-break-inside: avoid; }
td[data-key$="_on"], td[data-key="id"], td[data-key="level"], td[data-key="rank"],
td[data-key="code"] { white-space: nowrap; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 700; border-top: 1.5px solid #1d2329; background: #fff; }
tr.bad td:first-child { box-shadow: inset 3px 0 #d64541; }
tr.good td:first-child { box-shadow: inset 3px 0 #2e7d32; }
td.empty { color: #6e7781; text-align: center; }
footer { margin-top: 6mm; padding-top: 2mm; border-top: 1px solid #d0d7de; color: #6e7781;
  font-size: 8pt; }
@media screen {
  html { background: #e9ecef; }
  body { max-width: 210mm; margin: 6mm auto; padding: 12mm 15mm;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); }
}
)css";

void add_figures(std::string& out, const std::vector<Figure>& figures) {
    if (figures.empty()) return;
    out += "<dl class=\"figures\">\n";
    for (const auto& f : figures)
        out += fmt::format(
            "<div class=\"figure\"><dt>{}</dt><dd>{}<span class=\"sub\">{}</span></dd></div>\n",
            escape(f.label), escape(f.value), f.note.empty() ? "&nbsp;" : escape(f.note));
    out += "</dl>\n";
}

void add_completion(std::string& out, const Page& page) {
    out +=
        fmt::format("<section class=\"completion\">\n<h2>{}</h2>\n", escape(page.completion_title));
    if (!page.completion_note.empty())
        out += fmt::format("<p class=\"note\">{}</p>\n", escape(page.completion_note));
    if (!page.quotas.empty())
        out += fmt::format(
            "<p class=\"legend\"><span class=\"done\">{}</span><span class=\"on-track\">{}"
            "</span><span class=\"behind\">{}</span><span class=\"pace\">{}</span>"
            "<span class=\"target\">{}</span></p>\n",
            escape(tr_view(Msg::state_done)), escape(tr_view(Msg::html_state_on_track)),
            escape(tr_view(Msg::html_state_behind)), escape(tr_view(Msg::html_legend_pace)),
            escape(tr_view(Msg::html_legend_target)));
    for (const auto& q : page.quotas)
        out += fmt::format(
            "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n{}</figure>\n",
            escape(tr(Msg::html_quota_caption, q.label,
                      tr_view(q.person ? Msg::subject_person : Msg::subject_dept), q.unit)),
            quota_chart_svg(q));
    if (page.quotas.empty() && !page.points.empty())
        out += "<figure class=\"chart\">\n" + points_chart_svg(page.points) + "</figure>\n";
    out += "</section>\n";
}

void add_trend(std::string& out, const Page& page) {
    if (page.trend.levels.empty()) return;
    out += fmt::format(
        "<section class=\"trend-section\">\n<h2>{}</h2>\n<p class=\"legend\"><span class=\"this\">"
        "{}</span><span class=\"last\">{}</span></p>\n<div class=\"trend\">\n",
        escape(page.trend_title), escape(tr(Msg::html_year, page.trend.year)),
        escape(tr(Msg::html_year, page.trend.year - 1)));
    for (const auto& level : page.trend.levels) out += trend_svg(page.trend, level);
    out += "</div>\n</section>\n";
}

bool numeric(const io::Column& c) {
    return c.type != io::CellType::text || c.align == io::Align::right;
}

void add_table(std::string& out, const io::Section& section) {
    const auto& t = section.table;
    out += fmt::format(
        "<section class=\"table\">\n<h2>{}</h2>\n<table data-section=\"{}\">\n"
        "<thead><tr>",
        escape(t.title), escape(section.key));
    for (const auto& c : t.columns)
        out += fmt::format("<th{} data-key=\"{}\">{}</th>", numeric(c) ? " class=\"num\"" : "",
                           escape(c.key), escape(c.header));
    out += "</tr></thead>\n<tbody>\n";
    if (t.rows.empty())
        out += fmt::format("<tr><td class=\"empty\" colspan=\"{}\">{}</td></tr>\n",
                           t.columns.size(), escape(tr_view(Msg::html_none)));
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        std::string cls;
        if (std::find(t.total_rows.begin(), t.total_rows.end(), i) != t.total_rows.end())
            cls = "total";
        if (i < t.tones.size() && t.tones[i] != io::Tone::plain)
            cls += std::string(cls.empty() ? "" : " ") +
                   (t.tones[i] == io::Tone::good ? "good" : "bad");
        out += cls.empty() ? "<tr>" : fmt::format("<tr class=\"{}\">", cls);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const auto& cell = c < t.rows[i].size() ? t.rows[i][c] : std::string();
            out += fmt::format("<td{} data-key=\"{}\">{}</td>",
                               numeric(t.columns[c]) ? " class=\"num\"" : "",
                               escape(t.columns[c].key), escape(cell));
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string number(model::Decimal d) {
    if (d.hundredths() % 100 == 0) return std::to_string(d.hundredths() / 100);
    return d.str();
}

std::string_view month_name(int month) {
    static constexpr Msg k_months[] = {Msg::month_jan, Msg::month_feb, Msg::month_mar,
                                       Msg::month_apr, Msg::month_may, Msg::month_jun,
                                       Msg::month_jul, Msg::month_aug, Msg::month_sep,
                                       Msg::month_oct, Msg::month_nov, Msg::month_dec};
    return tr_view(k_months[std::clamp(month, 1, 12) - 1]);
}

std::string month_of_year(int year, int month) {
    return tr(Msg::html_month_of_year, year, month_name(month));
}

std::string render_page(const Page& page) {
    std::string out = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"infotally\">\n<title>{}</title>\n<style>{}</style>\n"
        "</head>\n<body>\n<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>\n",
        language() == Lang::zh ? "zh-CN" : "en", escape(page.title), k_style, escape(page.title),
        escape(page.subtitle));
    add_figures(out, page.figures);
    add_completion(out, page);
    add_trend(out, page);
    for (const auto& section : page.tables) add_table(out, section);
    out += fmt::format("<footer>{}</footer>\n</body>\n</html>\n", escape(page.footer));
    return out;
}

}  // namespace infotally::report::html
