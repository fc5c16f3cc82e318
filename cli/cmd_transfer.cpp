// import, export.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/context.hpp"
#include "lib/io/encoding.hpp"
#include "lib/ledger/transfer.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::cli {
namespace {

// "importing 台账.csv: 45% (450,000 rows)" redrawn in place on a terminal, at most ten times a
// second; nothing at all when stderr is a file or a pipe (scripts, cron).
class ProgressLine {
  public:
    explicit ProgressLine(std::string file) : m_file(std::move(file)) {}
    ~ProgressLine() {
        if (m_drawn) std::fputs("\r\033[K", stderr);
    }
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void operator()(const ledger::ImportProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        if (m_drawn && now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        m_drawn = true;
        std::string rows = std::to_string(p.rows);
        for (int i = static_cast<int>(rows.size()) - 3; i > 0; i -= 3) {
            rows.insert(static_cast<std::size_t>(i), ",");
        }
        const auto line =
            p.file_size && *p.file_size > 0
                ? tr(Msg::progress_import_percent, m_file, p.bytes_read * 100 / *p.file_size, rows)
                : tr(Msg::progress_import_rows, m_file, rows);
        std::fprintf(stderr, "\r\033[K%s", line.c_str());
        std::fflush(stderr);
    }

  private:
    std::string m_file;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};

io::Table summary_table(const ledger::ImportResult& r) {
    io::Table t;
    // The keys are the JSON keys; the CSV header says them in the interface language.
    const auto count = [](const char* key, Msg header) {
        return io::Column{key, tr(header), io::Align::right, io::CellType::integer};
    };
    const auto text = [](const char* key, Msg header) {
        return io::Column{key, tr(header), io::Align::left, io::CellType::text};
    };
    t.columns = {text("file", Msg::sum_file),
                 text("encoding", Msg::sum_encoding),
                 text("dry_run", Msg::sum_dry_run),
                 count("rows", Msg::sum_rows),
                 count("submissions_added", Msg::sum_submissions_added),
                 count("submissions_present", Msg::sum_submissions_present),
                 count("adoptions_added", Msg::sum_adoptions_added),
                 count("adoptions_present", Msg::sum_adoptions_present),
                 count("departments_created", Msg::sum_departments_created),
                 count("people_created", Msg::sum_people_created),
                 count("outlets_created", Msg::sum_outlets_created),
                 text("numbers_kept", Msg::sum_numbers_kept)};
    const auto n = [](std::size_t v) { return std::to_string(v); };
    t.rows.push_back({r.file, std::string(io::encoding_name(r.encoding)),
                      r.dry_run ? "true" : "false", n(r.rows), n(r.submissions_added),
                      n(r.submissions_present), n(r.adoptions_added), n(r.adoptions_present),
                      n(r.departments_created), n(r.people_created), n(r.outlets_created),
                      r.numbers_kept ? "true" : "false"});
    return t;
}

void set_import(CLI::App& app, Context& ctx) {
    struct Options {
        std::string file;
        std::string encoding = "auto";
        bool dry_run = false;
        bool create_missing = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("import", tr(Msg::help_import));
    cmd->add_option("FILE", o->file, tr(Msg::help_import_file))->required();
    cmd->add_option("--encoding", o->encoding, tr(Msg::help_import_encoding));
    cmd->add_flag("--dry-run", o->dry_run, tr(Msg::help_import_dry_run));
    cmd->add_flag("--create-missing", o->create_missing, tr(Msg::help_import_create_missing));
    cmd->footer(tr(Msg::help_import_footer));
    cmd->callback([&ctx, o] {
        const auto encoding = io::parse_encoding(o->encoding);
        if (!encoding) {
            throw UsageError(tr(Msg::err_unknown_encoding, o->encoding),
                             tr(Msg::hint_unknown_encoding));
        }
        auto store = ctx.open();
        ledger::ImportOptions options;
        options.file = o->file;
        options.encoding = *encoding;
        options.dry_run = o->dry_run;
        options.create_missing = o->create_missing;
        ledger::ImportResult result;
        {
            ProgressLine progress(o->file == "-" ? tr(Msg::name_stdin) : o->file);
            if (::isatty(STDERR_FILENO) != 0) {
                options.progress = [&progress](const ledger::ImportProgress& p) { progress(p); };
            }
            result = ledger::import_ledger(store, options);
        }
        if (ctx.output_format() == io::Format::table) {
            ctx.say(ledger::describe(result));
        } else {
            ctx.print(summary_table(result));
        }
    });
}

void set_export(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ledger::ExportOptions>();
    auto* cmd = app.add_subcommand("export", tr(Msg::help_export));
    add_text(cmd, "--year", o->year, tr(Msg::help_export_year));
    cmd->footer(tr(Msg::help_export_footer));
    cmd->callback([&ctx, o] {
        auto store = ctx.open_to_read();
        ledger::export_ledger(store, *o, [](std::string_view block) {
            if (std::fwrite(block.data(), 1, block.size(), stdout) != block.size()) {
                throw InputError(tr(Msg::err_export_write), tr(Msg::hint_export_write));
            }
        });
        std::fflush(stdout);
    });
}

}  // namespace

void set_transfer_commands(CLI::App& app, Context& ctx) {
    set_import(app, ctx);
    set_export(app, ctx);
}

}  // namespace infotally::cli
