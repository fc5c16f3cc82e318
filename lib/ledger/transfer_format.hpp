#pragma once
// The 台账 CSV format that import reads and export writes (schemas/import.md): its columns and
// the names they go by, the lists inside one cell (authors, their departments, tags), and the
// apostrophe that keeps a formula from running in Excel. Internal to lib/ledger.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace infotally::ledger::transfer {

// In export order.
enum class Column : std::uint8_t {
    number,  // 记录编号: the submission's record number
    title,
    kind,
    category,
    dept,
    dept_code,
    authors,
    author_depts,
    submitted_on,
    length,
    destination,
    occurred_on,
    due_on,
    tags,
    adoption_number,  // 采用记录编号
    outlet,
    level,
    media,
    adopted_on,
    form,
    placement,
    endorsement,
    fee,
    count_
};
inline constexpr std::size_t k_column_count = static_cast<std::size_t>(Column::count_);

struct ColumnName {
    Column column;
    std::string_view chinese;  // what export writes
    std::string_view english;
    std::array<std::string_view, 4> aliases;  // also recognised ("" = none)
    bool required;
};

// One entry per Column, in Column order (checked by a static_assert).
const std::array<ColumnName, k_column_count>& column_names();
const ColumnName& name_of(Column column);

// Where each column sits in a file, from its header row.
class Layout {
  public:
    bool has(Column c) const { return m_position[index(c)] >= 0; }
    // The cell of `row` in column `c` ("" if the file has no such column or the row is short),
    // with export's formula apostrophe removed (see unguard).
    std::string_view cell(const std::vector<std::string>& row, Column c) const;
    std::size_t width() const { return m_width; }
    // Columns with an empty header (Excel's trailing commas): their cells must stay empty.
    // Columns named 序号 or 备注 (row numbers, remarks) are skipped and not listed here.
    const std::vector<std::size_t>& unnamed() const { return m_unnamed; }

  private:
    friend Layout read_header(const std::vector<std::string>&, std::string_view);
    static std::size_t index(Column c) { return static_cast<std::size_t>(c); }
    std::array<int, k_column_count> m_position{};
    std::vector<std::size_t> m_unnamed;
    std::size_t m_width = 0;
};

// Whether `row` names the title column: the header is the first such row, so the sheet title
// Excel users put above it ("2026年信息宣传台账") is skipped.
bool names_title_column(const std::vector<std::string>& row);

// Throws InputError ("FILE:LINE: unknown columns …") for unknown, repeated or missing columns.
Layout read_header(const std::vector<std::string>& header, std::string_view where);

// "张三:0.6、李四:0.4", "张三，李四", "张三 李四": the entries of a list cell. 、，,;； separate
// entries; spaces do too, unless one of those is present (then a space belongs to a name, as in
// "Zhang San、Li Si"). Spaces around a share's colon are dropped. Empty entries are skipped.
std::vector<std::string> split_list(std::string_view cell);
// Tags: split on 、，,;； only (a tag may hold a space).
std::vector<std::string> split_tags(std::string_view cell);

// Export keeps Excel from running a cell that starts with = + - @ by writing an apostrophe
// before it, and doubles an apostrophe that already starts such a cell ("'=x" -> "''=x"); import
// removes exactly one. So every text survives export | import, and opening the file in Excel
// runs nothing.
std::string_view unguard(std::string_view cell);
void append_guarded(std::string& out, std::string_view cell);

// 1234567 -> "1,234,567"
std::string grouped(std::size_t n);

}  // namespace infotally::ledger::transfer
