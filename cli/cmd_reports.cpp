// status, report, tally, explain.
#include "cli/context.hpp"
#include "lib/model/error.hpp"
#include "lib/report/reports.hpp"

namespace infotally::cli {

void set_report_commands(CLI::App& app, Context& ctx) {
    struct StatusOptions {
        std::optional<std::string> year, as_of, by;
    };
    auto st = std::make_shared<StatusOptions>();
    auto* status = app.add_subcommand("status", "quota completion so far, pace to year end, who is behind; overdue pieces");
    add_text(status, "--year", st->year, "year (default: this year, or --as-of's)");
    add_text(status, "--as-of", st->as_of, "the date to measure at (default: today, or the year's end)");
    add_text(status, "--by", st->by, "dept (default) or person");
    status->callback([&ctx, st] {
        auto store = ctx.open();
        ctx.print(report::status_report(store, st->year, st->as_of, st->by));
    });

    auto* report_cmd = app.add_subcommand("report", "periodic reports");
    report_cmd->require_subcommand(1);
    auto month = std::make_shared<std::string>();
    auto* month_cmd = report_cmd->add_subcommand("month", "the monthly report: month and year to date per department, 同比, adoptions");
    month_cmd->add_option("MONTH", *month, "YYYY-MM")->required();
    month_cmd->callback([&ctx, month] {
        auto store = ctx.open();
        ctx.print(report::month_report(store, *month));
    });

    struct TallyOptions {
        std::string year;
        std::optional<std::string> by;
    };
    auto to = std::make_shared<TallyOptions>();
    auto* tally = app.add_subcommand("tally", "the year-end reward tally: points, money, penalties, net");
    tally->add_option("YEAR", to->year, "the year")->required();
    add_text(tally, "--by", to->by, "person or dept (default: whom the rules score)");
    tally->callback([&ctx, to] {
        auto store = ctx.open();
        ctx.print(report::tally_report(store, to->year, to->by));
    });

    struct ExplainOptions {
        std::optional<std::string> id, person, year;
    };
    auto eo = std::make_shared<ExplainOptions>();
    auto* explain = app.add_subcommand("explain", "every rule and number behind an adoption's score or a person's figure");
    explain->add_option_function<std::string>("ADOPTION_ID", [eo](const std::string& v) { eo->id = v; }, "adoption number");
    add_text(explain, "--person", eo->person, "a person's name (with --year)");
    add_text(explain, "--year", eo->year, "the year (with --person)");
    explain->callback([&ctx, eo] {
        auto store = ctx.open();
        if (eo->id && !eo->person) return ctx.print(report::explain_adoption(store, *eo->id));
        if (eo->person && !eo->id) {
            if (!eo->year) throw UsageError("explain --person needs --year", "infotally explain --person NAME --year 2026");
            return ctx.print(report::explain_person(store, *eo->person, *eo->year));
        }
        throw UsageError("explain takes an adoption number or --person NAME --year Y",
                         "infotally explain 17, or infotally explain --person 张三 --year 2026");
    });
}

}  // namespace infotally::cli
