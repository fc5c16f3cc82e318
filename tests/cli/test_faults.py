"""Faults and load: concurrent writers, backups during writes, a full disk, bad ledger paths.
(Kills in the middle of an import are in test_import_faults.py.)"""
import csv
import os
import sqlite3
import subprocess
import tempfile
import threading

from support import BIN, LedgerTest, Result, main


def set_journal_mode(path, mode):
    """Puts a ledger in `mode`: "wal", as every command leaves it, or "delete" (rollback), as an
    import killed while filling an empty ledger leaves it."""
    con = sqlite3.connect(path)
    try:
        if con.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0] != mode:
            raise RuntimeError(f"{path} stayed out of journal mode {mode}")
    finally:
        con.close()


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


class TmpfsTest(LedgerTest):
    """Each test gets a small file system of its own at self.mount (a tmpfs: needs root)."""
    SIZE = "1m"

    def setUp(self):
        super().setUp()
        self.mount = tempfile.mkdtemp(prefix="infotally-mnt-")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={self.SIZE}", "tmpfs", self.mount],
                           capture_output=True)
        if r.returncode != 0:
            os.rmdir(self.mount)
            self.skipTest("cannot mount a tmpfs here (needs root); this was checked by hand")
        self.db = os.path.join(self.mount, "ledger.db")

    def tearDown(self):
        subprocess.run(["umount", self.mount], capture_output=True)
        os.rmdir(self.mount)
        super().tearDown()

    def remount_read_only(self):
        r = subprocess.run(["mount", "-o", "remount,ro", self.mount], capture_output=True)
        self.assertEqual(r.returncode, 0, r)


class FullDiskTest(TmpfsTest):

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


class ReadOnlyMediaTest(TmpfsTest):
    """A ledger on media nobody can write (a write-protected stick, a CD, a read-only share) is
    opened immutable (Store::open): every report works, every write is refused and changes nothing."""
    SIZE = "4m"

    def make_ledger(self, name):
        """A ledger with a department, a person and an adopted submission; returns its tally."""
        self.db = os.path.join(self.mount, name)
        self.ok("init")
        self.ok("dept", "add", "office", "办公室")
        self.ok("person", "add", "张三", "--dept", "office")
        sid = self.ok("submit", "关于扫黑除恶工作的信息", "--kind", "info", "--dept", "office",
                      "--author", "张三", "--date", "2026-03-01").out.split()[-1]
        self.ok("outlet", "add", "检察日报", "--level", "国家级", "--media", "print")
        self.ok("adopt", sid, "--outlet", "检察日报", "--date", "2026-03-05")
        return self.ok("tally", "2026").out

    def test_reads_work_and_writes_are_refused(self):
        # One ledger as every command leaves it (WAL), one in rollback mode, as an import killed
        # while filling an empty ledger leaves it. Names with Chinese, "#", "?" and "%": the
        # immutable open goes through a file: URI, where those mean something.
        ledgers = {"市院台账.db": None, "旧台账 #1?%20.db": None}
        for name in ledgers:
            ledgers[name] = self.make_ledger(name)
        set_journal_mode(os.path.join(self.mount, "旧台账 #1?%20.db"), "delete")
        self.remount_read_only()
        for name, tally in ledgers.items():
            with self.subTest(ledger=name):
                self.db = os.path.join(self.mount, name)
                with open(self.db, "rb") as f:
                    before = f.read()
                self.assertEqual(self.ok("tally", "2026").out, tally)
                self.assertIn("办公室", self.ok("dept", "list").out)
                self.assertIn("关于扫黑除恶工作的信息", self.ok("export").out)
                r = self.run_cli("dept", "add", "x", "测试科")
                self.assertEqual(r.code, 1, r)
                self.assertIn("infotally: error:", r.err)
                self.assertIn("cannot write", r.err)
                self.assertEqual(r.out, "")
                with open(self.db, "rb") as f:
                    self.assertEqual(f.read(), before)
        self.assertEqual(sorted(os.listdir(self.mount)), sorted(ledgers))

    def test_a_ledger_with_a_wal_beside_it_is_not_read_as_immutable(self):
        # Records still in the -wal are not in the file: reading the file alone would show an
        # older ledger as if it were whole. Better the error than a silently wrong tally.
        self.db = os.path.join(self.mount, "台账.db")
        self.ok("init")
        keep = sqlite3.connect(self.db)  # held open, so the WAL is not folded in when the CLI closes
        keep.execute("PRAGMA wal_autocheckpoint = 0")
        keep.execute("SELECT count(*) FROM departments").fetchone()
        self.ok("dept", "add", "office", "办公室")
        self.assertTrue(os.path.exists(self.db + "-wal"))
        # remounting read-only needs nothing open for writing; copy the files to a second mount
        subprocess.run(["cp", self.db, self.db + "-wal", self.dir], check=True)
        keep.close()
        for f in os.listdir(self.mount):
            os.remove(os.path.join(self.mount, f))
        subprocess.run(["cp", os.path.join(self.dir, "台账.db"), os.path.join(self.dir, "台账.db-wal"), self.mount],
                       check=True)
        self.remount_read_only()
        r = self.run_cli("dept", "list")
        self.assertEqual(r.code, 1, r)
        self.assertIn("infotally: error: cannot read the ledger", r.err)
        self.assertIn("台账.db-wal", r.err)
        self.assertIn("copy", r.err)
        self.assertEqual(r.out, "")
        r = self.run_cli("dept", "list", env={"LANG": "zh_CN.UTF-8"})
        self.assertIn("无法读取台账", r.err)


class LedgerPathTest(LedgerTest):
    def test_a_missing_parent_folder(self):
        self.db = os.path.join(self.dir, "no", "such", "folder", "l.db")
        self.fails("dept", "list", mentions=["no ledger"])
        self.fails("init", mentions=["does not exist"])
        self.assertFalse(os.path.exists(os.path.join(self.dir, "no")))

    def run_as_nobody(self, *args, db=True):
        """Runs the binary as an ordinary user (root may write read-only files): as 'nobody' when
        the tests run as root, else as the user running them."""
        user = {"user": 65534, "group": 65534} if os.geteuid() == 0 else {}
        proc = subprocess.run([BIN, *(["--db", self.db] if db else []), *args], cwd=self.dir, env=self.environment(),
                              capture_output=True, timeout=60, **user)
        return Result(proc)

    def test_a_read_only_file_can_be_read_not_written(self):
        # A ledger without write permission, in a folder its user may write: in WAL mode, as every
        # command leaves it, and in rollback mode, as an import killed while filling an empty ledger
        # leaves it (the switch back to WAL is a write, so it must not be tried here).
        for mode in ("wal", "delete"):
            with self.subTest(journal_mode=mode):
                self.db = os.path.join(self.dir, f"台账-{mode}.db")
                self.ok("init")
                self.ok("dept", "add", "office", "办公室")
                set_journal_mode(self.db, mode)
                if os.geteuid() == 0:
                    os.chown(self.dir, 65534, 65534)
                    os.chown(self.db, 65534, 65534)
                os.chmod(self.db, 0o444)
                with open(self.db, "rb") as f:
                    before = f.read()
                r = self.run_as_nobody("--help", db=False)
                if r.code != 0:
                    self.skipTest(f"the binary cannot run as user nobody here: {r}")
                r = self.run_as_nobody("dept", "list")
                self.assertEqual(r.code, 0, r)
                self.assertIn("办公室", r.out)
                r = self.run_as_nobody("dept", "add", "x", "测试科")
                self.assertEqual(r.code, 1, r)
                self.assertIn("infotally: error: cannot write the ledger", r.err)
                self.assertIn("permissions", r.err)
                with open(self.db, "rb") as f:
                    self.assertEqual(f.read(), before)

    def test_a_wal_ledger_in_a_folder_the_user_cannot_write(self):
        # Reading a WAL ledger needs a -shm file beside it; where the user can create none and the
        # disk is writable (someone else may be writing the ledger), it is not read as immutable:
        # the error says what is missing. A ledger in rollback mode needs no -shm and reads.
        if os.geteuid() != 0:
            self.skipTest("needs root, to make a folder the user 'nobody' cannot write")
        r = self.run_as_nobody("--help", db=False)
        if r.code != 0:
            self.skipTest(f"the binary cannot run as user nobody here: {r}")
        folder = os.path.join(self.dir, "共享台账")
        os.mkdir(folder)
        os.chmod(self.dir, 0o755)
        for mode in ("wal", "delete"):
            self.db = os.path.join(folder, f"台账-{mode}.db")
            self.ok("init")
            self.ok("dept", "add", "office", "办公室")
            set_journal_mode(self.db, mode)
        os.chmod(folder, 0o755)  # root's: nobody may read it, not create files in it
        self.db = os.path.join(folder, "台账-wal.db")
        r = self.run_as_nobody("dept", "list")
        self.assertEqual(r.code, 1, r)
        self.assertIn("infotally: error: cannot read the ledger", r.err)
        self.assertIn("台账-wal.db-shm", r.err)
        self.assertIn("write permission on the folder", r.err)
        self.assertEqual(r.out, "")
        self.db = os.path.join(folder, "台账-delete.db")
        r = self.run_as_nobody("dept", "list")
        self.assertEqual(r.code, 0, r)
        self.assertIn("办公室", r.out)
        self.assertEqual(sorted(os.listdir(folder)), ["台账-delete.db", "台账-wal.db"])


if __name__ == "__main__":
    main()
