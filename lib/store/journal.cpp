#include "lib/store/journal.hpp"

#include <array>
#include <ctime>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::store {
namespace {

// The journaled tables, their key columns and all their columns: the same list the triggers in
// schemas/002_journal.sql were written from.
struct TableMeta {
    std::string_view name;
    std::vector<std::string_view> keys;
    std::vector<std::string_view> columns;
};

const std::array<TableMeta, 9>& tables() {
    static const std::array<TableMeta, 9> k_tables{{
        {"unit", {"id"}, {"id", "name", "created_at"}},
        {"departments", {"id"}, {"id", "code", "name", "retired_on"}},
        {"people", {"id"}, {"id", "name"}},
        {"memberships", {"person_id", "since"}, {"person_id", "since", "dept_id"}},
        {"outlets", {"id"}, {"id", "name", "level", "media"}},
        {"submissions",
         {"id"},
         {"id", "title", "kind", "category", "dept_id", "submitted_on", "length", "destination",
          "occurred_on", "due_on", "tags"}},
        {"authorships",
         {"submission_id", "position"},
         {"submission_id", "position", "person_id", "share"}},
        {"adoptions",
         {"id"},
         {"id", "submission_id", "outlet_id", "adopted_on", "form", "placement", "endorsement",
          "fee"}},
        {"rules", {"year"}, {"year", "source_name", "toml", "set_at"}},
    }};
    return k_tables;
}

const TableMeta& table_meta(std::string_view name) {
    for (const auto& t : tables())
        if (t.name == name) return t;
    throw LedgerError(tr(Msg::err_journal_unknown_table, name), tr(Msg::hint_journal_newer));
}

std::string key_match(const TableMeta& t, std::string_view json_param,
                      std::string_view column_prefix = "") {
    std::string out;
    for (auto k : t.keys) {
        if (!out.empty()) out += " AND ";
        out += fmt::format("{}{} = json_extract({}, '$.{}')", column_prefix, k, json_param, k);
    }
    return out;
}

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

JournalEntry read_entry(Connection& conn, const Statement& st) {
    JournalEntry e;
    e.id = st.int64(0);
    e.at = st.text(1);
    e.command = st.text(2);
    if (auto u = st.opt_int64(3)) e.undoes = *u;
    if (auto u = st.opt_int64(4)) e.undone_by = *u;
    auto counts = conn.prepare(
        "SELECT tbl, CASE op WHEN 'insert_range' THEN 'insert' ELSE op END AS o, "
        "sum(CASE op WHEN 'insert_range' THEN json_extract(new, '$.rows') ELSE 1 END) "
        "FROM journal_changes WHERE entry_id = ? GROUP BY tbl, o ORDER BY min(id)");
    counts.bind(1, e.id);
    while (counts.step())
        e.changes.push_back({counts.text(0), counts.text(1), static_cast<int>(counts.int64(2))});
    return e;
}

constexpr const char* k_entry_columns = "SELECT id, at, command, undoes, undone_by FROM journal ";

// Refuses to undo `target` when an entry after it changed the same rows and still stands.
void check_no_later_change(Connection& conn, const JournalEntry& target) {
    auto later = conn.prepare(
        "SELECT count(*) FROM journal WHERE id > ?1 AND undone_by IS NULL AND "
        "(undoes IS NULL OR undoes <= ?1)");
    later.bind(1, target.id);
    if (!later.step() || later.int64(0) == 0) return;
    auto changes = conn.prepare(
        "SELECT tbl, coalesce(new, old), op FROM journal_changes WHERE entry_id = ? ORDER BY id");
    changes.bind(1, target.id);
    while (changes.step()) {
        const auto& t = table_meta(changes.text(0));
        if (changes.text(2) == "insert_range") {
            // Later changes to rows inside a bulk range: compare the range's key column.
            auto clash = conn.prepare(
                "SELECT j.id, j.command FROM journal_changes c JOIN journal j ON j.id = c.entry_id "
                "WHERE c.entry_id > ?1 AND j.undone_by IS NULL "
                "AND (j.undoes IS NULL OR j.undoes <= ?1) AND c.tbl = ?2 "
                "AND json_extract(coalesce(c.new, c.old), '$.' || json_extract(?3, '$.key')) "
                "BETWEEN json_extract(?3, '$.from') AND json_extract(?3, '$.to') LIMIT 1");
            clash.bind(1, target.id).bind(2, changes.text(0)).bind(3, changes.text(1));
            if (clash.step())
                throw InputError(
                    tr(Msg::err_undo_changed_later, target.id, clash.int64(0), clash.text(1)),
                    tr(Msg::hint_undo_changed_later, clash.int64(0)));
            continue;
        }
        auto clash = conn.prepare(fmt::format(
            "SELECT j.id, j.command FROM journal_changes c JOIN journal j ON j.id = c.entry_id "
            "WHERE c.entry_id > ?1 AND j.undone_by IS NULL "
            "AND (j.undoes IS NULL OR j.undoes <= ?1) AND c.tbl = ?2 AND {} LIMIT 1",
            [&] {
                std::string out;
                for (auto k : t.keys) {
                    if (!out.empty()) out += " AND ";
                    out += fmt::format(
                        "json_extract(coalesce(c.new, c.old), '$.{0}') = json_extract(?3, '$.{0}')",
                        k);
                }
                return out;
            }()));
        clash.bind(1, target.id).bind(2, changes.text(0)).bind(3, changes.text(1));
        if (clash.step())
            throw InputError(
                tr(Msg::err_undo_changed_later, target.id, clash.int64(0), clash.text(1)),
                tr(Msg::hint_undo_changed_later, clash.int64(0)));
    }
}

// Applies the inverse of one change; returns how many rows it changed (each is journaled once).
int apply_inverse(Connection& conn, const std::string& table, const std::string& op,
                  const std::optional<std::string>& old_row,
                  const std::optional<std::string>& new_row) {
    const auto& t = table_meta(table);
    if (op == "insert_range") {
        auto range = conn.prepare(
            "SELECT json_extract(?1, '$.key'), json_extract(?1, '$.from'), "
            "json_extract(?1, '$.to')");
        range.bind(1, *new_row);
        range.step();
        const auto key = range.text(0);
        bool known = false;
        for (auto c : t.columns) known = known || c == key;
        if (!known) throw LedgerError(tr(Msg::err_journal_unknown_column, t.name, key), "");
        conn.prepare(fmt::format("DELETE FROM {} WHERE {} BETWEEN ? AND ?", t.name, key))
            .bind(1, range.int64(1))
            .bind(2, range.int64(2))
            .run();
        return conn.changes();
    }
    if (op == "insert") {
        conn.prepare(fmt::format("DELETE FROM {} WHERE {}", t.name, key_match(t, "?1")))
            .bind(1, *new_row)
            .run();
        return 1;
    }
    if (op == "delete") {
        std::string cols, values;
        for (auto c : t.columns) {
            cols += (cols.empty() ? "" : ", ") + std::string(c);
            values += (values.empty() ? "" : ", ") + fmt::format("json_extract(?1, '$.{}')", c);
        }
        conn.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", t.name, cols, values))
            .bind(1, *old_row)
            .run();
        return 1;
    }
    {
        std::string sets;
        for (auto c : t.columns)
            sets += (sets.empty() ? "" : ", ") + fmt::format("{0} = json_extract(?1, '$.{0}')", c);
        conn.prepare(fmt::format("UPDATE {} SET {} WHERE {}", t.name, sets, key_match(t, "?2")))
            .bind(1, *old_row)
            .bind(2, *new_row)
            .run();
        return 1;
    }
}

}  // namespace

WriteTransaction::WriteTransaction(Connection& conn, const std::string& command)
    : m_conn(conn), m_tx(conn) {
    m_conn.prepare("INSERT INTO journal (at, command) VALUES (?, ?)")
        .bind(1, now_iso())
        .bind(2, command)
        .run();
    m_entry = m_conn.last_insert_id();
    m_conn.prepare("UPDATE journal_state SET current = ? WHERE id = 1").bind(1, m_entry).run();
}

WriteTransaction::~WriteTransaction() = default;  // m_tx rolls back everything, the entry too

void WriteTransaction::commit() {
    m_conn.exec("UPDATE journal_state SET current = NULL WHERE id = 1");
    auto st = m_conn.prepare("SELECT EXISTS (SELECT 1 FROM journal_changes WHERE entry_id = ?)");
    st.bind(1, m_entry);
    if (st.step() && st.int64(0) == 0)
        m_conn.prepare("DELETE FROM journal WHERE id = ?").bind(1, m_entry).run();
    m_tx.commit();
}

BulkJournal::BulkJournal(Connection& conn, const WriteTransaction& tx)
    : m_conn(conn), m_entry(tx.entry_id()) {
    // journal_state.current keeps this command's entry throughout: with the triggers gone nothing
    // reads it until resume() creates them again. Only the journal's own triggers are dropped
    // (schemas/002_journal.sql names them all journal_*).
    std::vector<std::string> names;
    {
        auto st = m_conn.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'journal_*' "
            "ORDER BY name");
        while (st.step()) {
            names.push_back(st.text(0));
            m_triggers.push_back(st.text(1));
        }
    }
    for (const auto& name : names) m_conn.exec(fmt::format("DROP TRIGGER \"{}\"", name));
}

void BulkJournal::resume() {
    if (m_resumed) return;
    for (const auto& sql : m_triggers) m_conn.exec(sql);
    m_resumed = true;
}

void BulkJournal::inserted(std::string_view table, std::string_view key_column, std::int64_t from,
                           std::int64_t to, std::int64_t rows) {
    if (from > to || rows <= 0) return;
    table_meta(table);  // only journaled tables
    m_conn
        .prepare(
            "INSERT INTO journal_changes (entry_id, tbl, op, new) "
            "VALUES (?, ?, 'insert_range', json_object('key', ?, 'from', ?, 'to', ?, 'rows', ?))")
        .bind(1, m_entry)
        .bind(2, table)
        .bind(3, key_column)
        .bind(4, from)
        .bind(5, to)
        .bind(6, rows)
        .run();
}

std::vector<JournalEntry> journal_entries(Connection& conn, int limit) {
    auto st = conn.prepare(std::string(k_entry_columns) + "ORDER BY id DESC LIMIT ?");
    st.bind(1, limit > 0 ? limit : -1);
    std::vector<JournalEntry> out;
    while (st.step()) out.push_back(read_entry(conn, st));
    return out;
}

std::optional<JournalEntry> journal_entry(Connection& conn, model::Id id) {
    auto st = conn.prepare(std::string(k_entry_columns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_entry(conn, st);
}

JournalEntry undo_entry(Connection& conn, const WriteTransaction& tx,
                        std::optional<model::Id> target_id) {
    std::optional<JournalEntry> target;
    if (target_id) {
        target = journal_entry(conn, *target_id);
        if (!target || *target_id >= tx.entry_id())
            throw InputError(tr(Msg::err_no_journal_entry, *target_id), tr(Msg::hint_see_log));
    } else {
        auto st =
            conn.prepare(std::string(k_entry_columns) + "WHERE id < ? ORDER BY id DESC LIMIT 1");
        st.bind(1, tx.entry_id());
        if (!st.step()) throw InputError(tr(Msg::err_nothing_to_undo), tr(Msg::hint_see_log));
        target = read_entry(conn, st);
    }
    if (target->undone_by)
        throw InputError(
            tr(Msg::err_already_undone, target->id, target->command, *target->undone_by),
            tr(Msg::hint_already_undone, *target->undone_by, *target->undone_by));
    check_no_later_change(conn, *target);
    const auto depends = [&] {
        return InputError(tr(Msg::err_undo_depends, target->id, target->command),
                          tr(Msg::hint_undo_depends));
    };
    auto changes = conn.prepare(
        "SELECT tbl, op, old, new FROM journal_changes WHERE entry_id = ? ORDER BY id DESC");
    changes.bind(1, target->id);
    int expected = 0;
    try {
        while (changes.step()) {
            expected += apply_inverse(conn, changes.text(0), changes.text(1), changes.opt_text(2),
                                      changes.opt_text(3));
        }
    } catch (const ConstraintError&) {
        throw depends();
    }
    // Each inverse change is journaled once; more means a cascade reached rows of later entries.
    auto made = conn.prepare("SELECT count(*) FROM journal_changes WHERE entry_id = ?");
    made.bind(1, tx.entry_id());
    if (made.step() && made.int64(0) != expected) throw depends();
    conn.prepare("UPDATE journal SET undone_by = ?1 WHERE id = ?2")
        .bind(1, tx.entry_id())
        .bind(2, target->id)
        .run();
    conn.prepare("UPDATE journal SET undoes = ?2 WHERE id = ?1")
        .bind(1, tx.entry_id())
        .bind(2, target->id)
        .run();
    return *target;
}

namespace {

// A journaled table as people call it, in the interface language ("+1 submissions", "+1 报送").
std::string table_label(std::string_view table) {
    constexpr std::pair<std::string_view, Msg> k_labels[] = {
        {"departments", Msg::journal_departments}, {"people", Msg::journal_people},
        {"memberships", Msg::journal_memberships}, {"outlets", Msg::journal_outlets},
        {"submissions", Msg::journal_submissions}, {"authorships", Msg::journal_authorships},
        {"adoptions", Msg::journal_adoptions},     {"rules", Msg::journal_rules}};
    for (const auto& [name, label] : k_labels)
        if (name == table) return tr(label);
    return std::string(table);
}

}  // namespace

std::string describe_changes(const std::vector<ChangeCount>& changes) {
    std::string out;
    for (const auto& c : changes) {
        if (!out.empty()) out += ", ";
        const char sign = c.op == "insert" ? '+' : c.op == "delete" ? '-' : '~';
        out += fmt::format("{}{} {}", sign, c.rows, table_label(c.table));
    }
    return out;
}

}  // namespace infotally::store
