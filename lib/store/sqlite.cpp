#include "lib/store/sqlite.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::store {

namespace {
constexpr int k_busy_timeout_ms = 5000;

// "file:" URI for `path` with `query`: every byte but letters, digits, "-._~/" as %XX, so that
// Chinese names and "?", "#", "%" in a path stay part of it.
std::string file_uri(const std::string& path, std::string_view query) {
    std::string uri = "file:";
    for (const unsigned char c : path) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            uri += static_cast<char>(c);
        } else {
            static constexpr char k_hex[] = "0123456789ABCDEF";
            uri += '%';
            uri += k_hex[c >> 4];
            uri += k_hex[c & 15];
        }
    }
    uri += '?';
    uri += query;
    return uri;
}
}  // namespace

Connection::Connection(const std::string& path, Mode mode) : m_path(path) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::create) flags |= SQLITE_OPEN_CREATE;
    std::string name = path;
    if (mode == Mode::read_only_media) {
        flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
        name = file_uri(path, "immutable=1");
    }
    int rc = sqlite3_open_v2(name.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw LedgerError(tr(Msg::err_cannot_open, path, msg), tr(Msg::hint_cannot_open));
    }
    sqlite3_busy_timeout(m_db, k_busy_timeout_ms);
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection() {
    m_reused.clear();  // finalized before the close
    sqlite3_close_v2(m_db);
}

bool Connection::read_only() const {
    return sqlite3_db_readonly(m_db, "main") == 1;
}

bool Connection::in_wal_mode() {
    auto st = prepare("PRAGMA journal_mode");
    return st.step() && st.view(0) == "wal";
}

void Connection::fail(int rc, std::string_view context) const {
    const int primary = rc & 0xff;
    const std::string detail = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw LedgerError(tr(Msg::err_busy, m_path), tr(Msg::hint_busy));
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            throw LedgerError(tr(Msg::err_cannot_write, m_path, detail),
                              tr(Msg::hint_cannot_write));
        case SQLITE_FULL:
            throw LedgerError(tr(Msg::err_disk_full, m_path), tr(Msg::hint_disk_full));
        case SQLITE_NOTADB:
            throw LedgerError(tr(Msg::err_not_sqlite, m_path), tr(Msg::hint_not_a_ledger));
        case SQLITE_CONSTRAINT:
            throw ConstraintError(tr(Msg::err_constraint, detail), tr(Msg::hint_constraint));
        case SQLITE_CORRUPT:
            throw LedgerError(tr(Msg::err_damaged, m_path, detail), tr(Msg::hint_restore_backup));
        case SQLITE_IOERR:
            throw LedgerError(tr(Msg::err_io, m_path, detail), tr(Msg::hint_io));
        default:
            throw LedgerError(tr(Msg::err_ledger_internal, context, detail),
                              tr(Msg::hint_ledger_internal));
    }
}

void Connection::check_not_in_use_elsewhere(std::string_view sql) const {
    if (m_in_use_elsewhere)
        throw LedgerError(tr(Msg::err_ledger_internal, sql.substr(0, 60),
                             "the ledger is in use by another thread"),
                          tr(Msg::hint_ledger_internal));
}

void Connection::exec(std::string_view sql) {
    check_not_in_use_elsewhere(sql);
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK) fail(rc, s.substr(0, 60));
}

Statement Connection::prepare(std::string_view sql) {
    check_not_in_use_elsewhere(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql.substr(0, 60));
    return Statement(*this, stmt, sql);
}

Reused Connection::reuse(std::string_view sql) {
    check_not_in_use_elsewhere(sql);
    auto it = m_reused.find(sql);
    if (it == m_reused.end())
        it = m_reused.emplace(std::string(sql), std::make_unique<Statement>(prepare(sql))).first;
    return Reused(*it->second);
}

Reused::~Reused() {
    m_st.reset();
}

void Connection::define_function(const char* name, int args, SqlFunction fn) {
    define(name, args, SQLITE_DETERMINISTIC, fn, nullptr, nullptr);
}

void Connection::define_aggregate(const char* name, int args, SqlFunction step, SqlFinal final) {
    define(name, args, 0, nullptr, step, final);
}

void Connection::define(const char* name, int args, int flags, SqlFunction fn, SqlFunction step,
                        SqlFinal final) {
    if (std::find(m_functions.begin(), m_functions.end(), name) != m_functions.end()) return;
    check_not_in_use_elsewhere(name);
    const int rc =
        sqlite3_create_function_v2(m_db, name, args, SQLITE_UTF8 | SQLITE_DIRECTONLY | flags,
                                   nullptr, fn, step, final, nullptr);
    if (rc != SQLITE_OK) fail(rc, name);
    m_functions.emplace_back(name);
}

std::int64_t Connection::last_insert_id() const {
    return sqlite3_last_insert_rowid(m_db);
}
int Connection::changes() const {
    return sqlite3_changes(m_db);
}

Statement::Statement(Connection& conn, sqlite3_stmt* stmt, std::string_view sql)
    : m_conn(&conn), m_stmt(stmt), m_sql(sql) {}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

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

Statement& Statement::bind_pointer(int index, const void* pointer, const char* type) {
    // SQLite takes a non-const pointer. Whether the function given it writes through it is the
    // binder's business: infotally_wanted only reads its WantedIds; infotally_collect adds to an
    // IdSet, which binds itself from a non-const member function.
    int rc = sqlite3_bind_pointer(m_stmt, index, const_cast<void*>(pointer), type, nullptr);
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

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const {
    return std::string(view(column));
}

// One sqlite3_column_value and two sqlite3_value_* calls instead of sqlite3_column_text and
// sqlite3_column_bytes: each sqlite3_column_* call looks the column up again and checks for an
// allocation failure after (a report reads millions of columns). The value is "unprotected",
// which matters only to a connection shared between threads at once; ours are opened NOMUTEX and
// used by one thread at a time (see set_in_use_elsewhere).
std::string_view Statement::view(int column) const {
    sqlite3_value* v = sqlite3_column_value(m_stmt, column);
    auto p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)))
             : std::string_view();
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::opt_int64(int column) const {
    sqlite3_value* v = sqlite3_column_value(m_stmt, column);  // once: see view()
    if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
    return sqlite3_value_int64(v);
}

std::optional<std::string> Statement::opt_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

Transaction::Transaction(Connection& conn) : m_conn(conn) {
    m_conn.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_conn.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_conn.exec("COMMIT");
    m_done = true;
}

ReadTransaction::ReadTransaction(Connection& conn) : m_conn(conn) {
    if (sqlite3_get_autocommit(conn.handle()) == 0) return;  // the caller's transaction serves
    m_conn.exec("BEGIN");
    m_open = true;
}

namespace {

// Sets the journal mode and returns the mode in force after it ("" if SQLite refused, e.g.
// SQLITE_BUSY because another connection has the ledger open). Never throws: it also runs in a
// destructor.
std::string set_journal_mode(sqlite3* db, const char* sql) {
    sqlite3_stmt* st = nullptr;
    std::string mode;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        if (auto p = sqlite3_column_text(st, 0)) mode = reinterpret_cast<const char*>(p);
    }
    sqlite3_finalize(st);
    return mode;
}

}  // namespace

RollbackJournal::RollbackJournal(Connection& conn) : m_conn(conn) {
    if (set_journal_mode(m_conn.handle(), "PRAGMA journal_mode = DELETE") != "delete") return;
    m_active = true;
    auto st = m_conn.prepare("PRAGMA synchronous");
    if (st.step()) m_synchronous = static_cast<int>(st.int64(0));
    m_conn.exec("PRAGMA synchronous = FULL");
}

RollbackJournal::~RollbackJournal() {
    if (!m_active) return;
    // If another connection holds the ledger now, this waits for it (busy timeout); should it
    // still fail, the next Store::open sets WAL again.
    set_journal_mode(m_conn.handle(), "PRAGMA journal_mode = WAL");
    const auto restore = "PRAGMA synchronous = " + std::to_string(m_synchronous);
    sqlite3_exec(m_conn.handle(), restore.c_str(), nullptr, nullptr, nullptr);
}

ReadTransaction::~ReadTransaction() {
    if (m_open) sqlite3_exec(m_conn.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace infotally::store
