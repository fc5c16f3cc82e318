"""Output formats: tables aligned by display width, CSV for Excel, JSON for scripts."""
import json
import re
import unicodedata

from support import LedgerTest, main


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


class OutputTest(LedgerTest):
    def setUp(self):
        super().setUp()
        self.make_ledger()
        self.ok("dept", "add", "research", "Research Office")
        self.ok("person", "add", "Wang Wu", "--dept", "research")
        self.new_id("submit", "关于未成年人检察工作的信息", "--kind", "info", "--dept", "gongsu", "--author", "李四",
                    "--date", "2026-03-02")
        self.new_id("submit", "=HYPERLINK(\"http://x\")", "--kind", "info", "--dept", "office", "--author", "张三",
                    "--date", "2026-04-02")
        self.new_id("submit", "Third piece", "--kind", "info", "--dept", "research", "--author", "Wang Wu",
                    "--date", "2026-04-01")

    def test_table_columns_line_up_by_display_width(self):
        lines = self.ok("list", "submissions").out.splitlines()
        body = [l for l in lines if re.match(r"^\s*\d", l)]
        self.assertEqual(len(body), 3, lines)
        # the department column starts at the same display column on every row
        starts = []
        for line, dept in zip(body, ["第一检察部", "Research Office", "办公室"]):
            self.assertIn(dept, line)
            starts.append(width(line[:line.index(dept)]))
        self.assertEqual(len(set(starts)), 1, "\n".join(body))

    def test_csv_has_bom_crlf_and_neutralised_formulas(self):
        r = self.ok("--format", "csv", "list", "submissions")
        self.assertTrue(r.raw.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(r.raw.count(b"\n"), r.raw.count(b"\r\n"))
        self.assertIn("关于未成年人检察工作的信息", r.out)
        cells = [c.strip('"') for line in r.out.splitlines() for c in line.split(",")]
        self.assertFalse(any(c.startswith("=") for c in cells), r.out)
        self.assertIn("'=HYPERLINK", r.out)

    def test_json_is_an_array_of_objects_with_stable_keys(self):
        rows = self.ok("--format", "json", "list", "submissions").json()
        self.assertEqual(len(rows), 3)
        self.assertEqual(set(rows[0]), {"id", "submitted_on", "title", "kind", "category", "dept", "authors", "adoptions"})
        self.assertIsInstance(rows[0]["id"], int)
        self.assertEqual(rows[0]["title"], "关于未成年人检察工作的信息")
        # raw UTF-8, not \\u escapes
        self.assertIn("关于未成年人", self.ok("--format", "json", "list", "submissions").out)

    def test_unknown_format_is_a_usage_error(self):
        self.fails("--format", "xml", "list", "submissions", code=2)


if __name__ == "__main__":
    main()
