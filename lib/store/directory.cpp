// Departments, people (with their membership history) and outlets.
#include "lib/store/rows.hpp"
#include "lib/store/store.hpp"

namespace infotally::store {
namespace {

model::Department read_department(const Statement& st) {
    model::Department d;
    d.id = st.int64(0);
    d.code = st.text(1);
    d.name = st.text(2);
    d.retired_on = opt_date_column(st, 3);
    return d;
}

constexpr const char* k_department_columns = "SELECT id, code, name, retired_on FROM departments ";

model::Outlet read_outlet(const Statement& st) {
    return model::Outlet{st.int64(0), st.text(1), st.text(2), st.text(3)};
}

}  // namespace

model::Id Store::add_department(const std::string& code, const std::string& name) {
    m_conn->prepare("INSERT INTO departments (code, name) VALUES (?, ?)")
        .bind(1, code)
        .bind(2, name)
        .run();
    return m_conn->last_insert_id();
}

std::optional<model::Department> Store::find_department(const std::string& code_or_name) {
    // A code matches first (case-insensitive, the column's collation), then an exact name.
    auto st = m_conn->prepare(std::string(k_department_columns) + "WHERE code = ?1 UNION ALL " +
                              k_department_columns + "WHERE name = ?1 AND code <> ?1 LIMIT 1");
    st.bind(1, code_or_name);
    if (!st.step()) return std::nullopt;
    return read_department(st);
}

std::optional<model::Department> Store::department(model::Id id) {
    auto st = m_conn->prepare(std::string(k_department_columns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_department(st);
}

std::vector<model::Department> Store::departments() {
    std::vector<model::Department> out;
    auto st = m_conn->prepare(std::string(k_department_columns) + "ORDER BY id");
    while (st.step()) out.push_back(read_department(st));
    return out;
}

void Store::retire_department(model::Id id, const model::Date& on) {
    m_conn->prepare("UPDATE departments SET retired_on = ? WHERE id = ?")
        .bind(1, on.iso())
        .bind(2, id)
        .run();
}

void Store::update_department(const model::Department& d) {
    m_conn->prepare("UPDATE departments SET code = ?, name = ?, retired_on = ? WHERE id = ?")
        .bind(1, d.code)
        .bind(2, d.name)
        .bind(3, d.retired_on ? std::optional<std::string>(d.retired_on->iso()) : std::nullopt)
        .bind(4, d.id)
        .run();
}

model::Id Store::add_person(const std::string& name, model::Id dept_id, const model::Date& since) {
    m_conn->prepare("INSERT INTO people (name) VALUES (?)").bind(1, name).run();
    const auto id = m_conn->last_insert_id();
    add_membership(id, dept_id, since);
    return id;
}

void Store::add_membership(model::Id person_id, model::Id dept_id, const model::Date& since) {
    m_conn->prepare(k_set_membership)
        .bind(1, person_id)
        .bind(2, since.iso())
        .bind(3, dept_id)
        .run();
}

namespace {
constexpr const char* k_people_query =
    "SELECT p.id, p.name, m.since, d.id, d.code, d.name FROM people p "
    "JOIN memberships m ON m.person_id = p.id JOIN departments d ON d.id = m.dept_id ";

// Rows come ordered by person then `since`; fold them into people with histories.
std::vector<model::Person> read_people(Statement& st) {
    std::vector<model::Person> out;
    while (st.step()) {
        if (out.empty() || out.back().id != st.int64(0)) {
            out.push_back(model::Person{st.int64(0), st.text(1), {}});
        }
        model::Membership m;
        m.since = date_column(st, 2);
        m.dept_id = st.int64(3);
        m.dept_code = st.text(4);
        m.dept_name = st.text(5);
        out.back().history.push_back(std::move(m));
    }
    return out;
}
}  // namespace

std::optional<model::Person> Store::find_person(const std::string& name) {
    auto st = m_conn->prepare(std::string(k_people_query) + "WHERE p.name = ? ORDER BY m.since");
    st.bind(1, name);
    auto people = read_people(st);
    if (people.empty()) return std::nullopt;
    return people.front();
}

std::vector<model::Person> Store::people() {
    auto st = m_conn->prepare(std::string(k_people_query) + "ORDER BY p.id, m.since");
    return read_people(st);
}

model::Id Store::add_outlet(const model::Outlet& o) {
    m_conn->prepare("INSERT INTO outlets (name, level, media) VALUES (?, ?, ?)")
        .bind(1, o.name)
        .bind(2, o.level)
        .bind(3, o.media)
        .run();
    return m_conn->last_insert_id();
}

std::optional<model::Outlet> Store::find_outlet(const std::string& name) {
    auto st = m_conn->prepare("SELECT id, name, level, media FROM outlets WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_outlet(st);
}

std::optional<model::Outlet> Store::outlet(model::Id id) {
    auto st = m_conn->prepare("SELECT id, name, level, media FROM outlets WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_outlet(st);
}

std::vector<model::Outlet> Store::outlets() {
    std::vector<model::Outlet> out;
    auto st = m_conn->prepare("SELECT id, name, level, media FROM outlets ORDER BY id");
    while (st.step()) out.push_back(read_outlet(st));
    return out;
}

}  // namespace infotally::store
