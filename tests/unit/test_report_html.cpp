// The HTML page renderer: escaping, the page's frame, and the figures on each chart mark.
#include <doctest/doctest.h>

#include <string>

#include "lib/model/i18n.hpp"
#include "lib/report/html.hpp"

using namespace infotally;
using report::html::escape;

namespace {

model::Decimal d(std::int64_t hundredths) {
    return model::Decimal::from_hundredths(hundredths);
}

// The interface language for one test, back to English (the library's default) after it.
struct LanguageFor {
    explicit LanguageFor(Lang lang) { set_language(lang); }
    ~LanguageFor() { set_language(Lang::en); }
    LanguageFor(const LanguageFor&) = delete;
    LanguageFor& operator=(const LanguageFor&) = delete;
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

report::html::Page sample_page() {
    report::html::Page page;
    page.title = "测试院 <2026> 月报";
    page.subtitle = "a & b";
    page.figures = {{"本月采用", "3 篇", "采用率 75.0%"}};
    page.completion_title = "任务完成进度";
    report::html::QuotaChart chart{"全年报送任务", false, "篇", {}};
    chart.bars.push_back({"办公室", "", d(2000), d(1200), d(1050), d(2400), "60.0%", false});
    chart.bars.push_back({"研究室\"<'&'>\"", "", d(400), d(900), d(300), d(1200), "225.0%", false});
    chart.bars.push_back({"第一检察部", "", d(1200), d(100), d(600), d(200), "8.3%", true});
    page.quotas = {chart};
    page.trend_title = "趋势";
    page.trend.year = 2026;
    page.trend.months = 3;
    report::html::LevelTrend national{"national", "国家级", {}, {}};
    national.this_year[2] = 4;
    national.last_year[11] = 7;
    page.trend.levels = {national};
    io::Table t;
    t.title = "排名";
    t.columns = {{"dept", "部门", io::Align::left, io::CellType::text},
                 {"points", "得分", io::Align::right, io::CellType::decimal}};
    t.rows = {{"<b>办公室</b>", "10.00"}, {"合计", "10.00"}};
    t.total_rows = {1};
    page.tables = {{"month", t}};
    page.footer = "由 infotally 生成";
    return page;
}

}  // namespace

TEST_CASE("escape: the five characters that matter in text and attributes") {
    CHECK(escape(R"(<a href="x">'&'</a>)") ==
          "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    CHECK(escape("办公室") == "办公室");
    CHECK(escape("") == "");
}

TEST_CASE("number: whole figures without decimals") {
    CHECK(report::html::number(d(1200)) == "12");
    CHECK(report::html::number(d(1050)) == "10.50");
    CHECK(report::html::number(d(-500)) == "-5");
}

TEST_CASE("render_page: one self-contained page, every text escaped") {
    LanguageFor zh(Lang::zh);
    const auto html = report::html::render_page(sample_page());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(html.find("<title>测试院 &lt;2026&gt; 月报</title>") != std::string::npos);
    CHECK(html.find("@page { size: A4; margin: 15mm; }") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;办公室&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("data-dept=\"研究室&quot;&lt;&#39;&amp;&#39;&gt;&quot;\"") !=
          std::string::npos);
    CHECK(html.find("<tr class=\"total\">") != std::string::npos);
    CHECK(html.find("<td class=\"num\" data-key=\"points\">10.00</td>") != std::string::npos);
    CHECK(html.rfind("</html>\n") == html.size() - 8);
    // the page's own words in Chinese: legend, caption, trend legend
    CHECK(html.find(
              "<span class=\"done\">已完成</span><span class=\"on-track\">进度正常</span>"
              "<span class=\"behind\">落后于时间进度</span><span class=\"pace\">"
              "时间进度（按已过天数应完成）</span><span class=\"target\">任务目标 100%</span>") !=
          std::string::npos);
    CHECK(html.find("<figcaption>全年报送任务（部门，篇）</figcaption>") != std::string::npos);
    CHECK(html.find("<span class=\"this\">2026年</span><span class=\"last\">2025年</span>") !=
          std::string::npos);
}

TEST_CASE("render_page in English: lang=\"en\", the page's words in English, the same figures") {
    const auto html = report::html::render_page(sample_page());  // English: the default
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<span class=\"done\">done</span><span class=\"on-track\">on track</span>"
                    "<span class=\"behind\">behind the pace</span>") != std::string::npos);
    CHECK(html.find("<figcaption>全年报送任务 (dept, 篇)</figcaption>") != std::string::npos);
    CHECK(html.find("<span class=\"this\">2026</span><span class=\"last\">2025</span>") !=
          std::string::npos);
    CHECK(html.find("data-dept=\"办公室\" data-quota=\"全年报送任务\" data-target=\"20\" "
                    "data-actual=\"12\" data-expected=\"10.50\"") != std::string::npos);
    CHECK(html.find("已完成") == std::string::npos);
    CHECK(html.find("2026年") == std::string::npos);
    CHECK(html.find("落后于时间进度") == std::string::npos);
    io::Table empty;
    empty.title = "none";
    empty.columns = {{"dept", "dept", io::Align::left, io::CellType::text}};
    auto page = sample_page();
    page.tables = {{"adoptions", empty}};
    CHECK(report::html::render_page(page).find("<td class=\"empty\" colspan=\"1\">(none)</td>") !=
          std::string::npos);
    LanguageFor zh(Lang::zh);
    CHECK(report::html::render_page(page).find("<td class=\"empty\" colspan=\"1\">（无）</td>") !=
          std::string::npos);
}

TEST_CASE("month names: 2026年3月 in Chinese, March 2026 in English") {
    CHECK(report::html::month_of_year(2026, 3) == "March 2026");
    CHECK(report::html::month_name(12) == "December");
    LanguageFor zh(Lang::zh);
    CHECK(report::html::month_of_year(2026, 3) == "2026年3月");
    CHECK(report::html::month_name(12) == "12月");
}

TEST_CASE("quota bars: figures in data attributes, state by pace, capped at 150 %") {
    LanguageFor zh(Lang::zh);
    const auto svg = report::html::quota_chart_svg(sample_page().quotas[0]);
    CHECK(count(svg, "<rect class=\"bar ") == 3);
    CHECK(count(svg, "<line class=\"pace\"") == 3);
    CHECK(svg.find("class=\"bar on-track\" x=\"158.0\" y=\"28.0\" width=\"156.0\"") !=
          std::string::npos);  // 12 of 20: 60 % of a 260-wide 100 %
    CHECK(svg.find("data-dept=\"办公室\" data-quota=\"全年报送任务\" data-target=\"20\" "
                   "data-actual=\"12\" data-expected=\"10.50\" data-projected=\"24\" "
                   "data-completion=\"60.0%\" data-state=\"on-track\"") != std::string::npos);
    CHECK(svg.find("class=\"bar done\" x=\"158.0\" y=\"54.0\" width=\"390.0\"") !=
          std::string::npos);  // 225 % drawn as 150 %, with the notch
    CHECK(count(svg, "<path class=\"over\"") == 1);
    CHECK(svg.find("class=\"bar behind\"") != std::string::npos);
    CHECK(svg.find("<line class=\"pace\" x1=\"294.5\"") != std::string::npos);  // 10.5 of 20
    CHECK(svg.find("<title>办公室：全年报送任务 12/20 篇，完成 60.0%；按时间进度应完成 10.50，"
                   "按此进度年底 24 — 进度正常</title>") != std::string::npos);
    CHECK(svg.find("<title>按时间进度应完成 10.50</title>") != std::string::npos);
}

TEST_CASE("quota bars in English: the same marks, English tooltips") {
    const auto svg = report::html::quota_chart_svg(sample_page().quotas[0]);
    CHECK(svg.find("data-dept=\"办公室\" data-quota=\"全年报送任务\" data-target=\"20\" "
                   "data-actual=\"12\" data-expected=\"10.50\" data-projected=\"24\" "
                   "data-completion=\"60.0%\" data-state=\"on-track\"") != std::string::npos);
    CHECK(svg.find("<title>办公室: 全年报送任务 12/20 篇, 60.0% done; due by now at the pace "
                   "10.50, at this pace 24 by the year&#39;s end — on track</title>") !=
          std::string::npos);
    CHECK(svg.find("<title>due by now at the pace: 10.50</title>") != std::string::npos);
}

TEST_CASE("points bars: one per department, points in Chinese and English") {
    const std::vector<report::html::PointsBar> bars{{"办公室", d(1250)}};
    CHECK(report::html::points_chart_svg(bars).find(
              "data-points=\"12.50\"><title>办公室: 12.50 points</title>") != std::string::npos);
    LanguageFor zh(Lang::zh);
    const auto svg = report::html::points_chart_svg(bars);
    CHECK(svg.find("aria-label=\"各部门积分\"") != std::string::npos);
    CHECK(svg.find("data-points=\"12.50\"><title>办公室：12.50 分</title>") != std::string::npos);
    CHECK(svg.find(">12.50 分</text>") != std::string::npos);
}

TEST_CASE("trend: this year's months only, last year's twelve, counts on every dot") {
    LanguageFor zh(Lang::zh);
    const auto page = sample_page();
    const auto svg = report::html::trend_svg(page.trend, page.trend.levels[0]);
    CHECK(count(svg, "class=\"dot this\"") == 3);
    CHECK(count(svg, "class=\"dot last\"") == 12);
    CHECK(svg.find("data-month=\"2026-03\" data-level=\"national\" data-year=\"2026\" "
                   "data-count=\"4\"") != std::string::npos);
    CHECK(svg.find("data-month=\"2025-12\" data-level=\"national\" data-year=\"2025\" "
                   "data-count=\"7\"") != std::string::npos);
    CHECK(svg.find("data-year=\"2026\" data-counts=\"0,0,4\"") != std::string::npos);
    CHECK(svg.find("2026年 4 · 2025年同期 0") != std::string::npos);
    CHECK(svg.find("<title>2026年3月 国家级：采用 4 次</title>") != std::string::npos);
    CHECK(svg.find("aria-label=\"国家级 采用趋势\"") != std::string::npos);
}

TEST_CASE("trend in English: the same counts, English notes") {
    const auto page = sample_page();
    const auto svg = report::html::trend_svg(page.trend, page.trend.levels[0]);
    CHECK(svg.find("data-month=\"2026-03\" data-level=\"national\" data-year=\"2026\" "
                   "data-count=\"4\"") != std::string::npos);
    CHECK(svg.find("2026: 4 · same period 2025: 0") != std::string::npos);
    CHECK(svg.find("<title>March 2026 国家级, adoptions: 4</title>") != std::string::npos);
    CHECK(svg.find(">month</text>") != std::string::npos);
}
