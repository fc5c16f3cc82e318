#pragma once
// Reading many records at once, for reports and export: one engine behind
// Store::for_each_submission and store::for_each_record.
#include <functional>
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
// number is in ids[first, end); the rows between, nobody asked for, are stepped over.
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
