"""The three catalogue rule sets (rules-catalogue.md) as shipped example files: each worked example
built with real commands and tallied exactly, with the case the rules must not score."""
import os

from ledger_cache import build_once
from support import LedgerTest, SOURCE_DIR, main

RULES = os.path.join(SOURCE_DIR, "examples", "rules")


def rows_by(rows, key):
    """Tally rows keyed by name (or code), without the total row."""
    return {r[key]: r for r in rows if r["rank"] is not None}


def total_row(rows):
    totals = [r for r in rows if r["rank"] is None]
    assert len(totals) == 1, rows
    return totals[0]


class CatalogueTest(LedgerTest):
    # The year-end tally is made after the year is over (年终一次性兑现): every quota period of
    # 2026 is settled.
    TODAY = "2027-01-15"

    def setup_year(self, rules_file, unit):
        self.ok("init", "--unit", unit)
        self.ok("rules", "set", os.path.join(RULES, rules_file), "--year", "2026")

    def tally(self, *extra):
        return self.ok("--format", "json", "tally", "2026", *extra).json()["tally"]

    def csv_rows(self, *extra):
        r = self.ok("--format", "csv", "tally", "2026", *extra)
        self.assertTrue(r.raw.startswith(b"\xef\xbb\xbf"), r.raw[:10])
        self.assertEqual(r.raw.count(b"\n"), r.raw.count(b"\r\n"))
        lines = r.raw.decode("utf-8-sig").split("\r\n")
        return [line.split(",") for line in lines if line]

    def explain_points(self, adoption_id):
        rows = self.ok("--format", "json", "explain", adoption_id).json()["adoption"]
        return rows[-1]["points"], rows[-1]["yuan"]


class CountyInformationTest(CatalogueTest):
    """A: a department over a year; outlet points, research ×2, endorsements, a 15-piece base."""

    def setUp(self):
        super().setUp()
        build_once(self, self.build)

    def build(self):
        self.setup_year("county-information.toml", "某县委办公室")
        self.ok("dept", "add", "gongsu", "公诉科")
        self.ok("dept", "add", "office", "办公室")
        self.ok("person", "add", "张三", "--dept", "gongsu")
        self.ok("person", "add", "李四", "--dept", "office")
        self.ok("outlet", "add", "信息快报", "--level", "县级", "--media", "内刊")
        self.ok("outlet", "add", "市委办公室", "--level", "市级", "--media", "内刊")
        self.ok("outlet", "add", "省委办公厅", "--level", "省级", "--media", "内刊")
        return self.build_worked_example()

    def piece(self, title, category, day, author="张三", dept="gongsu"):
        return self.new_id("submit", title, "--kind", "信息", "--category", category, "--dept", dept,
                           "--author", author, "--date", day)

    def build_worked_example(self):
        p1 = self.piece("我院开展扫黑除恶专项斗争", "动态", "2026-03-02")
        p2 = self.piece("关于认罪认罚从宽制度适用情况的调研", "调研", "2026-04-10")
        p3 = self.piece("公诉科召开案件讨论会", "动态", "2026-05-06")
        return {
            "a_whole": self.new_id("adopt", p1, "--outlet", "信息快报", "--date", "2026-03-05", "--form", "单条"),
            "a_city": self.new_id("adopt", p1, "--outlet", "市委办公室", "--date", "2026-03-09", "--endorsed-by", "市领导"),
            "a_research": self.new_id("adopt", p2, "--outlet", "省委办公厅", "--date", "2026-04-20"),
            "a_merged": self.new_id("adopt", p3, "--outlet", "信息快报", "--date", "2026-05-08", "--form", "综合"),
            "others": [self.piece(f"动态信息{i}", "动态", f"2026-{6 + i % 6:02d}-{1 + i:02d}") for i in range(13)],
        }

    def test_worked_example_scores_138_for_the_department(self):
        self.assertEqual(self.explain_points(self.a_whole), (5, 0))
        self.assertEqual(self.explain_points(self.a_city), (40, 0))  # 10 + 市领导 30
        self.assertEqual(self.explain_points(self.a_research), (40, 0))  # 20 × 2
        self.assertEqual(self.explain_points(self.a_merged), (3, 0))  # 综合 3, not 单条 5
        gongsu = rows_by(self.tally(), "code")["gongsu"]
        self.assertEqual(gongsu["submitted"], 16)
        self.assertEqual(gongsu["points"], 88)
        self.assertEqual(gongsu["quota_reward"], 50)
        self.assertEqual(gongsu["net_points"], 138)
        self.assertEqual(gongsu["rank"], 1)
        csv = self.csv_rows()
        header = csv[0]
        gongsu_csv = next(row for row in csv if row[1] == "gongsu")
        self.assertEqual(gongsu_csv[2], "公诉科")
        self.assertEqual(gongsu_csv[header.index("net points")], "138.00")
        self.assertIn("138.00", self.ok("tally", "2026").out)
        # the rules score departments: by person, the base is nobody's
        self.assertEqual(rows_by(self.tally("--by", "person"), "name")["张三"]["net_points"], 88)

    def test_fourteen_pieces_lose_the_base_of_50(self):
        self.ok("remove", self.others[0])
        self.ok("remove", self.others[1])
        gongsu = rows_by(self.tally(), "code")["gongsu"]
        self.assertEqual(gongsu["submitted"], 14)
        self.assertEqual(gongsu["quota_reward"], 0)
        self.assertEqual(gongsu["net_points"], 88)

    def test_before_the_year_is_over_the_base_is_progress_not_yet_points(self):
        running = {"INFOTALLY_TODAY": "2026-11-22"}
        gongsu = rows_by(self.ok("--format", "json", "tally", "2026", env=running).json()["tally"], "code")["gongsu"]
        self.assertEqual((gongsu["quota_reward"], gongsu["net_points"]), (0, 88))
        self.assertIn("running quotas not yet settled", self.ok("tally", "2026", env=running).out.splitlines()[0])
        status = self.ok("--format", "json", "status", env=running).json()["status"]
        row = next(r for r in status if r["dept"] == "公诉科")
        self.assertEqual((row["quota"], row["target"], row["done"], row["state"]), ("全年报送15条基础分", 15, 16, "done"))

    def test_research_doubles_only_at_city_or_provincial_level(self):
        p = self.piece("县域营商环境调研", "调研", "2026-06-01", author="李四", dept="office")
        county = self.new_id("adopt", p, "--outlet", "信息快报", "--date", "2026-06-05")
        city = self.new_id("adopt", p, "--outlet", "市委办公室", "--date", "2026-06-06")
        self.assertEqual(self.explain_points(county), (5, 0))  # not doubled
        self.assertEqual(self.explain_points(city), (20, 0))  # 10 × 2
        office = rows_by(self.tally(), "code")["office"]
        self.assertEqual(office["net_points"], 25)  # cumulative 5 + 20; one piece earns no base
        self.assertEqual(office["quota_reward"], 0)


class CourtPublicityTest(CatalogueTest):
    """B: a person over a year; outlet bonuses, placement factors, sent directly, a flat 200."""

    def setUp(self):
        super().setUp()
        build_once(self, self.build)

    def build(self):
        self.setup_year("court-research-publicity.toml", "某县人民法院")
        self.ok("dept", "add", "zhixing", "执行局")
        self.ok("person", "add", "赵磊", "--dept", "zhixing")
        self.ok("person", "add", "孙强", "--dept", "zhixing")
        self.ok("outlet", "add", "人民法院报", "--level", "国家级", "--media", "报刊")
        self.ok("outlet", "add", "省高级人民法院", "--level", "省级", "--media", "内刊")
        self.ok("outlet", "add", "新华社", "--level", "国家级", "--media", "网络")

    def piece(self, title, kind, day, author, *extra):
        return self.new_id("submit", title, "--kind", kind, "--dept", "zhixing", "--author", author, "--date", day,
                           *extra)

    def test_worked_example_scores_367_for_the_person(self):
        p1 = self.piece("执行干警雪夜蹲守抓获老赖", "宣传", "2026-02-03", "赵磊")
        p2 = self.piece("我院执行工作“一案一账”机制", "信息", "2026-03-03", "赵磊", "--destination", "direct")
        p3 = self.piece("全省法院集中执行行动首日", "宣传", "2026-04-03", "赵磊")
        front = self.new_id("adopt", p1, "--outlet", "人民法院报", "--date", "2026-02-10", "--placement", "头版")
        direct = self.new_id("adopt", p2, "--outlet", "省高级人民法院", "--date", "2026-03-10")
        wire = self.new_id("adopt", p3, "--outlet", "新华社", "--date", "2026-04-10")
        self.assertEqual(self.explain_points(front), (160, 0))  # (50 + 30) × 2
        self.assertEqual(self.explain_points(direct), (7, 0))  # 5 + 2
        self.assertEqual(self.explain_points(wire), (200, 0))
        zhao = rows_by(self.tally(), "name")["赵磊"]
        self.assertEqual(zhao["net_points"], 367)
        self.assertEqual(zhao["adoptions"], 3)
        self.assertEqual(zhao["dept"], "执行局")
        csv = self.csv_rows("--by", "person")
        header = csv[0]
        zhao_csv = next(row for row in csv if row[1] == "赵磊")
        self.assertEqual(zhao_csv[header.index("net points")], "367.00")
        dept = rows_by(self.tally("--by", "dept"), "code")["zhixing"]
        self.assertEqual(dept["net_points"], 367)

    def test_without_placement_or_direct_sending_the_extras_do_not_apply(self):
        p1 = self.piece("执行局开展反规避执行专项行动", "宣传", "2026-05-03", "孙强")
        p2 = self.piece("执行案件繁简分流的做法", "信息", "2026-05-04", "孙强")  # through the 中院
        p3 = self.piece("执行和解促成企业复工", "宣传", "2026-05-05", "孙强")
        p4 = self.piece("新华社通稿：法院执行攻坚", "宣传", "2026-05-06", "孙强")
        plain = self.new_id("adopt", p1, "--outlet", "人民法院报", "--date", "2026-05-10")
        indirect = self.new_id("adopt", p2, "--outlet", "省高级人民法院", "--date", "2026-05-10")
        lead = self.new_id("adopt", p3, "--outlet", "人民法院报", "--date", "2026-05-11", "--placement", "头版头条")
        wire = self.new_id("adopt", p4, "--outlet", "新华社", "--date", "2026-05-12", "--placement", "头版")
        self.assertEqual(self.explain_points(plain), (80, 0))  # not 160
        self.assertEqual(self.explain_points(indirect), (5, 0))  # not 7
        self.assertEqual(self.explain_points(lead), (240, 0))  # 头版头条 ×3
        self.assertEqual(self.explain_points(wire), (200, 0))  # flat: no placement factor
        sun = rows_by(self.tally(), "name")["孙强"]
        self.assertEqual(sun["net_points"], 525)
        self.assertEqual(rows_by(self.tally(), "name")["赵磊"]["net_points"], 0)


class TownshipMoneyTest(CatalogueTest):
    """C: money per piece to people, highest adoption only, equal split with piece credit, and
    monthly office quotas whose miss costs every member a point."""

    def setUp(self):
        super().setUp()
        build_once(self, self.build)

    def build(self):
        self.setup_year("township-money.toml", "东茗乡")
        self.ok("dept", "add", "dzb", "党政办")
        self.ok("dept", "add", "nyb", "农业办")
        self.ok("dept", "add", "zzb", "综治办")
        for name, dept in (("李明", "dzb"), ("王芳", "dzb"), ("陈静", "nyb"), ("刘洋", "nyb"), ("赵强", "zzb")):
            self.ok("person", "add", name, "--dept", dept)
        self.ok("outlet", "add", "县广播电台", "--level", "县级", "--media", "电台")
        self.ok("outlet", "add", "市日报", "--level", "市级", "--media", "报刊")
        self.ok("outlet", "add", "新昌信息", "--level", "县级", "--media", "内刊")
        self.ok("outlet", "add", "乡镇工作简报", "--level", "县级", "--media", "内刊")
        # the worked example
        joint = self.new_id("submit", "东茗乡茶园春耕忙", "--kind", "宣传", "--dept", "dzb", "--author", "李明",
                            "--author", "王芳", "--length", "600", "--date", "2026-02-03")
        ids = {"radio": self.new_id("adopt", joint, "--outlet", "县广播电台", "--date", "2026-02-05"),
               "paper": self.new_id("adopt", joint, "--outlet", "市日报", "--date", "2026-02-08")}
        chen = self.new_id("submit", "农业办开展春季防汛检查", "--kind", "信息", "--dept", "nyb", "--author", "陈静",
                           "--length", "300", "--date", "2026-01-12")
        ids["bulletin"] = self.new_id("adopt", chen, "--outlet", "新昌信息", "--date", "2026-01-15")
        # 农业办 sends a piece every month but March; 综治办 every month; 党政办 five in January
        for month in [2] + list(range(4, 13)):
            self.ok("submit", f"农业信息{month}月", "--kind", "信息", "--dept", "nyb", "--author", "刘洋",
                    "--date", f"2026-{month:02d}-10")
        for month in range(1, 13):
            self.ok("submit", f"综治信息{month}月", "--kind", "信息", "--dept", "zzb", "--author", "赵强",
                    "--date", f"2026-{month:02d}-11")
        for i in range(5):
            self.ok("submit", f"党政信息{i}", "--kind", "信息", "--dept", "dzb", "--author", "李明",
                    "--date", f"2026-01-{20 + i}")
        return ids

    def test_worked_example_pays_per_piece_once_and_splits_it(self):
        self.assertEqual(self.explain_points(self.paper), (0, 65))  # 35 + 30 for 600 characters
        self.assertEqual(self.explain_points(self.radio), (0, 0))  # paid once, at the highest
        self.assertEqual(self.explain_points(self.bulletin), (0, 25))  # 300 characters: no extra
        february = self.ok("--format", "json", "report", "month", "2026-02").json()["adoptions"]
        self.assertEqual([(a["outlet"], a["yuan"], a["note"]) for a in february],
                         [("县广播电台", 0, "not counted (policy highest)"), ("市日报", 65, "")])
        people = rows_by(self.tally("--by", "person"), "name")
        self.assertEqual(people["李明"]["net_yuan"], 32.5)
        self.assertEqual(people["王芳"]["net_yuan"], 32.5)
        self.assertEqual(people["陈静"]["net_yuan"], 25)
        self.assertEqual(people["王芳"]["adopted"], 0.5)
        self.assertEqual(people["王芳"]["submitted"], 0.5)
        self.assertEqual(people["李明"]["adopted"], 0.5)
        self.assertEqual(people["赵强"]["net_yuan"], 0)
        # money is what these rules pay: ranked by it, not by the penalty points
        self.assertEqual({n: r["rank"] for n, r in people.items()}, {"李明": 1, "王芳": 1, "陈静": 3, "刘洋": 4, "赵强": 4})
        self.assertIn("ranked by net yuan", self.ok("tally", "2026").out.splitlines()[0])
        depts = rows_by(self.tally("--by", "dept"), "code")
        self.assertEqual(depts["dzb"]["net_yuan"], 65)  # not 70: no double reward
        self.assertEqual(depts["dzb"]["adoptions"], 2)
        self.assertEqual(total_row(self.tally("--by", "dept"))["net_yuan"], 90)
        csv = self.csv_rows("--by", "person")
        header = csv[0]
        by_name = {row[1]: row for row in csv[1:]}
        self.assertEqual(by_name["李明"][header.index("net yuan")], "32.50")
        self.assertEqual(by_name["王芳"][header.index("net yuan")], "32.50")
        self.assertEqual(by_name["陈静"][header.index("net yuan")], "25.00")
        self.assertEqual(by_name["王芳"][header.index("adopted")], "0.50")

    def test_an_office_that_sent_nothing_in_march_costs_each_member_a_point(self):
        people = rows_by(self.tally("--by", "person"), "name")
        for name in ("陈静", "刘洋"):  # 农业办: March only
            self.assertEqual(people[name]["penalty"], -1, name)
            self.assertEqual(people[name]["net_points"], -1, name)
        self.assertEqual(people["赵强"]["penalty"], 0)  # 综治办 sent one every month
        # 党政办 needs five a month: January's five meet it, the other eleven months miss it
        self.assertEqual(people["李明"]["penalty"], -11)
        self.assertEqual(people["王芳"]["penalty"], -11)
        depts = rows_by(self.tally("--by", "dept"), "code")
        self.assertEqual(depts["nyb"]["penalty"], 0)  # the members pay, not the office
        lines = self.ok("explain", "--person", "陈静", "--year", "2026").out
        missed = [line for line in lines.splitlines() if "missed" in line]
        self.assertEqual(len(missed), 1, lines)
        self.assertIn("2026-03", missed[0])
        self.assertIn("农业办", missed[0])
        self.assertNotIn("missed", self.ok("explain", "--person", "赵强", "--year", "2026").out)

    def test_another_information_bulletin_pays_ten_yuan(self):
        s = self.new_id("submit", "乡镇简报稿", "--kind", "信息", "--dept", "zzb", "--author", "赵强",
                        "--length", "800", "--date", "2026-06-20")
        a = self.new_id("adopt", s, "--outlet", "乡镇工作简报", "--date", "2026-06-25")
        self.assertEqual(self.explain_points(a), (0, 10))  # flat: no level amount, no length extra
        self.assertEqual(rows_by(self.tally(), "name")["赵强"]["net_yuan"], 10)


if __name__ == "__main__":
    main()
