#include "lib/store/scan.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/store/tags.hpp"

namespace infotally::store {
namespace {

// Numbers closer than this share one run of range scans: stepping over a row nobody asked for
// costs a fraction of a microsecond, starting three new range scans a few microseconds.
// Submissions and adoptions share one numbering, so neighbouring submissions are ~2 apart.
constexpr model::Id k_gap = 64;

struct DeptNames {
    std::string code, name;
};
struct OutletNames {
    std::string name, level, media;
};

// The small tables, read once: a join per row would be a b-tree seek per row.
struct Names {
    std::unordered_map<model::Id, DeptNames> depts;
    std::unordered_map<model::Id, std::string> people;
    std::unordered_map<model::Id, OutletNames> outlets;

    explicit Names(Connection& conn) {
        auto d = conn.prepare("SELECT id, code, name FROM departments");
        while (d.step()) depts[d.int64(0)] = {d.text(1), d.text(2)};
        auto p = conn.prepare("SELECT id, name FROM people");
        while (p.step()) people[p.int64(0)] = p.text(1);
        auto o = conn.prepare("SELECT id, name, level, media FROM outlets");
        while (o.step()) outlets[o.int64(0)] = {o.text(1), o.text(2), o.text(3)};
    }

    // Foreign keys make a miss impossible in a sound ledger.
    template <typename Map>
    static const typename Map::mapped_type& at(const Map& map, model::Id id, Connection& conn,
                                               const char* table) {
        auto it = map.find(id);
        if (it == map.end())
            throw LedgerError(tr(Msg::err_damaged, conn.path(),
                                 std::string(table) + " " + std::to_string(id) + " is missing"),
                              tr(Msg::hint_restore_backup));
        return it->second;
    }
};

std::optional<model::Date> date_column(const Statement& st, int column) {
    return st.is_null(column) ? std::nullopt : model::Date::parse(st.view(column));
}

// Reads into `s`, reusing its strings' storage: a report reads a year's rows one by one into the
// same object, and allocating afresh for each was a tenth of its time.
void read_submission(const Statement& st, const Names& names, Connection& conn,
                     model::Submission& s) {
    s.id = st.int64(0);
    s.title.assign(st.view(1));
    s.kind.assign(st.view(2));
    s.category.assign(st.view(3));
    s.dept_id = st.int64(4);
    const auto& dept = Names::at(names.depts, s.dept_id, conn, "department");
    s.dept_code.assign(dept.code);
    s.dept_name.assign(dept.name);
    s.submitted_on = model::Date::parse(st.view(5)).value_or(model::Date());
    s.length = st.opt_int64(6);
    s.destination.assign(st.view(7));
    s.occurred_on = date_column(st, 8);
    s.due_on = date_column(st, 9);
    s.tags.clear();
    if (const auto tags = st.view(10); !tags.empty()) s.tags = split_tags(tags);
}

void read_author(const Statement& st, const Names& names, Connection& conn, model::Author& a) {
    a.person_id = st.int64(1);
    a.name.assign(Names::at(names.people, a.person_id, conn, "person"));
    a.position = static_cast<int>(st.int64(2));
    a.share.reset();
    if (auto share = st.opt_int64(3)) a.share = model::Ratio::from_ten_thousandths(*share);
}

void read_adoption(const Statement& st, const Names& names, Connection& conn, model::Adoption& a) {
    a.submission_id = st.int64(0);
    a.id = st.int64(1);
    a.outlet_id = st.int64(2);
    const auto& outlet = Names::at(names.outlets, a.outlet_id, conn, "outlet");
    a.outlet.assign(outlet.name);
    a.level.assign(outlet.level);
    a.media.assign(outlet.media);
    a.adopted_on = model::Date::parse(st.view(3)).value_or(model::Date());
    a.form.assign(st.view(4));
    a.placement.assign(st.view(5));
    a.endorsement.assign(st.view(6));
    a.fee.reset();
    if (auto fee = st.opt_int64(7)) a.fee = model::Decimal::from_hundredths(*fee);
}

}  // namespace

void scan_records(Connection& conn, const std::vector<model::Id>& ids, AdoptionOrder order,
                  const RecordVisitor& visit) {
    if (ids.empty()) return;
    const Names names(conn);
    auto subs = conn.prepare(
        "SELECT id, title, kind, category, dept_id, submitted_on, length, destination, "
        "occurred_on, due_on, tags FROM submissions WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
    auto authors = conn.prepare(
        "SELECT submission_id, person_id, position, share FROM authorships "
        "WHERE submission_id BETWEEN ?1 AND ?2 ORDER BY submission_id, position");
    // INDEXED BY: the covering index answers without touching the table (schemas/003).
    auto adopts = conn.prepare(
        "SELECT submission_id, id, outlet_id, adopted_on, form, placement, endorsement, fee "
        "FROM adoptions INDEXED BY adoptions_by_submission "
        "WHERE submission_id BETWEEN ?1 AND ?2 ORDER BY submission_id, id");

    model::Submission s;
    std::vector<model::Adoption> adoptions;
    for (std::size_t first = 0; first < ids.size();) {
        std::size_t end = first + 1;
        while (end < ids.size() && ids[end] - ids[end - 1] <= k_gap) ++end;
        for (auto* st : {&subs, &authors, &adopts}) {
            st->reset();
            st->bind(1, ids[first]).bind(2, ids[end - 1]);
        }
        bool more_authors = authors.step();
        bool more_adoptions = adopts.step();
        std::size_t want = first;  // the next number asked for
        while (want < end && subs.step()) {
            const model::Id id = subs.int64(0);
            while (ids[want] < id) ++want;  // a number with no submission (an adoption's)
            if (ids[want] != id) continue;  // in the run, not asked for
            ++want;
            read_submission(subs, names, conn, s);
            while (more_authors && authors.int64(0) < id) more_authors = authors.step();
            std::size_t n = 0;
            for (; more_authors && authors.int64(0) == id; more_authors = authors.step(), ++n) {
                if (n == s.authors.size()) s.authors.emplace_back();
                read_author(authors, names, conn, s.authors[n]);
            }
            s.authors.resize(n);
            while (more_adoptions && adopts.int64(0) < id) more_adoptions = adopts.step();
            n = 0;
            for (; more_adoptions && adopts.int64(0) == id; more_adoptions = adopts.step(), ++n) {
                if (n == adoptions.size()) adoptions.emplace_back();
                read_adoption(adopts, names, conn, adoptions[n]);
            }
            adoptions.resize(n);
            if (order == AdoptionOrder::by_date)
                std::sort(adoptions.begin(), adoptions.end(),
                          [](const model::Adoption& x, const model::Adoption& y) {
                              return x.adopted_on != y.adopted_on ? x.adopted_on < y.adopted_on
                                                                  : x.id < y.id;
                          });
            visit(s, adoptions);
        }
        first = end;
    }
    for (auto* st : {&subs, &authors, &adopts}) st->reset();
}

}  // namespace infotally::store
