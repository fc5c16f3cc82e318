// infotally: the terminal face. Parses the command line, calls one library function per
// command, prints what it returns. The one catch for the one error family is here.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/context.hpp"
#include "lib/model/error.hpp"

namespace {

// The command line as the journal records it: "infotally submit '检察开放日 活动' --kind 宣传".
std::string command_line(int argc, char** argv) {
    std::string out = "infotally";
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        const bool plain = !arg.empty() && arg.find_first_of(" \t\n'\"\\$`;&|<>()*?") == std::string::npos;
        out += ' ';
        if (plain) {
            out += arg;
        } else {
            out += '\'';
            for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
            out += '\'';
        }
    }
    return out;
}

int print_error(const std::string& what, const std::string& hint, int code) {
    std::fprintf(stderr, "infotally: error: %s\n", what.c_str());
    if (!hint.empty()) std::fprintf(stderr, "infotally: hint: %s\n", hint.c_str());
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace infotally;
    cli::Context ctx;
    ctx.command_line = command_line(argc, argv);
    CLI::App app{"infotally — 信息宣传 quota tracking: record submissions and adoptions, score them by "
                 "your unit's rules, report monthly and tally the year.",
                 "infotally"};
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--db", ctx.db, "ledger file (default: $INFOTALLY_DB, then ./infotally.db)");
    app.add_option("--format", ctx.format, "output format: table, csv (opens in Excel) or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
    app.add_option("--lang", ctx.lang, "interface language: zh or en");
    app.add_flag("--no-color", ctx.no_color, "no colour in tables");

    cli::set_setup_commands(app, ctx);
    cli::set_record_commands(app, ctx);
    cli::set_report_commands(app, ctx);
    cli::set_history_commands(app, ctx);
    cli::set_help_commands(app, ctx);

    try {
        app.parse(argc, argv);
        return 0;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return print_error(e.what(), "run 'infotally --help' (or 'infotally COMMAND --help') for usage",
                           static_cast<int>(ExitCode::usage));
    } catch (const Error& e) {
        return print_error(e.what(), e.hint(), e.exit_code());
    } catch (const std::exception& e) {
        return print_error(std::string("unexpected failure: ") + e.what(),
                           "this is a bug in infotally; nothing was written. Please report it.",
                           static_cast<int>(ExitCode::data));
    }
}
