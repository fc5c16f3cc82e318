// The store on real SQLite files in a temporary folder.
#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

#include "lib/model/error.hpp"
#include "lib/store/bulk.hpp"
#include "lib/store/journal.hpp"
#include "lib/store/migrations.hpp"
#include "lib/store/scan.hpp"
#include "lib/store/store.hpp"

using namespace infotally;
namespace fs = std::filesystem;

namespace {

// RAII temporary folder (ccache's unittest TestContext does the same).
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("infotally-unit-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string file(const char* name) const { return (path / name).string(); }
};

model::Date d(const char* s) {
    return *model::Date::parse(s);
}

struct Fixture {
    TempDir dir;
    store::Store store = store::Store::create(dir.file("l.db"), "测试院");
    model::Id office = 0, person = 0, outlet = 0;
    Fixture() {
        auto tx = store.transaction();
        office = store.add_department("office", "办公室");
        person = store.add_person("张三", office, d("1900-01-01"));
        outlet = store.add_outlet({0, "检察日报", "national", "print"});
        tx.commit();
    }
    model::Id submit(const char* title, const char* date) {
        model::Submission s;
        s.title = title, s.kind = "info", s.dept_id = office, s.submitted_on = d(date);
        s.authors = {{person, "张三", 1, std::nullopt}};
        auto tx = store.transaction();
        auto id = store.insert_submission(s);
        tx.commit();
        return id;
    }
    model::Id adopt(model::Id sub, const char* date) {
        model::Adoption a;
        a.submission_id = sub, a.outlet_id = outlet, a.adopted_on = d(date);
        auto tx = store.transaction();
        auto id = store.insert_adoption(a);
        tx.commit();
        return id;
    }
};

}  // namespace

TEST_SUITE("store") {
    TEST_CASE("a new ledger has every migration applied and refuses a second create") {
        TempDir dir;
        auto path = dir.file("l.db");
        {
            auto s = store::Store::create(path, "测试院");
            CHECK(s.unit_name() == "测试院");
        }
        auto s = store::Store::open(path);
        auto st = s.connection().prepare("PRAGMA user_version");
        REQUIRE(st.step());
        CHECK(st.int64(0) == store::migrations().back().version);
        CHECK_THROWS_AS(store::Store::create(path, "x"), InputError);
    }

    TEST_CASE("open refuses what is not a ledger") {
        TempDir dir;
        CHECK_THROWS_WITH_AS(store::Store::open(dir.file("missing.db")),
                             doctest::Contains("no ledger"), LedgerError);
        std::ofstream(dir.file("text.db")) << "标题,部门\n";
        CHECK_THROWS_WITH_AS(store::Store::open(dir.file("text.db")),
                             doctest::Contains("not a SQLite"), LedgerError);
        std::ofstream(dir.file("empty.db")).close();
        CHECK_THROWS_WITH_AS(store::Store::open(dir.file("empty.db")), doctest::Contains("empty"),
                             LedgerError);
        CHECK_THROWS_WITH_AS(store::Store::open(dir.path.string()), doctest::Contains("folder"),
                             LedgerError);
    }

    TEST_CASE("submissions and adoptions share one numbering that never goes back") {
        Fixture f;
        auto s1 = f.submit("一", "2026-03-01");
        auto a1 = f.adopt(s1, "2026-03-02");
        auto s2 = f.submit("二", "2026-03-03");
        CHECK(a1 == s1 + 1);
        CHECK(s2 == a1 + 1);
        CHECK(f.store.record_kind(s1) == store::RecordKind::submission);
        CHECK(f.store.record_kind(a1) == store::RecordKind::adoption);
        CHECK(f.store.record_kind(999) == store::RecordKind::none);
        {
            auto tx = f.store.transaction();
            f.store.delete_submission(s2);
            tx.commit();
        }
        CHECK(f.submit("三", "2026-03-04") == s2 + 1);
    }

    TEST_CASE("an uncommitted transaction leaves nothing behind, not even a journal entry") {
        Fixture f;
        auto before = store::journal_entries(f.store.connection(), 0).size();
        {
            auto tx = f.store.transaction();
            f.store.add_department("gongsu", "第一检察部");
        }
        CHECK_FALSE(f.store.find_department("gongsu"));
        CHECK(store::journal_entries(f.store.connection(), 0).size() == before);
    }

    TEST_CASE("the journal records a command's rows and undo reverts them") {
        Fixture f;
        f.store.set_command_line("infotally submit 一");
        auto s1 = f.submit("一", "2026-03-01");
        auto entries = store::journal_entries(f.store.connection(), 1);
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].command == "infotally submit 一");
        CHECK(store::describe_changes(entries[0].changes) == "+1 submissions, +1 authorships");
        {
            auto tx = f.store.transaction();
            auto undone = store::undo_entry(f.store.connection(), tx, std::nullopt);
            CHECK(undone.id == entries[0].id);
            tx.commit();
        }
        CHECK_FALSE(f.store.submission(s1));
        {  // undoing the undo brings it back with the same number
            auto tx = f.store.transaction();
            store::undo_entry(f.store.connection(), tx, std::nullopt);
            tx.commit();
        }
        REQUIRE(f.store.submission(s1));
        CHECK(f.store.submission(s1)->authors.size() == 1);
    }

    TEST_CASE("a bulk write pauses the journal's triggers and puts back the very same ones") {
        Fixture f;
        const auto triggers = [&] {
            std::vector<std::string> out;
            auto st = f.store.connection().prepare(
                "SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' "
                "ORDER BY name");
            while (st.step()) out.push_back(st.text(0));
            return out;
        };
        const auto changes = [&] {
            auto st = f.store.connection().prepare("SELECT count(*) FROM journal_changes");
            st.step();
            return st.int64(0);
        };
        const auto before = triggers();
        REQUIRE(before.size() >= 27);  // schema 2: insert, update and delete on each table
        const auto changes_before = changes();
        {  // paused: no trigger left to fire, nothing journaled row by row
            auto tx = f.store.transaction();
            store::BulkJournal journal(f.store.connection(), tx);
            CHECK(triggers().empty());
            f.store.add_department("gongsu", "第一检察部");
            CHECK(changes() == changes_before);
            journal.resume();
            CHECK(triggers() == before);
            f.store.add_department("minxing", "第二检察部");  // journaled again
            CHECK(changes() == changes_before + 1);
            tx.commit();
        }
        CHECK(triggers() == before);
        CHECK(f.store.find_department("gongsu"));
        {  // never resumed: the rollback brings them back
            auto tx = f.store.transaction();
            store::BulkJournal journal(f.store.connection(), tx);
            f.store.add_department("xingzheng", "第三检察部");
            CHECK(triggers().empty());
        }
        CHECK(triggers() == before);
        CHECK_FALSE(f.store.find_department("xingzheng"));
        // Later commands are journaled as before.
        f.submit("之后", "2026-03-01");
        CHECK(changes() == changes_before + 3);  // the department, the submission, its author
    }

    TEST_CASE("streaming visits each submission touching the period once, with all its adoptions") {
        Fixture f;
        auto old = f.submit("去年", "2025-12-20");
        f.adopt(old, "2025-12-28");
        f.adopt(old, "2026-01-05");
        auto inside = f.submit("今年", "2026-02-01");
        f.submit("明年", "2027-01-01");
        std::vector<std::pair<model::Id, std::size_t>> seen;
        f.store.for_each_submission(
            d("2026-01-01"), d("2026-12-31"),
            [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                seen.emplace_back(s.id, a.size());
            });
        REQUIRE(seen.size() == 2);
        CHECK(seen[0] == std::pair<model::Id, std::size_t>{old, 2});
        CHECK(seen[1] == std::pair<model::Id, std::size_t>{inside, 0});
    }

    TEST_CASE("streaming reads runs of numbers and far-apart numbers alike, skipping the rest") {
        // 300 submissions (ids 1..), a second author on every third, adoptions on some; the
        // period touches a dense run, single pieces far apart (gaps over scan.cpp's 64) and an
        // old piece adopted in the period. Everything in between must not be visited.
        Fixture f;
        model::Id li_si = 0;
        {
            auto tx = f.store.transaction();
            li_si = f.store.add_person("李四", f.office, d("1900-01-01"));
            tx.commit();
        }
        std::vector<model::Id> subs;
        for (int i = 0; i < 300; ++i) {
            model::Submission s;
            s.title = "稿件" + std::to_string(i), s.kind = "info", s.dept_id = f.office;
            s.submitted_on = d(i < 100                                  ? "2025-03-01"
                               : (i % 50 == 0 || (i >= 150 && i < 180)) ? "2026-05-01"
                                                                        : "2025-04-01");
            s.authors = {{f.person, "张三", 1, std::nullopt}};
            if (i % 3 == 0) s.authors.push_back({li_si, "李四", 2, std::nullopt});
            if (i == 160) s.tags = {"扫黑除恶", "专题"};
            auto tx = f.store.transaction();
            subs.push_back(f.store.insert_submission(s));
            tx.commit();
        }
        f.adopt(subs[3], "2026-05-20");  // an old piece adopted in the period
        f.adopt(subs[3], "2025-06-01");  // and earlier, outside it: still delivered, first
        f.adopt(subs[160], "2026-05-09");
        f.adopt(subs[160], "2026-05-02");
        f.adopt(subs[120], "2025-05-05");  // not touched: nothing of it may appear
        std::vector<model::Id> want;
        for (int i = 0; i < 300; ++i)
            if (i == 3 || (i >= 100 && (i % 50 == 0 || (i >= 150 && i < 180))))
                want.push_back(subs[static_cast<std::size_t>(i)]);

        std::vector<model::Id> seen;
        f.store.for_each_submission(
            d("2026-05-01"), d("2026-05-31"),
            [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                seen.push_back(s.id);
                const auto i = static_cast<std::size_t>(std::find(subs.begin(), subs.end(), s.id) -
                                                        subs.begin());
                CHECK(s.title == "稿件" + std::to_string(i));
                CHECK(s.dept_name == "办公室");
                REQUIRE(s.authors.size() == (i % 3 == 0 ? 2u : 1u));
                CHECK(s.authors[0].name == "张三");
                if (i % 3 == 0) CHECK(s.authors[1].name == "李四");
                for (const auto& x : a) {
                    CHECK(x.submission_id == s.id);
                    CHECK(x.outlet == "检察日报");
                    CHECK(x.level == "national");
                }
                if (i == 3) {
                    REQUIRE(a.size() == 2);
                    CHECK(a[0].adopted_on == d("2025-06-01"));  // by date, not by number
                } else if (i == 160) {
                    REQUIRE(a.size() == 2);
                    CHECK(a[0].adopted_on == d("2026-05-02"));
                    CHECK(s.tags == std::vector<std::string>{"扫黑除恶", "专题"});
                } else {
                    CHECK(a.empty());
                }
            });
        CHECK(seen == want);

        // Numbers spread thinly over the ledger (so tested without a bitmap): a run of two with
        // one nobody asked for between them, and one far off.
        f.adopt(subs[10], "2027-01-05");
        f.adopt(subs[12], "2027-01-06");
        f.adopt(subs[290], "2027-01-07");
        seen.clear();
        f.store.for_each_submission(
            d("2027-01-01"), d("2027-01-31"),
            [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                seen.push_back(s.id);
                CHECK(a.size() == 1);
            });
        CHECK(seen == std::vector<model::Id>{subs[10], subs[12], subs[290]});

        // Export's reader: every submission, adoptions in record order.
        std::size_t all = 0;
        store::for_each_record(
            f.store, std::nullopt, std::nullopt,
            [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                ++all;
                if (s.id == subs[160]) {
                    REQUIRE(a.size() == 2);
                    CHECK(a[0].adopted_on == d("2026-05-09"));
                }
            });
        CHECK(all == 300);
    }

    TEST_CASE("a set of wanted numbers answers SQL for dense and thinly spread numbers alike") {
        Fixture f;
        auto& conn = f.store.connection();
        const std::vector<model::Id> dense{3, 4, 9, 70};          // a bitmap over 3..70
        const std::vector<model::Id> thin{-5, 2, 4'000'000'000};  // a binary search
        const store::WantedIds d(conn, dense), t(conn, thin);     // defining the function twice
        auto st = conn.prepare("SELECT infotally_wanted(?1, ?2)");
        const auto wanted = [&](const store::WantedIds& set, model::Id id) {
            st.reset();
            set.bind(st, 1);
            st.bind(2, id);
            REQUIRE(st.step());
            return st.int64(0) == 1;
        };
        for (const model::Id id : dense) CHECK(wanted(d, id));
        for (const model::Id id : thin) CHECK(wanted(t, id));
        for (const model::Id id : {model::Id{2}, model::Id{5}, model::Id{71}, model::Id{-1},
                                   std::numeric_limits<model::Id>::max()})
            CHECK_FALSE(wanted(d, id));
        for (const model::Id id : {model::Id{-4}, model::Id{3}, model::Id{3'999'999'999}})
            CHECK_FALSE(wanted(t, id));
        // Without a set bound the statement fails rather than reading as "nothing wanted".
        st.reset();
        st.bind(2, 3);
        CHECK_THROWS_AS(st.step(), LedgerError);
        // And while another thread reads through the connection, defining is refused too.
        conn.set_in_use_elsewhere(true);
        CHECK_THROWS_AS(conn.define_function("infotally_other", 1, nullptr), LedgerError);
        conn.set_in_use_elsewhere(false);
    }

    TEST_CASE(
        "a lookup's kept statement holds no snapshot between uses and keeps the thread guard") {
        Fixture f;
        const auto sub = f.submit("关于扫黑除恶的信息", "2026-03-01");
        const auto first = f.adopt(sub, "2026-03-05");
        auto other = store::Store::open(f.dir.file("l.db"));  // another process's connection
        for (int round = 0; round < 3; ++round) {
            REQUIRE(f.store.submission(sub));
            CHECK(f.store.submission(sub)->authors.size() == 1);  // its authors: another kept one
            CHECK(f.store.adoption_count(sub) == round + 1);
            CHECK(f.store.adoption(first)->submission_id == sub);
            // what the other connection commits, the next lookup sees: nothing held a snapshot
            auto s = *other.submission(sub);
            s.title = "第" + std::to_string(round) + "稿";
            {
                auto tx = other.transaction();
                other.update_submission(s);
                model::Adoption a;
                a.submission_id = sub, a.outlet_id = f.outlet, a.adopted_on = d("2026-04-01");
                other.insert_adoption(a);
                tx.commit();
            }
            CHECK(f.store.submission(sub)->title == s.title);
        }
        f.adopt(sub, "2026-05-01");  // and this connection can still write
        CHECK(other.adoption_count(sub) == 5);
        CHECK_FALSE(f.store.submission(sub + 1000));

        // While another thread reads through it, a lookup is refused, not raced.
        f.store.connection().set_in_use_elsewhere(true);
        CHECK_THROWS_AS(f.store.submission(sub), LedgerError);
        f.store.connection().set_in_use_elsewhere(false);
        CHECK(f.store.submission(sub));
    }

    TEST_CASE("pieces are counted once each, in their own department, across runs of numbers") {
        Fixture f;
        model::Id other = 0, third = 0;
        {
            auto tx = f.store.transaction();
            other = f.store.add_department("gongsu", "第一检察部");
            third = f.store.add_department("kongshen", "控告申诉检察部");  // nothing of its own
            tx.commit();
        }
        // 400 pieces, two departments in turn; those adopted in June lie in bursts far apart
        // (more than one run), some adopted twice, some only outside June.
        std::vector<model::Id> subs;
        for (int i = 0; i < 400; ++i) {
            model::Submission s;
            s.title = "稿件" + std::to_string(i), s.kind = "info";
            s.dept_id = i % 2 ? other : f.office;
            s.submitted_on = d(i < 200 ? "2026-05-20" : "2026-06-03");
            s.authors = {{f.person, "张三", 1, std::nullopt}};
            auto tx = f.store.transaction();
            subs.push_back(f.store.insert_submission(s));
            tx.commit();
        }
        auto adopt = [&](int i, const char* date) {
            f.adopt(subs[static_cast<std::size_t>(i)], date);
        };
        for (int i : {0, 1, 2, 3, 5, 250, 251, 254, 399}) adopt(i, "2026-06-10");
        for (int i : {1, 250, 399}) adopt(i, "2026-06-20");  // again: still one piece each
        for (int i : {4, 6, 300}) adopt(i, "2026-07-01");    // after June: not counted
        adopt(7, "2026-05-31");                              // before June: not counted

        const auto counts = f.store.count_pieces(d("2026-06-01"), d("2026-06-30"));
        REQUIRE(counts.size() == 3);
        CHECK(counts[0].dept_id == f.office);
        CHECK(counts[0].submitted == 100);  // 200..398 even
        CHECK(counts[0].adopted == 4);      // 0, 2, 250, 254
        CHECK(counts[1].dept_id == other);
        CHECK(counts[1].submitted == 100);
        CHECK(counts[1].adopted == 5);  // 1, 3, 5, 251, 399
        CHECK(counts[2].dept_id == third);
        CHECK(counts[2].submitted == 0);
        CHECK(counts[2].adopted == 0);

        // The same as SQL's own count of distinct pieces, department by department.
        auto st = f.store.connection().prepare(
            "SELECT d.id, count(DISTINCT a.submission_id) FROM departments d "
            "LEFT JOIN submissions s ON s.dept_id = d.id LEFT JOIN adoptions a "
            "ON a.submission_id = s.id AND a.adopted_on BETWEEN '2026-06-01' AND '2026-06-30' "
            "GROUP BY d.id ORDER BY d.id");
        for (const auto& c : counts) {
            REQUIRE(st.step());
            CHECK(st.int64(0) == c.dept_id);
            CHECK(st.int64(1) == c.adopted);
        }
        CHECK(f.store.count_pieces(d("2027-01-01"), d("2027-12-31"))[1].adopted == 0);
    }

    TEST_CASE("a reading command sees one snapshot, whatever another process commits meanwhile") {
        Fixture f;
        auto sub = f.submit("关于扫黑除恶的信息", "2026-03-01");
        f.adopt(sub, "2026-03-05");
        auto reader = store::Store::open(f.dir.file("l.db"));
        reader.read_one_snapshot();
        auto plain = store::Store::open(f.dir.file("l.db"));  // each statement its own snapshot
        using Pair = std::pair<std::int64_t, std::int64_t>;
        auto counts = [](store::Store& s) {
            auto c = s.count_pieces(d("2026-01-01"), d("2026-12-31"));
            REQUIRE(c.size() == 1);
            return Pair{c[0].submitted, c[0].adopted};
        };
        CHECK(counts(reader) == Pair{1, 1});
        CHECK(counts(plain) == Pair{1, 1});
        f.adopt(f.submit("检察开放日活动", "2026-04-01"), "2026-04-10");  // another connection
        CHECK(counts(reader) == Pair{1, 1});
        CHECK(counts(plain) == Pair{2, 2});
        std::size_t visited = 0;
        reader.for_each_submission(
            d("2026-01-01"), d("2026-12-31"),
            [&](const model::Submission&, const std::vector<model::Adoption>&) { ++visited; });
        CHECK(visited == 1);
    }

    TEST_CASE("a period's numbers come out sorted and once each, dense or spread thin") {
        auto sorted = [](std::vector<model::Id> ids) {
            store::sort_unique(ids);
            return ids;
        };
        CHECK(sorted({}).empty());
        CHECK(sorted({7}) == std::vector<model::Id>{7});
        // dense: the bitmap
        CHECK(sorted({5, 3, 9, 3, 4, 9, 5, 130, 64, 63}) ==
              std::vector<model::Id>{3, 4, 5, 9, 63, 64, 130});
        // spread thin, negative and extreme numbers: sorted, and no overflow in the span
        constexpr model::Id big = std::numeric_limits<model::Id>::max();
        constexpr model::Id small = std::numeric_limits<model::Id>::min();
        CHECK(sorted({big, -5, 1'000'000'000'000, -5, small, big}) ==
              std::vector<model::Id>{small, -5, 1'000'000'000'000, big});
        // a dense run of a million, shuffled and with every number twice
        std::vector<model::Id> many;
        for (model::Id i = 0; i < 1'000'000; ++i) many.push_back((i * 7919) % 1'000'000 + 2);
        many.insert(many.end(), many.begin(), many.end());
        const auto out = sorted(many);
        REQUIRE(out.size() == 1'000'000u);
        CHECK(out.front() == 2);
        CHECK(out.back() == 1'000'001);
        CHECK(std::adjacent_find(out.begin(), out.end(),
                                 [](model::Id a, model::Id b) { return b != a + 1; }) == out.end());
    }

    TEST_CASE("the pieces a period touches are collected in SQL, sorted and once each") {
        Fixture f;
        auto& conn = f.store.connection();
        const auto collect = [&](store::IdSet& set, const char* sql) {
            auto st = conn.prepare(sql);
            set.collect(st, 1);
        };
        {  // no submissions yet: no bounds, so no bitmap; numbers still come out sorted, once
            store::IdSet set(conn);
            collect(set, "SELECT infotally_collect(?1, column1) FROM (VALUES (9), (2), (9), (-4))");
            CHECK(set.sorted() == std::vector<model::Id>{-4, 2, 9});
        }
        std::vector<model::Id> subs;
        for (int i = 0; i < 40; ++i) subs.push_back(f.submit("关于检察听证的信息", "2026-02-01"));
        f.adopt(subs[3], "2026-03-01");
        f.adopt(subs[3], "2026-03-02");
        f.adopt(subs[30], "2026-03-03");
        store::IdSet set(conn);  // the bitmap over subs.front() .. subs.back()
        collect(set,
                "SELECT infotally_collect(?1, submission_id) FROM adoptions");  // subs[3] twice
        CHECK(set.sorted() == std::vector<model::Id>{subs[3], subs[30]});
        // The bitmap's first and last numbers, and numbers beyond the submissions' (a broken
        // ledger): kept, in order, not lost.
        for (const model::Id id : {subs.back() + 1000, subs.back() + 1, subs.back(), subs.front(),
                                   subs.front() - 1, subs[30]})
            set.add(id);
        CHECK(set.sorted() == std::vector<model::Id>{subs.front() - 1, subs.front(), subs[3],
                                                     subs[30], subs.back(), subs.back() + 1,
                                                     subs.back() + 1000});
        // Without a set bound the statement fails rather than collecting nothing.
        auto unbound = conn.prepare("SELECT infotally_collect(?1, id) FROM submissions");
        CHECK_THROWS_AS(unbound.step(), LedgerError);
        // With no row at all, nothing is collected and nothing fails.
        store::IdSet none(conn);
        collect(none, "SELECT infotally_collect(?1, id) FROM submissions WHERE id < 0");
        CHECK(none.sorted().empty());
        // Numbers spanning more than the bitmap may cover (a counter set by hand): the list.
        conn.exec("UPDATE counters SET value = 5000000000 WHERE name = 'record_id'");
        const model::Id far = f.submit("关于检察听证的信息", "2026-02-01");
        REQUIRE(far > subs.back() + 64 * store::IdSet::k_max_bitmap_words);
        f.adopt(far, "2026-03-04");
        store::IdSet wide(conn);
        collect(wide, "SELECT infotally_collect(?1, submission_id) FROM adoptions");
        CHECK(wide.sorted() == std::vector<model::Id>{subs[3], subs[30], far});
    }

    TEST_CASE("a report's reading thread hands over every record intact, and stops when told") {
        // 700 pieces: more than two of scan.cpp's batches of 256, so batches are refilled. The
        // pieces differ in authors, tags, length and adoptions in turn, so a field left over
        // from the record a recycled slot held before would show.
        Fixture f;
        model::Id li_si = 0;
        std::vector<model::Id> subs;
        {
            auto tx = f.store.transaction();
            li_si = f.store.add_person("李四", f.office, d("1900-01-01"));
            for (int i = 0; i < 700; ++i) {
                model::Submission s;
                s.title = "第" + std::to_string(i) + "号信息", s.kind = "info",
                s.dept_id = f.office;
                s.submitted_on = d("2026-03-01");
                s.authors = {{f.person, "张三", 1, std::nullopt}};
                if (i % 2 == 1) s.authors.push_back({li_si, "李四", 2, std::nullopt});
                if (i % 5 == 0) s.tags = {"专题" + std::to_string(i)};
                if (i % 7 == 0) s.length = i;
                subs.push_back(f.store.insert_submission(s));
                for (int k = 0; k < i % 3; ++k) {
                    model::Adoption a;
                    a.submission_id = subs.back(), a.outlet_id = f.outlet;
                    a.adopted_on = d(k == 0 ? "2026-03-20" : "2026-03-10");
                    f.store.insert_adoption(a);
                }
            }
            tx.commit();
        }
        std::size_t n = 0;
        f.store.for_each_submission(
            d("2026-03-01"), d("2026-03-31"),
            [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                REQUIRE(n < subs.size());
                const int i = static_cast<int>(n);
                CHECK(s.id == subs[n]);
                CHECK(s.title == "第" + std::to_string(i) + "号信息");
                REQUIRE(s.authors.size() == (i % 2 == 1 ? 2u : 1u));
                CHECK(s.authors.back().name == (i % 2 == 1 ? "李四" : "张三"));
                CHECK(s.tags == (i % 5 == 0 ? std::vector<std::string>{"专题" + std::to_string(i)}
                                            : std::vector<std::string>{}));
                CHECK(s.length == (i % 7 == 0 ? std::optional<std::int64_t>(i) : std::nullopt));
                REQUIRE(a.size() == static_cast<std::size_t>(i % 3));
                for (const auto& x : a) CHECK(x.submission_id == s.id);
                if (a.size() == 2) CHECK(a[0].adopted_on == d("2026-03-10"));  // by date
                ++n;
            });
        CHECK(n == 700);

        // The visitor fails half-way: its error comes out, the reading stops, and the store
        // works afterwards.
        n = 0;
        struct Enough {};
        CHECK_THROWS_AS(f.store.for_each_submission(
                            d("2026-03-01"), d("2026-03-31"),
                            [&](const model::Submission&, const std::vector<model::Adoption>&) {
                                if (++n == 300) throw Enough{};
                            }),
                        Enough);
        CHECK(n == 300);
        CHECK(f.store.departments().size() == 1);

        // The visitor may not use the store meanwhile: refused, not raced.
        CHECK_THROWS_AS(f.store.for_each_submission(
                            d("2026-03-01"), d("2026-03-31"),
                            [&](const model::Submission&, const std::vector<model::Adoption>&) {
                                f.store.departments();
                            }),
                        LedgerError);
        CHECK(f.store.departments().size() == 1);
    }

    TEST_CASE("an import's writing thread writes every row in order, and its error comes back") {
        // 600 pieces, each with a new person (and every 50th a new department), with an adoption
        // at a new outlet every 100th: several of bulk.cpp's batches of 256, with rows that refer
        // to rows in the same batch.
        Fixture f;
        const model::Id before = f.submit("导入前已有的信息", "2026-02-28");
        f.adopt(before, "2026-03-02");
        auto tx = f.store.transaction();
        store::BulkWriter w(f.store);
        model::Id number = w.last_record_id();
        std::vector<model::Id> depts, people, outlets;
        {
            store::BulkWriter::InBackground background(w);
            model::Id dept = f.office, outlet = f.outlet;
            for (int i = 0; i < 600; ++i) {
                if (i % 50 == 0) {
                    dept = w.insert_department("d" + std::to_string(i),
                                               "第" + std::to_string(i) + "部");
                    depts.push_back(dept);
                }
                const model::Id person = w.insert_person("干警" + std::to_string(i) + "号");
                people.push_back(person);
                w.set_membership(person, dept, d("1900-01-01"));
                model::Submission s;
                s.id = ++number, s.title = "第" + std::to_string(i) + "号信息", s.kind = "info";
                s.dept_id = dept, s.submitted_on = d("2026-03-01");
                s.authors = {{person, "", 1, std::nullopt}};
                w.insert_submission(s);
                if (i % 100 == 0) {
                    outlet = w.insert_outlet({0, "媒体" + std::to_string(i), "city", "print"});
                    outlets.push_back(outlet);
                }
                model::Adoption a;
                a.id = ++number, a.submission_id = s.id, a.outlet_id = outlet;
                a.adopted_on = d("2026-03-05");
                w.insert_adoption(a);
            }
            // Lookups read beside the writing thread, without waiting for it: the ledger as it
            // was before this transaction, with none of the 600 pieces handed over.
            std::vector<model::Submission> on_day;
            w.submissions_on(depts.back(), d("2026-03-01"), on_day);
            CHECK(on_day.empty());
            w.submissions_on(f.office, d("2026-02-28"), on_day);
            REQUIRE(on_day.size() == 1u);
            CHECK(on_day[0].id == before);
            CHECK(on_day[0].title == "导入前已有的信息");
            REQUIRE(on_day[0].authors.size() == 1u);
            CHECK(on_day[0].authors[0].person_id == f.person);
            std::vector<model::Adoption> adoptions;
            w.adoptions_of(before, adoptions);
            REQUIRE(adoptions.size() == 1u);
            CHECK(adoptions[0].adopted_on == d("2026-03-02"));
            w.adoptions_of(number - 1, adoptions);  // the last piece handed over, adopted
            CHECK(adoptions.empty());
            background.finish();
            // Once the thread has ended they read this connection: this transaction's rows too.
            w.submissions_on(depts.back(), d("2026-03-01"), on_day);
            CHECK(on_day.size() == 50u);
            w.adoptions_of(number - 1, adoptions);
            CHECK(adoptions.size() == 1u);
        }
        tx.commit();
        // Numbers as SQLite would have given them: after the fixture's one of each, in order.
        CHECK(depts.front() == f.office + 1);
        CHECK(people.front() == f.person + 1);
        CHECK(people.back() == f.person + 600);
        CHECK(outlets.back() == f.outlet + 6);
        CHECK(f.store.departments().size() == 13u);
        const auto all = f.store.people();
        REQUIRE(all.size() == 601u);
        CHECK(all.back().name == "干警599号");
        CHECK(all.back().current().dept_id == depts.back());
        std::size_t n = 0;
        f.store.for_each_submission(
            d("2026-03-01"), d("2026-03-01"),
            [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                CHECK(s.title == "第" + std::to_string(n) + "号信息");
                REQUIRE(a.size() == 1u);
                CHECK(a[0].outlet_id == outlets[n / 100]);
                ++n;
            });
        CHECK(n == 600);

        // A row the writing thread cannot write (a name taken): its error comes out of a later
        // call, and the transaction it was in rolls back whole.
        {
            auto tx2 = f.store.transaction();
            store::BulkWriter w2(f.store);
            store::BulkWriter::InBackground background(w2);
            w2.insert_person("干警7号");
            CHECK_THROWS_AS(
                {
                    for (int i = 0; i < 2000; ++i) w2.insert_person("新人" + std::to_string(i));
                    background.finish();
                },
                ConstraintError);
        }
        CHECK(f.store.people().size() == 601u);

        // Ended without finish() (the import failed elsewhere): what was not written stays
        // unwritten, the thread is gone, and the connection is the caller's again.
        {
            auto tx3 = f.store.transaction();
            store::BulkWriter w3(f.store);
            {
                store::BulkWriter::InBackground background(w3);
                for (int i = 0; i < 1000; ++i) w3.insert_person("又一人" + std::to_string(i));
            }
            CHECK(f.store.departments().size() == 13u);
        }
        CHECK(f.store.people().size() == 601u);
    }

    TEST_CASE("in rollback-journal mode an import's lookups wait for the writing thread") {
        // No second connection can read beside a rollback journal's writer: the lookups wait
        // for the rows handed over and read the writer's own connection.
        Fixture f;
        store::RollbackJournal direct(f.store.connection());
        {
            auto mode = f.store.connection().prepare("PRAGMA journal_mode");
            REQUIRE(mode.step());
            REQUIRE(mode.text(0) == "delete");
        }
        auto tx = f.store.transaction();
        store::BulkWriter w(f.store);
        model::Id number = w.last_record_id();
        store::BulkWriter::InBackground background(w);
        for (int i = 0; i < 300; ++i) {
            model::Submission s;
            s.id = ++number, s.title = "第" + std::to_string(i) + "号简报", s.kind = "info";
            s.dept_id = f.office, s.submitted_on = d("2026-04-01");
            s.authors = {{f.person, "", 1, std::nullopt}};
            w.insert_submission(s);
        }
        std::vector<model::Submission> on_day;
        w.submissions_on(f.office, d("2026-04-01"), on_day);
        CHECK(on_day.size() == 300u);
        w.submissions_on(f.office, d("2026-04-02"), on_day);
        CHECK(on_day.empty());
        background.finish();
    }

    TEST_CASE("a schema-2 ledger is migrated on open, and its reads use the covering indexes") {
        TempDir dir;
        const auto path = dir.file("old.db");
        {
            store::Connection c(path, store::Connection::Mode::create);
            c.exec("PRAGMA journal_mode = WAL");
            c.exec("PRAGMA application_id = 1229866580");  // 'INFT'
            for (const auto& m : store::migrations())
                if (m.version <= 2) c.exec(m.sql);
            c.exec("PRAGMA user_version = 2");
            c.exec("INSERT INTO unit VALUES (1, '旧院', '2025-01-01T00:00:00Z')");
            c.exec("INSERT INTO departments (id, code, name) VALUES (1, 'office', '办公室')");
            c.exec("INSERT INTO people (id, name) VALUES (1, '张三')");
            c.exec("INSERT INTO memberships VALUES (1, '1900-01-01', 1)");
            c.exec("INSERT INTO outlets VALUES (1, '检察日报', 'national', 'print')");
            c.exec(
                "INSERT INTO submissions (id, title, kind, dept_id, submitted_on) VALUES (1, "
                "'旧稿', 'info', 1, '2025-12-01')");
            c.exec("INSERT INTO authorships VALUES (1, 1, 1, NULL)");
            c.exec(
                "INSERT INTO adoptions (id, submission_id, outlet_id, adopted_on) VALUES (2, 1, 1, "
                "'2026-01-03')");
            c.exec("UPDATE counters SET value = 2");
        }
        auto s = store::Store::open(path);
        auto version = s.connection().prepare("PRAGMA user_version");
        REQUIRE(version.step());
        CHECK(version.int64(0) == store::migrations().back().version);
        auto cols = s.connection().prepare(
            "SELECT count(*) FROM pragma_index_info('adoptions_by_submission')");
        REQUIRE(cols.step());
        CHECK(cols.int64(0) == 8);
        std::vector<model::Id> seen;
        s.for_each_submission(
            d("2026-01-01"), d("2026-01-31"),
            [&](const model::Submission& sub, const std::vector<model::Adoption>& a) {
                seen.push_back(sub.id);
                REQUIRE(a.size() == 1);
                CHECK(a[0].outlet == "检察日报");
            });
        CHECK(seen == std::vector<model::Id>{1});
    }

    TEST_CASE("rules are stored per year and replaced only for that year") {
        Fixture f;
        auto tx = f.store.transaction();
        f.store.set_rules({2025, "a.toml", "policy = \"highest\"\n", {}});
        f.store.set_rules({2026, "b.toml", "policy = \"cumulative\"\n", {}});
        f.store.set_rules({2026, "c.toml", "subject = \"dept\"\n", {}});
        tx.commit();
        CHECK(f.store.rules_for_year(2025)->source_name == "a.toml");
        CHECK(f.store.rules_for_year(2026)->source_name == "c.toml");
        CHECK_FALSE(f.store.rules_for_year(2024));
        CHECK(f.store.rules_years() == std::vector<int>{2025, 2026});
    }
}
