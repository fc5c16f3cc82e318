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
class BulkJournal {
public:
    BulkJournal(Connection& conn, const WriteTransaction& tx);  // pauses the row triggers
    ~BulkJournal();                                              // resumes them
    BulkJournal(const BulkJournal&) = delete;
    BulkJournal& operator=(const BulkJournal&) = delete;
    // `rows` rows of `table` whose `key_column` lies in [from, to] were inserted by this command.
    void inserted(std::string_view table, std::string_view key_column, std::int64_t from, std::int64_t to,
                  std::int64_t rows);

private:
    Connection& m_conn;
    model::Id m_entry;
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
JournalEntry undo_entry(Connection& conn, const WriteTransaction& tx, std::optional<model::Id> target);

// "+1 submission, +2 authorships, ~1 adoption, -1 outlet"
std::string describe_changes(const std::vector<ChangeCount>& changes);

}  // namespace infotally::store
