#pragma once
// The record tables' INSERT statements and how a record binds to them: one definition for
// Store's single-row writes and BulkWriter's prepared-once bulk writes.
#include <string_view>

#include "lib/model/records.hpp"
#include "lib/store/sqlite.hpp"

namespace infotally::store {

// Date::iso() without snprintf: a million-row import binds two or three dates a row.
struct IsoDate {
    explicit IsoDate(const model::Date& d);
    std::string_view view() const { return {text, 10}; }
    char text[10] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
};

extern const std::string_view k_insert_submission;  // binds with bind_submission
extern const std::string_view k_insert_authorship;  // binds with bind_authorship
extern const std::string_view k_insert_adoption;    // binds with bind_adoption
extern const std::string_view k_set_membership;     // (person_id, since, dept_id); replaces

// Bind every parameter; the caller runs the statement. Record numbers come from s.id / a.id.
Statement& bind_submission(Statement& st, const model::Submission& s);
Statement& bind_authorship(Statement& st, model::Id submission_id, int position,
                           const model::Author& a);
Statement& bind_adoption(Statement& st, const model::Adoption& a);

}  // namespace infotally::store
