"""Faults and load: concurrent writers, backups during writes, a full disk, bad ledger paths.
(Kills in the middle of an import are in test_import_faults.py.)"""
import csv
import os
import sqlite3
import subprocess
import tempfile
import threading

from support import BIN, LedgerTest, main


class ConcurrencyTest(LedgerTest):
    # Fewer adopts each under the sanitizers, whose processes run several times slower
    # (tests/CMakeLists.txt sets INFOTALLY_WRITES_EACH there).
    WRITERS, EACH = 4, int(os.environ.get("INFOTALLY_WRITES_EACH", "200"))

    def test_concurrent_writers_lose_nothing(self):
        self.make_ledger()
        sid = self.new_id("submit", "并发测试稿件", "--kind", "info", "--dept", "office", "--author", "张三",
                          "--date", "2026-03-01")
        results = [[] for _ in range(self.WRITERS)]
        env = self.environment()

        def writer(n):
            for i in range(self.EACH):
                p = subprocess.run([BIN, "--db", self.db, "adopt", sid, "--outlet", "检察日报",
                                    "--date", f"2026-03-{2 + (i % 27):02d}"], capture_output=True, env=env)
                results[n].append((p.returncode, p.stdout.decode(), p.stderr.decode()))

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(self.WRITERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        flat = [r for rs in results for r in rs]
        ok = [r for r in flat if r[0] == 0]
        failed = [r for r in flat if r[0] != 0]
        for code, out, err in failed:  # a failure may only be a clear "busy" error
            self.assertEqual(code, 1, err)
            self.assertIn("busy", err)
        ids = [int(out) for _, out, _ in ok]
        self.assertEqual(len(set(ids)), len(ids), "an id was handed out twice")
        rows = self.query("SELECT id FROM adoptions ORDER BY id")
        self.assertEqual(sorted(ids), [r[0] for r in rows], "the ledger does not hold exactly the adoptions reported")
        self.assertEqual(len(self.ok("--format", "json", "log", "--limit", "0").json()),
                         1 + 10 + len(ok))  # init, the set-up commands, the submission, each adoption
        self.ok("check")
        print(f"\n{len(flat)} concurrent adopt commands: {len(ok)} written, {len(failed)} refused as busy")

    def test_backup_while_another_process_writes_is_consistent(self):
        self.make_ledger()
        stop = threading.Event()
        env = self.environment()

        def writer():
            i = 0
            while not stop.is_set() and i < 300:
                subprocess.run([BIN, "--db", self.db, "submit", f"稿件{i}", "--kind", "info", "--dept", "office",
                                "--author", "张三", "--date", "2026-03-01"], capture_output=True, env=env)
                i += 1

        t = threading.Thread(target=writer)
        t.start()
        try:
            for n in range(5):
                copy = os.path.join(self.dir, f"copy{n}.db")
                self.ok("backup", copy)
                con = sqlite3.connect(copy)
                self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                subs = con.execute("SELECT count(*) FROM submissions").fetchone()[0]
                auth = con.execute("SELECT count(*) FROM authorships").fetchone()[0]
                self.assertEqual(subs, auth, "a backup caught a submission without its author")
                con.close()
        finally:
            stop.set()
            t.join()


class FullDiskTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.mount = tempfile.mkdtemp(prefix="infotally-full-")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", self.mount], capture_output=True)
        if r.returncode != 0:
            os.rmdir(self.mount)
            self.skipTest("cannot mount a small tmpfs here (needs root); a full disk was checked by hand")
        self.db = os.path.join(self.mount, "ledger.db")

    def tearDown(self):
        subprocess.run(["umount", self.mount], capture_output=True)
        os.rmdir(self.mount)
        super().tearDown()

    def test_a_full_disk_is_a_clear_error_and_damages_nothing(self):
        self.ok("init")
        self.ok("dept", "add", "office", "办公室")
        self.ok("person", "add", "张三", "--dept", "office")
        added, error = 0, None
        for i in range(1000):
            r = self.run_cli("submit", f"{i}" + "很长的标题" * 99, "--kind", "info", "--dept", "office",
                             "--author", "张三", "--date", "2026-03-01")
            if r.code != 0:
                error = r
                break
            added += 1
        self.assertIsNotNone(error, "the disk never filled up")
        self.assertEqual(error.code, 1, error)
        self.assertIn("infotally: error:", error.err)
        self.assertRegex(error.err, "disk .* is full|full")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        self.assertEqual(con.execute("SELECT count(*) FROM submissions").fetchone()[0], added)
        self.assertEqual(con.execute("SELECT count(*) FROM authorships").fetchone()[0], added)
        con.close()

    def test_an_import_that_fills_the_disk_is_a_clear_error_and_writes_nothing(self):
        # An import writes its rows on a second thread (BulkWriter::InBackground, store/bulk.hpp):
        # the error it meets there must still end the command, name the full disk, and roll back.
        self.ok("init")
        path = os.path.join(self.dir, "台账.csv")
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["标题", "类型", "部门", "作者", "作者部门", "报送日期"])
            for i in range(20000):  # some 8 MB in the ledger: the page cache (2 MB) spills early
                w.writerow([f"关于第{i}号案件办理情况的信息" + "详细内容" * 25, "信息", "办公室", f"干警{i % 50}号",
                            "办公室", "2026-03-02"])
        before = self.dump()
        r = self.run_cli("import", path, "--create-missing")
        self.assertEqual(r.code, 1, r)
        self.assertIn("infotally: error:", r.err)
        self.assertRegex(r.err, "disk .* is full|full")
        self.assertEqual(r.out, "")
        self.assertEqual(self.dump(), before)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        con.close()
        self.assertFalse(os.path.exists(self.db + "-journal"))


class LedgerPathTest(LedgerTest):
    def test_a_missing_parent_folder(self):
        self.db = os.path.join(self.dir, "no", "such", "folder", "l.db")
        self.fails("dept", "list", mentions=["no ledger"])
        self.fails("init", mentions=["does not exist"])
        self.assertFalse(os.path.exists(os.path.join(self.dir, "no")))

    def test_a_read_only_folder_or_file(self):
        if os.geteuid() == 0:
            self.skipTest("root can write read-only files; run as a normal user to check this")
        self.ok("init")
        os.chmod(self.db, 0o444)
        r = self.run_cli("dept", "add", "x", "办公室")
        self.assertEqual(r.code, 1, r)
        self.assertIn("infotally: error:", r.err)


if __name__ == "__main__":
    main()
