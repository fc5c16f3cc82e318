"""The ledger file itself: what is refused, and that a refused command leaves the file as it was."""
import os
import sqlite3
import stat

from support import LedgerTest, main


class LedgerFileTest(LedgerTest):
    def file_bytes(self):
        with open(self.db, "rb") as f:
            return f.read()

    def test_a_file_that_is_not_sqlite_is_refused_untouched(self):
        with open(self.db, "wb") as f:
            f.write("标题,部门\n这不是数据库\n".encode("utf-8"))
        before = self.file_bytes()
        self.fails("dept", "list", mentions=["not an infotally ledger", "not a SQLite database"])
        self.fails("dept", "add", "x", "办公室", mentions=["not a SQLite database"])
        self.assertEqual(self.file_bytes(), before)

    def test_an_empty_file_is_refused_untouched(self):
        open(self.db, "wb").close()
        self.fails("dept", "list", mentions=["empty file"])
        self.assertEqual(os.path.getsize(self.db), 0)

    def test_another_programs_database_is_refused(self):
        con = sqlite3.connect(self.db)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        self.fails("dept", "list", mentions=["not an infotally ledger"])

    def test_a_ledger_from_a_newer_version_is_refused_untouched(self):
        self.ok("init")
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version = 999")
        con.commit()
        con.close()
        before = self.file_bytes()
        self.fails("dept", "add", "office", "办公室", mentions=["newer infotally", "999"])
        self.assertEqual(self.file_bytes(), before)

    def test_a_folder_is_not_a_ledger(self):
        os.mkdir(self.db)
        r = self.run_cli("dept", "list")
        self.assertEqual(r.code, 1, r)
        self.assertIn("is a folder", r.err)

    def test_a_read_only_ledger_can_be_read_but_not_written(self):
        if os.geteuid() == 0:
            self.skipTest("root writes read-only files; checked by hand as a normal user")
        self.ok("init")
        self.ok("dept", "add", "office", "办公室")
        os.chmod(self.db, stat.S_IRUSR)
        r = self.run_cli("dept", "add", "x", "测试")
        self.assertEqual(r.code, 1, r)


if __name__ == "__main__":
    main()
