#include "lib/ledger/transfer_directory.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/ledger/input.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::ledger::transfer {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Without a known start, a person's first department reaches back to the beginning, as
// 'person add' without --since does, so that every earlier piece credits it too.
const model::Date k_beginning = *model::Date::from_ymd(1900, 1, 1);

std::string checked_code(std::string_view text) {
    auto code = clean_text(text, tr_view(Msg::field_dept_code), 40);
    if (code.find_first_of(" ,:") != std::string::npos)
        throw InputError(tr(Msg::err_dept_code_chars, code), tr(Msg::hint_dept_code_chars));
    return code;
}

}  // namespace

Directory::Directory(store::Store& store, store::BulkWriter& writer, bool create_missing)
    : m_store(store), m_writer(writer), m_create_missing(create_missing) {
    for (auto& d : store.departments()) {
        auto& entry = m_depts.emplace_back(DeptEntry{std::move(d), false});
        m_dept_by_code.emplace(lower_ascii(entry.dept.code), &entry);
        m_dept_by_name.emplace(entry.dept.name, &entry);
        m_dept_by_id.emplace(entry.dept.id, &entry);
    }
    for (auto& p : store.people()) {
        std::string name = p.name;
        m_people.emplace(std::move(name), PersonEntry{std::move(p), false, {}});
    }
    for (auto& o : store.outlets()) {
        std::string name = o.name;
        m_outlets.emplace(std::move(name), std::move(o));
    }
}

const rules::Vocabulary& Directory::vocabulary(int year) {
    auto it = m_vocabularies.find(year);
    if (it == m_vocabularies.end()) {
        m_writer.wait_for_background();  // the connection is the caller's again
        it = m_vocabularies.emplace(year, vocabulary_for(m_store, year)).first;
    }
    return it->second;
}

Directory::DeptEntry* Directory::find_code(std::string_view code) {
    auto it = m_dept_by_code.find(lower_ascii(code));
    return it == m_dept_by_code.end() ? nullptr : it->second;
}

Directory::DeptEntry* Directory::find_name(std::string_view name) {
    auto it = m_dept_by_name.find(std::string(name));
    return it == m_dept_by_name.end() ? nullptr : it->second;
}

const model::Department* Directory::department_by_id(model::Id id) const {
    auto it = m_dept_by_id.find(id);
    return it == m_dept_by_id.end() ? nullptr : &it->second->dept;
}

void Directory::unknown_department(std::string_view what) const {
    throw InputError(tr(Msg::err_unknown_dept, what), tr(Msg::hint_import_unknown_dept));
}

Directory::DeptEntry& Directory::create_department(const std::string& code, const std::string& name,
                                                   bool provisional) {
    const model::Id id = m_writing ? m_writer.insert_department(code, name) : provisional_id();
    auto& entry =
        m_depts.emplace_back(DeptEntry{model::Department{id, code, name, {}}, provisional});
    m_dept_by_code.emplace(lower_ascii(code), &entry);
    m_dept_by_name.emplace(name, &entry);
    m_dept_by_id.emplace(id, &entry);
    m_created_depts.insert(id);
    return entry;
}

// A department this import created from a name alone learns its real code or name.
void Directory::rename(DeptEntry& entry, const std::string& code, const std::string& name) {
    m_dept_by_code.erase(lower_ascii(entry.dept.code));
    m_dept_by_name.erase(entry.dept.name);
    entry.dept.code = code;
    entry.dept.name = name;
    entry.provisional = false;
    m_dept_by_code.emplace(lower_ascii(code), &entry);
    m_dept_by_name.emplace(name, &entry);
    if (entry.dept.id > 0) {
        m_writer.wait_for_background();
        m_store.update_department(entry.dept);
    }
}

const model::Department& Directory::department(std::string_view code_cell,
                                               std::string_view name_cell) {
    if (code_cell.empty()) return department(name_cell);
    const auto code = checked_code(code_cell);
    const auto name = name_cell.empty()
                          ? std::string()
                          : clean_text(name_cell, tr_view(Msg::field_department), 100);
    if (auto* e = find_code(code)) {
        if (e->provisional && !name.empty()) rename(*e, e->dept.code, name);
        return e->dept;
    }
    if (!name.empty()) {
        if (auto* e = find_name(name)) {
            if (!e->provisional) {
                throw InputError(tr(Msg::err_import_code_of_other_dept, code, name, e->dept.code),
                                 tr(Msg::hint_import_code_of_other_dept));
            }
            rename(*e, code, name);
            return e->dept;
        }
    }
    if (!m_create_missing) unknown_department(code);
    return create_department(code, name.empty() ? code : name, name.empty()).dept;
}

const model::Department& Directory::department(std::string_view code_or_name) {
    const auto text = clean_text(code_or_name, tr_view(Msg::field_department), 100);
    if (auto* e = find_code(text)) return e->dept;
    if (auto* e = find_name(text)) return e->dept;
    if (!m_create_missing) unknown_department(text);
    if (text.find_first_of(" ,:") != std::string::npos) {
        throw InputError(tr(Msg::err_import_dept_name_as_code, text),
                         tr(Msg::hint_import_dept_name_as_code));
    }
    return create_department(text, text, true).dept;
}

PersonEntry& Directory::person(const std::string& name, const model::Department* new_dept) {
    if (auto it = m_people.find(name); it != m_people.end()) return it->second;
    if (!m_create_missing) {
        throw InputError(tr(Msg::err_unknown_person, name), tr(Msg::hint_import_unknown_person));
    }
    if (new_dept == nullptr) {
        throw InputError(tr(Msg::err_import_person_without_dept, name),
                         tr(Msg::hint_import_person_without_dept));
    }
    const model::Id id = m_writing ? m_writer.insert_person(name) : provisional_id();
    if (m_writing) m_writer.set_membership(id, new_dept->id, k_beginning);
    PersonEntry entry;
    entry.person.id = id;
    entry.person.name = name;
    entry.person.history.push_back({new_dept->id, new_dept->code, new_dept->name, k_beginning});
    entry.created = true;
    ++m_people_created;
    return m_people.emplace(name, std::move(entry)).first->second;
}

void Directory::saw(PersonEntry& person, model::Id dept_id, const model::Date& day) {
    if (!person.created) return;
    for (auto& s : person.seen) {
        if (s.dept_id != dept_id) continue;
        s.first = std::min(s.first, day);
        s.last = std::max(s.last, day);
        return;
    }
    person.seen.push_back({dept_id, day, day});
}

const model::Outlet& Directory::outlet(std::string_view name_cell, std::string_view level,
                                       std::string_view media, const model::Date& day) {
    const auto name = clean_text(name_cell, tr_view(Msg::field_outlet_name), 100);
    const auto& vocab = vocabulary(day.year());
    if (auto it = m_outlets.find(name); it != m_outlets.end()) {
        const auto& o = it->second;
        const auto agrees = [](const rules::TermList& terms, std::string_view cell,
                               const std::string& key) {
            return cell.empty() || cell == key || terms.resolve(cell) == key;
        };
        if (!agrees(vocab.levels, level, o.level)) {
            throw InputError(
                tr(Msg::err_import_outlet_differs, o.name, vocab.levels.name_of(o.level), level),
                tr(Msg::hint_import_outlet_level));
        }
        if (!agrees(vocab.media, media, o.media)) {
            throw InputError(
                tr(Msg::err_import_outlet_differs, o.name, vocab.media.name_of(o.media), media),
                tr(Msg::hint_import_outlet_media));
        }
        return o;
    }
    if (!m_create_missing) {
        throw InputError(tr(Msg::err_unknown_outlet, name), tr(Msg::hint_import_unknown_outlet));
    }
    if (level.empty()) {
        throw InputError(tr(Msg::err_import_outlet_without_level, name),
                         tr(Msg::hint_import_outlet_without_level, vocab.levels.choices()));
    }
    model::Outlet o;
    o.name = name;
    o.level =
        resolve_term(vocab.levels, level, tr_view(Msg::field_level), tr(Msg::the_column, "级别"));
    o.media = media.empty() ? vocab.media.terms().front().key
                            : resolve_term(vocab.media, media, tr_view(Msg::field_media),
                                           tr(Msg::the_column, "媒体类型"));
    o.id = m_writing ? m_writer.insert_outlet(o) : provisional_id();
    ++m_outlets_created;
    return m_outlets.emplace(name, std::move(o)).first->second;
}

// A person created by this import starts (since 1900) in the department of their earliest row,
// and moves to another on the first day a row shows them there. Moves back and forth between
// the same departments are beyond what a file of pieces can tell; record those with
// 'person move'.
void Directory::finish() {
    for (auto& [name, entry] : m_people) {
        if (!entry.created || entry.seen.empty() || entry.person.id <= 0) continue;
        auto& seen = entry.seen;
        const model::Id started_in = entry.person.history.front().dept_id;
        if (seen.size() == 1 && seen.front().dept_id == started_in) continue;
        std::sort(seen.begin(), seen.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        m_writer.set_membership(entry.person.id, seen.front().dept_id, k_beginning);
        for (std::size_t i = 1; i < seen.size(); ++i) {
            m_writer.set_membership(entry.person.id, seen[i].dept_id, seen[i].first);
        }
    }
}

}  // namespace infotally::ledger::transfer
