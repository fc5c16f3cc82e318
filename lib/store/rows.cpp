#include "lib/store/rows.hpp"

#include "lib/store/tags.hpp"

namespace infotally::store {

IsoDate::IsoDate(const model::Date& d) {
    const auto put = [this](std::size_t at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, d.year(), 4);
    put(5, d.month(), 2);
    put(8, d.day(), 2);
}

Statement& bind_date(Statement& st, int index, const std::optional<model::Date>& d) {
    return d ? st.bind(index, IsoDate(*d).view()) : st.bind_null(index);
}

const std::string_view k_insert_submission =
    "INSERT INTO submissions (id, title, kind, category, dept_id, submitted_on, length, "
    "destination, occurred_on, due_on, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const std::string_view k_insert_authorship =
    "INSERT INTO authorships (submission_id, position, person_id, share) VALUES (?, ?, ?, ?)";
const std::string_view k_insert_adoption =
    "INSERT INTO adoptions (id, submission_id, outlet_id, adopted_on, form, placement, "
    "endorsement, fee) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const std::string_view k_set_membership =
    "INSERT INTO memberships (person_id, since, dept_id) VALUES (?, ?, ?) "
    "ON CONFLICT (person_id, since) DO UPDATE SET dept_id = excluded.dept_id";

Statement& bind_submission(Statement& st, const model::Submission& s) {
    st.bind(1, s.id)
        .bind(2, s.title)
        .bind(3, s.kind)
        .bind(4, s.category)
        .bind(5, s.dept_id)
        .bind(6, IsoDate(s.submitted_on).view())
        .bind(7, s.length)
        .bind(8, s.destination)
        .bind(11, join_tags(s.tags));
    bind_date(st, 9, s.occurred_on);
    return bind_date(st, 10, s.due_on);
}

Statement& bind_authorship(Statement& st, model::Id submission_id, int position,
                           const model::Author& a) {
    st.bind(1, submission_id).bind(2, position).bind(3, a.person_id);
    return a.share ? st.bind(4, a.share->ten_thousandths()) : st.bind_null(4);
}

Statement& bind_adoption(Statement& st, const model::Adoption& a) {
    return st.bind(1, a.id)
        .bind(2, a.submission_id)
        .bind(3, a.outlet_id)
        .bind(4, IsoDate(a.adopted_on).view())
        .bind(5, a.form)
        .bind(6, a.placement)
        .bind(7, a.endorsement)
        .bind(8, a.fee ? std::optional<std::int64_t>(a.fee->hundredths()) : std::nullopt);
}

}  // namespace infotally::store
