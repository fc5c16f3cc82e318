// submit, adopt, edit, remove, show, list.
#include "cli/context.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/listing.hpp"

namespace infotally::cli {
namespace {

// The submission flags, shared by `submit` and `edit` so both take the same words.
void add_submission_flags(CLI::App* cmd, ledger::SubmissionFields& f, bool for_edit) {
    add_text(cmd, "--kind", f.kind, tr(Msg::help_sub_kind));
    add_text(cmd, "--dept", f.dept, tr(Msg::help_sub_dept));
    cmd->add_option("--author", f.authors, tr(Msg::help_sub_author))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    add_text(cmd, "--category", f.category, tr(Msg::help_sub_category));
    add_text(cmd, "--length", f.length, tr(Msg::help_sub_length));
    add_text(cmd, "--destination", f.destination, tr(Msg::help_sub_destination));
    add_text(cmd, "--occurred", f.occurred, tr(Msg::help_sub_occurred));
    add_text(cmd, "--due", f.due, tr(Msg::help_sub_due));
    cmd->add_option_function<std::vector<std::string>>(
           "--tag", [&f](const std::vector<std::string>& v) { f.tags = v; }, tr(Msg::help_sub_tag))
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    if (for_edit) add_text(cmd, "--title", f.title, tr(Msg::help_sub_title_new));
}

void add_adoption_flags(CLI::App* cmd, ledger::AdoptionFields& f) {
    add_text(cmd, "--outlet", f.outlet, tr(Msg::help_adopt_outlet));
    add_text(cmd, "--form", f.form, tr(Msg::help_adopt_form));
    add_text(cmd, "--placement", f.placement, tr(Msg::help_adopt_placement));
    add_text(cmd, "--endorsed-by", f.endorsed_by, tr(Msg::help_adopt_endorsed_by));
    add_text(cmd, "--fee", f.fee, tr(Msg::help_adopt_fee));
}

void set_submit(CLI::App& app, Context& ctx) {
    auto f = std::make_shared<ledger::SubmissionFields>();
    auto* cmd = app.add_subcommand("submit", tr(Msg::help_submit));
    cmd->footer(tr(Msg::help_submit_footer));
    cmd->add_option_function<std::string>(
           "TITLE", [f](const std::string& v) { f->title = v; }, tr(Msg::help_submit_title))
        ->required();
    add_submission_flags(cmd, *f, false);
    add_text(cmd, "--date", f->date, tr(Msg::help_submit_date));
    cmd->callback([&ctx, f] {
        auto store = ctx.open();
        ctx.say(std::to_string(ledger::submit(store, *f)));
    });
}

void set_adopt(CLI::App& app, Context& ctx) {
    auto f = std::make_shared<ledger::AdoptionFields>();
    auto* cmd = app.add_subcommand("adopt", tr(Msg::help_adopt));
    cmd->footer(tr(Msg::help_adopt_footer));
    cmd->add_option_function<std::string>(
           "SUBMISSION_ID", [f](const std::string& v) { f->submission = v; },
           tr(Msg::help_adopt_submission))
        ->required();
    add_adoption_flags(cmd, *f);
    cmd->get_option("--outlet")->required();
    add_text(cmd, "--date", f->date, tr(Msg::help_adopt_date));
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
    auto* cmd = app.add_subcommand("edit", tr(Msg::help_edit));
    cmd->footer(tr(Msg::help_edit_footer));
    cmd->add_option("ID", o->id, tr(Msg::help_record_id))->required();
    add_submission_flags(cmd, o->submission, true);
    add_adoption_flags(cmd, o->adoption);
    add_text(cmd, "--submission", o->adoption.submission, tr(Msg::help_edit_submission));
    add_text(cmd, "--date", o->date, tr(Msg::help_edit_date));
    cmd->callback([&ctx, o] {
        o->submission.date = o->date;
        o->adoption.date = o->date;
        auto store = ctx.open();
        auto r = ledger::edit(store, o->id, o->submission, o->adoption);
        ctx.say(tr(r.kind == store::RecordKind::submission ? Msg::say_submission_changed
                                                           : Msg::say_adoption_changed,
                   r.id));
    });
}

void set_remove(CLI::App& app, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("remove", tr(Msg::help_remove));
    cmd->footer(tr(Msg::help_remove_footer));
    cmd->add_option("ID", *id, tr(Msg::help_record_id))->required();
    cmd->add_flag("--force", *force, tr(Msg::help_remove_force));
    cmd->callback([&ctx, id, force] {
        auto store = ctx.open();
        auto r = ledger::remove(store, *id, *force);
        if (r.kind == store::RecordKind::adoption)
            ctx.say(tr(Msg::say_adoption_removed, r.id));
        else if (r.adoptions_removed)
            ctx.say(tr(Msg::say_submission_removed_with_adoptions, r.id, r.adoptions_removed));
        else
            ctx.say(tr(Msg::say_submission_removed, r.id));
    });
}

void set_show(CLI::App& app, Context& ctx) {
    auto id = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("show", tr(Msg::help_show));
    cmd->footer(tr(Msg::help_show_footer));
    cmd->add_option("ID", *id, tr(Msg::help_record_id))->required();
    cmd->callback([&ctx, id] {
        auto store = ctx.open_to_read();
        auto view = report::show_record(store, *id);
        ctx.print(ctx.output_format() == io::Format::json ? view.fields : view.labelled_fields());
        if (!view.adoptions.columns.empty() && ctx.output_format() == io::Format::table) {
            ctx.say("");
            ctx.print(view.adoptions);
        }
    });
}

void set_list(CLI::App& app, Context& ctx) {
    auto* list = app.add_subcommand("list", tr(Msg::help_list));
    list->require_subcommand(1);
    for (std::string what : {"submissions", "adoptions"}) {
        auto f = std::make_shared<report::ListFilter>();
        auto* cmd = list->add_subcommand(
            what,
            tr(what == "submissions" ? Msg::help_list_submissions : Msg::help_list_adoptions));
        add_text(cmd, "--year", f->year, tr(Msg::help_list_year));
        add_text(cmd, "--month", f->month, tr(Msg::help_list_month));
        add_text(cmd, "--dept", f->dept, tr(Msg::help_list_dept));
        add_text(cmd, "--person", f->person, tr(Msg::help_list_person));
        cmd->callback([&ctx, f, what] {
            auto store = ctx.open_to_read();
            ctx.print(what == "submissions" ? report::submissions_table(store, *f)
                                            : report::adoptions_table(store, *f));
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
