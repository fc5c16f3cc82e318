#pragma once
// fuzz_import: what one input is put through (see check.hpp). The input is a CSV file given to
// `import --dry-run` on a small ledger made once: a dry run checks every row inside the import's
// one transaction and never commits it, so each input sees the same ledger.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "fuzz/check.hpp"
#include "lib/ledger/ledger.hpp"
#include "lib/ledger/transfer.hpp"
#include "lib/store/store.hpp"

namespace infotally::fuzz {

class ImportFixture {
  public:
    // `dir` must not exist yet; it is made, and removed with the fixture.
    explicit ImportFixture(std::filesystem::path dir) : m_dir(std::move(dir)) {
        std::filesystem::create_directories(m_dir);
        const std::string ledger = (m_dir / "ledger.db").string();
        ledger::init(ledger, {"模糊测试院", std::nullopt, "infotally init"});
        m_store.emplace(store::Store::open(ledger));
        ledger::add_department(*m_store, "office", "办公室");
        ledger::add_person(*m_store, "张三", "office", std::nullopt);
        ledger::add_outlet(*m_store, "检察日报", "国家级", std::string("print"));
        ledger::SubmissionFields piece;
        piece.title = "已有稿件";
        piece.kind = "info";
        piece.date = "2026-03-05";
        piece.authors = {"张三"};
        ledger::submit(*m_store, piece);
        m_departments = m_store->departments().size();
        m_people = m_store->people().size();
        m_outlets = m_store->outlets().size();
    }
    ~ImportFixture() {
        m_store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    ImportFixture(const ImportFixture&) = delete;
    ImportFixture& operator=(const ImportFixture&) = delete;

    void run(std::string_view bytes) {
        const auto file = m_dir / "input.csv";
        {
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        // Both modes, chosen by the input, so that each input costs one import.
        ledger::ImportOptions options;
        options.file = file.string();
        options.dry_run = true;
        options.create_missing = bytes.size() % 2 == 1;
        try {
            const auto result = ledger::import_ledger(*m_store, options);
            require(result.dry_run, "a dry run says so");
            require(result.submissions_added + result.submissions_present <= result.rows,
                    "no more submissions than rows");
        } catch (const Error&) {
        }
        require(m_store->departments().size() == m_departments &&
                    m_store->people().size() == m_people && m_store->outlets().size() == m_outlets,
                "a dry run creates nothing");
    }

  private:
    std::filesystem::path m_dir;
    std::optional<store::Store> m_store;
    std::size_t m_departments = 0, m_people = 0, m_outlets = 0;
};

// One fixture per process, in a fresh folder under the system's temporary directory.
inline ImportFixture& import_fixture() {
    static ImportFixture fixture(std::filesystem::temp_directory_path() /
                                 ("infotally-fuzz-import-" + std::to_string(::getpid())));
    return fixture;
}

inline void import_input(std::string_view bytes) {
    import_fixture().run(bytes);
}

}  // namespace infotally::fuzz
