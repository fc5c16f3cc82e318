"""The reports — tally, report month, status, explain — on small ledgers with Chinese names built
by commands: exact figures, what must not count, the three formats, and bad input."""
import csv
import io
import os
import unicodedata

from ledger_cache import build_once
from support import LedgerTest, main


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def body(rows):
    """Report rows without the total row (the one without a rank)."""
    return [r for r in rows if r.get("rank") is not None]


def total(rows):
    totals = [r for r in rows if r.get("rank") is None]
    assert len(totals) == 1, rows
    return totals[0]


# Points by level as the defaults, a false report (虚报) that scores 0 and loses 5, and a reward of
# 4 for each quarter in which a person had a piece adopted.
TALLY_RULES = """
subject = "person"
[authors]
split = "declared"

[[base]]
level = "国家级"
points = 10
[[base]]
level = "省级"
points = 6
[[base]]
level = "市级"
points = 3
[[base]]
level = "县级"
points = 1

[[penalty]]
name = "虚报"
tag = "虚报"
points = 5
zero = true

[[quota]]
name = "每季度采用"
who = "person"
measure = "adopted"
period = "quarter"
target = 1
reward = 4
"""

PERSON_KEYS = ["rank", "name", "dept", "submitted", "adopted", "adoptions", "points", "quota_reward", "penalty",
               "net_points", "yuan", "penalty_yuan", "net_yuan"]
DEPT_KEYS = ["rank", "code", "name"] + PERSON_KEYS[3:]
NUMBERS = PERSON_KEYS[3:]


class ReportTest(LedgerTest):
    def build_once(self, build):
        build_once(self, build)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def set_rules(self, text, year=2026):
        self.ok("rules", "set", self.write(f"rules-{year}.toml", text), "--year", year)

    def default_rules_plus(self, extra):
        """This ledger's default rules for 2026 with `extra` appended."""
        self.set_rules(self.ok("rules", "show", "--year", "2026").out + "\n" + extra)

    def piece(self, title, dept, day, *authors, extra=()):
        args = ["submit", title, "--kind", "info", "--dept", dept, "--date", day]
        for a in authors:
            args += ["--author", a]
        return self.new_id(*args, *extra)

    def adopt(self, sid, outlet, day, *extra):
        return self.new_id("adopt", sid, "--outlet", outlet, "--date", day, *extra)

    def json(self, *args, **kw):
        return self.ok("--format", "json", *args, **kw).json()

    def tally(self, *args, **kw):
        return self.json("tally", "2026", *args, **kw)["tally"]

    def named(self, rows, key="name"):
        return {r[key]: r for r in body(rows)}

    def explain_total(self, adoption_id):
        rows = self.json("explain", adoption_id)["adoption"]
        self.assertEqual(rows[-1]["step"], "total")
        return rows[-1]["points"]


class TallyTest(ReportTest):
    def setUp(self):
        super().setUp()
        self.build_once(self.build)

    def build(self):
        self.make_ledger()
        self.ok("person", "add", "赵六", "--dept", "zhixing")
        self.set_rules(TALLY_RULES)
        self.adopt(self.piece("扫黑除恶工作动态", "office", "2026-02-01", "张三"), "检察日报", "2026-02-10")
        self.adopt(self.piece("认罪认罚从宽的做法", "gongsu", "2026-03-01", "李四"), "省院《检察信息》", "2026-03-10")
        self.adopt(self.piece("公益诉讼典型案例", "gongsu", "2026-05-01", "王芳"), "省院《检察信息》", "2026-05-10")
        self.adopt(self.piece("社区矫正监督", "zhixing", "2026-08-01", "赵六"), "市委办公室", "2026-08-10")
        false_report = self.piece("虚构的成效", "zhixing", "2026-08-20", "赵六", extra=("--tag", "虚报"))
        return {"zeroed": self.adopt(false_report, "检察日报", "2026-09-01")}

    def test_ranks_share_ties_and_skip(self):
        rows = self.tally()
        people = self.named(rows)
        self.assertEqual([(r["name"], r["rank"]) for r in body(rows)],
                         [("张三", 1), ("李四", 2), ("王芳", 2), ("赵六", 4)])
        self.assertEqual(people["张三"]["net_points"], 14)  # 10 + Q1 reward 4
        self.assertEqual(people["李四"]["net_points"], 10)
        self.assertEqual(people["赵六"]["net_points"], 2)  # 3 + Q3 reward 4 − 5; the false report scores 0
        self.assertEqual(people["赵六"]["penalty"], -5)
        self.assertEqual(self.explain_total(self.zeroed), 0)  # not 10
        september = self.json("report", "month", "2026-09")["adoptions"]
        self.assertEqual([(a["id"], a["points"], a["note"]) for a in september],
                         [(int(self.zeroed), 0, "scores 0: penalty on the piece")])
        depts = self.tally("--by", "dept")
        self.assertEqual([(r["code"], r["rank"], r["net_points"]) for r in body(depts)],
                         [("gongsu", 1, 12), ("office", 2, 10), ("zhixing", 3, -2)])

    def test_columns_add_up_and_the_total_row_is_the_sum(self):
        for by, keys in (("person", PERSON_KEYS), ("dept", DEPT_KEYS)):
            rows = self.tally("--by", by)
            for r in rows:
                self.assertEqual(list(r), keys, "json keys are stable, in order")
                self.assertAlmostEqual(r["points"] + r["quota_reward"] + r["penalty"], r["net_points"], places=2)
                self.assertAlmostEqual(r["yuan"] + r["penalty_yuan"], r["net_yuan"], places=2)
            for key in NUMBERS:
                self.assertAlmostEqual(sum(r[key] for r in body(rows)), total(rows)[key], places=2, msg=key)
            self.assertEqual(len(body(rows)), 4 if by == "person" else 3)
        self.assertEqual(total(self.tally())["net_points"], 36)
        self.assertEqual(total(self.tally())["quota_reward"], 16)

    def test_csv_opens_in_excel_and_names_every_author(self):
        r = self.ok("--format", "csv", "tally", "2026")
        self.assertTrue(r.raw.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(r.raw.count(b"\n"), r.raw.count(b"\r\n"))
        lines = r.raw.decode("utf-8-sig").split("\r\n")
        self.assertEqual(lines[0].split(",")[:3], ["#", "name", "dept"])
        names = [line.split(",")[1] for line in lines[1:] if line]
        self.assertEqual(names, ["张三", "李四", "王芳", "赵六", "total"])
        self.assertIn("1,张三,办公室,1,1,1,10.00,4.00,0.00,14.00", r.out)

    def test_text_table_lines_up_chinese_names(self):
        lines = self.ok("tally", "2026").out.splitlines()
        self.assertIn("2026 person tally", lines[0])
        self.assertIn("测试县人民检察院", lines[0])
        self.assertIn("running quotas not yet settled", lines[0])  # run on 2026-11-22: Q4 is not settled
        table = lines[1:]
        self.assertEqual(len({width(line) for line in table}), 1, "\n".join(lines))
        self.assertTrue(table[-1].lstrip().startswith("total"), table[-1])
        self.assertTrue(set(table[-2]) == {"─"}, "a rule above the total")
        for name, dept in (("张三", "办公室"), ("赵六", "刑事执行检察部")):
            row = next(line for line in table if name in line)
            self.assertEqual(width(row[:row.index(dept)]), width(table[0][:table[0].index("dept")]), row)

    def test_a_quarter_still_running_is_not_rewarded_until_it_is_over(self):
        self.adopt(self.piece("十月动态", "gongsu", "2026-10-05", "李四"), "市委办公室", "2026-10-09")
        self.assertEqual(self.named(self.tally())["李四"]["quota_reward"], 4)  # Q1 only: Q4 runs on
        after = self.tally(env={"INFOTALLY_TODAY": "2027-01-05"})
        self.assertEqual(self.named(after)["李四"]["quota_reward"], 8)
        self.assertNotIn("running quotas not yet settled", self.ok("tally", "2026", env={"INFOTALLY_TODAY": "2027-01-05"}).out)

    def test_explain_person_lines_add_up_to_the_tally(self):
        people = self.named(self.tally())
        for name in ("张三", "赵六"):
            rows = self.json("explain", "--person", name, "--year", "2026")["explain"]
            lines = [r for r in rows[:-1] if r["points"] is not None]
            self.assertEqual(rows[-1]["step"], "total")
            self.assertAlmostEqual(sum(r["points"] for r in lines), rows[-1]["points"], places=2)
            self.assertEqual(rows[-1]["points"], people[name]["net_points"])
        text = self.ok("explain", "--person", "赵六", "--year", "2026").out
        self.assertIn("虚报", text)
        self.assertIn("-5.00", text)
        self.assertIn("2026-Q3", text)
        self.assertNotIn("2026-Q4", text)  # still running on 2026-11-22


class MonthReportTest(ReportTest):
    def setUp(self):
        super().setUp()
        self.build_once(self.make_ledger)

    def month(self, m, **kw):
        return self.json("report", "month", m, **kw)

    def test_adoption_rate_points_by_level_rank_and_the_months_adoptions(self):
        # 第一检察部 writes 47 pieces in March 2026, 32 adopted by the city (3 points each): 68.1%,
        # the rate of the seeds' 116 written, 79 adopted. 办公室 writes 11, 6 adopted: 54.5%
        # (54.5454…%, rounded once — not 54.6% from a ratio already rounded to 0.5455).
        for i in range(47):
            day = 1 + i % 27
            sid = self.piece(f"三月信息{i + 1}", "gongsu", f"2026-03-{day:02d}", "李四")
            if i < 32:
                self.adopt(sid, "市委办公室", f"2026-03-{day + 1:02d}")
        for i in range(11):
            sid = self.piece(f"办公室信息{i + 1}", "office", f"2026-03-{i + 1:02d}", "张三")
            if i < 5:
                self.adopt(sid, "市委办公室", "2026-03-20")
        national = self.adopt(sid, "检察日报", "2026-03-31")
        report = self.month("2026-03")
        self.assertEqual(list(report), ["month", "year_to_date", "adoptions"])
        rows = self.named(report["month"], "dept")
        g = rows["第一检察部"]
        self.assertEqual((g["submitted"], g["adopted"], g["adoption_rate"]), (47, 32, "68.1%"))
        self.assertEqual((g["points_city"], g["points_national"], g["points"], g["rank"]), (96, 0, 96, 1))
        o = rows["办公室"]
        self.assertEqual((o["submitted"], o["adopted"], o["adoption_rate"]), (11, 6, "54.5%"))
        self.assertEqual((o["points_city"], o["points_national"], o["points"], o["rank"]), (15, 10, 25, 2))
        z = rows["刑事执行检察部"]
        self.assertEqual((z["submitted"], z["adoption_rate"], z["points"], z["rank"]), (0, "", 0, 3))
        t = total(report["month"])
        self.assertEqual((t["submitted"], t["adopted"], t["adoption_rate"], t["points"]), (58, 38, "65.5%", 121))
        levels = ["points_national", "points_provincial", "points_city", "points_county", "points_submission"]
        for r in report["month"]:
            self.assertEqual(sum(r[k] for k in levels), r["points"], r)  # the columns add up
        self.assertEqual(report["year_to_date"], report["month"])  # nothing before March
        listed = report["adoptions"]
        self.assertEqual(len(listed), 38)
        self.assertEqual([a["adopted_on"] for a in listed], sorted(a["adopted_on"] for a in listed))
        self.assertEqual({(a["dept"], a["level"], a["points"]) for a in listed if a["dept"] == "第一检察部"},
                         {("第一检察部", "市级", 3)})
        self.assertEqual((listed[-1]["id"], listed[-1]["points"], listed[-1]["outlet"], listed[-1]["authors"]),
                         (int(national), 10, "检察日报", "张三"))
        text = self.ok("report", "month", "2026-03").out
        self.assertIn("68.1%", text)
        self.assertIn("54.5%", text)
        for level in ("国家级", "省级", "市级", "县级"):
            self.assertIn(level, text.splitlines()[1])
        # April: nothing yet, while the year to date keeps March
        april = self.month("2026-04")
        self.assertEqual(self.named(april["month"], "dept")["第一检察部"]["submitted"], 0)
        self.assertEqual(self.named(april["year_to_date"], "dept")["第一检察部"]["adoption_rate"], "68.1%")
        self.assertEqual(april["adoptions"], [])

    def test_same_month_last_year_and_the_change(self):
        for i in range(10):
            self.adopt(self.piece(f"去年三月{i}", "office", "2025-03-02", "张三"), "市委办公室", "2025-03-10")
        for i in range(2):
            self.adopt(self.piece(f"去年一月{i}", "office", "2025-01-05", "张三"), "市委办公室", "2025-01-10")
        for i in range(5):
            self.adopt(self.piece(f"今年三月{i}", "office", "2026-03-02", "张三"), "市委办公室", "2026-03-10")
        self.adopt(self.piece("第一检察部三月", "gongsu", "2026-03-02", "李四"), "检察日报", "2026-03-10")
        report = self.month("2026-03")
        office = self.named(report["month"], "dept")["办公室"]
        self.assertEqual((office["adopted"], office["last_year_adopted"], office["adopted_change"]), (5, 10, "-50.0%"))
        ytd = self.named(report["year_to_date"], "dept")["办公室"]
        self.assertEqual((ytd["adopted"], ytd["last_year_adopted"], ytd["adopted_change"]), (5, 12, "-58.3%"))
        gongsu = self.named(report["month"], "dept")["第一检察部"]
        self.assertEqual((gongsu["last_year_adopted"], gongsu["adopted_change"]), (0, ""))  # nothing to compare
        t = total(report["month"])
        self.assertEqual((t["adopted"], t["last_year_adopted"], t["adopted_change"]), (6, 10, "-40.0%"))
        self.assertNotIn("去年", str(report["adoptions"]))  # only this month's adoptions are listed
        text = self.ok("report", "month", "2026-03").out
        self.assertIn("-50.0%", text)
        self.assertIn("2025-03", text.splitlines()[0])
        # In CSV a fall stays a percentage Excel can sort: no formula apostrophe before "-50.0%".
        raw = self.ok("--format", "csv", "report", "month", "2026-03").out.lstrip("\ufeff")
        cells = [c for row in csv.reader(io.StringIO(raw)) for c in row]
        self.assertIn("-50.0%", cells)
        self.assertFalse([c for c in cells if c.startswith("'")], cells)

    def test_last_year_counts_each_piece_once_in_the_department_credited_by_adoption_date(self):
        # Last year's side is counted straight from the ledger (no rules): these are the cases
        # where a count by rows, or by submission date, would differ from the pieces adopted.
        for i in range(3):
            self.adopt(self.piece(f"去年三月{i}", "office", "2025-03-02", "张三"), "市委办公室", "2025-03-10")
        self.adopt(self.piece("去年一月", "office", "2025-01-05", "张三"), "市委办公室", "2025-01-10")
        twice = self.piece("去年三月两次采用", "office", "2025-03-01", "张三")
        self.adopt(twice, "市委办公室", "2025-03-05")
        self.adopt(twice, "检察日报", "2025-03-20")  # one piece, adopted twice in the month
        self.adopt(self.piece("前年报送去年采用", "office", "2024-12-20", "张三"), "市委办公室", "2025-03-03")
        self.adopt(self.piece("去年三月报送四月采用", "office", "2025-03-25", "张三"), "市委办公室", "2025-04-02")
        self.piece("去年三月未采用", "office", "2025-03-26", "张三")
        # credited to the department given with --dept, not to the author's (张三 is in 办公室)
        self.adopt(self.piece("去年三月刑执", "zhixing", "2025-03-04", "张三"), "检察日报", "2025-03-11")
        for i in range(2):
            self.adopt(self.piece(f"今年三月{i}", "office", "2026-03-02", "张三"), "市委办公室", "2026-03-10")
        report = self.month("2026-03")
        month, ytd = self.named(report["month"], "dept"), self.named(report["year_to_date"], "dept")
        self.assertEqual((month["办公室"]["last_year_adopted"], month["办公室"]["adopted_change"]), (5, "-60.0%"))
        self.assertEqual((ytd["办公室"]["last_year_adopted"], ytd["办公室"]["adopted_change"]), (6, "-66.7%"))
        self.assertEqual((month["刑事执行检察部"]["last_year_adopted"], month["刑事执行检察部"]["adopted"]), (1, 0))
        self.assertEqual(month["第一检察部"]["last_year_adopted"], 0)
        self.assertEqual(total(report["month"])["last_year_adopted"], 6)
        self.assertEqual(total(report["year_to_date"])["last_year_adopted"], 7)
        # The HTML page's figures: last March's submissions (the six of 办公室 submitted in March,
        # adopted or not, and 刑执's) and last year's pieces adopted to the end of March.
        page = self.ok("report", "month", "2026-03", "--format", "html", "--lang", "en").out
        self.assertIn("same month last year: 7 pieces", page)
        self.assertIn("same period last year: 7 pieces", page)

    def test_a_month_without_data_still_prints(self):
        report = self.month("2026-07")
        self.assertEqual(sorted(r["dept"] for r in body(report["month"])), sorted(["办公室", "第一检察部", "刑事执行检察部"]))
        self.assertEqual(total(report["month"])["submitted"], 0)
        self.assertEqual(report["adoptions"], [])
        text = self.ok("report", "month", "2026-07").out
        self.assertIn("adoptions in 2026-07", text)
        self.assertIn("(none)", text)
        csv = self.ok("--format", "csv", "report", "month", "2026-07")
        self.assertTrue(csv.raw.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(csv.raw.count(b"\n"), csv.raw.count(b"\r\n"))

    def test_the_month_table_lines_up(self):
        self.adopt(self.piece("三月信息", "gongsu", "2026-03-02", "李四", "王芳"), "检察日报", "2026-03-05")
        text = self.ok("report", "month", "2026-03").out
        header, rule, *rows = text.split("\n\n")[0].splitlines()[1:]
        self.assertEqual(len(rows), 5, text)  # three departments, a rule, the total
        # after the Chinese names, every number ends where its header ends
        for column in ("submitted", "rate", "points", "yuan"):
            end = width(header[:header.index(column) + len(column)])
            for row in rows:
                if set(row) == {"─"} or (column == "rate" and "%" not in row):
                    continue  # a rule; no submissions, no rate
                cut = next(i for i in range(len(row) + 1) if width(row[:i]) >= end)
                self.assertNotEqual(row[cut - 1], " ", f"{column}: {row}")
                self.assertTrue(cut == len(row) or row[cut] == " ", f"{column}: {row}")
        self.assertIn("李四、王芳", text)


class StatusTest(ReportTest):
    QUOTAS = """
[[quota]]
name = "全年报送任务"
who = "dept"
measure = "submitted"
period = "year"
target = 12
targets = { office = 4 }

[[quota]]
name = "个人采用任务"
who = "person"
measure = "adopted"
period = "year"
target = 2
"""

    def setUp(self):
        super().setUp()
        self.build_once(self.build)

    def build(self):
        self.make_ledger()
        self.default_rules_plus(self.QUOTAS)  # the defaults have 重要 3 days, others 5 days
        late = self.piece("重要案情迟报", "office", "2026-03-10", "张三", extra=("--occurred", "2026-03-01", "--tag", "重要"))
        in_time = self.piece("重要案情及时报", "office", "2026-04-04", "张三",
                             extra=("--occurred", "2026-04-01", "--tag", "重要"))
        self.piece("一般信息及时报", "office", "2026-04-05", "张三", extra=("--occurred", "2026-04-01"))
        late_ordinary = self.piece("一般信息迟报", "gongsu", "2026-05-08", "李四", extra=("--occurred", "2026-05-01"))
        february = self.piece("第一检察部二月", "gongsu", "2026-02-01", "李四")
        self.piece("第一检察部七月", "gongsu", "2026-07-05", "李四")  # after the as-of date
        self.adopt(late, "检察日报", "2026-03-15")
        self.adopt(in_time, "市委办公室", "2026-04-10")
        self.adopt(february, "市委办公室", "2026-02-10")
        return {"late_important": late, "late_ordinary": late_ordinary}

    def status(self, *args):
        return self.json("status", "--year", "2026", "--as-of", "2026-06-30", *args)

    def test_department_quota_completion_expected_pace_and_behind(self):
        report = self.status()
        rows = {r["dept"]: r for r in report["status"]}
        office = rows["办公室"]  # 3 of 4 by 30 June (day 181 of 365)
        self.assertEqual((office["quota"], office["target"], office["done"], office["completion"]),
                         ("全年报送任务", 4, 3, "75.0%"))
        self.assertEqual((office["expected"], office["projected"], office["state"]), (1.98, 6.05, "on track"))
        gongsu = rows["第一检察部"]  # 2 of 12: the July piece is after the as-of date
        self.assertEqual((gongsu["target"], gongsu["done"], gongsu["completion"]), (12, 2, "16.7%"))
        self.assertEqual((gongsu["expected"], gongsu["projected"], gongsu["state"]), (5.95, 4.03, "BEHIND"))
        self.assertEqual(rows["刑事执行检察部"]["state"], "BEHIND")
        text = self.ok("status", "--year", "2026", "--as-of", "2026-06-30").out
        behind = [line for line in text.splitlines() if "BEHIND" in line]
        self.assertEqual(len(behind), 2, text)
        self.assertFalse(any("办公室" in line for line in behind), text)
        self.assertIn("2026 quota status as of 2026-06-30", text.splitlines()[0])

    def test_by_person(self):
        rows = {r["name"]: r for r in self.status("--by", "person")["status"]}
        self.assertEqual((rows["张三"]["dept"], rows["张三"]["done"], rows["张三"]["state"]), ("办公室", 2, "done"))
        self.assertEqual((rows["李四"]["done"], rows["李四"]["expected"], rows["李四"]["state"]), (1, 0.99, "on track"))
        self.assertEqual((rows["王芳"]["done"], rows["王芳"]["completion"], rows["王芳"]["state"]), (0, "0.0%", "BEHIND"))
        self.assertEqual(rows["王芳"]["quota"], "个人采用任务")

    def test_overdue_submissions_against_the_time_limits(self):
        overdue = self.status()["overdue"]
        self.assertEqual([r["id"] for r in overdue], [int(self.late_important), int(self.late_ordinary)])
        important, ordinary = overdue
        self.assertEqual((important["tags"], important["occurred_on"], important["submitted_on"]),
                         ("重要", "2026-03-01", "2026-03-10"))
        self.assertIn("9 days", important["reason"])
        self.assertIn("limit 3 days", important["reason"])
        self.assertIn("limit 5 days", ordinary["reason"])
        text = self.ok("status", "--year", "2026", "--as-of", "2026-06-30").out
        self.assertIn("重要案情迟报", text)
        for on_time in ("重要案情及时报", "一般信息及时报"):  # 3 days for 重要, 4 of 5 for the rest
            self.assertNotIn(on_time, text)
        # before the late pieces were sent, nothing is overdue
        early = self.json("status", "--year", "2026", "--as-of", "2026-03-05")
        self.assertEqual(early["overdue"], [])

    def test_rules_without_quotas_or_time_limits_say_so(self):
        self.set_rules('[[base]]\nlevel = "国家级"\npoints = 10\n')
        r = self.ok("status", "--year", "2026", "--as-of", "2026-06-30")
        self.assertIn("no quotas", r.out.splitlines()[0])
        self.assertNotIn("overdue", r.out)
        self.assertIn("办公室", r.out)


class ExplainAndDefaultRulesTest(ReportTest):
    """The rules `init` writes: declared shares, forms, placements and endorsements all score."""

    def setUp(self):
        super().setUp()
        self.build_once(self.make_ledger)

    def test_explain_an_adoption_lists_every_rule_and_the_author_split(self):
        sid = self.piece("未成年人检察工作信息", "gongsu", "2026-03-02", "李四:0.6", "王芳:0.4")
        aid = self.adopt(sid, "检察日报", "2026-03-05", "--placement", "头版", "--endorsed-by", "市领导")
        report = self.json("explain", aid)
        lines = report["adoption"]
        steps = [r["step"] for r in lines]
        self.assertEqual(len(lines), 4, steps)  # base, factor, bonus, total
        self.assertIn("国家级", steps[0])
        self.assertIn("头版", steps[1])
        self.assertIn("市领导", steps[2])
        self.assertEqual([r["points"] for r in lines], [10, 10, 5, 25])  # 10, ×2, +5
        self.assertEqual(sum(r["points"] for r in lines[:-1]), lines[-1]["points"])
        credit = {r["name"]: r for r in report["credit"]}
        self.assertEqual((credit["李四"]["share"], credit["李四"]["points"]), ("0.6", 15))
        self.assertEqual((credit["王芳"]["share"], credit["王芳"]["points"]), ("0.4", 10))
        self.assertEqual(credit["第一检察部 (department)"]["points"], 25)
        text = self.ok("explain", aid).out
        self.assertIn("未成年人检察工作信息", text.splitlines()[0])
        self.assertIn("credited to", text)

    def test_shares_endorsement_and_placement_score_by_default(self):
        declared = self.adopt(self.piece("甲", "gongsu", "2026-03-02", "李四:0.6", "王芳:0.4"), "检察日报",
                              "2026-03-05", "--placement", "头版")
        equal = self.adopt(self.piece("乙", "gongsu", "2026-03-03", "李四", "王芳"), "检察日报", "2026-03-06")
        endorsed = self.adopt(self.piece("丙", "office", "2026-03-04", "张三"), "市委办公室", "2026-03-07",
                              "--endorsed-by", "市领导")
        plain = self.adopt(self.piece("丁", "office", "2026-03-05", "张三"), "市委办公室", "2026-03-08")
        self.assertEqual(self.explain_total(declared), 20)  # 头版 doubles
        self.assertEqual(self.explain_total(equal), 10)  # no placement: not doubled
        self.assertEqual(self.explain_total(endorsed), 8)  # 3 + 5
        self.assertEqual(self.explain_total(plain), 3)
        people = self.named(self.tally())
        self.assertEqual(people["李四"]["net_points"], 17)  # 0.6 × 20 + 0.5 × 10
        self.assertEqual(people["王芳"]["net_points"], 13)  # 0.4 × 20 + 0.5 × 10
        self.assertEqual(people["张三"]["net_points"], 11)
        self.assertEqual(people["李四"]["adopted"], 1.1)  # 0.6 + 0.5 of a piece

    def test_a_person_who_moved_keeps_old_pieces_with_the_old_department(self):
        self.ok("person", "move", "张三", "--dept", "zhixing", "--from", "2026-07-01")
        june = self.new_id("submit", "六月信息", "--kind", "info", "--author", "张三", "--date", "2026-06-20")
        july = self.new_id("submit", "七月信息", "--kind", "info", "--author", "张三", "--date", "2026-07-02")
        self.adopt(june, "检察日报", "2026-07-05")  # adopted after the move: still the old department's
        self.adopt(july, "省院《检察信息》", "2026-07-06")
        depts = self.named(self.tally("--by", "dept"), "code")
        self.assertEqual(depts["office"]["net_points"], 10)
        self.assertEqual(depts["zhixing"]["net_points"], 6)
        self.assertEqual((depts["office"]["submitted"], depts["zhixing"]["submitted"]), (1, 1))
        zhang = self.named(self.tally())["张三"]
        self.assertEqual((zhang["dept"], zhang["net_points"]), ("刑事执行检察部", 16))
        june_report = self.named(self.json("report", "month", "2026-06")["month"], "dept")
        self.assertEqual(june_report["办公室"]["submitted"], 1)
        self.assertEqual(june_report["刑事执行检察部"]["submitted"], 0)

    def test_a_year_without_rules_is_a_clear_error(self):
        self.adopt(self.piece("去年信息", "office", "2025-05-02", "张三"), "检察日报", "2025-05-06")
        for args in (["tally", "2025"], ["report", "month", "2025-05"], ["status", "--year", "2025"],
                     ["explain", "--person", "张三", "--year", "2025"]):
            self.fails(*args, mentions=["no rules are stored for 2025", "rules set FILE --year 2025"])
        self.fails("explain", "2", mentions=["2025", "rules set"])
        self.set_rules('[[base]]\nlevel = "国家级"\npoints = 7\n', year=2025)
        self.assertEqual(self.named(self.tally2025())["张三"]["net_points"], 7)

    def tally2025(self):
        return self.json("tally", "2025")["tally"]

    def test_rules_stored_for_a_later_year_do_not_change_a_past_tally(self):
        self.adopt(self.piece("今年信息", "office", "2026-05-02", "张三"), "检察日报", "2026-05-06")
        self.adopt(self.piece("明年信息", "office", "2027-01-04", "张三"), "检察日报", "2027-01-05")
        before = self.ok("--format", "csv", "tally", "2026").raw
        self.assertEqual(self.named(self.tally())["张三"]["net_points"], 10)  # the 2027 adoption is not 2026's
        self.set_rules('[[base]]\nlevel = "国家级"\npoints = 100\n', year=2027)
        self.assertEqual(self.ok("--format", "csv", "tally", "2026").raw, before)
        self.assertEqual(self.named(self.json("tally", "2027")["tally"])["张三"]["net_points"], 100)
        # and 2026 is scored by the rules stored for 2026, whatever they are
        self.set_rules('[[base]]\nlevel = "国家级"\npoints = 30\n', year=2026)
        self.assertEqual(self.named(self.tally())["张三"]["net_points"], 30)


class BadReportInputTest(ReportTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()
        self.sid = self.piece("三月信息", "gongsu", "2026-03-02", "李四")
        self.aid = self.adopt(self.sid, "检察日报", "2026-03-05")

    def test_bad_input_is_refused_and_nothing_is_written(self):
        self.fails("report", "month", "2026-13", mentions=["'2026-13' is not a month", "YYYY-MM"])
        self.fails("report", "month", "三月", mentions=["'三月' is not a month"])
        self.fails("tally", "20x6", mentions=["'20x6' is not a year"])
        self.fails("explain", "999", mentions=["999"])
        self.fails("explain", self.sid, mentions=[f"record {self.sid} is a submission", f"show {self.sid}"])
        self.fails("explain", "--person", "无名氏", "--year", "2026", mentions=["unknown person '无名氏'"])
        self.fails("explain", "--person", "李四", "--year", "20x6", mentions=["20x6"])
        self.fails("status", "--as-of", "2026-02-30", mentions=["2026-02-30"])
        self.fails("status", "--year", "2026", "--as-of", "2025-12-31", mentions=["not in 2026"])
        self.fails("tally", "2026", "--by", "nobody", code=2, mentions=["unknown --by 'nobody'", "--by person"])
        self.fails("tally", "2031", "--by", "nobody", code=2, mentions=["nobody"])  # before the rules are read
        self.fails("status", "--by", "nobody", code=2, mentions=["nobody"])
        self.fails("explain", code=2)
        self.fails("explain", "--person", "李四", code=2, mentions=["--year"])
        self.fails("explain", self.aid, "--person", "李四", "--year", "2026", code=2)
        self.fails("tally", code=2)
        self.fails("report", "month", code=2)

    def test_years_and_months_typed_with_a_chinese_keyboard_mean_the_same(self):
        # full-width digits and 年/月, as a Chinese input method in full-width mode writes them
        same = [(["tally", "2026"], ["tally", "２０２６"], "李四"), (["tally", "2026"], ["tally", "2026年"], "李四"),
                (["report", "month", "2026-03"], ["report", "month", "２０２６年３月"], "三月信息"),
                (["status", "--year", "2026", "--as-of", "2026-03-31"],
                 ["status", "--year", "２０２６年", "--as-of", "２０２６年３月３１日"], "第一检察部"),
                (["list", "adoptions", "--year", "2026"], ["list", "adoptions", "--year", "２０２６"], "三月信息"),
                (["list", "adoptions", "--month", "2026-03"], ["list", "adoptions", "--month", "２０２６－０３"], "三月信息"),
                (["explain", "--person", "李四", "--year", "2026"], ["explain", "--person", "李四", "--year", "２０２６"], "三月信息"),
                (["export", "--year", "2026"], ["export", "--year", "２０２６年"], "三月信息")]
        for plain, typed, shown in same:
            expected = self.ok(*plain).out
            self.assertIn(shown, expected, plain)
            self.assertEqual(self.ok(*typed).out, expected, typed)
        # and what is not a year still is not, with the hint for where it was given
        self.fails("tally", "２０２６年年", mentions=["'２０２６年年' is not a year", "e.g. 2026"])
        self.fails("export", "--year", "二〇二六", mentions=["'二〇二六' is not a year", "--year 2026"])
        self.fails("report", "month", "２０２６年１３月", mentions=["is not a month"])


if __name__ == "__main__":
    main()
