// status, report, tally, explain.
#include "cli/context.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/reports.hpp"

namespace infotally::cli {
namespace {

// `report month` and `tally` also take --format after the command, where html is offered: one
// page to open in a browser or print (the global --format sets the same value).
void add_page_format(CLI::App* command, Context& ctx) {
    command->add_option("--format", ctx.format, tr(Msg::help_page_format))
        ->check(CLI::IsMember({"table", "csv", "json", "html"}));
}

}  // namespace

void set_report_commands(CLI::App& app, Context& ctx) {
    struct StatusOptions {
        std::optional<std::string> year, as_of, by;
        bool chart = false;
    };
    auto st = std::make_shared<StatusOptions>();
    auto* status = app.add_subcommand("status", tr(Msg::help_status));
    add_text(status, "--year", st->year, tr(Msg::help_status_year));
    add_text(status, "--as-of", st->as_of, tr(Msg::help_status_as_of));
    add_text(status, "--by", st->by, tr(Msg::help_status_by));
    status->add_flag("--chart", st->chart, tr(Msg::help_status_chart));
    status->footer(tr(Msg::help_status_footer));
    status->callback([&ctx, st] {
        if (st->chart && ctx.output_format() != io::Format::table)
            throw UsageError(tr(Msg::err_chart_format, ctx.format), tr(Msg::hint_chart_format));
        auto store = ctx.open_to_read();
        if (!st->chart) return ctx.print(report::status_report(store, st->year, st->as_of, st->by));
        const auto options = ctx.text_options();
        report::ChartStyle style;
        if (options.max_width > 0) style.width = options.max_width;
        style.color = options.color;
        const auto chart = report::status_chart(store, st->year, st->as_of, st->by, style);
        ctx.write(chart.text);
        if (chart.overdue) {
            ctx.write("\n");
            ctx.print(*chart.overdue);
        }
    });

    auto* report_cmd = app.add_subcommand("report", tr(Msg::help_report));
    report_cmd->require_subcommand(1);
    auto month = std::make_shared<std::string>();
    auto* month_cmd = report_cmd->add_subcommand("month", tr(Msg::help_report_month));
    month_cmd->footer(tr(Msg::help_report_month_footer));
    month_cmd->add_option("MONTH", *month, tr(Msg::help_report_month_month))->required();
    add_page_format(month_cmd, ctx);
    month_cmd->callback([&ctx, month] {
        auto store = ctx.open_to_read(true);
        if (ctx.html()) return ctx.write(report::month_report_html(store, *month));
        ctx.print(report::month_report(store, *month));
    });

    struct TallyOptions {
        std::string year;
        std::optional<std::string> by;
    };
    auto to = std::make_shared<TallyOptions>();
    auto* tally = app.add_subcommand("tally", tr(Msg::help_tally));
    tally->add_option("YEAR", to->year, tr(Msg::help_tally_year))->required();
    add_text(tally, "--by", to->by, tr(Msg::help_tally_by));
    tally->footer(tr(Msg::help_tally_footer));
    add_page_format(tally, ctx);
    tally->callback([&ctx, to] {
        auto store = ctx.open_to_read(true);
        if (ctx.html()) return ctx.write(report::tally_report_html(store, to->year, to->by));
        ctx.print(report::tally_report(store, to->year, to->by));
    });

    struct ExplainOptions {
        std::optional<std::string> id, person, year;
    };
    auto eo = std::make_shared<ExplainOptions>();
    auto* explain = app.add_subcommand("explain", tr(Msg::help_explain));
    explain->add_option_function<std::string>(
        "ADOPTION_ID", [eo](const std::string& v) { eo->id = v; }, tr(Msg::help_explain_adoption));
    add_text(explain, "--person", eo->person, tr(Msg::help_explain_person));
    add_text(explain, "--year", eo->year, tr(Msg::help_explain_year));
    explain->footer(tr(Msg::help_explain_footer));
    explain->callback([&ctx, eo] {
        auto store = ctx.open_to_read();
        if (eo->id && !eo->person) return ctx.print(report::explain_adoption(store, *eo->id));
        if (eo->person && !eo->id) {
            if (!eo->year)
                throw UsageError(tr(Msg::err_explain_needs_year), tr(Msg::hint_explain_needs_year));
            return ctx.print(report::explain_person(store, *eo->person, *eo->year));
        }
        throw UsageError(tr(Msg::err_explain_what), tr(Msg::hint_explain_what));
    });
}

}  // namespace infotally::cli
