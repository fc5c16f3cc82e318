#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements with bound
// parameters (the only way values reach SQL), and transactions that roll back unless committed.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_context;
struct sqlite3_value;

namespace infotally::store {

class Statement;
class Reused;

class Connection {
  public:
    // read_only_media: for reading a ledger nobody can change (a write-protected stick, a CD, a
    // read-only share), opened with SQLite's `immutable`: no -shm file (which WAL readers
    // otherwise need and could not create there) and no locks; every write is refused.
    enum class Mode { read_write, create, read_only_media };
    Connection(const std::string& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(std::string_view sql);  // one or more statements, no parameters
    Statement prepare(std::string_view sql);
    // `sql` prepared on its first use and kept until the connection closes: for a lookup made
    // once per row of a listing. Preparing it anew each time was most of `list adoptions`' time
    // (3 s for a month of a million-row ledger). The handle resets it when it goes.
    Reused reuse(std::string_view sql);
    // Defines the SQL function `name` taking `args` arguments, implemented by `fn` (deterministic,
    // callable only from SQL the program prepares). Once per connection: later calls are no-ops,
    // so statements already prepared stay valid.
    using SqlFunction = void (*)(sqlite3_context*, int, sqlite3_value**);
    void define_function(const char* name, int args, SqlFunction fn);
    // The same for an aggregate: `step` is called for each row, `final` once at the end. Not
    // deterministic: it may keep what it is given (see store::IdSet, infotally_collect).
    using SqlFinal = void (*)(sqlite3_context*);
    void define_aggregate(const char* name, int args, SqlFunction step, SqlFinal final);
    std::int64_t last_insert_id() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    // True when SQLite could open the file only for reading (its permissions, read-only media).
    bool read_only() const;
    // True when the ledger's journal mode is WAL (PRAGMA journal_mode).
    bool in_wal_mode();
    sqlite3* handle() const { return m_db; }

    // Throws the right infotally error for a failed SQLite call: "busy", "read-only", "disk full",
    // "not a database", or an internal error naming the statement.
    [[noreturn]] void fail(int rc, std::string_view context) const;

    // While another thread steps this connection's prepared statements (the reports' reading
    // thread in scan.cpp, the import's writing thread in bulk.cpp), the owner's thread must not
    // use it: prepare() and exec() then throw an internal error instead of racing.
    void set_in_use_elsewhere(bool on) { m_in_use_elsewhere = on; }

  private:
    void check_not_in_use_elsewhere(std::string_view sql) const;
    void define(const char* name, int args, int flags, SqlFunction fn, SqlFunction step,
                SqlFinal final);

    sqlite3* m_db = nullptr;
    std::string m_path;
    bool m_in_use_elsewhere = false;
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_reused;
    std::vector<std::string> m_functions;  // defined by define_function and define_aggregate
};

class Statement {
  public:
    Statement(Connection& conn, sqlite3_stmt* stmt, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;

    // Bind by 1-based index. Chainable.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind_null(int index);
    // A pointer for an application-defined SQL function (SQLite's pointer-passing interface: SQL
    // can neither see nor forge it); `type` names what it points to and must outlive the binding.
    Statement& bind_pointer(int index, const void* pointer, const char* type);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    bool step();  // true while a row is available
    void run();   // step once, expecting no row
    void reset();

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    // The text without a copy: valid until the next step(), reset() or column call on it.
    std::string_view view(int column) const;
    bool is_null(int column) const;
    std::optional<std::int64_t> opt_int64(int column) const;
    std::optional<std::string> opt_text(int column) const;

  private:
    Connection* m_conn;
    sqlite3_stmt* m_stmt;
    std::string m_sql;
};

// A statement the connection keeps (Connection::reuse), used through this handle; reset, and its
// parameters cleared, when the handle goes, so it holds no read snapshot between uses. Do not ask
// for the same SQL again while a handle to it is alive.
class Reused {
  public:
    explicit Reused(Statement& st) : m_st(st) {}
    ~Reused();
    Reused(const Reused&) = delete;
    Reused& operator=(const Reused&) = delete;
    Statement* operator->() const { return &m_st; }
    Statement& operator*() const { return m_st; }

  private:
    Statement& m_st;
};

// BEGIN IMMEDIATE on construction (so a writer waits for the busy timeout up front instead of
// failing half-way); ROLLBACK on destruction unless commit() was called.
class Transaction {
  public:
    explicit Transaction(Connection& conn);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Connection& m_conn;
    bool m_done = false;
};

// Filling an empty ledger in WAL mode writes every page twice: into the WAL as the transaction
// goes, and from there into the file when the ledger is closed (300 MB at a million rows). A
// rollback journal writes each new page once and journals only the pages the ledger already had.
// So for such a transaction this switches the connection to journal_mode=DELETE (with
// synchronous=FULL, which that mode needs to survive a power loss) if no other connection has the
// ledger open, and back to WAL when destroyed; if another has it open, nothing changes (the
// transaction goes through the WAL). Meanwhile other commands wait for the writer instead of
// reading beside it.
// If the process dies in between, the next open rolls the hot journal back and Store::open puts
// the ledger back in WAL mode. Construct it outside any transaction, before the Transaction.
class RollbackJournal {
  public:
    explicit RollbackJournal(Connection& conn);
    ~RollbackJournal();
    RollbackJournal(const RollbackJournal&) = delete;
    RollbackJournal& operator=(const RollbackJournal&) = delete;

  private:
    Connection& m_conn;
    bool m_active = false;  // switched, so to be switched back
    int m_synchronous = 1;  // as it was before (store.cpp sets NORMAL)
};

// BEGIN (deferred): every statement inside reads the same snapshot of the ledger, while writers
// carry on (WAL). Ends on destruction. Inside a transaction the caller holds it does nothing.
class ReadTransaction {
  public:
    explicit ReadTransaction(Connection& conn);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    Connection& m_conn;
    // false inside a transaction the caller holds: that one gives the snapshot
    bool m_open = false;
};

}  // namespace infotally::store
