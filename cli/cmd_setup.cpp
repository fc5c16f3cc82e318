// init, rules, dept, person, outlet.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "lib/ledger/ledger.hpp"
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
    auto* cmd = app.add_subcommand("init", "create a new ledger (with the default rules for this year)");
    cmd->footer("Examples:\n  infotally init --unit 某某县人民检察院\n  infotally --db 台账.db init --unit 某某县人民检察院 --rules 考核办法.toml");
    cmd->add_option("--unit", opt->unit, "the unit's name, e.g. 某某县人民检察院");
    add_text(cmd, "--rules", opt->rules, "rules file (TOML) for this year instead of the default");
    cmd->callback([&ctx, opt] {
        auto r = ledger::init(ctx.ledger_path(), {opt->unit, opt->rules, ctx.command_line});
        ctx.say(fmt::format("created ledger {} for {} (rules for {})", r.path, opt->unit, r.rules_year));
    });
}

void set_rules(CLI::App& app, Context& ctx) {
    auto* rules = app.add_subcommand("rules", "check, show or set a year's scoring rules");
    rules->require_subcommand(1);

    auto file = std::make_shared<std::string>();
    auto* check = rules->add_subcommand("check", "validate a rules file; lists every problem as FILE:LINE");
    check->footer("Example:\n  infotally rules check 考核办法.toml");
    check->add_option("FILE", *file, "rules file (TOML)")->required();
    check->callback([&ctx, file] { ctx.say(report::check_rules_file(*file)); });

    auto year = std::make_shared<std::optional<std::string>>();
    auto* show = rules->add_subcommand("show", "print the rules stored for a year");
    add_text(show, "--year", *year, "year (default: this year)");
    show->callback([&ctx, year] {
        auto store = ctx.open();
        auto text = report::stored_rules_text(store, *year);
        std::fwrite(text.data(), 1, text.size(), stdout);
    });

    auto set_file = std::make_shared<std::string>();
    auto set_year = std::make_shared<std::string>();
    auto* set = rules->add_subcommand("set", "store a rules file for a year (replaces that year's rules)");
    set->footer("Example:\n  infotally rules set 考核办法2026.toml --year 2026");
    set->add_option("FILE", *set_file, "rules file (TOML)")->required();
    set->add_option("--year", *set_year, "the year these rules govern")->required();
    set->callback([&ctx, set_file, set_year] {
        auto store = ctx.open();
        ctx.say(report::set_rules_file(store, *set_file, *set_year));
    });
}

void set_dept(CLI::App& app, Context& ctx) {
    auto* dept = app.add_subcommand("dept", "departments (科室): add, list, retire");
    dept->require_subcommand(1);
    auto code = std::make_shared<std::string>(), name = std::make_shared<std::string>();
    auto* add = dept->add_subcommand("add", "add a department: CODE NAME, e.g. office 办公室");
    add->footer("Examples:\n  infotally dept add office 办公室\n  infotally dept add gongsu 第一检察部");
    add->add_option("CODE", *code, "short code used in commands, e.g. office")->required();
    add->add_option("NAME", *name, "the department's name, e.g. 办公室")->required();
    add->callback([&ctx, code, name] {
        auto store = ctx.open();
        auto d = ledger::add_department(store, *code, *name);
        ctx.say(fmt::format("added department {} {}", d.code, d.name));
    });
    dept->add_subcommand("list", "list departments")->callback([&ctx] {
        auto store = ctx.open();
        ctx.print(report::departments_table(store));
    });
    auto retire_code = std::make_shared<std::string>();
    auto retire_on = std::make_shared<std::optional<std::string>>();
    auto* retire = dept->add_subcommand("retire", "retire a department from a date (its records stay)");
    retire->footer("Example:\n  infotally dept retire anjian --on 2026-06-30");
    retire->add_option("CODE", *retire_code, "department code")->required();
    add_text(retire, "--on", *retire_on, "date it stops (default: today)");
    retire->callback([&ctx, retire_code, retire_on] {
        auto store = ctx.open();
        auto d = ledger::retire_department(store, *retire_code, *retire_on);
        ctx.say(fmt::format("retired department {} {} on {}", d.code, d.name, d.retired_on->iso()));
    });
}

void set_person(CLI::App& app, Context& ctx) {
    auto* person = app.add_subcommand("person", "people: add, list, move to another department");
    person->require_subcommand(1);
    struct Options {
        std::string name, dept, from;
        std::optional<std::string> since;
    };
    auto add_opt = std::make_shared<Options>();
    auto* add = person->add_subcommand("add", "add a person to a department");
    add->footer("Examples:\n  infotally person add 张三 --dept office\n  infotally person add 李四 --dept gongsu --since 2026-03-01");
    add->add_option("NAME", add_opt->name, "the person's name, e.g. 张三")->required();
    add->add_option("--dept", add_opt->dept, "department code")->required();
    add_text(add, "--since", add_opt->since, "first day in the department (default: always)");
    add->callback([&ctx, add_opt] {
        auto store = ctx.open();
        auto p = ledger::add_person(store, add_opt->name, add_opt->dept, add_opt->since);
        ctx.say(fmt::format("added {} to {} {}", p.name, p.current().dept_code, p.current().dept_name));
    });
    person->add_subcommand("list", "list people and their departments")->callback([&ctx] {
        auto store = ctx.open();
        ctx.print(report::people_table(store));
    });
    auto move_opt = std::make_shared<Options>();
    auto* move = person->add_subcommand("move", "move a person to another department from a date");
    move->footer("Example:\n  infotally person move 张三 --dept gongsu --from 2026-07-01\n(pieces submitted before the move still credit the old department)");
    move->add_option("NAME", move_opt->name, "the person's name")->required();
    move->add_option("--dept", move_opt->dept, "new department code")->required();
    move->add_option("--from", move_opt->from, "first day in the new department")->required();
    move->callback([&ctx, move_opt] {
        auto store = ctx.open();
        auto p = ledger::move_person(store, move_opt->name, move_opt->dept, move_opt->from);
        const auto& m = p.membership_on(*model::Date::parse(move_opt->from));
        ctx.say(fmt::format("{} belongs to {} {} from {}", p.name, m.dept_code, m.dept_name, m.since.iso()));
    });
}

void set_outlet(CLI::App& app, Context& ctx) {
    auto* outlet = app.add_subcommand("outlet", "outlets (采用单位: media and superior bodies): add, list");
    outlet->require_subcommand(1);
    struct Options {
        std::string name, level;
        std::optional<std::string> media;
    };
    auto opt = std::make_shared<Options>();
    auto* add = outlet->add_subcommand("add", "add an outlet with its level and media type");
    add->footer("Examples:\n  infotally outlet add 检察日报 --level 国家级 --media 报刊\n  infotally outlet add 省院《检察信息》 --level 省级 --media 内刊");
    add->add_option("NAME", opt->name, "e.g. 检察日报")->required();
    add->add_option("--level", opt->level, "national (国家级/部级), provincial (省级), city (市级), county (县级)")
        ->required();
    add_text(add, "--media", opt->media, "print (报刊), online (网络), radio (电台), tv (电视), newmedia (新媒体), internal (内刊)");
    add->callback([&ctx, opt] {
        auto store = ctx.open();
        auto o = ledger::add_outlet(store, opt->name, opt->level, opt->media);
        ctx.say(fmt::format("added outlet {} ({}, {})", o.name, o.level, o.media));
    });
    outlet->add_subcommand("list", "list outlets")->callback([&ctx] {
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
