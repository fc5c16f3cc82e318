"""The audit journal, undo/redo, backup, restore and check."""
import os
import sqlite3

from support import LedgerTest, main


class HistoryTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()
        self.sid = self.new_id("submit", "检察开放日活动", "--kind", "宣传", "--dept", "office", "--author", "张三",
                               "--date", "2026-03-10")
        self.aid = self.new_id("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-20")

    def entries(self):
        return self.ok("--format", "json", "log", "--limit", "0").json()

    def test_every_write_is_journaled_with_its_command_line_and_reads_are_not(self):
        log = self.entries()
        self.assertEqual(log[0]["command"], f"infotally --db {self.db} adopt {self.sid} --outlet 检察日报 --date 2026-03-20")
        self.assertIn("+1 adoptions", log[0]["changes"])
        self.assertIn("检察开放日活动", log[1]["command"])
        self.assertIn("+1 submissions", log[1]["changes"])
        n = len(log)
        self.ok("list", "submissions")
        self.ok("tally", "2026")
        self.fails("submit", "x", "--kind", "info", "--dept", "nosuch", "--author", "张三")
        self.assertEqual(len(self.entries()), n)
        self.assertEqual(len(self.ok("--format", "json", "log", "--limit", "2").json()), 2)

    def test_undo_reverts_the_latest_command_and_undoing_the_undo_redoes_it(self):
        self.ok("remove", self.sid, "--force")
        self.assertEqual(self.query("SELECT count(*) FROM submissions"), [(0,)])
        r = self.ok("undo")
        self.assertIn("undid", r.out)
        self.assertIn("remove", r.out)
        self.assertEqual(self.query("SELECT id, title FROM submissions"), [(int(self.sid), "检察开放日活动")])
        self.assertEqual(self.query("SELECT id FROM adoptions"), [(int(self.aid),)])
        self.assertEqual(self.query("SELECT count(*) FROM authorships"), [(1,)])
        r = self.ok("undo")
        self.assertIn("redid", r.out)
        self.assertIn("remove", r.out)
        self.assertEqual(self.query("SELECT count(*) FROM submissions"), [(0,)])

    def test_undo_of_an_edit_restores_the_old_values(self):
        self.ok("edit", self.sid, "--title", "改过的标题", "--author", "李四")
        self.ok("undo")
        self.assertEqual(self.query("SELECT title FROM submissions"), [("检察开放日活动",)])
        self.assertEqual(self.query("SELECT p.name FROM authorships a JOIN people p ON p.id = a.person_id"), [("张三",)])

    def test_numbers_are_not_reused_after_an_undo(self):
        self.ok("undo")  # the adoption goes
        new = self.new_id("adopt", self.sid, "--outlet", "检察日报", "--date", "2026-03-21")
        self.assertGreater(int(new), int(self.aid))

    def test_undo_of_an_older_entry_is_refused_when_later_commands_changed_its_rows(self):
        submit_entry = self.entries()[1]["entry"]
        self.fails("undo", str(submit_entry), mentions=["depend on what it added"])
        self.assertEqual(self.query("SELECT count(*) FROM adoptions"), [(1,)])
        self.ok("edit", self.sid, "--title", "新标题")
        self.fails("undo", str(submit_entry), mentions=["changed the same records later"])
        self.fails("undo", "9999", mentions=["no journal entry 9999"])

    def test_an_undone_entry_cannot_be_undone_twice(self):
        self.ok("undo")
        undone = self.entries()[1]["entry"]
        self.fails("undo", str(undone), mentions=["already undone", "redo"])

    def test_backup_is_a_faithful_copy_and_restore_brings_it_back(self):
        copy = os.path.join(self.dir, "备份.db")
        self.ok("backup", copy)
        self.fails("backup", copy, mentions=["already exists", "--force"])
        before = self.dump()
        self.ok("remove", self.sid, "--force")
        self.ok("dept", "add", "new", "新部门")
        r = self.ok("restore", copy)
        self.assertIn("before-restore", r.out)
        self.assertEqual(self.dump(), before)
        safety = [f for f in os.listdir(self.dir) if "before-restore" in f and not f.endswith(("-wal", "-shm"))]
        self.assertEqual(len(safety), 1)
        con = sqlite3.connect(os.path.join(self.dir, safety[0]))
        self.assertEqual(con.execute("SELECT count(*) FROM departments WHERE code = 'new'").fetchone(), (1,))
        con.close()

    def test_restore_refuses_a_file_that_is_not_a_sound_ledger(self):
        junk = os.path.join(self.dir, "junk.db")
        with open(junk, "wb") as f:
            f.write(b"not a ledger at all" * 100)
        self.fails("restore", junk, mentions=["not an infotally ledger"])
        self.fails("restore", os.path.join(self.dir, "missing.db"), mentions=["no ledger"])

    def test_a_damaged_ledger_is_refused_and_can_be_restored(self):
        copy = os.path.join(self.dir, "good.db")
        self.ok("backup", copy)
        for i in range(60):
            self.ok("dept", "add", f"d{i}", f"科室{i}" * 20)
        self.ok("check")
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'departments'").fetchone()[0]
        con.close()
        with open(self.db, "r+b") as f:  # scribble over the departments table's root page
            f.seek((root - 1) * page_size + 8)
            f.write(b"\xff" * 64)
        r = self.run_cli("dept", "list")
        self.assertEqual(r.code, 1, r)
        self.assertIn("infotally: error:", r.err)
        self.assertRegex(r.err, "integrity check|damaged")
        self.ok("restore", copy)
        self.ok("check")
        self.assertNotIn("科室1", self.ok("dept", "list").out)

    def test_a_ledger_over_8_mb_is_checked_by_check_and_before_import_not_on_every_open(self):
        con = sqlite3.connect(self.db)
        # 9 MB of submissions, written straight into the file (faster than 30,000 commands)
        con.execute("WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 30000) "
                    "INSERT INTO submissions (id, title, kind, dept_id, submitted_on) "
                    "SELECT v + 1000, '关于检察工作的信息' || printf('%0300d', v), 'info', 1, '2026-03-01' FROM n")
        con.execute("UPDATE counters SET value = 31000 WHERE name = 'record_id'")
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'adoptions'").fetchone()[0]
        con.close()
        self.assertGreater(os.path.getsize(self.db), 8 << 20)
        self.ok("check")
        with open(self.db, "r+b") as f:  # scribble over the (empty) adoptions table's root page
            f.seek((root - 1) * page_size + 8)
            f.write(b"\xff" * 64)
        # Opening does not read every page of a large ledger: a listing still works …
        self.assertIn("办公室", self.ok("dept", "list").out)
        # … but `check` finds the damage, and `import` refuses to write into it.
        r = self.run_cli("check")
        self.assertEqual(r.code, 1, r)
        csv_path = os.path.join(self.dir, "one.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write("标题,类型,部门,作者,报送日期\n新稿件,信息,office,张三,2026-03-02\n")
        r = self.run_cli("import", csv_path)
        self.assertEqual(r.code, 1, r)
        self.assertRegex(r.err, "integrity check|damaged")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("SELECT count(*) FROM submissions WHERE title = '新稿件'").fetchone(), (0,))
        con.close()


if __name__ == "__main__":
    main()
