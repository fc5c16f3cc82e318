#include "lib/store/bulk.hpp"

#include <fmt/format.h>

#include <atomic>
#include <thread>
#include <utility>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/store/pipe.hpp"
#include "lib/store/rows.hpp"
#include "lib/store/sqlite.hpp"
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

constexpr std::string_view k_insert_department =
    "INSERT INTO departments (id, code, name) VALUES (?, ?, ?)";
constexpr std::string_view k_insert_person = "INSERT INTO people (id, name) VALUES (?, ?)";
constexpr std::string_view k_insert_outlet =
    "INSERT INTO outlets (id, name, level, media) VALUES (?, ?, ?, ?)";

// Rows travel to the writing thread in batches of about k_write_batch records (pipe.hpp).
constexpr std::size_t k_write_batch = 256;
constexpr std::size_t k_write_batches = 4;

struct BulkWriter::Background {
    struct Batch {
        std::vector<model::Department> departments;
        std::vector<model::Person> people;
        std::vector<MembershipRow> memberships;
        std::vector<model::Outlet> outlets;
        std::vector<model::Submission> submissions;
        std::vector<model::Adoption> adoptions;
        std::size_t size() const {
            return departments.size() + people.size() + memberships.size() + outlets.size() +
                   submissions.size() + adoptions.size();
        }
        void clear() {
            departments.clear(), people.clear(), memberships.clear(), outlets.clear();
            submissions.clear(), adoptions.clear();
        }
    };
    Pipe<Batch> pipe{k_write_batches};
    bool wal = false;                 // the connection writes through the WAL (see lookup())
    Batch* filling = nullptr;         // the caller's thread: the batch it is filling
    std::atomic<bool> cancel{false};  // leave what is still to write unwritten
    std::thread thread;
};

// The two lookups' statements, on the connection they read (BulkWriter::submissions_on).
struct BulkWriter::Lookup {
    std::unique_ptr<Connection> beside;  // a second connection; null: the writer's own
    std::optional<ReadTransaction> snapshot;
    std::optional<Statement> submissions_on, adoptions_of;
};

BulkWriter::BulkWriter(Store& store) : m_conn(store.connection()) {}

BulkWriter::~BulkWriter() = default;  // an InBackground has ended the thread

Statement& BulkWriter::prepared(std::optional<Statement>& slot, std::string_view sql,
                                Connection* conn) {
    if (!slot) slot.emplace((conn ? *conn : m_conn).prepare(sql));
    return *slot;
}

void BulkWriter::tune_for_bulk() {
    wait_for_background();
    m_conn.exec("PRAGMA cache_size = -131072");
}

model::Id BulkWriter::last_record_id() {
    wait_for_background();
    auto st = m_conn.prepare("SELECT value FROM counters WHERE name = 'record_id'");
    if (!st.step()) {
        throw LedgerError(tr(Msg::err_no_counter), tr(Msg::hint_restore_backup));
    }
    return st.int64(0);
}

void BulkWriter::set_last_record_id(model::Id id) {
    wait_for_background();
    m_conn.prepare("UPDATE counters SET value = ? WHERE name = 'record_id'").bind(1, id).run();
}

bool BulkWriter::has_submissions() {
    wait_for_background();
    auto st = m_conn.prepare("SELECT EXISTS (SELECT 1 FROM submissions)");
    return st.step() && st.int64(0) != 0;
}

std::vector<std::string> BulkWriter::drop_record_indexes() {
    wait_for_background();
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
    wait_for_background();
    for (const auto& sql : statements) m_conn.exec(sql);
}

// Into a ledger of a million records, one lookup per department-day and per submission met
// again: waiting each time for the writing thread (a hand-over and two thread switches) was most
// of such an import's time. The second connection is opened at the first lookup, with a page
// cache of its own, and closed when the writing thread ends, before the commit.
BulkWriter::Lookup& BulkWriter::lookup() {
    if (!m_lookup) {
        auto l = std::make_unique<Lookup>();
        if (m_background && m_background->wal) {
            l->beside = std::make_unique<Connection>(m_conn.path(), Connection::Mode::read_write);
            l->beside->exec("PRAGMA cache_size = -32768");
            l->snapshot.emplace(*l->beside);
        }
        m_lookup = std::move(l);
    }
    if (!m_lookup->beside) wait_for_background();
    return *m_lookup;
}

void BulkWriter::submissions_on(model::Id dept_id, const model::Date& day,
                                std::vector<model::Submission>& out) {
    auto& look = lookup();
    // submissions_by_dept (dept_id, submitted_on) finds the day's pieces; the authorships'
    // primary key (submission_id, position) gives their authors in order.
    auto& st = prepared(look.submissions_on,
                        "SELECT s.id, s.title, s.kind, s.category, s.length, s.destination, "
                        "s.occurred_on, s.due_on, s.tags, au.person_id, au.position, au.share "
                        "FROM submissions s LEFT JOIN authorships au ON au.submission_id = s.id "
                        "WHERE s.dept_id = ?1 AND s.submitted_on = ?2 "
                        "ORDER BY s.id, au.position",
                        look.beside.get());
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
    auto& look = lookup();
    auto& st = prepared(look.adoptions_of,
                        "SELECT id, outlet_id, adopted_on, form, placement, endorsement, fee "
                        "FROM adoptions WHERE submission_id = ? ORDER BY id",
                        look.beside.get());
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

// The row is written now, or goes into the batch's `list` for the writing thread.
template <class List, class Row, class Write>
void BulkWriter::write_or_hand_over(List list, Row&& row, Write write) {
    if (!m_background) return (this->*write)(row);
    (m_background->filling->*list).push_back(std::forward<Row>(row));
    hand_over_if_full();
}

void BulkWriter::insert_submission(model::Submission s) {
    m_submissions.add(s.id);
    for (std::size_t i = 0; i < s.authors.size(); ++i) m_authorships.add(s.id);
    write_or_hand_over(&Background::Batch::submissions, std::move(s),
                       &BulkWriter::write_submission);
}

void BulkWriter::insert_adoption(model::Adoption a) {
    m_adoptions.add(a.id);
    write_or_hand_over(&Background::Batch::adoptions, std::move(a), &BulkWriter::write_adoption);
}

void BulkWriter::write_submission(const model::Submission& s) {
    bind_submission(prepared(m_insert_submission, k_insert_submission), s).run();
    auto& author = prepared(m_insert_author, k_insert_authorship);
    int position = 1;
    for (const auto& a : s.authors) bind_authorship(author, s.id, position++, a).run();
}

void BulkWriter::write_adoption(const model::Adoption& a) {
    bind_adoption(prepared(m_insert_adoption, k_insert_adoption), a).run();
}

// The caller's thread always holds a batch to fill; a full one goes to the writing thread, and
// from then until wait_for_background() the connection is the writing thread's.
void BulkWriter::hand_over_if_full() {
    auto& bg = *m_background;
    if (bg.filling->size() < k_write_batch) return;
    bg.pipe.put_full(bg.filling);
    m_conn.set_in_use_elsewhere(true);
    take_batch();
}

// Freeing the rows on the thread that allocated them keeps malloc's arenas apart.
void BulkWriter::take_batch() {
    auto& bg = *m_background;
    bg.filling = bg.pipe.take_empty();
    if (!bg.filling) return wait_for_background();  // the writing thread stopped on an error
    bg.filling->clear();
}

void BulkWriter::wait_for_background() {
    if (!m_background) return;
    auto& bg = *m_background;
    if (auto* b = std::exchange(bg.filling, nullptr)) {
        b->size() > 0 ? bg.pipe.put_full(b) : bg.pipe.put_empty(b);
    }
    bg.pipe.wait_drained();
    m_conn.set_in_use_elsewhere(false);
    if (auto error = bg.pipe.error()) std::rethrow_exception(error);
    take_batch();
}

// Within a batch, what a row refers to goes first (departments, people, their memberships,
// outlets, submissions, then adoptions): it is in this batch or an earlier one, so every foreign
// key holds, and each table still gets its rows in the order they came.
void BulkWriter::write_batches() {
    auto& bg = *m_background;
    while (auto* b = bg.pipe.take_full()) {
        if (!bg.cancel) {
            try {
                for (const auto& d : b->departments) write_department(d);
                for (const auto& p : b->people) write_person(p);
                for (const auto& m : b->memberships) write_membership(m);
                for (const auto& o : b->outlets) write_outlet(o);
                for (const auto& s : b->submissions) write_submission(s);
                for (const auto& a : b->adoptions) write_adoption(a);
            } catch (...) {
                bg.cancel = true;
                bg.pipe.stop(std::current_exception());
            }
        }
        bg.pipe.put_empty(b);  // emptied by the caller's thread, which allocated the rows
    }
}

BulkWriter::InBackground::InBackground(BulkWriter& writer) : m_writer(writer) {
    // The writing thread uses only these statements: prepared here, as prepare() is the caller's.
    writer.prepared(writer.m_insert_submission, k_insert_submission);
    writer.prepared(writer.m_insert_author, k_insert_authorship);
    writer.prepared(writer.m_insert_adoption, k_insert_adoption);
    writer.prepared(writer.m_insert_department, k_insert_department);
    writer.prepared(writer.m_insert_person, k_insert_person);
    writer.prepared(writer.m_set_membership, k_set_membership);
    writer.prepared(writer.m_insert_outlet, k_insert_outlet);
    // Lookups made so far read this connection; from now on they read beside it, in WAL mode.
    writer.m_lookup.reset();
    const bool wal = writer.m_conn.in_wal_mode();
    writer.m_background = std::make_unique<Background>();
    writer.m_background->wal = wal;
    writer.take_batch();
    try {
        writer.m_background->thread = std::thread(&BulkWriter::write_batches, &writer);
    } catch (...) {
        writer.m_background.reset();
        throw;
    }
}

BulkWriter::InBackground::~InBackground() {
    end(false);
}

void BulkWriter::InBackground::finish() {
    m_writer.wait_for_background();
    end(true);
}

void BulkWriter::InBackground::end(bool write_the_rest) {
    auto& bg = m_writer.m_background;
    if (!bg) return;
    if (!write_the_rest) bg->cancel = true;
    if (bg->filling) bg->pipe.put_empty(std::exchange(bg->filling, nullptr));
    bg->pipe.close();
    bg->thread.join();
    m_writer.m_conn.set_in_use_elsewhere(false);
    bg.reset();
    m_writer.m_lookup.reset();  // the second connection, if any, goes before the commit
}

// Departments, people and outlets get their numbers here rather than from SQLite (the same
// ones: the largest so far plus one), so that creating one need not wait for the writing thread.
model::Id BulkWriter::next_id(std::optional<model::Id>& last, std::string_view table) {
    if (!last) {
        wait_for_background();
        auto st = m_conn.prepare(fmt::format("SELECT coalesce(max(id), 0) FROM {}", table));
        last = st.step() ? st.int64(0) : 0;
    }
    return ++*last;
}

model::Id BulkWriter::insert_department(const std::string& code, const std::string& name) {
    const model::Id id = next_id(m_last_department, "departments");
    m_departments.add(id);
    write_or_hand_over(&Background::Batch::departments, model::Department{id, code, name, {}},
                       &BulkWriter::write_department);
    return id;
}

model::Id BulkWriter::insert_person(const std::string& name) {
    const model::Id id = next_id(m_last_person, "people");
    m_people.add(id);
    write_or_hand_over(&Background::Batch::people, model::Person{id, name, {}},
                       &BulkWriter::write_person);
    return id;
}

void BulkWriter::set_membership(model::Id person_id, model::Id dept_id, const model::Date& since) {
    write_or_hand_over(&Background::Batch::memberships, MembershipRow{person_id, dept_id, since},
                       &BulkWriter::write_membership);
}

model::Id BulkWriter::insert_outlet(const model::Outlet& outlet) {
    const model::Id id = next_id(m_last_outlet, "outlets");
    m_outlets.add(id);
    write_or_hand_over(&Background::Batch::outlets,
                       model::Outlet{id, outlet.name, outlet.level, outlet.media},
                       &BulkWriter::write_outlet);
    return id;
}

void BulkWriter::write_department(const model::Department& d) {
    prepared(m_insert_department, k_insert_department)
        .bind(1, d.id)
        .bind(2, d.code)
        .bind(3, d.name)
        .run();
}

void BulkWriter::write_person(const model::Person& p) {
    prepared(m_insert_person, k_insert_person).bind(1, p.id).bind(2, p.name).run();
}

void BulkWriter::write_membership(const MembershipRow& m) {
    prepared(m_set_membership, k_set_membership)
        .bind(1, m.person_id)
        .bind(2, IsoDate(m.since).view())
        .bind(3, m.dept_id)
        .run();
}

void BulkWriter::write_outlet(const model::Outlet& o) {
    prepared(m_insert_outlet, k_insert_outlet)
        .bind(1, o.id)
        .bind(2, o.name)
        .bind(3, o.level)
        .bind(4, o.media)
        .run();
}

void BulkWriter::journal_inserts(BulkJournal& journal) {
    wait_for_background();
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
