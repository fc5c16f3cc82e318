// Scoring one piece: each rule feature alone, then in combination, each with a case where it
// applies and one where it does not.
#include <doctest/doctest.h>

#include <string>

#include "lib/rules/rules.hpp"
#include "lib/rules/scoring.hpp"
#include "lib/rules/scoring_detail.hpp"

using namespace infotally;
using namespace infotally::rules;
using model::Decimal;
using model::Ratio;

namespace {

model::Date day(const char* s) {
    return *model::Date::parse(s);
}
Decimal dec(const char* s) {
    return *Decimal::parse(s);
}

model::Submission piece(model::Id id, std::string kind = "info", const char* on = "2026-03-01") {
    model::Submission s;
    s.id = id;
    s.title = "稿件" + std::to_string(id);
    s.kind = std::move(kind);
    s.dept_id = 1;
    s.dept_code = "gongsu";
    s.dept_name = "公诉科";
    s.submitted_on = day(on);
    return s;
}

model::Adoption adopt(model::Id id, std::string outlet, std::string level,
                      std::string media = "print", const char* on = "2026-03-10") {
    model::Adoption a;
    a.id = id;
    a.outlet = std::move(outlet);
    a.level = std::move(level);
    a.media = std::move(media);
    a.adopted_on = day(on);
    return a;
}

Decimal one(const Rules& r, const model::Submission& s, const model::Adoption& a) {
    auto scores = score_adoptions(r, s, {a});
    REQUIRE(scores.size() == 1);
    return scores[0].points;
}

// Depth-0 lines of an explanation add up to the figure they explain.
Decimal line_sum(const std::vector<ExplainLine>& lines) {
    Decimal sum;
    for (const auto& l : lines)
        if (l.depth == 0) sum += l.points;
    return sum;
}

const char* k_levels = R"(
[[base]]
level = "国家级"
points = 10
[[base]]
level = "省级"
points = 6
[[base]]
level = "city"
points = 3
)";

}  // namespace

TEST_SUITE("rules: scoring one adoption") {
    TEST_CASE("base points by level; no matching base scores 0 and says so") {
        Rules r = parse_rules(k_levels, "t.toml");
        auto s = piece(1);
        CHECK(one(r, s, adopt(1, "检察日报", "national")) == Decimal::whole(10));
        CHECK(one(r, s, adopt(2, "省报", "provincial")) == Decimal::whole(6));
        auto scores = score_adoptions(r, s, {adopt(3, "县报", "county")});
        CHECK(scores[0].points == Decimal{});
        REQUIRE(scores[0].lines.size() == 1);
        CHECK(scores[0].lines[0].text.find("no [[base]] rule matches") != std::string::npos);
    }

    TEST_CASE("explain lines name the rule and its line") {
        Rules r = parse_rules(k_levels, "t.toml");
        auto scores = score_adoptions(r, piece(1), {adopt(1, "检察日报", "national")});
        REQUIRE(scores[0].lines.size() == 1);
        CHECK(scores[0].lines[0].text ==
              "基础分 base [[base]] line 2 (级别 level 国家级): +10.00分");
        CHECK(scores[0].lines[0].points == Decimal::whole(10));
    }

    TEST_CASE("an outlet rule beats a level rule; more conditions beat fewer") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[base]]
outlet = "人民日报"
points = 60
[[base]]
level = "国家级"
media = "online"
points = 8
)",
                              "t.toml");
        auto s = piece(1);
        CHECK(one(r, s, adopt(1, "人民日报", "national")) == Decimal::whole(60));
        CHECK(one(r, s, adopt(2, "正义网", "national", "online")) == Decimal::whole(8));
        CHECK(one(r, s, adopt(3, "检察日报", "national", "print")) == Decimal::whole(10));
    }

    TEST_CASE("bonuses before factors are multiplied; after factors are not") {
        Rules r = parse_rules(R"(
[[base]]
level = "national"
points = 50
[[bonus]]
outlet = "人民法院报"
points = 30
[[bonus]]
endorsement = "省领导"
points = 40
stage = "after_factors"
[[factor]]
placement = ["头版", "头条"]
factor = 2
)",
                              "t.toml");
        auto s = piece(1, "publicity");
        auto a = adopt(1, "人民法院报", "national");
        CHECK(one(r, s, a) == Decimal::whole(80));
        a.placement = "front-page";
        CHECK(one(r, s, a) == Decimal::whole(160));
        a.endorsement = "provincial";
        CHECK(one(r, s, a) == Decimal::whole(200));
        auto scores = score_adoptions(r, s, {a});
        CHECK(line_sum(scores[0].lines) == Decimal::whole(200));
        CHECK(scores[0].lines[2].text.find("倍数 factor ×2") != std::string::npos);
        CHECK(scores[0].lines[2].points == Decimal::whole(80));  // the factor's contribution
        auto other = adopt(2, "检察日报", "national");
        CHECK(one(r, s, other) == Decimal::whole(50));
    }

    TEST_CASE("all matching factors multiply, rounding to the cent after each") {
        Rules r = parse_rules(R"(
[[base]]
level = "city"
points = 3
[[base]]
level = "county"
points = 0.05
[[factor]]
category = "调研"
level = ["市级", "省级"]
factor = 2
[[factor]]
placement = "头版"
factor = 2
[[factor]]
form = "简讯"
factor = 0.5
)",
                              "t.toml");
        auto research = piece(1);
        research.category = "调研";
        auto a = adopt(1, "市报", "city");
        CHECK(one(r, research, a) == Decimal::whole(6));
        a.placement = "front-page";
        CHECK(one(r, research, a) == Decimal::whole(12));
        CHECK(one(r, piece(2), a) == Decimal::whole(6));  // not research
        a.form = "brief";
        CHECK(one(r, research, a) == Decimal::whole(6));
        auto county = adopt(2, "县报", "county");
        county.form = "brief";
        CHECK(one(r, piece(3), county) == dec("0.03"));  // 0.025 rounds half away from zero
    }

    TEST_CASE("a flat rule replaces every other rule") {
        Rules r = parse_rules(R"(
[[base]]
level = "national"
points = 50
[[bonus]]
points = 5
[[factor]]
placement = "头版"
factor = 2
[[flat]]
outlet = "新华社"
points = 200
)",
                              "t.toml");
        auto a = adopt(1, "新华社", "national");
        a.placement = "front-page";
        auto scores = score_adoptions(r, piece(1), {a});
        CHECK(scores[0].points == Decimal::whole(200));
        REQUIRE(scores[0].lines.size() == 1);
        CHECK(scores[0].lines[0].text.find("固定分 flat") == 0);
        CHECK(one(r, piece(1), adopt(2, "检察日报", "national")) == Decimal::whole(55));
    }

    TEST_CASE("form: whole, merged and brief") {
        Rules r = parse_rules(R"(
[[base]]
outlet = "信息快报"
points = 5
[[base]]
outlet = "信息快报"
form = "综合"
points = 3
)",
                              "t.toml");
        auto a = adopt(1, "信息快报", "county", "internal");
        CHECK(one(r, piece(1), a) == Decimal::whole(5));
        a.form = "merged";
        CHECK(one(r, piece(1), a) == Decimal::whole(3));
        a.form = "";  // an unrecorded form is a whole-piece adoption
        CHECK(one(r, piece(1), a) == Decimal::whole(5));
    }

    TEST_CASE("negated, length, tag, destination and kind conditions") {
        Rules r = parse_rules(R"(
[[flat]]
media = "内刊"
not_outlet = ["新昌信息", "新昌动态"]
yuan = 10
[[base]]
level = "county"
yuan = 25
[[bonus]]
min_length = 500
level = "county"
yuan = 10
[[bonus]]
max_length = 99
yuan = 1
[[bonus]]
tag = ["重要", "独家"]
not_tag = "转载"
yuan = 3
[[bonus]]
destination = "direct"
kind = "信息"
yuan = 2
)",
                              "t.toml");
        auto s = piece(1);
        auto listed = adopt(1, "新昌信息", "county", "internal");
        auto other = adopt(2, "某某简报", "county", "internal");
        auto yuan = [&](const model::Submission& sub, const model::Adoption& a) {
            return score_adoptions(r, sub, {a})[0].yuan;
        };
        CHECK(yuan(s, listed) == Decimal::whole(25));
        CHECK(yuan(s, other) == Decimal::whole(10));
        s.length = 600;
        CHECK(yuan(s, listed) == Decimal::whole(35));
        s.length = 499;
        CHECK(yuan(s, listed) == Decimal::whole(25));
        s.length = 99;
        CHECK(yuan(s, listed) == Decimal::whole(26));
        s.length.reset();  // unknown length matches no length rule
        s.tags = {"独家"};
        CHECK(yuan(s, listed) == Decimal::whole(28));
        s.tags = {"独家", "转载"};
        CHECK(yuan(s, listed) == Decimal::whole(25));
        s.tags.clear();
        s.destination = "direct";
        CHECK(yuan(s, listed) == Decimal::whole(27));
        s.kind = "publicity";
        CHECK(yuan(s, listed) == Decimal::whole(25));
    }

    TEST_CASE("policy cumulative scores every adoption") {
        Rules r = parse_rules(k_levels, "t.toml");
        auto scores =
            score_adoptions(r, piece(1), {adopt(1, "a", "city"), adopt(2, "b", "national")});
        CHECK(scores[0].counted);
        CHECK(scores[1].counted);
        CHECK(scores[0].points + scores[1].points == Decimal::whole(13));
    }

    TEST_CASE("policy highest counts only the highest-scoring adoption; ties go to the earliest") {
        Rules r = parse_rules(std::string("policy = \"highest\"\n") + k_levels, "t.toml");
        auto scores = score_adoptions(r, piece(1),
                                      {adopt(1, "a", "city", "print", "2026-03-01"),
                                       adopt(2, "b", "national", "print", "2026-04-01")});
        CHECK_FALSE(scores[0].counted);
        CHECK(scores[0].points == Decimal{});
        CHECK(scores[1].counted);
        CHECK(scores[1].points == Decimal::whole(10));
        CHECK(line_sum(scores[0].lines) == Decimal{});
        CHECK(scores[0].lines.back().text.find("adoption #2 (b, +10.00分) counts instead") !=
              std::string::npos);

        auto tie = score_adoptions(r, piece(1),
                                   {adopt(5, "late", "national", "print", "2026-05-01"),
                                    adopt(6, "early", "national", "print", "2026-02-01")});
        CHECK_FALSE(tie[0].counted);
        CHECK(tie[1].counted);
        auto single = score_adoptions(r, piece(1), {adopt(7, "x", "county")});
        CHECK(single[0].counted);
    }

    TEST_CASE("yuan go through the same steps as points") {
        Rules r = parse_rules(R"(
[[base]]
level = "city"
points = 3
yuan = 35
[[factor]]
placement = "头版"
factor = 2
)",
                              "t.toml");
        auto a = adopt(1, "市报", "city");
        a.placement = "front-page";
        auto s = score_adoptions(r, piece(1), {a});
        CHECK(s[0].points == Decimal::whole(6));
        CHECK(s[0].yuan == Decimal::whole(70));
    }
}

TEST_SUITE("rules: scoring the submission") {
    TEST_CASE("points for merely submitting") {
        Rules r = parse_rules(R"(
[[submission]]
points = 1
[[submission]]
kind = "信息"
min_length = 1000
points = 0.5
)",
                              "t.toml");
        auto s = piece(1);
        CHECK(score_submission(r, s, {}, day("2026-12-31")).points == Decimal::whole(1));
        s.length = 1200;
        auto score = score_submission(r, s, {}, day("2026-12-31"));
        CHECK(score.points == dec("1.50"));
        CHECK(score.lines.size() == 2);
        CHECK(line_sum(score.lines) == dec("1.50"));
        CHECK(score_submission(r, piece(2, "publicity"), {}, day("2026-12-31")).points ==
              Decimal::whole(1));
    }

    TEST_CASE("a false report scores 0 and loses 5 (该条0分并扣5分)") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[submission]]
points = 1
[[penalty]]
tag = "虚报"
points = 5
zero = true
)",
                              "t.toml");
        auto s = piece(1);
        auto as = std::vector<model::Adoption>{adopt(1, "x", "national")};
        auto honest = score_piece(r, s, as, day("2026-12-31"));
        CHECK_FALSE(honest.submission.zeroed);
        CHECK(honest.submission.points == Decimal::whole(1));
        CHECK(honest.adoptions[0].points == Decimal::whole(10));
        s.tags = {"虚报"};
        auto score = score_piece(r, s, as, day("2026-12-31"));
        CHECK(score.submission.zeroed);
        CHECK(score.submission.earned_points == Decimal{});
        CHECK(score.submission.penalty_points == Decimal::whole(5));
        CHECK(score.submission.points == Decimal::whole(-5));
        CHECK(line_sum(score.submission.lines) == Decimal::whole(-5));
        CHECK(score.adoptions[0].points == Decimal{});
        CHECK(line_sum(score.adoptions[0].lines) == Decimal{});
    }

    TEST_CASE("commissioned pieces: late and missed") {
        Rules r = parse_rules(R"(
[[penalty]]
name = "约稿迟交"
late = true
points = 2
[[penalty]]
name = "约稿未完成"
missed = true
yuan = 40
)",
                              "t.toml");
        auto s = piece(1, "info", "2026-03-05");
        CHECK(score_submission(r, s, {}, day("2026-12-31")).points ==
              Decimal{});  // not commissioned
        s.due_on = day("2026-03-04");
        CHECK(late(s));
        CHECK(score_submission(r, s, {adopt(1, "x", "city")}, day("2026-12-31")).penalty_points ==
              Decimal::whole(2));
        s.due_on = day("2026-03-10");
        CHECK_FALSE(late(s));
        // past due and never adopted → missed
        auto missed_score = score_submission(r, s, {}, day("2026-04-01"));
        CHECK(missed_score.penalty_yuan == Decimal::whole(40));
        CHECK(missed_score.yuan == Decimal::whole(-40));
        // not yet due, or adopted by then → not missed
        CHECK(score_submission(r, s, {}, day("2026-03-09")).penalty_yuan == Decimal{});
        CHECK(score_submission(r, s, {adopt(1, "x", "city", "print", "2026-03-08")},
                               day("2026-04-01"))
                  .penalty_yuan == Decimal{});
    }

    TEST_CASE("time limits: the most specific limit applies") {
        Rules r = parse_rules(R"(
[[time_limit]]
tag = "重要"
days = 3
[[time_limit]]
days = 5
[[penalty]]
overdue = true
points = 1
)",
                              "t.toml");
        auto s = piece(1, "info", "2026-03-10");
        int days = 0;
        CHECK_FALSE(overdue(r, s, &days));  // no event date recorded
        CHECK(days == 5);
        s.occurred_on = day("2026-03-05");
        CHECK_FALSE(overdue(r, s));  // 5 days: on time
        s.tags = {"重要"};
        CHECK(overdue(r, s, &days));
        CHECK(days == 3);
        CHECK(score_submission(r, s, {}, day("2026-12-31")).penalty_points == Decimal::whole(1));
        Rules none = parse_rules("", "t");
        CHECK_FALSE(overdue(none, s, &days));
        CHECK(days == -1);
    }
}

TEST_SUITE("rules: co-authors") {
    model::Submission three_authors() {
        auto s = piece(1);
        s.authors = {{11, "甲", 1, Ratio::parse("0.5")},
                     {12, "乙", 2, Ratio::parse("0.3")},
                     {13, "丙", 3, Ratio::parse("0.2")}};
        return s;
    }

    TEST_CASE("equal split: parts add up exactly") {
        Rules r = parse_rules("", "t");
        auto c = credit_authors(r, three_authors(), Decimal::whole(10), Decimal::whole(100));
        REQUIRE(c.size() == 3);
        CHECK(c[0].points == dec("3.34"));
        CHECK(c[1].points == dec("3.33"));
        CHECK(c[2].points == dec("3.33"));
        CHECK(c[0].piece + c[1].piece + c[2].piece == Decimal::whole(1));
        CHECK(c[0].yuan + c[1].yuan + c[2].yuan == Decimal::whole(100));
        CHECK(c[0].share == Ratio::from_ten_thousandths(3334));
    }

    TEST_CASE("declared shares, with equal as the fallback") {
        Rules r = parse_rules("[authors]\nsplit = \"declared\"\n", "t");
        auto s = three_authors();
        auto c = credit_authors(r, s, Decimal::whole(10), {});
        CHECK(c[0].points == Decimal::whole(5));
        CHECK(c[1].points == Decimal::whole(3));
        CHECK(c[2].points == Decimal::whole(2));
        CHECK(c[1].piece == dec("0.30"));
        s.authors[2].share.reset();
        auto fallback = credit_authors(r, s, Decimal::whole(10), {});
        CHECK(fallback[0].points == dec("3.34"));
    }

    TEST_CASE("declared shares are normalised to 1; a zero share takes nothing") {
        Rules r = parse_rules("[authors]\nsplit = \"declared\"\n", "t");
        auto s = three_authors();
        auto ratios = [](std::initializer_list<std::int64_t> v) {
            std::vector<Ratio> out;
            for (auto x : v) out.push_back(Ratio::from_ten_thousandths(x));
            return out;
        };
        for (auto& a : s.authors) a.share = Ratio::parse("0.3333");
        CHECK(author_shares(r, s) == ratios({3334, 3333, 3333}));
        s.authors[0].share = Ratio::one();
        s.authors[1].share = Ratio{};
        s.authors[2].share = Ratio{};
        CHECK(author_shares(r, s) == ratios({10000, 0, 0}));  // not the equal fallback
        s.authors[0].share = Ratio{};
        CHECK(author_shares(r, s) == ratios({3334, 3333, 3333}));  // all zero: equal

        // Into reused vectors, as a tally does: nothing of what they held is left.
        std::vector<Ratio> out = ratios({1, 2, 3, 4, 5});
        std::vector<Decimal> parts(7, Decimal::whole(9));
        s = three_authors();
        detail::author_shares_into(r, s, out, parts);
        CHECK(out == ratios({5000, 3000, 2000}));
        s.authors.pop_back();
        detail::author_shares_into(parse_rules("", "t"), s, out, parts);
        CHECK(out == ratios({5000, 5000}));
        detail::author_shares_into(parse_rules("[authors]\nsplit = \"first\"\n", "t"), s, out,
                                   parts);
        CHECK(out == ratios({10000, 0}));
        s.authors.clear();
        detail::author_shares_into(r, s, out, parts);
        CHECK(out.empty());
    }

    TEST_CASE("the first author takes all") {
        Rules r = parse_rules("[authors]\nsplit = \"first\"\n", "t");
        auto s = three_authors();
        std::swap(s.authors[0].position, s.authors[1].position);  // 乙 is now 主执笔人
        auto c = credit_authors(r, s, Decimal::whole(10), Decimal::whole(8));
        CHECK(c[0].points == Decimal{});
        CHECK(c[1].points == Decimal::whole(10));
        CHECK(c[1].yuan == Decimal::whole(8));
        CHECK(c[1].piece == Decimal::whole(1));
        CHECK(credit_authors(r, piece(2), Decimal::whole(1), {}).empty());
    }
}
