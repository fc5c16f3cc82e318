// init, departments, people, outlets, and the vocabulary in force for a year.
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "lib/io/text.hpp"
#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::ledger {

model::Date parse_date(const std::string& text, const char* what) {
    if (auto d = model::Date::parse(text)) return *d;
    throw InputError(fmt::format("'{}' is not a valid {} ", text, what) + "(no such calendar day, or not a date)",
                     "write dates as YYYY-MM-DD (2026-03-05) or 2026年3月5日");
}

model::Month parse_month(const std::string& text) {
    if (auto m = model::Month::parse(text)) return *m;
    throw InputError(fmt::format("'{}' is not a month", text), "write months as YYYY-MM, e.g. 2026-03");
}

model::Id parse_record_id(const std::string& text) {
    std::string_view t = text;
    if (!t.empty() && t.front() == '#') t.remove_prefix(1);
    model::Id id = 0;
    bool ok = !t.empty() && t.size() <= 15;
    for (char c : t) {
        if (c < '0' || c > '9') ok = false;
        else id = id * 10 + (c - '0');
    }
    if (!ok || id <= 0)
        throw InputError(fmt::format("'{}' is not a record number", text),
                         "use the number that 'submit' or 'adopt' printed, or see 'infotally list submissions'");
    return id;
}

model::Department require_department(store::Store& store, const std::string& code_or_name) {
    if (auto d = store.find_department(code_or_name)) return *d;
    throw InputError(fmt::format("unknown department '{}'", code_or_name),
                     "see 'infotally dept list', or add it with 'infotally dept add CODE NAME'");
}

model::Person require_person(store::Store& store, const std::string& name) {
    if (auto p = store.find_person(name)) return *p;
    throw InputError(fmt::format("unknown person '{}'", name),
                     fmt::format("see 'infotally person list', or add them with 'infotally person add {} --dept CODE'", name));
}

model::Outlet require_outlet(store::Store& store, const std::string& name) {
    if (auto o = store.find_outlet(name)) return *o;
    throw InputError(fmt::format("unknown outlet '{}'", name),
                     fmt::format("see 'infotally outlet list', or add it with 'infotally outlet add {} --level LEVEL'", name));
}

rules::Vocabulary vocabulary_for(store::Store& store, int year) {
    auto years = store.rules_years();
    if (years.empty()) return rules::default_vocabulary();
    int chosen = years.front();
    for (int y : years)
        if (y <= year) chosen = y;
    auto stored = store.rules_for_year(chosen);
    return rules::parse_rules(stored->toml, fmt::format("rules for {}", chosen)).vocabulary;
}

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(fmt::format("cannot read the rules file {}", path), "check the path and try again");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

InitResult init(const std::string& path, const InitRequest& request) {
    const auto unit = clean_text(request.unit_name, "unit name", 100);
    const int year = model::Date::today().year();
    std::string toml, source;
    if (request.rules_file) {
        toml = read_file(*request.rules_file);
        source = *request.rules_file;
    } else {
        toml = rules::default_rules_toml(year);
        source = "(default rules)";
    }
    rules::parse_rules(toml, source);  // refuse a broken file before anything is created
    auto store = store::Store::create(path, unit);
    store.set_command_line(request.command_line);
    auto tx = store.transaction();
    store.set_rules({year, source, toml, {}});
    tx.commit();
    return {path, year};
}

model::Department add_department(store::Store& store, const std::string& code_in, const std::string& name_in) {
    const auto code = clean_text(code_in, "department code", 40);
    const auto name = clean_text(name_in, "department name", 100);
    if (code.find_first_of(" ,:") != std::string::npos)
        throw InputError(fmt::format("the department code '{}' contains a space, comma or colon", code),
                         "use a short code without them, e.g. office or gongsu");
    auto tx = store.transaction();
    for (const auto& d : store.departments()) {
        if (io::equals_ignoring_ascii_case(d.code, code))
            throw InputError(fmt::format("department code '{}' is already used by {}", d.code, d.name),
                             "choose another code; see 'infotally dept list'");
        if (d.name == name)
            throw InputError(fmt::format("a department named {} already exists (code {})", name, d.code),
                             "use that department, or give the new one a different name");
    }
    auto id = store.add_department(code, name);
    tx.commit();
    return *store.department(id);
}

model::Department retire_department(store::Store& store, const std::string& code, const Text& on) {
    auto tx = store.transaction();
    auto dept = require_department(store, code);
    if (dept.retired_on)
        throw InputError(fmt::format("department {} ({}) was already retired on {}", dept.code, dept.name,
                                     dept.retired_on->iso()),
                         "nothing to do");
    const auto day = on ? parse_date(*on, "retirement date") : model::Date::today();
    store.retire_department(dept.id, day);
    tx.commit();
    return *store.department(dept.id);
}

namespace {

void require_active(const model::Department& dept, const model::Date& day, std::string_view doing) {
    if (dept.retired_on && *dept.retired_on <= day)
        throw InputError(fmt::format("department {} ({}) was retired on {}; cannot {} on {}", dept.code,
                                     dept.name, dept.retired_on->iso(), doing, day.iso()),
                         "choose a current department; see 'infotally dept list'");
}

}  // namespace

model::Person add_person(store::Store& store, const std::string& name_in, const std::string& dept_text,
                         const Text& since) {
    const auto name = clean_text(name_in, "person's name", 100);
    if (name.find_first_of(":") != std::string::npos || name.find("：") != std::string::npos)
        throw InputError(fmt::format("the name '{}' contains a colon", name),
                         "a colon separates an author's name from their share (NAME:0.5); leave it out");
    // Without --since the membership reaches back to the beginning, so earlier pieces credit the
    // department too.
    const auto day = since ? parse_date(*since, "start date") : *model::Date::from_ymd(1900, 1, 1);
    auto tx = store.transaction();
    if (store.find_person(name))
        throw InputError(fmt::format("a person named {} already exists", name),
                         "names identify people; add a distinguishing mark, e.g. 张伟(二部)");
    auto dept = require_department(store, dept_text);
    require_active(dept, since ? day : model::Date::today(), "add people to it");
    store.add_person(name, dept.id, day);
    tx.commit();
    return *store.find_person(name);
}

model::Person move_person(store::Store& store, const std::string& name, const std::string& dept_text,
                          const std::string& from) {
    const auto day = parse_date(from, "move date");
    auto tx = store.transaction();
    auto person = require_person(store, name);
    auto dept = require_department(store, dept_text);
    require_active(dept, day, "move people into it");
    const auto& before = person.membership_on(day);
    if (before.dept_id == dept.id && before.since <= day)
        throw InputError(fmt::format("{} already belongs to {} ({}) on {}", person.name, dept.code, dept.name, day.iso()),
                         "nothing to do; see 'infotally person list'");
    store.add_membership(person.id, dept.id, day);
    tx.commit();
    return *store.find_person(person.name);
}

model::Outlet add_outlet(store::Store& store, const std::string& name_in, const std::string& level,
                         const Text& media) {
    model::Outlet o;
    o.name = clean_text(name_in, "outlet name", 100);
    auto tx = store.transaction();
    const auto vocab = vocabulary_for(store, model::Date::today().year());
    o.level = resolve_term(vocab.levels, level, "level", "--level");
    o.media = media ? resolve_term(vocab.media, *media, "media type", "--media")
                    : vocab.media.terms().front().key;
    if (auto existing = store.find_outlet(o.name))
        throw InputError(fmt::format("an outlet named {} already exists ({}, {})", o.name,
                                     vocab.levels.name_of(existing->level), vocab.media.name_of(existing->media)),
                         "use it as it is; see 'infotally outlet list'");
    o.id = store.add_outlet(o);
    tx.commit();
    return o;
}

}  // namespace infotally::ledger
