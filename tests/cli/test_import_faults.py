"""Kill -9 in the middle of a large import, many times at random points: afterwards the ledger
passes integrity_check and holds either none or all of the import, never part of it."""
import csv
import os
import random
import signal
import sqlite3
import subprocess
import time

from support import BIN, LedgerTest, main

KILLS = int(os.environ.get("INFOTALLY_KILLS", "20"))


class KillDuringImportTest(LedgerTest):
    ROWS = 30000

    def write_csv(self, path):
        rng = random.Random(7)
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["标题", "类型", "部门", "作者", "作者部门", "报送日期", "采用单位", "级别", "媒体类型", "采用日期"])
            for i in range(self.ROWS):
                dept = f"第{i % 12 + 1}检察部"
                adopted = i % 3 != 0
                w.writerow([f"关于第{i}号案件的信息", "信息", dept, f"干警{i % 97}号", dept, "2026-03-02",
                            f"媒体{i % 7}" if adopted else "", "省级" if adopted else "", "报刊" if adopted else "",
                            "2026-03-05" if adopted else ""])

    def counts(self):
        con = sqlite3.connect(self.db)
        try:
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            self.assertEqual(con.execute("PRAGMA foreign_key_check").fetchall(), [])
            # An import drops the journal's triggers inside its transaction (BulkJournal): killed
            # or not, the ledger keeps the very ones it had when created.
            triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                   "ORDER BY name").fetchall()
            if not hasattr(self, "triggers"):
                self.triggers = triggers
                self.assertGreaterEqual(len(triggers), 27)
            self.assertEqual(triggers, self.triggers, "the journal's triggers are all there")
            return (con.execute("SELECT count(*) FROM submissions").fetchone()[0],
                    con.execute("SELECT count(*) FROM adoptions").fetchone()[0],
                    con.execute("SELECT count(*) FROM journal").fetchone()[0])
        finally:
            con.close()

    def test_a_killed_import_leaves_none_or_all_of_it(self):
        self.ok("init")
        path = os.path.join(self.dir, "台账.csv")
        self.write_csv(path)
        env = self.environment()
        cmd = [BIN, "--db", self.db, "import", path, "--create-missing"]
        # How long a whole import takes here, on a scratch copy, to aim the kills inside it.
        t = time.perf_counter()
        scratch = os.path.join(self.dir, "scratch.db")
        subprocess.run([BIN, "--db", scratch, "init"], env=env, check=True, capture_output=True)
        subprocess.run([BIN, "--db", scratch, "import", path, "--create-missing"], env=env, check=True,
                       capture_output=True)
        duration = time.perf_counter() - t
        empty = self.counts()
        rng = random.Random(11)
        killed = completed = hot = 0
        for _ in range(KILLS):
            p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait = rng.uniform(0.0, duration * 1.1)
            time.sleep(wait)
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                killed += 1
            else:
                # Done sooner than the scratch run (which a busy machine can slow): aim shorter.
                duration = min(duration, wait)
            p.wait()
            # An import into an empty ledger writes through a rollback journal (RollbackJournal,
            # store/sqlite.hpp): killed, it leaves the journal, which the next open rolls back.
            hot += os.path.exists(self.db + "-journal")
            now = self.counts()
            if now == empty:
                continue
            # the import got through before the kill: all of it is there; start again from empty
            completed += 1
            self.assertEqual(now[:2], (self.ROWS, sum(1 for i in range(self.ROWS) if i % 3)))
            self.ok("undo")
            self.assertEqual(self.counts()[:2], empty[:2])
            empty = self.counts()
        self.assertGreater(killed, KILLS // 2, "the kills mostly missed the import; the test proves little")
        self.assertGreater(hot, 0, "no kill left a rollback journal behind")
        self.ok("import", path, "--create-missing")
        self.assertEqual(self.counts()[0], self.ROWS)
        self.assertEqual(self.query("PRAGMA journal_mode"), [("wal",)])
        print(f"\n{KILLS} runs: {killed} killed mid-import, {completed} completed; {hot} left a rollback journal; none left a partial import")


if __name__ == "__main__":
    main()
