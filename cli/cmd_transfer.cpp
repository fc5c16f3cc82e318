// import, export.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/context.hpp"
#include "lib/io/encoding.hpp"
#include "lib/ledger/transfer.hpp"
#include "lib/model/error.hpp"

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
        if (p.file_size && *p.file_size > 0) {
            const auto percent = p.bytes_read * 100 / *p.file_size;
            std::fprintf(stderr, "\r\033[Kimporting %s: %d%% (%s rows)", m_file.c_str(),
                         static_cast<int>(percent), rows.c_str());
        } else {
            std::fprintf(stderr, "\r\033[Kimporting %s: %s rows", m_file.c_str(), rows.c_str());
        }
        std::fflush(stderr);
    }

  private:
    std::string m_file;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};

io::Table summary_table(const ledger::ImportResult& r) {
    io::Table t;
    const auto count = [](const char* key) {
        return io::Column{key, key, io::Align::right, io::CellType::integer};
    };
    t.columns = {{"file", "file", io::Align::left, io::CellType::text},
                 {"encoding", "encoding", io::Align::left, io::CellType::text},
                 {"dry_run", "dry_run", io::Align::left, io::CellType::text},
                 count("rows"),
                 count("submissions_added"),
                 count("submissions_present"),
                 count("adoptions_added"),
                 count("adoptions_present"),
                 count("departments_created"),
                 count("people_created"),
                 count("outlets_created"),
                 {"numbers_kept", "numbers_kept", io::Align::left, io::CellType::text}};
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
    auto* cmd = app.add_subcommand(
        "import", "read a CSV ledger (台账): one row per adoption; all rows or none are written");
    cmd->add_option("FILE", o->file, "the CSV file (- for standard input); see schemas/import.md")
        ->required();
    cmd->add_option("--encoding", o->encoding,
                    "auto (default: UTF-8, else GB18030 as Chinese Excel saves), utf-8 or gb18030");
    cmd->add_flag("--dry-run", o->dry_run,
                  "check every row and say what would be added; write nothing");
    cmd->add_flag("--create-missing", o->create_missing,
                  "create departments, people and outlets the ledger does not know yet");
    cmd->callback([&ctx, o] {
        const auto encoding = io::parse_encoding(o->encoding);
        if (!encoding) {
            throw UsageError(fmt::format("unknown --encoding '{}'", o->encoding),
                             "use --encoding auto, utf-8 or gb18030 (gbk is read as gb18030)");
        }
        auto store = ctx.open();
        ledger::ImportOptions options;
        options.file = o->file;
        options.encoding = *encoding;
        options.dry_run = o->dry_run;
        options.create_missing = o->create_missing;
        ledger::ImportResult result;
        {
            ProgressLine progress(o->file == "-" ? "standard input" : o->file);
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
    auto* cmd = app.add_subcommand(
        "export", "write the ledger as CSV in the import format (UTF-8 with BOM, opens in Excel)");
    add_text(cmd, "--year", o->year,
             "only the submissions of this year (with all their adoptions)");
    cmd->callback([&ctx, o] {
        auto store = ctx.open();
        ledger::export_ledger(store, *o, [](std::string_view block) {
            if (std::fwrite(block.data(), 1, block.size(), stdout) != block.size()) {
                throw InputError("cannot write the export to standard output",
                                 "check the disk or the pipe it goes to");
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
