#include "lib/rules/condition.hpp"

#include <algorithm>

#include "lib/model/i18n.hpp"

namespace infotally::rules {

const std::array<FieldInfo, k_field_count> k_fields{{
    {Field::kind, "kind", "not_kind", Msg::cond_kind, Msg::name_kind, Scope::submission,
     &Vocabulary::kinds},
    {Field::category, "category", "not_category", Msg::cond_category, Msg::name_category,
     Scope::submission, nullptr},
    {Field::level, "level", "not_level", Msg::cond_level, Msg::name_level, Scope::adoption,
     &Vocabulary::levels},
    {Field::media, "media", "not_media", Msg::cond_media, Msg::name_media, Scope::adoption,
     &Vocabulary::media},
    {Field::outlet, "outlet", "not_outlet", Msg::cond_outlet, Msg::name_outlet, Scope::adoption,
     nullptr},
    {Field::form, "form", "not_form", Msg::cond_form, Msg::name_form, Scope::adoption,
     &Vocabulary::forms},
    {Field::placement, "placement", "not_placement", Msg::cond_placement, Msg::name_placement,
     Scope::adoption, &Vocabulary::placements},
    {Field::endorsement, "endorsement", "not_endorsement", Msg::cond_endorsement,
     Msg::name_endorsement, Scope::adoption, &Vocabulary::endorsements},
    {Field::destination, "destination", "not_destination", Msg::cond_destination,
     Msg::name_destination, Scope::submission, nullptr},
    {Field::tag, "tag", "not_tag", Msg::cond_tag, Msg::name_tag, Scope::submission, nullptr},
}};

// The table is indexed by the enum: keep the two in step.
static_assert(static_cast<std::size_t>(Field::tag) + 1 == k_field_count);

const FieldInfo& field_info(Field f) {
    return k_fields[static_cast<std::size_t>(f)];
}

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool any_in(const std::vector<std::string>& list, const std::vector<std::string>& values) {
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& v) { return contains(list, v); });
}

bool length_matches(const Condition& c, const model::Submission& s) {
    if (!c.min_length && !c.max_length) return true;
    if (!s.length) return false;  // a length rule cannot vouch for a piece of unknown length
    if (c.min_length && *s.length < *c.min_length) return false;
    if (c.max_length && *s.length > *c.max_length) return false;
    return true;
}

bool field_matches(const Condition& c, std::size_t i, const model::Submission& s,
                   const model::Adoption* a) {
    const auto& any = c.any_of[i];
    const auto& none = c.none_of[i];
    if (any.empty() && none.empty()) return true;
    if (k_fields[i].field == Field::tag) {
        if (!any.empty() && !any_in(any, s.tags)) return false;
        return none.empty() || !any_in(none, s.tags);
    }
    if (k_fields[i].scope == Scope::adoption && a == nullptr) return false;
    std::string_view value = field_value(k_fields[i].field, s, a);
    if (!any.empty() && !contains(any, value)) return false;
    return !contains(none, value);
}

// The values a single-valued field can take, or nullopt when unbounded (free text).
std::optional<std::vector<std::string>> universe(const FieldInfo& f, const Vocabulary& v) {
    if (f.terms == nullptr) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& t : (v.*f.terms).terms()) out.push_back(t.key);
    if (f.field == Field::placement || f.field == Field::endorsement) out.emplace_back();
    return out;
}

std::vector<std::string> without(std::vector<std::string> values, const std::vector<std::string>& a,
                                 const std::vector<std::string>& b) {
    std::erase_if(values, [&](const std::string& x) { return contains(a, x) || contains(b, x); });
    return values;
}

bool field_can_overlap(std::size_t i, const Condition& x, const Condition& y, const Vocabulary& v) {
    const auto &px = x.any_of[i], &py = y.any_of[i], &nx = x.none_of[i], &ny = y.none_of[i];
    if (k_fields[i].field == Field::tag) {
        // A submission may carry several tags: each positive list needs one tag left over that
        // neither rule excludes.
        bool ok_x = px.empty() || !without(px, nx, ny).empty();
        bool ok_y = py.empty() || !without(py, nx, ny).empty();
        return ok_x && ok_y;
    }
    std::optional<std::vector<std::string>> candidates;
    if (!px.empty() && !py.empty()) {
        candidates.emplace();
        for (const auto& s : px)
            if (contains(py, s)) candidates->push_back(s);
    } else if (!px.empty()) {
        candidates = px;
    } else if (!py.empty()) {
        candidates = py;
    } else {
        candidates = universe(k_fields[i], v);
        if (!candidates) return true;  // free text: some value avoids any finite exclusion list
    }
    return !without(*candidates, nx, ny).empty();
}

std::string join_values(const std::vector<std::string>& values, const FieldInfo& f,
                        const Vocabulary& v) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += "/";
        out += f.terms ? (v.*f.terms).name_of(value) : value;
    }
    return out;
}

}  // namespace

std::string_view field_value(Field f, const model::Submission& s, const model::Adoption* a) {
    switch (f) {
        case Field::kind:
            return s.kind;
        case Field::category:
            return s.category;
        case Field::destination:
            return s.destination;
        case Field::tag:
            return {};
        default:
            break;
    }
    if (a == nullptr) return {};
    switch (f) {
        case Field::level:
            return a->level;
        case Field::media:
            return a->media;
        case Field::outlet:
            return a->outlet;
        case Field::form:
            return a->form.empty() ? std::string_view("whole") : a->form;
        case Field::placement:
            return a->placement;
        case Field::endorsement:
            return a->endorsement;
        default:
            return {};
    }
}

int Condition::count() const {
    int n = 0;
    for (std::size_t i = 0; i < k_field_count; ++i) {
        n += any_of[i].empty() ? 0 : 1;
        n += none_of[i].empty() ? 0 : 1;
    }
    n += min_length ? 1 : 0;
    n += max_length ? 1 : 0;
    n += late ? 1 : 0;
    n += missed ? 1 : 0;
    n += overdue ? 1 : 0;
    return n;
}

bool Condition::uses_adoption_fields() const {
    for (std::size_t i = 0; i < k_field_count; ++i)
        if (k_fields[i].scope == Scope::adoption && (!any_of[i].empty() || !none_of[i].empty()))
            return true;
    return false;
}

bool Condition::matches_submission(const model::Submission& s) const {
    for (std::size_t i = 0; i < k_field_count; ++i)
        if (!field_matches(*this, i, s, nullptr)) return false;
    return length_matches(*this, s);
}

bool Condition::matches(const model::Submission& s, const model::Adoption& a) const {
    for (std::size_t i = 0; i < k_field_count; ++i)
        if (!field_matches(*this, i, s, &a)) return false;
    return length_matches(*this, s);
}

std::string Condition::describe(const Vocabulary& v) const {
    std::string out;
    auto add = [&](std::string part) {
        if (!out.empty()) out += tr_view(Msg::cond_separator);
        out += part;
    };
    for (std::size_t i = 0; i < k_field_count; ++i) {
        if (!any_of[i].empty())
            add(tr(Msg::cond_is, tr_view(k_fields[i].label),
                   join_values(any_of[i], k_fields[i], v)));
        if (!none_of[i].empty())
            add(tr(Msg::cond_not, tr_view(k_fields[i].name),
                   join_values(none_of[i], k_fields[i], v)));
    }
    if (min_length) add(tr(Msg::cond_min_length, *min_length));
    if (max_length) add(tr(Msg::cond_max_length, *max_length));
    if (late) add(tr(*late ? Msg::cond_late : Msg::cond_not_late));
    if (missed) add(tr(*missed ? Msg::cond_missed : Msg::cond_not_missed));
    if (overdue) add(tr(*overdue ? Msg::cond_overdue : Msg::cond_not_overdue));
    return out.empty() ? tr(Msg::cond_any) : out;
}

bool can_overlap(const Condition& a, const Condition& b, const Vocabulary& v) {
    for (std::size_t i = 0; i < k_field_count; ++i)
        if (!field_can_overlap(i, a, b, v)) return false;
    std::int64_t lo = std::max(a.min_length.value_or(0), b.min_length.value_or(0));
    std::int64_t hi = std::min(a.max_length.value_or(INT64_MAX), b.max_length.value_or(INT64_MAX));
    if (lo > hi) return false;
    auto differ = [](const std::optional<bool>& x, const std::optional<bool>& y) {
        return x && y && *x != *y;
    };
    return !differ(a.late, b.late) && !differ(a.missed, b.missed) && !differ(a.overdue, b.overdue);
}

}  // namespace infotally::rules
