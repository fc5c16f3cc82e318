// The rules file `infotally init` stores for a new year. The vocabulary is written out from
// default_vocabulary() so the two cannot drift apart; the rest is a modest starting point an
// officer edits to match the unit's own 考核办法. Everything a recording command can store
// (declared shares, form, placement, endorsement) scores something by default, so nothing an
// officer records is silently ignored.
#include <fmt/format.h>

#include "lib/rules/rules.hpp"

namespace infotally::rules {
namespace {

std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string term_list(std::string_view key, const TermList& list) {
    std::string out = fmt::format("{} = [\n", key);
    for (const auto& t : list.terms()) {
        std::string aliases;
        for (const auto& a : t.aliases) aliases += (aliases.empty() ? "" : ", ") + quoted(a);
        out += fmt::format("    {{ key = {}, name = {}, aliases = [{}] }},\n", quoted(t.key),
                           quoted(t.name), aliases);
    }
    return out + "]\n";
}

constexpr std::string_view k_header = R"(# infotally 信息宣传考核规则 / rules for {year}
#
# 本文件规定 {year} 年度信息宣传工作如何计分、计奖。修改后请运行
#   infotally rules check 本文件
# 检查无误后用 infotally rules set 本文件 --year {year} 保存。往年的规则单独保存，
# 修改今年的规则不会改变往年的统计结果。
#
# This file says how {year}'s pieces are scored and paid. After editing, run
# 'infotally rules check FILE', then 'infotally rules set FILE --year {year}'.
# Each year keeps its own rules: editing this year's never changes a past year's tally.
# Every key is described in schemas/rules.md.

year = {year}
title = "{year}年度信息宣传工作考核办法"

# 考核对象：person 按个人计分（默认），dept 按科室（部门）计分。
# Whom the rules score by default: "person" or "dept".
subject = "person"

# 一稿多用：cumulative 每次采用都计分；highest 只按得分最高的一次采用计分。
# A piece adopted by several outlets scores at each ("cumulative") or only at its
# highest-scoring adoption ("highest").
policy = "cumulative"

# ---------------------------------------------------------------------------
# 词汇表 Vocabulary. 级别从高到低排列；key 存入台账，name 和 aliases 用于输入。
# Levels are listed highest first. The key is stored in the ledger; the name and
# aliases are accepted on input ("国家级", "部级" and "national" all mean national).
# ---------------------------------------------------------------------------
)";

constexpr std::string_view k_body = R"(
# ---------------------------------------------------------------------------
# 合作稿件 Co-authors. equal 平均分配；declared 按登记的份额（未登记则平均）；
# first 第一作者（主执笔人）得全部。分数、奖金和稿件数都按此分配。
# How a piece's points, money and piece count are split among its authors:
# "equal", "declared" (the shares recorded with the piece; equal if none) or "first".
# ---------------------------------------------------------------------------
[authors]
split = "declared"

# ---------------------------------------------------------------------------
# 基础分 Base points per adoption. 每次采用只适用一条 [[base]]：条件最具体的那条
# （写明采用单位 outlet 的优先，其次条件多的优先）。没有匹配的规则计 0 分。
# Exactly one [[base]] applies to each adoption: the most specific match (one naming
# an outlet beats one that does not; then more conditions beat fewer). No match: 0.
# ---------------------------------------------------------------------------
[[base]]
level = "国家级"
points = 10

[[base]]
level = "省级"
points = 6

[[base]]
level = "市级"
points = 3

[[base]]
level = "县级"
points = 1

# ---------------------------------------------------------------------------
# 倍数 Factors: 所有匹配的倍数相乘 (all matching factors multiply).
# 简讯减半，综合采用 ×0.6；头版或头条 ×2，头版头条或整版 ×3。
# A brief item scores half, a piece merged into a roundup 0.6; front page or lead story
# doubles, front-page lead or a full page triples.
# ---------------------------------------------------------------------------
[[factor]]
form = "简讯"
factor = 0.5

[[factor]]
form = "综合"
factor = 0.6

[[factor]]
placement = ["头版", "头条"]
factor = 2

[[factor]]
placement = ["头版头条", "整版"]
factor = 3

# ---------------------------------------------------------------------------
# 领导批示加分 Leader endorsement (批示) bonuses, added after the factors.
# ---------------------------------------------------------------------------
[[bonus]]
endorsement = "中央领导"
points = 20
stage = "after_factors"

[[bonus]]
endorsement = "省领导"
points = 10
stage = "after_factors"

[[bonus]]
endorsement = "市领导"
points = 5
stage = "after_factors"

[[bonus]]
endorsement = "市两办领导"
points = 3
stage = "after_factors"

[[bonus]]
endorsement = "县领导"
points = 2
stage = "after_factors"

# 以下为常见写法示例，去掉行首的 # 即可启用。
# Common additions, commented out: remove the leading # to use them.
#
# 加分 Bonus: 人民日报采用另加 50 分（先加后乘倍数）。All matching bonuses apply.
# [[bonus]]
# outlet = "人民日报"
# points = 50
#
# 调研文章 ×2 (category 调研).
# [[factor]]
# category = "调研"
# factor = 2
#
# 固定分 Flat: 新华社通稿 200 分，不再加分、不乘倍数 (replaces every other rule).
# [[flat]]
# outlet = "新华社"
# points = 200
#
# 报送即计分 Points for merely submitting a piece.
# [[submission]]
# points = 0.5
#
# 扣分 Penalty: 虚报的稿件该条 0 分并扣 5 分 (the piece scores 0 and loses 5).
# [[penalty]]
# tag = "虚报"
# points = 5
# zero = true
#
# 任务 Quota: 每个科室每月至少报送 2 条，缺一条扣 2 分.
# [[quota]]
# who = "dept"
# measure = "submitted"
# period = "month"
# target = 2
# penalty_per_missing = 2
#
# 封顶 Cap: 每人每月最多 100 分. 保底 Floor: 净分不低于 0.
# [[cap]]
# who = "person"
# period = "month"
# max_points = 100
#
# [limits]
# floor = 0
#
# 奖金 Money: 每分 2 元 (per_point)，或奖金总额按分数比例分配 (pool).
# [money]
# per_point = 2

# ---------------------------------------------------------------------------
# 时限 Time limits: 重要信息 3 天内报送，一般信息 5 天内 (days from the event to the
# submission; used by 'infotally status' to list overdue pieces).
# ---------------------------------------------------------------------------
[[time_limit]]
name = "重要信息 important"
tag = "重要"
days = 3

[[time_limit]]
name = "一般信息 ordinary"
days = 5
)";

}  // namespace

std::string default_rules_toml(int year) {
    const Vocabulary& v = default_vocabulary();
    std::string out = fmt::format(fmt::runtime(k_header), fmt::arg("year", year));
    out += "\n# 级别 Levels (highest first)\n" + term_list("levels", v.levels);
    out += "\n# 媒体类型 Media types\n" + term_list("media", v.media);
    out += "\n# 稿件类型 Kinds of piece: 信息 information, 宣传 publicity\n" +
           term_list("kinds", v.kinds);
    out += "\n# 采用形式 Adoption forms: 单条 whole, 综合 merged, 简讯 brief\n" +
           term_list("forms", v.forms);
    out += "\n# 版面 Placements\n" + term_list("placements", v.placements);
    out +=
        "\n# 批示领导级别 Endorsing leader's level\n" + term_list("endorsements", v.endorsements);
    out += k_body;
    return out;
}

}  // namespace infotally::rules
