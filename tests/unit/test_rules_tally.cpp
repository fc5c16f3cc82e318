// The streaming tally: crediting departments and authors, period boundaries, quotas, caps,
// floors, money and ranks, on in-memory records.
#include <doctest/doctest.h>

#include <string>

#include "lib/rules/rules.hpp"
#include "lib/rules/scoring_detail.hpp"
#include "lib/rules/tally.hpp"

using namespace infotally;
using namespace infotally::rules;
using model::Decimal;

namespace {

model::Date day(const char* s) {
    return *model::Date::parse(s);
}
Decimal dec(const char* s) {
    return *Decimal::parse(s);
}

model::Department dept(model::Id id, std::string code, std::string name) {
    return {id, std::move(code), std::move(name), std::nullopt};
}

// 张三 in 公诉科 all along; 李四 moves from 公诉科 to 办公室 on 2026-07-01; 王五 in 办公室.
std::vector<model::Person> people() {
    model::Person zhang{11, "张三", {{1, "gongsu", "公诉科", day("2020-01-01")}}};
    model::Person li{
        12,
        "李四",
        {{1, "gongsu", "公诉科", day("2020-01-01")}, {2, "office", "办公室", day("2026-07-01")}}};
    model::Person wang{13, "王五", {{2, "office", "办公室", day("2020-01-01")}}};
    return {zhang, li, wang};
}

std::vector<model::Department> depts() {
    return {dept(1, "gongsu", "公诉科"), dept(2, "office", "办公室")};
}

model::Submission piece(model::Id id, const char* on, model::Id dept_id = 1,
                        std::vector<std::pair<model::Id, std::string>> authors = {{11, "张三"}}) {
    model::Submission s;
    s.id = id;
    s.title = "稿件" + std::to_string(id);
    s.kind = "info";
    s.dept_id = dept_id;
    s.dept_code = dept_id == 1 ? "gongsu" : "office";
    s.dept_name = dept_id == 1 ? "公诉科" : "办公室";
    s.submitted_on = day(on);
    int position = 1;
    for (auto& [pid, name] : authors) s.authors.push_back({pid, name, position++, std::nullopt});
    return s;
}

model::Adoption adopt(model::Id id, model::Id sub, std::string level, const char* on,
                      std::string outlet = "某报") {
    model::Adoption a;
    a.id = id;
    a.submission_id = sub;
    a.outlet = std::move(outlet);
    a.level = std::move(level);
    a.media = "print";
    a.adopted_on = day(on);
    return a;
}

const char* k_levels = R"(
[[base]]
level = "national"
points = 10
[[base]]
level = "provincial"
points = 6
[[base]]
level = "city"
points = 3
[[base]]
level = "county"
points = 1
)";

const TallyRow& row(const std::vector<TallyRow>& rows, const std::string& name) {
    for (const auto& r : rows)
        if (r.name == name) return r;
    FAIL("no row " << name);
    return rows.front();
}

// Depth-0 explain lines add up to the row's net figures.
void check_lines_add_up(const TallyRow& r) {
    Decimal points, yuan;
    for (const auto& l : r.lines) {
        if (l.depth != 0) continue;
        points += l.points;
        yuan += l.yuan;
    }
    INFO(r.name);
    CHECK(points == r.net_points);
    CHECK(yuan == r.net_yuan);
}

}  // namespace

TEST_SUITE("rules: tally") {
    TEST_CASE("a piece credits its department whole and its authors by share") {
        Rules r = parse_rules(k_levels, "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        auto s = piece(1, "2026-03-01", 1, {{11, "张三"}, {12, "李四"}});
        b.add(s, {adopt(1, 1, "national", "2026-03-05"), adopt(2, 1, "city", "2026-03-08")});
        Tally t = b.finish();
        const auto& gongsu = row(t.depts, "公诉科");
        CHECK(gongsu.submitted == Decimal::whole(1));
        CHECK(gongsu.adopted_pieces == Decimal::whole(1));
        CHECK(gongsu.adoptions == Decimal::whole(2));
        CHECK(gongsu.adoption_points == Decimal::whole(13));
        CHECK(gongsu.points_by_level.at("national") == Decimal::whole(10));
        CHECK(gongsu.adoptions_by_level.at("city") == Decimal::whole(1));
        CHECK(gongsu.net_points == Decimal::whole(13));
        const auto& zhang = row(t.persons, "张三");
        CHECK(zhang.submitted == dec("0.50"));
        CHECK(zhang.adopted_pieces == dec("0.50"));
        CHECK(zhang.adoptions == Decimal::whole(1));
        CHECK(zhang.net_points == dec("6.50"));
        CHECK(row(t.persons, "李四").net_points == dec("6.50"));
        CHECK(row(t.persons, "王五").net_points == Decimal{});
        CHECK(row(t.depts, "办公室").net_points == Decimal{});
        CHECK(t.person_total.net_points == Decimal::whole(13));
        CHECK(t.dept_total.net_points == Decimal::whole(13));
        for (const auto& p : t.persons) check_lines_add_up(p);
        for (const auto& d : t.depts) check_lines_add_up(d);
        bool found = false;
        for (const auto& l : zhang.lines)
            found = found || l.text.find(
                                 "采用 adoption #1 《稿件1》 (#1) 某报 (国家级) 2026-03-05: "
                                 "+10.00分 × 0.5 = +5.00分") == 0;
        CHECK(found);
    }

    TEST_CASE("figures count by date: submissions by submitted_on, adoptions by adopted_on") {
        Rules r = parse_rules(k_levels, "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        b.add(piece(1, "2025-12-20"),
              {adopt(1, 1, "city", "2026-01-05"), adopt(2, 1, "national", "2027-01-02")});
        Tally t = b.finish();
        const auto& g = row(t.depts, "公诉科");
        CHECK(g.submitted == Decimal{});
        CHECK(g.adoptions == Decimal::whole(1));
        CHECK(g.adoption_points == Decimal::whole(3));
    }

    TEST_CASE("under policy highest the counted adoption scores in its own year") {
        Rules r = parse_rules(std::string("policy = \"highest\"\n") + k_levels, "t.toml");
        auto s = piece(1, "2025-12-01");
        std::vector<model::Adoption> as{adopt(1, 1, "national", "2025-12-20"),
                                        adopt(2, 1, "city", "2026-01-10")};
        TallyBuilder y2025(r, Period::year(2025), people(), depts());
        y2025.add(s, as);
        TallyBuilder y2026(r, Period::year(2026), people(), depts());
        y2026.add(s, as);
        CHECK(row(y2025.finish().depts, "公诉科").net_points == Decimal::whole(10));
        Tally t = y2026.finish();
        CHECK(row(t.depts, "公诉科").net_points == Decimal{});
        CHECK(row(t.depts, "公诉科").adoptions == Decimal::whole(1));  // recorded, not scored
    }

    TEST_CASE("a person who moved mid-year: pieces credit the submission's department") {
        Rules r = parse_rules(k_levels, "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        b.add(piece(1, "2026-03-01", 1, {{12, "李四"}}), {adopt(1, 1, "national", "2026-03-05")});
        b.add(piece(2, "2026-09-01", 2, {{12, "李四"}}), {adopt(2, 2, "city", "2026-09-05")});
        Tally t = b.finish();
        CHECK(row(t.depts, "公诉科").net_points == Decimal::whole(10));
        CHECK(row(t.depts, "办公室").net_points == Decimal::whole(3));
        const auto& li = row(t.persons, "李四");
        CHECK(li.net_points == Decimal::whole(13));
        CHECK(li.dept_code == "office");  // membership at the period's end
        TallyBuilder h1(r, {day("2026-01-01"), day("2026-06-30")}, people(), depts());
        CHECK(row(h1.finish().persons, "李四").dept_code == "gongsu");
    }

    TEST_CASE("a year with no data: zero rows, and every quota period missed") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[quota]]
who = "dept"
measure = "submitted"
period = "quarter"
target = 2
penalty_per_missing = 2
)",
                              "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        Tally t = b.finish();
        REQUIRE(t.persons.size() == 3);
        REQUIRE(t.depts.size() == 2);
        CHECK(row(t.persons, "张三").net_points == Decimal{});
        CHECK(row(t.depts, "公诉科").penalty_points == Decimal::whole(16));  // 4 quarters × 2 × 2
        CHECK(row(t.depts, "公诉科").net_points == Decimal::whole(-16));
        REQUIRE(t.quotas.size() == 2);
        CHECK(t.quotas[0].periods.size() == 4);
        CHECK(t.quotas[0].periods[0].state == QuotaState::missed);
        CHECK(t.quotas[0].target == Decimal::whole(8));
        CHECK(t.quotas[0].behind);
        for (const auto& d : t.depts) check_lines_add_up(d);
    }

    TEST_CASE("a missed commission is booked the day after its due date") {
        Rules r = parse_rules(R"(
[[penalty]]
missed = true
yuan = 40
[[penalty]]
late = true
points = 2
)",
                              "t.toml");
        auto s = piece(1, "2025-12-20");
        s.due_on = day("2025-12-31");
        TallyBuilder y2025(r, Period::year(2025), people(), depts());
        y2025.add(s, {});
        Tally a = y2025.finish();
        CHECK(row(a.persons, "张三").penalty_yuan == Decimal{});  // not yet missed on 12-31
        TallyBuilder y2026(r, Period::year(2026), people(), depts());
        y2026.add(s, {});
        Tally b = y2026.finish();
        CHECK(row(b.persons, "张三").penalty_yuan == Decimal::whole(40));
        CHECK(row(b.depts, "公诉科").net_yuan == Decimal::whole(-40));
        CHECK(row(b.depts, "公诉科").submitted == Decimal{});
        check_lines_add_up(row(b.persons, "张三"));
        // a late piece is booked with its submission
        auto late_piece = piece(2, "2026-03-05");
        late_piece.due_on = day("2026-03-01");
        TallyBuilder y(r, Period::year(2026), people(), depts());
        y.add(late_piece, {adopt(1, 2, "city", "2026-03-09")});
        Tally c = y.finish();
        CHECK(row(c.persons, "张三").penalty_points == Decimal::whole(2));
        CHECK(row(c.persons, "张三").penalty_yuan == Decimal{});
        check_lines_add_up(row(c.persons, "张三"));
    }

    TEST_CASE("unknown authors and departments still get rows") {
        Rules r = parse_rules(k_levels, "t.toml");
        TallyBuilder b(r, Period::year(2026), {}, {});
        auto s = piece(1, "2026-03-01", 7, {{0, "外借人员"}});
        s.dept_code = "temp";
        s.dept_name = "临时组";
        b.add(s, {adopt(1, 1, "county", "2026-03-02")});
        Tally t = b.finish();
        CHECK(row(t.persons, "外借人员").net_points == Decimal::whole(1));
        CHECK(row(t.persons, "外借人员").dept_code == "temp");
        CHECK(row(t.depts, "临时组").code == "temp");
    }

    TEST_CASE("explanations can be turned off without changing any figure") {
        Rules r = parse_rules(k_levels, "t.toml");
        TallyBuilder on(r, Period::year(2026), people(), depts());
        TallyBuilder off(r, Period::year(2026), people(), depts(), {.explain = false});
        auto s = piece(1, "2026-03-01", 1, {{11, "张三"}, {12, "李四"}});
        std::vector<model::Adoption> as{adopt(1, 1, "national", "2026-03-05")};
        on.add(s, as);
        off.add(s, as);
        Tally a = on.finish(), b = off.finish();
        CHECK(row(b.persons, "张三").net_points == row(a.persons, "张三").net_points);
        CHECK(row(b.persons, "张三").lines.empty());
        CHECK_FALSE(row(a.persons, "张三").lines.empty());
    }

    TEST_CASE("ranks: ties share a rank and the next rank skips") {
        std::vector<TallyRow> rows(4);
        rows[0].name = "a";
        rows[0].net_points = Decimal::whole(5);
        rows[1].name = "b";
        rows[1].net_points = Decimal::whole(10);
        rows[2].name = "c";
        rows[2].net_points = Decimal::whole(1);
        rows[3].name = "d";
        rows[3].net_points = Decimal::whole(5);
        rank_rows(rows);
        CHECK(rows[0].name == "b");
        CHECK(rows[0].rank == 1);
        CHECK(rows[1].name == "a");
        CHECK(rows[1].rank == 2);
        CHECK(rows[2].name == "d");
        CHECK(rows[2].rank == 2);
        CHECK(rows[3].name == "c");
        CHECK(rows[3].rank == 4);
        rows[3].net_yuan = Decimal::whole(100);
        rank_rows(rows, RankBy::net_yuan);
        CHECK(rows[0].name == "c");
        CHECK(rows[1].rank == 2);
        CHECK(rows[3].rank == 2);
    }
}

TEST_SUITE("rules: tally internals") {
    TEST_CASE("the allocation-free split gives exactly model::split's parts") {
        std::vector<Decimal> out;
        std::uint64_t seed = 12345;
        auto next = [&seed](std::uint64_t mod) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<std::int64_t>((seed >> 33) % mod);
        };
        for (int round = 0; round < 2000; ++round) {
            std::vector<model::Ratio> shares;
            const auto n = static_cast<std::size_t>(next(7) + 1);
            for (std::size_t i = 0; i < n; ++i)
                shares.push_back(
                    model::Ratio::from_ten_thousandths(next(4) == 0 ? 0 : next(20000)));
            const Decimal total = Decimal::from_hundredths(next(2'000'000) - 1'000'000);
            detail::split_into(total, shares, out);
            INFO("round " << round);
            CHECK(out == model::split(total, shares));
        }
        detail::split_into(Decimal::whole(1), model::equal_shares(3), out);
        CHECK(out == std::vector<Decimal>{dec("0.34"), dec("0.33"), dec("0.33")});
        // The short cuts: a zero among several (the previous parts must not linger), one author
        // with the whole, and one author with less than the whole (not a short cut).
        for (const auto& shares :
             {model::equal_shares(3), std::vector<model::Ratio>{model::Ratio::one()},
              std::vector<model::Ratio>{model::Ratio::from_ten_thousandths(5000)}}) {
            for (const Decimal total : {Decimal(), dec("-2.51"), dec("7.01")}) {
                out.assign(5, dec("9"));
                detail::split_into(total, shares, out);
                CHECK(out == model::split(total, shares));
                CHECK(out.size() == shares.size());
            }
        }
        detail::split_into(dec("7.01"), {model::Ratio::one()}, out);
        CHECK(out == std::vector<Decimal>{dec("7.01")});
        out = {dec("9")};  // one part already there, and a lone share of nothing: nothing
        detail::split_into(dec("7.01"), {model::Ratio{}}, out);
        CHECK(out == std::vector<Decimal>{Decimal()});
        CHECK(out == model::split(dec("7.01"), {model::Ratio{}}));
        detail::split_into(Decimal(), model::equal_shares(2), out);
        CHECK(out == std::vector<Decimal>{Decimal(), Decimal()});
    }

    TEST_CASE("the tally's score cache gives the same scores as scoring directly") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[bonus]]
tag = "重要"
not_tag = "转载"
points = 2
[[bonus]]
min_length = 500
level = ["city", "county"]
points = 1.5
[[factor]]
placement = "头版"
not_outlet = "内部"
factor = 1.5
[[flat]]
outlet = "新华社"
category = "通稿"
points = 200
)",
                              "t.toml");
        detail::AdoptionScoreCache cache(r);
        const char* levels[] = {"national", "provincial", "city", "county"};
        const char* outlets[] = {"新华社", "内部", "某报"};
        const std::vector<std::vector<std::string>> tags{{}, {"重要"}, {"重要", "转载"}, {"x"}};
        for (int i = 0; i < 400; ++i) {
            auto s = piece(i, "2026-03-01");
            s.category = i % 5 == 0 ? "通稿" : "";
            s.tags = tags[static_cast<std::size_t>(i % 4)];
            if (i % 3) s.length = (i * 37) % 1000;
            auto a = adopt(i, i, levels[i % 4], "2026-03-02", outlets[i % 3]);
            a.placement = i % 2 ? "front-page" : "";
            auto direct = detail::score_adoptions(r, s, {a}, false);
            auto cached = detail::score_adoptions(r, s, {a}, false, &cache);
            INFO("adoption " << i);
            CHECK(cached[0].points == direct[0].points);
        }
    }
}

TEST_SUITE("rules: quotas") {
    TEST_CASE("threshold reward: at or above target earns it all, below earns nothing") {
        Rules r = parse_rules(R"(
[[quota]]
who = "dept"
measure = "submitted"
target = 3
reward = 50
)",
                              "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        for (int i = 1; i <= 3; ++i) b.add(piece(i, "2026-02-01", 1), {});
        for (int i = 4; i <= 5; ++i) b.add(piece(i, "2026-02-01", 2), {});
        Tally t = b.finish();
        CHECK(row(t.depts, "公诉科").quota_reward_points == Decimal::whole(50));
        CHECK(row(t.depts, "办公室").quota_reward_points == Decimal{});
        CHECK(row(t.depts, "办公室").penalty_points == Decimal{});
        for (const auto& d : t.depts) check_lines_add_up(d);
    }

    TEST_CASE("pro rata reward and per-missing penalties") {
        Rules r = parse_rules(R"(
[[quota]]
who = "dept"
measure = "submitted"
target = 10
reward = 50
reward_yuan = 100
reward_style = "pro_rata"
penalty_per_missing = 2
penalty_yuan_per_missing = 40
penalty = 1
)",
                              "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        for (int i = 1; i <= 4; ++i) b.add(piece(i, "2026-05-01", 1), {});
        for (int i = 5; i <= 16; ++i) b.add(piece(i, "2026-05-01", 2), {});
        Tally t = b.finish();
        const auto& g = row(t.depts, "公诉科");
        CHECK(g.quota_reward_points == Decimal::whole(20));
        CHECK(g.quota_reward_yuan == Decimal::whole(40));
        CHECK(g.penalty_points == Decimal::whole(13));  // 6 missing × 2, plus 1
        CHECK(g.penalty_yuan == Decimal::whole(240));
        CHECK(g.net_points == Decimal::whole(7));
        CHECK(g.net_yuan == Decimal::whole(-200));
        const auto& o = row(t.depts, "办公室");
        CHECK(o.quota_reward_points == Decimal::whole(50));  // capped at the full reward
        CHECK(o.penalty_points == Decimal{});
        check_lines_add_up(g);
    }

    TEST_CASE("selection, per-subject targets and kind filters") {
        Rules r = parse_rules(R"(
[[quota]]
who = "person"
dept = "公诉科"
measure = "adopted"
kind = "信息"
level = ["国家级", "省级"]
target = 1
targets = { "张三" = 2 }
penalty_per_missing = 5
)",
                              "t.toml");
        TallyBuilder b(r, {day("2026-01-01"), day("2026-06-30")}, people(), depts());
        b.add(piece(1, "2026-02-01", 1, {{11, "张三"}}),
              {adopt(1, 1, "national", "2026-02-10"), adopt(2, 1, "county", "2026-02-11")});
        auto pub = piece(2, "2026-02-01", 1, {{12, "李四"}});
        pub.kind = "publicity";
        b.add(pub, {adopt(3, 2, "national", "2026-02-10")});
        Tally t = b.finish();
        // half a year: the yearly quota period is in progress, nothing is applied yet
        CHECK(row(t.persons, "张三").penalty_points == Decimal{});
        REQUIRE(t.quotas.size() == 2);  // 张三 and 李四 are in 公诉科; 王五 is not
        CHECK(t.quotas[0].subject_name == "张三");
        CHECK(t.quotas[0].target == Decimal::whole(2));
        CHECK(t.quotas[0].actual == Decimal::whole(1));
        CHECK(t.quotas[0].periods.at(0).state == QuotaState::in_progress);
        CHECK(t.quotas[1].subject_name == "李四");
        CHECK(t.quotas[1].actual == Decimal{});  // publicity does not count
        TallyBuilder year(r, Period::year(2026), people(), depts());
        Tally y = year.finish();
        // 李四 is in 办公室 at the year's end, so the year quota no longer covers him
        REQUIRE(y.quotas.size() == 1);
        CHECK(row(y.persons, "张三").penalty_points == Decimal::whole(10));
        CHECK(row(y.persons, "李四").penalty_points == Decimal{});
    }

    TEST_CASE("partial quota periods are in progress; status projects the year") {
        Rules r = parse_rules(R"(
[[quota]]
who = "dept"
dept = "gongsu"
measure = "submitted"
period = "month"
target = 2
penalty = 3
)",
                              "t.toml");
        TallyBuilder b(r, {day("2026-01-01"), day("2026-03-15")}, people(), depts());
        b.add(piece(1, "2026-01-10"), {});
        b.add(piece(2, "2026-01-20"), {});
        b.add(piece(3, "2026-02-10"), {});
        Tally t = b.finish();
        REQUIRE(t.quotas.size() == 1);
        const QuotaStatus& st = t.quotas[0];
        REQUIRE(st.periods.size() == 3);
        CHECK(st.periods[0].state == QuotaState::met);
        CHECK(st.periods[1].state == QuotaState::missed);
        CHECK(st.periods[2].state == QuotaState::in_progress);
        CHECK(row(t.depts, "公诉科").penalty_points == Decimal::whole(3));  // February only
        CHECK(st.target == Decimal::whole(24));
        CHECK(st.actual == Decimal::whole(3));
        CHECK(st.completion == model::Ratio::from_ten_thousandths(1250));
        CHECK(percent_text(st.completion) == "12.5%");
        CHECK(st.expected == dec("4.87"));    // 24 × 74/365
        CHECK(st.projected == dec("14.80"));  // 3 × 365/74
        CHECK(st.behind);
        CHECK(st.subject_code == "gongsu");
    }

    TEST_CASE("a tally of a year still running settles only the quota periods already over") {
        Rules r = parse_rules(R"(
[[quota]]
who = "dept"
dept = "gongsu"
measure = "submitted"
period = "month"
target = 1
penalty = 3
[[quota]]
name = "全年"
who = "dept"
dept = "gongsu"
measure = "submitted"
period = "year"
target = 2
reward = 50
[[penalty]]
missed = true
points = 5
)",
                              "t.toml");
        auto due_before = piece(3, "2026-01-20");
        due_before.due_on = day("2026-03-10");
        auto due_after = piece(4, "2026-01-21");
        due_after.due_on = day("2026-03-20");
        auto run = [&](std::optional<model::Date> today) {
            TallyBuilder b(r, Period::year(2026), people(), depts(), TallyOptions{true, today});
            b.add(piece(1, "2026-01-10"), {});
            b.add(piece(2, "2026-03-05"), {});
            b.add(due_before, {});
            b.add(due_after, {});
            return b.finish();
        };
        // On 2026-03-15: January and February are over (February missed: -3), March and later
        // are running; the year's threshold (4 of 2 already) is not paid before the year ends;
        // the commission due 03-10 is missed (-5), the one due 03-20 not yet.
        Tally now = run(day("2026-03-15"));
        const TallyRow& g = row(now.depts, "公诉科");
        CHECK(g.penalty_points == Decimal::whole(8));
        CHECK(g.quota_reward_points == Decimal{});
        CHECK(g.net_points == Decimal::whole(-8));
        REQUIRE(now.quotas.size() == 2);
        REQUIRE(now.quotas[0].periods.size() == 12);
        CHECK(now.quotas[0].periods[1].state == QuotaState::missed);
        CHECK(now.quotas[0].periods[2].state == QuotaState::in_progress);
        CHECK(now.quotas[1].periods[0].state == QuotaState::in_progress);
        check_lines_add_up(g);
        // A period ending the day before is over; one ending on the day is not.
        CHECK(run(day("2026-04-01")).quotas[0].periods[2].state == QuotaState::met);
        CHECK(run(day("2026-03-31")).quotas[0].periods[2].state == QuotaState::in_progress);
        // Made after the year (or without a day): every period settles, as at the year's end.
        for (auto today :
             {std::optional<model::Date>(day("2027-01-05")), std::optional<model::Date>()}) {
            const Tally later = run(today);  // row() points into it: keep it alive
            const TallyRow& y = row(later.depts, "公诉科");
            CHECK(y.quota_reward_points == Decimal::whole(50));
            CHECK(y.penalty_points == Decimal::whole(3 * 10 + 5 + 5));  // 10 months, 2 commissions
        }
    }

    TEST_CASE("a quota that only tracks progress adds no explain lines") {
        Rules r =
            parse_rules("[[quota]]\nwho = \"person\"\nperiod = \"month\"\ntarget = 1\n", "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        b.add(piece(1, "2026-03-10"), {});
        Tally t = b.finish();
        const TallyRow& zhang = row(t.persons, "张三");
        REQUIRE(zhang.lines.size() == 1);  // the submission; no line per month met or missed
        CHECK(zhang.lines[0].text.find("稿件1") != std::string::npos);
        REQUIRE(t.quotas.size() == 3);  // status still sees each person's progress
        CHECK(t.quotas[0].periods.size() == 12);
        CHECK(t.quotas[0].periods[2].state == QuotaState::met);
        CHECK(t.quotas[0].periods[3].state == QuotaState::missed);
        check_lines_add_up(zhang);
    }

    TEST_CASE("a missed department quota can penalise every member during the period") {
        Rules r = parse_rules(R"(
[[quota]]
who = "dept"
measure = "submitted"
period = "month"
target = 1
penalty = 1
penalty_to = "members"
)",
                              "t.toml");
        auto staff = people();
        staff[1].history[1].since = day("2026-03-15");  // 李四 joins 办公室 mid-March
        TallyBuilder b(r, {day("2026-03-01"), day("2026-03-31")}, staff, depts());
        b.add(piece(1, "2026-03-02", 1), {});
        Tally t = b.finish();
        CHECK(row(t.persons, "张三").penalty_points == Decimal{});
        CHECK(row(t.persons, "李四").penalty_points == Decimal::whole(1));
        CHECK(row(t.persons, "王五").penalty_points == Decimal::whole(1));
        CHECK(row(t.persons, "王五").net_points == Decimal::whole(-1));
        CHECK(row(t.depts, "办公室").penalty_points == Decimal{});
        for (const auto& p : t.persons) check_lines_add_up(p);
    }

    TEST_CASE("a retired department has no quota after it retired") {
        Rules r = parse_rules(
            "[[quota]]\nwho = \"dept\"\nperiod = \"month\"\ntarget = 1\n"
            "penalty = 1\n",
            "t.toml");
        auto ds = depts();
        ds[1].retired_on = day("2026-01-31");
        TallyBuilder b(r, {day("2026-01-01"), day("2026-03-31")}, people(), ds);
        Tally t = b.finish();
        CHECK(row(t.depts, "办公室").penalty_points == Decimal::whole(1));  // January only
        CHECK(row(t.depts, "公诉科").penalty_points == Decimal::whole(3));
    }
}

TEST_SUITE("rules: caps, floors and money") {
    TEST_CASE("caps per month, then per year on the capped figures") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[cap]]
who = "person"
period = "month"
max_points = 10
[[cap]]
who = "person"
period = "year"
max_points = 12
)",
                              "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        b.add(piece(1, "2026-03-01"), {adopt(1, 1, "national", "2026-03-05"),
                                       adopt(2, 1, "provincial", "2026-03-06")});  // 16 in March
        b.add(piece(2, "2026-04-01"), {adopt(3, 2, "provincial", "2026-04-05")});  // 6 in April
        Tally t = b.finish();
        const auto& z = row(t.persons, "张三");
        CHECK(z.adoption_points == Decimal::whole(22));
        CHECK(z.cap_deduction_points == Decimal::whole(10));  // 6 in March, then 4 over the year
        CHECK(z.net_points == Decimal::whole(12));
        check_lines_add_up(z);
        // departments are not capped by a person cap
        CHECK(row(t.depts, "公诉科").net_points == Decimal::whole(22));
    }

    TEST_CASE("caps do not limit penalties; the floor limits the net") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[penalty]]
tag = "虚报"
points = 5
zero = true
[limits]
floor = 0
)",
                              "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        b.add(piece(1, "2026-03-01"), {adopt(1, 1, "city", "2026-03-05")});
        auto fake = piece(2, "2026-03-02");
        fake.tags = {"虚报"};
        b.add(fake, {adopt(2, 2, "national", "2026-03-05")});
        Tally t = b.finish();
        const auto& z = row(t.persons, "张三");
        CHECK(z.adoption_points == Decimal::whole(3));
        CHECK(z.penalty_points == Decimal::whole(5));
        CHECK(z.floor_adjustment_points == Decimal::whole(2));
        CHECK(z.net_points == Decimal{});
        check_lines_add_up(z);
    }

    TEST_CASE("money per point") {
        Rules r = parse_rules(std::string(k_levels) + "[money]\nper_point = 2.5\n", "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        b.add(piece(1, "2026-03-01"), {adopt(1, 1, "city", "2026-03-05")});
        Tally t = b.finish();
        CHECK(row(t.persons, "张三").points_yuan == dec("7.50"));
        CHECK(row(t.persons, "张三").net_yuan == dec("7.50"));
        check_lines_add_up(row(t.persons, "张三"));
    }

    TEST_CASE("a pool is shared by net points and sums exactly to the pool") {
        Rules r = parse_rules(std::string(k_levels) + R"(
[[penalty]]
tag = "虚报"
points = 50
[money]
pool = 7000
)",
                              "t.toml");
        auto staff = people();
        staff.push_back({14, "赵六", {{2, "office", "办公室", day("2020-01-01")}}});
        TallyBuilder b(r, Period::year(2026), staff, depts());
        b.add(piece(1, "2026-03-01", 1, {{11, "张三"}}), {adopt(1, 1, "city", "2026-03-05")});
        b.add(piece(2, "2026-03-01", 1, {{12, "李四"}}), {adopt(2, 2, "city", "2026-03-05")});
        b.add(piece(3, "2026-03-01", 2, {{13, "王五"}}), {adopt(3, 3, "city", "2026-03-05")});
        auto fake = piece(4, "2026-03-01", 2, {{14, "赵六"}});
        fake.tags = {"虚报"};
        b.add(fake, {});
        Tally t = b.finish();
        CHECK(row(t.persons, "张三").points_yuan == dec("2333.34"));
        CHECK(row(t.persons, "李四").points_yuan == dec("2333.33"));
        CHECK(row(t.persons, "王五").points_yuan == dec("2333.33"));
        CHECK(row(t.persons, "赵六").points_yuan == Decimal{});  // negative net: no share
        CHECK(t.person_total.points_yuan == Decimal::whole(7000));
        for (const auto& p : t.persons) check_lines_add_up(p);
    }

    TEST_CASE("a pool nobody qualifies for is not paid out") {
        Rules r = parse_rules("[money]\npool = 1000\n", "t.toml");
        TallyBuilder b(r, Period::year(2026), people(), depts());
        Tally t = b.finish();
        CHECK(t.person_total.net_yuan == Decimal{});
        REQUIRE(t.notes.size() == 1);
        CHECK(t.notes[0].text.find("not paid out") != std::string::npos);
    }
}
