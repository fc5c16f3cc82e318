#include "lib/store/backup.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::store {

void copy_database(Connection& from, Connection& to) {
    sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!backup) to.fail(sqlite3_errcode(to.handle()), "backup");
    int rc = SQLITE_OK;
    // Copy in one step when possible; a busy or locked destination is retried for ~10 s.
    for (int attempt = 0; attempt < 200; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) to.fail(rc, "backup");
}

std::vector<std::string> integrity_problems(Connection& conn) {
    std::vector<std::string> out;
    auto st = conn.prepare("PRAGMA integrity_check");
    while (st.step()) {
        auto line = st.text(0);
        if (line != "ok") out.push_back(line);
    }
    auto fk = conn.prepare("PRAGMA foreign_key_check");
    while (fk.step())
        out.push_back(tr(Msg::integrity_missing_row, fk.int64(1), fk.text(0), fk.text(2)));
    return out;
}

}  // namespace infotally::store
