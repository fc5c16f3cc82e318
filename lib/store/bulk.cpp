#include "lib/store/bulk.hpp"

#include <fmt/format.h>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/store/rows.hpp"
#include "lib/store/tags.hpp"

namespace infotally::store {
namespace {

// Columns 0..8 of a submission row (no department names): id, title, kind, category, length,
// destination, occurred_on, due_on, tags.
void read_submission_fields(const Statement& st, model::Submission& s) {
    s.id = st.int64(0);
    s.title = st.text(1);
    s.kind = st.text(2);
    s.category = st.text(3);
    s.length = st.opt_int64(4);
    s.destination = st.text(5);
    s.occurred_on = opt_date_column(st, 6);
    s.due_on = opt_date_column(st, 7);
    s.tags = split_tags(st.text(8));
}

}  // namespace

BulkWriter::BulkWriter(Store& store) : m_conn(store.connection()) {}

Statement& BulkWriter::prepared(std::optional<Statement>& slot, std::string_view sql) {
    if (!slot) slot.emplace(m_conn.prepare(sql));
    return *slot;
}

void BulkWriter::tune_for_bulk() {
    m_conn.exec("PRAGMA cache_size = -131072");
}

model::Id BulkWriter::last_record_id() {
    auto st = m_conn.prepare("SELECT value FROM counters WHERE name = 'record_id'");
    if (!st.step()) {
        throw LedgerError(tr(Msg::err_no_counter), tr(Msg::hint_restore_backup));
    }
    return st.int64(0);
}

void BulkWriter::set_last_record_id(model::Id id) {
    m_conn.prepare("UPDATE counters SET value = ? WHERE name = 'record_id'").bind(1, id).run();
}

bool BulkWriter::has_submissions() {
    auto st = m_conn.prepare("SELECT EXISTS (SELECT 1 FROM submissions)");
    return st.step() && st.int64(0) != 0;
}

std::vector<std::string> BulkWriter::drop_record_indexes() {
    std::vector<std::pair<std::string, std::string>> found;
    auto st = m_conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
        "tbl_name IN ('submissions', 'authorships', 'adoptions') ORDER BY name");
    while (st.step()) found.emplace_back(st.text(0), st.text(1));
    std::vector<std::string> rebuild;
    for (auto& [name, sql] : found) {
        m_conn.exec(fmt::format("DROP INDEX \"{}\"", name));
        rebuild.push_back(std::move(sql));
    }
    return rebuild;
}

void BulkWriter::create_indexes(const std::vector<std::string>& statements) {
    for (const auto& sql : statements) m_conn.exec(sql);
}

void BulkWriter::submissions_on(model::Id dept_id, const model::Date& day,
                                std::vector<model::Submission>& out) {
    // submissions_by_dept (dept_id, submitted_on) finds the day's pieces; the authorships'
    // primary key (submission_id, position) gives their authors in order.
    auto& st = prepared(m_submissions_on,
                        "SELECT s.id, s.title, s.kind, s.category, s.length, s.destination, "
                        "s.occurred_on, s.due_on, s.tags, au.person_id, au.position, au.share "
                        "FROM submissions s LEFT JOIN authorships au ON au.submission_id = s.id "
                        "WHERE s.dept_id = ?1 AND s.submitted_on = ?2 "
                        "ORDER BY s.id, au.position");
    out.clear();
    st.bind(1, dept_id).bind(2, IsoDate(day).view());
    while (st.step()) {
        if (out.empty() || out.back().id != st.int64(0)) {
            auto& s = out.emplace_back();
            read_submission_fields(st, s);
            s.dept_id = dept_id;
            s.submitted_on = day;
        }
        if (st.is_null(9)) continue;
        model::Author a;
        a.person_id = st.int64(9);
        a.position = static_cast<int>(st.int64(10));
        a.share = share_column(st, 11);
        out.back().authors.push_back(std::move(a));
    }
    st.reset();
}

void BulkWriter::adoptions_of(model::Id submission_id, std::vector<model::Adoption>& out) {
    auto& st = prepared(m_adoptions_of,
                        "SELECT id, outlet_id, adopted_on, form, placement, endorsement, fee "
                        "FROM adoptions WHERE submission_id = ? ORDER BY id");
    out.clear();
    st.bind(1, submission_id);
    while (st.step()) {
        auto& a = out.emplace_back();
        a.id = st.int64(0);
        a.submission_id = submission_id;
        a.outlet_id = st.int64(1);
        a.adopted_on = date_column(st, 2);
        a.form = st.text(3);
        a.placement = st.text(4);
        a.endorsement = st.text(5);
        a.fee = fee_column(st, 6);
    }
    st.reset();
}

void BulkWriter::insert_submission(const model::Submission& s) {
    bind_submission(prepared(m_insert_submission, k_insert_submission), s).run();
    m_submissions.add(s.id);
    auto& author = prepared(m_insert_author, k_insert_authorship);
    int position = 1;
    for (const auto& a : s.authors) {
        bind_authorship(author, s.id, position++, a).run();
        m_authorships.add(s.id);
    }
}

void BulkWriter::insert_adoption(const model::Adoption& a) {
    bind_adoption(prepared(m_insert_adoption, k_insert_adoption), a).run();
    m_adoptions.add(a.id);
}

model::Id BulkWriter::insert_department(const std::string& code, const std::string& name) {
    prepared(m_insert_department, "INSERT INTO departments (code, name) VALUES (?, ?)")
        .bind(1, code)
        .bind(2, name)
        .run();
    m_departments.add(m_conn.last_insert_id());
    return m_conn.last_insert_id();
}

model::Id BulkWriter::insert_person(const std::string& name) {
    prepared(m_insert_person, "INSERT INTO people (name) VALUES (?)").bind(1, name).run();
    m_people.add(m_conn.last_insert_id());
    return m_conn.last_insert_id();
}

void BulkWriter::set_membership(model::Id person_id, model::Id dept_id, const model::Date& since) {
    prepared(m_set_membership, k_set_membership)
        .bind(1, person_id)
        .bind(2, IsoDate(since).view())
        .bind(3, dept_id)
        .run();
}

model::Id BulkWriter::insert_outlet(const model::Outlet& outlet) {
    prepared(m_insert_outlet, "INSERT INTO outlets (name, level, media) VALUES (?, ?, ?)")
        .bind(1, outlet.name)
        .bind(2, outlet.level)
        .bind(3, outlet.media)
        .run();
    m_outlets.add(m_conn.last_insert_id());
    return m_conn.last_insert_id();
}

void BulkWriter::journal_inserts(BulkJournal& journal) {
    journal.inserted("departments", "id", m_departments.from, m_departments.to, m_departments.rows);
    journal.inserted("people", "id", m_people.from, m_people.to, m_people.rows);
    if (m_people.rows > 0) {
        // Only people this writer created get memberships from it (set_membership).
        auto st =
            m_conn.prepare("SELECT count(*) FROM memberships WHERE person_id BETWEEN ? AND ?");
        st.bind(1, m_people.from).bind(2, m_people.to);
        st.step();
        journal.inserted("memberships", "person_id", m_people.from, m_people.to, st.int64(0));
    }
    journal.inserted("outlets", "id", m_outlets.from, m_outlets.to, m_outlets.rows);
    journal.inserted("submissions", "id", m_submissions.from, m_submissions.to, m_submissions.rows);
    journal.inserted("authorships", "submission_id", m_authorships.from, m_authorships.to,
                     m_authorships.rows);
    journal.inserted("adoptions", "id", m_adoptions.from, m_adoptions.to, m_adoptions.rows);
}

void for_each_record(Store& store, const std::optional<model::Date>& from,
                     const std::optional<model::Date>& to, const RecordVisitor& visit) {
    auto& conn = store.connection();
    // The numbers and the records come from one state of the ledger (a WAL snapshot; writers
    // are not blocked).
    ReadTransaction snapshot(conn);
    std::vector<model::Id> ids;
    auto st = conn.prepare(
        from || to ? "SELECT id FROM submissions WHERE submitted_on BETWEEN ? AND ? ORDER BY id"
                   : "SELECT id FROM submissions ORDER BY id");
    if (from || to)
        st.bind(1, from ? from->iso() : "0000-00-00").bind(2, to ? to->iso() : "9999-99-99");
    while (st.step()) ids.push_back(st.int64(0));
    // Here, not in the background: export's visitor reads each year's rules as it meets them.
    scan_records(conn, ids, AdoptionOrder::by_id, Reading::here, visit);
}

}  // namespace infotally::store
