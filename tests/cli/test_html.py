"""`report month --format html` and `tally --format html`: one self-contained page, in the
interface language (the Chinese page under --lang zh, the English one under --lang en). The page is
read back with Python's html.parser (no script, no URL, every chart mark's data attributes equal
to what was recorded and to what `status`, `report month` and `tally` say in JSON), then opened
in headless Chromium (Debian's `chromium`, installed here when missing and we are root; skipped
with a message when it cannot be had): the DOM it loads, a screenshot, an A4 PDF, and no request
from the page in the browser's network log.

Set INFOTALLY_HTML_KEEP=DIR to keep the pages, screenshots and PDFs there for a look."""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from ledger_cache import build_once
from support import LedgerTest, main

QUOTAS = """
[[quota]]
name = "全年报送任务"
who = "dept"
measure = "submitted"
period = "year"
target = 12
targets = { office = 4 }

[[quota]]
name = "全年采用任务"
who = "dept"
measure = "adopted"
period = "year"
target = 3

[[quota]]
name = "个人采用任务"
who = "person"
measure = "adopted"
period = "year"
target = 2
"""

NASTY_TITLE = """<script>alert("x")</script> & '单引号' 的信息"""
UNIT = "测试县人民检察院"
NASTY_DEPT = '研究室<调研&"宣传">'
LEVEL_OF = {"检察日报": "national", "省院《检察信息》": "provincial", "市委办公室": "city", "县电视台": "county"}

# (title, dept, author(s), submitted on, [(outlet, adopted on)])
PIECES = [
    ("去年一月动态", "office", ["张三"], "2025-01-05", [("检察日报", "2025-01-10"), ("市委办公室", "2025-01-12")]),
    ("去年三月经验", "gongsu", ["李四"], "2025-03-02", [("省院《检察信息》", "2025-03-08")]),
    ("去年三月综述", "gongsu", ["王芳"], "2025-03-10", [("市委办公室", "2025-03-20")]),
    ("去年十一月", "office", ["张三"], "2025-11-01", [("县电视台", "2025-11-05")]),
    ("跨年采用", "office", ["张三"], "2025-12-20", [("市委办公室", "2026-01-03")]),
    ("一月动态", "office", ["张三"], "2026-01-08", [("检察日报", "2026-01-15")]),
    ("二月经验", "gongsu", ["李四"], "2026-02-02", [("省院《检察信息》", "2026-02-10")]),
    ("二月信息", "gongsu", ["李四"], "2026-02-03", [("市委办公室", "2026-02-12")]),
    ("三月合写", "gongsu", ["李四", "王芳"], "2026-03-02", [("检察日报", "2026-03-05"), ("省院《检察信息》", "2026-03-06")]),
    (NASTY_TITLE, "office", ["张三"], "2026-03-10", [("市委办公室", "2026-03-20")]),
    ("三月未采用", "zhixing", ["赵六"], "2026-03-25", []),
    ("研究室三月", "yanjiu", ["孙七"], "2026-03-12", [("县电视台", "2026-03-28")]),
    ("四月信息", "gongsu", ["王芳"], "2026-04-01", [("市委办公室", "2026-04-02")]),
    ("十月信息", "office", ["张三"], "2026-10-05", [("省院《检察信息》", "2026-10-09")]),
]


def expected_counts(last_day):
    """{(year, month, level): adoptions} recorded from January of last year up to `last_day`."""
    counts = {}
    for *_, adoptions in PIECES:
        for outlet, day in adoptions:
            if "2025-01-01" <= day <= last_day:
                key = (int(day[:4]), int(day[5:7]), LEVEL_OF[outlet])
                counts[key] = counts.get(key, 0) + 1
    return counts


class Page(html.parser.HTMLParser):
    """Everything the checks need from a page: tags in order with their attributes, text, the
    tables' headers ([data-key, text] in order) and cells by data-key, and the <style> text."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.style, self.tables, self.data_in = [], [], "", {}, []
        self.headers = []
        self._in, self._section, self._row, self._key = [], None, None, None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        self._in.append(tag)
        if tag == "table":
            self._section = a.get("data-section")
            self.tables[self._section] = []
        elif tag == "tr" and self._section:
            self._row = {}
        elif tag == "th":
            self.headers.append([a.get("data-key", ""), ""])
        elif tag == "td" and self._row is not None:
            self._key = a.get("data-key", "")
            self._row[self._key] = ""

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()
        if tag == "tr" and self._row:
            self.tables[self._section].append(self._row)
            self._row = None
        elif tag == "td":
            self._key = None
        elif tag == "table":
            self._section = None

    def handle_data(self, data):
        if self._in and self._in[-1] == "style":
            self.style += data
            return
        self.text.append(data)
        if self._in:
            self.data_in.append((self._in[-1], data))
            if self._in[-1] == "th":
                self.headers[-1][1] += data
        if self._key is not None and self._row is not None:
            self._row[self._key] += data

    def marks(self, tag, cls):
        return [a for t, a in self.tags if t == tag and cls in a.get("class", "").split()]


# Chinese, Japanese and Korean characters and their punctuation (、，（）《》 …)
CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def num(text):
    return float(text) if text not in ("", None) else None


_CHROMIUM = {}


def chromium():
    """The chromium binary, installing Debian's package once (as root) when it is missing;
    (None, why) when it cannot be had."""
    if "path" in _CHROMIUM:
        return _CHROMIUM["path"], _CHROMIUM["why"]
    path, why = shutil.which("chromium") or shutil.which("chromium", path="/usr/bin"), ""
    if not path and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        # fonts-noto-cjk: without a CJK font the screenshot shows boxes for every Chinese character
        install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=120",
                   "chromium", "fonts-noto-cjk"]
        start = time.monotonic()
        try:  # at most 14 minutes in all, inside the 15 CTest gives this file
            r = subprocess.run(install, env=env, capture_output=True, timeout=420)
            if r.returncode != 0:  # stale package lists: refresh once and try again
                subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=120)
                r = subprocess.run(install, env=env, capture_output=True, timeout=300)
            why = f"apt-get install chromium exited {r.returncode}: {r.stderr.decode(errors='replace')[-300:]}"
        except (subprocess.TimeoutExpired, OSError) as e:
            why = f"apt-get install chromium failed: {e}"
        path = shutil.which("chromium") or shutil.which("chromium", path="/usr/bin")
        print(f"\ntest_html: installing chromium took {time.monotonic() - start:.0f} s"
              f"{'' if path else ' and failed'}", file=sys.stderr)
    elif not path:
        why = "not running as root with apt-get"
    _CHROMIUM.update(path=path, why=why)
    return path, why


def run_chromium(binary, folder, page_file, *args):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
             f"--user-data-dir={tempfile.mkdtemp(dir=folder, prefix='chromium-')}"]
    return subprocess.run([binary, *flags, *args, "file://" + page_file], capture_output=True, timeout=180)


class HtmlPageTest(LedgerTest):
    def setUp(self):
        super().setUp()
        build_once(self, self.build)

    def build(self):
        self.make_ledger()
        self.ok("dept", "add", "yanjiu", NASTY_DEPT)
        self.ok("person", "add", "赵六", "--dept", "zhixing")
        self.ok("person", "add", "孙七", "--dept", "yanjiu")
        self.ok("outlet", "add", "县电视台", "--level", "县级", "--media", "tv")
        rules = os.path.join(self.dir, "rules.toml")
        with open(rules, "w", encoding="utf-8") as f:
            f.write(self.ok("rules", "show", "--year", "2026").out + "\n" + QUOTAS)
        self.ok("rules", "set", rules, "--year", "2026")
        for title, dept, authors, day, adoptions in PIECES:
            args = ["submit", title, "--kind", "info", "--dept", dept, "--date", day]
            for a in authors:
                args += ["--author", a]
            sid = self.new_id(*args)
            for outlet, on in adoptions:
                self.new_id("adopt", sid, "--outlet", outlet, "--date", on)

    def page(self, *args, lang="zh"):
        r = self.ok("--lang", lang, *args, "--format", "html")
        self.assertEqual(r.err, "")
        return r.out, Page(r.out)

    def json(self, *args):
        return self.ok("--format", "json", *args).json()

    # --- the page as written -------------------------------------------------------------------

    def assert_self_contained(self, text, page, lang="zh-CN"):
        self.assertTrue(text.startswith(f"<!DOCTYPE html>\n<html lang=\"{lang}\">"), text[:80])
        self.assertIn(("meta", {"charset": "utf-8"}), page.tags)
        title = [d for t, d in page.data_in if t == "title"]  # the page's, then the charts' tooltips
        self.assertIn(UNIT, title[0])
        tags = {t for t, _ in page.tags}
        self.assertNotIn("script", tags)
        for t in ("link", "img", "iframe", "object", "embed", "base", "a", "use", "image"):
            self.assertNotIn(t, tags, f"<{t}> in the page")
        for _, attrs in page.tags:
            for name in attrs:
                self.assertFalse(name.startswith("on"), f"event handler {name}")
                self.assertNotIn(name, ("src", "href", "xlink:href", "srcset"))
        for needle in ("http:", "https:", "//", "url(", "@import", "javascript:"):
            self.assertNotIn(needle, text.replace("<!DOCTYPE html>", ""), f"{needle!r} in the page")
        self.assertIn("@page { size: A4; margin: 15mm; }", page.style)
        self.assertIn('"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"', page.style)
        self.assertIn("break-inside: avoid", page.style)
        # user text is text: the title with <script> is escaped, and reads back exactly
        if NASTY_TITLE in "".join(page.text):
            self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;单引号&#39;", text)

    def assert_trend(self, page, year, months, last_day):
        counts = expected_counts(last_day)
        dots = page.marks("circle", "dot")
        levels = ["national", "provincial", "city", "county"]
        self.assertEqual({d["data-level"] for d in dots}, set(levels))
        seen = {}
        for d in dots:
            y, m = int(d["data-year"]), int(d["data-month"][5:])
            self.assertEqual(d["data-month"], f"{y}-{m:02d}")
            seen[(y, m, d["data-level"])] = int(d["data-count"])
        expected = {(y, m, lv): counts.get((y, m, lv), 0)
                    for lv in levels for y, last in ((year - 1, 12), (year, months)) for m in range(1, last + 1)}
        self.assertEqual(seen, expected)  # every month of both years, nothing after the period
        self.assertGreater(sum(expected.values()), 0)
        for line in page.marks("polyline", "line"):
            y, lv = int(line["data-year"]), line["data-level"]
            self.assertEqual([int(c) for c in line["data-counts"].split(",")],
                             [expected[(y, m, lv)] for m in range(1, (12 if y < year else months) + 1)])
            self.assertIn(("this" if y == year else "last"), line["class"])

    def assert_bars_match_status(self, page, *status_args):
        bars = page.marks("rect", "bar")
        self.assertTrue(bars)
        states = {"done": "done", "BEHIND": "behind", "on track": "on-track"}
        for by, key in (("dept", "data-dept"), ("person", "data-person")):
            rows = [r for r in self.json("status", "--year", "2026", *status_args, "--by", by)["status"] if r["quota"]]
            mine = [b for b in bars if key in b]
            self.assertEqual(len(mine), len(rows), by)
            status = {(r["dept" if by == "dept" else "name"], r["quota"]): r for r in rows}
            for b in mine:
                r = status[(b[key], b["data-quota"])]
                self.assertEqual((num(b["data-target"]), num(b["data-actual"]), num(b["data-expected"]),
                                  num(b["data-projected"]), b["data-completion"], b["data-state"]),
                                 (r["target"], r["done"], r["expected"], r["projected"], r["completion"],
                                  states[r["state"]]), b)
                self.assertIn(b["data-state"], b["class"])
        paces = page.marks("line", "pace")
        self.assertEqual([p["data-expected"] for p in paces], [b["data-expected"] for b in bars])
        return bars

    def assert_tables_match(self, page, section, rows, total="合计"):
        """The page's table `section` holds the JSON report's rows, cell by cell (the total row
        named `total`, as the page's language says it)."""
        mine = page.tables[section]
        self.assertEqual(len(mine), len(rows), section)
        for got, want in zip(mine, rows):
            self.assertEqual(list(got), list(want), section)
            for key, value in want.items():
                if isinstance(value, (int, float)):
                    self.assertAlmostEqual(num(got[key]), value, places=2, msg=f"{section}.{key}")
                elif value is None:
                    self.assertEqual(got[key], "", f"{section}.{key}")
                elif value == "total":
                    self.assertEqual(got[key], total)
                elif key != "note":
                    self.assertEqual(got[key], value, f"{section}.{key}")

    def test_month_page(self):
        text, page = self.page("report", "month", "2026-03")
        self.assert_self_contained(text, page)
        self.assertIn(NASTY_TITLE, "".join(page.text))
        self.assertIn("2026年3月", "".join(page.text))
        self.assert_trend(page, 2026, 3, "2026-03-31")
        bars = self.assert_bars_match_status(page, "--as-of", "2026-03-31")
        office = next(b for b in bars if b.get("data-dept") == "办公室" and b["data-quota"] == "全年报送任务")
        # office: 2 of 4 pieces by 31 March (跨年采用 was sent in 2025); by day 90 of 365, 0.99 were due
        self.assertEqual((office["data-actual"], office["data-target"], office["data-expected"], office["data-state"]),
                         ("2", "4", "0.99", "on-track"))
        nasty = [b for b in bars if b.get("data-dept") == NASTY_DEPT]
        self.assertEqual(len(nasty), 2)  # both department quotas; the name reads back unharmed
        report = self.json("report", "month", "2026-03")
        self.assertEqual(list(page.tables), ["month", "year_to_date", "adoptions"])
        for section, rows in report.items():
            self.assert_tables_match(page, section, rows)
        self.assertEqual(len(page.tables["adoptions"]), 4)
        headers = [a.get("data-key") for t, a in page.tags if t == "th"]
        self.assertIn("adoption_rate", headers)
        self.assertIn("采用率", page.text)
        self.assertIn("名次", page.text)
        # the headers are the text report's own (the catalogue's words), as `report month` says them
        th = dict(page.headers)
        self.assertEqual((th["points"], th["yuan"], th["rank"], th["dept"]), ("积分", "金额（元）", "名次", "部门"))
        self.assertIn("2026年3月信息宣传月报", "".join(page.text))

    def test_a_month_without_adoptions_still_makes_a_page(self):
        text, page = self.page("report", "month", "2026-07")
        self.assert_self_contained(text, page)
        self.assertEqual(page.tables["adoptions"], [{"": "（无）"}])
        self.assert_trend(page, 2026, 7, "2026-07-31")
        self.assert_bars_match_status(page, "--as-of", "2026-07-31")

    def test_tally_page(self):
        text, page = self.page("tally", "2026")
        self.assert_self_contained(text, page)
        self.assert_trend(page, 2026, 11, "2026-11-22")  # the year runs: January to November
        self.assert_bars_match_status(page)  # as of today, like `status`
        self.assertEqual(list(page.tables), ["persons", "depts"])
        self.assert_tables_match(page, "persons", self.json("tally", "2026")["tally"])
        self.assert_tables_match(page, "depts", self.json("tally", "2026", "--by", "dept")["tally"])
        th = [d for _, d in page.headers]
        for header in ("积分", "净积分", "金额（元）", "扣款（元）", "净金额（元）", "任务奖励", "扣分"):
            self.assertIn(header, th)
        for old in ("得分", "净得分", "金额(元)"):
            self.assertNotIn(old, th)
        _, by_dept = self.page("tally", "2026", "--by", "dept")
        self.assertEqual(list(by_dept.tables), ["depts", "persons"])

    def test_rules_without_quotas_show_points_bars_and_say_so(self):
        rules = os.path.join(self.dir, "plain.toml")
        with open(rules, "w", encoding="utf-8") as f:
            f.write('[[base]]\nlevel = "国家级"\npoints = 10\n[[base]]\nlevel = "省级"\npoints = 6\n')
        self.ok("rules", "set", rules, "--year", "2026")
        text, page = self.page("report", "month", "2026-03")
        self.assertEqual(page.marks("rect", "bar quota"), [])
        self.assertEqual(page.marks("line", "pace"), [])
        self.assertIn("未设任务指标", text)
        ytd = {r["dept"]: r["points"] for r in self.json("report", "month", "2026-03")["year_to_date"] if r["rank"]}
        self.assertEqual({b["data-dept"]: num(b["data-points"]) for b in page.marks("rect", "points")}, ytd)
        self.assertEqual(ytd["第一检察部"], 22)  # 省级 6 in February, 国家级 10 and 省级 6 in March

    def ledger_names(self, *reports):
        """Every name the pages may show from the ledger and its rules: the unit, departments,
        persons, outlets, titles, levels, quotas, and every text cell of the JSON reports."""
        names = {UNIT, NASTY_DEPT, NASTY_TITLE, "办公室", "第一检察部", "刑事执行检察部", "张三", "李四", "王芳",
                 "赵六", "孙七", *LEVEL_OF, "国家级", "省级", "市级", "县级", "全年报送任务", "全年采用任务",
                 "个人采用任务"}
        for report in reports:
            for rows in report.values():
                names.update(v for row in rows for v in row.values() if isinstance(v, str))
        return sorted(names, key=len, reverse=True)

    def assert_no_chinese_but_names(self, page, names, where):
        """No Chinese in the page's own texts: what is left with the ledger's names taken out. The
        level columns are headed by the rules' level names (国家级 …): names, not texts. The text
        report's English headers 报送分, 封顶 and "change 同比" are its own catalogue rows, shared."""
        level_headers = [d for k, d in page.headers
                         if k.startswith("points_") and k not in ("points_submission", "points_capped")]
        shared = {"points_submission": "报送分", "points_capped": "封顶", "adopted_change": "change 同比"}
        texts = []
        for key, header in page.headers:
            if key in shared:
                self.assertEqual(header, shared[key])
        for tag, data in page.data_in:
            if tag == "th" and (data in level_headers or data in shared.values()):
                continue
            for name in names + level_headers:
                data = data.replace(name, "")
            texts.append(data)
        left = [t for t in texts if CJK.search(t)]
        self.assertEqual(left, [], where)

    def test_english_page(self):
        """--lang en: the same page in English, every figure the same as on the Chinese page."""
        for args, as_of in ((["report", "month", "2026-03"], "2026-03-31"), (["tally", "2026"], "2026-11-22")):
            zh_text, zh = self.page(*args, lang="zh")
            text, page = self.page(*args, lang="en")
            self.assert_self_contained(text, page, lang="en")
            # the same marks with the same figures in their data attributes, the same tables' keys
            for tag, cls in (("rect", "bar"), ("line", "pace"), ("circle", "dot"), ("polyline", "line")):
                self.assertEqual(page.marks(tag, cls), zh.marks(tag, cls), f"{args}: {tag}.{cls}")
            self.assertEqual([a for t, a in page.tags if t in ("table", "th", "td")],
                             [a for t, a in zh.tags if t in ("table", "th", "td")])
            self.assertEqual(list(page.tables), list(zh.tables))
            h2 = [d for t, d in page.data_in if t == "h2"]
            self.assertIn(f"Quota progress (as of {as_of})", h2)
            legend = [d for t, d in page.data_in if t == "span"]
            for word in ("done", "on track", "behind the pace", "pace (due by the days elapsed)", "target 100%",
                         "2026", "2025"):
                self.assertIn(word, legend)
            reports = []
            if args[0] == "report":
                report = self.json(*args)
                reports.append(report)
                for section, rows in report.items():
                    self.assert_tables_match(page, section, rows, total="total")
                self.assertIn("Adoptions by level (January to March 2026, solid; all of 2025, dashed)", h2)
                self.assertIn("Departments this month (March 2026, compared with March 2025)", h2)
                self.assertIn("Adoptions this month (March 2026)", h2)
                self.assertIn(f"{UNIT}: information work, monthly report for March 2026", page.text)
                th = [d for _, d in page.headers]
                for header in ("department", "submitted", "adopted", "rate", "points", "yuan", "rank", "date",
                               "title", "authors", "outlet", "level", "note"):
                    self.assertIn(header, th)
            else:
                persons, depts = self.json(*args)["tally"], self.json(*args, "--by", "dept")["tally"]
                reports += [{"persons": persons}, {"depts": depts}]
                self.assert_tables_match(page, "persons", persons, total="total")
                self.assert_tables_match(page, "depts", depts, total="total")
                self.assertIn("Persons ranked (points and reward)", h2)
                self.assertIn("Adoptions by level (January to November 2026, solid; all of 2025, dashed)", h2)
                self.assertIn(f"{UNIT}: information work tally for 2026", page.text)
            dots = [d for t, d in page.data_in if t == "title"][1:]
            self.assertTrue(any(re.fullmatch(r"March 2025 .+, adoptions: \d+", d) for d in dots), dots[:5])
            self.assert_no_chinese_but_names(page, self.ledger_names(*reports), args)
        _, empty = self.page("report", "month", "2026-07", lang="en")
        self.assertEqual(empty.tables["adoptions"], [{"": "(none)"}])

    def test_html_is_only_for_pages(self):
        for args in (["status"], ["list", "submissions"], ["explain", "--person", "张三", "--year", "2026"]):
            self.fails("--format", "html", *args, code=2, mentions=["html"])
        self.fails("status", "--format", "html", code=2, mentions=["html"])
        self.fails("report", "month", "2026-13", "--format", "html", mentions=["'2026-13' is not a month"])
        self.fails("tally", "2026", "--by", "nobody", "--format", "html", code=2, mentions=["nobody"])
        self.fails("tally", "2031", "--format", "html", mentions=["no rules are stored for 2031"])
        self.assertIn("html", self.ok("report", "month", "--help", db=False).out)

    # --- the page in a browser ------------------------------------------------------------------

    def test_chromium_loads_renders_and_prints_the_pages(self):
        binary, why = chromium()
        if not binary:
            self.skipTest(f"headless Chromium is not available ({why}): the pages were checked "
                          "with html.parser only")
        keep = os.environ.get("INFOTALLY_HTML_KEEP")
        for name, args, lang in (("month", ["report", "month", "2026-03"], "zh"), ("tally", ["tally", "2026"], "zh"),
                                 ("month-en", ["report", "month", "2026-03"], "en")):
            text, page = self.page(*args, lang=lang)
            path = os.path.join(self.dir, f"{name}.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            netlog = os.path.join(self.dir, f"{name}-net.json")
            r = run_chromium(binary, self.dir, path, "--dump-dom", f"--log-net-log={netlog}",
                             "--enable-logging=stderr", "--v=0")
            log = r.stderr.decode(errors="replace")
            self.assertEqual(r.returncode, 0, log[-2000:])
            # the page's console stays silent (Chromium logs every console message, errors too)
            self.assertEqual([line for line in log.splitlines() if ":CONSOLE" in line], [])
            dom = Page(r.stdout.decode("utf-8"))
            # the browser built the same document: every mark with the same figures, no error page
            for tag, cls in (("rect", "bar"), ("line", "pace"), ("circle", "dot"), ("polyline", "line")):
                self.assertEqual(dom.marks(tag, cls), page.marks(tag, cls), f"{name}: {tag}.{cls}")
            self.assertEqual(dom.tables, page.tables)
            self.assertEqual([a for t, a in dom.tags if t == "h1"], [a for t, a in page.tags if t == "h1"])
            self.assertNotIn("parsererror", {t for t, _ in dom.tags})
            self.assert_no_request_from_the_page(netlog)

            png = os.path.join(self.dir, f"{name}.png")
            r = run_chromium(binary, self.dir, path, f"--screenshot={png}", "--window-size=1240,1754")
            self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace")[-2000:])
            with open(png, "rb") as f:
                head = f.read(24)
            self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
            self.assertEqual((int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")), (1240, 1754))
            self.assertGreater(os.path.getsize(png), 20000)  # a page with charts, not a blank one

            pdf = os.path.join(self.dir, f"{name}.pdf")
            r = run_chromium(binary, self.dir, path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
            self.assertEqual(r.returncode, 0, r.stderr.decode(errors="replace")[-2000:])
            if keep:
                os.makedirs(keep, exist_ok=True)
                for f in (path, png, pdf):
                    shutil.copy(f, keep)
            with open(pdf, "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"%PDF-"), "not a PDF")
            # A4 from @page: 595 × 842 points on every page
            boxes = set(re.findall(rb"/MediaBox \[([^\]]*)\]", data))
            self.assertEqual({tuple(round(float(x)) for x in b.split()) for b in boxes}, {(0, 0, 595, 842)}, boxes)

    def assert_no_request_from_the_page(self, netlog):
        """Chromium's own background traffic aside, nothing was requested on behalf of the page
        (a request from a file:// page carries the file:// network isolation key)."""
        with open(netlog, encoding="utf-8") as f:
            text = f.read()
        try:
            events = json.loads(text)["events"]
        except ValueError:  # the log is closed with "]}" only on a clean exit
            events = json.loads(text.rstrip().rstrip(",") + "]}")["events"]
        for e in events:
            p = e.get("params", {})
            url = p.get("url", "")
            if "file://" in str(p.get("network_isolation_key", "")) and not url.startswith(("file:", "data:")):
                self.fail(f"the page requested {url}")


if __name__ == "__main__":
    main()
