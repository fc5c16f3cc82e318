#pragma once
// The audit journal: one entry per command that wrote, the rows it changed (recorded by the
// triggers of schemas/002_journal.sql), and undo by applying those changes in reverse.
#include <optional>
#include <string>
#include <vector>

#include "lib/model/records.hpp"
#include "lib/store/sqlite.hpp"

namespace infotally::store {

// BEGIN IMMEDIATE, then opens a journal entry for `command`; the triggers file every row change
// under it. commit() drops the entry again if nothing changed. Rolled back unless committed.
class WriteTransaction {
  public:
    WriteTransaction(Connection& conn, const std::string& command);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();
    model::Id entry_id() const { return m_entry; }

  private:
    Connection& m_conn;
    Transaction m_tx;
    model::Id m_entry = 0;
};

// Bulk writes (import) would journal every row through the triggers; instead they pause them and
// record, per table, the range of keys they inserted (keys given out in increasing order within
// one transaction). Undo deletes the ranges.
//
// Pausing drops the journal's triggers inside the write transaction and resume() creates them
// again from the SQL sqlite_master held, before the commit. A trigger whose WHEN is false still
// costs a subprogram call per row: dropping them took the import of the 100k-adoption bench ledger
// from 1.76 s to 1.55 s (release build, best of three). Other connections never see the ledger
// without them (WAL readers keep their snapshot; writers wait for the commit), and if anything
// fails the rollback restores them.
class BulkJournal {
  public:
    BulkJournal(Connection& conn, const WriteTransaction& tx);  // pauses the row triggers
    BulkJournal(const BulkJournal&) = delete;
    BulkJournal& operator=(const BulkJournal&) = delete;
    // `rows` rows of `table` whose `key_column` lies in [from, to] were inserted by this command.
    void inserted(std::string_view table, std::string_view key_column, std::int64_t from,
                  std::int64_t to, std::int64_t rows);
    // Creates the triggers again and resumes row journaling. Call it before committing: a
    // transaction that ends without it must be rolled back (which restores them too).
    void resume();

  private:
    Connection& m_conn;
    model::Id m_entry;
    std::vector<std::string> m_triggers;  // CREATE TRIGGER statements, to run again
    bool m_resumed = false;
};

struct ChangeCount {
    std::string table;
    std::string op;  // insert, update, delete
    int rows = 0;
};

struct JournalEntry {
    model::Id id = 0;
    std::string at;  // UTC ISO time
    std::string command;
    std::optional<model::Id> undoes;
    std::optional<model::Id> undone_by;
    std::vector<ChangeCount> changes;
};

// Newest first; limit <= 0 means all.
std::vector<JournalEntry> journal_entries(Connection& conn, int limit);
std::optional<JournalEntry> journal_entry(Connection& conn, model::Id id);

// Reverts entry `target` (default: the latest entry) inside the open WriteTransaction `tx`,
// records the link both ways, and returns the reverted entry. Refuses an entry already undone
// and one whose rows a later entry changed again.
JournalEntry undo_entry(Connection& conn, const WriteTransaction& tx,
                        std::optional<model::Id> target);

// "+1 submission, +2 authorships, ~1 adoption, -1 outlet"
std::string describe_changes(const std::vector<ChangeCount>& changes);

}  // namespace infotally::store
