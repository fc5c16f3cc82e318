"""submit, adopt, list, show, edit, remove: recording and correcting, with Chinese text."""
from support import LedgerTest, main


class SubmitTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()

    def test_submit_prints_only_the_new_id_and_stores_every_field(self):
        sid = self.new_id("submit", "关于未成年人检察工作的信息", "--kind", "信息", "--dept", "gongsu",
                          "--author", "李四:0.6", "--author", "王芳:0.4", "--date", "2026年3月5日",
                          "--category", "调研", "--length", "1200", "--destination", "direct",
                          "--occurred", "2026-03-03", "--tag", "重要")
        row = self.query("SELECT title, kind, category, submitted_on, length, destination, occurred_on, tags "
                         "FROM submissions WHERE id = ?", int(sid))
        self.assertEqual(row, [("关于未成年人检察工作的信息", "info", "调研", "2026-03-05", 1200, "direct",
                                "2026-03-03", "重要")])
        authors = self.query("SELECT p.name, a.position, a.share FROM authorships a JOIN people p "
                             "ON p.id = a.person_id WHERE submission_id = ? ORDER BY position", int(sid))
        self.assertEqual(authors, [("李四", 1, 6000), ("王芳", 2, 4000)])

    def test_ids_are_shared_by_submissions_and_adoptions_and_never_reused(self):
        s1 = self.new_id("submit", "甲", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2026-03-01")
        a1 = self.new_id("adopt", s1, "--outlet", "检察日报", "--date", "2026-03-02")
        s2 = self.new_id("submit", "乙", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2026-03-01")
        self.assertEqual([int(s1), int(a1), int(s2)], [1, 2, 3])
        self.ok("remove", s2)
        s3 = self.new_id("submit", "丙", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2026-03-01")
        self.assertEqual(int(s3), 4)

    def test_without_dept_the_first_authors_department_on_that_date_is_credited(self):
        self.ok("person", "move", "张三", "--dept", "zhixing", "--from", "2026-07-01")
        before = self.new_id("submit", "六月的稿件", "--kind", "publicity", "--author", "张三", "--date", "2026-06-30")
        after = self.new_id("submit", "七月的稿件", "--kind", "publicity", "--author", "张三", "--date", "2026-07-01")
        got = dict(self.query("SELECT s.id, d.code FROM submissions s JOIN departments d ON d.id = s.dept_id"))
        self.assertEqual(got[int(before)], "office")
        self.assertEqual(got[int(after)], "zhixing")

    def test_equal_split_stores_no_shares(self):
        sid = self.new_id("submit", "合写", "--kind", "info", "--dept", "gongsu", "--author", "李四", "--author", "王芳",
                          "--date", "2026-03-01")
        self.assertEqual(self.query("SELECT share FROM authorships WHERE submission_id = ?", int(sid)), [(None,), (None,)])

    def test_bad_submissions_are_refused_and_nothing_is_written(self):
        base = ["--kind", "info", "--dept", "office", "--date", "2026-03-01"]
        self.fails("submit", "x", *base, "--author", "无名氏", mentions=["unknown person '无名氏'", "person add"])
        self.fails("submit", "x", "--kind", "info", "--dept", "nosuch", "--author", "张三", mentions=["unknown department 'nosuch'"])
        self.fails("submit", "x", "--kind", "rumour", "--dept", "office", "--author", "张三", mentions=["unknown kind", "info (信息)"])
        self.fails("submit", "x", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2026-02-30",
                   mentions=["2026-02-30"])
        self.fails("submit", "x", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2026年13月1日",
                   mentions=["2026年13月1日"])
        self.fails("submit", "x", *base, "--author", "张三:0.8", "--author", "李四:0.8", mentions=["sum to 1.6"])
        self.fails("submit", "x", *base, "--author", "张三:0.5", "--author", "李四", mentions=["some authors have a share"])
        self.fails("submit", "x", *base, "--author", "张三:abc", mentions=["share"])
        self.fails("submit", "x", *base, "--author", "张三", "--author", "张三", mentions=["named twice"])
        self.fails("submit", "x", *base, "--author", "张三", "--length", "-5", mentions=["length"])
        self.fails("submit", "", *base, "--author", "张三", mentions=["title is empty"])
        self.fails("submit", "x", *base, "--author", "张三", "--occurred", "2026-03-09", mentions=["event date"])
        self.assertEqual(self.query("SELECT count(*) FROM submissions"), [(0,)])

    def test_usage_errors_exit_2(self):
        self.fails("submit", code=2)
        self.fails("submit", "标题", "--kind", "info", "--dept", "office", code=2, mentions=["author"])
        self.fails("frobnicate", code=2)
        self.fails("adopt", "1", code=2, mentions=["--outlet"])

    def test_shares_as_percent_and_full_width_colon(self):
        sid = self.new_id("submit", "合写", "--kind", "info", "--dept", "gongsu", "--author", "李四：70%",
                          "--author", "王芳:30%", "--date", "2026-03-01")
        self.assertEqual(self.query("SELECT share FROM authorships WHERE submission_id = ? ORDER BY position", int(sid)),
                         [(7000,), (3000,)])


class AdoptTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()
        self.sid = self.new_id("submit", "检察开放日活动", "--kind", "publicity", "--dept", "office",
                               "--author", "张三", "--date", "2026-03-10")

    def test_adopt_stores_form_placement_and_endorsement(self):
        aid = self.new_id("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-20", "--form", "综合",
                          "--placement", "头版", "--endorsed-by", "市领导", "--fee", "200")
        row = self.query("SELECT submission_id, adopted_on, form, placement, endorsement, fee FROM adoptions WHERE id = ?",
                         int(aid))
        self.assertEqual(row, [(int(self.sid), "2026-03-20", "merged", "front-page", "city", 20000)])

    def test_bad_adoptions_are_refused(self):
        self.fails("adopt", "999999", "--outlet", "检察日报", "--date", "2026-03-20", mentions=["no submission 999999"])
        self.fails("adopt", "abc", "--outlet", "检察日报", "--date", "2026-03-20", mentions=["not a record number"])
        self.fails("adopt", self.sid, "--outlet", "人民日报", "--date", "2026-03-20", mentions=["unknown outlet '人民日报'", "outlet add"])
        self.fails("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-09", mentions=["before", "2026-03-10"])
        self.fails("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-20", "--form", "whatever",
                   mentions=["unknown adoption form"])
        self.fails("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-20", "--endorsed-by", "村领导",
                   mentions=["endorsing leader"])
        aid = self.new_id("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-20")
        self.fails("adopt", aid, "--outlet", "检察日报", "--date", "2026-03-20", mentions=["is an adoption"])

    def test_adoption_date_defaults_to_today(self):
        aid = self.new_id("adopt", self.sid, "--outlet", "检察日报")
        self.assertEqual(self.query("SELECT adopted_on FROM adoptions WHERE id = ?", int(aid)), [(self.TODAY,)])


class ListShowEditRemoveTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()
        self.s1 = self.new_id("submit", "三月信息", "--kind", "info", "--dept", "gongsu", "--author", "李四", "--date", "2026-03-02")
        self.s2 = self.new_id("submit", "四月宣传", "--kind", "publicity", "--dept", "office", "--author", "张三:0.5",
                              "--author", "王芳:0.5", "--date", "2026-04-10")
        self.s3 = self.new_id("submit", "去年的信息", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2025-12-30")
        self.a1 = self.new_id("adopt", self.s1, "--outlet", "省院《检察信息》", "--date", "2026-03-05")
        self.a2 = self.new_id("adopt", self.s2, "--outlet", "检察日报", "--date", "2026-04-20")

    def titles(self, *args):
        return [r["title"] for r in self.ok("--format", "json", "list", "submissions", *args).json()]

    def test_list_filters(self):
        self.assertEqual(self.titles(), ["去年的信息", "三月信息", "四月宣传"])
        self.assertEqual(self.titles("--year", "2026"), ["三月信息", "四月宣传"])
        self.assertEqual(self.titles("--month", "2026-04"), ["四月宣传"])
        self.assertEqual(self.titles("--month", "2026年3月"), ["三月信息"])
        self.assertEqual(self.titles("--dept", "office"), ["去年的信息", "四月宣传"])
        self.assertEqual(self.titles("--person", "王芳"), ["四月宣传"])
        self.assertEqual(self.titles("--person", "张三", "--year", "2026"), ["四月宣传"])
        adoptions = self.ok("--format", "json", "list", "adoptions", "--month", "2026-03").json()
        self.assertEqual([(a["id"], a["outlet"]) for a in adoptions], [(int(self.a1), "省院《检察信息》")])
        self.fails("list", "submissions", "--month", "2026-13", mentions=["2026-13"])
        self.fails("list", "submissions", "--person", "无名氏", mentions=["unknown person"])

    def test_show_a_submission_with_its_adoptions_and_an_adoption(self):
        out = self.ok("show", self.s2).out
        for text in ("四月宣传", "张三:0.5", "王芳:0.5", "检察日报", "2026-04-20"):
            self.assertIn(text, out)
        out = self.ok("show", self.a1).out
        self.assertIn("省院《检察信息》", out)
        self.assertIn("三月信息", out)
        self.fails("show", "999", mentions=["no record 999"])

    def test_edit_changes_only_the_fields_given(self):
        self.ok("edit", self.s1, "--title", "三月信息（修改）", "--category", "经验")
        self.assertEqual(self.query("SELECT title, category, kind, submitted_on FROM submissions WHERE id = ?", int(self.s1)),
                         [("三月信息（修改）", "经验", "info", "2026-03-02")])
        self.ok("edit", self.a1, "--outlet", "检察日报", "--placement", "头版头条", "--date", "2026-03-06")
        self.assertEqual(self.query("SELECT outlet_id, placement, adopted_on FROM adoptions WHERE id = ?", int(self.a1)),
                         [(1, "front-lead", "2026-03-06")])
        self.ok("edit", self.s2, "--author", "王芳")
        self.assertEqual(self.titles("--person", "张三", "--year", "2026"), [])

    def test_bad_edits_are_refused(self):
        self.fails("edit", self.s1, "--date", "2026-03-06", mentions=["adopted on 2026-03-05"])
        self.fails("edit", self.a1, "--date", "2026-03-01", mentions=["before"])
        self.fails("edit", self.s1, "--outlet", "检察日报", code=2, mentions=["is a submission"])
        self.fails("edit", self.a1, "--title", "x", code=2, mentions=["is an adoption"])
        self.fails("edit", self.s1, code=2, mentions=["nothing to change"])
        self.fails("edit", "999", "--title", "x", mentions=["no record 999"])
        self.fails("edit", self.s2, "--author", "张三:0.9", "--author", "王芳:0.2", mentions=["sum to 1.1"])

    def test_remove_refuses_a_submission_with_adoptions_unless_forced(self):
        self.fails("remove", self.s1, mentions=["1 adoption", "--force"])
        self.ok("remove", self.a1)
        self.assertEqual(self.query("SELECT count(*) FROM adoptions WHERE id = ?", int(self.a1)), [(0,)])
        self.ok("remove", self.s2, "--force")
        self.assertEqual(self.query("SELECT count(*) FROM submissions WHERE id = ?", int(self.s2)), [(0,)])
        self.assertEqual(self.query("SELECT count(*) FROM adoptions WHERE submission_id = ?", int(self.s2)), [(0,)])
        self.assertEqual(self.query("SELECT count(*) FROM authorships WHERE submission_id = ?", int(self.s2)), [(0,)])
        self.fails("remove", self.s2, mentions=["no record"])


if __name__ == "__main__":
    main()
