#pragma once
// Listings of the ledger's records as tables (rendered by the caller as text, CSV or JSON).
#include <optional>
#include <string>

#include "lib/io/table.hpp"
#include "lib/store/store.hpp"

namespace infotally::report {

io::Table departments_table(store::Store& store);
io::Table people_table(store::Store& store);
io::Table outlets_table(store::Store& store);

struct ListFilter {
    std::optional<std::string> year, month, dept, person;  // as typed
};
io::Table submissions_table(store::Store& store, const ListFilter& filter);
io::Table adoptions_table(store::Store& store, const ListFilter& filter);

// `log`: the audit journal, newest first.
io::Table log_table(store::Store& store, int limit);

// `show ID`: one record as field/value rows, and for a submission its adoptions.
struct RecordView {
    io::Table fields;     // columns: field, value
    io::Table adoptions;  // empty for an adoption
    store::RecordKind kind = store::RecordKind::none;
};
RecordView show_record(store::Store& store, const std::string& id);

}  // namespace infotally::report
