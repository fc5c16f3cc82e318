#include "lib/store/sqlite.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "lib/model/error.hpp"

namespace infotally::store {

namespace {
constexpr int k_busy_timeout_ms = 5000;
}

Connection::Connection(const std::string& path, Mode mode) : m_path(path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::create) flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw LedgerError(fmt::format("cannot open the ledger {}: {}", path, msg),
                          "check the path and its permissions, or pass --db PATH");
    }
    sqlite3_busy_timeout(m_db, k_busy_timeout_ms);
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection() { sqlite3_close_v2(m_db); }

void Connection::fail(int rc, std::string_view context) const {
    const int primary = rc & 0xff;
    const std::string detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw LedgerError(fmt::format("the ledger {} is busy: another infotally is writing to it",
                                          m_path),
                              "nothing was written; run the command again in a moment");
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            throw LedgerError(fmt::format("cannot write the ledger {}: {}", m_path, detail),
                              "check the file's and its folder's permissions; nothing was written");
        case SQLITE_FULL:
            throw LedgerError(fmt::format("the disk holding {} is full", m_path),
                              "free some space and run the command again; nothing was written");
        case SQLITE_NOTADB:
            throw LedgerError(fmt::format("{} is not an infotally ledger (not a SQLite database)", m_path),
                              "pass --db with the path of your ledger, or create one with 'infotally init'");
        case SQLITE_CONSTRAINT:
            throw ConstraintError(fmt::format("the ledger refused the change: {}", detail),
                                  "another command may have changed the same records; check them and try "
                                  "again (nothing was written)");
        case SQLITE_CORRUPT:
            throw LedgerError(fmt::format("the ledger {} is damaged: {}", m_path, detail),
                              "restore it from a backup");
        case SQLITE_IOERR:
            throw LedgerError(fmt::format("input/output error on the ledger {}: {}", m_path, detail),
                              "check the disk; nothing was written");
        default:
            throw LedgerError(fmt::format("ledger error in {}: {}", context, detail),
                              "this is a bug in infotally; please report it with the command you ran");
    }
}

void Connection::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc, s.substr(0, 60));
}

Statement Connection::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql.substr(0, 60));
    return Statement(*this, stmt, sql);
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(m_db); }
int Connection::changes() const { return sqlite3_changes(m_db); }

Statement::Statement(Connection& conn, sqlite3_stmt* stmt, std::string_view sql)
    : m_conn(&conn), m_stmt(stmt), m_sql(sql) {}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement&& other) noexcept
    : m_conn(other.m_conn), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql)) {
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) m_conn->fail(rc, m_sql);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) m_conn->fail(rc, m_sql);
    return *this;
}

Statement& Statement::bind_null(int index) {
    int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) m_conn->fail(rc, m_sql);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    m_conn->fail(rc, m_sql);
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

std::string Statement::text(int column) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}

bool Statement::is_null(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::optional<std::int64_t> Statement::opt_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return int64(column);
}

std::optional<std::string> Statement::opt_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

Transaction::Transaction(Connection& conn) : m_conn(conn) { m_conn.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_conn.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_conn.exec("COMMIT");
    m_done = true;
}

ReadTransaction::ReadTransaction(Connection& conn) : m_conn(conn) { m_conn.exec("BEGIN"); }

ReadTransaction::~ReadTransaction() { sqlite3_exec(m_conn.handle(), "COMMIT", nullptr, nullptr, nullptr); }

}  // namespace infotally::store
