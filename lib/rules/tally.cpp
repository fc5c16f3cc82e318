// The streaming half of the tally: crediting one submission and its adoptions to the
// department that sent it and to its authors. finish() lives in tally_finish.cpp.
#include "lib/rules/tally.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/model/i18n.hpp"
#include "lib/rules/scoring_detail.hpp"

namespace infotally::rules {
namespace {

// "《title》 (#12)" — titles are what officers recognise; the id is what commands take.
std::string piece_text(const model::Submission& s) {
    return tr(Msg::ex_piece, s.title, s.id);
}

std::string share_text(model::Decimal whole, model::Decimal part, model::Ratio share,
                       const char* unit) {
    return fmt::format("{}{} × {} = {}{}", signed_text(whole), unit, share.str(), signed_text(part),
                       unit);
}

}  // namespace

Period Period::year(int y) {
    return {*model::Date::from_ymd(y, 1, 1), *model::Date::from_ymd(y, 12, 31)};
}

TallyBuilder::TallyBuilder(const Rules& rules, Period period, std::vector<model::Person> people,
                           std::vector<model::Department> depts, TallyOptions options)
    : m_rules(rules),
      m_period(period),
      m_options(options),
      m_cache(std::make_unique<detail::AdoptionScoreCache>(rules)) {
    // A row is some hundreds of bytes and a province has thousands of people: no doubling.
    m_persons.reserve(people.size());
    m_depts.reserve(depts.size());
    for (auto& p : people) {
        RowState& r = new_row(true);
        r.row.id = p.id;
        r.row.name = p.name;
        if (!p.history.empty()) {
            const auto& m = p.membership_on(m_period.to);
            r.row.dept_id = m.dept_id;
            r.row.dept_code = m.dept_code;
            r.row.dept_name = m.dept_name;
        }
        r.person = std::move(p);
        m_person_by_id.set(r.row.id, m_persons.size() - 1);
        m_person_by_name[r.row.name] = m_persons.size() - 1;
    }
    for (auto& d : depts) {
        RowState& r = new_row(false);
        r.row.id = d.id;
        r.row.name = d.name;
        r.row.code = d.code;
        r.row.dept_id = d.id;
        r.row.dept_code = d.code;
        r.row.dept_name = d.name;
        r.dept = std::move(d);
        m_dept_by_id.set(r.row.id, m_depts.size() - 1);
        m_dept_by_code[r.row.code] = m_depts.size() - 1;
    }
}

TallyBuilder::TallyBuilder(TallyBuilder&&) noexcept = default;
TallyBuilder::~TallyBuilder() = default;

TallyBuilder::RowState& TallyBuilder::new_row(bool person) {
    auto& list = person ? m_persons : m_depts;
    list.emplace_back();
    list.back().quota_actual.resize(m_rules.quotas.size());
    return list.back();
}

std::size_t TallyBuilder::person_row(const model::Author& a, const model::Submission& s) {
    if (a.person_id != 0) {
        if (const auto row = m_person_by_id.find(a.person_id)) return *row;
    } else if (auto it = m_person_by_name.find(a.name); it != m_person_by_name.end()) {
        return it->second;
    }
    // An author the caller did not list: credit them under the piece's department.
    RowState& r = new_row(true);
    r.row.id = a.person_id;
    r.row.name = a.name;
    r.row.dept_id = s.dept_id;
    r.row.dept_code = s.dept_code;
    r.row.dept_name = s.dept_name;
    if (a.person_id != 0) m_person_by_id.set(a.person_id, m_persons.size() - 1);
    if (!m_person_by_name.contains(a.name)) m_person_by_name[a.name] = m_persons.size() - 1;
    return m_persons.size() - 1;
}

std::size_t TallyBuilder::dept_row(const model::Submission& s) {
    if (s.dept_id != 0) {
        if (const auto row = m_dept_by_id.find(s.dept_id)) return *row;
    } else if (auto it = m_dept_by_code.find(s.dept_code); it != m_dept_by_code.end()) {
        return it->second;
    }
    RowState& r = new_row(false);
    r.row.id = s.dept_id;
    r.row.name = s.dept_name.empty() ? s.dept_code : s.dept_name;
    r.row.code = s.dept_code;
    r.row.dept_id = s.dept_id;
    r.row.dept_code = s.dept_code;
    r.row.dept_name = s.dept_name;
    if (s.dept_id != 0) m_dept_by_id.set(s.dept_id, m_depts.size() - 1);
    if (!m_dept_by_code.contains(s.dept_code)) m_dept_by_code[s.dept_code] = m_depts.size() - 1;
    return m_depts.size() - 1;
}

void TallyBuilder::add(const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
    // A commission is missed by the end of the period, or by today when the period runs on.
    const model::Date as_of =
        m_options.today ? std::min(m_period.to, *m_options.today) : m_period.to;
    const PieceScore score =
        detail::score_piece(m_rules, s, adoptions, as_of, m_options.explain, m_cache.get());
    Credit& c = m_credit;
    if (s.authors.size() == 1)
        c.shares.assign(1, model::Ratio::one());  // the common case, worked out at once
    else
        detail::author_shares_into(m_rules, s, c.shares, m_split_a);
    detail::split_into(model::Decimal::whole(1), c.shares, c.pieces);
    // Look every row up before keeping pointers: creating a row may move the others.
    const std::size_t dept = dept_row(s);
    c.author_rows.clear();
    for (const auto& a : s.authors) c.author_rows.push_back(person_row(a, s));
    c.dept = &m_depts[dept];
    c.authors.clear();
    for (const std::size_t i : c.author_rows) c.authors.push_back(&m_persons[i]);

    if (m_period.contains(s.submitted_on)) credit_submission(s, score, c);
    if (s.due_on && m_period.contains(s.due_on->plus_days(1))) credit_missed(s, score, c);
    credit_adoptions(s, adoptions, score, c);
}

void TallyBuilder::credit_submission(const model::Submission& s, const PieceScore& score,
                                     const Credit& c) {
    const SubmissionScore& sub = score.submission;
    const int month = period_key(PeriodKind::month, s.submitted_on);
    auto credit_row = [&](RowState& r, model::Decimal piece, model::Decimal earned_points,
                          model::Decimal earned_yuan, model::Decimal penalty_points,
                          model::Decimal penalty_yuan) {
        r.row.submitted += piece;
        r.row.submission_points += earned_points;
        r.row.yuan_earned += earned_yuan;
        r.row.penalty_points += penalty_points;
        r.row.penalty_yuan += penalty_yuan;
        if (earned_points.is_zero() && earned_yuan.is_zero()) return;
        auto& bucket = r.earned_by_month[month];
        bucket.points += earned_points;
        bucket.yuan += earned_yuan;
    };
    RowState& dept = *c.dept;
    // penalties for a missed commission are booked by credit_missed()
    const model::Decimal penalty_points = sub.penalty_points - sub.missed_points;
    const model::Decimal penalty_yuan = sub.penalty_yuan - sub.missed_yuan;
    credit_row(dept, model::Decimal::whole(1), sub.earned_points, sub.earned_yuan, penalty_points,
               penalty_yuan);
    auto& ep = m_split_a;
    auto& ey = m_split_b;
    auto& pp = m_split_c;
    auto& py = m_split_d;
    detail::split_into(sub.earned_points, c.shares, ep);
    detail::split_into(sub.earned_yuan, c.shares, ey);
    detail::split_into(penalty_points, c.shares, pp);
    detail::split_into(penalty_yuan, c.shares, py);
    for (std::size_t i = 0; i < c.authors.size(); ++i)
        credit_row(*c.authors[i], c.pieces[i], ep[i], ey[i], pp[i], py[i]);

    if (m_options.explain) {
        auto lines = [&](RowState& r, model::Decimal points, model::Decimal yuan,
                         const std::string& share) {
            r.row.lines.push_back({tr(Msg::ex_submitted, piece_text(s), s.submitted_on.iso(),
                                      detail::amount_text(points, yuan), share),
                                   points, yuan, 0});
            for (const auto& l : sub.lines) r.row.lines.push_back({l.text, l.points, l.yuan, 1});
        };
        lines(dept, sub.earned_points - penalty_points, sub.earned_yuan - penalty_yuan, "");
        for (std::size_t i = 0; i < c.authors.size(); ++i)
            lines(*c.authors[i], ep[i] - pp[i], ey[i] - py[i],
                  tr(Msg::ex_share_of_piece, c.shares[i].str()));
    }

    if (sub.zeroed) return;  // a false report fulfils no quota
    for (std::size_t q = 0; q < m_rules.quotas.size(); ++q) {
        const Quota& quota = m_rules.quotas[q];
        if (quota.measure == Measure::adopted || !quota.when.matches_submission(s)) continue;
        const bool by_count = quota.measure == Measure::submitted;
        const int key = period_key(quota.period, s.submitted_on);
        if (quota.who == Subject::dept) {
            dept.quota_actual[q][key] += by_count ? model::Decimal::whole(1) : sub.earned_points;
        } else {
            for (std::size_t i = 0; i < c.authors.size(); ++i)
                c.authors[i]->quota_actual[q][key] += by_count ? c.pieces[i] : ep[i];
        }
    }
}

void TallyBuilder::credit_missed(const model::Submission& s, const PieceScore& score,
                                 const Credit& c) {
    const SubmissionScore& sub = score.submission;
    if (sub.missed_points.is_zero() && sub.missed_yuan.is_zero()) return;
    auto& pp = m_split_a;
    auto& py = m_split_b;
    detail::split_into(sub.missed_points, c.shares, pp);
    detail::split_into(sub.missed_yuan, c.shares, py);
    auto book = [&](RowState& r, model::Decimal points, model::Decimal yuan) {
        r.row.penalty_points += points;
        r.row.penalty_yuan += yuan;
        if (m_options.explain)
            r.row.lines.push_back({tr(Msg::ex_missed_commission, piece_text(s), s.due_on->iso(),
                                      detail::amount_text(-points, -yuan)),
                                   -points, -yuan, 0});
    };
    book(*c.dept, sub.missed_points, sub.missed_yuan);
    for (std::size_t i = 0; i < c.authors.size(); ++i) book(*c.authors[i], pp[i], py[i]);
}

void TallyBuilder::credit_adoptions(const model::Submission& s,
                                    const std::vector<model::Adoption>& adoptions,
                                    const PieceScore& score, const Credit& c) {
    RowState& dept = *c.dept;
    auto& points = m_split_a;
    auto& yuan = m_split_b;
    bool any = false;
    for (std::size_t i = 0; i < adoptions.size(); ++i) {
        const model::Adoption& a = adoptions[i];
        if (!m_period.contains(a.adopted_on)) continue;
        any = true;
        const AdoptionScore& as = score.adoptions[i];
        const int month = period_key(PeriodKind::month, a.adopted_on);
        const std::size_t level = level_index(a.level);
        detail::split_into(as.points, c.shares, points);
        detail::split_into(as.yuan, c.shares, yuan);
        auto add_level = [level](std::vector<std::optional<model::Decimal>>& v, model::Decimal x) {
            if (v.size() <= level) v.resize(level + 1);
            v[level] = v[level].value_or(model::Decimal()) + x;
        };
        auto credit_row = [&](RowState& r, model::Decimal piece, model::Decimal p,
                              model::Decimal y) {
            r.row.adoptions += piece;
            add_level(r.level_adoptions, piece);
            if (!as.counted) return;
            r.row.adoption_points += p;
            r.row.yuan_earned += y;
            add_level(r.level_points, p);
            auto& bucket = r.earned_by_month[month];
            bucket.points += p;
            bucket.yuan += y;
        };
        credit_row(dept, model::Decimal::whole(1), as.points, as.yuan);
        for (std::size_t k = 0; k < c.authors.size(); ++k)
            credit_row(*c.authors[k], c.pieces[k], points[k], yuan[k]);

        if (m_options.explain) {
            const std::string head =
                tr(Msg::ex_adoption, a.id, piece_text(s), a.outlet,
                   m_rules.vocabulary.levels.name_of(a.level), a.adopted_on.iso(),
                   as.counted ? std::string_view() : tr_view(Msg::ex_not_counted_short));
            auto lines = [&](RowState& r, model::Decimal p, model::Decimal y, std::string tail) {
                r.row.lines.push_back({tr(Msg::ex_head_tail, head, tail), p, y, 0});
                for (const auto& l : as.lines) r.row.lines.push_back({l.text, l.points, l.yuan, 1});
            };
            lines(dept, as.points, as.yuan, detail::amount_text(as.points, as.yuan));
            for (std::size_t k = 0; k < c.authors.size(); ++k) {
                const model::Ratio share = c.shares[k];
                std::string tail;
                if (!as.points.is_zero()) tail = share_text(as.points, points[k], share, "分");
                if (!as.yuan.is_zero())
                    tail += (tail.empty() ? std::string() : tr(Msg::ex_and)) +
                            share_text(as.yuan, yuan[k], share, "元");
                if (tail.empty()) tail = "0";
                lines(*c.authors[k], points[k], yuan[k], tail);
            }
        }

        if (!as.counted || score.submission.zeroed) continue;
        for (std::size_t q = 0; q < m_rules.quotas.size(); ++q) {
            const Quota& quota = m_rules.quotas[q];
            if (quota.measure == Measure::submitted || !quota.when.matches(s, a)) continue;
            const bool by_count = quota.measure == Measure::adopted;
            const int key = period_key(quota.period, a.adopted_on);
            if (quota.who == Subject::dept) {
                dept.quota_actual[q][key] += by_count ? model::Decimal::whole(1) : as.points;
            } else {
                for (std::size_t k = 0; k < c.authors.size(); ++k)
                    c.authors[k]->quota_actual[q][key] += by_count ? c.pieces[k] : points[k];
            }
        }
    }
    if (!any) return;
    dept.row.adopted_pieces += model::Decimal::whole(1);
    for (std::size_t k = 0; k < c.authors.size(); ++k)
        c.authors[k]->row.adopted_pieces += c.pieces[k];
}

std::size_t TallyBuilder::level_index(const std::string& level) {
    for (std::size_t i = 0; i < m_levels.size(); ++i)
        if (m_levels[i] == level) return i;
    m_levels.push_back(level);
    return m_levels.size() - 1;
}

void rank_rows(std::vector<TallyRow>& rows, RankBy by) {
    auto figure = [by](const TallyRow& r) {
        return by == RankBy::net_points ? r.net_points : r.net_yuan;
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const TallyRow& a, const TallyRow& b) { return figure(a) > figure(b); });
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i].rank = (i > 0 && figure(rows[i]) == figure(rows[i - 1])) ? rows[i - 1].rank
                                                                         : static_cast<int>(i) + 1;
}

}  // namespace infotally::rules
