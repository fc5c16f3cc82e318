"""The interface language: --lang zh|en, else LC_ALL, LC_MESSAGES, LANG (zh_* is Chinese).
Errors keep the literal 'infotally: error:' prefix in both languages; JSON keys never change."""
import os

from support import LedgerTest, main

# Each environment names all three variables, so that one set outside the test cannot decide.
CHINESE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}
ENGLISH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"}


class LanguageTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()
        self.sid = self.new_id("submit", "三月信息", "--kind", "信息", "--author", "张三", "--date", "2026-03-02")
        self.aid = self.new_id("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-20")

    def header(self, *args, env):
        return self.ok(*args, env=env).out.splitlines()[0]

    def test_lang_zh_in_the_environment_gives_chinese_headers_and_errors(self):
        header = self.header("dept", "list", env=CHINESE)
        for word in ("编号", "代码", "名称", "停用日期"):
            self.assertIn(word, header)
        self.assertNotIn("code", header)
        r = self.fails("dept", "add", "office", "总务科", env=CHINESE, mentions=["office"])
        self.assertTrue(r.err.startswith("infotally: error: 部门代码 'office' 已被 办公室 使用"), r)
        self.assertIn("infotally: 提示：请换一个代码", r.err)
        self.assertNotIn("infotally: hint:", r.err)
        # the same refusal in English, as scripts and the other tests read it
        r = self.fails("dept", "add", "office", "总务科", env=ENGLISH, mentions=["already used by 办公室"])
        self.assertIn("infotally: hint: choose another code", r.err)

    def test_chinese_confirmations_listings_and_csv_headers(self):
        self.assertEqual(self.ok("dept", "add", "yanjiu", "研究室", env=CHINESE).out, "已添加部门 yanjiu 研究室\n")
        header = self.header("list", "submissions", env=CHINESE)
        for word in ("报送日期", "标题", "类别", "作者", "采用次数"):
            self.assertIn(word, header)
        csv_header = self.ok("--format", "csv", "outlet", "list", env=CHINESE).out.splitlines()[0]
        for word in ("采用单位", "级别", "媒体类型"):
            self.assertIn(word, csv_header)
        shown = self.ok("show", self.sid, env=CHINESE).out
        for word in ("报送记录 " + self.sid, "标题", "三月信息", "采用记录", "检察日报"):
            self.assertIn(word, shown)
        self.assertIn("已删除采用记录 " + self.aid, self.ok("remove", self.aid, env=CHINESE).out)
        self.assertIn("已撤销第", self.ok("undo", env=CHINESE).out)

    def test_the_lang_option_beats_the_environment(self):
        header = self.header("--lang", "en", "dept", "list", env=CHINESE)
        self.assertIn("code", header)
        self.assertNotIn("代码", header)
        self.fails("--lang", "en", "dept", "add", "office", "总务科", env=CHINESE, mentions=["already used"])
        # after the command too, and as --lang=zh
        self.assertIn("代码", self.header("dept", "list", "--lang", "zh", env=ENGLISH))
        self.assertIn("代码", self.header("--lang=zh", "dept", "list", env=ENGLISH))
        self.assertIn("代码", self.header("--lang", "zh-CN", "dept", "list", env=ENGLISH))

    def test_lc_all_beats_lc_messages_beats_lang(self):
        self.assertIn("代码", self.header("dept", "list", env={**ENGLISH, "LC_ALL": "zh_CN.UTF-8"}))
        self.assertIn("代码", self.header("dept", "list", env={**ENGLISH, "LC_MESSAGES": "zh_CN.UTF-8"}))
        self.assertIn("code", self.header("dept", "list", env={**CHINESE, "LC_ALL": "C"}))
        self.assertIn("code", self.header("dept", "list", env={**CHINESE, "LC_MESSAGES": "POSIX"}))
        self.assertIn("code", self.header("dept", "list", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}))

    def test_an_unknown_lang_is_a_usage_error(self):
        for args in (["--lang", "fr"], ["--lang=fr"], ["--lang", ""], ["--lang", "chinese"]):
            r = self.fails(*args, "dept", "list", code=2, env=ENGLISH, mentions=["--lang"])
            self.assertIn("infotally: hint: use --lang zh or --lang en", r.err)
        r = self.fails("--lang", "fr", "dept", "list", code=2, env=CHINESE, mentions=["--lang 'fr'"])
        self.assertIn("未知的界面语言", r.err)

    def test_help_in_chinese(self):
        out = self.ok("help", "submit", db=False, env=CHINESE).out
        for text in ("用法：infotally submit", "稿件标题", "选项：", "示例：",
                     "infotally submit 关于未成年人检察工作的信息"):
            self.assertIn(text, out)
        self.assertNotIn("Examples:", out)
        self.assertNotIn("Usage:", out)
        top = self.ok("--help", db=False, env=CHINESE).out
        self.assertIn("信息宣传考核台账", top)
        self.assertIn("显示本帮助并退出", top)
        self.assertIn("Usage: infotally submit", self.ok("help", "submit", db=False, env=ENGLISH).out)
        self.fails("help", "frobnicate", code=2, db=False, env=CHINESE, mentions=["没有 'frobnicate' 这个命令"])

    def lines(self, *args, env):
        return self.ok(*args, env=env).out.splitlines()

    def test_chinese_reports_have_chinese_titles_headers_and_notes(self):
        title, header = self.lines("--lang", "zh", "tally", "2026", env=ENGLISH)[:2]
        self.assertIn("2026 年个人考核结算 —— 测试县人民检察院", title)
        for word in ("名次", "姓名", "部门", "报送", "采用", "积分", "任务奖励", "扣分", "净积分", "金额（元）"):
            self.assertIn(word, header)
        self.assertNotIn("points", header)
        month = self.ok("--lang", "zh", "report", "month", "2026-03", env=ENGLISH).out
        for text in ("测试县人民检察院 —— 2026-03 月报（去年同月：2025-03）", "采用率", "名次", "去年同期采用",
                     "本年累计：2026-01 至 2026-03", "2026-03 采用明细", "合计", "三月信息"):
            self.assertIn(text, month)
        for english in ("monthly report", "adoptions in", "rank", "total"):
            self.assertNotIn(english, month)
        status = self.ok("status", "--as-of", "2026-03-31", env=CHINESE).out
        self.assertIn("2026 年任务完成情况（截至 2026-03-31）", status)
        self.assertIn("2026 年考核规则未设任务指标", status)
        explained = self.ok("explain", self.aid, env=CHINESE).out
        for text in ("采用记录 " + self.aid + "：《三月信息》，2026-03-20 被 检察日报 采用", "基础分 [[base]] 第",
                     "级别为国家级", "计入", "份额", "合计", "办公室（部门）"):
            self.assertIn(text, explained)
        self.assertNotIn("base [[base]]", explained)
        person = self.ok("explain", "--person", "张三", "--year", "2026", env=CHINESE).out
        self.assertIn("张三（办公室），2026 年：各项数字的由来", person)
        self.assertIn("采用 #" + self.aid + " 《三月信息》（#" + self.sid + "）检察日报（国家级），2026-03-20", person)

    def test_english_reports_are_unchanged(self):
        title, header = self.lines("tally", "2026", env=ENGLISH)[:2]
        self.assertTrue(title.startswith("2026 person tally — 测试县人民检察院"), title)
        self.assertEqual(header.split(), ["#", "name", "dept", "submitted", "adopted", "adoptions", "points", "reward",
                                          "penalty", "net", "points", "yuan", "penalty", "yuan", "net", "yuan"])
        month = self.ok("report", "month", "2026-03", env=ENGLISH).out
        for text in ("测试县人民检察院 — monthly report 2026-03 (same month last year: 2025-03)", "adopted last year",
                     "change 同比", "year to date, 2026-01 to 2026-03 (last year: 2025-01 to 2025-03)",
                     "adoptions in 2026-03", "total"):
            self.assertIn(text, month)
        explained = self.ok("explain", self.aid, env=ENGLISH).out
        self.assertIn("基础分 base [[base]] line", explained)
        self.assertIn("(级别 level 国家级)", explained)
        self.assertIn("credited to", explained)

    def test_reports_have_the_same_json_keys_in_both_languages(self):
        for args in (["tally", "2026"], ["tally", "2026", "--by", "dept"], ["report", "month", "2026-03"],
                     ["status", "--as-of", "2026-03-31"], ["explain", self.aid]):
            en = self.ok("--format", "json", *args, env=ENGLISH).json()
            zh = self.ok("--format", "json", *args, env=CHINESE).json()
            self.assertEqual(list(en), list(zh), args)
            for section in en:
                self.assertEqual([list(row) for row in en[section]], [list(row) for row in zh[section]], args)

    def test_import_errors_and_summary_in_chinese(self):
        path = os.path.join(self.dir, "台账.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("标题,类型,部门,作者,报送日期\n好稿件,信息,office,张三,2026-04-01\n坏稿件,信息,nosuch,张三,2026-04-02\n")
        r = self.fails("import", path, env=CHINESE, mentions=["台账.csv：有 1 处问题，未导入任何内容",
                                                                "台账.csv:3: 未知的部门 'nosuch'"])
        self.assertIn("infotally: 提示：请用 'infotally dept add 代码 名称' 添加", r.err)
        r = self.fails("import", path, env=ENGLISH, mentions=["台账.csv: 1 problem; nothing was imported",
                                                                "台账.csv:3: unknown department 'nosuch'"])
        self.assertIn("infotally: hint: add it with 'infotally dept add CODE NAME'", r.err)
        with open(path, "w", encoding="utf-8") as f:
            f.write("标题,类型,作者,报送日期,心得\n好稿件,信息,张三,2026-04-01,x\n")
        self.fails("import", path, env=CHINESE, mentions=["表头行有问题：未知的列 '心得'"])
        self.fails("import", path, env=ENGLISH, mentions=["the header row has unknown columns '心得'"])
        with open(path, "w", encoding="utf-8") as f:
            f.write("标题,类型,部门,作者,报送日期\n好稿件,信息,office,张三,2026-04-01\n")
        self.assertEqual(self.ok("import", path, "--dry-run", env=CHINESE).out,
                         f"已检查 {path}（utf-8）中的 1 行：将新增 1 条报送记录（另有 0 条已在台账中），"
                         "0 条采用记录（另有 0 条已在台账中）；仅检查，未写入任何内容\n")
        self.assertEqual(self.ok("import", path, "--dry-run", env=ENGLISH).out,
                         f"checked 1 row from {path} (utf-8): would add 1 submission (0 already present), "
                         "0 adoptions (0 already present); dry run, nothing written\n")
        # What --create-missing would add, listed as Chinese writes it: 、 between the first, 和
        # before the last, a space between a Chinese character and a number.
        with open(path, "w", encoding="utf-8") as f:
            f.write("标题,类型,部门,作者,作者部门,报送日期,采用单位,级别,采用日期\n"
                    "新稿件,信息,新科室,新人甲、新人乙,新科室,2026-04-01,新报,市级,2026-04-03\n")
        self.assertIn("将新建 1 个部门、2 名人员和 1 个采用单位",
                      self.ok("import", path, "--dry-run", "--create-missing", env=CHINESE).out)
        self.assertIn("would create 1 department, 2 people and 1 outlet",
                      self.ok("import", path, "--dry-run", "--create-missing", env=ENGLISH).out)
        with open(path, "w", encoding="utf-8") as f:
            f.write("标题,类型,部门,作者,报送日期\n好稿件,信息,office,张三,2026-04-01\n")
        csv_header = self.ok("--format", "csv", "import", path, "--dry-run", env=CHINESE).out.splitlines()[0]
        self.assertIn("新增报送", csv_header)
        self.assertEqual(self.ok("--format", "json", "import", path, "--dry-run", env=CHINESE).json()[0]["rows"], 1)

    def test_rules_check_and_help_in_chinese(self):
        path = os.path.join(self.dir, "规则.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write('yaer = 2026\n[[base]]\nlevel = "国家级"\npoints = -3\n')
        r = self.fails("rules", "check", path, env=CHINESE, mentions=[
            "规则.toml:1: 考核规则文件 中有未知的键 'yaer'；是不是 'year'？",
            "[[base]] 中的 'points' 不能是负数（-3）"])
        self.assertIn("infotally: 提示：请修改文件后再次运行", r.err)
        self.fails("rules", "check", path, env=ENGLISH, mentions=[
            "unknown key 'yaer' in the rules file; did you mean 'year'?",
            "'points' in [[base]] must not be negative (-3)"])
        out = self.ok("help", "import", db=False, env=CHINESE).out
        for text in ("导入 CSV 台账", "示例：", "但不写入", "自动新建"):
            self.assertIn(text, out)
        self.fails("explain", "--person", "张三", code=2, env=CHINESE, mentions=["explain --person 需要同时给出 --year"])
        self.fails("--format", "csv", "status", "--chart", code=2, env=CHINESE,
                   mentions=["--chart 是为终端画的条形图，不能用 --format csv 输出"])

    def test_json_is_the_same_in_both_languages(self):
        self.ok("person", "move", "张三", "--dept", "gongsu", "--from", "2026-07-01")
        for args in (["dept", "list"], ["person", "list"], ["outlet", "list"], ["list", "submissions"],
                     ["list", "adoptions"], ["show", self.sid], ["show", self.aid], ["log"]):
            en = self.ok("--format", "json", *args, env=ENGLISH).json()
            zh = self.ok("--format", "json", *args, env=CHINESE).json()
            self.assertEqual([sorted(row) for row in en], [sorted(row) for row in zh], args)
            if args[0] in ("show", "list", "dept", "outlet"):
                self.assertEqual(en, zh, args)  # no prose in these cells: all the same
        shown = self.ok("--format", "json", "show", self.sid, env=CHINESE).json()
        self.assertIn({"field": "title", "value": "三月信息"}, shown)


if __name__ == "__main__":
    main()
