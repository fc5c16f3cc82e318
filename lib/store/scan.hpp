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

// Visits the submissions numbered in `ids` (sorted ascending, no repeats), in that order, each
// with its authors (names included) and all its adoptions (outlet name, level and media
// included). The caller holds the read transaction that gives every query one snapshot.
//
// How: the departments, people and outlets (small tables) are read into memory once; the numbers
// are cut into runs with small gaps, and each run is three range scans in key order (submissions
// by rowid, authorships by primary key, adoptions by the covering index adoptions_by_submission)
// merged here. A million-row year is read with sequential scans, not a b-tree seek per row:
// ARCHITECTURE.md, "Reading a year".
void scan_records(Connection& conn, const std::vector<model::Id>& ids, AdoptionOrder order,
                  const RecordVisitor& visit);

}  // namespace infotally::store
