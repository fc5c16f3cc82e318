// undo, backup, restore.
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <unistd.h>

#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/store/backup.hpp"

namespace infotally::ledger {
namespace fs = std::filesystem;

namespace {

std::string local_stamp() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

// Copies `store` into `file` through a temporary file beside it, checks the copy, then renames
// it into place, so `file` is never left half-written.
void copy_to(store::Store& store, const std::string& file) {
    const auto tmp = fmt::format("{}.tmp-{}", file, ::getpid());
    std::error_code ec;
    try {
        {
            store::Connection out(tmp, store::Connection::Mode::create);
            store::copy_database(store.connection(), out);
            if (auto problems = store::integrity_problems(out); !problems.empty())
                throw LedgerError(tr(Msg::err_copy_integrity, problems.front()),
                                  tr(Msg::hint_copy_integrity));
        }
        fs::rename(tmp, file);
    } catch (...) {
        fs::remove(tmp, ec);
        fs::remove(tmp + "-wal", ec);
        fs::remove(tmp + "-shm", ec);
        throw;
    }
}

}  // namespace

UndoResult undo(store::Store& store, const Text& entry) {
    std::optional<model::Id> target;
    if (entry) target = parse_journal_entry(*entry);
    auto tx = store.transaction();
    UndoResult result{store::undo_entry(store.connection(), tx, target), std::nullopt};
    if (result.reverted.undoes)
        result.redone = store::journal_entry(store.connection(), *result.reverted.undoes);
    tx.commit();
    return result;
}

void backup(store::Store& store, const std::string& file, bool overwrite) {
    std::error_code ec;
    if (file.empty())
        throw InputError(tr(Msg::err_empty, tr(Msg::field_backup_file)),
                         tr(Msg::hint_empty, tr(Msg::field_backup_file)));
    // The copy is renamed over FILE: even with --force, never over a folder, nor over a device
    // (as root, `backup /dev/null --force` would otherwise replace /dev/null with a file).
    const auto status = fs::status(file, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        const fs::path example =
            fs::is_directory(status) ? fs::path(file) / "台账备份.db" : fs::path("台账备份.db");
        throw InputError(tr(Msg::err_backup_not_a_file, file),
                         tr(Msg::hint_backup_not_a_file, example.lexically_normal().string()));
    }
    if (fs::exists(status) && !overwrite)
        throw InputError(tr(Msg::err_file_exists, file), tr(Msg::hint_file_exists));
    if (fs::equivalent(file, store.path(), ec))
        throw InputError(tr(Msg::err_is_the_ledger, file), tr(Msg::hint_backup_elsewhere));
    auto parent = fs::path(file).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw InputError(tr(Msg::err_no_folder, parent.string()), tr(Msg::hint_no_folder));
    copy_to(store, file);
}

std::string restore(const std::string& ledger_path, const std::string& file) {
    std::error_code ec;
    if (fs::exists(ledger_path, ec) && fs::equivalent(file, ledger_path, ec))
        throw InputError(tr(Msg::err_is_the_ledger, file), tr(Msg::hint_restore_from_backup_file));
    auto source = store::Store::open(file);  // refuses a non-ledger, a newer one, a damaged one
    if (auto problems = store::integrity_problems(source.connection()); !problems.empty())
        throw LedgerError(tr(Msg::err_backup_integrity, file, problems.front()),
                          tr(Msg::hint_backup_integrity));
    std::string safety;
    if (fs::exists(ledger_path, ec)) {
        safety = fmt::format("{}.before-restore-{}", ledger_path, local_stamp());
        std::optional<store::Store> current;
        try {
            current.emplace(store::Store::open(ledger_path));
        } catch (const Error&) {
            // A damaged ledger (the usual reason to restore) cannot be opened: keep its raw bytes
            // aside, then replace it with a fresh file.
        }
        if (current) {
            copy_to(*current, safety);
            store::copy_database(source.connection(), current->connection());
            return safety;
        }
        fs::copy_file(ledger_path, safety, ec);
        if (ec)
            throw LedgerError(tr(Msg::err_keep_copy, ledger_path, ec.message()),
                              tr(Msg::hint_keep_copy));
        if (fs::exists(ledger_path + "-wal", ec))
            fs::copy_file(ledger_path + "-wal", safety + "-wal", ec);
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ledger_path + suffix, ec);
    }
    store::Connection target(ledger_path, store::Connection::Mode::create);
    store::copy_database(source.connection(), target);
    return safety;
}

}  // namespace infotally::ledger

namespace infotally::ledger {

std::vector<std::string> check(store::Store& store) {
    return store::integrity_problems(store.connection());
}

}  // namespace infotally::ledger
