"""help with examples, shell completion (sourced in a real bash), and the man page."""
import os
import re
import shutil
import subprocess

from support import BIN, LedgerTest, main


class HelpTest(LedgerTest):
    def test_help_command_shows_usage_and_examples(self):
        out = self.ok("help", "submit", db=False).out
        self.assertIn("Usage: infotally submit", out)
        self.assertIn("--author", out)
        self.assertIn("Examples:", out)
        self.assertIn("infotally submit 关于未成年人检察工作的信息", out)
        self.assertIn("Usage: infotally dept add", self.ok("help", "dept", "add", db=False).out)
        self.assertIn("submit", self.ok("help", db=False).out)
        self.fails("help", "frobnicate", code=2, db=False, mentions=["no command 'frobnicate'"])

    def test_version(self):
        # for a bug report: which infotally wrote or read a ledger; no ledger needed
        with open(os.path.join(os.path.dirname(__file__), "..", "..", "CMakeLists.txt"), encoding="utf-8") as f:
            version = re.search(r"project\(infotally VERSION ([0-9.]+)", f.read()).group(1)
        r = self.ok("--version", db=False)
        self.assertEqual(r.out, f"infotally {version}\n")
        self.assertEqual(r.err, "")
        self.assertIn("--version", self.ok("--help", db=False).out)
        self.assertIn("显示 infotally 的版本", self.ok("--lang", "zh", "--help", db=False).out)
        self.fails("--versio", code=2, db=False)

    def test_the_man_page_is_generated_from_the_same_commands(self):
        page = self.ok("__man", db=False).out
        self.assertTrue(page.startswith(".TH INFOTALLY 1"))
        for text in (".SS submit", ".SS dept add", "\\-\\-author", ".SH EXIT STATUS", "INFOTALLY_DB"):
            self.assertIn(text, page)
        self.assertNotIn(".SS __values", page)  # hidden helpers stay hidden


class CompletionTest(LedgerTest):
    def setUp(self):
        super().setUp()
        if not shutil.which("bash"):
            self.skipTest("no bash")
        self.make_ledger()
        self.script = os.path.join(self.dir, "infotally.bash")
        with open(self.script, "w", encoding="utf-8") as f:
            f.write(self.ok("completion", "bash", db=False).out)
        # the script calls `infotally` by name: put the binary on PATH under that name
        self.bindir = os.path.join(self.dir, "bin")
        os.mkdir(self.bindir)
        os.symlink(os.path.abspath(BIN), os.path.join(self.bindir, "infotally"))

    def complete(self, line):
        words = line.split(" ")
        script = (f"source {self.script}\n"
                  f"COMP_WORDS=({' '.join(repr(w) for w in words)})\n"
                  f"COMP_CWORD={len(words) - 1}\n"
                  "_infotally\n"
                  "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
        env = dict(os.environ, PATH=self.bindir + os.pathsep + os.environ["PATH"], LANG="C.UTF-8")
        p = subprocess.run(["bash", "-c", script], capture_output=True, env=env, timeout=30)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        return [w for w in p.stdout.decode("utf-8").splitlines() if w]

    def test_subcommands_and_options(self):
        self.assertIn("submit", self.complete("infotally su"))
        self.assertNotIn("__values", self.complete("infotally _"))
        self.assertEqual(self.complete("infotally dept a"), ["add"])
        self.assertIn("--author", self.complete("infotally submit 标题 --au"))
        self.assertIn("--placement", self.complete("infotally adopt 1 --pl"))
        self.assertNotIn("--placement", self.complete("infotally submit 标题 --pl"))

    def test_values_come_from_the_ledger(self):
        self.assertEqual(sorted(self.complete(f"infotally --db {self.db} submit 标题 --dept ")),
                         ["gongsu", "office", "zhixing"])
        self.assertEqual(sorted(self.complete(f"infotally --db {self.db} submit 标题 --author ")), ["张三", "李四", "王芳"])
        self.assertIn("检察日报", self.complete(f"infotally --db {self.db} adopt 1 --outlet "))
        self.assertIn("国家级", self.complete(f"infotally --db {self.db} outlet add 某报 --level "))
        # no ledger: nothing from the ledger, and no error text in the completions
        self.assertEqual(self.complete(f"infotally --db {self.dir}/none.db submit 标题 --dept "), [])


if __name__ == "__main__":
    main()
