#!/usr/bin/env python3
"""Builds the demo ledger — a realistic year (2025) of a basic-level procuratorate: 12
departments, 60 people, about 400 submissions and 250 adoptions over all levels and months —
by running the real infotally binary, command by command, exactly as an officer would. Then it
prints the year-end tally. Fixed seed: the same ledger every time.

    python3 examples/demo/make_demo.py --bin build/infotally --db build/demo.db
"""
import argparse
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2025

DEPARTMENTS = [
    ("office", "办公室"), ("political", "政治部"), ("first", "第一检察部"), ("second", "第二检察部"),
    ("third", "第三检察部"), ("fourth", "第四检察部"), ("fifth", "第五检察部"), ("minors", "未成年人检察部"),
    ("cases", "案件管理部"), ("research", "法律政策研究室"), ("inspect", "检务督察部"), ("police", "司法警察大队"),
]
# How many people each department has (60 in all) and how much it writes (relative).
STAFF = {"office": 7, "political": 5, "first": 8, "second": 7, "third": 5, "fourth": 5, "fifth": 5,
         "minors": 4, "cases": 4, "research": 4, "inspect": 3, "police": 3}
ACTIVITY = {"office": 3.0, "political": 1.5, "first": 2.0, "second": 1.6, "third": 1.0, "fourth": 1.0,
            "fifth": 1.4, "minors": 1.3, "cases": 0.6, "research": 1.8, "inspect": 0.4, "police": 0.4}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英",
         "霞", "平", "刚", "桂英", "晓东", "海燕", "志强", "建华", "丽华", "文博", "思远", "雨婷", "子涵", "浩然", "欣怡",
         "俊杰", "佳怡", "宇航", "梦琪", "一鸣", "晨曦", "若曦"]

OUTLETS = [  # name, level, media
    ("最高人民检察院《检察情况反映》", "national", "internal"), ("检察日报", "national", "print"),
    ("正义网", "national", "online"), ("人民日报", "national", "print"), ("法治日报", "national", "print"),
    ("中央电视台", "national", "tv"), ("新华社", "national", "online"),
    ("省人民检察院《检察信息》", "provincial", "internal"), ("省人民检察院网站", "provincial", "online"),
    ("省法治报", "provincial", "print"), ("省电视台", "provincial", "tv"), ("省委政法委《政法信息》", "provincial", "internal"),
    ("市人民检察院《检察信息》", "city", "internal"), ("市日报", "city", "print"), ("市电视台", "city", "tv"),
    ("市检察院微信公众号", "city", "newmedia"), ("市委办公室", "city", "internal"),
    ("县委办《信息快报》", "county", "internal"), ("县电视台", "county", "tv"), ("县融媒体中心", "county", "newmedia"),
    ("县广播电台", "county", "radio"),
]
LEVEL_WEIGHT = {"national": 0.08, "provincial": 0.27, "city": 0.38, "county": 0.27}

TOPICS = ["未成年人检察", "认罪认罚从宽", "公益诉讼", "醉驾案件办理", "扫黑除恶常态化", "检察开放日", "司法救助",
          "社区矫正监督", "民事支持起诉", "行政争议实质性化解", "电信网络诈骗治理", "企业合规改革", "知识产权保护",
          "生态环境保护", "食品药品安全", "安全生产", "控告申诉", "法治进校园", "检察听证", "羁押必要性审查",
          "“枫桥经验”", "队伍教育整顿", "数字检察", "涉案财物管理", "刑事执行监督"]
INFO_FORMS = ["关于{t}工作的情况反映", "我院{t}工作取得新成效", "{t}工作的做法与思考", "{t}工作存在的问题及建议",
              "我院召开{t}工作推进会", "{t}：我院探索新机制"]
PUBLICITY_FORMS = ["县检察院扎实推进{t}工作", "检察官以案说法：{t}", "{t}，检察机关在行动", "守护公平正义：{t}的县域实践",
                   "一起{t}案件的办理始末", "检察官走进社区宣讲{t}"]
CATEGORIES = ["动态"] * 6 + ["经验"] * 2 + ["综述", "领导思路", "调研"]


class Runner:
    def __init__(self, binary, db):
        self.binary, self.db, self.count = binary, db, 0

    def __call__(self, *args, quiet=True):
        env = dict(os.environ, NO_COLOR="1")
        p = subprocess.run([self.binary, "--db", self.db, *map(str, args)], capture_output=True, text=True, env=env)
        self.count += 1
        if p.returncode != 0:
            sys.exit(f"demo: '{' '.join(map(str, args))}' failed:\n{p.stderr}")
        if not quiet:
            sys.stdout.write(p.stdout)
        return p.stdout.strip()


def people(rng):
    names, seen = [], set()
    for code, n in STAFF.items():
        for _ in range(n):
            while True:
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                if name not in seen:
                    seen.add(name)
                    break
            names.append((name, code))
    return names


def build(run, rng):
    run("init", "--unit", "示范县人民检察院")
    run("rules", "set", os.path.join(HERE, "rules-2025.toml"), "--year", YEAR)
    for code, name in DEPARTMENTS:
        run("dept", "add", code, name)
    staff = people(rng)
    for name, code in staff:
        run("person", "add", name, "--dept", code)
    # Two people change department during the year; one department closes at the end of October.
    run("person", "move", staff[3][0], "--dept", "research", "--from", f"{YEAR}-07-01")
    run("person", "move", staff[20][0], "--dept", "first", "--from", f"{YEAR}-04-15")
    for name, level, media in OUTLETS:
        run("outlet", "add", name, "--level", level, "--media", media)

    by_dept = {}
    for name, code in staff:
        by_dept.setdefault(code, []).append(name)
    codes = [c for c, _ in DEPARTMENTS]
    weights = [ACTIVITY[c] for c in codes]
    outlets_by_level = {}
    for name, level, _ in OUTLETS:
        outlets_by_level.setdefault(level, []).append(name)

    submissions = adoptions = 0
    target_adoptions = 250
    for i in range(400):
        month = 1 + (i * 12) // 400
        day = rng.randint(1, 28)
        code = rng.choices(codes, weights)[0]
        kind = "info" if rng.random() < 0.55 else "publicity"
        topic = rng.choice(TOPICS)
        title = rng.choice(INFO_FORMS if kind == "info" else PUBLICITY_FORMS).format(t=topic)
        writers = by_dept[code]
        authors = rng.sample(writers, 2 if len(writers) > 1 and rng.random() < 0.25 else 1)
        args = ["submit", title, "--kind", kind, "--dept", code, "--date", f"{YEAR}-{month:02d}-{day:02d}",
                "--category", rng.choice(CATEGORIES), "--length", rng.randint(300, 2500)]
        if len(authors) == 2 and rng.random() < 0.5:
            args += ["--author", f"{authors[0]}:0.6", "--author", f"{authors[1]}:0.4"]
        else:
            for a in authors:
                args += ["--author", a]
        if kind == "info" and rng.random() < 0.3:
            args += ["--destination", "direct"]
        if kind == "info":  # the event it reports, for the time limits (时限)
            args += ["--occurred", f"{YEAR}-{month:02d}-{max(1, day - rng.choice([0, 1, 1, 2, 2, 3, 4, 6])):02d}"]
            if rng.random() < 0.2:
                args += ["--tag", "重要"]
        sid = run(*args)
        submissions += 1
        # About 250 adoptions: most adopted pieces once, a few twice at different levels.
        if adoptions < target_adoptions and rng.random() < 0.56:
            levels = list(LEVEL_WEIGHT)
            level = rng.choices(levels, [LEVEL_WEIGHT[l] for l in levels])[0]
            picks = [level]
            if rng.random() < 0.12 and level != "national":
                picks.append(levels[levels.index(level) - 1])
            for lv in picks:
                adopted_day = min(28, day + rng.randint(1, 20))
                adopted_month = month if adopted_day > day else min(12, month + 1)
                aargs = ["adopt", sid, "--outlet", rng.choice(outlets_by_level[lv]),
                         "--date", f"{YEAR}-{adopted_month:02d}-{adopted_day:02d}"]
                if rng.random() < 0.12:
                    aargs += ["--form", rng.choice(["merged", "brief"])]
                if kind == "publicity" and rng.random() < 0.1:
                    aargs += ["--placement", rng.choice(["front-page", "lead", "front-lead"])]
                if kind == "info" and rng.random() < 0.06:
                    aargs += ["--endorsed-by", rng.choice(["city", "county", "provincial"])]
                run(*aargs)
                adoptions += 1
    return len(staff), submissions, adoptions


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default="build/infotally")
    ap.add_argument("--db", default="build/demo.db")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--quiet", action="store_true", help="build the ledger, print nothing else")
    args = ap.parse_args()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    run = Runner(os.path.abspath(args.bin), args.db)
    staff, subs, adopts = build(run, random.Random(args.seed))
    if args.quiet:
        return
    print(f"示范县人民检察院 demo ledger {args.db}: {len(DEPARTMENTS)} departments, {staff} people, "
          f"{len(OUTLETS)} outlets, {subs} submissions, {adopts} adoptions ({run.count} commands).")
    print(f"\nYear-end tally for {YEAR} (infotally --db {args.db} tally {YEAR}):\n")
    run("tally", YEAR, quiet=False)
    print(f"\nBy department (infotally --db {args.db} tally {YEAR} --by dept):\n")
    run("tally", YEAR, "--by", "dept", quiet=False)
    print(f"\nTry: infotally --db {args.db} report month {YEAR}-06   |   status --year {YEAR} --as-of {YEAR}-06-30")


if __name__ == "__main__":
    main()
