"""`status --chart`: each quota's completion as bars of block characters, on the ledger of
test_reports.StatusTest (Chinese department names), in English and Chinese, in a pipe and on a
terminal (colour, window width)."""
import fcntl
import os
import pty
import struct
import subprocess
import termios
import unicodedata

import test_reports
from support import BIN, main

ZH = {"LANG": "zh_CN.UTF-8"}
AS_OF = ("--year", "2026", "--as-of", "2026-06-30")
EIGHTHS = "▏▎▍▌▋▊▉"


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def bar_of(line):
    """The blocks of a bar's line: '█' * n plus at most one eighth-block."""
    return "".join(c for c in line if c == "█" or c in EIGHTHS)


def column(line, char):
    """The display column at which `char` stands in `line`."""
    return width(line[:line.index(char)])


class StatusChartTest(test_reports.ReportTest):
    def setUp(self):
        super().setUp()
        self.build_once(lambda: test_reports.StatusTest.build(self))

    QUOTAS = test_reports.StatusTest.QUOTAS  # for StatusTest.build

    def chart(self, *args, env=None):
        return self.ok("status", "--chart", *AS_OF, *args, env=env).out

    def lines(self, text):
        return {line.split()[0]: line for line in text.splitlines() if line.strip()}

    def test_department_bars_for_a_known_ledger(self):
        text = self.chart()
        lines = self.lines(text)
        self.assertIn("2026 quota status as of 2026-06-30", text.splitlines()[0])
        self.assertIn("全年报送任务", lines)  # the quota's name heads its block
        # A pipe gets 80 columns: labels 14 wide (刑事执行检察部), "  ", the bar, the over mark,
        # " ", the percentage (5), "  ", done/target (4): 80 - 14 - 15 leaves 51, capped at 50.
        office, gongsu, zhixing = lines["办公室"], lines["第一检察部"], lines["刑事执行检察部"]
        self.assertEqual(bar_of(office), "█" * 37 + "▌")  # 3 of 4: 300 eighths of 400
        self.assertEqual(bar_of(gongsu), "█" * 8 + "▎")  # 2 of 12: 66 eighths of 400
        self.assertEqual(bar_of(zhixing), "")  # 0 of 12
        start = width("刑事执行检察部") + 2
        for line in (office, gongsu):
            self.assertEqual(column(line, "█"), start, line)
        # the pace: 5.95 of 12 expected by 30 June, cell 24 of 50; the office is past its pace
        self.assertEqual(column(gongsu, "│"), start + 24)
        self.assertEqual(column(zhixing, "│"), start + 24)
        self.assertNotIn("│", office)
        self.assertEqual(office.split()[-2:], ["75.0%", "3/4"])
        self.assertEqual(gongsu.split()[-2:], ["16.7%", "2/12"])
        self.assertEqual(zhixing.split()[-2:], ["0.0%", "0/12"])
        self.assertEqual({column(l, "%") for l in (office, gongsu, zhixing)}, {start + 50 + 2 + 4})
        for line in text.split("overdue submissions")[0].splitlines():  # the chart, not the table
            self.assertLessEqual(width(line), 80, line)
        self.assertNotIn("\x1b[", text)  # no colour in a pipe
        self.assertIn("█ done so far   │ expected by now (pace)   ▸ over 100%", text)
        # the overdue table follows, as `status` shows it
        self.assertIn("overdue submissions", text)
        self.assertIn("重要案情迟报", text)

    def test_person_bars_full_half_and_empty(self):
        lines = self.lines(self.chart("--by", "person"))
        self.assertIn("个人采用任务", lines)
        zhang, li, wang = lines["张三"], lines["李四"], lines["王芳"]
        self.assertIn("张三 (办公室)", zhang)
        cells = len(bar_of(zhang))  # 2 of 2: the whole bar, and not over
        self.assertGreaterEqual(cells, 10)
        self.assertEqual(set(bar_of(zhang)), {"█"})
        self.assertNotIn("▸", zhang)
        self.assertEqual(bar_of(li), "█" * (cells // 2) + ("▌" if cells % 2 else ""))
        self.assertEqual(bar_of(wang), "")
        self.assertEqual(zhang.split()[-2:], ["100.0%", "2/2"])

    def test_over_100_percent_is_capped_and_marked(self):
        self.piece("又一篇", "office", "2026-05-01", "张三")  # 4 of 4
        self.piece("再一篇", "office", "2026-05-02", "张三")  # 5 of 4
        office = self.lines(self.chart())["办公室"]
        self.assertEqual(bar_of(office), "█" * 50)
        self.assertIn("▸", office)
        self.assertEqual(office.split()[-2:], ["125.0%", "5/4"])

    def test_in_chinese(self):
        text = self.chart(env=ZH)
        lines = self.lines(text)
        self.assertTrue(text.startswith("2026 年任务完成情况（截至 2026-06-30）"), text)
        self.assertIn("全年报送任务", lines)
        self.assertEqual(bar_of(lines["办公室"]), "█" * 37 + "▌")  # the same bars
        self.assertEqual(bar_of(lines["第一检察部"]), "█" * 8 + "▎")
        self.assertIn("超过 100%", text)
        self.assertIn("时间进度（到今天应完成）", text)
        self.assertIn("逾期稿件", text)
        self.assertNotIn("over 100%", text)
        person = self.chart("--by", "person", env=ZH)
        self.assertIn("张三（办公室）", person)
        self.assertIn("李四（第一检察部）", person)

    def test_colour_and_width_on_a_terminal(self):
        def on_terminal(*args, columns=60):
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
            env = self.environment()
            env.pop("NO_COLOR")
            proc = subprocess.run([BIN, "--db", self.db, "status", "--chart", *AS_OF, *args],
                                  cwd=self.dir, env=env, stdout=slave, stderr=subprocess.PIPE,
                                  timeout=60)
            os.close(slave)
            out = b""
            try:
                while True:
                    chunk = os.read(master, 65536)
                    if not chunk:
                        break
                    out += chunk
            except OSError:
                pass
            os.close(master)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            return out.decode("utf-8").replace("\r\n", "\n")

        text = on_terminal()
        lines = self.lines(text)
        self.assertIn("\x1b[31m", lines["第一检察部"])  # behind the pace: red
        self.assertNotIn("\x1b[", lines["办公室"])  # ahead of the pace, not done: plain
        plain = text.replace("\x1b[31m", "").replace("\x1b[32m", "").replace("\x1b[0m", "")
        chart = plain.split("\n\n")[1]  # the bars, between the title and the legend
        for line in chart.splitlines()[1:]:
            self.assertLessEqual(width(line), 60, line)
        self.assertEqual(column(self.lines(plain)["办公室"], "%"), 60 - 2 - 4 - 1)
        self.assertIn("\x1b[32m", on_terminal("--by", "person"))  # 张三 has done his: green
        self.assertNotIn("\x1b[3", on_terminal("--no-color"))

    def test_chart_is_for_the_terminal_and_help_shows_it(self):
        self.fails("--format", "json", "status", "--chart", code=2, mentions=["--chart"])
        self.fails("--format", "csv", "status", "--chart", code=2, mentions=["--format csv"])
        help_text = self.ok("help", "status", db=False).out
        self.assertIn("--chart", help_text)
        self.assertIn("infotally status --chart", help_text)
        self.assertIn("infotally status --chart", self.ok("help", "status", db=False, env=ZH).out)
        self.assertIn("示例：", self.ok("help", "status", db=False, env=ZH).out)


if __name__ == "__main__":
    main()
