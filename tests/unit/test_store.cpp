// The store on real SQLite files in a temporary folder.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "lib/model/error.hpp"
#include "lib/store/migrations.hpp"
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

model::Date d(const char* s) { return *model::Date::parse(s); }

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
        { auto s = store::Store::create(path, "测试院"); CHECK(s.unit_name() == "测试院"); }
        auto s = store::Store::open(path);
        auto st = s.connection().prepare("PRAGMA user_version");
        REQUIRE(st.step());
        CHECK(st.int64(0) == store::migrations().back().version);
        CHECK_THROWS_AS(store::Store::create(path, "x"), InputError);
    }

    TEST_CASE("open refuses what is not a ledger") {
        TempDir dir;
        CHECK_THROWS_WITH_AS(store::Store::open(dir.file("missing.db")), doctest::Contains("no ledger"), LedgerError);
        std::ofstream(dir.file("text.db")) << "标题,部门\n";
        CHECK_THROWS_WITH_AS(store::Store::open(dir.file("text.db")), doctest::Contains("not a SQLite"), LedgerError);
        std::ofstream(dir.file("empty.db")).close();
        CHECK_THROWS_WITH_AS(store::Store::open(dir.file("empty.db")), doctest::Contains("empty"), LedgerError);
        CHECK_THROWS_WITH_AS(store::Store::open(dir.path.string()), doctest::Contains("folder"), LedgerError);
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
        {   // undoing the undo brings it back with the same number
            auto tx = f.store.transaction();
            store::undo_entry(f.store.connection(), tx, std::nullopt);
            tx.commit();
        }
        REQUIRE(f.store.submission(s1));
        CHECK(f.store.submission(s1)->authors.size() == 1);
    }

    TEST_CASE("streaming visits each submission touching the period once, with all its adoptions") {
        Fixture f;
        auto old = f.submit("去年", "2025-12-20");
        f.adopt(old, "2025-12-28");
        f.adopt(old, "2026-01-05");
        auto inside = f.submit("今年", "2026-02-01");
        f.submit("明年", "2027-01-01");
        std::vector<std::pair<model::Id, std::size_t>> seen;
        f.store.for_each_submission(d("2026-01-01"), d("2026-12-31"),
                                    [&](const model::Submission& s, const std::vector<model::Adoption>& a) {
                                        seen.emplace_back(s.id, a.size());
                                    });
        REQUIRE(seen.size() == 2);
        CHECK(seen[0] == std::pair<model::Id, std::size_t>{old, 2});
        CHECK(seen[1] == std::pair<model::Id, std::size_t>{inside, 0});
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
