"""import and export: a CSV 台账 in (UTF-8 with or without BOM, GB18030), every bad row reported
with its line and nothing written, --create-missing, re-import adding nothing, --dry-run, and
export | import reproducing a ledger exactly."""
import csv
import io
import os
import pty
import sqlite3
import subprocess

from support import BIN, SOURCE_DIR, LedgerTest, main

EXAMPLE = os.path.join(SOURCE_DIR, "examples", "import", "台账示例.csv")
EXAMPLE_GB = os.path.join(SOURCE_DIR, "examples", "import", "台账示例-gb18030.csv")
RULES = os.path.join(SOURCE_DIR, "examples", "rules", "county-information.toml")

HEADER = ["标题", "类型", "部门", "作者", "报送日期", "采用单位", "级别", "采用日期", "采用形式", "版面", "领导批示"]


def csv_text(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


class ImportTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()

    def write(self, name, rows, encoding="utf-8-sig"):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(rows if isinstance(rows, bytes) else csv_text(rows).encode(encoding))
        return path

    def listing(self, what):
        return self.ok("--format", "json", "list", what).json()

    def count(self, table):
        return self.query(f"SELECT count(*) FROM {table}")[0][0]

    # --- the sample files -----------------------------------------------------------------------

    def test_the_sample_file_imports_every_row(self):
        r = self.ok("import", EXAMPLE)
        self.assertEqual(r.out.strip(), f"imported 6 rows from {EXAMPLE} (utf-8): added 5 submissions "
                                        "(0 already present), 5 adoptions (0 already present)")
        self.assertEqual(r.err, "", "no progress line when stderr is not a terminal")
        subs = {s["title"]: s for s in self.listing("submissions")}
        self.assertEqual(set(subs), {"关于未成年人检察工作的信息", '检察开放日："走进检察院"活动',
                                     "我院召开刑事执行检察工作推进会", "关于醉驾案件办理的调研报告 （上半年）",
                                     "公益诉讼守护绿水青山，检察官在行动"})
        self.assertEqual(subs["关于未成年人检察工作的信息"]["authors"], "李四:0.6, 王芳:0.4")
        self.assertEqual(subs["关于未成年人检察工作的信息"]["adoptions"], 2)
        self.assertEqual(subs["我院召开刑事执行检察工作推进会"]["adoptions"], 0)
        self.assertEqual(subs["公益诉讼守护绿水青山，检察官在行动"]["authors"], "张三, 李四")
        got = self.query("SELECT s.submitted_on, a.adopted_on, o.name, a.form, a.placement, a.endorsement "
                         "FROM adoptions a JOIN submissions s ON s.id = a.submission_id "
                         "JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id")
        self.assertEqual(got, [("2026-03-02", "2026-03-05", "省院《检察信息》", "whole", "", ""),
                               ("2026-03-02", "2026-03-10", "检察日报", "merged", "front-page", ""),
                               ("2026-03-08", "2026-03-12", "检察日报", "whole", "front-lead", "provincial"),
                               ("2026-04-15", "2026-04-20", "市委办公室", "whole", "", "city"),
                               ("2026-05-06", "2026-05-08", "检察日报", "brief", "", "")])

    def test_the_gb18030_copy_reads_the_same_and_adds_nothing_after_the_utf8_one(self):
        with open(EXAMPLE_GB, "rb") as f:
            raw = f.read()
        self.assertFalse(raw.startswith(b"\xef\xbb\xbf"))
        self.assertRaises(UnicodeDecodeError, raw.decode, "utf-8")
        r = self.ok("import", EXAMPLE_GB)
        self.assertIn("(gb18030): added 5 submissions", r.out)
        first = self.listing("adoptions")
        r = self.ok("import", EXAMPLE)
        self.assertIn("added 0 submissions (5 already present), 0 adoptions (5 already present)", r.out)
        self.assertEqual(self.listing("adoptions"), first)
        self.ok("import", EXAMPLE_GB, "--encoding", "gbk")
        self.fails("import", EXAMPLE_GB, "--encoding", "utf-8", mentions=["line 1, byte 1: not valid UTF-8"])

    def test_gb18030_written_by_python_with_every_kind_of_cell(self):
        rows = [HEADER, ["关于“枫桥经验”的调研，含逗号", "信息", "办公室", "张三", "2026年3月5日", "检察日报", "国家级",
                         "2026年3月9日", "综合", "头版", ""]]
        path = self.write("gbk.csv", rows, encoding="gb18030")
        r = self.ok("import", path)
        self.assertIn("(gb18030)", r.out)
        self.assertEqual(self.query("SELECT title, submitted_on FROM submissions"),
                         [("关于“枫桥经验”的调研，含逗号", "2026-03-05")])

    # --- encodings and CSV syntax ---------------------------------------------------------------

    def test_utf8_without_bom_and_english_headers(self):
        rows = [["Title", "Kind", "Dept", "Authors", "Submitted On", "outlet", "LEVEL", "adopted-on"],
                ["Open day", "publicity", "office", "张三", "2026-03-01", "检察日报", "national", "2026-03-02"]]
        path = self.write("en.csv", rows, encoding="utf-8")
        r = self.ok("import", path)
        self.assertIn("(utf-8): added 1 submission (0 already present), 1 adoption", r.out)
        self.assertEqual(self.query("SELECT title, kind FROM submissions"), [("Open day", "publicity")])

    def test_quoted_commas_quotes_and_line_breaks(self):
        text = ('标题,类型,部门,作者,报送日期\r\n'
                '"检察日报,头版：""好""",信息,office,"张三,李四",2026-03-01\r\n'
                '"第一行\n第二行",宣传,office,张三,2026-03-02\n'
                '"末行没有换行",宣传,office,张三,2026-03-03')
        path = self.write("q.csv", text.encode("utf-8"))
        self.ok("import", path)
        self.assertEqual(self.query("SELECT title FROM submissions ORDER BY id"),
                         [('检察日报,头版："好"',), ("第一行 第二行",), ("末行没有换行",)])
        self.assertEqual(self.query("SELECT count(*) FROM authorships"), [(4,)])

    def test_a_file_that_is_neither_utf8_nor_gb18030_names_the_line_and_byte(self):
        path = self.write("bad.bin", "标题,类型,作者,报送日期\r\n好,信息,张三,2026-03-01\r\n".encode("utf-8")
                          + b"ab\xff,x\r\n")
        self.fails("import", path, mentions=["bad.bin: line 3, byte 3: not valid UTF-8 or GB18030",
                                             "--encoding"])
        self.fails("import", path, "--encoding", "gb18030", mentions=["bad.bin: line 1, byte", "not valid GB18030"])
        self.fails("import", path, "--encoding", "latin-1", code=2, mentions=["--encoding"])

    # --- grouping, duplicates, idempotence ---------------------------------------------------------

    def test_rows_of_one_submission_are_grouped_and_duplicate_rows_add_nothing(self):
        row = ["检察开放日", "宣传", "office", "张三", "2026-03-01", "检察日报", "国家级", "2026-03-02", "", "", ""]
        other = row[:5] + ["省院《检察信息》", "", "2026-03-04", "综合", "", ""]
        alone = row[:5] + [""] * 6
        path = self.write("dup.csv", [HEADER, row, row, other, alone])
        r = self.ok("import", path)
        self.assertIn("added 1 submission (0 already present), 2 adoptions (1 already present)", r.out)
        self.assertEqual((self.count("submissions"), self.count("adoptions")), (1, 2))
        # The same title by other authors, or for another department, is another piece.
        path = self.write("more.csv", [HEADER, row, ["检察开放日", "宣传", "office", "李四"] + row[4:],
                                       ["检察开放日", "宣传", "gongsu", "张三"] + row[4:]])
        r = self.ok("import", path)
        self.assertIn("added 2 submissions (1 already present), 2 adoptions (1 already present)", r.out)

    def test_importing_the_same_file_twice_adds_nothing(self):
        self.ok("import", EXAMPLE)
        before = self.dump()
        log_before = self.ok("log").out
        r = self.ok("import", EXAMPLE)
        self.assertIn("added 0 submissions (5 already present), 0 adoptions (5 already present)", r.out)
        self.assertEqual(self.dump(), before)
        self.assertEqual(self.ok("log").out, log_before, "a import that adds nothing leaves no journal entry")

    def test_an_import_into_a_ledger_with_records_tells_present_rows_from_new_ones(self):
        # More rows than the writing thread's batches (256), new ones first: the rows already in
        # the ledger are recognised while this import's own rows are being written beside them.
        def row(i, dept="office", author="张三"):
            day = f"2026-{1 + i % 6:02d}-{1 + i % 28:02d}"
            return [f"第{i}号检察信息：公益诉讼办案进展", "信息", dept, author, day, "检察日报", "国家级",
                    day, "", "", ""]
        old = [row(i) for i in range(300)]
        new = [row(i, "gongsu", "李四") for i in range(300, 700)]
        self.ok("import", self.write("old.csv", [HEADER] + old))
        r = self.ok("import", self.write("all.csv", [HEADER] + new + old + new[:5]))
        self.assertIn("added 400 submissions (300 already present), 400 adoptions (305 already present)", r.out)
        self.assertEqual((self.count("submissions"), self.count("adoptions")), (700, 700))
        before = self.dump()
        r = self.ok("import", self.write("again.csv", [HEADER] + old + new))
        self.assertIn("added 0 submissions (700 already present), 0 adoptions (700 already present)", r.out)
        self.assertEqual(self.dump(), before)
        # A ledger piece repeated with other details, after a batch of new rows, is still refused.
        changed = old[7][:1] + ["宣传"] + old[7][2:]
        more = [row(i, "zhixing", "王芳") for i in range(700, 1000)]
        self.fails("import", self.write("bad.csv", [HEADER] + more + [changed]),
                   mentions=["bad.csv:302: submission 15 in the ledger"])
        self.assertEqual(self.dump(), before)

    def test_rows_that_repeat_a_submission_with_other_details_are_refused(self):
        a = ["检察开放日", "宣传", "office", "张三", "2026-03-01", "", "", "", "", "", ""]
        b = ["检察开放日", "信息", "office", "张三", "2026-03-01", "", "", "", "", "", ""]
        self.fails("import", self.write("c.csv", [HEADER, a, b]),
                   mentions=["c.csv:3: line 2 has the same title, department, date and authors"])
        self.ok("import", self.write("a.csv", [HEADER, a]))
        self.fails("import", self.write("b.csv", [HEADER, b]), mentions=["b.csv:2: submission 1 in the ledger",
                                                                         "infotally edit 1"])
        x = a[:5] + ["检察日报", "", "2026-03-02", "单条", "", ""]
        y = a[:5] + ["检察日报", "", "2026-03-02", "综合", "", ""]
        self.fails("import", self.write("d.csv", [HEADER, x, y]),
                   mentions=["d.csv:3: line 2 has the same submission, outlet and date"])

    def test_dry_run_reports_what_would_be_added_and_writes_nothing(self):
        before = self.dump()
        r = self.ok("import", EXAMPLE, "--dry-run")
        self.assertEqual(r.out.strip(), f"checked 6 rows from {EXAMPLE} (utf-8): would add 5 submissions "
                                        "(0 already present), 5 adoptions (0 already present); dry run, "
                                        "nothing written")
        self.assertEqual(self.dump(), before)
        r = self.ok("import", EXAMPLE, "--dry-run", "--format", "json")
        self.assertEqual(r.json()[0]["submissions_added"], 5)
        self.assertEqual(r.json()[0]["dry_run"], "true")

    # --- problems -------------------------------------------------------------------------------

    def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(self):
        good = ["好稿件", "信息", "office", "张三", "2026-03-01", "检察日报", "", "2026-03-02", "", "", ""]
        rows = [HEADER, good,
                ["坏日期", "信息", "office", "张三", "2026-02-30", "", "", "", "", "", ""],
                ["坏类型", "谣言", "office", "张三", "2026-03-01", "", "", "", "", "", ""],
                ["", "信息", "office", "", "", "", "", "", "", "", ""],
                ["倒序", "宣传", "office", "张三:0.5、李四:0.6", "2026-03-10", "检察日报", "省级", "2026-03-05",
                 "整版采用", "", ""],
                good]
        r = self.fails("import", self.write("bad.csv", rows), mentions=[
            "bad.csv: 9 problems; nothing was imported",
            "bad.csv:3: '2026-02-30' is not a valid submission date",
            "bad.csv:4: unknown kind '谣言'",
            "bad.csv:5: the title is empty",
            "bad.csv:5: the submission date (报送日期) is empty",
            "bad.csv:5: the authors (作者) are empty",
            "bad.csv:6: author shares sum to 1.1, not 1",
            "bad.csv:6: unknown adoption form '整版采用'",
            "bad.csv:6: outlet 检察日报 is 国家级 in the ledger, not 省级",
            "bad.csv:6: the adoption date 2026-03-05 is before the submission date 2026-03-10"])
        self.assertIn("infotally: hint:", r.err)
        self.assertEqual(self.count("submissions"), 0)

    def test_more_than_fifty_problems_are_cut_short(self):
        rows = [HEADER] + [[f"稿件{i}", "信息", "nosuch", "张三", "2026-03-01"] + [""] * 6 for i in range(70)]
        r = self.fails("import", self.write("many.csv", rows), mentions=["70 problems", "many.csv:51:",
                                                                         "… and 20 more"])
        self.assertNotIn("many.csv:52:", r.err)

    def test_unknown_departments_people_and_outlets_need_create_missing(self):
        header = HEADER[:3] + ["部门代码", "作者", "作者部门"] + HEADER[4:] + ["媒体类型"]
        rows = [header,
                ["新部门的稿件", "信息", "宣传科", "xuanchuan", "赵六、张三", "", "2026-03-01",
                 "人民日报", "国家级", "2026-03-04", "", "", "", "报刊"],
                ["新人的稿件", "信息", "office", "", "钱七", "第一检察部", "2026-03-02", "县融媒体中心", "县级",
                 "2026-03-05", "", "", "", "新媒体"]]
        path = self.write("new.csv", rows)
        self.fails("import", path, mentions=["new.csv:2: unknown department 'xuanchuan'",
                                             "new.csv:2: unknown person '赵六'",
                                             "new.csv:2: unknown outlet '人民日报'",
                                             "new.csv:3: unknown person '钱七'",
                                             "new.csv:3: unknown outlet '县融媒体中心'", "--create-missing"])
        r = self.ok("import", path, "--create-missing")
        self.assertIn("created 1 department, 2 people and 2 outlets", r.out)
        self.assertEqual(self.query("SELECT code, name FROM departments WHERE code = 'xuanchuan'"),
                         [("xuanchuan", "宣传科")])
        people = {p["name"]: p["dept"] for p in self.ok("--format", "json", "person", "list").json()}
        self.assertEqual((people["赵六"], people["钱七"], people["张三"]), ("xuanchuan", "gongsu", "office"))
        self.assertEqual(self.query("SELECT name, level, media FROM outlets WHERE name IN ('人民日报', '县融媒体中心') "
                                    "ORDER BY name"),
                         [("人民日报", "national", "print"), ("县融媒体中心", "county", "newmedia")])
        # A new outlet needs its level.
        rows = [HEADER, ["x", "信息", "office", "张三", "2026-03-01", "无名报", "", "2026-03-02", "", "", ""]]
        self.fails("import", self.write("nolevel.csv", rows), "--create-missing",
                   mentions=["nolevel.csv:2: cannot create outlet '无名报': its level (级别) is empty"])

    def test_an_import_is_one_journal_entry_of_key_ranges_and_one_undo(self):
        self.ok("submit", "此前已有的稿件", "--kind", "信息", "--dept", "office", "--author", "张三",
                "--date", "2026-02-01")
        header = HEADER[:3] + ["部门代码", "作者", "作者部门"] + HEADER[4:] + ["媒体类型"]
        rows = [header] + [[f"导入稿件{i}", "信息", "宣传科", "xuanchuan", f"新人{i % 3}", "", "2026-03-01",
                            "人民日报", "国家级", f"2026-03-{i % 20 + 2:02d}", "", "", "", "报刊"]
                           for i in range(40)]
        before = self.query("SELECT count(*) FROM submissions UNION ALL SELECT count(*) FROM people "
                            "UNION ALL SELECT count(*) FROM departments UNION ALL SELECT count(*) FROM outlets")
        triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        triggers_before = self.query(triggers)
        self.ok("import", self.write("forty.csv", rows), "--create-missing")
        # The import paused the journal's triggers (dropped them inside its transaction) and put
        # the very same ones back: the next command is journaled row by row again.
        self.assertEqual(self.query(triggers), triggers_before)
        entry = self.query("SELECT max(id) FROM journal")[0][0]
        # 40 submissions, 40 authorships, 40 adoptions, 3 people, their memberships, 1 department
        # and 1 outlet: seven range rows, not 126 row copies.
        ops = self.query("SELECT tbl, op, json_extract(new, '$.rows') FROM journal_changes "
                         "WHERE entry_id = ? ORDER BY id", entry)
        self.assertEqual(ops, [("departments", "insert_range", 1), ("people", "insert_range", 3),
                               ("memberships", "insert_range", 3), ("outlets", "insert_range", 1),
                               ("submissions", "insert_range", 40), ("authorships", "insert_range", 40),
                               ("adoptions", "insert_range", 40)])
        log = self.ok("log", "--limit", "1").out
        self.assertIn("+40 submissions", log)
        self.assertIn("+40 adoptions", log)
        r = self.ok("undo")
        self.assertIn("import", r.out)
        after_undo = self.query("SELECT count(*) FROM submissions UNION ALL SELECT count(*) FROM people "
                                "UNION ALL SELECT count(*) FROM departments UNION ALL SELECT count(*) FROM outlets")
        self.assertEqual(after_undo, before, "undo removes exactly the import, not the earlier piece")
        self.assertEqual(self.query("SELECT title FROM submissions"), [("此前已有的稿件",)])
        self.assertEqual(self.count("adoptions"), 0)
        self.ok("undo")  # undo of the undo puts the import back
        self.assertEqual(self.count("submissions"), 41)
        self.assertEqual(self.count("adoptions"), 40)
        self.assertEqual(self.query("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.query("PRAGMA foreign_key_check"), [])
        self.ok("submit", "导入之后的稿件", "--kind", "信息", "--dept", "office", "--author", "张三",
                "--date", "2026-04-01")
        self.assertEqual(self.query("SELECT tbl, op FROM journal_changes WHERE entry_id = "
                                    "(SELECT max(id) FROM journal) ORDER BY id"),
                         [("submissions", "insert"), ("authorships", "insert")])

    def test_numbers_and_dates_as_excel_and_a_chinese_keyboard_write_them(self):
        header = ["标题", "类型", "部门", "作者", "报送日期", "字数", "采用单位", "级别", "采用日期", "稿费"]
        rows = [header,
                # a date cell formatted 常规 (General): Excel's day number; "1,234" as Excel shows it
                ["千位分隔", "信息", "office", "张三", "46086", "1,234", "检察日报", "国家级", "46090", "￥1,200.00"],
                # typed in full-width mode
                ["全角数字", "信息", "office", "张三", "２０２６年３月６日", "１２００", "检察日报", "国家级",
                 "２０２６－０３－１０", "２００元"],
                ["人民币符号", "信息", "office", "张三", "2026/3/7", "800", "检察日报", "国家级", "2026.3.11", "¥35.5"],
                # the first day number read so: 1990-01-01
                ["最早的日子", "信息", "office", "张三", "32874", "", "", "", "", ""]]
        self.ok("import", self.write("excel.csv", rows, encoding="gb18030"))
        got = self.query("SELECT s.title, s.submitted_on, s.length, a.adopted_on, a.fee FROM submissions s "
                         "JOIN adoptions a ON a.submission_id = s.id ORDER BY s.id")
        self.assertEqual(got, [("千位分隔", "2026-03-05", 1234, "2026-03-09", 120000),
                               ("全角数字", "2026-03-06", 1200, "2026-03-10", 20000),
                               ("人民币符号", "2026-03-07", 800, "2026-03-11", 3550)])
        self.assertEqual(self.query("SELECT submitted_on FROM submissions WHERE title = '最早的日子'"),
                         [("1990-01-01",)])
        # Only what reads one way: a day number outside 1990-2099, commas not in threes, a doubled 元.
        rows = [header,
                ["坏的", "信息", "office", "张三", "99999", "12,34", "检察日报", "国家级", "2026-03-09", "200元元"],
                ["也坏", "信息", "office", "张三", "2026-03-05", "1,2345", "检察日报", "国家级", "12345", "$5"],
                # just outside the day numbers read (1990-01-01 to 2099-12-31); a list's full-width comma
                ["还坏", "信息", "office", "张三", "32873", "1200，800", "检察日报", "国家级", "73051", "200，300"]]
        r = self.fails("import", self.write("bad.csv", rows), mentions=[
            "bad.csv:2: '99999' is not a valid submission date", "bad.csv:2: the length '12,34' is not",
            "bad.csv:2: the fee '200元元' is not", "bad.csv:3: the length '1,2345' is not",
            "bad.csv:3: '12345' is not a valid adoption date", "bad.csv:3: the fee '$5' is not",
            "bad.csv:4: '32873' is not a valid submission date", "bad.csv:4: the length '1200，800' is not",
            "bad.csv:4: the fee '200，300' is not"])
        self.assertEqual(self.count("submissions"), 4, "nothing of the bad file was written")

    def test_undo_of_an_import_is_refused_once_a_later_command_builds_on_it(self):
        rows = [HEADER, ["导入的稿件", "信息", "office", "张三", "2026-03-01", "", "", "", "", "", ""]]
        self.ok("import", self.write("one.csv", rows))
        sid = self.query("SELECT id FROM submissions WHERE title = '导入的稿件'")[0][0]
        self.ok("adopt", sid, "--outlet", "检察日报", "--date", "2026-03-05")
        import_entry = self.query("SELECT id FROM journal WHERE command LIKE '%import%'")[0][0]
        self.fails("undo", import_entry, mentions=[f"entry {import_entry}"])
        self.assertEqual(self.count("submissions"), 1, "the refused undo wrote nothing")
        self.assertEqual(self.count("adoptions"), 1)

    def test_header_problems_name_the_columns(self):
        path = self.write("h.csv", [["序号", "标题", "类别X", "作者", "作者", "备注"], ["1", "x", "y", "z", "z", ""]])
        self.fails("import", path, mentions=["h.csv:1: the header row has unknown columns '类别X'",
                                             "columns given twice '作者'", "missing columns '类型', '报送日期'",
                                             "标题 (title)", "采用单位 (outlet)"])
        self.fails("import", self.write("empty.csv", b""), mentions=["empty.csv is empty"])
        self.fails("import", os.path.join(self.dir, "nosuch.csv"), mentions=["cannot read", "nosuch.csv"])

    def test_a_sheet_title_above_the_header_and_skipped_columns(self):
        rows = [["2026年信息宣传台账", "", ""], [],
                ["序号", "编号", *HEADER, "备注"],
                ["1", "信息〔2026〕12号", "检察开放日", "宣传", "office", "张三", "2026-03-01", "", "", "", "", "", "",
                 "随便写"]]
        r = self.ok("import", self.write("t.csv", rows))
        self.assertNotIn("numbers kept", r.out, "a 台账's own 编号 is not infotally's record number")
        self.assertEqual(self.query("SELECT id, title FROM submissions"), [(1, "检察开放日")])
        rows = [HEADER + [""], ["x", "宣传", "office", "张三", "2026-03-01", "", "", "", "", "", "", "多余"]]
        self.fails("import", self.write("u.csv", rows), mentions=["u.csv:2: '多余' is in column 12, which has no header"])

    def test_progress_shows_on_a_terminal_and_nowhere_else(self):
        rows = [HEADER] + [[f"稿件{i}", "信息", "office", "张三", "2026-03-01"] + [""] * 6 for i in range(40000)]
        path = self.write("long.csv", rows)
        r = self.ok("import", path, "--dry-run")
        self.assertEqual(r.err, "", "stderr is a pipe here: no progress")
        master, slave = pty.openpty()
        env = self.environment()
        proc = subprocess.run([BIN, "--db", self.db, "import", path, "--dry-run"], cwd=self.dir, env=env,
                              stdout=subprocess.PIPE, stderr=slave, timeout=120)
        os.close(slave)
        seen = b""
        try:
            while chunk := os.read(master, 65536):
                seen += chunk
        except OSError:
            pass
        os.close(master)
        self.assertEqual(proc.returncode, 0)
        self.assertIn("would add 40,000 submissions", proc.stdout.decode())
        self.assertIn(f"importing {path}: ", seen.decode("utf-8", "replace"))
        self.assertIn("rows)", seen.decode("utf-8", "replace"))
        self.assertTrue(seen.endswith(b"\r\x1b[K"), "the progress line is cleared at the end")

    def test_import_reads_standard_input(self):
        with open(EXAMPLE, "rb") as f:
            r = self.ok("import", "-", stdin=f.read())
        self.assertIn("imported 6 rows from standard input (utf-8)", r.out)

    # --- filling an empty ledger: a rollback journal for the one transaction, WAL again after ----

    def journal_mode(self):
        return self.query("PRAGMA journal_mode")[0][0]

    def test_filling_an_empty_ledger_leaves_it_in_wal_mode_with_no_journal_file(self):
        self.assertEqual(self.journal_mode(), "wal")
        self.ok("import", EXAMPLE)
        self.assertEqual(self.count("submissions"), 5)
        self.assertEqual(self.journal_mode(), "wal")
        self.assertFalse(os.path.exists(self.db + "-journal"))
        self.assertEqual(self.query("PRAGMA integrity_check"), [("ok",)])
        # a ledger left in rollback mode (an import killed half-way) is put back by the next command
        self.assertEqual(self.query("PRAGMA journal_mode = DELETE"), [("delete",)])
        self.ok("list", "submissions")
        self.assertEqual(self.journal_mode(), "wal")

    def test_an_import_beside_an_open_reader_keeps_the_wal_and_the_reader_its_snapshot(self):
        reader = sqlite3.connect(self.db, isolation_level=None)
        try:
            reader.execute("BEGIN")
            self.assertEqual(reader.execute("SELECT count(*) FROM submissions").fetchone(), (0,))
            # the reader holds the ledger: no switch to a rollback journal, which would have to wait
            # for it; the import writes through the WAL beside it
            self.ok("import", EXAMPLE)
            self.assertEqual(reader.execute("SELECT count(*) FROM submissions").fetchone(), (0,))
            reader.execute("COMMIT")
            self.assertEqual(reader.execute("SELECT count(*) FROM submissions").fetchone(), (5,))
        finally:
            reader.close()
        self.assertEqual(self.journal_mode(), "wal")


class RoundTripTest(LedgerTest):
    """A varied ledger, exported and imported into an empty one, comes back record for record."""

    def build(self):
        self.make_ledger()
        self.ok("rules", "set", RULES, "--year", "2026")
        self.ok("person", "add", "Zhang San", "--dept", "zhixing")
        self.ok("person", "move", "王芳", "--dept", "zhixing", "--from", "2026-07-01")
        ids = {}

        def submit(key, title, *args):
            ids[key] = self.new_id("submit", title, *args)

        submit("f", "=HYPERLINK(\"http://example.com\",\"点击\")", "--kind", "publicity", "--dept", "office",
               "--author", "张三", "--date", "2026-03-03")
        submit("a", "关于未成年人检察工作的信息", "--kind", "info", "--dept", "gongsu", "--author", "李四:0.6",
               "--author", "王芳:0.4", "--date", "2026-03-02", "--category", "调研", "--length", "1200",
               "--destination", "direct", "--occurred", "2026-03-01", "--tag", "重要", "--tag", "约稿",
               "--due", "2026-03-10")
        self.new_id("adopt", ids["a"], "--outlet", "省院《检察信息》", "--date", "2026-03-05")
        submit("b", "'=也是公式, 含逗号", "--kind", "publicity", "--dept", "office", "--author", "张三",
               "--date", "2026-03-04")
        self.new_id("adopt", ids["a"], "--outlet", "检察日报", "--date", "2026-03-10", "--form", "merged",
                    "--placement", "front-page", "--endorsed-by", "provincial", "--fee", "200")
        submit("c", "-5天的“倒计时”", "--kind", "info", "--dept", "zhixing", "--author", "Zhang San",
               "--date", "2026-04-01")
        submit("d", "@某人 +86 的来稿", "--kind", "info", "--dept", "zhixing", "--author", "王芳",
               "--author", "张三", "--date", "2026-08-01")
        self.new_id("adopt", ids["d"], "--outlet", "市委办公室", "--date", "2026-08-03", "--form", "brief")
        self.new_id("adopt", ids["f"], "--outlet", "检察日报", "--date", "2026-03-20")
        submit("e", "去年的稿件", "--kind", "info", "--dept", "office", "--author", "张三", "--date", "2025-12-30")
        self.new_id("adopt", ids["e"], "--outlet", "检察日报", "--date", "2026-01-04")
        self.ok("remove", self.new_id("submit", "删掉的", "--kind", "info", "--dept", "office", "--author",
                                      "张三", "--date", "2026-05-01"))
        return ids

    def snapshot(self, db):
        views = [("list", "submissions"), ("list", "adoptions"), ("tally", "2026", "--by", "person"),
                 ("tally", "2026", "--by", "dept"), ("report", "month", "2026-03"),
                 ("status", "--year", "2026", "--as-of", "2026-12-31")]
        out = {}
        for v in views:
            r = self.run_cli("--db", db, "--format", "json", *v, db=False)
            self.assertEqual(r.code, 0, f"{v}: {r}")
            out[" ".join(v)] = r.json()
        return out

    def test_export_then_import_into_an_empty_ledger_reproduces_everything(self):
        self.build()
        exported = self.ok("export").raw
        self.assertTrue(exported.startswith("\ufeff记录编号,标题,".encode()))
        lines = exported.split(b"\r\n")
        self.assertEqual(lines[-1], b"")
        self.assertEqual(len(lines), 1 + 7 + 1, "one row per adoption, one per piece without")
        text = exported.decode("utf-8-sig")
        self.assertIn("'=HYPERLINK(", text, "formulas are neutralised for Excel")
        self.assertIn("\"''=也是公式, 含逗号\"", text)
        self.assertIn(",'-5天的“倒计时”,", text)
        self.assertIn(",'@某人 +86 的来稿,", text)
        self.assertIn(",刑事执行检察部,zhixing,王芳、张三,刑事执行检察部、办公室,2026-08-01,", text)
        self.assertIn(",Zhang San、,", text, "a lone author with a space keeps a separator")
        export_file = os.path.join(self.dir, "export.csv")
        with open(export_file, "wb") as f:
            f.write(exported)

        fresh = os.path.join(self.dir, "fresh.db")
        self.run_cli("--db", fresh, "init", "--unit", "测试县人民检察院", db=False)
        self.run_cli("--db", fresh, "rules", "set", RULES, "--year", "2026", db=False)
        r = self.run_cli("--db", fresh, "import", export_file, db=False)
        self.assertEqual(r.code, 1, r)
        self.assertIn("unknown department", r.err)
        r = self.run_cli("--db", fresh, "import", export_file, "--create-missing", db=False)
        self.assertEqual(r.code, 0, r)
        self.assertIn("added 6 submissions (0 already present), 5 adoptions", r.out)
        self.assertIn("created 3 departments, 4 people and 3 outlets; record numbers kept", r.out)

        self.assertEqual(self.snapshot(fresh), self.snapshot(self.db))
        titles = [s["title"] for s in self.snapshot(fresh)["list submissions"]]
        self.assertIn('=HYPERLINK("http://example.com","点击")', titles)
        self.assertIn("'=也是公式, 含逗号", titles)
        again = self.run_cli("--db", fresh, "export", db=False).raw
        self.assertEqual(again, exported, "export of the copy is byte for byte the original's")
        # 王芳 moved to zhixing on 2026-07-01; the copy knows her move from the rows.
        people = self.run_cli("--db", fresh, "--format", "json", "person", "list", db=False).json()
        self.assertEqual({p["name"]: p["dept"] for p in people}["王芳"], "zhixing")
        # The ids went on from where the file's left off.
        r = self.run_cli("--db", fresh, "submit", "新的", "--kind", "info", "--dept", "office", "--author", "张三",
                         db=False)
        self.assertEqual(r.out.strip(), "12")

    def test_export_piped_into_import_and_into_the_same_ledger(self):
        self.build()
        exported = self.ok("export").raw
        r = self.ok("import", "-", stdin=exported)
        self.assertIn("added 0 submissions (6 already present), 0 adoptions (5 already present)", r.out)
        # Into a ledger that already has records, the file's numbers give way to new ones.
        other = os.path.join(self.dir, "other.db")
        self.run_cli("--db", other, "init", "--unit", "x", db=False)
        self.run_cli("--db", other, "dept", "add", "office", "办公室", db=False)
        self.run_cli("--db", other, "person", "add", "张三", "--dept", "office", db=False)
        self.run_cli("--db", other, "submit", "已有", "--kind", "info", "--author", "张三", db=False)
        r = self.run_cli("--db", other, "import", "-", "--create-missing", stdin=exported, db=False)
        self.assertEqual(r.code, 0, r)
        self.assertNotIn("numbers kept", r.out)
        got = self.run_cli("--db", other, "--format", "json", "list", "submissions", db=False).json()
        self.assertEqual(len(got), 7)
        self.assertEqual(sorted(int(s["id"]) for s in got)[:2], [1, 2])

    def test_export_year_takes_that_years_submissions_with_all_their_adoptions(self):
        ids = self.build()
        rows = list(csv.reader(io.StringIO(self.ok("export", "--year", "2025").raw.decode("utf-8-sig"))))
        self.assertEqual([r[0] for r in rows[1:]], [ids["e"]])
        self.assertEqual(rows[1][rows[0].index("采用日期")], "2026-01-04")
        self.fails("export", "--year", "26", mentions=["'26' is not a year"])


if __name__ == "__main__":
    main()
