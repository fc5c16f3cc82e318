#include "lib/store/store.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <sys/statvfs.h>
#include <unistd.h>

#include <fmt/format.h>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/store/migrations.hpp"

namespace infotally::store {
namespace fs = std::filesystem;

namespace {

// 'INFT': marks a SQLite file as an infotally ledger, so another program's database is refused.
constexpr std::int64_t k_application_id = 0x494E4654;
// Ledgers up to this size are quick_check'ed on every open (Store::open).
constexpr std::uintmax_t k_quick_check_on_open_bytes = 8u << 20;

int latest_version() {
    return migrations().empty() ? 0 : migrations().back().version;
}

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::int64_t pragma_int(Connection& c, std::string_view pragma) {
    auto st = c.prepare(fmt::format("PRAGMA {}", pragma));
    return st.step() ? st.int64(0) : 0;
}

void configure(Connection& c) {
    c.exec("PRAGMA foreign_keys = ON");
    // NORMAL is durable in WAL mode across application crashes; only a power loss can lose the
    // last transactions, never corrupt the file.
    c.exec("PRAGMA synchronous = NORMAL");
}

// Checks that the first bytes of an existing file say "SQLite format 3": an empty or foreign
// file is refused before SQLite is allowed to touch (or initialise) it. Returns whether the
// header marks the file as WAL (its read and write versions, bytes 18 and 19, are 2).
bool check_header(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw LedgerError(tr(Msg::err_cannot_read_ledger, path), tr(Msg::hint_cannot_read_ledger));
    char header[20] = {};
    in.read(header, sizeof header);
    if (in.gcount() == 0)
        throw LedgerError(tr(Msg::err_empty_file, path), tr(Msg::hint_empty_file));
    if (in.gcount() < 16 ||
        std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16))
        throw LedgerError(tr(Msg::err_not_sqlite, path), tr(Msg::hint_not_a_ledger));
    return in.gcount() == 20 && header[18] == 2 && header[19] == 2;
}

// False when nothing can be created in the folder holding `path`.
bool folder_writable(const std::string& path) {
    const fs::path folder = fs::path(path).parent_path();
    return ::access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
}

// True when the file system holding `path` is mounted read-only (a write-protected stick, a CD,
// a read-only share): nobody on this machine can change the file.
bool on_read_only_media(const std::string& path) {
    struct statvfs fs_info {};
    return ::statvfs(path.c_str(), &fs_info) == 0 && (fs_info.f_flag & ST_RDONLY) != 0;
}

}  // namespace

std::string resolve_ledger_path(const std::optional<std::string>& flag) {
    if (flag && !flag->empty()) return *flag;
    if (const char* env = std::getenv("INFOTALLY_DB"); env && *env) return env;
    return "infotally.db";
}

Store Store::create(const std::string& path, const std::string& unit_name) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw InputError(tr(Msg::err_ledger_exists, path), tr(Msg::hint_ledger_exists));
    auto parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw LedgerError(tr(Msg::err_create_no_folder, path, parent.string()),
                          tr(Msg::hint_create_no_folder));
    auto conn = std::make_unique<Connection>(path, Connection::Mode::create);
    Store store(std::move(conn));
    try {
        auto& c = *store.m_conn;
        c.exec("PRAGMA journal_mode = WAL");
        configure(c);
        c.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
        store.migrate();
        Transaction tx(c);
        c.prepare("INSERT INTO unit (id, name, created_at) VALUES (1, ?, ?)")
            .bind(1, unit_name)
            .bind(2, now_iso())
            .run();
        tx.commit();
    } catch (...) {
        // Leave no half-made ledger behind.
        store.m_conn.reset();
        fs::remove(path, ec);
        fs::remove(path + "-wal", ec);
        fs::remove(path + "-shm", ec);
        throw;
    }
    return store;
}

void Store::verify() {
    if (m_verified) return;
    auto st = m_conn->prepare("PRAGMA quick_check");
    if (st.step() && st.text(0) != "ok")
        throw LedgerError(tr(Msg::err_failed_quick_check, m_conn->path(), st.text(0)),
                          tr(Msg::hint_failed_quick_check));
    m_verified = true;
}

Store Store::open(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw LedgerError(tr(Msg::err_is_folder, path), tr(Msg::hint_is_folder));
    if (!fs::exists(path, ec))
        throw LedgerError(tr(Msg::err_no_ledger, path), tr(Msg::hint_no_ledger));
    const bool wal = check_header(path);
    auto conn = std::make_unique<Connection>(path, Connection::Mode::read_write);
    // On read-only media SQLite opens the file for reading only, and a WAL ledger then cannot be
    // read at all: readers need a -shm file beside it, which cannot be created there. Nobody can
    // change the file either, so it is opened as immutable (no locks, no -shm) instead. Not for
    // a file or folder merely without write permission on a writable disk: its owner may change
    // the file while it is read, which an immutable reader would not notice. And not when a -wal
    // file is there: its records are not in the file yet, and reading the file alone would show
    // an older ledger as if it were whole.
    if (conn->read_only() && on_read_only_media(path)) {
        if (!fs::exists(path + "-wal", ec)) {
            conn.reset();
            conn = std::make_unique<Connection>(path, Connection::Mode::read_only_media);
        } else if (!fs::exists(path + "-shm", ec)) {
            throw LedgerError(tr(Msg::err_wal_on_read_only_media, path),
                              tr(Msg::hint_wal_on_read_only_media, path));
        }
    } else if (conn->read_only() && wal && !fs::exists(path + "-shm", ec) &&
               !folder_writable(path)) {
        // SQLite would say only "unable to open database file".
        throw LedgerError(tr(Msg::err_wal_folder_not_writable, path),
                          tr(Msg::hint_wal_folder_not_writable));
    }
    Store store(std::move(conn));
    auto& c = *store.m_conn;
    configure(c);
    const auto app_id = pragma_int(c, "application_id");
    if (app_id != k_application_id)
        throw LedgerError(tr(Msg::err_foreign_sqlite, path), tr(Msg::hint_not_a_ledger));
    const auto version = pragma_int(c, "user_version");
    if (version > latest_version())
        throw LedgerError(tr(Msg::err_newer_schema, path, version, latest_version()),
                          tr(Msg::hint_newer_schema));
    // quick_check reads every page (about 3 ms per MB here): on every open of a unit's ledger
    // (a few MB), but a province's roll-up of a million adoptions (~300 MB) would spend a second
    // on it before each `adopt`. Larger files are checked by `check`, `backup`, `restore` and
    // before `import` writes (ARCHITECTURE.md, "Checking a ledger").
    if (fs::file_size(path, ec) <= k_quick_check_on_open_bytes) store.verify();
    // Ledgers are kept in WAL mode. An import into an empty ledger leaves it for its one
    // transaction (RollbackJournal, sqlite.hpp); a process killed then leaves it in rollback mode.
    // A ledger that can only be read stays as it is: reading needs no switch, and writing is
    // refused anyway.
    if (!c.read_only() && !c.in_wal_mode()) c.exec("PRAGMA journal_mode = WAL");
    if (version < latest_version()) store.migrate();
    return store;
}

void Store::read_one_snapshot() {
    if (!m_snapshot) m_snapshot = std::make_unique<ReadTransaction>(*m_conn);
}

void Store::migrate() {
    auto& c = *m_conn;
    Transaction tx(c);
    const auto current = pragma_int(c, "user_version");
    for (const auto& m : migrations()) {
        if (m.version <= current) continue;
        c.exec(m.sql);
        c.exec(fmt::format("PRAGMA user_version = {}", m.version));
    }
    tx.commit();
}

std::string Store::unit_name() {
    auto st = m_conn->prepare("SELECT name FROM unit WHERE id = 1");
    return st.step() ? st.text(0) : std::string();
}

model::Id Store::next_record_id() {
    auto st = m_conn->prepare(
        "UPDATE counters SET value = value + 1 WHERE name = 'record_id' RETURNING value");
    if (!st.step()) throw LedgerError(tr(Msg::err_no_counter), tr(Msg::hint_restore_backup));
    return st.int64(0);
}

RecordKind Store::record_kind(model::Id id) {
    auto st = m_conn->prepare(
        "SELECT 1 FROM submissions WHERE id = ?1 UNION ALL SELECT 2 FROM adoptions WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return RecordKind::none;
    return st.int64(0) == 1 ? RecordKind::submission : RecordKind::adoption;
}

void Store::set_rules(const StoredRules& r) {
    m_conn
        ->prepare(
            "INSERT INTO rules (year, source_name, toml, set_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (year) DO UPDATE SET source_name = excluded.source_name, "
            "toml = excluded.toml, set_at = excluded.set_at")
        .bind(1, r.year)
        .bind(2, r.source_name)
        .bind(3, r.toml)
        .bind(4, r.set_at.empty() ? now_iso() : r.set_at)
        .run();
}

std::optional<StoredRules> Store::rules_for_year(int year) {
    auto st = m_conn->prepare("SELECT year, source_name, toml, set_at FROM rules WHERE year = ?");
    st.bind(1, year);
    if (!st.step()) return std::nullopt;
    return StoredRules{static_cast<int>(st.int64(0)), st.text(1), st.text(2), st.text(3)};
}

std::vector<int> Store::rules_years() {
    std::vector<int> out;
    auto st = m_conn->prepare("SELECT year FROM rules ORDER BY year");
    while (st.step()) out.push_back(static_cast<int>(st.int64(0)));
    return out;
}

}  // namespace infotally::store
