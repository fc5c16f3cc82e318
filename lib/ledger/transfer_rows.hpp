#pragma once
// Import, one row at a time: the cells of a row checked and turned into a submission (and its
// adoption), every problem kept with its line. Internal to lib/ledger.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lib/ledger/transfer_directory.hpp"
#include "lib/ledger/transfer_format.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/model/records.hpp"

namespace infotally::ledger::transfer {

// Every problem an import finds, each with its line, thrown together as one InputError.
class Problems {
  public:
    explicit Problems(std::string file) : m_file(std::move(file)) {}
    void add(std::size_t line, std::string_view what, std::string_view hint);
    bool empty() const { return m_count == 0; }
    [[noreturn]] void raise() const;

  private:
    static constexpr std::size_t k_shown = 50;
    std::string m_file;
    std::size_t m_count = 0;
    std::vector<std::string> m_lines;  // the first k_shown
    std::vector<std::string> m_hints;  // distinct, the first few
};

struct ParsedRow {
    model::Submission submission;  // no id yet
    std::optional<model::Adoption> adoption;
    std::optional<model::Id> number,
        adoption_number;  // 记录编号, 采用记录编号 (numbered files only)
};

class RowParser {
  public:
    // `numbered`: the file's record numbers are kept, so every row must carry its own.
    RowParser(const Layout& layout, Directory& directory, Problems& problems, bool numbered)
        : m_layout(layout), m_dir(directory), m_problems(problems), m_numbered(numbered) {}

    // Fills `out` from `row`; false (with each problem recorded) if the row cannot be imported.
    bool parse(const std::vector<std::string>& row, std::size_t line, ParsedRow& out);

  private:
    std::string_view cell(Column c) const { return m_layout.cell(*m_row, c); }
    const std::vector<std::string>& on_one_line(const std::vector<std::string>& row);
    template <class F>
    bool attempt(F&& check) {
        try {
            check();
            return true;
        } catch (const Error& e) {
            m_problems.add(m_line, e.what(), e.hint());
            m_ok = false;
            return false;
        }
    }
    void problem(std::string_view what, std::string_view hint = {});
    // `what` names the field in messages ("submission date").
    model::Date date(std::string_view cell, Msg what);
    model::Date required_date(std::string_view cell, Msg what, std::string_view column);
    std::optional<model::Date> optional_date(std::string_view cell, Msg what);
    std::string term(const rules::TermList& terms, std::string_view cell, Msg what,
                     std::string_view column);
    void parse_details(model::Submission& s, bool dated);
    const model::Department* parse_authors(model::Submission& s, bool dated,
                                           const model::Department* row_dept);
    void parse_adoption(ParsedRow& out);

    const Layout& m_layout;
    Directory& m_dir;
    Problems& m_problems;
    bool m_numbered;
    const std::vector<std::string>* m_row = nullptr;
    std::vector<std::string> m_one_line;  // a copy of a row whose cells had line breaks
    std::size_t m_line = 0;
    bool m_ok = true;
    bool m_dated = false;  // the submission date is valid
    std::unordered_map<std::string, model::Date> m_dates;
    std::unordered_map<const rules::TermList*, std::unordered_map<std::string, std::string>>
        m_terms;
};

}  // namespace infotally::ledger::transfer
