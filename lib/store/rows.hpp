#pragma once
// The record tables' INSERT statements and how a record binds to them: one definition for
// Store's single-row writes and BulkWriter's prepared-once bulk writes. And the other way, how a
// stored value reads back, for every reader of records (Store, BulkWriter, scan.cpp).
#include <optional>
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
// A date that may be absent: ISO text or NULL.
Statement& bind_date(Statement& st, int index, const std::optional<model::Date>& d);

// Columns read back (inline: a report reads millions). Dates are ISO text (a NOT NULL one that
// does not parse reads as Date(), which a sound ledger never holds), fees fen, shares
// ten-thousandths; NULL is "none".
inline model::Date date_column(const Statement& st, int column) {
    return model::Date::parse(st.view(column)).value_or(model::Date());
}
inline std::optional<model::Date> opt_date_column(const Statement& st, int column) {
    return st.is_null(column) ? std::nullopt : model::Date::parse(st.view(column));
}
inline std::optional<model::Decimal> fee_column(const Statement& st, int column) {
    if (auto fen = st.opt_int64(column)) return model::Decimal::from_hundredths(*fen);
    return std::nullopt;
}
inline std::optional<model::Ratio> share_column(const Statement& st, int column) {
    if (auto share = st.opt_int64(column)) return model::Ratio::from_ten_thousandths(*share);
    return std::nullopt;
}

}  // namespace infotally::store
