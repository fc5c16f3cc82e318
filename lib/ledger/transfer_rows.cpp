#include "lib/ledger/transfer_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"

namespace infotally::ledger::transfer {
namespace {

constexpr std::size_t k_hints_kept = 3;

bool blank(std::string_view cell) {
    return std::all_of(cell.begin(), cell.end(), [](char c) { return c == ' ' || c == '\t'; });
}

constexpr std::size_t k_memo_limit = 100000;

model::Id record_number(std::string_view cell, std::string_view column) {
    model::Id id = 0;
    bool ok = !cell.empty() && cell.size() <= 15;
    for (char c : cell) {
        if (c < '0' || c > '9') ok = false;
        if (ok) id = id * 10 + (c - '0');
    }
    if (!ok || id <= 0) {
        throw InputError(tr(Msg::err_cell_not_record_number, column, cell),
                         tr(Msg::hint_cell_not_record_number));
    }
    return id;
}

// A date cell Excel saved as a number (a cell formatted 常规 / General shows 46086 for
// 2026-03-05): days since 1899-12-30, as Excel counts them. Only five-digit numbers from 32874
// (1990-01-01) to 73050 (2099-12-31) are read so, a range no other reading of such a cell has.
std::optional<model::Date> excel_serial(std::string_view cell) {
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    if (cell.size() != 5) return std::nullopt;
    int n = 0;
    for (char c : cell) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    if (n < 32874 || n > 73050) return std::nullopt;
    return model::Date::from_ymd(1900, 1, 1)->plus_days(n - 2);  // 1900-01-01 is day 2
}

}  // namespace

// Dates and vocabulary words repeat from row to row (a year has 365 days, the rules a dozen
// words), so each distinct cell is parsed once.
model::Date RowParser::date(std::string_view cell, Msg what) {
    std::string key(cell);
    if (auto it = m_dates.find(key); it != m_dates.end()) return it->second;
    const auto serial = excel_serial(key);
    const auto day = serial ? *serial : parse_date(key, tr_view(what));
    if (m_dates.size() < k_memo_limit) m_dates.emplace(std::move(key), day);
    return day;
}

model::Date RowParser::required_date(std::string_view cell, Msg what, std::string_view column) {
    if (blank(cell))
        throw InputError(tr(Msg::err_cell_empty, tr_view(what), column), tr(Msg::hint_bad_date));
    return date(cell, what);
}

std::optional<model::Date> RowParser::optional_date(std::string_view cell, Msg what) {
    if (blank(cell)) return std::nullopt;
    return date(cell, what);
}

std::string RowParser::term(const rules::TermList& terms, std::string_view cell, Msg what,
                            std::string_view column) {
    if (blank(cell)) {
        throw InputError(tr(Msg::err_cell_empty, tr_view(what), column),
                         tr(Msg::hint_use_one_of, terms.choices()));
    }
    auto& memo = m_terms[&terms];
    std::string key(cell);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    auto value = resolve_term(terms, cell, tr_view(what), tr(Msg::the_column, column));
    if (memo.size() < k_memo_limit) memo.emplace(std::move(key), value);
    return value;
}

void Problems::add(std::size_t line, std::string_view what, std::string_view hint) {
    ++m_count;
    if (m_lines.size() < k_shown) m_lines.push_back(fmt::format("{}:{}: {}", m_file, line, what));
    if (!hint.empty() && m_hints.size() < k_hints_kept &&
        std::find(m_hints.begin(), m_hints.end(), hint) == m_hints.end()) {
        m_hints.emplace_back(hint);
    }
}

void Problems::raise() const {
    std::string what =
        tr(m_count == 1 ? Msg::err_import_problem : Msg::err_import_problems, m_file, m_count);
    for (const auto& line : m_lines) what.append("\n").append(line);
    if (m_count > m_lines.size())
        what.append("\n").append(tr(Msg::more_problems, m_count - m_lines.size()));
    std::string hint;
    for (const auto& h : m_hints) hint += (hint.empty() ? "" : "\n  ") + h;
    throw InputError(what, hint.empty() ? tr(Msg::hint_import_problems) : hint);
}

void RowParser::problem(std::string_view what, std::string_view hint) {
    m_problems.add(m_line, what, hint);
    m_ok = false;
}

// A cell Excel wrapped onto several lines (Alt+Enter) reads as one line: each line break or tab,
// with the spaces around it, becomes one space, since the ledger keeps no control characters.
const std::vector<std::string>& RowParser::on_one_line(const std::vector<std::string>& row) {
    const auto breaks = [](const std::string& cell) {
        return std::any_of(cell.begin(), cell.end(),
                           [](char c) { return c == '\r' || c == '\n' || c == '\t'; });
    };
    if (std::none_of(row.begin(), row.end(), breaks)) return row;
    m_one_line.assign(row.begin(), row.end());
    for (auto& cell : m_one_line) {
        if (!breaks(cell)) continue;
        std::string out;
        for (std::size_t i = 0; i < cell.size(); ++i) {
            if (cell[i] != '\r' && cell[i] != '\n' && cell[i] != '\t') {
                out += cell[i];
                continue;
            }
            while (!out.empty() && out.back() == ' ') out.pop_back();
            while (i + 1 < cell.size() &&
                   std::string_view("\r\n\t ").find(cell[i + 1]) != std::string_view::npos) {
                ++i;
            }
            if (!out.empty() && i + 1 < cell.size()) out += ' ';
        }
        cell = std::move(out);
    }
    return m_one_line;
}

bool RowParser::parse(const std::vector<std::string>& row, std::size_t line, ParsedRow& out) {
    m_row = &on_one_line(row);
    m_line = line;
    m_ok = true;
    out.submission = model::Submission{};
    out.adoption.reset();
    out.number.reset();
    out.adoption_number.reset();
    auto& s = out.submission;

    attempt([&] { s.title = clean_text(cell(Column::title), tr_view(Msg::field_title), 500); });
    const bool dated = attempt([&] {
        s.submitted_on =
            required_date(cell(Column::submitted_on), Msg::field_submission_date, "报送日期");
    });
    m_dated = dated;
    parse_details(s, dated);
    if (m_numbered) attempt([&] { out.number = record_number(cell(Column::number), "记录编号"); });

    const model::Department* dept = nullptr;
    const auto code = cell(Column::dept_code), name = cell(Column::dept);
    const bool dept_given = !blank(code) || !blank(name);
    if (dept_given) attempt([&] { dept = &m_dir.department(code, name); });
    const auto* first_authors_dept = parse_authors(s, dated, dept);
    if (!dept_given) dept = first_authors_dept;
    if (dept) {
        s.dept_id = dept->id, s.dept_code = dept->code, s.dept_name = dept->name;
        if (dated && dept->retired_on && *dept->retired_on <= s.submitted_on) {
            problem(tr(Msg::err_dept_retired_piece, dept->code, dept->name, dept->retired_on->iso(),
                       s.submitted_on.iso()),
                    tr_view(dept_given ? Msg::hint_credit_current_dept : Msg::hint_give_row_dept));
        }
    }
    if (dated && s.occurred_on && *s.occurred_on > s.submitted_on) {
        problem(tr(Msg::err_event_after_submission, s.occurred_on->iso(), s.submitted_on.iso()),
                tr_view(Msg::hint_check_both_dates));
    }
    parse_adoption(out);
    return m_ok;
}

void RowParser::parse_details(model::Submission& s, bool dated) {
    if (dated) {
        const auto& vocab = m_dir.vocabulary(s.submitted_on.year());
        attempt([&] { s.kind = term(vocab.kinds, cell(Column::kind), Msg::field_kind, "类型"); });
    }
    attempt([&] {
        s.category = clean_optional_text(cell(Column::category), tr_view(Msg::field_category), 40);
    });
    attempt([&] {
        s.destination =
            clean_optional_text(cell(Column::destination), tr_view(Msg::field_destination), 100);
    });
    attempt([&] {
        if (!blank(cell(Column::length)))
            s.length = parse_count(cell(Column::length), tr_view(Msg::field_length));
    });
    attempt(
        [&] { s.occurred_on = optional_date(cell(Column::occurred_on), Msg::field_event_date); });
    attempt([&] { s.due_on = optional_date(cell(Column::due_on), Msg::field_due_date); });
    attempt([&] { s.tags = clean_tags(split_tags(cell(Column::tags))); });
}

// The authors, creating unknown ones with --create-missing. Returns the department the row
// credits when it names none: the first author's on the submission date.
const model::Department* RowParser::parse_authors(model::Submission& s, bool dated,
                                                  const model::Department* row_dept) {
    std::vector<AuthorSpec> specs;
    const bool named = attempt([&] {
        if (blank(cell(Column::authors))) {
            throw InputError(tr(Msg::err_authors_empty), tr(Msg::hint_authors_empty));
        }
        specs = ledger::parse_authors(split_list(cell(Column::authors)));
    });
    if (!named) return nullptr;
    const auto own_depts = split_list(cell(Column::author_depts));
    if (own_depts.size() > 1 && own_depts.size() != specs.size()) {
        problem(tr(Msg::err_author_depts_count, own_depts.size(), specs.size()),
                tr_view(Msg::hint_author_depts_count));
        return nullptr;
    }
    const model::Department* first_dept = nullptr;
    int position = 1;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const auto& spec = specs[i];
        attempt([&] {
            // An author's own department matters only for someone this import creates: it is
            // where they start, and a later row may show them moved. An empty 作者部门 cell (in a
            // file that has the column) says the authors belong to the row's 部门.
            const model::Department* own = nullptr;
            if (m_layout.has(Column::author_depts) && m_dir.unknown_or_created(spec.name)) {
                own = own_depts.empty()
                          ? row_dept
                          : &m_dir.department(own_depts.size() == 1 ? own_depts[0] : own_depts[i]);
            }
            auto& p = m_dir.person(spec.name, own ? own : row_dept);
            if (own && dated) m_dir.saw(p, own->id, s.submitted_on);
            s.authors.push_back({p.person.id, p.person.name, position++, spec.share});
            if (i == 0 && dated) {
                first_dept =
                    own ? own
                        : m_dir.department_by_id(p.person.membership_on(s.submitted_on).dept_id);
            }
        });
    }
    return first_dept;
}

void RowParser::parse_adoption(ParsedRow& out) {
    static constexpr std::array k_adoption_columns{
        Column::outlet, Column::level,     Column::media,       Column::adopted_on,
        Column::form,   Column::placement, Column::endorsement, Column::fee};
    const bool adopted = std::any_of(k_adoption_columns.begin(), k_adoption_columns.end(),
                                     [&](Column c) { return !blank(cell(c)); });
    if (!adopted) {
        if (m_numbered && !blank(cell(Column::adoption_number))) {
            problem(tr_view(Msg::err_adoption_number_without_adoption),
                    tr_view(Msg::hint_adoption_number_without_adoption));
        }
        return;
    }
    const auto& s = out.submission;
    auto& a = out.adoption.emplace();
    const bool dated = attempt([&] {
        a.adopted_on =
            required_date(cell(Column::adopted_on), Msg::field_adoption_date, "采用日期");
    });
    if (blank(cell(Column::outlet))) {
        problem(tr_view(Msg::err_adoption_without_outlet),
                tr_view(Msg::hint_adoption_without_outlet));
    }
    if (dated) {
        const auto& vocab = m_dir.vocabulary(a.adopted_on.year());
        attempt([&] {
            const auto form = cell(Column::form);
            if (!blank(form)) {
                a.form = term(vocab.forms, form, Msg::field_form, "采用形式");
            } else if (!vocab.forms.empty()) {
                a.form = vocab.forms.terms().front().key;
            }
        });
        attempt([&] {
            const auto placement = cell(Column::placement);
            if (!blank(placement)) {
                a.placement = term(vocab.placements, placement, Msg::field_placement, "版面");
            }
        });
        attempt([&] {
            const auto endorsement = cell(Column::endorsement);
            if (!blank(endorsement)) {
                a.endorsement =
                    term(vocab.endorsements, endorsement, Msg::field_endorsement, "领导批示");
            }
        });
        if (!blank(cell(Column::outlet))) {
            attempt([&] {
                const auto& o = m_dir.outlet(cell(Column::outlet), cell(Column::level),
                                             cell(Column::media), a.adopted_on);
                a.outlet_id = o.id, a.outlet = o.name, a.level = o.level, a.media = o.media;
            });
        }
        if (m_dated && a.adopted_on < s.submitted_on) {
            problem(tr(Msg::err_adoption_before_submission_date, a.adopted_on.iso(),
                       s.submitted_on.iso()),
                    tr_view(Msg::hint_check_adoption_dates));
        }
    }
    attempt([&] {
        if (!blank(cell(Column::fee)))
            a.fee = parse_money(cell(Column::fee), tr_view(Msg::field_fee));
    });
    if (m_numbered) {
        attempt([&] {
            out.adoption_number = record_number(cell(Column::adoption_number), "采用记录编号");
        });
    }
}

}  // namespace infotally::ledger::transfer
