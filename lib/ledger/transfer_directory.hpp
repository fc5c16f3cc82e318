#pragma once
// Import's view of the ledger's departments, people and outlets: read once into hash maps (a few
// thousand entries even for a province), looked up per row without a query, and — with
// --create-missing — extended as the file names new ones. Internal to lib/ledger.
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lib/model/records.hpp"
#include "lib/rules/vocabulary.hpp"
#include "lib/store/bulk.hpp"
#include "lib/store/store.hpp"

namespace infotally::ledger::transfer {

struct PersonEntry {
    model::Person person;
    bool created = false;
    // For people created by this import: the first and last day each department was seen as
    // theirs, from which finish() rebuilds their moves.
    struct Seen {
        model::Id dept_id;
        model::Date first, last;
    };
    std::vector<Seen> seen;
};

class Directory {
  public:
    Directory(store::Store& store, store::BulkWriter& writer, bool create_missing);

    // While false, new entries get provisional (negative) ids and nothing is written: a dry run,
    // or a file already known to be refused.
    void set_writing(bool writing) { m_writing = writing; }

    // The vocabulary in force for a year (parsed once per year).
    const rules::Vocabulary& vocabulary(int year);

    // A row's department from its 部门代码 and 部门 cells (either may be empty, not both).
    const model::Department& department(std::string_view code, std::string_view name);
    // A department named by code or name alone (an author's 作者部门).
    const model::Department& department(std::string_view code_or_name);
    bool created_here(model::Id dept_id) const { return m_created_depts.contains(dept_id); }
    const model::Department* department_by_id(model::Id id) const;

    // An author by name; `new_dept` is where a person created now starts (none: unknown person
    // is an error even with --create-missing).
    PersonEntry& person(const std::string& name, const model::Department* new_dept);
    // Whether `name` is not in the ledger yet, or was added by this import.
    bool unknown_or_created(const std::string& name) const {
        auto it = m_people.find(name);
        return it == m_people.end() || it->second.created;
    }
    // Records that a person created by this import belonged to `dept_id` on `day`.
    void saw(PersonEntry& person, model::Id dept_id, const model::Date& day);

    // An outlet by name. `level` and `media` (cells, may be empty) must agree with a known
    // outlet, and give a new one its level (required) and media type.
    const model::Outlet& outlet(std::string_view name, std::string_view level,
                                std::string_view media, const model::Date& day);

    // Writes the memberships of the people created by this import (their moves between
    // departments, as far as the file shows them).
    void finish();

    std::size_t departments_created() const { return m_created_depts.size(); }
    std::size_t people_created() const { return m_people_created; }
    std::size_t outlets_created() const { return m_outlets_created; }

  private:
    struct DeptEntry {
        model::Department dept;
        bool provisional = false;  // created from a name alone: code = name until a row says
    };
    DeptEntry* find_code(std::string_view code);
    DeptEntry* find_name(std::string_view name);
    DeptEntry& create_department(const std::string& code, const std::string& name,
                                 bool provisional);
    void rename(DeptEntry& entry, const std::string& code, const std::string& name);
    [[noreturn]] void unknown_department(std::string_view what) const;
    model::Id provisional_id() { return --m_provisional_id; }

    store::Store& m_store;
    store::BulkWriter& m_writer;
    bool m_create_missing;
    bool m_writing = true;
    model::Id m_provisional_id = 0;

    std::map<int, rules::Vocabulary> m_vocabularies;
    std::deque<DeptEntry> m_depts;  // deque: references stay valid as it grows
    std::unordered_map<std::string, DeptEntry*> m_dept_by_code;  // code in ASCII lower case
    std::unordered_map<std::string, DeptEntry*> m_dept_by_name;
    std::unordered_map<model::Id, DeptEntry*> m_dept_by_id;
    std::unordered_set<model::Id> m_created_depts;
    std::unordered_map<std::string, PersonEntry> m_people;
    std::unordered_map<std::string, model::Outlet> m_outlets;
    std::size_t m_people_created = 0, m_outlets_created = 0;
};

}  // namespace infotally::ledger::transfer
