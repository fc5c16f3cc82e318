#pragma once
// The ledger: one SQLite file. The only place in infotally that speaks SQL. Every method that
// writes expects the caller to hold a Transaction (Store::transaction()), so one command is
// one transaction, whatever it touches.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/model/date.hpp"
#include "lib/model/records.hpp"
#include "lib/store/journal.hpp"
#include "lib/store/scan.hpp"
#include "lib/store/sqlite.hpp"

namespace infotally::store {

// Where the ledger is: --db, then $INFOTALLY_DB, then ./infotally.db.
std::string resolve_ledger_path(const std::optional<std::string>& flag);

struct RecordFilter {
    std::optional<model::Date> from, to;  // inclusive, on the record's own date
    std::optional<model::Id> dept_id;
    std::optional<model::Id> person_id;  // submissions this person co-wrote
    std::optional<model::Id> submission_id;
};

// One department's pieces in a period (Store::count_pieces).
struct PieceCount {
    model::Id dept_id = 0;
    std::int64_t submitted = 0;  // submitted in the period
    std::int64_t adopted = 0;    // with at least one adoption dated in the period
};

struct StoredRules {
    int year = 0;
    std::string source_name;
    std::string toml;
    std::string set_at;
};

enum class RecordKind { none, submission, adoption };

class Store {
  public:
    // Creates a new ledger at `path` (refuses if one is there) with the given unit name.
    static Store create(const std::string& path, const std::string& unit_name);
    // Opens an existing ledger: refuses a missing file, an empty or non-SQLite file, another
    // program's database, a ledger from a newer infotally, or (up to 8 MB, see store.cpp) one
    // failing quick_check. Applies pending migrations.
    static Store open(const std::string& path);

    // Runs PRAGMA quick_check (reads every page) and throws LedgerError if it fails; once per
    // Store (open() has already run it on a small ledger).
    void verify();

    // From here until the Store goes, every read sees one snapshot of the ledger (one read
    // transaction): a report's records, rules, names and last year's counts agree even while
    // another process writes. For commands that only read: a write inside would be refused.
    void read_one_snapshot();

    Connection& connection() { return *m_conn; }
    // One command's writes: one transaction and one journal entry under the command line.
    WriteTransaction transaction() { return WriteTransaction(*m_conn, m_command); }
    void set_command_line(std::string command) { m_command = std::move(command); }
    const std::string& path() const { return m_conn->path(); }

    // unit
    std::string unit_name();

    // departments
    model::Id add_department(const std::string& code, const std::string& name);
    std::optional<model::Department> find_department(const std::string& code_or_name);
    std::optional<model::Department> department(model::Id id);
    std::vector<model::Department> departments();
    void retire_department(model::Id id, const model::Date& on);
    void update_department(const model::Department& dept);

    // people
    model::Id add_person(const std::string& name, model::Id dept_id, const model::Date& since);
    std::optional<model::Person> find_person(const std::string& name);
    std::vector<model::Person> people();
    void add_membership(model::Id person_id, model::Id dept_id, const model::Date& since);

    // outlets
    model::Id add_outlet(const model::Outlet& outlet);
    std::optional<model::Outlet> find_outlet(const std::string& name);
    std::optional<model::Outlet> outlet(model::Id id);
    std::vector<model::Outlet> outlets();

    // records (submissions and adoptions share one numbering)
    RecordKind record_kind(model::Id id);
    model::Id next_record_id();

    model::Id insert_submission(const model::Submission& s);  // assigns the id
    void update_submission(const model::Submission& s);
    void delete_submission(model::Id id);  // and its adoptions and authorships
    std::optional<model::Submission> submission(model::Id id);
    std::optional<std::string> submission_title(model::Id id);  // for a listing, row by row
    std::vector<model::Submission> submissions(const RecordFilter& filter);

    model::Id insert_adoption(const model::Adoption& a);  // assigns the id
    void update_adoption(const model::Adoption& a);
    void delete_adoption(model::Id id);
    std::optional<model::Adoption> adoption(model::Id id);
    std::vector<model::Adoption> adoptions(const RecordFilter& filter);
    int adoption_count(model::Id submission_id);
    std::optional<model::Date> earliest_adoption(model::Id submission_id);

    // Streams, in submission order, every submission that was submitted in [from, to] or has an
    // adoption dated in [from, to], each with ALL its adoptions (by date, then number). Memory
    // holds the period's submission numbers and a few batches of records (scan.hpp). A second
    // thread reads while `visit` runs: `visit` must not use this Store (it would throw).
    void for_each_submission(const model::Date& from, const model::Date& to,
                             const RecordVisitor& visit);

    // Every department, by number, with its pieces submitted in [from, to] and its pieces adopted
    // in [from, to] (a piece adopted twice counts once), credited as the tally credits them (the
    // submission's department). Counted from the indexes (submissions_by_dept, adoptions_by_date)
    // and the adopted pieces' departments, no whole record read or scored: `report month`'s
    // comparison with last year needs only these counts, which no rule changes.
    std::vector<PieceCount> count_pieces(const model::Date& from, const model::Date& to);

    // rules
    void set_rules(const StoredRules& rules);
    std::optional<StoredRules> rules_for_year(int year);
    std::vector<int> rules_years();

  private:
    explicit Store(std::unique_ptr<Connection> conn) : m_conn(std::move(conn)) {}
    void migrate();
    std::vector<model::Author> authors_of(model::Id submission_id);
    void write_authors(const model::Submission& s);

    std::unique_ptr<Connection> m_conn;
    // After m_conn, so that it ends before the connection closes.
    std::unique_ptr<ReadTransaction> m_snapshot;
    bool m_verified = false;
    std::string m_command = "infotally";
};

}  // namespace infotally::store
