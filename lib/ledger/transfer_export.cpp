// `export [--year Y]`: the ledger as the 台账 CSV that import reads, streamed from three ordered
// scans (store/bulk.hpp) a megabyte at a time, whatever the ledger's size.
#include <fmt/format.h>

#include <map>
#include <vector>

#include "lib/io/text.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/ledger/transfer.hpp"
#include "lib/ledger/transfer_format.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/model/id_index.hpp"
#include "lib/store/bulk.hpp"

namespace infotally::ledger {
namespace {

using transfer::Column;

constexpr std::size_t k_flush_at = std::size_t{1} << 20;

bool has_space(std::string_view text) {
    return text.find_first_of(" \t") != std::string_view::npos ||
           text.find("\u3000") != std::string_view::npos;
}

// "张三:0.6、李四:0.4". A lone author whose name holds a space gets a closing 、 so that import
// does not read the space as a separator between two authors.
std::string authors_cell(const model::Submission& s) {
    std::string out;
    for (const auto& a : s.authors) {
        if (!out.empty()) out += "、";
        out += a.name;
        if (a.share) out.append(":").append(a.share->str());
    }
    if (s.authors.size() == 1 && has_space(s.authors.front().name)) out += "、";
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "、") + p;
    return out;
}

class Exporter {
  public:
    Exporter(store::Store& store, const std::function<void(std::string_view)>& write)
        : m_store(store), m_write(write), m_people(store.people()) {
        for (std::size_t i = 0; i < m_people.size(); ++i) m_person_at.set(m_people[i].id, i);
    }

    void header() {
        m_out += io::k_utf8_bom;
        m_cells.clear();
        for (const auto& n : transfer::column_names()) m_cells.emplace_back(n.chinese);
        line();
    }

    void record(const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
        submission_cells(s);
        if (adoptions.empty()) {
            for (std::size_t i = at(Column::adoption_number); i < m_cells.size(); ++i) {
                m_cells[i].clear();
            }
            line();
        }
        for (const auto& a : adoptions) {
            adoption_cells(a);
            line();
        }
        if (m_out.size() >= k_flush_at) flush();
    }

    void flush() {
        if (!m_out.empty()) m_write(m_out);
        m_out.clear();
    }

  private:
    static std::size_t at(Column c) { return static_cast<std::size_t>(c); }
    std::string& cell(Column c) { return m_cells[at(c)]; }

    const rules::Vocabulary& vocabulary(int year) {
        auto it = m_vocabularies.find(year);
        if (it == m_vocabularies.end()) {
            it = m_vocabularies.emplace(year, vocabulary_for(m_store, year)).first;
        }
        return it->second;
    }

    // The authors' own departments on the submission date; empty when all are the row's.
    std::string author_depts_cell(const model::Submission& s) {
        std::vector<std::string> names;
        bool all_the_rows = true;
        for (const auto& a : s.authors) {
            const auto at = m_person_at.find(a.person_id);
            if (!at || m_people[*at].history.empty()) return {};
            const auto& m = m_people[*at].membership_on(s.submitted_on);
            all_the_rows = all_the_rows && m.dept_id == s.dept_id;
            names.push_back(m.dept_name);
        }
        return all_the_rows ? std::string() : joined(names);
    }

    void submission_cells(const model::Submission& s) {
        m_cells.assign(transfer::k_column_count, std::string());
        const auto& vocab = vocabulary(s.submitted_on.year());
        cell(Column::number) = std::to_string(s.id);
        cell(Column::title) = s.title;
        cell(Column::kind) = vocab.kinds.name_of(s.kind);
        cell(Column::category) = s.category;
        cell(Column::dept) = s.dept_name;
        cell(Column::dept_code) = s.dept_code;
        cell(Column::authors) = authors_cell(s);
        cell(Column::author_depts) = author_depts_cell(s);
        cell(Column::submitted_on) = s.submitted_on.iso();
        cell(Column::length) = s.length ? std::to_string(*s.length) : "";
        cell(Column::destination) = s.destination;
        cell(Column::occurred_on) = s.occurred_on ? s.occurred_on->iso() : "";
        cell(Column::due_on) = s.due_on ? s.due_on->iso() : "";
        cell(Column::tags) = joined(s.tags);
    }

    void adoption_cells(const model::Adoption& a) {
        const auto& vocab = vocabulary(a.adopted_on.year());
        cell(Column::adoption_number) = std::to_string(a.id);
        cell(Column::outlet) = a.outlet;
        cell(Column::level) = vocab.levels.name_of(a.level);
        cell(Column::media) = vocab.media.name_of(a.media);
        cell(Column::adopted_on) = a.adopted_on.iso();
        cell(Column::form) = vocab.forms.name_of(a.form);
        cell(Column::placement) = a.placement.empty() ? "" : vocab.placements.name_of(a.placement);
        cell(Column::endorsement) =
            a.endorsement.empty() ? "" : vocab.endorsements.name_of(a.endorsement);
        cell(Column::fee) = a.fee ? a.fee->str() : "";
    }

    void line() {
        for (std::size_t i = 0; i < m_cells.size(); ++i) {
            if (i > 0) m_out += ',';
            transfer::append_guarded(m_out, m_cells[i]);
        }
        m_out += "\r\n";
    }

    store::Store& m_store;
    const std::function<void(std::string_view)>& m_write;
    std::vector<model::Person> m_people;
    model::IdIndex m_person_at;  // an author's place in m_people, looked up for every record
    std::map<int, rules::Vocabulary> m_vocabularies;
    std::vector<std::string> m_cells;
    std::string m_out;
};

}  // namespace

void export_ledger(store::Store& store, const ExportOptions& options,
                   const std::function<void(std::string_view)>& write) {
    std::optional<model::Date> from, to;
    if (options.year) {
        const int year = parse_year(*options.year, YearGiven::with_flag);
        from = model::Date::from_ymd(year, 1, 1);
        to = model::Date::from_ymd(year, 12, 31);
    }
    Exporter exporter(store, write);
    exporter.header();
    store::for_each_record(store, from, to,
                           [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                               exporter.record(s, a);
                           });
    exporter.flush();
}

}  // namespace infotally::ledger
