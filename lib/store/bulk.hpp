#pragma once
// Bulk reads and writes for import and export: each statement is prepared once and reused for
// every row, the record numbers are handed out by the caller (one counter update for a whole
// import), and reading the whole ledger is three ordered scans merged in step rather than a
// query per submission. Writes expect the caller's Store::transaction(), like Store's own.
#include <algorithm>
#include <cstdint>
#include <functional>
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

    // The submissions of one department on one day, with their authors (person id, position,
    // share; no names) — what import needs to recognise a piece already in the ledger.
    void submissions_on(model::Id dept_id, const model::Date& day,
                        std::vector<model::Submission>& out);
    // A submission's adoptions (outlet id only, no outlet name), in record order.
    void adoptions_of(model::Id submission_id, std::vector<model::Adoption>& out);

    // Inserts with the record number already set in `s.id` / `a.id`.
    void insert_submission(const model::Submission& s);
    void insert_adoption(const model::Adoption& a);

    model::Id insert_department(const std::string& code, const std::string& name);
    model::Id insert_person(const std::string& name);
    // Sets (or replaces) the person's department from `since`.
    void set_membership(model::Id person_id, model::Id dept_id, const model::Date& since);
    model::Id insert_outlet(const model::Outlet& outlet);

    // Writes to `journal` the key range of every table this writer inserted into: what `undo`
    // deletes. Each range holds only this writer's rows because record numbers are handed out
    // above the ledger's counter (or fill an empty ledger) and the other tables' ids are
    // SQLite's next rowids.
    void journal_inserts(BulkJournal& journal);

  private:
    struct KeyRange {
        std::int64_t from = 0, to = 0, rows = 0;
        void add(std::int64_t key) {
            from = rows == 0 ? key : std::min(from, key);
            to = rows == 0 ? key : std::max(to, key);
            ++rows;
        }
    };

    Statement& prepared(std::optional<Statement>& slot, std::string_view sql);

    Connection& m_conn;
    std::optional<Statement> m_submissions_on, m_adoptions_of, m_insert_submission, m_insert_author,
        m_insert_adoption, m_insert_department, m_insert_person, m_set_membership, m_insert_outlet;
    KeyRange m_submissions, m_authorships, m_adoptions, m_departments, m_people, m_outlets;
};

// Every submission (or those submitted in [from, to]) in record order, each with its authors
// (names included) and all its adoptions in record order (outlet name, level and media
// included). Memory holds the submission numbers and one submission at a time (scan.hpp).
void for_each_record(Store& store, const std::optional<model::Date>& from,
                     const std::optional<model::Date>& to, const RecordVisitor& visit);

}  // namespace infotally::store
