// Reading and checking rules files: every feature parses from the file alone, and every
// mistake is reported with the line it is on.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "lib/model/error.hpp"
#include "lib/rules/rules.hpp"

using namespace infotally;
using namespace infotally::rules;

namespace {

std::string read_file(const std::string& relative) {
    std::ifstream in(std::string(INFOTALLY_SOURCE_DIR) + "/" + relative, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << relative);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The diagnostics of `text` as "LINE: message" lines, for readable failures.
std::string dump(const std::vector<Diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) out += std::to_string(d.line) + ": " + d.message + "\n";
    return out;
}

// True if some diagnostic is on `line` and contains `needle`.
bool has(const std::vector<Diagnostic>& ds, int line, const std::string& needle) {
    for (const auto& d : ds)
        if (d.line == line && d.message.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_SUITE("rules: parse") {
    TEST_CASE("an empty file is valid and uses the defaults") {
        CHECK(check_rules("").empty());
        Rules r = parse_rules("", "empty.toml");
        CHECK(r.subject == Subject::person);
        CHECK(r.policy == Policy::cumulative);
        CHECK(r.split == AuthorSplit::equal);
        CHECK(r.vocabulary.levels.terms().size() == 4);
        CHECK(r.bases.empty());
    }

    TEST_CASE("default_rules_toml passes check and scores by level") {
        std::string text = default_rules_toml(2026);
        auto ds = check_rules(text);
        INFO(dump(ds));
        CHECK(ds.empty());
        Rules r = parse_rules(text, "default.toml");
        CHECK(r.year == 2026);
        REQUIRE(r.bases.size() == 4);
        CHECK(r.bases[0].when.any_of[static_cast<std::size_t>(Field::level)] ==
              std::vector<std::string>{"national"});
        CHECK(r.bases[0].points == model::Decimal::whole(10));
        CHECK(r.bases[3].points == model::Decimal::whole(1));
        CHECK(r.vocabulary.levels.resolve("部级") == "national");
        CHECK(r.vocabulary.kinds.resolve("宣传") == "publicity");
        CHECK(r.vocabulary.media.terms().size() == 6);
        CHECK(r.time_limits.size() == 2);
        CHECK(text.find("国家级") != std::string::npos);
        CHECK(text.find("cumulative") != std::string::npos);
    }

    TEST_CASE("the shipped example rules pass check") {
        for (const char* f : {"examples/rules/county-information.toml",
                              "examples/rules/court-research-publicity.toml",
                              "examples/rules/township-money.toml"}) {
            auto ds = check_rules(read_file(f));
            INFO(f << "\n" << dump(ds));
            CHECK(ds.empty());
        }
    }

    TEST_CASE("settings and sections are read") {
        Rules r = parse_rules(R"(
subject = "dept"
policy = "highest"
[authors]
split = "declared"
[limits]
floor = 0
[money]
pool = 7000
[[base]]
level = ["国家级", "provincial"]
not_outlet = "内部简报"
points = 10
yuan = 2.5
[[bonus]]
outlet = "人民日报"
points = 50
[[bonus]]
endorsement = "省领导"
points = 40
stage = "after_factors"
[[factor]]
placement = "头版"
factor = 0.5
[[flat]]
outlet = "新华社"
points = 200
[[submission]]
kind = "信息"
min_length = 500
points = 0.1
[[penalty]]
tag = "虚报"
points = 5
zero = true
[[penalty]]
late = true
yuan = 40
[[quota]]
who = "dept"
not_dept = "office"
measure = "adopted"
level = "国家级"
period = "quarter"
target = 3
targets = { gongsu = 5, "办公室" = 2 }
reward = 10
reward_style = "pro_rata"
penalty_per_missing = 2
[[cap]]
who = "person"
period = "month"
max_points = 100
[[time_limit]]
tag = "重要"
days = 3
)",
                              "t.toml");
        CHECK(r.subject == Subject::dept);
        CHECK(r.policy == Policy::highest);
        CHECK(r.split == AuthorSplit::declared);
        CHECK(r.limits.floor_points == model::Decimal{});
        CHECK(r.limits.floor_yuan == model::Decimal{});
        CHECK(r.money.pool == model::Decimal::whole(7000));
        CHECK(r.money.pool_among == Subject::dept);
        REQUIRE(r.bases.size() == 1);
        CHECK(r.bases[0].when.any_of[static_cast<std::size_t>(Field::level)] ==
              std::vector<std::string>{"national", "provincial"});
        CHECK(r.bases[0].when.none_of[static_cast<std::size_t>(Field::outlet)] ==
              std::vector<std::string>{"内部简报"});
        CHECK(r.bases[0].yuan == model::Decimal::from_hundredths(250));
        CHECK(r.bases[0].origin.line == 10);
        REQUIRE(r.bonuses.size() == 2);
        CHECK(r.bonuses[0].stage == Stage::before_factors);
        CHECK(r.bonuses[1].stage == Stage::after_factors);
        CHECK(r.bonuses[1].when.any_of[static_cast<std::size_t>(Field::endorsement)] ==
              std::vector<std::string>{"provincial"});
        CHECK(r.factors.at(0).factor == model::Ratio::from_ten_thousandths(5000));
        CHECK(r.factors.at(0).when.any_of[static_cast<std::size_t>(Field::placement)] ==
              std::vector<std::string>{"front-page"});
        CHECK(r.flats.at(0).points == model::Decimal::whole(200));
        CHECK(r.submission_rules.at(0).points == model::Decimal::from_hundredths(10));
        CHECK(r.submission_rules.at(0).when.min_length == 500);
        CHECK(r.submission_rules.at(0).when.any_of[0] == std::vector<std::string>{"info"});
        REQUIRE(r.penalties.size() == 2);
        CHECK(r.penalties[0].zero);
        CHECK(r.penalties[1].when.late == true);
        CHECK(r.penalties[1].yuan == model::Decimal::whole(40));
        REQUIRE(r.quotas.size() == 1);
        const Quota& q = r.quotas[0];
        CHECK(q.measure == Measure::adopted);
        CHECK(q.period == PeriodKind::quarter);
        CHECK(q.reward_style == RewardStyle::pro_rata);
        CHECK(q.not_depts == std::vector<std::string>{"office"});
        CHECK(q.target_for({"gongsu", "公诉科"}) == model::Decimal::whole(5));
        CHECK(q.target_for({"office", "办公室"}) == model::Decimal::whole(2));
        CHECK(q.target_for({"zhixing", "执行局"}) == model::Decimal::whole(3));
        CHECK(r.caps.at(0).max_points == model::Decimal::whole(100));
        CHECK(r.caps.at(0).period == PeriodKind::month);
        CHECK(r.time_limits.at(0).days == 3);
        CHECK(r.source_text.find("新华社") != std::string::npos);
        CHECK(r.source_name == "t.toml");
    }

    TEST_CASE("decimals are converted exactly from the literal") {
        Rules r = parse_rules(
            "[[base]]\npoints = 0.1\nyuan = 2.35\n[[factor]]\nfactor = 1.2345\n"
            "[[factor]]\nlevel = \"national\"\nfactor = 1e1\n",
            "t");
        CHECK(r.bases[0].points.hundredths() == 10);
        CHECK(r.bases[0].yuan.hundredths() == 235);
        CHECK(r.factors[0].factor.ten_thousandths() == 12345);
        CHECK(r.factors[1].factor.ten_thousandths() == 100000);
    }

    TEST_CASE("a custom vocabulary replaces the default list") {
        Rules r = parse_rules(R"(
levels = [ { key = "central", name = "中央级" }, { key = "local", name = "地方", aliases = ["基层"] } ]
[[base]]
level = "基层"
points = 1
)",
                              "t");
        CHECK(r.vocabulary.levels.terms().size() == 2);
        CHECK(r.vocabulary.levels.rank("local") == 1);
        CHECK(r.bases[0].when.any_of[static_cast<std::size_t>(Field::level)] ==
              std::vector<std::string>{"local"});
        CHECK(r.vocabulary.media.terms().size() == 6);  // omitted lists keep the default
        auto ds = check_rules(
            "levels = [ { key = \"central\" } ]\n[[base]]\nlevel = \"national\"\n"
            "points = 1\n");
        CHECK(has(ds, 3, "unknown level 'national'; known: central"));
    }
}

TEST_SUITE("rules: check diagnostics") {
    TEST_CASE("a TOML syntax error is reported on its line") {
        auto ds = check_rules("subject = \"dept\"\npolicy = \"cumulative\"\npoints = = 3\n");
        INFO(dump(ds));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 3);
        CHECK(ds[0].column > 0);
        CHECK(ds[0].message.find("TOML syntax error") != std::string::npos);
    }

    TEST_CASE("an unknown key suggests the closest known key") {
        auto ds = check_rules("[[base]]\nlevel = \"national\"\npionts = 5\n");
        INFO(dump(ds));
        CHECK(has(ds, 3, "unknown key 'pionts' in [[base]]; did you mean 'points'?"));
        CHECK(has(ds, 1, "needs 'points' or 'yuan'"));
        auto root = check_rules("subjet = \"dept\"\n");
        CHECK(has(root, 1, "did you mean 'subject'?"));
        auto far = check_rules("[money]\nzzzzzzzzzz = 1\n");
        CHECK(has(far, 2, "known keys: per_point, pool, pool_among"));
    }

    TEST_CASE("wrong types") {
        auto ds = check_rules(
            "policy = 3\n[[base]]\npoints = \"five\"\n[[base]]\nlevel = 5\n"
            "points = 1\n[authors]\nsplit = true\n");
        INFO(dump(ds));
        CHECK(has(ds, 1, "'policy' in the rules file must be a string, not an integer"));
        CHECK(has(ds, 3, "'points' in [[base]] must be a number, not a string"));
        CHECK(has(ds, 5, "'level' in [[base]] must be a string or a list of strings"));
        CHECK(has(ds, 8, "'split' in [authors] must be a string"));
        auto plain = check_rules("[base]\npoints = 1\n");
        CHECK(has(plain, 1, "write [[base]]"));
        auto bad_choice = check_rules("policy = \"highst\"\n");
        CHECK(has(bad_choice, 1,
                  "must be one of cumulative, highest, not 'highst'; did you "
                  "mean 'highest'?"));
    }

    TEST_CASE("negative weights and zero factors are refused") {
        auto ds = check_rules(
            "[[base]]\npoints = -5\n[[factor]]\nfactor = -2\n[[factor]]\n"
            "placement = \"头版\"\nfactor = 0\n[[bonus]]\nyuan = -1.5\n");
        INFO(dump(ds));
        CHECK(has(ds, 2, "'points' in [[base]] must not be negative (-5)"));
        CHECK(has(ds, 4, "factor must be positive"));
        CHECK(has(ds, 7, "factor 0 would erase the score"));
        CHECK(has(ds, 9, "'yuan' in [[bonus]] must not be negative"));
    }

    TEST_CASE("an unknown level lists the known ones") {
        auto ds = check_rules("[[base]]\nlevel = \"provincal\"\npoints = 6\n");
        INFO(dump(ds));
        CHECK(has(ds, 2,
                  "unknown level 'provincal'; known: national (国家级), provincial (省级), city "
                  "(市级), county (县级) (did you mean 'provincial'?)"));
        auto media =
            check_rules("[[bonus]]\nnot_media = \"报纸\"\nmedia = \"广播站\"\npoints = 1\n");
        CHECK(has(media, 3, "unknown media '广播站'"));
        CHECK(media.size() == 1);  // 报纸 is an alias of print
    }

    TEST_CASE("NaN, inf and too many decimal places are refused") {
        auto ds = check_rules(
            "[[base]]\npoints = nan\n[[base]]\nlevel = \"county\"\npoints = "
            "inf\n[[base]]\nlevel = \"city\"\npoints = 0.125\n[[factor]]\n"
            "factor = 1.23456\n[[bonus]]\npoints = -inf\n");
        INFO(dump(ds));
        CHECK(has(ds, 2, "must be a finite number, not nan"));
        CHECK(has(ds, 5, "must be a finite number, not inf"));
        CHECK(has(ds, 8, "= 0.125 has 3 decimal places; at most 2 are allowed"));
        CHECK(has(ds, 10, "at most 4 are allowed"));
        CHECK(has(ds, 12, "not inf"));
    }

    TEST_CASE("huge and tiny numbers are shown short in the message") {
        auto ds = check_rules(
            "[[base]]\npoints = 1e308\n[[base]]\nlevel = \"city\"\npoints = "
            "-1e-300\n");
        INFO(dump(ds));
        CHECK(has(ds, 2, "'points' in [[base]] is out of range (1e+308)"));
        CHECK(has(ds, 5, "= -1e-300 has 300 decimal places"));
        for (const auto& d : ds) CHECK(d.message.size() < 200);
    }

    TEST_CASE("names are one line of plain text, at most 100 characters") {
        // TOML escapes can put any control character into a string.
        auto ds = check_rules(
            "levels = [{ key = \"a\", name = \"甲\\u001b[31m\" },\n"
            "  { key = \"b\\u0000\", name = \"乙\" }, { key = \"c\", name = \"丙\", aliases "
            "= [\"\\t\"] }]\n"
            "[[base]]\nname = \"头版\\n头条\"\npoints = 1\n");
        INFO(dump(ds));
        CHECK(has(ds, 1, "'name' in 'levels' entry contains a control character (code 27)"));
        CHECK(has(ds, 2, "'key' in 'levels' entry contains a control character (code 0)"));
        CHECK(has(ds, 2, "'aliases' in 'levels' entry contains a control character (code 9)"));
        CHECK(has(ds, 4, "'name' in [[base]] contains a control character (code 10)"));
        std::string long_name;
        for (int i = 0; i < 101; ++i) long_name += "长";
        ds = check_rules("levels = [{ key = \"a\", name = \"" + long_name + "\" }]\n");
        INFO(dump(ds));
        CHECK(has(ds, 1,
                  "'name' in 'levels' entry is too long: 101 characters, at most 100 allowed"));
        CHECK(check_rules("levels = [{ key = \"a\", name = \"" + long_name.substr(3) + "\" }]\n")
                  .empty());
    }

    TEST_CASE("the title may span lines, up to 500 characters") {
        CHECK(check_rules("title = \"\"\"某某县人民检察院\n信息宣传考核办法\"\"\"\n").empty());
        CHECK(has(check_rules("title = \"a\\u0007\"\n"), 1, "control character (code 7)"));
        CHECK(has(check_rules("title = \"" + std::string(501, 'x') + "\"\n"), 1,
                  "'title' in the rules file is too long: 501 characters"));
    }

    TEST_CASE("two [[base]] rules with identical conditions overlap") {
        auto ds = check_rules(
            "[[base]]\nlevel = \"national\"\npoints = 10\n\n[[base]]\n"
            "level = \"国家级\"\npoints = 12\n");
        INFO(dump(ds));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].line == 5);
        CHECK(ds[0].message.find("same conditions as the [[base]] at line 1") != std::string::npos);
    }

    TEST_CASE("equal-specificity rules that can match one adoption overlap") {
        auto ds = check_rules(
            "[[base]]\nlevel = \"national\"\npoints = 10\n[[base]]\nmedia = "
            "\"print\"\npoints = 12\n");
        INFO(dump(ds));
        CHECK(has(ds, 4, "overlaps the [[base]] at line 1"));
        // Different values of one field can never both match.
        CHECK(check_rules("[[base]]\nlevel = \"national\"\npoints = 10\n[[base]]\nlevel = "
                          "\"city\"\npoints = 3\n")
                  .empty());
        // An outlet rule is more specific than a level rule.
        CHECK(check_rules("[[base]]\nlevel = \"national\"\npoints = 10\n[[base]]\noutlet = "
                          "\"人民日报\"\npoints = 60\n")
                  .empty());
        // More conditions are more specific.
        CHECK(check_rules("[[base]]\nlevel = \"county\"\nyuan = 25\n[[base]]\nlevel = "
                          "\"county\"\nmedia = \"radio\"\nyuan = 5\n")
                  .empty());
        // A rule excluding the only value the other accepts cannot overlap it.
        CHECK(check_rules("[[flat]]\nmedia = \"internal\"\npoints = 1\n[[flat]]\nnot_media = "
                          "\"internal\"\npoints = 2\n")
                  .empty());
        // not_media excluding every media but one still leaves that one: overlap.
        auto left = check_rules(
            "[[flat]]\nlevel = \"city\"\npoints = 1\n[[flat]]\nnot_media = [\"print\", "
            "\"online\", \"radio\", \"tv\", \"newmedia\"]\npoints = 2\n");
        CHECK(has(left, 4, "overlaps"));
        // Lengths that cannot both hold do not overlap.
        CHECK(check_rules("[[base]]\nmin_length = 500\npoints = 2\n[[base]]\nmax_length = "
                          "499\npoints = 1\n")
                  .empty());
        auto times = check_rules(
            "[[time_limit]]\ntag = \"重要\"\ndays = 3\n[[time_limit]]\n"
            "tag = \"紧急\"\ndays = 1\n");
        CHECK(has(times, 4, "overlaps"));  // a piece can carry both tags
    }

    TEST_CASE("duplicate vocabulary keys and aliases") {
        auto ds = check_rules(
            "levels = [\n { key = \"national\", name = \"国家级\" },\n { key = \"provincial\", "
            "aliases = [\"国家级\"] },\n { key = \"national\" },\n]\n");
        INFO(dump(ds));
        CHECK(has(ds, 3, "level alias '国家级' already names the level 'national' (line 2)"));
        CHECK(has(ds, 4, "duplicate level key 'national' (first defined at line 2)"));
        CHECK(!check_rules("forms = []\n").empty());
    }

    TEST_CASE("quota problems") {
        auto ds = check_rules(
            "[[quota]]\ntarget = 0\n[[quota]]\nperiod = \"month\"\n"
            "[[quota]]\ntarget = 2\ntargets = { office = -1 }\n[[quota]]\n"
            "who = \"person\"\ntarget = 1\npenalty_to = \"members\"\n"
            "[[quota]]\nmeasure = \"submitted\"\nlevel = \"national\"\n"
            "target = 1\n");
        INFO(dump(ds));
        CHECK(has(ds, 2, "quota target must be more than 0, not 0"));
        CHECK(has(ds, 3, "needs 'target = N'"));
        CHECK(has(ds, 7, "quota target for 'office' must be more than 0"));
        CHECK(has(ds, 11, "penalty_to = \"members\" needs a department quota"));
        CHECK(has(ds, 14, "cannot match on 'level'"));
    }

    TEST_CASE("other section problems") {
        auto ds = check_rules(
            "[[submission]]\noutlet = \"人民日报\"\npoints = 1\n[[penalty]]\n"
            "points = 5\n[[cap]]\nperiod = \"week\"\n[money]\nper_point = 2\n"
            "pool = 100\n[[time_limit]]\ntag = \"x\"\n[[base]]\nmin_length = "
            "10\nmax_length = 5\npoints = 1\n");
        INFO(dump(ds));
        CHECK(has(ds, 2, "[[submission]] cannot match on 'outlet'"));
        CHECK(has(ds, 5, "[[penalty]] has no condition"));
        CHECK(has(ds, 7, "must be one of month, quarter, year, not 'week'"));
        CHECK(has(ds, 6, "[[cap]] needs 'max_points' or 'max_yuan'"));
        CHECK(has(ds, 10, "sets both 'per_point' and 'pool'"));
        CHECK(has(ds, 11, "[[time_limit]] needs 'days = N'"));
        CHECK(has(ds, 15, "max_length 5 is below min_length 10"));
    }

    TEST_CASE("parse_rules throws with every problem as SOURCE:LINE: message") {
        const char* text = "[[base]]\nlevel = \"provincal\"\npoints = 6\n[[base]]\npionts = 1\n";
        try {
            (void)parse_rules(text, "rules-2026.toml");
            FAIL("no exception");
        } catch (const InputError& e) {
            std::string what = e.what();
            CHECK(what.find("rules-2026.toml:2: unknown level 'provincal'") == 0);
            CHECK(what.find("\nrules-2026.toml:5: unknown key 'pionts'") != std::string::npos);
            CHECK(std::string(e.hint()) ==
                  "fix the file and run 'infotally rules check rules-2026.toml'");
            CHECK(e.exit_code() == 1);
        }
    }
}
