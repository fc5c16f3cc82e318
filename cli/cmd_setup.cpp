// init, rules, dept, person, outlet.
#include "cli/context.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/listing.hpp"
#include "lib/report/rules_view.hpp"

namespace infotally::cli {

namespace {

void set_init(CLI::App& app, Context& ctx) {
    struct Options {
        std::string unit = "本单位";
        std::optional<std::string> rules;
    };
    auto opt = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("init", tr(Msg::help_init));
    cmd->footer(tr(Msg::help_init_footer));
    cmd->add_option("--unit", opt->unit, tr(Msg::help_init_unit));
    add_text(cmd, "--rules", opt->rules, tr(Msg::help_init_rules));
    cmd->callback([&ctx, opt] {
        auto r = ledger::init(ctx.ledger_path(), {opt->unit, opt->rules, ctx.command_line});
        ctx.say(tr(Msg::say_ledger_created, r.path, opt->unit, r.rules_year));
    });
}

void set_rules(CLI::App& app, Context& ctx) {
    auto* rules = app.add_subcommand("rules", tr(Msg::help_rules));
    rules->require_subcommand(1);

    auto file = std::make_shared<std::string>();
    auto* check = rules->add_subcommand("check", tr(Msg::help_rules_check));
    check->footer(tr(Msg::help_rules_check_footer));
    check->add_option("FILE", *file, tr(Msg::help_rules_file))->required();
    check->callback([&ctx, file] { ctx.say(report::check_rules_file(*file)); });

    auto year = std::make_shared<std::optional<std::string>>();
    auto* show = rules->add_subcommand("show", tr(Msg::help_rules_show));
    add_text(show, "--year", *year, tr(Msg::help_year_default_this));
    show->callback([&ctx, year] {
        auto store = ctx.open();
        auto text = report::stored_rules_text(store, *year);
        std::fwrite(text.data(), 1, text.size(), stdout);
    });

    auto set_file = std::make_shared<std::string>();
    auto set_year = std::make_shared<std::string>();
    auto* set = rules->add_subcommand("set", tr(Msg::help_rules_set));
    set->footer(tr(Msg::help_rules_set_footer));
    set->add_option("FILE", *set_file, tr(Msg::help_rules_file))->required();
    set->add_option("--year", *set_year, tr(Msg::help_rules_set_year))->required();
    set->callback([&ctx, set_file, set_year] {
        auto store = ctx.open();
        ctx.say(report::set_rules_file(store, *set_file, *set_year));
    });
}

void set_dept(CLI::App& app, Context& ctx) {
    auto* dept = app.add_subcommand("dept", tr(Msg::help_dept));
    dept->require_subcommand(1);
    auto code = std::make_shared<std::string>(), name = std::make_shared<std::string>();
    auto* add = dept->add_subcommand("add", tr(Msg::help_dept_add));
    add->footer(tr(Msg::help_dept_add_footer));
    add->add_option("CODE", *code, tr(Msg::help_dept_code_new))->required();
    add->add_option("NAME", *name, tr(Msg::help_dept_name))->required();
    add->callback([&ctx, code, name] {
        auto store = ctx.open();
        auto d = ledger::add_department(store, *code, *name);
        ctx.say(tr(Msg::say_dept_added, d.code, d.name));
    });
    dept->add_subcommand("list", tr(Msg::help_dept_list))->callback([&ctx] {
        auto store = ctx.open();
        ctx.print(report::departments_table(store));
    });
    auto retire_code = std::make_shared<std::string>();
    auto retire_on = std::make_shared<std::optional<std::string>>();
    auto* retire = dept->add_subcommand("retire", tr(Msg::help_dept_retire));
    retire->footer(tr(Msg::help_dept_retire_footer));
    retire->add_option("CODE", *retire_code, tr(Msg::help_dept_code))->required();
    add_text(retire, "--on", *retire_on, tr(Msg::help_dept_retire_on));
    retire->callback([&ctx, retire_code, retire_on] {
        auto store = ctx.open();
        auto d = ledger::retire_department(store, *retire_code, *retire_on);
        ctx.say(tr(Msg::say_dept_retired, d.code, d.name, d.retired_on->iso()));
    });
}

void set_person(CLI::App& app, Context& ctx) {
    auto* person = app.add_subcommand("person", tr(Msg::help_person));
    person->require_subcommand(1);
    struct Options {
        std::string name, dept, from;
        std::optional<std::string> since;
    };
    auto add_opt = std::make_shared<Options>();
    auto* add = person->add_subcommand("add", tr(Msg::help_person_add));
    add->footer(tr(Msg::help_person_add_footer));
    add->add_option("NAME", add_opt->name, tr(Msg::help_person_name_new))->required();
    add->add_option("--dept", add_opt->dept, tr(Msg::help_dept_code))->required();
    add_text(add, "--since", add_opt->since, tr(Msg::help_person_since));
    add->callback([&ctx, add_opt] {
        auto store = ctx.open();
        auto p = ledger::add_person(store, add_opt->name, add_opt->dept, add_opt->since);
        ctx.say(tr(Msg::say_person_added, p.name, p.current().dept_code, p.current().dept_name));
    });
    person->add_subcommand("list", tr(Msg::help_person_list))->callback([&ctx] {
        auto store = ctx.open();
        ctx.print(report::people_table(store));
    });
    auto move_opt = std::make_shared<Options>();
    auto* move = person->add_subcommand("move", tr(Msg::help_person_move));
    move->footer(tr(Msg::help_person_move_footer));
    move->add_option("NAME", move_opt->name, tr(Msg::help_person_name))->required();
    move->add_option("--dept", move_opt->dept, tr(Msg::help_person_move_dept))->required();
    move->add_option("--from", move_opt->from, tr(Msg::help_person_move_from))->required();
    move->callback([&ctx, move_opt] {
        auto store = ctx.open();
        auto p = ledger::move_person(store, move_opt->name, move_opt->dept, move_opt->from);
        const auto& m = p.membership_on(*model::Date::parse(move_opt->from));
        ctx.say(tr(Msg::say_person_moved, p.name, m.dept_code, m.dept_name, m.since.iso()));
    });
}

void set_outlet(CLI::App& app, Context& ctx) {
    auto* outlet = app.add_subcommand("outlet", tr(Msg::help_outlet));
    outlet->require_subcommand(1);
    struct Options {
        std::string name, level;
        std::optional<std::string> media;
    };
    auto opt = std::make_shared<Options>();
    auto* add = outlet->add_subcommand("add", tr(Msg::help_outlet_add));
    add->footer(tr(Msg::help_outlet_add_footer));
    add->add_option("NAME", opt->name, tr(Msg::help_outlet_name))->required();
    add->add_option("--level", opt->level, tr(Msg::help_outlet_level))->required();
    add_text(add, "--media", opt->media, tr(Msg::help_outlet_media));
    add->callback([&ctx, opt] {
        auto store = ctx.open();
        const auto added = ledger::add_outlet(store, opt->name, opt->level, opt->media);
        ctx.say(tr(Msg::say_outlet_added, added.outlet.name, added.level_name, added.media_name));
    });
    outlet->add_subcommand("list", tr(Msg::help_outlet_list))->callback([&ctx] {
        auto store = ctx.open();
        ctx.print(report::outlets_table(store));
    });
}

}  // namespace

void set_setup_commands(CLI::App& app, Context& ctx) {
    set_init(app, ctx);
    set_rules(app, ctx);
    set_dept(app, ctx);
    set_person(app, ctx);
    set_outlet(app, ctx);
}

}  // namespace infotally::cli
