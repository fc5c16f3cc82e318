"""The interface language: --lang zh|en, else LC_ALL, LC_MESSAGES, LANG (zh_* is Chinese).
Errors keep the literal 'infotally: error:' prefix in both languages; JSON keys never change."""
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
