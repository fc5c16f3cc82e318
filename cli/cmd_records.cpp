// submit, adopt, edit, remove, show, list.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/report/listing.hpp"

namespace infotally::cli {
namespace {

// The submission flags, shared by `submit` and `edit` so both take the same words.
void add_submission_flags(CLI::App* cmd, ledger::SubmissionFields& f, bool for_edit) {
    add_text(cmd, "--kind", f.kind, "info (信息) or publicity (宣传), or a kind from the year's rules");
    add_text(cmd, "--dept", f.dept, "department code (default: the first author's department on that date)");
    cmd->add_option("--author", f.authors, "author NAME or NAME:SHARE (repeat for co-authors; shares sum to 1)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_text(cmd, "--category", f.category, "category, e.g. 动态, 经验, 调研");
    add_text(cmd, "--length", f.length, "length in characters");
    add_text(cmd, "--destination", f.destination, "where it was sent, e.g. direct (直报)");
    add_text(cmd, "--occurred", f.occurred, "date the reported event happened (for time limits)");
    add_text(cmd, "--due", f.due, "deadline of a commissioned piece (约稿)");
    cmd->add_option_function<std::vector<std::string>>(
           "--tag", [&f](const std::vector<std::string>& v) { f.tags = v; },
           "a label the rules can match, e.g. 重要, 约稿 (repeat for more)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    if (for_edit) add_text(cmd, "--title", f.title, "new title");
}

void add_adoption_flags(CLI::App* cmd, ledger::AdoptionFields& f) {
    add_text(cmd, "--outlet", f.outlet, "the outlet that adopted it (see 'outlet list')");
    add_text(cmd, "--form", f.form, "whole (单条), merged (综合) or brief (简讯)");
    add_text(cmd, "--placement", f.placement, "front-page (头版), lead (头条), front-lead (头版头条), full-page (整版)");
    add_text(cmd, "--endorsed-by", f.endorsed_by, "level of the leader who endorsed it (批示): central, provincial, city, city-office, county");
    add_text(cmd, "--fee", f.fee, "fee paid by the outlet, in yuan");
}

void set_submit(CLI::App& app, Context& ctx) {
    auto f = std::make_shared<ledger::SubmissionFields>();
    auto* cmd = app.add_subcommand("submit", "record a piece sent up (报送); prints its number");
    cmd->footer("Examples:\n  infotally submit 关于未成年人检察工作的信息 --kind 信息 --dept gongsu --author 李四 --date 2026-03-02\n  id=$(infotally submit 检察开放日活动 --kind 宣传 --author 张三:0.6 --author 王芳:0.4 --category 动态)");
    cmd->add_option_function<std::string>("TITLE", [f](const std::string& v) { f->title = v; }, "the piece's title")
        ->required();
    add_submission_flags(cmd, *f, false);
    add_text(cmd, "--date", f->date, "submission date (default: today)");
    cmd->callback([&ctx, f] {
        auto store = ctx.open();
        ctx.say(std::to_string(ledger::submit(store, *f)));
    });
}

void set_adopt(CLI::App& app, Context& ctx) {
    auto f = std::make_shared<ledger::AdoptionFields>();
    auto* cmd = app.add_subcommand("adopt", "record an adoption (采用) of a submission; prints its number");
    cmd->footer("Examples:\n  infotally adopt 17 --outlet 检察日报 --date 2026-03-20 --placement 头版\n  infotally adopt 17 --outlet 省院《检察信息》 --form 综合 --endorsed-by 市领导");
    cmd->add_option_function<std::string>("SUBMISSION_ID", [f](const std::string& v) { f->submission = v; },
                                          "the number 'submit' printed")
        ->required();
    add_adoption_flags(cmd, *f);
    cmd->get_option("--outlet")->required();
    add_text(cmd, "--date", f->date, "adoption date (default: today)");
    cmd->callback([&ctx, f] {
        auto store = ctx.open();
        ctx.say(std::to_string(ledger::adopt(store, *f)));
    });
}

void set_edit(CLI::App& app, Context& ctx) {
    struct Options {
        std::string id;
        ledger::SubmissionFields submission;
        ledger::AdoptionFields adoption;
        std::optional<std::string> date;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("edit", "correct a submission or an adoption; only the fields given change");
    cmd->footer("Examples:\n  infotally edit 17 --title 新标题 --category 经验\n  infotally edit 18 --outlet 检察日报 --date 2026-03-21");
    cmd->add_option("ID", o->id, "record number")->required();
    add_submission_flags(cmd, o->submission, true);
    add_adoption_flags(cmd, o->adoption);
    add_text(cmd, "--submission", o->adoption.submission, "move an adoption to another submission");
    add_text(cmd, "--date", o->date, "the record's date (submission or adoption date)");
    cmd->callback([&ctx, o] {
        o->submission.date = o->date;
        o->adoption.date = o->date;
        auto store = ctx.open();
        auto r = ledger::edit(store, o->id, o->submission, o->adoption);
        ctx.say(fmt::format("changed {} {}", r.kind == store::RecordKind::submission ? "submission" : "adoption", r.id));
    });
}

void set_remove(CLI::App& app, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("remove", "remove a submission or an adoption");
    cmd->footer("Examples:\n  infotally remove 18\n  infotally remove 17 --force   (a submission with its adoptions)\nUndo with: infotally undo");
    cmd->add_option("ID", *id, "record number")->required();
    cmd->add_flag("--force", *force, "also remove a submission's adoptions");
    cmd->callback([&ctx, id, force] {
        auto store = ctx.open();
        auto r = ledger::remove(store, *id, *force);
        if (r.kind == store::RecordKind::adoption) ctx.say(fmt::format("removed adoption {}", r.id));
        else ctx.say(fmt::format("removed submission {}{}", r.id,
                                 r.adoptions_removed ? fmt::format(" and its {} adoption(s)", r.adoptions_removed) : ""));
    });
}

void set_show(CLI::App& app, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("show", "show one record (and a submission's adoptions)");
    cmd->footer("Example:\n  infotally show 17");
    cmd->add_option("ID", *id, "record number")->required();
    cmd->callback([&ctx, id] {
        auto store = ctx.open();
        auto view = report::show_record(store, *id);
        ctx.print(view.fields);
        if (!view.adoptions.columns.empty() && ctx.output_format() == io::Format::table) {
            ctx.say("");
            ctx.print(view.adoptions);
        }
    });
}

void set_list(CLI::App& app, Context& ctx) {
    auto* list = app.add_subcommand("list", "list submissions or adoptions");
    list->require_subcommand(1);
    for (std::string what : {"submissions", "adoptions"}) {
        auto f = std::make_shared<report::ListFilter>();
        auto* cmd = list->add_subcommand(what, "list " + what);
        add_text(cmd, "--year", f->year, "only this year");
        add_text(cmd, "--month", f->month, "only this month (YYYY-MM)");
        add_text(cmd, "--dept", f->dept, "only this department");
        add_text(cmd, "--person", f->person, "only pieces this person wrote");
        cmd->callback([&ctx, f, what] {
            auto store = ctx.open();
            ctx.print(what == "submissions" ? report::submissions_table(store, *f) : report::adoptions_table(store, *f));
        });
    }
}

}  // namespace

void set_record_commands(CLI::App& app, Context& ctx) {
    set_submit(app, ctx);
    set_adopt(app, ctx);
    set_edit(app, ctx);
    set_remove(app, ctx);
    set_show(app, ctx);
    set_list(app, ctx);
}

}  // namespace infotally::cli
