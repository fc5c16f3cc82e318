// log, undo, backup, restore, check.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/report/listing.hpp"

namespace infotally::cli {

void set_history_commands(CLI::App& app, Context& ctx) {
    auto limit = std::make_shared<int>(20);
    auto* log = app.add_subcommand("log", "the audit journal: every command that changed the ledger, newest first");
    log->footer("Example:\n  infotally log --limit 5");
    log->add_option("--limit", *limit, "how many entries (0 = all; default 20)")->check(CLI::NonNegativeNumber);
    log->callback([&ctx, limit] {
        auto store = ctx.open();
        ctx.print(report::log_table(store, *limit));
    });

    auto entry = std::make_shared<std::optional<std::string>>();
    auto* undo = app.add_subcommand("undo", "revert the latest command as a whole (undo an undo to redo)");
    undo->footer("Examples:\n  infotally undo        (the latest command; run it again to redo)\n  infotally undo 42     (journal entry 42, if no later command touched the same records)");
    undo->add_option_function<std::string>("ENTRY", [entry](const std::string& v) { *entry = v; },
                                           "a journal entry number from 'log' (default: the latest)");
    undo->callback([&ctx, entry] {
        auto store = ctx.open();
        auto r = ledger::undo(store, *entry);
        if (r.redone)
            ctx.say(fmt::format("redid entry {}: {} ({})", r.redone->id, r.redone->command,
                                store::describe_changes(r.redone->changes)));
        else
            ctx.say(fmt::format("undid entry {}: {} ({})", r.reverted.id, r.reverted.command,
                                store::describe_changes(r.reverted.changes)));
    });

    auto file = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    auto* backup = app.add_subcommand("backup", "write a consistent copy of the ledger (safe while others write)");
    backup->footer("Example:\n  infotally backup 台账-2026-11-22.db");
    backup->add_option("FILE", *file, "the copy to write")->required();
    backup->add_flag("--force", *force, "replace FILE if it exists");
    backup->callback([&ctx, file, force] {
        auto store = ctx.open();
        ledger::backup(store, *file, *force);
        ctx.say(fmt::format("backed up {} to {}", store.path(), *file));
    });

    auto from = std::make_shared<std::string>();
    auto* restore = app.add_subcommand("restore", "replace the ledger with a backup, after checking the backup");
    restore->footer("Example:\n  infotally restore 台账-2026-11-22.db\n(the ledger as it was is kept beside it as …before-restore-TIME)");
    restore->add_option("FILE", *from, "the backup to restore")->required();
    restore->callback([&ctx, from] {
        auto safety = ledger::restore(ctx.ledger_path(), *from);
        ctx.say(fmt::format("restored {} from {}{}", ctx.ledger_path(), *from,
                            safety.empty() ? "" : fmt::format(" (the ledger as it was is kept in {})", safety)));
    });

    app.add_subcommand("check", "check the ledger file's integrity")->callback([&ctx] {
        auto store = ctx.open();
        auto problems = ledger::check(store);
        if (problems.empty()) return ctx.say(fmt::format("{}: ok", store.path()));
        std::string what = fmt::format("{} has {} problem(s):", store.path(), problems.size());
        for (const auto& p : problems) what += "\n" + p;
        throw LedgerError(what, "restore it from a backup with 'infotally restore FILE'");
    });
}

}  // namespace infotally::cli
