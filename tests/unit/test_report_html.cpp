// The HTML page renderer: escaping, the page's frame, and the figures on each chart mark.
#include <doctest/doctest.h>

#include <string>

#include "lib/report/html.hpp"

using namespace infotally;
using report::html::escape;

namespace {

model::Decimal d(std::int64_t hundredths) {
    return model::Decimal::from_hundredths(hundredths);
}

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
}

TEST_CASE("quota bars: figures in data attributes, state by pace, capped at 150 %") {
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
}

TEST_CASE("trend: this year's months only, last year's twelve, counts on every dot") {
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
}
