#pragma once
// Listings of the ledger's records as tables (rendered by the caller as text, CSV or JSON).
#include <optional>
#include <string>
#include <vector>

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
    io::Table fields;  // columns: field (a stable key: title, adopted_on …), value
    std::vector<std::string>
        labels;           // per row of `fields`: the field's name in the interface language
    io::Table adoptions;  // empty for an adoption
    store::RecordKind kind = store::RecordKind::none;

    // `fields` with each field's name for people to read (text and CSV); JSON keeps the keys, so
    // that scripts read the same output in every language.
    io::Table labelled_fields() const;
};
RecordView show_record(store::Store& store, const std::string& id);

}  // namespace infotally::report
