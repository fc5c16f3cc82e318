// log, undo, backup, restore, check.
#include "cli/context.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/listing.hpp"

namespace infotally::cli {

void set_history_commands(CLI::App& app, Context& ctx) {
    auto limit = std::make_shared<int>(20);
    auto* log = app.add_subcommand("log", tr(Msg::help_log));
    log->footer(tr(Msg::help_log_footer));
    log->add_option("--limit", *limit, tr(Msg::help_log_limit))->check(CLI::NonNegativeNumber);
    log->callback([&ctx, limit] {
        auto store = ctx.open_to_read();
        ctx.print(report::log_table(store, *limit));
    });

    auto entry = std::make_shared<std::optional<std::string>>();
    auto* undo = app.add_subcommand("undo", tr(Msg::help_undo));
    undo->footer(tr(Msg::help_undo_footer));
    undo->add_option_function<std::string>(
        "ENTRY", [entry](const std::string& v) { *entry = v; }, tr(Msg::help_undo_entry));
    undo->callback([&ctx, entry] {
        auto store = ctx.open();
        auto r = ledger::undo(store, *entry);
        if (r.redone)
            ctx.say(tr(Msg::say_redone, r.redone->id, r.redone->command,
                       store::describe_changes(r.redone->changes)));
        else
            ctx.say(tr(Msg::say_undone, r.reverted.id, r.reverted.command,
                       store::describe_changes(r.reverted.changes)));
    });

    auto file = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    auto* backup = app.add_subcommand("backup", tr(Msg::help_backup));
    backup->footer(tr(Msg::help_backup_footer));
    backup->add_option("FILE", *file, tr(Msg::help_backup_file))->required();
    backup->add_flag("--force", *force, tr(Msg::help_backup_force));
    backup->callback([&ctx, file, force] {
        auto store = ctx.open();
        ledger::backup(store, *file, *force);
        ctx.say(tr(Msg::say_backed_up, store.path(), *file));
    });

    auto from = std::make_shared<std::string>();
    auto* restore = app.add_subcommand("restore", tr(Msg::help_restore));
    restore->footer(tr(Msg::help_restore_footer));
    restore->add_option("FILE", *from, tr(Msg::help_restore_file))->required();
    restore->callback([&ctx, from] {
        auto safety = ledger::restore(ctx.ledger_path(), *from);
        ctx.say(safety.empty() ? tr(Msg::say_restored, ctx.ledger_path(), *from)
                               : tr(Msg::say_restored_kept, ctx.ledger_path(), *from, safety));
    });

    app.add_subcommand("check", tr(Msg::help_check))->callback([&ctx] {
        auto store = ctx.open();
        auto problems = ledger::check(store);
        if (problems.empty()) return ctx.say(tr(Msg::say_file_ok, store.path()));
        std::string what = tr(Msg::err_ledger_problems, store.path(), problems.size());
        for (const auto& p : problems) what += "\n" + p;
        throw LedgerError(what, tr(Msg::hint_restore_with_command));
    });
}

}  // namespace infotally::cli
