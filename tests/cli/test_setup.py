"""init, dept, person, outlet, rules: the set-up commands, run as the real binary."""
import os
import sqlite3

from support import LedgerTest, main


class InitTest(LedgerTest):
    def test_init_creates_a_ledger_with_schema_wal_and_this_years_rules(self):
        r = self.ok("init", "--unit", "某某县人民检察院")
        self.assertIn("某某县人民检察院", r.out)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        self.assertGreaterEqual(con.execute("PRAGMA user_version").fetchone()[0], 1)
        self.assertEqual(con.execute("SELECT name FROM unit").fetchone()[0], "某某县人民检察院")
        years = [y for (y,) in con.execute("SELECT year FROM rules")]
        self.assertEqual(years, [2026])  # INFOTALLY_TODAY is in 2026
        strict = con.execute("SELECT sql FROM sqlite_master WHERE name = 'submissions'").fetchone()[0]
        self.assertIn("STRICT", strict)
        con.close()
        shown = self.ok("rules", "show", "--year", "2026").out
        for word in ("national", "国家级", "provincial", "省级", "city", "市级", "county", "县级",
                     "print", "online", "radio", "tv", "newmedia", "internal", "信息", "宣传"):
            self.assertIn(word, shown)

    def test_init_refuses_an_existing_ledger_and_leaves_it_alone(self):
        self.ok("init")
        self.ok("dept", "add", "office", "办公室")
        self.fails("init", mentions=["already exists", self.db])

    def test_init_into_a_missing_folder_is_a_clear_error(self):
        r = self.run_cli("init", db=False, env={"INFOTALLY_DB": os.path.join(self.dir, "no", "such", "l.db")})
        self.assertEqual(r.code, 1, r)
        self.assertIn("does not exist", r.err)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "no")))

    def test_commands_on_a_missing_ledger_say_to_run_init(self):
        self.fails("dept", "list", mentions=["no ledger", "infotally init"])
        self.assertFalse(os.path.exists(self.db))

    def test_ledger_path_comes_from_flag_then_env_then_current_folder(self):
        self.ok("init", db=False)  # ./infotally.db in the test's folder
        self.assertTrue(os.path.exists(os.path.join(self.dir, "infotally.db")))
        other = os.path.join(self.dir, "other.db")
        self.ok("init", db=False, env={"INFOTALLY_DB": other})
        self.ok("dept", "add", "x", "测试科", db=False, env={"INFOTALLY_DB": other})
        self.assertIn("测试科", self.ok("dept", "list", db=False, env={"INFOTALLY_DB": other}).out)
        self.assertNotIn("测试科", self.ok("dept", "list", db=False).out)


class DepartmentTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.ok("init")

    def test_add_list_and_retire(self):
        self.ok("dept", "add", "office", "办公室")
        self.ok("dept", "add", "gongsu", "第一检察部")
        out = self.ok("--format", "json", "dept", "list").json()
        self.assertEqual([(d["code"], d["name"]) for d in out], [("office", "办公室"), ("gongsu", "第一检察部")])
        self.ok("dept", "retire", "gongsu", "--on", "2026年6月30日")
        self.assertEqual(self.query("SELECT retired_on FROM departments WHERE code = 'gongsu'"), [("2026-06-30",)])
        self.fails("dept", "retire", "gongsu", mentions=["already retired"])

    def test_duplicate_codes_are_refused_whatever_their_case(self):
        self.ok("dept", "add", "office", "办公室")
        self.fails("dept", "add", "office", "综合办", mentions=["office", "already used"])
        self.fails("dept", "add", "OFFICE", "综合办", mentions=["already used"])
        self.fails("dept", "add", "office2", "办公室", mentions=["already exists"])

    def test_bad_names_are_refused(self):
        self.fails("dept", "add", "x", "", mentions=["empty"])
        self.fails("dept", "add", "x", "办公\n室", mentions=["control character"])
        self.fails("dept", "add", "x y", "办公室", mentions=["space"])
        self.fails("dept", "add", "x", "长" * 101, mentions=["too long"])


class PersonTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.ok("init")
        self.ok("dept", "add", "office", "办公室")
        self.ok("dept", "add", "gongsu", "第一检察部")

    def test_add_list_and_move(self):
        self.ok("person", "add", "张三", "--dept", "office")
        self.ok("person", "move", "张三", "--dept", "gongsu", "--from", "2026-07-01")
        people = self.ok("--format", "json", "person", "list").json()
        self.assertEqual(people[0]["name"], "张三")
        self.assertEqual(people[0]["dept"], "gongsu")  # today (2026-11-22) is after the move
        self.assertIn("office", people[0]["history"])
        rows = self.query("SELECT m.since, d.code FROM memberships m JOIN departments d ON d.id = m.dept_id "
                          "ORDER BY m.since")
        self.assertEqual(rows, [("1900-01-01", "office"), ("2026-07-01", "gongsu")])

    def test_unknown_department_and_duplicate_person(self):
        self.fails("person", "add", "张三", "--dept", "nosuch", mentions=["unknown department 'nosuch'", "dept list"])
        self.ok("person", "add", "张三", "--dept", "office")
        self.fails("person", "add", "张三", "--dept", "gongsu", mentions=["already exists"])
        self.fails("person", "move", "李四", "--dept", "gongsu", "--from", "2026-07-01", mentions=["unknown person '李四'"])
        self.fails("person", "move", "张三", "--dept", "office", "--from", "2026-07-01", mentions=["already belongs"])
        self.fails("person", "move", "张三", "--dept", "gongsu", "--from", "2026-02-30", mentions=["2026-02-30"])

    def test_a_retired_department_takes_no_new_people(self):
        self.ok("dept", "retire", "gongsu", "--on", "2026-01-01")
        self.fails("person", "add", "王五", "--dept", "gongsu", mentions=["retired"])


class OutletTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.ok("init")

    def test_levels_and_media_accept_chinese_aliases(self):
        self.ok("outlet", "add", "检察日报", "--level", "国家级", "--media", "报刊")
        self.ok("outlet", "add", "最高检网站", "--level", "部级", "--media", "网络")
        self.ok("outlet", "add", "省电视台", "--level", "省级", "--media", "tv")
        self.ok("outlet", "add", "County Radio", "--level", "County", "--media", "Radio")
        rows = self.query("SELECT name, level, media FROM outlets ORDER BY id")
        self.assertEqual(rows, [("检察日报", "national", "print"), ("最高检网站", "national", "online"),
                                ("省电视台", "provincial", "tv"), ("County Radio", "county", "radio")])
        listed = self.ok("outlet", "list").out
        self.assertIn("国家级", listed)

    def test_the_confirmation_names_level_and_media_as_the_rules_do(self):
        # as `outlet list` shows them, in either language: 省级 and 报刊, never the stored keys
        chinese = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
        said = self.ok("outlet", "add", "检察日报", "--level", "national", "--media", "print", env=chinese)
        self.assertIn("已添加采用单位 检察日报（国家级，报刊）", said.out + said.err)
        self.assertNotIn("national", said.out + said.err)
        said = self.ok("outlet", "add", "省电视台", "--level", "省级", "--media", "电视")
        self.assertIn("added outlet 省电视台 (省级, 电视)", said.out + said.err)
        self.assertNotIn("provincial", said.out + said.err)

    def test_unknown_level_lists_the_choices(self):
        self.fails("outlet", "add", "某报", "--level", "provincal", mentions=["unknown level 'provincal'", "provincial (省级)"])
        self.fails("outlet", "add", "某报", "--level", "省级", "--media", "paper", mentions=["unknown media type"])
        self.ok("outlet", "add", "某报", "--level", "省级")
        self.fails("outlet", "add", "某报", "--level", "市级", mentions=["already exists"])


class RulesTest(LedgerTest):
    def test_check_accepts_a_good_file_and_names_file_and_line_for_a_bad_one(self):
        good = os.path.join(self.dir, "good.toml")
        self.ok("init")
        with open(good, "w", encoding="utf-8") as f:
            f.write(self.ok("rules", "show").out)
        self.assertIn("ok", self.ok("rules", "check", good).out)
        bad = os.path.join(self.dir, "bad.toml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('policy = "cumulative"\n\n[[base]]\nlevel = "provincal"\npoints = 5\n')
        r = self.run_cli("rules", "check", bad)
        self.assertEqual(r.code, 1, r)
        self.assertIn("bad.toml:4", r.err)
        self.assertIn("provincal", r.err)

    def test_set_stores_rules_per_year_and_refuses_a_broken_file(self):
        self.ok("init")
        before = self.ok("rules", "show", "--year", "2026").out
        bad = os.path.join(self.dir, "bad.toml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("[[base]\n")
        self.fails("rules", "set", bad, "--year", "2025", mentions=["bad.toml:1"])
        good = os.path.join(self.dir, "r2025.toml")
        with open(good, "w", encoding="utf-8") as f:
            f.write('# 2025年规则\npolicy = "highest"\n[[base]]\nlevel = "national"\npoints = 99\n')
        self.ok("rules", "set", good, "--year", "2025")
        self.assertIn("points = 99", self.ok("rules", "show", "--year", "2025").out)
        self.assertEqual(self.ok("rules", "show", "--year", "2026").out, before)
        self.fails("rules", "show", "--year", "2024", mentions=["no rules", "2024"])


if __name__ == "__main__":
    main()
