#pragma once
// Reading many records at once, for reports and export: one engine behind
// Store::for_each_submission and store::for_each_record.
#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "lib/model/records.hpp"
#include "lib/store/sqlite.hpp"

namespace infotally::store {

using RecordVisitor =
    std::function<void(const model::Submission&, const std::vector<model::Adoption>&)>;

enum class AdoptionOrder { by_id, by_date };

// Where the rows are read. `here`: on the caller's thread, between visits. `in_background`: a
// second thread reads batches of records while the caller's thread visits the previous ones, so
// a year's report takes about the longer of reading and scoring instead of their sum (2 cores).
// The visitor must then leave the connection alone: Connection::prepare and exec throw meanwhile
// (a statement prepared earlier, or the raw handle, is not guarded: do not use them either).
enum class Reading { here, in_background };

// Sorts the numbers and drops repeats. Numbers come from one counter, so a period's are dense
// within their range: then a bitmap over the range (when no bigger than the numbers) does it in
// one pass (a million numbers in a few milliseconds, where sorting took 60); numbers spread
// thinly are sorted.
void sort_unique(std::vector<model::Id>& ids);

namespace detail {
// A bit for each number from `lo` to `hi`. Numbers come from one counter, so a period's are dense
// within their range: then the bitmap is no bigger than the numbers themselves (64 bits each).
// over() refuses to make one of more than `max_words` words: callers pass how many numbers they
// have (no bigger than those), or IdSet its fixed limit.
class IdBitmap {
  public:
    static std::optional<IdBitmap> over(model::Id lo, model::Id hi, std::size_t max_words) {
        // Unsigned, so no overflow whatever the numbers.
        const std::uint64_t span =
            static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
        if (span == 0 || span / 64 > max_words) return std::nullopt;
        return IdBitmap(lo, span);
    }
    void add(model::Id id) {
        const auto bit = offset(id);
        m_words[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    bool covers(model::Id id) const { return offset(id) < m_span; }
    bool contains(model::Id id) const {
        const auto bit = offset(id);
        return bit < m_span && (m_words[bit / 64] >> (bit % 64) & 1) != 0;
    }
    // How many numbers were added (each counted once).
    std::size_t count() const {
        std::size_t n = 0;
        for (const std::uint64_t word : m_words) n += static_cast<std::size_t>(std::popcount(word));
        return n;
    }
    // The numbers added, ascending.
    void append_to(std::vector<model::Id>& ids) const {
        for (std::size_t w = 0; w < m_words.size(); ++w)
            for (std::uint64_t word = m_words[w]; word != 0; word &= word - 1)
                ids.push_back(m_first +
                              static_cast<model::Id>(
                                  w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
    }

  private:
    IdBitmap(model::Id first, std::uint64_t span)
        : m_first(first), m_span(span), m_words((span + 63) / 64) {}
    std::uint64_t offset(model::Id id) const {
        return static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(m_first);
    }
    model::Id m_first;
    std::uint64_t m_span;
    std::vector<std::uint64_t> m_words;
};
}  // namespace detail

// The numbers a range scan asks for, for SQL to test each row's against before reading its
// columns: `infotally_wanted(?N, id)` in the statement's WHERE, with the set bound to ?N. A row
// nobody asked for is then passed over almost free; stepped as a result row it cost as much as a
// row read, and in a ledger entered out of date order a period's numbers leave about as many rows
// between them as they name. The set is a bitmap over the numbers' range, or a binary search in
// them when they are spread thin.
class WantedIds {
  public:
    // `ids`: sorted, no repeats, not empty; kept, not copied. Defines infotally_wanted on `conn`
    // (once per connection), so a statement using it is prepared after the set is made.
    WantedIds(Connection& conn, const std::vector<model::Id>& ids);
    bool contains(model::Id id) const;
    // Binds the set to parameter `index` of `st`; again after each reset (which clears it).
    void bind(Statement& st, int index) const;

  private:
    const std::vector<model::Id>& m_ids;
    std::optional<detail::IdBitmap> m_bitmap;
};

// The pieces a period touches, gathered inside SQLite: each statement given to collect() is
// "SELECT infotally_collect(?N, <submission number>) FROM …", an aggregate adding each row's
// number to the set. A year's are a million rows of two indexes (adopted ones repeat): returned
// as rows they cost a sqlite3_step and a column read each, and a vector grown by doubling to a
// million numbers, then sorted, cost as much again in copies and fresh pages. The set is a bitmap
// over the ledger's submission numbers (their least and greatest, two lookups), whatever the
// period: 250 KB for a million-row ledger, cleared and scanned in well under a millisecond. Numbers
// beyond those (only a broken ledger has any), and ledgers whose numbers span more than
// k_max_bitmap_words words, fall back to a list sorted at the end.
class IdSet {
  public:
    // Reads the bounds and defines infotally_collect on `conn` (once per connection): prepare
    // the statements for collect() after.
    explicit IdSet(Connection& conn);
    // Binds the set to parameter `index` of `st` (its other parameters bound by the caller) and
    // runs it.
    void collect(Statement& st, int index);
    void add(model::Id id) {
        if (m_bitmap && m_bitmap->covers(id))
            m_bitmap->add(id);
        else
            m_others.push_back(id);
    }
    // The numbers added, ascending, each once.
    std::vector<model::Id> sorted() const;

    static constexpr std::size_t k_max_bitmap_words = std::size_t{1} << 21;  // 16 MB

  private:
    std::optional<detail::IdBitmap> m_bitmap;
    std::vector<model::Id> m_others;
};

// Calls each_run(first, end) for the runs `ids` (sorted ascending) is cut into: ids[first] to
// ids[end - 1], no two neighbours further apart than k_run_gap. A run is read with one range scan
// in key order; stepping over a row nobody asked for costs a fraction of a microsecond, starting
// a new range scan a few microseconds. (Submissions and adoptions share one numbering, so
// neighbouring submissions are ~2 apart.)
constexpr model::Id k_run_gap = 64;
template <class EachRun>
void for_each_run(const std::vector<model::Id>& ids, EachRun&& each_run) {
    for (std::size_t first = 0; first < ids.size();) {
        std::size_t end = first + 1;
        while (end < ids.size() && ids[end] - ids[end - 1] <= k_run_gap) ++end;
        each_run(first, end);
        first = end;
    }
}

// Steps `st`, a range scan over one run (ids[first] to ids[end - 1], bound by the caller) giving
// rows in number order with the number in column 0, and calls on_row(number) for each row whose
// number is in ids[first, end); the rows between, nobody asked for, are stepped over (a statement
// filtering with infotally_wanted returns none of them).
template <class OnRow>
void for_each_wanted_row(Statement& st, const std::vector<model::Id>& ids, std::size_t first,
                         std::size_t end, OnRow&& on_row) {
    std::size_t want = first;  // the next number asked for
    while (want < end && st.step()) {
        const model::Id id = st.int64(0);
        while (ids[want] < id) ++want;  // a number with no row here
        if (ids[want] != id) continue;  // in the run, not asked for
        ++want;
        on_row(id);
    }
}

// Visits the submissions numbered in `ids` (sorted ascending, no repeats), in that order, each
// with its authors (names included) and all its adoptions (outlet name, level and media
// included). The caller holds the read transaction that gives every query one snapshot.
//
// How: the departments, people and outlets (small tables) are read into memory once; the numbers
// are cut into runs with small gaps, and each run is three range scans in key order (submissions
// by rowid, authorships by primary key, adoptions by the covering index adoptions_by_submission)
// merged here. A million-row year is read with sequential scans, not a b-tree seek per row:
// ARCHITECTURE.md, "Reading a year".
//
// The visitor gets each record once, in order, on the caller's thread; an exception from it stops
// the reading and propagates, as does one from the reading.
void scan_records(Connection& conn, const std::vector<model::Id>& ids, AdoptionOrder order,
                  Reading reading, const RecordVisitor& visit);

}  // namespace infotally::store
