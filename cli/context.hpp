#pragma once
// What every command shares: the global options, opening the ledger, printing a table in the
// chosen format. Commands register themselves with set_<group>_commands(app, ctx).
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

#include "lib/io/sections.hpp"
#include "lib/io/table.hpp"
#include "lib/store/store.hpp"

namespace infotally::cli {

struct Context {
    std::optional<std::string> db;  // --db
    std::string format = "table";   // --format
    std::string lang;               // --lang (interface language; issue #6)
    bool no_color = false;          // --no-color
    std::string command_line;       // as typed, for the audit journal

    std::string ledger_path() const { return store::resolve_ledger_path(db); }
    // Opens the ledger. --format html is refused here (a usage error) unless the command makes
    // an HTML page (`report month`, `tally`): before anything is read or written.
    store::Store open(bool makes_page = false) const;
    // The same for a command that only reads (reports, export): all it reads is one snapshot
    // of the ledger (Store::read_one_snapshot).
    store::Store open_to_read(bool makes_page = false) const;
    // --format html: the command should write its page (see write()).
    bool html() const;
    // table, csv or json; html is a usage error (the command makes no page).
    io::Format output_format() const;
    io::TextOptions text_options() const;
    // Prints the table to stdout in --format (table, csv or json).
    void print(const io::Table& table) const;
    void print(const io::Sections& sections) const;
    // Prints a line on stdout (for table format) — confirmations like "added department office".
    void say(const std::string& line) const;
    // Writes text to stdout as it is (an HTML page).
    void write(const std::string& text) const;
};

// An option that may be left out: its value lands in `target` only when given.
CLI::Option* add_text(CLI::App* app, const std::string& name, std::optional<std::string>& target,
                      const std::string& description);

void set_setup_commands(CLI::App& app, Context& ctx);     // init, rules, dept, person, outlet
void set_record_commands(CLI::App& app, Context& ctx);    // submit, adopt, edit, remove, show, list
void set_report_commands(CLI::App& app, Context& ctx);    // status, report, tally, explain
void set_transfer_commands(CLI::App& app, Context& ctx);  // import, export
void set_history_commands(CLI::App& app, Context& ctx);   // log, undo, backup, restore, check
void set_help_commands(CLI::App& app, Context& ctx);      // help, completion (+ hidden helpers)

}  // namespace infotally::cli
