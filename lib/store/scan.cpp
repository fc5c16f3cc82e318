#include "lib/store/scan.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/model/id_index.hpp"
#include "lib/store/pipe.hpp"
#include "lib/store/rows.hpp"
#include "lib/store/tags.hpp"

namespace infotally::store {
namespace {

struct DeptNames {
    std::string code, name;
};
struct OutletNames {
    std::string name, level, media;
};

// The small tables, read once: a join per row would be a b-tree seek per row.
template <class T>
class ByNumber {
  public:
    void add(model::Id id, T row) {
        m_rows.push_back(std::move(row));
        m_at.set(id, m_rows.size() - 1);
    }
    // Foreign keys make a miss impossible in a sound ledger.
    const T& at(model::Id id, Connection& conn, const char* table) const {
        if (const auto pos = m_at.find(id)) return m_rows[*pos];
        throw LedgerError(tr(Msg::err_damaged, conn.path(),
                             std::string(table) + " " + std::to_string(id) + " is missing"),
                          tr(Msg::hint_restore_backup));
    }

  private:
    std::vector<T> m_rows;
    model::IdIndex m_at;
};

struct Names {
    ByNumber<DeptNames> depts;
    ByNumber<std::string> people;
    ByNumber<OutletNames> outlets;

    explicit Names(Connection& conn) {
        auto d = conn.prepare("SELECT id, code, name FROM departments");
        while (d.step()) depts.add(d.int64(0), {d.text(1), d.text(2)});
        auto p = conn.prepare("SELECT id, name FROM people");
        while (p.step()) people.add(p.int64(0), p.text(1));
        auto o = conn.prepare("SELECT id, name, level, media FROM outlets");
        while (o.step()) outlets.add(o.int64(0), {o.text(1), o.text(2), o.text(3)});
    }

    // The names behind a record's numbers: its department's, its authors' and its outlets'.
    // Done on the visiting thread (scan_records), which has time to spare; the reading one has
    // not.
    void fill(model::Submission& s, std::vector<model::Adoption>& adoptions,
              Connection& conn) const {
        const auto& dept = depts.at(s.dept_id, conn, "department");
        s.dept_code.assign(dept.code);
        s.dept_name.assign(dept.name);
        for (auto& a : s.authors) a.name.assign(people.at(a.person_id, conn, "person"));
        for (auto& a : adoptions) {
            const auto& outlet = outlets.at(a.outlet_id, conn, "outlet");
            a.outlet.assign(outlet.name);
            a.level.assign(outlet.level);
            a.media.assign(outlet.media);
        }
    }
};

// Reads into `s`, reusing its strings' storage: a report reads a year's rows one by one into the
// same object, and allocating afresh for each was a tenth of its time.
void read_submission(const Statement& st, model::Submission& s) {
    s.id = st.int64(0);
    s.title.assign(st.view(1));
    s.kind.assign(st.view(2));
    s.category.assign(st.view(3));
    s.dept_id = st.int64(4);
    s.submitted_on = date_column(st, 5);
    s.length = st.opt_int64(6);
    s.destination.assign(st.view(7));
    s.occurred_on = opt_date_column(st, 8);
    s.due_on = opt_date_column(st, 9);
    s.tags.clear();
    if (const auto tags = st.view(10); !tags.empty()) s.tags = split_tags(tags);
}

void read_author(const Statement& st, model::Author& a) {
    a.person_id = st.int64(1);
    a.position = static_cast<int>(st.int64(2));
    a.share = share_column(st, 3);
}

void read_adoption(const Statement& st, model::Adoption& a) {
    a.submission_id = st.int64(0);
    a.id = st.int64(1);
    a.outlet_id = st.int64(2);
    a.adopted_on = date_column(st, 3);
    a.form.assign(st.view(4));
    a.placement.assign(st.view(5));
    a.endorsement.assign(st.view(6));
    a.fee = fee_column(st, 7);
}

// Elements a record no longer needs, kept for the next record's: destroying one and creating
// another for the next record cost a malloc and a free for each of its strings (a year's report
// reads millions). Moved in and out, an element keeps its strings' storage; every field is
// overwritten before it is used again.
template <class T>
class Spares {
  public:
    // Appends an element to `v` (a kept one if there is one) for the caller to overwrite.
    T& grow(std::vector<T>& v) {
        if (m_kept.empty()) return v.emplace_back();
        v.push_back(std::move(m_kept.back()));
        m_kept.pop_back();
        return v.back();
    }
    // Cuts `v` to its first n elements, keeping the rest.
    void shrink(std::vector<T>& v, std::size_t n) {
        while (v.size() > n) {
            m_kept.push_back(std::move(v.back()));
            v.pop_back();
        }
    }

  private:
    std::vector<T> m_kept;
};

bool adopted_before(const model::Adoption& x, const model::Adoption& y) {
    return x.adopted_on != y.adopted_on ? x.adopted_on < y.adopted_on : x.id < y.id;
}

// Where the reader puts the next record.
struct Slot {
    model::Submission& submission;
    std::vector<model::Adoption>& adoptions;
};

// A range scan merged by submission number (column 0): the number is read once per row, not at
// each comparison of the merge.
class Cursor {
  public:
    explicit Cursor(Statement& st) : m_st(st) {}
    // The first row, after a bind; then the next. Never steps past the last row (a step after
    // SQLITE_DONE would start the scan again).
    void step() {
        m_more = m_st.step();
        if (m_more) m_number = m_st.int64(0);
    }
    // Steps over rows numbered below `id`; true while the current row is id's.
    bool at(model::Id id) {
        while (m_more && m_number < id) step();
        return m_more && m_number == id;
    }
    const Statement& row() const { return m_st; }

  private:
    Statement& m_st;
    bool m_more = false;
    model::Id m_number = 0;
};

// The three range scans of scan_records, prepared on the caller's thread (prepare is refused
// while another thread reads) and stepped by run() on whichever thread reads.
class Reader {
  public:
    Reader(Connection& conn, const std::vector<model::Id>& ids, AdoptionOrder order)
        : m_conn(conn),
          m_ids(ids),
          m_wanted(conn, ids),  // before the statements that use it
          m_order(order),
          m_names(conn),
          m_subs(conn.prepare("SELECT id, title, kind, category, dept_id, submitted_on, length, "
                              "destination, occurred_on, due_on, tags FROM submissions "
                              "WHERE id BETWEEN ?1 AND ?2 AND infotally_wanted(?3, id) "
                              "ORDER BY id")),
          m_authors(
              conn.prepare("SELECT submission_id, person_id, position, share FROM authorships "
                           "WHERE submission_id BETWEEN ?1 AND ?2 "
                           "AND infotally_wanted(?3, submission_id) "
                           "ORDER BY submission_id, position")),
          // INDEXED BY: the covering index answers without touching the table (schemas/003).
          m_adopts(conn.prepare(
              "SELECT submission_id, id, outlet_id, adopted_on, form, placement, endorsement, fee "
              "FROM adoptions INDEXED BY adoptions_by_submission "
              "WHERE submission_id BETWEEN ?1 AND ?2 AND infotally_wanted(?3, submission_id) "
              "ORDER BY submission_id, id")) {}

    // For each record in order: take() gives the submission and adoptions to fill (a Slot), run
    // fills them without the names (fill() adds them), and give() hands them on. Whatever they
    // held before is overwritten field by field, its storage reused: a report reads millions.
    template <class Take, class Give>
    void run(Take&& take, Give&& give) {
        Spares<model::Author> spare_authors;
        Spares<model::Adoption> spare_adoptions;
        Cursor authors(m_authors), adopts(m_adopts);
        const auto& ids = m_ids;
        for_each_run(ids, [&](std::size_t first, std::size_t end) {
            for (auto* st : {&m_subs, &m_authors, &m_adopts}) {
                st->reset();
                st->bind(1, ids[first]).bind(2, ids[end - 1]);
                m_wanted.bind(*st, 3);
            }
            authors.step();
            adopts.step();
            for_each_wanted_row(m_subs, ids, first, end, [&](model::Id id) {
                const Slot slot = take();
                auto& s = slot.submission;
                auto& adoptions = slot.adoptions;
                read_submission(m_subs, s);
                std::size_t n = 0;
                for (; authors.at(id); authors.step(), ++n)
                    read_author(authors.row(), n < s.authors.size()
                                                   ? s.authors[n]
                                                   : spare_authors.grow(s.authors));
                spare_authors.shrink(s.authors, n);
                n = 0;
                for (; adopts.at(id); adopts.step(), ++n)
                    read_adoption(adopts.row(), n < adoptions.size()
                                                    ? adoptions[n]
                                                    : spare_adoptions.grow(adoptions));
                spare_adoptions.shrink(adoptions, n);
                // Mostly one adoption, or several already in date order: a sort moved them.
                if (m_order == AdoptionOrder::by_date &&
                    !std::is_sorted(adoptions.begin(), adoptions.end(), adopted_before))
                    std::sort(adoptions.begin(), adoptions.end(), adopted_before);
                give();
            });
        });
    }

    ~Reader() {
        for (auto* st : {&m_subs, &m_authors, &m_adopts}) st->reset();
    }

    void fill(model::Submission& s, std::vector<model::Adoption>& adoptions) const {
        m_names.fill(s, adoptions, m_conn);
    }

  private:
    Connection& m_conn;
    const std::vector<model::Id>& m_ids;
    const WantedIds m_wanted;
    AdoptionOrder m_order;
    const Names m_names;
    Statement m_subs, m_authors, m_adopts;
};

// Records travel from the reading thread to the visiting one in batches (pipe.hpp): memory holds
// k_batches × k_batch_size records whatever the size of the ledger.
constexpr std::size_t k_batch_size = 256;
constexpr std::size_t k_batches = 4;

struct Batch {
    std::vector<model::Submission> submissions;
    std::vector<std::vector<model::Adoption>> adoptions;
    std::size_t size = 0;
};

using BatchPipe = Pipe<Batch>;

struct Stopped {};  // thrown through Reader::run when the visiting side stops early

void read_into(Reader& reader, BatchPipe& pipe) {
    std::exception_ptr error;
    Batch* b = nullptr;
    try {
        // Straight into the batch's slots: a record moved there afterwards cost a move of each
        // of its strings (a twentieth of the reading thread's work).
        reader.run(
            [&]() -> Slot {
                if (!b && !(b = pipe.take_empty())) throw Stopped{};
                if (b->size == b->submissions.size()) {
                    b->submissions.emplace_back();
                    b->adoptions.emplace_back();
                }
                return {b->submissions[b->size], b->adoptions[b->size]};
            },
            [&] {
                if (++b->size == k_batch_size) {
                    pipe.put_full(b);
                    b = nullptr;
                }
            });
        if (b) pipe.put_full(b);
    } catch (const Stopped&) {
    } catch (...) {
        // What was read before the failure is still delivered, as Reading::here would have; the
        // slot being filled was not counted.
        if (b) pipe.put_full(b);
        error = std::current_exception();
    }
    pipe.close(error);
}

}  // namespace

bool WantedIds::contains(model::Id id) const {
    return m_bitmap ? m_bitmap->contains(id) : std::binary_search(m_ids.begin(), m_ids.end(), id);
}

namespace {
constexpr const char* k_wanted_ids_type = "infotally::store::WantedIds";

// infotally_wanted(set, number): 1 if the number is in the set bound as the first argument.
// The set is looked up on a statement's first row and kept as the argument's auxiliary data,
// which SQLite drops when the statement is reset or the argument changes: sqlite3_value_pointer
// compares the type's name on every call, a twentieth of the reading thread's work. (SQLite keeps
// auxiliary data only for a constant argument, as a bound parameter is; for any other it would
// look the set up on every row, still correctly.)
void sql_wanted(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* set = static_cast<const WantedIds*>(sqlite3_get_auxdata(ctx, 0));
    if (!set) {
        set = static_cast<const WantedIds*>(sqlite3_value_pointer(argv[0], k_wanted_ids_type));
        // Unbound (a reset clears it) would read as "nothing wanted": an empty report, not an
        // error.
        if (!set) return sqlite3_result_error(ctx, "infotally_wanted: no set of numbers bound", -1);
        // Not kept if SQLite runs out of memory here: the next row looks it up again.
        sqlite3_set_auxdata(ctx, 0, const_cast<WantedIds*>(set), nullptr);
    }
    sqlite3_result_int(ctx, set->contains(sqlite3_value_int64(argv[1])) ? 1 : 0);
}
}  // namespace

WantedIds::WantedIds(Connection& conn, const std::vector<model::Id>& ids)
    : m_ids(ids), m_bitmap(detail::IdBitmap::over(ids.front(), ids.back(), ids.size())) {
    if (m_bitmap)
        for (const model::Id id : ids) m_bitmap->add(id);
    conn.define_function("infotally_wanted", 2, sql_wanted);
}

void WantedIds::bind(Statement& st, int index) const {
    st.bind_pointer(index, this, k_wanted_ids_type);
}

namespace {
constexpr const char* k_id_set_type = "infotally::store::IdSet";

// infotally_collect(set, number), for each row: adds the number to the set bound as the first
// argument. The set is looked up once, on the first row, and kept in the aggregate's context.
void collect_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
    auto** set = static_cast<IdSet**>(sqlite3_aggregate_context(ctx, sizeof(IdSet*)));
    if (!set) return sqlite3_result_error_nomem(ctx);
    if (!*set) {
        *set = static_cast<IdSet*>(sqlite3_value_pointer(argv[0], k_id_set_type));
        if (!*set) return sqlite3_result_error(ctx, "infotally_collect: no set bound", -1);
    }
    // Nothing may be thrown through SQLite's C frames.
    try {
        (*set)->add(sqlite3_value_int64(argv[1]));
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(ctx);
    } catch (...) {
        sqlite3_result_error(ctx, "infotally_collect: cannot keep the number", -1);
    }
}

// The numbers are the result; the statement's is NULL.
void collect_final(sqlite3_context* ctx) {
    sqlite3_result_null(ctx);
}
}  // namespace

IdSet::IdSet(Connection& conn) {
    // Two subqueries: each is one b-tree descent, where "SELECT min(id), max(id)" reads the table.
    auto bounds =
        conn.prepare("SELECT (SELECT min(id) FROM submissions), (SELECT max(id) FROM submissions)");
    if (bounds.step() && !bounds.is_null(0))
        m_bitmap = detail::IdBitmap::over(bounds.int64(0), bounds.int64(1), k_max_bitmap_words);
    conn.define_aggregate("infotally_collect", 2, collect_step, collect_final);
}

void IdSet::collect(Statement& st, int index) {
    st.bind_pointer(index, this, k_id_set_type);
    st.run();
}

std::vector<model::Id> IdSet::sorted() const {
    std::vector<model::Id> ids;
    if (m_bitmap) {
        ids.reserve(m_bitmap->count() + m_others.size());
        m_bitmap->append_to(ids);
    }
    if (m_others.empty()) return ids;
    ids.insert(ids.end(), m_others.begin(), m_others.end());
    sort_unique(ids);
    return ids;
}

void sort_unique(std::vector<model::Id>& ids) {
    if (ids.empty()) return;
    const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
    auto seen = detail::IdBitmap::over(*lo, *hi, ids.size());
    if (!seen) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return;
    }
    for (const model::Id id : ids) seen->add(id);
    ids.clear();
    seen->append_to(ids);
}

void scan_records(Connection& conn, const std::vector<model::Id>& ids, AdoptionOrder order,
                  Reading reading, const RecordVisitor& visit) {
    if (ids.empty()) return;
    Reader reader(conn, ids, order);
    if (reading == Reading::here) {
        model::Submission s;
        std::vector<model::Adoption> adoptions;
        reader.run(
            [&] {
                return Slot{s, adoptions};
            },
            [&] {
                reader.fill(s, adoptions);
                visit(s, adoptions);
            });
        return;
    }
    BatchPipe pipe(k_batches);
    // The calling thread leaves the connection alone from here: flag it only once the thread
    // exists (std::thread may throw), and clear it only after the join.
    std::thread thread(read_into, std::ref(reader), std::ref(pipe));
    conn.set_in_use_elsewhere(true);
    // However the visiting ends (an exception included), the reader stops and is joined before
    // `reader` and `pipe` go.
    struct Join {
        BatchPipe& pipe;
        std::thread& thread;
        Connection& conn;
        ~Join() {
            pipe.stop();
            thread.join();
            conn.set_in_use_elsewhere(false);
        }
    } join{pipe, thread, conn};
    while (Batch* b = pipe.take_full()) {
        for (std::size_t i = 0; i < b->size; ++i) {
            reader.fill(b->submissions[i], b->adoptions[i]);
            visit(b->submissions[i], b->adoptions[i]);
        }
        b->size = 0;
        pipe.put_empty(b);
    }
    if (auto error = pipe.error()) std::rethrow_exception(error);
}

}  // namespace infotally::store
