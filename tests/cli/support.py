"""Shared fixture for the black-box tests: run the real binary on a real ledger file in a
temporary directory, and look inside the ledger with Python's own sqlite3."""
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

BIN = os.environ.get("INFOTALLY_BIN") or os.path.join(os.path.dirname(__file__), "..", "..", "build", "infotally")
SOURCE_DIR = os.environ.get("INFOTALLY_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.raw = proc.stdout
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.out)

    def __repr__(self):
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


class LedgerTest(unittest.TestCase):
    """Each test gets an empty directory and a ledger path in it (not yet created)."""

    TODAY = "2026-11-22"

    def setUp(self):
        self._dir = tempfile.TemporaryDirectory(prefix="infotally-test-")
        self.dir = self._dir.name
        self.db = os.path.join(self.dir, "ledger.db")

    def tearDown(self):
        self._dir.cleanup()

    def environment(self, **extra):
        """The environment the binary runs in: English, no colour, today fixed, no ledger from
        outside. LC_ALL and LC_MESSAGES outrank LANG, so they go too: a zh_CN locale outside must
        not turn the tests' English into Chinese (a test that wants Chinese says so)."""
        env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1", INFOTALLY_TODAY=self.TODAY)
        for name in ("INFOTALLY_DB", "LC_ALL", "LC_MESSAGES"):
            env.pop(name, None)
        env.update(extra)
        return env

    def run_cli(self, *args, db=True, env=None, stdin=None):
        # bytes pass through as they are (invalid UTF-8 on purpose); anything else as text
        cmd = [BIN] + (["--db", self.db] if db else []) + [a if isinstance(a, bytes) else str(a) for a in args]
        full_env = self.environment(**(env or {}))
        proc = subprocess.run(cmd, cwd=self.dir, env=full_env, capture_output=True, timeout=120, input=stdin)
        return Result(proc)

    def ok(self, *args, **kw):
        r = self.run_cli(*args, **kw)
        self.assertEqual(r.code, 0, f"{args}: {r}")
        return r

    def fails(self, *args, code=1, mentions=(), **kw):
        """Runs a command that must fail with `code`, say 'infotally: error:', name each of
        `mentions`, and leave the ledger exactly as it was."""
        before = self.dump()
        r = self.run_cli(*args, **kw)
        self.assertEqual(r.code, code, f"{args}: {r}")
        self.assertIn("infotally: error:", r.err, f"{args}: {r}")
        for m in mentions:
            self.assertIn(m, r.err, f"{args}: {r}")
        self.assertEqual(r.out, "", f"{args} printed on stdout: {r}")
        self.assertEqual(self.dump(), before, f"{args} changed the ledger")
        return r

    def dump(self):
        """The ledger's whole content as SQL, or the raw bytes of a file that is not a database."""
        if not os.path.isfile(self.db):
            return None
        try:
            con = sqlite3.connect(self.db)
            try:
                return "\n".join(con.iterdump())
            finally:
                con.close()
        except sqlite3.DatabaseError:
            with open(self.db, "rb") as f:
                return f.read()

    def query(self, sql, *params):
        con = sqlite3.connect(self.db)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def new_id(self, *args):
        r = self.ok(*args)
        lines = r.out.splitlines()
        self.assertEqual(len(lines), 1, f"expected the id alone: {r}")
        self.assertRegex(lines[0], r"^[0-9]+$")
        return lines[0]

    def make_ledger(self):
        """A small ledger with Chinese names used by many tests."""
        self.ok("init", "--unit", "测试县人民检察院")
        self.ok("dept", "add", "office", "办公室")
        self.ok("dept", "add", "gongsu", "第一检察部")
        self.ok("dept", "add", "zhixing", "刑事执行检察部")
        self.ok("person", "add", "张三", "--dept", "office")
        self.ok("person", "add", "李四", "--dept", "gongsu")
        self.ok("person", "add", "王芳", "--dept", "gongsu")
        self.ok("outlet", "add", "检察日报", "--level", "国家级", "--media", "print")
        self.ok("outlet", "add", "省院《检察信息》", "--level", "省级", "--media", "内刊")
        self.ok("outlet", "add", "市委办公室", "--level", "city", "--media", "internal")


def main():
    unittest.main(verbosity=2)
