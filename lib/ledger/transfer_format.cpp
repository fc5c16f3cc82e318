#include "lib/ledger/transfer_format.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/io/csv.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::ledger::transfer {
namespace {

using C = Column;

// Chinese first: it is what export writes and what a Chinese 台账 has. The aliases are the other
// names real 台账 use for the same thing.
constexpr std::array<ColumnName, k_column_count> k_names{{
    {C::number, "记录编号", "id", {"record_id", "submission_id", "", ""}, false},
    {C::title, "标题", "title", {"稿件标题", "题目", "稿件名称", "信息标题"}, true},
    {C::kind, "类型", "kind", {"稿件类型", "种类", "", ""}, true},
    {C::category, "分类", "category", {"类别", "栏目", "", ""}, false},
    {C::dept, "部门", "dept", {"部门名称", "科室", "报送部门", "department"}, false},
    {C::dept_code, "部门代码", "dept_code", {"部门编码", "", "", ""}, false},
    {C::authors, "作者", "authors", {"作者及份额", "撰稿人", "author", ""}, true},
    {C::author_depts, "作者部门", "author_depts", {"作者所在部门", "author_dept", "", ""}, false},
    {C::submitted_on,
     "报送日期",
     "submitted_on",
     {"报送时间", "submission_date", "date", ""},
     true},
    {C::length, "字数", "length", {"", "", "", ""}, false},
    {C::destination, "报送去向", "destination", {"去向", "报送单位", "", ""}, false},
    {C::occurred_on, "事件日期", "occurred_on", {"事发日期", "发生日期", "occurred", ""}, false},
    {C::due_on, "约稿期限", "due_on", {"约稿截止日期", "due", "", ""}, false},
    {C::tags, "标签", "tags", {"tag", "", "", ""}, false},
    {C::adoption_number, "采用记录编号", "adoption_id", {"adoption_record_id", "", "", ""}, false},
    {C::outlet, "采用单位", "outlet", {"采用媒体", "刊发媒体", "采用载体", ""}, false},
    {C::level, "级别", "level", {"采用级别", "媒体级别", "", ""}, false},
    {C::media, "媒体类型", "media", {"载体类型", "media_type", "", ""}, false},
    {C::adopted_on, "采用日期", "adopted_on", {"采用时间", "刊发日期", "adoption_date", ""}, false},
    {C::form, "采用形式", "form", {"形式", "", "", ""}, false},
    {C::placement, "版面", "placement", {"版面位置", "位置", "", ""}, false},
    {C::endorsement, "领导批示", "endorsement", {"批示", "批示级别", "endorsed_by", ""}, false},
    {C::fee, "稿费", "fee", {"稿酬", "", "", ""}, false},
}};

constexpr bool in_column_order() {
    for (std::size_t i = 0; i < k_names.size(); ++i)
        if (static_cast<std::size_t>(k_names[i].column) != i) return false;
    return true;
}
static_assert(in_column_order(), "k_names must list the columns in Column order");

// Row numbers, the unit's own document numbers and remarks: in almost every 台账, with nothing
// in the ledger to hold them. (infotally's own record numbers are 记录编号, which no 台账 has.)
constexpr std::array<std::string_view, 7> k_skipped{"序号", "编号",    "备注", "no",
                                                    "no.",  "remarks", "note"};

constexpr std::string_view k_ideographic_space = "\u3000";

std::string_view trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        } else if (s.starts_with(k_ideographic_space)) {
            s.remove_prefix(k_ideographic_space.size());
        } else if (s.ends_with(k_ideographic_space)) {
            s.remove_suffix(k_ideographic_space.size());
        } else {
            return s;
        }
    }
}

// "Submitted On" and "submitted-on" both read as "submitted_on"; Chinese is left as it is.
std::string header_key(std::string_view cell) {
    std::string key(trim(cell));
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == ' ' || c == '-') c = '_';
    }
    return key;
}

const ColumnName* find_column(std::string_view key) {
    for (const auto& n : k_names) {
        if (key == n.chinese || key == n.english) return &n;
        for (auto alias : n.aliases)
            if (!alias.empty() && key == alias) return &n;
    }
    return nullptr;
}

bool is_skipped(std::string_view key) {
    return std::find(k_skipped.begin(), k_skipped.end(), key) != k_skipped.end();
}

std::string recognised_names() {
    std::string out;
    for (const auto& n : k_names) {
        if (!out.empty()) out += tr_view(Msg::list_separator);
        out += tr(Msg::column_name_pair, n.chinese, n.english);
    }
    return out.append(tr_view(Msg::columns_skipped));
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? std::string("'") : std::string(tr_view(Msg::list_separator)) + "'") +
               n + "'";
    return out;
}

// The separators of a list cell: 、 ， ， ; ；
constexpr std::array<std::string_view, 5> k_list_separators{"、", "，", ",", ";", "；"};
constexpr std::array<std::string_view, 2> k_colons{":", "："};

bool is_space_at(std::string_view s, std::size_t i, std::size_t& length) {
    if (s[i] == ' ' || s[i] == '\t') return (length = 1), true;
    if (s.substr(i).starts_with(k_ideographic_space)) return (length = 3), true;
    return false;
}

template <std::size_t N>
bool separator_at(std::string_view s, std::size_t i, const std::array<std::string_view, N>& seps,
                  std::size_t& length) {
    for (auto sep : seps) {
        if (s.substr(i).starts_with(sep)) return (length = sep.size()), true;
    }
    return false;
}

// "张三 : 0.6" -> "张三:0.6", so that spaces around a share's colon do not split the entry.
std::string without_spaces_around_colons(std::string_view cell) {
    std::string out;
    out.reserve(cell.size());
    std::size_t i = 0;
    while (i < cell.size()) {
        std::size_t len = 0;
        if (separator_at(cell, i, k_colons, len)) {
            while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
            while (out.ends_with(k_ideographic_space)) out.resize(out.size() - 3);
            out.append(cell.substr(i, len));
            i += len;
            std::size_t space = 0;
            while (i < cell.size() && is_space_at(cell, i, space)) i += space;
            continue;
        }
        out.push_back(cell[i++]);
    }
    return out;
}

std::vector<std::string> split_on(std::string_view cell, bool on_separators, bool on_spaces) {
    std::vector<std::string> out;
    std::size_t start = 0, i = 0;
    const auto flush = [&](std::size_t end) {
        const auto entry = trim(cell.substr(start, end - start));
        if (!entry.empty()) out.emplace_back(entry);
    };
    while (i < cell.size()) {
        std::size_t len = 0;
        if ((on_separators && separator_at(cell, i, k_list_separators, len)) ||
            (on_spaces && is_space_at(cell, i, len))) {
            flush(i);
            i += len;
            start = i;
        } else {
            ++i;
        }
    }
    flush(cell.size());
    return out;
}

bool formula_start(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

}  // namespace

const std::array<ColumnName, k_column_count>& column_names() {
    return k_names;
}

const ColumnName& name_of(Column column) {
    return k_names[static_cast<std::size_t>(column)];
}

std::string_view Layout::cell(const std::vector<std::string>& row, Column c) const {
    const int at = m_position[index(c)];
    if (at < 0 || static_cast<std::size_t>(at) >= row.size()) return {};
    return unguard(row[static_cast<std::size_t>(at)]);
}

bool names_title_column(const std::vector<std::string>& row) {
    return std::any_of(row.begin(), row.end(), [](const std::string& cell) {
        const ColumnName* n = find_column(header_key(cell));
        return n != nullptr && n->column == Column::title;
    });
}

Layout read_header(const std::vector<std::string>& header, std::string_view where) {
    Layout layout;
    layout.m_position.fill(-1);
    layout.m_width = header.size();
    std::vector<std::string> unknown, repeated, missing;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string key = header_key(header[i]);
        if (key.empty()) {
            layout.m_unnamed.push_back(i);
            continue;
        }
        if (is_skipped(key)) continue;
        const ColumnName* n = find_column(key);
        if (n == nullptr) {
            unknown.push_back(std::string(trim(header[i])));
            continue;
        }
        int& position = layout.m_position[Layout::index(n->column)];
        if (position >= 0) {
            repeated.push_back(std::string(trim(header[i])));
            continue;
        }
        position = static_cast<int>(i);
    }
    for (const auto& n : k_names)
        if (n.required && !layout.has(n.column)) missing.push_back(std::string(n.chinese));

    std::vector<std::string> problems;
    if (!unknown.empty()) problems.push_back(tr(Msg::header_unknown_columns, quoted_list(unknown)));
    if (!repeated.empty())
        problems.push_back(tr(Msg::header_repeated_columns, quoted_list(repeated)));
    if (!missing.empty()) problems.push_back(tr(Msg::header_missing_columns, quoted_list(missing)));
    if (problems.empty()) return layout;
    std::string list;
    for (std::size_t i = 0; i < problems.size(); ++i)
        list += (i ? std::string(tr_view(Msg::problem_separator)) : std::string()) + problems[i];
    throw InputError(tr(Msg::err_bad_header, where, list),
                     tr(Msg::hint_bad_header, recognised_names()));
}

std::vector<std::string> split_list(std::string_view cell) {
    const std::string text = without_spaces_around_colons(cell);
    bool has_separator = false;
    for (std::size_t i = 0; i < text.size() && !has_separator; ++i) {
        std::size_t len = 0;
        has_separator = separator_at(text, i, k_list_separators, len);
    }
    return split_on(text, true, !has_separator);
}

std::vector<std::string> split_tags(std::string_view cell) {
    return split_on(cell, true, false);
}

std::string_view unguard(std::string_view cell) {
    if (cell.size() >= 2 && cell[0] == '\'' && formula_start(cell[1])) cell.remove_prefix(1);
    return cell;
}

void append_guarded(std::string& out, std::string_view cell) {
    if (cell.size() >= 2 && cell[0] == '\'' && formula_start(cell[1])) {
        io::append_csv_field(out, std::string(1, '\'').append(cell), io::FormulaGuard::keep);
    } else {
        io::append_csv_field(out, cell, io::FormulaGuard::neutralize);
    }
}

std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace infotally::ledger::transfer
