// infotally: the terminal face. Parses the command line, calls one library function per
// command, prints what it returns. The one catch for the one error family is here.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "cli/context.hpp"
#include "cli/language.hpp"
#include "lib/io/text.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace {

// The command line as the journal records it: "infotally submit '检察开放日 活动' --kind 宣传".
std::string command_line(int argc, char** argv) {
    std::string out = "infotally";
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        const bool plain =
            !arg.empty() && arg.find_first_of(" \t\n'\"\\$`;&|<>()*?") == std::string::npos;
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

// Messages quote what the user typed or a file held: escaped, so that it cannot drive the terminal.
int print_error(const std::string& what, const std::string& hint, int code) {
    std::fprintf(stderr, "infotally: error: %s\n",
                 infotally::io::escape_for_terminal(what).c_str());
    if (!hint.empty()) {
        const auto line =
            infotally::tr(infotally::Msg::hint_line, infotally::io::escape_for_terminal(hint));
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace infotally;
    cli::Context ctx;
    ctx.command_line = command_line(argc, argv);
    try {
        // Before the commands: their help texts are translated as they are registered.
        cli::choose_language(argc, argv);
    } catch (const Error& e) {
        return print_error(e.what(), e.hint(), e.exit_code());
    }
    CLI::App app{tr(Msg::app_description), "infotally"};
    app.require_subcommand(1);
    app.fallthrough();
    // An empty --db ("--db $LEDGER" with LEDGER unset) must not fall back to another ledger.
    app.add_option("--db", ctx.db, tr(Msg::opt_db))
        ->check(CLI::Validator(
            [](const std::string& v) { return v.empty() ? tr(Msg::err_db_empty) : std::string(); },
            ""));
    app.add_option("--format", ctx.format, tr(Msg::opt_format))
        ->check(CLI::IsMember({"table", "csv", "json"}));
    app.add_option("--lang", ctx.lang, tr(Msg::opt_lang));
    app.add_flag("--no-color", ctx.no_color, tr(Msg::opt_no_color));
    app.set_version_flag("--version", "infotally " INFOTALLY_VERSION, tr(Msg::opt_version));

    cli::set_setup_commands(app, ctx);
    cli::set_record_commands(app, ctx);
    cli::set_report_commands(app, ctx);
    cli::set_transfer_commands(app, ctx);
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
        return print_error(e.what(), tr(Msg::hint_usage), static_cast<int>(ExitCode::usage));
    } catch (const Error& e) {
        return print_error(e.what(), e.hint(), e.exit_code());
    } catch (const std::exception& e) {
        return print_error(tr(Msg::err_unexpected, e.what()), tr(Msg::hint_unexpected),
                           static_cast<int>(ExitCode::data));
    }
}
