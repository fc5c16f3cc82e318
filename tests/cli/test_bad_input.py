"""Bad input for every command, table-driven: invalid UTF-8, over-long text, control characters,
NUL bytes (through a rules file and a CSV: argv cannot carry them), negative and huge numbers,
NaN and inf in rules, duplicate keys, impossible dates, SQL metacharacters and CSV formulas.

Each refused case must exit 1 (bad data) or 2 (bad command line), say 'infotally: error:' and
name the problem, print nothing on stdout, and leave the ledger byte for byte as it was
(LedgerTest.fails). Text that is odd but legal (SQL metacharacters, formula-looking titles) must be
stored and listed back exactly, and come out of CSV neutralised for Excel."""
import csv
import io
import os
import re
import sqlite3
import stat

from ledger_cache import build_once
from support import LedgerTest, main

BAD_UTF8 = [b"\xff", b"\xe4\xb8", b"\xc0\xaf", b"\xed\xa0\x80", b"ok\xc3\x28", b"\xf4\x90\x80\x80"]
CONTROL = ["a\nb", "a\tb", "a\rb", "a\x1b[31mb", "a\x07b", "a\x7fb"]
LONG = "长" * 10_000
# Dates no calendar or no ledger has: year 0, month 0, far future, 30 February, a non-leap
# 29 February, before 1900, day 32, a time attached, a day past 255 (once wrapped to the 19th),
# digits without separators, nothing.
BAD_DATES = ["0000-01-01", "2026-00-10", "9999-12-31", "2026年2月30日", "2026-02-29", "1899-12-31",
             "2026-1-32", "2026-03-05T00:00", "2026.3.531", "20260305", ""]
BAD_MONTHS = ["2026-13", "2026-00", "0000-01", "99999-01", "2026-1e1", "2026年13月", ""]
BAD_YEARS = ["-1", "0", "1e30", "99999", "nan", "2026.5", "99999999999999999999", ""]
BAD_IDS = ["-1", "0", "1e30", "99999999999999999999", "0x1", "1.0", "+1", " 1", "#", "1" * 10_000]
# Full-width digits (１２) and thousands separators (1,000) are read, as Excel and Chinese input
# methods write them (schemas/import.md, "Numbers and dates from Excel"); what only looks like them
# is not: a full-width fraction for a whole number, commas that do not group in threes, a doubled
# or foreign currency sign.
BAD_LENGTHS = ["-1", "1e30", "0.5e1", "99999999999999999999", "nan", "inf", "1.5", "0x10", "１２．５",
               "12,34"]
BAD_FEES = ["-1", "1e30", "nan", "inf", "-inf", "0.001", "1,00", "99999999999999999999", "￥￥5",
            "5元元", "$5"]
BAD_SHARES = ["0.5e1", "-0.5", "nan", "inf", "0", "1.00001", "99999999999999999999", "1/2", "150%"]
SQL_NAMES = ["张三'); DROP TABLE people;--", "O'Brien", 'a"b', "x; DELETE FROM submissions; --",
             "%", "_", "' OR '1'='1", "\\", "Robert'); DROP TABLE submissions;--", "$1 ?1 @a"]
FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@x", "=HYPERLINK(\"http://x\",\"y\")"]
# What Excel reads as a number, not a formula, though it may start with + or -: "-1.00", "-54.0%".
PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?%?")
TABLES = {"departments", "people", "outlets", "submissions", "adoptions", "authorships", "journal"}

CASES = 0  # every case run, counted for the report at the end of the run


def short(arg):
    return arg if len(arg) <= 40 else arg[:20] + (b"..." if isinstance(arg, bytes) else "...")


def strings(value):
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def spread(slots, values, per_slot):
    """Each slot with `per_slot` of the values, taken in turn, so that every value is tried in
    several places without trying every value everywhere (each case starts a process)."""
    return [(slot, values[(i * per_slot + k) % len(values)])
            for i, slot in enumerate(slots) for k in range(per_slot)]


def submit_args(title="稿件", *extra):
    return ["submit", title, "--kind", "info", "--dept", "office", "--author", "张三",
            "--date", "2026-03-01", *extra]


class BadInputTest(LedgerTest):
    def setUp(self):
        super().setUp()
        build_once(self, self.build)

    def build(self):
        self.make_ledger()
        sid = self.new_id(*submit_args("基础稿件"))
        aid = self.new_id("adopt", sid, "--outlet", "检察日报", "--date", "2026-03-02")
        return {"sid": sid, "aid": aid}

    def refuse(self, cases, **kw):
        """cases: (args, code, mentions) triples, each run through fails()."""
        global CASES
        for args, code, mentions in cases:
            CASES += 1
            with self.subTest(args=[short(a) for a in args]):
                self.fails(*args, code=code, mentions=mentions, **kw)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        return path

    # --- text that would be stored ------------------------------------------------------------

    def stored_text_slots(self):
        """(field named in messages, command line with the text at V)."""
        return [
            ("department code", lambda v: ["dept", "add", v, "新部门"]),
            ("department name", lambda v: ["dept", "add", "newdept", v]),
            ("person's name", lambda v: ["person", "add", v, "--dept", "office"]),
            ("outlet name", lambda v: ["outlet", "add", v, "--level", "国家级"]),
            ("title", lambda v: submit_args(v)),
            ("author name", lambda v: submit_args("稿件")[:-4] + ["--author", v, "--date", "2026-03-01"]),
            ("category", lambda v: submit_args("稿件", "--category", v)),
            ("destination", lambda v: submit_args("稿件", "--destination", v)),
            ("tag", lambda v: submit_args("稿件", "--tag", v)),
            ("title", lambda v: ["edit", self.sid, "--title", v]),
            ("category", lambda v: ["edit", self.sid, "--category", v]),
            ("author name", lambda v: ["edit", self.sid, "--author", v]),
        ]

    def test_invalid_utf8_in_stored_text(self):
        self.refuse((slot(v), 1, ["not valid UTF-8", field])
                    for (field, slot), v in spread(self.stored_text_slots(), BAD_UTF8, 2))

    def test_control_characters_in_stored_text(self):
        self.refuse((slot(v), 1, ["control character", field])
                    for (field, slot), v in spread(self.stored_text_slots(), CONTROL, 2))

    def test_over_long_stored_text(self):
        self.refuse((slot(LONG), 1, ["too long", "10000 characters", field])
                    for field, slot in self.stored_text_slots())

    def test_bad_unit_name_creates_no_ledger(self):
        other = os.path.join(self.dir, "other.db")
        for unit, problem in [(BAD_UTF8[0], "not valid UTF-8"), (CONTROL[3], "control character"),
                              (LONG, "too long")]:
            self.refuse([(["--db", other, "init", "--unit", unit], 1, ["unit name", problem])], db=False)
            self.assertFalse(os.path.exists(other))

    # --- text that is looked up ------------------------------------------------------------------

    def lookup_slots(self):
        """(words the message must contain, command line with the looked-up text at V). The
        message quotes the text it did not find."""
        return [
            ("unknown department", lambda v: ["person", "add", "新人", "--dept", v]),
            ("unknown department", lambda v: ["person", "move", "张三", "--dept", v, "--from", "2026-07-01"]),
            ("unknown department", lambda v: ["dept", "retire", v]),
            ("unknown department", lambda v: submit_args("稿件")[:4] + ["--dept", v, "--author", "张三"]),
            ("unknown department", lambda v: ["list", "submissions", "--dept", v]),
            ("unknown person", lambda v: ["person", "move", v, "--dept", "gongsu", "--from", "2026-07-01"]),
            ("unknown person", lambda v: ["list", "adoptions", "--person", v]),
            ("unknown person", lambda v: ["explain", "--person", v, "--year", "2026"]),
            ("unknown kind", lambda v: ["submit", "稿件", "--kind", v, "--dept", "office", "--author", "张三"]),
            ("unknown level", lambda v: ["outlet", "add", "新报", "--level", v]),
            ("unknown media", lambda v: ["outlet", "add", "新报", "--level", "国家级", "--media", v]),
            ("unknown adoption form", lambda v: ["adopt", self.sid, "--outlet", "检察日报", "--form", v]),
            ("unknown placement", lambda v: ["adopt", self.sid, "--outlet", "检察日报", "--placement", v]),
            ("unknown endorsing leader's level", lambda v: ["adopt", self.sid, "--outlet", "检察日报", "--endorsed-by", v]),
            ("not a record number", lambda v: ["remove", v]),
            ("not a record number", lambda v: ["show", v]),
            ("not a record number", lambda v: ["edit", v, "--title", "新标题"]),
            ("not a record number", lambda v: ["adopt", v, "--outlet", "检察日报"]),
            ("not a record number", lambda v: ["explain", v]),
            ("not a month", lambda v: ["report", "month", v]),
            ("not a year", lambda v: ["tally", v]),
        ]

    def test_bad_text_where_a_name_is_looked_up(self):
        # The message shows the bad bytes escaped (\xff, \x1b), never raw on the terminal.
        cases = []
        for words, slot in self.lookup_slots():
            cases.append((slot(b"\xff\xfe"), 1, [words, "\\xff\\xfe"]))
            cases.append((slot("a\x1b[31mb"), 1, [words, "a\\x1b[31mb"]))
            cases.append((slot(LONG), 1, [words]))
        # --by takes one of two words: anything else is a usage error
        for slot in (lambda v: ["status", "--by", v], lambda v: ["tally", "2026", "--by", v]):
            cases += [(slot(b"\xff\xfe"), 2, ["unknown --by", "\\xff\\xfe"]),
                      (slot("a\x1b[31mb"), 2, ["unknown --by", "a\\x1b[31mb"]), (slot(LONG), 2, ["unknown --by"])]
        # adopt checks the outlet's name as text before looking it up
        cases.append((["adopt", self.sid, "--outlet", b"\xff\xfe"], 1, ["outlet name", "not valid UTF-8"]))
        cases.append((["adopt", self.sid, "--outlet", "a\x1bb"], 1, ["outlet name", "control character"]))
        cases.append((["adopt", self.sid, "--outlet", LONG], 1, ["outlet name", "too long"]))
        self.refuse(cases)
        r = self.run_cli("list", "submissions", "--dept", "x\x1b]0;title\x07")
        self.assertNotIn("\x1b", r.err)
        self.assertNotIn("\x07", r.err)

    # --- numbers ---------------------------------------------------------------------------------

    def test_numbers_as_excel_and_a_chinese_keyboard_write_them_are_read(self):
        sid = self.new_id(*submit_args("全角字数", "--length", "１２"))
        self.new_id(*submit_args("千位字数", "--length", "1,200"))
        aid = self.new_id("adopt", sid, "--outlet", "检察日报", "--date", "２０２６年３月３日", "--fee", "1,000")
        self.ok("edit", aid, "--fee", "￥1,035.50")
        self.assertEqual(self.query("SELECT title, length FROM submissions WHERE title LIKE '%字数' ORDER BY id"),
                         [("全角字数", 12), ("千位字数", 1200)])
        self.assertEqual(self.query("SELECT adopted_on, fee FROM adoptions WHERE id = ?", aid),
                         [("2026-03-03", 103550)])
        # Excel's day numbers are read in an imported date column only, never in a typed date.
        self.fails("adopt", sid, "--outlet", "检察日报", "--date", "46086", mentions=["'46086'"])

    def test_negative_huge_and_odd_numbers(self):
        cases = [(submit_args("稿件", "--length", v), 1, ["length", f"'{v}'"]) for v in BAD_LENGTHS]
        cases += [(["edit", self.sid, "--length", v], 1, ["length"]) for v in BAD_LENGTHS]
        cases += [(["adopt", self.sid, "--outlet", "检察日报", "--fee", v], 1, ["fee", f"'{v}'"])
                  for v in BAD_FEES]
        cases += [(["edit", self.aid, "--fee", v], 1, ["fee"]) for v in BAD_FEES]
        cases += [(submit_args("稿件")[:-4] + ["--author", f"张三:{s}", "--date", "2026-03-01"], 1,
                   ["author share", s]) for s in BAD_SHARES]
        id_slots = [lambda v: ["remove", v], lambda v: ["show", v],
                    lambda v: ["adopt", v, "--outlet", "检察日报"], lambda v: ["edit", v, "--title", "新"]]
        cases += [(slot(v), 1, ["not a record number"]) for slot, v in spread(id_slots, BAD_IDS, 5)]
        rules = self.write("ok.toml", "year = 2026\n")
        year_slots = [lambda v: ["tally", v], lambda v: ["status", "--year", v],
                      lambda v: ["list", "submissions", "--year", v],
                      lambda v: ["explain", "--person", "张三", "--year", v],
                      lambda v: ["rules", "show", "--year", v], lambda v: ["rules", "set", rules, "--year", v]]
        cases += [(slot(v), 1, ["not a year"]) for slot, v in spread(year_slots, BAD_YEARS, 4)]
        # Numbers CLI11 itself checks are usage errors.
        cases += [(["log", "--limit", v], 2, ["--limit"]) for v in ["-1", "abc"]]
        self.refuse(cases)

    # --- dates -----------------------------------------------------------------------------------

    def test_impossible_dates(self):
        slots = [
            ("submission date", lambda v: submit_args("稿件")[:-1] + [v]),
            ("adoption date", lambda v: ["adopt", self.sid, "--outlet", "检察日报", "--date", v]),
            ("date", lambda v: ["edit", self.sid, "--date", v]),
            ("date", lambda v: ["edit", self.aid, "--date", v]),
            ("event date", lambda v: submit_args("稿件", "--occurred", v)),
            ("due date", lambda v: submit_args("稿件", "--due", v)),
            ("start date", lambda v: ["person", "add", "新人", "--dept", "office", "--since", v]),
            ("move date", lambda v: ["person", "move", "张三", "--dept", "gongsu", "--from", v]),
            ("retirement date", lambda v: ["dept", "retire", "gongsu", "--on", v]),
            ("--as-of date", lambda v: ["status", "--as-of", v]),
        ]
        # An empty --occurred or --due means "none", not a bad date.
        cases = [(slot(v), 1, [what, f"'{v}'"]) for (what, slot), v in spread(slots, BAD_DATES, 4)
                 if v or what not in ("event date", "due date")]
        cases += [(["report", "month", m], 1, ["not a month", f"'{m}'"]) for m in BAD_MONTHS]
        cases += [(["list", "submissions", "--month", m], 1, ["not a month"]) for m in BAD_MONTHS]
        self.refuse(cases)

    # --- files: NUL bytes, NaN and inf, duplicate keys ----------------------------------------------

    RULES_FILES = [
        # (file content, words the message must contain)
        (b"year = 2026\n\x00\n", ["TOML syntax error", "\\u0000"]),
        (b'title = "a\x00b"\n', ["TOML syntax error", "control characters"]),
        (b"# a comment \x00 with NUL\n", ["TOML syntax error", "control characters"]),
        (b"year = 2026\x00", ["TOML syntax error"]),
        ('[[base]]\nlevel = "国家级"\npoints = nan\n', ["'points'", "finite", "nan"]),
        ('[[factor]]\nplacement = "头版"\nfactor = inf\n', ["'factor'", "finite", "inf"]),
        ("[[base]]\npoints = -inf\n", ["'points'", "finite", "inf"]),
        ("[money]\nper_point = +nan\n", ["'per_point'", "finite", "nan"]),
        ("[[quota]]\ntarget = inf\n", ["'target'", "finite", "inf"]),
        ("[[cap]]\nmax_points = nan\n", ["'max_points'", "finite", "nan"]),
        ("[limits]\nfloor = -inf\n", ["'floor'", "finite", "inf"]),
        ("[[base]]\npoints = 1e30\n", ["'points'", "out of range"]),
        ("[[base]]\npoints = 1e-30\n", ["'points'", "decimal places"]),
        ("[[base]]\npoints = 9223372036854775807\n", ["'points'", "out of range"]),
        ("[[base]]\npoints = -5\n", ["'points'", "negative"]),
        ("[[factor]]\nfactor = 0\n", ["factor 0"]),
        ("[[time_limit]]\ndays = inf\n", ["'days'", "whole number"]),
        ("year = nan\n", ["'year'", "whole number"]),
        ("year = 99999\n", ["'year'", "between 1900 and 2999"]),
        # duplicate keys, tables and vocabulary entries
        ("[[base]]\npoints = 1\npoints = 2\n", [":3:", "redefine", "'points'"]),
        ('[authors]\nsplit = "equal"\n[authors]\nsplit = "first"\n', ["redefine", "'authors'"]),
        ("year = 2026\nyear = 2027\n", ["redefine", "'year'"]),
        ("[[quota]]\ntarget = 1\ntargets = { office = 1, office = 2 }\n", ["redefine", "'office'"]),
        ('levels = [{ key = "a", name = "甲" }, { key = "a", name = "乙" }]\n', ["duplicate level key 'a'"]),
        ('levels = [{ key = "a", name = "甲" }, { key = "b", name = "甲" }]\n', ["'甲' already names"]),
        # characters toml++ 3.3 cannot classify (lib/rules/toml_guard.hpp)
        ("[[base]]\npoints = 5。\n", ["unexpected '。' outside quotes"]),
        ('title = """\\\n  《考核办法》"""\n', ["remove the backslash"]),
        # invalid UTF-8, in a string, a comment and a key
        (b'title = "\xff"\n', ["TOML syntax error", "invalid utf-8"]),
        (b"# \xc0\xaf\nyear = 2026\n", ["TOML syntax error", "invalid utf-8"]),
        (b"\xe4\xb8 = 1\n", ["TOML syntax error", "invalid utf-8"]),
        # control characters, raw and smuggled in by TOML escapes
        (b'title = "a\x1bb"\n', ["TOML syntax error", "control characters"]),
        ('levels = [{ key = "a", name = "甲\\u001b[31m" }]\n', ["'name'", "control character (code 27)"]),
        ('levels = [{ key = "a\\u0000", name = "甲" }]\n', ["'key'", "control character (code 0)"]),
        ('[[base]]\nname = "头版\\n头条"\npoints = 1\n', ["'name' in [[base]]", "control character (code 10)"]),
        ('[[quota]]\nperson = "张\\u0007三"\ntarget = 1\n', ["'person'", "control character (code 7)"]),
        # over-long text and numbers
        ('levels = [{ key = "a", name = "' + "长" * 10_000 + '" }]\n', ["'name'", "too long", "10000 characters"]),
        ('title = "' + "长" * 10_000 + '"\n', ["'title'", "too long"]),
        ("[[base]]\npoints = " + "9" * 400 + "\n", ["TOML syntax error", "numeric value too long"]),
        ("[[base]]\npoints = 1e308\n", ["'points'", "out of range (1e+308)"]),
        ("[[quota]]\ntarget = -3\n", ["quota target must be more than 0"]),
        # dates where the rules file has none, and impossible ones
        ("year = 2026-02-30\n", ["TOML syntax error"]),
        ("year = 1899\n", ["'year'", "between 1900 and 2999"]),
    ]

    def test_bad_rules_files(self):
        cases = []
        for i, (content, words) in enumerate(self.RULES_FILES):
            path = self.write(f"bad{i}.toml", content)
            cases.append((["rules", "check", path], 1, [f"bad{i}.toml:"] + words))
            cases.append((["rules", "set", path, "--year", "2026"], 1, [f"bad{i}.toml:"] + words))
        self.refuse(cases)

    def test_init_with_a_bad_rules_file_creates_no_ledger(self):
        other = os.path.join(self.dir, "other.db")
        for i, (content, words) in enumerate(self.RULES_FILES[::3]):
            path = self.write(f"init{i}.toml", content)
            self.refuse([(["--db", other, "init", "--rules", path], 1, [f"init{i}.toml:"] + words)], db=False)
            self.assertFalse(os.path.exists(other))

    # --- file and ledger paths -------------------------------------------------------------------

    def test_bad_paths(self):
        """Paths with bad bytes, folders, endless devices, an empty name: a clear error naming the
        path escaped, and nothing written anywhere."""
        folder = os.path.join(self.dir, "folder")
        os.mkdir(folder)
        fifo = os.path.join(self.dir, "fifo")  # not a regular file (like a device), harmless
        os.mkfifo(fifo)
        bad = os.path.join(self.dir, "x").encode() + b"\xff\x1b[31m/y"
        escaped = "\\xff\\x1b[31m"
        new = os.path.join(self.dir, "new.db")
        before = {f for f in os.listdir(self.dir) if not f.startswith("ledger.db")}
        self.refuse([
            (["rules", "check", bad], 1, ["cannot read the rules file", escaped]),
            (["rules", "set", bad, "--year", "2026"], 1, ["cannot read the rules file", escaped]),
            (["import", bad], 1, ["cannot read", escaped]),
            (["import", bad, "--dry-run"], 1, ["cannot read", escaped]),
            (["backup", bad], 1, ["does not exist", escaped]),
            (["restore", bad], 1, ["no ledger", escaped]),
            (["rules", "check", folder], 1, ["is a folder, not a rules file"]),
            (["rules", "set", folder, "--year", "2026"], 1, ["is a folder, not a rules file"]),
            (["import", folder], 1, ["is a folder, not a CSV file"]),
            (["backup", folder], 1, ["is a folder or a device", "folder/台账备份.db"]),
            (["backup", folder, "--force"], 1, ["is a folder or a device"]),
            (["backup", fifo, "--force"], 1, ["is a folder or a device"]),
            (["backup", ""], 1, ["backup file name is empty"]),
            (["restore", folder], 1, ["is a folder, not a ledger file"]),
            (["rules", "check", "/dev/zero"], 1, ["/dev/zero is larger than 10 MB"]),
            (["import", "/dev/zero", "--dry-run"], 1, ["/dev/zero: line 1 is longer than 64 MB"]),
        ])
        # the ledger path itself
        self.refuse([
            (["--db", bad, "dept", "list"], 1, ["no ledger", escaped]),
            (["--db", bad, "init"], 1, ["does not exist", escaped]),
            (["--db", new, "init", "--rules", folder], 1, ["is a folder, not a rules file"]),
            (["--db", folder, "dept", "list"], 1, ["is a folder, not a ledger file"]),
            (["--db", "/dev/zero", "dept", "list"], 1, ["not a SQLite database"]),
            # an empty --db ("--db $LEDGER", LEDGER unset) must not fall back to another ledger
            (["--db", "", "dept", "list"], 2, ["--db", "ledger path is empty"]),
            (["--db", "", "init"], 2, ["ledger path is empty"]),
        ], db=False, env={"INFOTALLY_DB": self.db})
        self.assertEqual({f for f in os.listdir(self.dir) if not f.startswith("ledger.db")}, before)
        self.assertEqual(os.listdir(folder), [])
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), "backup --force replaced a FIFO")

    def test_bad_history_and_export_arguments(self):
        cases = [(["undo", v], 1, ["not a journal entry number", "infotally log"]) for v in BAD_IDS]
        cases += [(["log", "--limit", v], 2, ["--limit"])
                  for v in ["-1", "abc", "1e3", "nan", "99999999999999999999", ""]]
        cases += [(["export", "--year", v], 1, ["not a year"]) for v in BAD_YEARS]
        cases += [(["completion", v], 2, ["bash,zsh"]) for v in ["fish", b"\xff"]]
        cases += [(["help", v], 2, ["no command"]) for v in ["nosuch", b"\xff\x1b"]]
        cases += [(["--format", v, "dept", "list"], 2, ["--format"]) for v in ["xls", b"\xff", ""]]
        cases += [(["--lang", v, "dept", "list"], 2, ["--lang"]) for v in ["fr", b"\xff"]]
        cases += [(["import", "x.csv", "--encoding", v], 2, ["--encoding"]) for v in ["latin-1", b"\xff"]]
        # commands that take no argument refuse one
        cases += [([*cmd, "extra"], 2, ["extra"]) for cmd in
                  (["dept", "list"], ["person", "list"], ["outlet", "list"], ["check"], ["log"])]
        self.refuse(cases)

    def test_nul_and_control_bytes_in_a_csv(self):
        header = "标题,类型,部门,作者,报送日期\r\n"
        rows = [("坏\x00标题,信息,办公室,张三,2026-03-05", ["title", "control character (code 0)"]),
                ("好标题,信息,办公室,张\x00三,2026-03-05", ["author name", "control character (code 0)"]),
                ("好标题,信息,办公\x1b室,张三,2026-03-05", ["department", "control character (code 27)"]),
                ("好标题,信息,办公室,张三,2026-03-05\x00", ["2026-03-05\\x00' is not a valid submission date"]),
                ("长" * 10_000 + ",信息,办公室,张三,2026-03-05", ["title", "too long"])]
        cases = []
        for i, (row, words) in enumerate(rows):
            path = self.write(f"bad{i}.csv", header + row + "\r\n")
            cases.append((["import", path], 1, [f"bad{i}.csv:2:"] + words))
        path = self.write("utf8.csv", header.encode() + b"\xff\xfe,\xe4\xb8\r\n")
        cases.append((["import", "--encoding", "utf-8", path], 1, ["utf8.csv: line 2", "not valid UTF-8"]))
        self.refuse(cases)

    def test_bad_numbers_and_dates_in_a_csv(self):
        header = "标题,类型,部门,作者,报送日期,字数,采用单位,采用日期,稿费,事件日期,约稿期限\r\n"
        ok = {"title": "好标题", "kind": "信息", "dept": "办公室", "authors": "张三", "date": "2026-03-05",
              "length": "", "outlet": "", "adopted": "", "fee": "", "occurred": "", "due": ""}
        bad = [({"length": v}, ["length", f"'{v}'"]) for v in BAD_LENGTHS]
        bad += [({"outlet": "检察日报", "adopted": "2026-03-06", "fee": v}, ["fee", f"'{v}'"]) for v in BAD_FEES]
        bad += [({"authors": f"张三:{v}"}, ["author share"]) for v in BAD_SHARES]
        bad += [({"date": v}, ["submission date"]) for v in BAD_DATES if v]
        bad += [({"outlet": "检察日报", "adopted": v}, ["adoption date"]) for v in BAD_DATES if v]
        bad += [({"occurred": v}, ["event date"]) for v in BAD_DATES[:4]]
        bad += [({"due": v}, ["due date"]) for v in BAD_DATES[:4]]
        bad += [({"outlet": "检察日报", "adopted": "2026-03-04"}, ["before the submission date"])]
        cases = []
        for i, (change, words) in enumerate(bad):
            row = dict(ok, **change)
            path = self.write(f"num{i}.csv", header + ",".join(f'"{v}"' for v in row.values()) + "\r\n")
            cases.append((["import", path], 1, [f"num{i}.csv:2:"] + words))
            if i % 4 == 0:
                cases.append((["import", path, "--dry-run"], 1, [f"num{i}.csv:2:"] + words))
        self.refuse(cases)

    def test_sql_metacharacters_and_formulas_through_import_and_export(self):
        """An imported 台账 with hostile text: stored literally, exported neutralised, and read
        back by import as the same text."""
        global CASES
        # Author cells are lists (split on 、，,;； or spaces): only names without those there.
        people = [n for n in SQL_NAMES if not any(c in n for c in "、，,;； ")]
        pieces = [(f"{FORMULAS[i % len(FORMULAS)]}{name}", name, people[i % len(people)])
                  for i, name in enumerate(SQL_NAMES)]
        rows = [["标题", "类型", "分类", "部门", "作者", "作者部门", "报送日期", "采用单位", "级别", "采用日期"]]
        rows += [[title, "信息", name, "办公室", author, "办公室", "2026-06-01", f"报{name}", "省级", "2026-06-02"]
                 for title, name, author in pieces]
        text = "".join(",".join('"' + c.replace('"', '""') + '"' for c in r) + "\r\n" for r in rows)
        self.ok("import", self.write("hostile.csv", text), "--create-missing")
        for title, name, author in pieces:
            CASES += 1
            with self.subTest(title=title):
                self.assertEqual(self.query("SELECT category FROM submissions WHERE title = ?", title), [(name,)])
                self.assertIn(title, [r["title"] for r in
                                      self.ok("--format", "json", "list", "submissions", "--person", author).json()])
        self.assertTrue(TABLES <= {t for (t,) in self.query("SELECT name FROM sqlite_master WHERE type = 'table'")})
        self.assertEqual(self.query("SELECT count(*) FROM submissions"), [(len(pieces) + 1,)])
        exported = self.ok("export").out
        cells = [c for row in csv.reader(io.StringIO(exported.lstrip("\ufeff"))) for c in row]
        self.assert_neutralised(cells, [title for title, _, _ in pieces if title[0] in "=+-@"])
        # the export reads back into a new ledger as the same text, apostrophes removed
        other = os.path.join(self.dir, "other.db")
        self.ok("--db", other, "init", db=False)
        self.ok("--db", other, "import", "-", "--create-missing", db=False, stdin=exported.encode())
        con = sqlite3.connect(other)
        try:
            stored = set(con.execute("SELECT title, category FROM submissions"))
        finally:
            con.close()
        self.assertTrue({(title, name) for title, name, _ in pieces} <= stored, stored)

    # --- duplicates at the command level ------------------------------------------------------------

    def test_duplicates(self):
        self.refuse([
            (["dept", "add", "office", "另一个办公室"], 1, ["office"]),
            (["dept", "add", "office2", "办公室"], 1, ["办公室"]),
            (["person", "add", "张三", "--dept", "gongsu"], 1, ["张三"]),
            (["outlet", "add", "检察日报", "--level", "省级"], 1, ["检察日报"]),
            (submit_args("稿件")[:-4] + ["--author", "张三", "--author", "张三", "--date", "2026-03-01"], 1,
             ["named twice"]),
            (submit_args("稿件")[:-4] + ["--author", "张三:0.5", "--author", "张三：50%", "--date", "2026-03-01"], 1,
             ["named twice"]),
            (submit_args("稿件", "--tag", "重,要"), 1, ["comma"]),
        ])

    # --- accepted but odd: SQL metacharacters ----------------------------------------------------------

    def test_sql_metacharacters_are_stored_and_listed_back_literally(self):
        global CASES
        sids = {}
        for i, name in enumerate(SQL_NAMES):
            self.ok("dept", "add", f"sql{i}", f"部门{name}")
            self.ok("person", "add", name, "--dept", f"sql{i}")
            self.ok("outlet", "add", f"报{name}", "--level", "省级")
            sids[name] = self.new_id("submit", f"标题{name}", "--kind", "info", "--author", name, "--date",
                                     "2026-04-01", "--category", name, "--tag", f"t{name}")
            self.new_id("adopt", sids[name], "--outlet", f"报{name}", "--date", "2026-04-02")
        people = {p["name"] for p in self.ok("--format", "json", "person", "list").json()}
        depts = {d["name"] for d in self.ok("--format", "json", "dept", "list").json()}
        outlets = {o["name"] for o in self.ok("--format", "json", "outlet", "list").json()}
        adopted = set(strings(self.ok("--format", "json", "list", "adoptions").json()))
        for i, name in enumerate(SQL_NAMES):
            CASES += 1
            with self.subTest(name=name):
                # exactly as typed, in the ledger and in every listing
                self.assertEqual(self.query("SELECT title, category, tags FROM submissions WHERE id = ?",
                                            int(sids[name])), [(f"标题{name}", name, f"t{name}")])
                self.assertIn(name, people)
                self.assertIn(f"部门{name}", depts)
                self.assertIn(f"报{name}", outlets)
                self.assertIn(f"报{name}", adopted)
                # a lookup by the name finds that record only: no wildcard, no injection
                mine = self.ok("--format", "json", "list", "submissions", "--person", name).json()
                self.assertEqual([r["title"] for r in mine], [f"标题{name}"])
        self.assertTrue(TABLES <= {t for (t,) in self.query("SELECT name FROM sqlite_master WHERE type = 'table'")})
        self.assertEqual(self.query("SELECT count(*) FROM submissions"), [(len(SQL_NAMES) + 1,)])
        # LIKE patterns match nothing: 张% and 张_ are names no one has
        self.fails("list", "submissions", "--person", "张%", mentions=["unknown person '张%'"])
        self.fails("list", "submissions", "--person", "张_", mentions=["unknown person '张_'"])
        self.fails("list", "submissions", "--dept", "%", mentions=["unknown department '%'"])

    # --- accepted but odd: formulas come out of CSV as text ---------------------------------------------

    def csv_cells(self, *args):
        r = self.ok("--format", "csv", *args)
        self.assertTrue(r.raw.startswith(b"\xef\xbb\xbf"), r)
        return [c for row in csv.reader(io.StringIO(r.out.lstrip("\ufeff"))) for c in row]

    def assert_neutralised(self, cells, texts):
        for text in texts:
            self.assertIn("'" + text, cells)
            self.assertNotIn(text, cells)
        for c in cells:
            if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not PLAIN_NUMBER.fullmatch(c):
                self.fail(f"formula cell {c!r} left as it is")

    def test_formulas_come_out_of_csv_neutralised(self):
        global CASES
        self.ok("dept", "add", "formula", FORMULAS[0])
        self.ok("person", "add", FORMULAS[1], "--dept", "formula")
        self.ok("outlet", "add", FORMULAS[2], "--level", "省级")
        ids = []
        for f in FORMULAS:
            sid = self.new_id("submit", f, "--kind", "info", "--author", FORMULAS[1], "--date", "2026-05-01",
                              "--category", f)
            ids.append(self.new_id("adopt", sid, "--outlet", FORMULAS[2], "--date", "2026-05-02"))
        # stored exactly as typed (JSON shows the text itself)
        titles = [r["title"] for r in self.ok("--format", "json", "list", "submissions").json()]
        self.assertTrue(set(FORMULAS) <= set(titles), titles)
        listings = [
            (["list", "submissions"], FORMULAS),
            (["list", "adoptions"], [FORMULAS[2]]),
            (["dept", "list"], [FORMULAS[0]]),
            (["person", "list"], [FORMULAS[1]]),
            (["outlet", "list"], [FORMULAS[2]]),
            (["show", ids[0]], [FORMULAS[2]]),
            (["tally", "2026", "--by", "person"], [FORMULAS[1]]),
            (["tally", "2026", "--by", "dept"], [FORMULAS[0]]),
            (["report", "month", "2026-05"], [FORMULAS[0]]),
            (["status", "--year", "2026"], [FORMULAS[0]]),
            (["explain", ids[0]], [FORMULAS[1]]),
        ]
        for args, texts in listings:
            CASES += 1
            with self.subTest(args=args):
                self.assert_neutralised(self.csv_cells(*args), texts)
        CASES += 1
        r = self.ok("export")
        cells = [c for row in csv.reader(io.StringIO(r.out.lstrip("\ufeff"))) for c in row]
        self.assert_neutralised(cells, FORMULAS)


def tearDownModule():
    print(f"\n{CASES} bad-input cases run", flush=True)


if __name__ == "__main__":
    main()
