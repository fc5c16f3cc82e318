#!/usr/bin/env python3
"""Writes a realistic import CSV (schemas/import.md) for the benchmark: a province's roll-up of
basic-level procuratorates, two years (2025 and 2026), Chinese names, fixed seed.

    python3 bench/generate_ledger.py --adoptions 1000000 --out /tmp/ledger-1m.csv

One row per adoption, plus one row for each submission that was never adopted; about 1.4
adoptions per adopted piece, a quarter of pieces never adopted.
"""
import argparse
import csv
import random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英晓东海燕志建华文博思远雨婷子涵浩然欣怡俊佳宇航梦琪一鸣晨曦"
COUNTIES = ["东城", "西城", "南山", "北湖", "青山", "白水", "红河", "金沙", "银川", "玉泉", "长乐", "永安", "新华", "和平",
            "安宁", "太平", "清河", "临江", "望海", "凤凰"]
DEPTS = ["办公室", "政治部", "第一检察部", "第二检察部", "第三检察部", "第四检察部", "第五检察部", "未成年人检察部",
         "案件管理部", "法律政策研究室", "检务督察部", "司法警察大队"]
LEVELS = [("国家级", 0.05), ("省级", 0.25), ("市级", 0.4), ("县级", 0.3)]
MEDIA = ["报刊", "网络", "电视", "新媒体", "内刊", "电台"]
TOPICS = ["未成年人检察", "认罪认罚从宽", "公益诉讼", "醉驾案件办理", "扫黑除恶", "检察开放日", "司法救助", "社区矫正监督",
          "企业合规改革", "知识产权保护", "生态环境保护", "食品药品安全", "控告申诉", "法治进校园", "检察听证", "数字检察"]
FORMS = ["", "", "", "", "", "", "综合", "简讯"]
PLACEMENTS = [""] * 12 + ["头版", "头条", "头版头条"]

HEADER = ["标题", "类型", "分类", "部门", "作者", "作者部门", "报送日期", "字数", "采用单位", "级别", "媒体类型",
          "采用日期", "采用形式", "版面"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--adoptions", type=int, default=10000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261122)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    units = max(1, min(len(COUNTIES) * 5, args.adoptions // 2000))
    depts = [f"{COUNTIES[u % len(COUNTIES)]}{'' if u < len(COUNTIES) else u // len(COUNTIES) + 1}院{d}"
             for u in range(units) for d in DEPTS]
    people = {}
    for dept in depts:
        people[dept] = []
        for _ in range(5):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            while any(name in v for v in people.values()) or name in people[dept]:
                name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) + rng.choice(GIVEN)
            people[dept].append(name)
    outlets = []
    for level, _ in LEVELS:
        for i in range(12 if level != "国家级" else 8):
            outlets.append((f"{level[:-1]}媒体{i + 1:02d}号《{rng.choice(['检察', '法治', '政法', '信息'])}"
                            f"{rng.choice(['日报', '周刊', '网', '快报', '简报'])}》", level, MEDIA[i % len(MEDIA)]))
    by_level = {l: [o for o in outlets if o[1] == l] for l, _ in LEVELS}
    level_names = [l for l, _ in LEVELS]
    level_weights = [w for _, w in LEVELS]

    written = n = 0
    with open(args.out, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADER)
        while written < args.adoptions:
            n += 1
            year = 2025 if rng.random() < 0.45 else 2026
            month = rng.randint(1, 12 if year == 2025 else 10)
            day = rng.randint(1, 28)
            dept = rng.choice(depts)
            writers = people[dept]
            authors = rng.sample(writers, 2) if rng.random() < 0.2 else [rng.choice(writers)]
            kind = "信息" if rng.random() < 0.55 else "宣传"
            title = f"{dept}关于{rng.choice(TOPICS)}工作的{'信息' if kind == '信息' else '报道'}（第{n}号）"
            base = [title, kind, rng.choice(["动态", "经验", "调研", "综述"]), dept, "、".join(authors),
                    "、".join(dept for _ in authors), f"{year}-{month:02d}-{day:02d}", rng.randint(300, 3000)]
            if rng.random() < 0.25:
                w.writerow(base + ["", "", "", "", "", ""])
                continue
            adoptions = 1 if rng.random() < 0.65 else 2 if rng.random() < 0.85 else 3
            used = set()
            for _ in range(adoptions):
                if written >= args.adoptions:
                    break
                level = rng.choices(level_names, level_weights)[0]
                outlet = rng.choice(by_level[level])
                if outlet[0] in used:
                    continue
                used.add(outlet[0])
                aday = min(28, day + rng.randint(0, 20))
                w.writerow(base + [outlet[0], outlet[1], outlet[2], f"{year}-{month:02d}-{aday:02d}",
                                   rng.choice(FORMS), rng.choice(PLACEMENTS)])
                written += 1
    print(f"{args.out}: {written} adoptions of {n} submissions, {len(depts)} departments, "
          f"{sum(len(v) for v in people.values())} people, {len(outlets)} outlets")


if __name__ == "__main__":
    main()
