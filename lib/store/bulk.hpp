#pragma once
// Bulk reads and writes for import and export: each statement is prepared once and reused for
// every row, the record numbers are handed out by the caller (one counter update for a whole
// import), and reading the whole ledger is three ordered scans merged in step rather than a
// query per submission. Writes expect the caller's Store::transaction(), like Store's own.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/model/date.hpp"
#include "lib/model/records.hpp"
#include "lib/store/journal.hpp"
#include "lib/store/store.hpp"

namespace infotally::store {

class BulkWriter {
  public:
    explicit BulkWriter(Store& store);
    ~BulkWriter();

    // A larger page cache for this connection (128 MiB instead of 2), for an import that grows
    // the indexes row by row: it touches every page of them, and dirty pages evicted early are
    // written to the WAL again and again. At 1M rows 128 MiB took such an import from 38 s to
    // 20 s of CPU (peak memory 296 -> 373 MB); 256 MiB gained little more for 500 MB. Filling an
    // empty ledger only appends, and then SQLite's 2 MiB builds the indexes faster: its sorter
    // sorts runs the size of the page cache, and small runs sort in the CPU's cache (five
    // indexes at 1M: 5.4 s with 128 MiB, 2.7 s with 2 MiB, in the sqlite3 shell).
    void tune_for_bulk();

    // The record counter (counters.record_id): the last number given out.
    model::Id last_record_id();
    void set_last_record_id(model::Id id);
    bool has_submissions();

    // Filling an empty ledger, it is faster to build the record tables' secondary indexes once at
    // the end (one sort each) than to grow them row by row: this drops them and returns the SQL
    // that makes them again (as sqlite_master has it, so it follows every migration). Primary
    // keys and UNIQUE constraints stay. Call within the import's transaction.
    std::vector<std::string> drop_record_indexes();
    void create_indexes(const std::vector<std::string>& statements);

    // What import needs to recognise a record already in the ledger: both read the ledger as it
    // was before this import's transaction. While an InBackground lives they read through a
    // second connection beside the writing thread (WAL: it sees the last commit, which no other
    // writer can change while this transaction holds the write lock), so neither waits for the
    // rows handed over; in rollback-journal mode they wait and read this connection.
    // The submissions of one department on one day, with their authors (person id, position,
    // share; no names).
    void submissions_on(model::Id dept_id, const model::Date& day,
                        std::vector<model::Submission>& out);
    // A submission's adoptions (outlet id only, no outlet name), in record order.
    void adoptions_of(model::Id submission_id, std::vector<model::Adoption>& out);

    // Inserts with the record number already set in `s.id` / `a.id`.
    void insert_submission(model::Submission s);
    void insert_adoption(model::Adoption a);

    // While one lives, the insert_* functions and set_membership hand their rows to a second
    // thread, which inserts them in batches while the caller's thread reads and checks the next
    // rows of the file: an import then takes about the longer of checking and inserting, not their
    // sum (2 cores). Every other member function first waits for the rows handed over to be written
    // and rethrows the first error that met (so the caller may use the connection between two
    // calls; until then Connection::prepare and exec throw). finish() writes what is left, ends
    // the thread, and rethrows that error; the destructor ends the thread without writing the
    // rest. Declare it after the transaction, so that a rollback never meets the thread.
    class InBackground {
      public:
        explicit InBackground(BulkWriter& writer);
        ~InBackground();
        InBackground(const InBackground&) = delete;
        InBackground& operator=(const InBackground&) = delete;
        void finish();

      private:
        void end(bool write_the_rest);
        BulkWriter& m_writer;
    };
    // Waits for the rows handed to the writing thread, if any, to be written (see InBackground),
    // before the caller uses the connection itself.
    void wait_for_background();

    // Each returns the new row's number: the table's largest so far plus one, as SQLite would
    // give (known before the row is written, so that the writing may happen on the other thread).
    model::Id insert_department(const std::string& code, const std::string& name);
    model::Id insert_person(const std::string& name);
    // Sets (or replaces) the person's department from `since`.
    void set_membership(model::Id person_id, model::Id dept_id, const model::Date& since);
    model::Id insert_outlet(const model::Outlet& outlet);

    // Writes to `journal` the key range of every table this writer inserted into: what `undo`
    // deletes. Each range holds only this writer's rows because record numbers are handed out
    // above the ledger's counter (or fill an empty ledger) and the other tables' numbers above
    // their largest.
    void journal_inserts(BulkJournal& journal);

  private:
    struct Background;  // bulk.cpp
    struct MembershipRow {
        model::Id person_id, dept_id;
        model::Date since;
    };

    model::Id next_id(std::optional<model::Id>& last, std::string_view table);
    void write_department(const model::Department& d);
    void write_person(const model::Person& p);
    void write_membership(const MembershipRow& m);
    template <class List, class Row, class Write>
    void write_or_hand_over(List list, Row&& row, Write write);
    void write_outlet(const model::Outlet& o);
    void write_submission(const model::Submission& s);
    void write_adoption(const model::Adoption& a);
    void hand_over_if_full();
    void take_batch();
    void write_batches();  // the writing thread

    struct KeyRange {
        std::int64_t from = 0, to = 0, rows = 0;
        void add(std::int64_t key) {
            from = rows == 0 ? key : std::min(from, key);
            to = rows == 0 ? key : std::max(to, key);
            ++rows;
        }
    };

    // The statement in `slot`, prepared on first use on `conn` (null: this writer's connection).
    Statement& prepared(std::optional<Statement>& slot, std::string_view sql,
                        Connection* conn = nullptr);
    struct Lookup;  // bulk.cpp
    Lookup& lookup();

    Connection& m_conn;
    std::optional<Statement> m_insert_submission, m_insert_author, m_insert_adoption,
        m_insert_department, m_insert_person, m_set_membership, m_insert_outlet;
    KeyRange m_submissions, m_authorships, m_adoptions, m_departments, m_people, m_outlets;
    std::optional<model::Id> m_last_department, m_last_person, m_last_outlet;
    std::unique_ptr<Background> m_background;
    std::unique_ptr<Lookup> m_lookup;  // after m_background: its connection closes first
};

// Every submission (or those submitted in [from, to]) in record order, each with its authors
// (names included) and all its adoptions in record order (outlet name, level and media
// included). Memory holds the submission numbers and one submission at a time (scan.hpp).
void for_each_record(Store& store, const std::optional<model::Date>& from,
                     const std::optional<model::Date>& to, const RecordVisitor& visit);

}  // namespace infotally::store
