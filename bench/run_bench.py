#!/usr/bin/env python3
"""`make bench`: infotally against the same work done in plain SQL by the sqlite3 shell, on the
same files, in the same run, at 10k, 100k and 1M adoptions. Every figure is the wall time of a
whole process (start-up included), best of --repeat runs; memory is the peak resident set.

    python3 bench/run_bench.py --bin build-release/infotally [--sizes 10000,100000,1000000]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The default rules' arithmetic (lib/rules/default_rules.cpp) written as one SQL aggregate: points
# by level × form × placement, split equally among authors, summed per person.
SQL_TALLY = """
WITH pts AS (
  SELECT a.submission_id AS sid,
         (CASE o.level WHEN 'national' THEN 10 WHEN 'provincial' THEN 6 WHEN 'city' THEN 3 ELSE 1 END)
         * (CASE a.form WHEN 'brief' THEN 0.5 WHEN 'merged' THEN 0.6 ELSE 1 END)
         * (CASE a.placement WHEN 'front-page' THEN 2 WHEN 'lead' THEN 2 WHEN 'front-lead' THEN 3
                             WHEN 'full-page' THEN 3 ELSE 1 END) AS p
  FROM adoptions a JOIN outlets o ON o.id = a.outlet_id
  WHERE a.adopted_on BETWEEN '2026-01-01' AND '2026-12-31'),
per_sub AS (SELECT sid, sum(p) AS p, count(*) AS n FROM pts GROUP BY sid),
authors AS (SELECT submission_id, count(*) AS c FROM authorships GROUP BY submission_id),
subs AS (SELECT id FROM submissions WHERE submitted_on BETWEEN '2026-01-01' AND '2026-12-31')
SELECT pe.name, d.name, sum(CASE WHEN s.id IS NOT NULL THEN 1.0 / au.c ELSE 0 END),
       sum(coalesce(ps.p, 0) / au.c), sum(coalesce(ps.n, 0) * 1.0 / au.c)
FROM authorships x JOIN authors au ON au.submission_id = x.submission_id
JOIN people pe ON pe.id = x.person_id
JOIN memberships m ON m.person_id = pe.id JOIN departments d ON d.id = m.dept_id
LEFT JOIN subs s ON s.id = x.submission_id
LEFT JOIN per_sub ps ON ps.sid = x.submission_id
WHERE s.id IS NOT NULL OR ps.sid IS NOT NULL
GROUP BY pe.id ORDER BY 4 DESC;
"""

# Per department, for a month, the year to date, and both a year earlier: submitted, adopted
# pieces, points by level.
def sql_period(frm, to):
    return f"""
SELECT d.name,
  (SELECT count(*) FROM submissions s WHERE s.dept_id = d.id AND s.submitted_on BETWEEN '{frm}' AND '{to}'),
  (SELECT count(DISTINCT a.submission_id) FROM adoptions a JOIN submissions s ON s.id = a.submission_id
     WHERE s.dept_id = d.id AND a.adopted_on BETWEEN '{frm}' AND '{to}'),
  (SELECT sum(CASE o.level WHEN 'national' THEN 10 WHEN 'provincial' THEN 6 WHEN 'city' THEN 3 ELSE 1 END)
     FROM adoptions a JOIN submissions s ON s.id = a.submission_id JOIN outlets o ON o.id = a.outlet_id
     WHERE s.dept_id = d.id AND a.adopted_on BETWEEN '{frm}' AND '{to}')
FROM departments d ORDER BY 4 DESC;"""

SQL_REPORT = "".join(sql_period(f, t) for f, t in [("2026-06-01", "2026-06-30"), ("2026-01-01", "2026-06-30"),
                                                      ("2025-06-01", "2025-06-30"), ("2025-01-01", "2025-06-30")]) + """
SELECT a.adopted_on, a.id, s.title, o.name FROM adoptions a JOIN submissions s ON s.id = a.submission_id
JOIN outlets o ON o.id = a.outlet_id WHERE a.adopted_on BETWEEN '2026-06-01' AND '2026-06-30' ORDER BY 1, 2;"""

SQL_STATUS = sql_period("2026-01-01", "2026-06-30")

# What no report can do without: every row of the three record tables stepped once, in key order,
# with every column a report reads (the adoptions through the covering index the reports use). No
# rules, no names, no output: the machine's floor for reading the ledger through SQLite. A year's
# report reads about half of these rows and steps over most of the rest (ARCHITECTURE.md).
SQL_READ_ALL = """
SELECT count(*), sum(length(title) + length(kind) + length(category) + dept_id + length(submitted_on)
  + coalesce(length, 0) + length(destination) + coalesce(length(occurred_on), 0)
  + coalesce(length(due_on), 0) + length(tags)) FROM submissions;
SELECT count(*), sum(person_id + position + coalesce(share, 0)) FROM authorships;
SELECT count(*), sum(id + outlet_id + length(adopted_on) + length(form) + length(placement)
  + length(endorsement) + coalesce(fee, 0))
FROM adoptions INDEXED BY adoptions_by_submission WHERE submission_id > 0;"""


def run(cmd, stdin=None):
    """Runs a whole process; returns (seconds, peak RSS in MB)."""
    wrapper = [sys.executable, "-c",
               "import resource, subprocess, sys, time\n"
               "t = time.perf_counter()\n"
               "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
               "t = time.perf_counter() - t\n"
               "if p.returncode: sys.stderr.buffer.write(p.stderr); sys.exit(p.returncode)\n"
               "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"] + cmd
    p = subprocess.run(wrapper, capture_output=True, text=True, input=stdin)
    if p.returncode:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{p.stderr}")
    t, mb = p.stdout.split()
    return float(t), float(mb)


def best(cmd, repeat):
    runs = [run(cmd) for _ in range(repeat)]
    return min(t for t, _ in runs), max(m for _, m in runs)


def fmt_t(t):
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build-release/infotally")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", default="/tmp/infotally-bench")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    sqlite = shutil.which("sqlite3") or sys.exit("bench: the sqlite3 shell is missing (apt-get install sqlite3)")
    os.makedirs(args.work, exist_ok=True)
    env_today = dict(os.environ, INFOTALLY_TODAY="2026-11-22", NO_COLOR="1")
    os.environ.update(env_today)
    rows = []
    # The machine's own speed, CPU only (no file, no disk), at the start and at the end: this VM's
    # speed wanders from minute to minute, and the two figures say how much it did during the run.
    sql_cpu = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) "
               "SELECT sum(x) FROM c;")

    def cpu_yardstick(note):
        rows.append(("(sqlite3: count to 1M)", None, None, best([sqlite, ":memory:", sql_cpu], args.repeat)[0], 0,
                     f"CPU only, {note}"))

    cpu_yardstick("at the start")
    for n in [int(s) for s in args.sizes.split(",")]:
        csv_path = os.path.join(args.work, f"ledger-{n}.csv")
        if not os.path.exists(csv_path):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_ledger.py"), "--adoptions", str(n),
                            "--out", csv_path], check=True, stdout=subprocess.DEVNULL)
        db = os.path.join(args.work, f"ledger-{n}.db")
        raw = os.path.join(args.work, f"raw-{n}.db")
        for f in (db, db + "-wal", db + "-shm", raw):
            if os.path.exists(f):
                os.remove(f)
        it = [binary, "--db", db]
        subprocess.run(it + ["init", "--unit", "某省人民检察院"], check=True, stdout=subprocess.DEVNULL)
        rules = os.path.join(args.work, "rules.toml")
        with open(rules, "w", encoding="utf-8") as f:
            f.write(subprocess.run(it + ["rules", "show"], check=True, capture_output=True, text=True).stdout)
        subprocess.run(it + ["rules", "set", rules, "--year", "2025"], check=True, stdout=subprocess.DEVNULL)
        with open(csv_path, encoding="utf-8-sig") as f:
            lines = sum(1 for _ in f) - 1
        t_import, m_import = run(it + ["import", csv_path, "--create-missing"])
        t_sql_import, _ = run([sqlite, raw, ".mode csv", f".import {csv_path} raw"])
        rows.append(("import CSV", n, t_import, t_sql_import, m_import, f"{lines / t_import:,.0f} rows/s"))
        sql_times = {}
        for name, cmd, sql in [
            ("tally 2026", it + ["tally", "2026"], SQL_TALLY),
            ("report month 2026-06", it + ["report", "month", "2026-06"], SQL_REPORT),
            ("  the same, --format json", it + ["--format", "json", "report", "month", "2026-06"], SQL_REPORT),
            ("status --as-of 2026-06-30", it + ["status", "--year", "2026", "--as-of", "2026-06-30"], SQL_STATUS),
        ]:
            t, m = best(cmd, args.repeat)
            if sql not in sql_times:  # the JSON row's plain SQL is the text row's: timed once
                sql_times[sql] = best([sqlite, db, sql], args.repeat)[0]
            rows.append((name, n, t, sql_times[sql], m, ""))
        # A row with no infotally figure: the floor the reports' figures stand on.
        rows.append(("(sqlite3: read every row once)", n, None, best([sqlite, db, SQL_READ_ALL], args.repeat)[0],
                     0, "no rules, no output: the floor for reading"))
        sid = subprocess.run(it + ["--format", "json", "list", "submissions", "--month", "2026-06"], check=True,
                             capture_output=True, text=True).stdout.split('"id": ', 2)[1].split(",")[0]
        dept_person = subprocess.run([sqlite, db, "SELECT d.code, p.name FROM people p JOIN memberships m ON "
                                      "m.person_id = p.id JOIN departments d ON d.id = m.dept_id LIMIT 1"],
                                     check=True, capture_output=True, text=True).stdout.strip().split("|")
        outlet = subprocess.run([sqlite, db, "SELECT name FROM outlets LIMIT 1"], check=True, capture_output=True,
                                text=True).stdout.strip()
        times = [run(it + ["adopt", sid, "--outlet", outlet, "--date", "2026-07-01"])[0] for _ in range(10)]
        # The same write as `adopt`: a number from the ledger's counter, then the row. (A bare INSERT
        # would take SQLite's next rowid, which the counter hands out again later.)
        sql_adopt = ("BEGIN IMMEDIATE; UPDATE counters SET value = value + 1 WHERE name = 'record_id'; "
                     f"INSERT INTO adoptions (id, submission_id, outlet_id, adopted_on) SELECT value, {sid}, 1, "
                     "'2026-07-01' FROM counters WHERE name = 'record_id'; COMMIT;")
        sql_times = [run([sqlite, db, sql_adopt])[0] for _ in range(10)]
        rows.append(("one adopt (whole process)", n, statistics.median(times), statistics.median(sql_times), 0, ""))
        times = [run(it + ["submit", "基准测试稿件", "--kind", "info", "--dept", dept_person[0], "--author",
                           dept_person[1], "--date", "2026-07-01"])[0] for _ in range(10)]
        rows.append(("one submit (whole process)", n, statistics.median(times), statistics.median(sql_times), 0, ""))
        t_true = statistics.median(run(["/bin/true"])[0] for _ in range(10))
        rows.append(("(starting any process here)", n, None, t_true, 0, "/bin/true"))
        # Into a ledger that already has records (last, as they change it): the same file again,
        # which must add nothing, then a tenth as many adoptions more (another seed: other people,
        # the same departments and days). The sqlite3 column is its raw .import of the same file.
        t, m = run(it + ["import", csv_path])
        rows.append(("import the same CSV again", n, t, t_sql_import, m, f"{lines / t:,.0f} rows/s, adds nothing"))
        more_path = os.path.join(args.work, f"more-{n // 10}.csv")
        if not os.path.exists(more_path):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_ledger.py"), "--adoptions",
                            str(n // 10), "--seed", "7", "--out", more_path], check=True, stdout=subprocess.DEVNULL)
        with open(more_path, encoding="utf-8-sig") as f:
            more_lines = sum(1 for _ in f) - 1
        more_raw = os.path.join(args.work, f"raw-more-{n // 10}.db")
        if os.path.exists(more_raw):
            os.remove(more_raw)
        t, m = run(it + ["import", more_path, "--create-missing"])
        t_sql, _ = run([sqlite, more_raw, ".mode csv", f".import {more_path} raw"])
        rows.append(("import 10% more into it", n, t, t_sql, m, f"{more_lines / t:,.0f} rows/s"))

    cpu_yardstick("at the end")
    print(f"\nmachine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
          f"{open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}")
    print(f"{'operation':28} {'adoptions':>10} {'infotally':>11} {'sqlite3':>11} {'ratio':>6} {'peak MB':>8}  note")
    for name, n, t, t_sql, mb, note in rows:
        ours, ratio = ("—", "") if t is None else (fmt_t(t), f"{t / t_sql:.2f}")
        size = "" if n is None else f"{n:,}"
        print(f"{name:28} {size:>10} {ours:>11} {fmt_t(t_sql):>11} {ratio:>6} {mb:>8.1f}  {note}")


if __name__ == "__main__":
    main()
