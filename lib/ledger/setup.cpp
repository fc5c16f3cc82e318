// init, departments, people, outlets, and the vocabulary in force for a year.
#include <filesystem>
#include <fstream>

#include "lib/io/text.hpp"
#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/rules/rules.hpp"

namespace infotally::ledger {

// ascii_digits leaves ASCII as it is: one parse reads 2026-03-05 and ２０２６年３月５日 alike.
model::Date parse_date(const std::string& text, std::string_view what) {
    if (auto d = model::Date::parse(ascii_digits(text))) return *d;
    throw InputError(tr(Msg::err_bad_date, text, what), tr(Msg::hint_bad_date));
}

model::Month parse_month(const std::string& text) {
    if (auto m = model::Month::parse(ascii_digits(text))) return *m;
    throw InputError(tr(Msg::err_bad_month, text), tr(Msg::hint_bad_month));
}

int parse_year(const std::string& text, YearGiven given) {
    const auto plain = ascii_digits(text);
    std::string_view t = plain;
    if (t.ends_with("年")) t.remove_suffix(std::string_view("年").size());
    if (t.size() == 4 && t.find_first_not_of("0123456789") == std::string_view::npos) {
        const int year =
            (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
        if (year >= 1900 && year <= 2999) return year;
    }
    throw InputError(
        tr(Msg::err_bad_year, text),
        tr(given == YearGiven::with_flag ? Msg::hint_bad_year_flag : Msg::hint_bad_year));
}

namespace {

// 1 to 15 digits with an optional leading '#', not 0; 0 for anything else.
model::Id positive_number(std::string_view t) {
    if (!t.empty() && t.front() == '#') t.remove_prefix(1);
    if (t.empty() || t.size() > 15) return 0;  // 20 digits would overflow an id
    model::Id id = 0;
    for (char c : t) {
        if (c < '0' || c > '9') return 0;
        id = id * 10 + (c - '0');
    }
    return id;
}

}  // namespace

model::Id parse_record_id(const std::string& text) {
    const model::Id id = positive_number(text);
    if (id <= 0) throw InputError(tr(Msg::err_bad_record_id, text), tr(Msg::hint_bad_record_id));
    return id;
}

model::Id parse_journal_entry(const std::string& text) {
    const model::Id id = positive_number(text);
    if (id <= 0) throw InputError(tr(Msg::err_bad_journal_entry, text), tr(Msg::hint_see_log));
    return id;
}

model::Department require_department(store::Store& store, const std::string& code_or_name) {
    if (auto d = store.find_department(code_or_name)) return *d;
    throw InputError(tr(Msg::err_unknown_dept, code_or_name), tr(Msg::hint_unknown_dept));
}

model::Person require_person(store::Store& store, const std::string& name) {
    if (auto p = store.find_person(name)) return *p;
    throw InputError(tr(Msg::err_unknown_person, name), tr(Msg::hint_unknown_person, name));
}

model::Outlet require_outlet(store::Store& store, const std::string& name) {
    if (auto o = store.find_outlet(name)) return *o;
    throw InputError(tr(Msg::err_unknown_outlet, name), tr(Msg::hint_unknown_outlet, name));
}

rules::Vocabulary vocabulary_for(store::Store& store, int year) {
    auto years = store.rules_years();
    if (years.empty()) return rules::default_vocabulary();
    int chosen = years.front();
    for (int y : years)
        if (y <= year) chosen = y;
    auto stored = store.rules_for_year(chosen);
    return rules::parse_rules(stored->toml, tr(Msg::rules_source_year, chosen)).vocabulary;
}

std::string read_rules_file(const std::string& path) {
    // A real rules file is a few KB. The cap keeps /dev/zero or a wrong file from filling the
    // memory; a folder opens as a stream that reads nothing, and would pass as an empty file.
    constexpr std::size_t k_max_mb = 10;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(tr(Msg::err_rules_file_is_folder, path), tr(Msg::hint_rules_file));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(tr(Msg::err_read_rules_file, path), tr(Msg::hint_check_path));
    std::string text;
    char block[65536];
    while (in.read(block, sizeof block) || in.gcount() > 0) {
        text.append(block, static_cast<std::size_t>(in.gcount()));
        if (text.size() > (k_max_mb << 20))
            throw InputError(tr(Msg::err_rules_file_too_large, path, k_max_mb),
                             tr(Msg::hint_rules_file));
    }
    if (in.bad()) throw InputError(tr(Msg::err_read_rules_file, path), tr(Msg::hint_check_path));
    return text;
}

InitResult init(const std::string& path, const InitRequest& request) {
    const auto unit = clean_text(request.unit_name, tr(Msg::field_unit_name), 100);
    const int year = model::Date::today().year();
    std::string toml, source;
    if (request.rules_file) {
        toml = read_rules_file(*request.rules_file);
        source = *request.rules_file;
    } else {
        toml = rules::default_rules_toml(year);
        source = message_text(Msg::rules_source_default,
                              Lang::en);  // stored in English: shown translated
    }
    rules::parse_rules(toml, source);  // refuse a broken file before anything is created
    auto store = store::Store::create(path, unit);
    store.set_command_line(request.command_line);
    auto tx = store.transaction();
    store.set_rules({year, source, toml, {}});
    tx.commit();
    return {path, year};
}

model::Department add_department(store::Store& store, const std::string& code_in,
                                 const std::string& name_in) {
    const auto code = clean_text(code_in, tr(Msg::field_dept_code), 40);
    const auto name = clean_text(name_in, tr(Msg::field_dept_name), 100);
    if (code.find_first_of(" ,:") != std::string::npos)
        throw InputError(tr(Msg::err_dept_code_chars, code), tr(Msg::hint_dept_code_chars));
    auto tx = store.transaction();
    for (const auto& d : store.departments()) {
        if (io::equals_ignoring_ascii_case(d.code, code))
            throw InputError(tr(Msg::err_dept_code_taken, d.code, d.name),
                             tr(Msg::hint_dept_code_taken));
        if (d.name == name)
            throw InputError(tr(Msg::err_dept_name_taken, name, d.code),
                             tr(Msg::hint_dept_name_taken));
    }
    auto id = store.add_department(code, name);
    tx.commit();
    return *store.department(id);
}

model::Department retire_department(store::Store& store, const std::string& code, const Text& on) {
    auto tx = store.transaction();
    auto dept = require_department(store, code);
    if (dept.retired_on)
        throw InputError(
            tr(Msg::err_dept_already_retired, dept.code, dept.name, dept.retired_on->iso()),
            tr(Msg::hint_nothing_to_do));
    const auto day = on ? parse_date(*on, tr(Msg::field_retirement_date)) : model::Date::today();
    store.retire_department(dept.id, day);
    tx.commit();
    return *store.department(dept.id);
}

namespace {

void require_active(const model::Department& dept, const model::Date& day, Msg doing) {
    if (dept.retired_on && *dept.retired_on <= day)
        throw InputError(tr(Msg::err_dept_retired_cannot, dept.code, dept.name,
                            dept.retired_on->iso(), tr(doing), day.iso()),
                         tr(Msg::hint_choose_current_dept));
}

}  // namespace

model::Person add_person(store::Store& store, const std::string& name_in,
                         const std::string& dept_text, const Text& since) {
    const auto name = clean_text(name_in, tr(Msg::field_person_name), 100);
    if (name.find_first_of(":") != std::string::npos || name.find("：") != std::string::npos)
        throw InputError(tr(Msg::err_name_colon, name), tr(Msg::hint_name_colon));
    // Without --since the membership reaches back to the beginning, so earlier pieces credit the
    // department too.
    const auto day =
        since ? parse_date(*since, tr(Msg::field_start_date)) : *model::Date::from_ymd(1900, 1, 1);
    auto tx = store.transaction();
    if (store.find_person(name))
        throw InputError(tr(Msg::err_person_exists, name), tr(Msg::hint_person_exists));
    auto dept = require_department(store, dept_text);
    require_active(dept, since ? day : model::Date::today(), Msg::doing_add_people);
    store.add_person(name, dept.id, day);
    tx.commit();
    return *store.find_person(name);
}

model::Person move_person(store::Store& store, const std::string& name,
                          const std::string& dept_text, const std::string& from) {
    const auto day = parse_date(from, tr(Msg::field_move_date));
    auto tx = store.transaction();
    auto person = require_person(store, name);
    auto dept = require_department(store, dept_text);
    require_active(dept, day, Msg::doing_move_people);
    const auto& before = person.membership_on(day);
    if (before.dept_id == dept.id && before.since <= day)
        throw InputError(tr(Msg::err_already_belongs, person.name, dept.code, dept.name, day.iso()),
                         tr(Msg::hint_nothing_to_do_people));
    store.add_membership(person.id, dept.id, day);
    tx.commit();
    return *store.find_person(person.name);
}

AddedOutlet add_outlet(store::Store& store, const std::string& name_in, const std::string& level,
                       const Text& media) {
    model::Outlet o;
    o.name = clean_text(name_in, tr(Msg::field_outlet_name), 100);
    auto tx = store.transaction();
    const auto vocab = vocabulary_for(store, model::Date::today().year());
    o.level = resolve_term(vocab.levels, level, tr(Msg::field_level), "--level");
    o.media = media ? resolve_term(vocab.media, *media, tr(Msg::field_media), "--media")
                    : vocab.media.terms().front().key;
    if (auto existing = store.find_outlet(o.name))
        throw InputError(tr(Msg::err_outlet_exists, o.name, vocab.levels.name_of(existing->level),
                            vocab.media.name_of(existing->media)),
                         tr(Msg::hint_outlet_exists));
    o.id = store.add_outlet(o);
    tx.commit();
    auto level_name = vocab.levels.name_of(o.level);
    auto media_name = vocab.media.name_of(o.media);
    return {std::move(o), std::move(level_name), std::move(media_name)};
}

}  // namespace infotally::ledger
