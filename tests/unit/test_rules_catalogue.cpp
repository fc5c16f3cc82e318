// The three real rule sets of rules-catalogue.md, loaded from the shipped example files, must
// reproduce their worked examples exactly.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "lib/rules/rules.hpp"
#include "lib/rules/tally.hpp"

using namespace infotally;
using namespace infotally::rules;
using model::Decimal;

namespace {

Rules load(const std::string& name) {
    const std::string path = std::string(INFOTALLY_SOURCE_DIR) + "/examples/rules/" + name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_rules(ss.str(), path);
}

model::Date day(const char* s) {
    return *model::Date::parse(s);
}
Decimal dec(const char* s) {
    return *Decimal::parse(s);
}

struct Office {
    model::Id id;
    const char* code;
    const char* name;
};

model::Submission piece(model::Id id, const Office& d, const char* kind, const char* on,
                        std::vector<std::pair<model::Id, std::string>> authors = {}) {
    model::Submission s;
    s.id = id;
    s.title = "稿件" + std::to_string(id);
    s.kind = kind;
    s.dept_id = d.id;
    s.dept_code = d.code;
    s.dept_name = d.name;
    s.submitted_on = day(on);
    int position = 1;
    for (auto& [pid, name] : authors) s.authors.push_back({pid, name, position++, std::nullopt});
    return s;
}

model::Adoption adopt(model::Id id, const char* outlet, const char* level, const char* media,
                      const char* on) {
    model::Adoption a;
    a.id = id;
    a.outlet = outlet;
    a.level = level;
    a.media = media;
    a.adopted_on = day(on);
    return a;
}

model::Person person(model::Id id, const char* name, const Office& d) {
    return {id, name, {{d.id, d.code, d.name, day("2020-01-01")}}};
}

const TallyRow& row(const std::vector<TallyRow>& rows, const std::string& name) {
    for (const auto& r : rows)
        if (r.name == name) return r;
    FAIL("no row " << name);
    return rows.front();
}

void check_lines_add_up(const TallyRow& r) {
    Decimal points, yuan;
    for (const auto& l : r.lines) {
        if (l.depth != 0) continue;
        points += l.points;
        yuan += l.yuan;
    }
    CHECK(points == r.net_points);
    CHECK(yuan == r.net_yuan);
}

}  // namespace

TEST_SUITE("rules: catalogue") {
    TEST_CASE("A: county information work — department 公诉科 scores 138") {
        Rules r = load("county-information.toml");
        CHECK(r.subject == Subject::dept);
        const Office gongsu{1, "gongsu", "公诉科"}, office{2, "office", "办公室"};
        TallyBuilder b(
            r, Period::year(2026), {},
            {{1, "gongsu", "公诉科", std::nullopt}, {2, "office", "办公室", std::nullopt}});

        auto p1 = piece(1, gongsu, "info", "2026-02-01");
        p1.category = "动态";
        auto endorsed = adopt(2, "市委办公室", "city", "internal", "2026-02-10");
        endorsed.endorsement = "city";  // 市领导批示
        b.add(p1, {adopt(1, "信息快报", "county", "internal", "2026-02-05"), endorsed});

        auto p2 = piece(2, gongsu, "info", "2026-03-01");
        p2.category = "调研";
        b.add(p2, {adopt(3, "省委办公厅", "provincial", "internal", "2026-03-20")});

        auto p3 = piece(3, gongsu, "info", "2026-04-01");
        p3.category = "动态";
        auto merged = adopt(4, "信息快报", "county", "internal", "2026-04-03");
        merged.form = "merged";
        b.add(p3, {merged});

        for (int i = 4; i <= 16; ++i) b.add(piece(i, gongsu, "info", "2026-05-01"), {});
        // 办公室 submits 14: below the threshold of 15, so no base points
        for (int i = 17; i <= 30; ++i) b.add(piece(i, office, "info", "2026-05-01"), {});

        Tally t = b.finish();
        const auto& g = row(t.depts, "公诉科");
        CHECK(g.submitted == Decimal::whole(16));
        CHECK(g.adoption_points == Decimal::whole(88));  // 45 + 40 + 3
        CHECK(g.quota_reward_points == Decimal::whole(50));
        CHECK(g.net_points == Decimal::whole(138));
        check_lines_add_up(g);
        const auto& o = row(t.depts, "办公室");
        CHECK(o.quota_reward_points == Decimal{});
        CHECK(o.net_points == Decimal{});

        // The research piece doubles only at city or provincial level.
        auto scores = score_adoptions(
            r, p2, {adopt(9, "国务院办公厅", "national", "internal", "2026-03-20")});
        CHECK(scores[0].points == Decimal::whole(30));
    }

    TEST_CASE("B: court research, information and publicity — 赵磊 scores 367") {
        Rules r = load("court-research-publicity.toml");
        const Office zhixing{3, "zhixing", "执行局"};
        TallyBuilder b(r, Period::year(2026), {person(21, "赵磊", zhixing)},
                       {{3, "zhixing", "执行局", std::nullopt}});

        auto front = adopt(1, "人民法院报", "national", "print", "2026-04-02");
        front.placement = "front-page";
        b.add(piece(1, zhixing, "publicity", "2026-04-01", {{21, "赵磊"}}), {front});

        auto info = piece(2, zhixing, "info", "2026-05-01", {{21, "赵磊"}});
        info.destination = "direct";
        b.add(info, {adopt(2, "省高级人民法院", "provincial", "internal", "2026-05-03")});

        auto wire = adopt(3, "新华社", "national", "online", "2026-06-02");
        wire.placement = "front-page";  // no multiplier applies to a flat score
        b.add(piece(3, zhixing, "publicity", "2026-06-01", {{21, "赵磊"}}), {wire});

        Tally t = b.finish();
        const auto& z = row(t.persons, "赵磊");
        CHECK(z.adoption_points == Decimal::whole(367));
        CHECK(z.net_points == Decimal::whole(367));
        CHECK(row(t.depts, "执行局").net_points == Decimal::whole(367));
        check_lines_add_up(z);

        // Negative cases: through the 中院 (not direct) the high court's adoption is 5;
        // a provincial newspaper adds 20; 头版头条 triples.
        auto via = piece(4, zhixing, "info", "2026-05-01");
        CHECK(score_adoptions(
                  r, via, {adopt(4, "省高级人民法院", "provincial", "internal", "2026-05-03")})[0]
                  .points == Decimal::whole(5));
        auto lead = adopt(5, "省报", "provincial", "print", "2026-05-03");
        lead.placement = "front-lead";
        CHECK(score_adoptions(r, piece(5, zhixing, "publicity", "2026-05-01"), {lead})[0].points ==
              Decimal::whole(120));  // (20 + 20) × 3
        CHECK(score_adoptions(r, piece(6, zhixing, "research", "2026-05-01"),
                              {adopt(6, "中国法院网", "national", "online", "2026-05-03")})[0]
                  .points == Decimal::whole(50));
    }

    TEST_CASE("C: township money — 李明 32.50, 王芳 32.50, 陈静 25.00 元") {
        Rules r = load("township-money.toml");
        CHECK(r.policy == Policy::highest);
        const Office dzb{1, "dzb", "党政办"}, zhb{2, "zhb", "综合办"}, nyb{3, "nyb", "农业办"};
        std::vector<model::Person> staff{person(31, "李明", dzb), person(32, "王芳", dzb),
                                         person(33, "陈静", zhb), person(34, "赵强", nyb)};
        std::vector<model::Department> offices{{1, "dzb", "党政办", std::nullopt},
                                               {2, "zhb", "综合办", std::nullopt},
                                               {3, "nyb", "农业办", std::nullopt}};
        auto feed = [&](TallyBuilder& b) {
            auto joint = piece(1, dzb, "publicity", "2026-03-03", {{31, "李明"}, {32, "王芳"}});
            joint.length = 600;
            b.add(joint, {adopt(1, "县广播电台", "county", "radio", "2026-03-05"),
                          adopt(2, "市日报", "city", "print", "2026-03-08")});
            auto alone = piece(2, zhb, "info", "2026-03-04", {{33, "陈静"}});
            alone.length = 300;
            b.add(alone, {adopt(3, "新昌信息", "county", "internal", "2026-03-10")});
            // four more 党政办 pieces so that 党政办 meets its March quota of 5
            for (int i = 3; i <= 6; ++i)
                b.add(piece(i, dzb, "info", "2026-03-20", {{31, "李明"}}), {});
        };

        TallyBuilder year(r, Period::year(2026), staff, offices);
        feed(year);
        Tally t = year.finish();
        const auto& li = row(t.persons, "李明");
        const auto& wang = row(t.persons, "王芳");
        const auto& chen = row(t.persons, "陈静");
        CHECK(li.yuan_earned == dec("32.50"));
        CHECK(li.net_yuan == dec("32.50"));
        CHECK(wang.net_yuan == dec("32.50"));
        CHECK(chen.net_yuan == dec("25.00"));
        CHECK(wang.submitted == dec("0.50"));
        CHECK(wang.adopted_pieces == dec("0.50"));
        CHECK(wang.adoptions == Decimal::whole(1));  // two adoptions, half each
        for (const auto& p : t.persons) check_lines_add_up(p);

        // March alone: 农业办 submitted nothing, so each of its people loses 1 point.
        TallyBuilder march(r, {day("2026-03-01"), day("2026-03-31")}, staff, offices);
        feed(march);
        Tally m = march.finish();
        const auto& zhao = row(m.persons, "赵强");
        CHECK(zhao.penalty_points == Decimal::whole(1));
        CHECK(zhao.net_points == Decimal::whole(-1));
        bool explained = false;
        for (const auto& l : zhao.lines)
            explained = explained || (l.text.find("农业办 2026-03") != std::string::npos &&
                                      l.points == Decimal::whole(-1));
        CHECK(explained);
        CHECK(row(m.persons, "李明").penalty_points == Decimal{});  // 党政办 met 5
        CHECK(row(m.persons, "陈静").penalty_points == Decimal{});  // 综合办 met 1
        CHECK(row(m.depts, "农业办").penalty_points == Decimal{});  // members pay, not the office

        // Other internal bulletins pay a flat 10 元; county radio stays 5 元 however long.
        auto other = piece(9, zhb, "info", "2026-03-04");
        other.length = 800;
        CHECK(
            score_adoptions(r, other, {adopt(9, "某某简报", "county", "internal", "2026-03-10")})[0]
                .yuan == Decimal::whole(10));
        CHECK(
            score_adoptions(r, other, {adopt(9, "县广播电台", "county", "radio", "2026-03-10")})[0]
                .yuan == Decimal::whole(5));
    }
}
