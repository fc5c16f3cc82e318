// `import FILE`: one pass over the file, block by block (io/csv_file.hpp), inside one
// transaction. Each row is checked (transfer_rows.cpp), grouped into its submission, matched
// against what the file and the ledger already hold, and written with statements prepared once
// (store/bulk.hpp). The first problem stops the writing but not the checking, so one run reports
// every bad row; any problem, or --dry-run, rolls the transaction back.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "lib/io/csv_file.hpp"
#include "lib/ledger/transfer.hpp"
#include "lib/ledger/transfer_directory.hpp"
#include "lib/ledger/transfer_flat_map.hpp"
#include "lib/ledger/transfer_rows.hpp"
#include "lib/model/i18n.hpp"
#include "lib/store/bulk.hpp"

namespace infotally::ledger {
namespace {

using transfer::Column;

// 128 bits identifying a submission by its title, department, date and authors. Keeping digests
// instead of the titles themselves holds a million-row import to a few tens of megabytes; at
// 128 bits two different pieces share a digest with odds around 1 in 10^26 per million rows.
struct Digest {
    std::uint64_t a = 0, b = 0;
    bool operator==(const Digest&) const = default;
};

struct DigestHash {
    std::size_t operator()(const Digest& d) const noexcept { return static_cast<std::size_t>(d.a); }
};

class Hasher {
  public:
    Hasher& add(std::uint64_t v) {
        m_a = rotl((m_a ^ v) * 0x9E3779B97F4A7C15ULL, 29);
        m_b = rotl((m_b + v) * 0xC2B2AE3D27D4EB4FULL, 31) ^ 0x165667B19E3779F9ULL;
        return *this;
    }
    Hasher& add(std::int64_t v) { return add(static_cast<std::uint64_t>(v)); }
    Hasher& add(std::string_view s) {
        add(static_cast<std::uint64_t>(s.size()));
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, s.data() + i, 8);
            add(word);
        }
        std::uint64_t tail = 0;
        if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
        return add(tail);
    }
    Hasher& add(const std::optional<model::Date>& d) {
        return add(static_cast<std::int64_t>(d ? d->days_since_epoch() : INT32_MIN));
    }
    Digest digest() const { return {finish(m_a), finish(m_b ^ 0xA0761D6478BD642FULL)}; }

  private:
    static std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
    static std::uint64_t finish(std::uint64_t x) {  // splitmix64's finaliser
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9ULL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBULL;
        return x ^ (x >> 31);
    }
    std::uint64_t m_a = 0x243F6A8885A308D3ULL, m_b = 0x13198A2E03707344ULL;
};

// What makes two rows the same submission.
Digest submission_key(const model::Submission& s) {
    Hasher h;
    h.add(s.title).add(s.dept_id).add(static_cast<std::int64_t>(s.submitted_on.days_since_epoch()));
    h.add(static_cast<std::uint64_t>(s.authors.size()));
    for (const auto& a : s.authors) {
        h.add(a.person_id).add(a.share ? a.share->ten_thousandths() : std::int64_t{-1});
    }
    return h.digest();
}

// The rest of a submission, which rows of the same submission must repeat alike.
std::uint64_t submission_details(const model::Submission& s) {
    Hasher h;
    h.add(s.kind).add(s.category).add(s.length.value_or(-1)).add(s.destination);
    h.add(s.occurred_on).add(s.due_on).add(static_cast<std::uint64_t>(s.tags.size()));
    for (const auto& t : s.tags) h.add(t);
    return h.digest().a;
}

std::uint64_t adoption_details(const model::Adoption& a) {
    Hasher h;
    h.add(a.form).add(a.placement).add(a.endorsement);
    h.add(a.fee ? a.fee->hundredths() : std::int64_t{-1});
    return h.digest().a;
}

struct Group {
    model::Id id = 0;  // 0: its row was refused, the next one with this key starts it again
    std::uint64_t details = 0;
    std::uint32_t line = 0;  // 0: in the ledger before this import
    bool counted = false;    // counted as already present
    bool adoptions_loaded = false;
};

struct AdoptionKey {
    model::Id submission = 0, outlet = 0;
    int day = 0;
    bool operator==(const AdoptionKey&) const = default;
};

struct AdoptionKeyHash {
    std::size_t operator()(const AdoptionKey& k) const noexcept {
        Hasher h;
        h.add(k.submission).add(k.outlet).add(static_cast<std::int64_t>(k.day));
        return static_cast<std::size_t>(h.digest().a);
    }
};

struct AdoptionEntry {
    model::Id id = 0;  // 0: as for Group
    std::uint64_t details = 0;
    std::uint32_t line = 0;
};

struct Bucket {  // the submissions of one department on one day
    model::Id dept;
    int day;
    bool operator==(const Bucket&) const = default;
};

struct BucketHash {
    std::size_t operator()(const Bucket& b) const noexcept {
        return static_cast<std::size_t>(b.dept) * 1000003U ^ static_cast<std::size_t>(b.day);
    }
};

// Record numbers a numbered file has used: a bitmap for the dense numbers a ledger hands out, a
// set for anything beyond.
class NumberSet {
  public:
    bool insert(model::Id id) {
        if (id >= k_dense) return m_sparse.insert(id).second;
        const auto word = static_cast<std::size_t>(id) / 64;
        const std::uint64_t bit = std::uint64_t{1} << (id % 64);
        if (word >= m_bits.size()) m_bits.resize(std::max(word + 1, m_bits.size() * 2));
        if (m_bits[word] & bit) return false;
        m_bits[word] |= bit;
        return true;
    }

  private:
    static constexpr model::Id k_dense = model::Id{1} << 28;  // a 32 MiB bitmap at most
    std::vector<std::uint64_t> m_bits;
    std::unordered_set<model::Id> m_sparse;
};

constexpr std::size_t k_progress_every = 16384;  // rows
constexpr std::size_t k_header_search = 10;      // rows above the header that are skipped

class Importer {
  public:
    Importer(store::Store& store, const ImportOptions& options)
        : m_store(store), m_options(options), m_writer(store) {}
    ImportResult run();

  private:
    transfer::Layout read_layout(io::CsvFileReader& reader, std::vector<std::string>& fields);
    bool check_shape(const std::vector<std::string>& fields, const transfer::Layout& layout,
                     std::size_t line);
    void place(transfer::ParsedRow& row, std::size_t line);
    void load_bucket(model::Id dept, const model::Date& day);
    void load_adoptions(model::Id submission_id);
    model::Id allocate(const std::optional<model::Id>& number, std::size_t line,
                       std::string_view column);
    bool writing() const { return !m_options.dry_run && m_problems->empty(); }
    void problem(std::size_t line, std::string_view what, std::string_view hint) {
        m_problems->add(line, what, hint);
    }

    store::Store& m_store;
    const ImportOptions& m_options;
    store::BulkWriter m_writer;
    std::optional<transfer::Problems> m_problems;
    ImportResult m_result;

    model::Id m_last_id = 0;  // the record counter, as this import advances it
    bool m_numbered = false;  // keeping the file's record numbers
    NumberSet m_numbers;
    bool m_ledger_had_submissions = false;
    std::unordered_set<Bucket, BucketHash> m_buckets;
    transfer::FlatMap<Digest, Group, DigestHash> m_groups;
    transfer::FlatMap<AdoptionKey, AdoptionEntry, AdoptionKeyHash> m_adoptions;
    std::vector<model::Submission> m_scratch_submissions;
    std::vector<model::Adoption> m_scratch_adoptions;
    transfer::Directory* m_dir = nullptr;
};

ImportResult Importer::run() {
    io::CsvFileReader reader(m_options.file, m_options.encoding);
    m_problems.emplace(reader.name());
    m_result.file = reader.name();
    m_result.dry_run = m_options.dry_run;
    if (reader.size()) {  // sized from the file (a row takes 150 bytes or more), to skip rehashing
        const auto rows =
            static_cast<std::size_t>(std::min<std::uint64_t>(*reader.size() / 150, 4'000'000));
        m_groups.reserve(rows * 3 / 4);
        m_adoptions.reserve(rows);
    }

    // A ledger too large to be checked on every open (store.cpp) is checked before a bulk write.
    if (!m_options.dry_run) m_store.verify();
    // Filling an empty ledger: a rollback journal for this transaction instead of the WAL, and its
    // record tables' indexes built once at the end (below).
    std::optional<store::RollbackJournal> direct;
    if (!m_options.dry_run && !m_writer.has_submissions()) direct.emplace(m_store.connection());
    auto tx = m_store.transaction();
    // The journal keeps the import as key ranges, not a row each (store/journal.hpp).
    std::optional<store::BulkJournal> journal;
    if (!m_options.dry_run) journal.emplace(m_store.connection(), tx);
    transfer::Directory dir(m_store, m_writer, m_options.create_missing);
    m_dir = &dir;
    dir.set_writing(!m_options.dry_run);
    m_last_id = m_writer.last_record_id();
    m_ledger_had_submissions = m_writer.has_submissions();
    std::vector<std::string> indexes;
    if (!m_ledger_had_submissions && !m_options.dry_run) {
        indexes = m_writer.drop_record_indexes();
    } else {
        m_writer.tune_for_bulk();
    }

    std::vector<std::string> fields;
    const auto layout = read_layout(reader, fields);
    // A file that numbers its records (an export) keeps those numbers in a ledger that has never
    // had a record, so `show 17` shows the same piece after a restore. Elsewhere they would
    // collide with the ledger's own numbers, so records are numbered afresh.
    m_numbered = m_last_id == 0 && layout.has(Column::number) &&
                 (layout.has(Column::adoption_number) || !layout.has(Column::outlet));
    m_result.numbers_kept = m_numbered;

    // Checking the rows here, writing them on a second thread; ended before the transaction is.
    std::optional<store::BulkWriter::InBackground> background;
    if (!m_options.dry_run) background.emplace(m_writer);

    transfer::RowParser parser(layout, dir, *m_problems, m_numbered);
    transfer::ParsedRow row;
    while (reader.next(fields)) {
        if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
                return f.find_first_not_of(" \t") == std::string::npos;
            })) {
            continue;  // Excel leaves rows of empty cells below the data
        }
        ++m_result.rows;
        const std::size_t line = reader.line();
        if (check_shape(fields, layout, line) && parser.parse(fields, line, row)) place(row, line);
        dir.set_writing(writing());
        if (m_options.progress && m_result.rows % k_progress_every == 0) {
            m_options.progress({reader.bytes_read(), reader.size(), m_result.rows});
        }
    }
    m_result.encoding = reader.encoding();
    if (!m_problems->empty()) m_problems->raise();

    m_result.departments_created = dir.departments_created();
    m_result.people_created = dir.people_created();
    m_result.outlets_created = dir.outlets_created();
    if (!m_options.dry_run) {
        background->finish();
        dir.finish();
        m_writer.create_indexes(indexes);
        m_writer.set_last_record_id(m_last_id);
        m_writer.journal_inserts(*journal);
        journal->resume();  // the row journal again, before the commit closes the entry
        tx.commit();
    }
    return m_result;
}

transfer::Layout Importer::read_layout(io::CsvFileReader& reader,
                                       std::vector<std::string>& fields) {
    std::vector<std::string> first;
    std::size_t first_line = 0;
    for (std::size_t seen = 0; seen < k_header_search && reader.next(fields); ++seen) {
        if (transfer::names_title_column(fields)) {
            return transfer::read_header(fields,
                                         fmt::format("{}:{}", reader.name(), reader.line()));
        }
        if (seen == 0) first = fields, first_line = reader.line();
    }
    if (first_line == 0) {
        throw InputError(tr(Msg::err_import_empty, reader.name()), tr(Msg::hint_import_empty));
    }
    // No row names a title column: report the first row's problems as the header's.
    return transfer::read_header(first, fmt::format("{}:{}", reader.name(), first_line));
}

bool Importer::check_shape(const std::vector<std::string>& fields, const transfer::Layout& layout,
                           std::size_t line) {
    for (std::size_t i = layout.width(); i < fields.size(); ++i) {
        if (fields[i].find_first_not_of(" \t") == std::string::npos) continue;
        problem(line, tr(Msg::err_row_too_wide, fields.size(), layout.width()),
                tr_view(Msg::hint_row_too_wide));
        return false;
    }
    for (std::size_t i : layout.unnamed()) {
        if (i < fields.size() && fields[i].find_first_not_of(" \t") != std::string::npos) {
            problem(line, tr(Msg::err_cell_without_header, fields[i], i + 1),
                    tr_view(Msg::hint_cell_without_header));
            return false;
        }
    }
    return true;
}

void Importer::place(transfer::ParsedRow& row, std::size_t line) {
    auto& s = row.submission;
    if (m_ledger_had_submissions && !m_dir->created_here(s.dept_id)) {
        load_bucket(s.dept_id, s.submitted_on);
    }
    const std::uint64_t details = submission_details(s);
    const auto row_line = static_cast<std::uint32_t>(line);
    auto [g, is_new] = m_groups.try_emplace(submission_key(s));
    if (is_new || g->id == 0) {
        const model::Id id = allocate(row.number, line, transfer::name_of(Column::number).chinese);
        if (id == 0) return;
        *g = Group{id, details, row_line, false, true};
        s.id = id;
        if (writing()) m_writer.insert_submission(std::move(s));
        ++m_result.submissions_added;
    } else {
        if (g->details != details) {
            if (g->line == 0) {
                problem(line, tr(Msg::err_row_differs_from_ledger, g->id),
                        tr(Msg::hint_row_differs_from_ledger, g->id));
            } else {
                problem(line, tr(Msg::err_row_differs_from_line, g->line),
                        tr_view(Msg::hint_row_differs_from_line));
            }
            return;
        }
        if (m_numbered && row.number && *row.number != g->id) {
            problem(line, tr(Msg::err_submission_renumbered, *row.number, g->line, g->id),
                    tr_view(Msg::hint_submission_renumbered));
            return;
        }
        if (g->line == 0 && !g->counted) {
            g->counted = true;
            ++m_result.submissions_present;
        }
    }
    if (!row.adoption) return;

    const model::Id submission_id = g->id;
    if (!g->adoptions_loaded) {
        g->adoptions_loaded = true;
        load_adoptions(submission_id);
    }
    auto& a = *row.adoption;
    a.submission_id = submission_id;
    const std::uint64_t adoption_digest = adoption_details(a);
    auto [e, adoption_is_new] = m_adoptions.try_emplace(
        AdoptionKey{submission_id, a.outlet_id, a.adopted_on.days_since_epoch()});
    if (adoption_is_new || e->id == 0) {
        a.id =
            allocate(row.adoption_number, line, transfer::name_of(Column::adoption_number).chinese);
        if (a.id == 0) return;
        *e = AdoptionEntry{a.id, adoption_digest, row_line};
        if (writing()) m_writer.insert_adoption(std::move(a));
        ++m_result.adoptions_added;
        return;
    }
    const std::string where =
        e->line == 0 ? tr(Msg::where_ledger_adoption, e->id) : tr(Msg::where_line, e->line);
    if (e->details != adoption_digest) {
        problem(line, tr(Msg::err_adoption_differs, where), tr_view(Msg::hint_adoption_differs));
    } else if (m_numbered && row.adoption_number && *row.adoption_number != e->id) {
        problem(line, tr(Msg::err_adoption_renumbered, *row.adoption_number, where, e->id),
                tr_view(Msg::hint_adoption_renumbered));
    } else {
        ++m_result.adoptions_present;
    }
}

// The ledger's submissions of one department on one day, read the first time a row needs them:
// a file touches a few thousand such buckets, each found through submissions_by_dept.
void Importer::load_bucket(model::Id dept, const model::Date& day) {
    if (!m_buckets.insert(Bucket{dept, day.days_since_epoch()}).second) return;
    m_writer.submissions_on(dept, day, m_scratch_submissions);
    for (auto& s : m_scratch_submissions) {
        auto [g, is_new] = m_groups.try_emplace(submission_key(s));
        if (is_new) *g = Group{s.id, submission_details(s), 0, false, false};
    }
}

void Importer::load_adoptions(model::Id submission_id) {
    m_writer.adoptions_of(submission_id, m_scratch_adoptions);
    for (const auto& a : m_scratch_adoptions) {
        auto [e, is_new] = m_adoptions.try_emplace(
            AdoptionKey{submission_id, a.outlet_id, a.adopted_on.days_since_epoch()});
        if (is_new) *e = AdoptionEntry{a.id, adoption_details(a), 0};
    }
}

// The next record number, or the file's own in a numbered file; 0 if that one is taken.
model::Id Importer::allocate(const std::optional<model::Id>& number, std::size_t line,
                             std::string_view column) {
    if (!m_numbered) return ++m_last_id;
    if (!m_numbers.insert(*number)) {
        problem(line, tr(Msg::err_number_taken, column, *number), tr_view(Msg::hint_number_taken));
        return 0;
    }
    m_last_id = std::max(m_last_id, *number);
    return *number;
}

std::string created_text(const ImportResult& r) {
    std::vector<std::string> parts;
    const auto count = [&](std::size_t n, Msg one, Msg many) {
        if (n > 0) parts.push_back(tr(n == 1 ? one : many, transfer::grouped(n)));
    };
    count(r.departments_created, Msg::num_department, Msg::num_departments);
    count(r.people_created, Msg::num_person, Msg::num_people);
    count(r.outlets_created, Msg::num_outlet, Msg::num_outlets);
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += (i == 0                  ? std::string_view()
                : i + 1 == parts.size() ? tr_view(Msg::list_and)
                                        : tr_view(Msg::list_separator));
        out += parts[i];
    }
    return out;
}

}  // namespace

ImportResult import_ledger(store::Store& store, const ImportOptions& options) {
    return Importer(store, options).run();
}

std::string describe(const ImportResult& r) {
    using transfer::grouped;
    std::string out = tr(r.dry_run ? Msg::say_import_checked : Msg::say_imported,
                         tr(r.rows == 1 ? Msg::num_row : Msg::num_rows, grouped(r.rows)), r.file,
                         io::encoding_name(r.encoding),
                         tr(r.submissions_added == 1 ? Msg::num_submission : Msg::num_submissions,
                            grouped(r.submissions_added)),
                         grouped(r.submissions_present),
                         tr(r.adoptions_added == 1 ? Msg::num_adoption : Msg::num_adoptions,
                            grouped(r.adoptions_added)),
                         grouped(r.adoptions_present));
    if (const auto created = created_text(r); !created.empty()) {
        out += tr(r.dry_run ? Msg::say_import_would_create : Msg::say_import_created, created);
    }
    if (r.numbers_kept && r.submissions_added + r.adoptions_added > 0) {
        out += tr_view(Msg::say_import_numbers_kept);
    }
    if (r.dry_run) out += tr_view(Msg::say_import_dry_run);
    return out;
}

}  // namespace infotally::ledger
