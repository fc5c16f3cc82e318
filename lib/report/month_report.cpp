// `report month YYYY-MM`: the monthly statistics for the review meeting (每月统计、信息点评会).
#include <algorithm>

#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/common.hpp"
#include "lib/report/figures.hpp"
#include "lib/report/reports.hpp"
#include "lib/rules/scoring.hpp"

namespace infotally::report {
using namespace detail;

namespace {

model::Decimal earned(const rules::TallyRow& r) {
    return r.adoption_points + r.submission_points - r.cap_deduction_points;
}
model::Decimal earned_yuan(const rules::TallyRow& r) {
    return r.yuan_earned - r.cap_deduction_yuan;
}

// Last year's pieces in `period`, counted in SQL: the comparison needs no rules, so last year's
// records are not read and scored (that was half of `report month`'s time).
PieceCounts count_pieces(store::Store& store, const rules::Period& period) {
    PieceCounts counts{store.count_pieces(period.from, period.to), {}};
    for (const auto& c : counts.depts) {
        counts.total.submitted += c.submitted;
        counts.total.adopted += c.adopted;
    }
    return counts;
}

// Per department: submitted, adopted, rate, points by level (and for submitting, and cut by caps,
// so that they add up to the points), points, rank, and last year's adopted pieces in the same
// period with the change (同比).
io::Table period_table(const std::string& title, const rules::Rules& rules, const rules::Tally& now,
                       const PieceCounts& last_year) {
    io::Table t;
    t.title = title;
    t.columns = {
        text_col("dept", tr(Msg::col_department)), dec_col("submitted", tr(Msg::col_submitted)),
        dec_col("adopted", tr(Msg::col_adopted)), right_col("adoption_rate", tr(Msg::col_rate))};
    const auto& levels = rules.vocabulary.levels.terms();
    for (const auto& l : levels)
        t.columns.push_back(dec_col("points_" + l.key, l.name.empty() ? l.key : l.name));
    t.columns.push_back(dec_col("points_submission", tr(Msg::col_submission_points)));
    const bool capped = !rules.caps.empty();
    if (capped) t.columns.push_back(dec_col("points_capped", tr(Msg::col_capped)));
    t.columns.insert(t.columns.end(),
                     {dec_col("points", tr(Msg::col_points)), dec_col("yuan", tr(Msg::col_yuan)),
                      int_col("rank", tr(Msg::col_rank)),
                      dec_col("last_year_adopted", tr(Msg::col_adopted_last_year)),
                      right_col("adopted_change", tr(Msg::col_change))});
    // Rank by what was earned in the period; quota rewards and penalties belong to the tally.
    auto rows = now.depts;
    for (auto& r : rows) {
        r.net_points = earned(r);
        r.net_yuan = earned_yuan(r);
    }
    rules::rank_rows(rows, rank_figure(rules));
    auto last = [&](model::Id id) { return model::Decimal::whole(last_year.of(id).adopted); };
    auto cells = [&](const rules::TallyRow& r, model::Decimal ly, const std::string& rank) {
        std::vector<std::string> c{r.name, count_text(r.submitted), count_text(r.adopted_pieces),
                                   rate_text(r.adopted_pieces, r.submitted)};
        for (const auto& l : levels) {
            auto it = r.points_by_level.find(l.key);
            c.push_back((it == r.points_by_level.end() ? model::Decimal() : it->second).str());
        }
        c.push_back(r.submission_points.str());
        if (capped) c.push_back((-r.cap_deduction_points).str());
        c.insert(c.end(), {earned(r).str(), earned_yuan(r).str(), rank, count_text(ly),
                           change_text(r.adopted_pieces, ly)});
        return c;
    };
    for (const auto& r : rows) t.rows.push_back(cells(r, last(r.id), std::to_string(r.rank)));
    auto total = now.dept_total;
    total.name = tr(Msg::cell_total);
    t.total_rows.push_back(t.rows.size());
    t.rows.push_back(cells(total, model::Decimal::whole(last_year.total.adopted), ""));
    return t;
}

}  // namespace

MonthFigures detail::month_figures(store::Store& store, const std::string& month_text) {
    const auto month = ledger::parse_month(month_text);
    auto rules = rules_for_year(store, month.year);
    const rules::Period this_month{month.first_day(), month.last_day()};
    const rules::Period ytd{*model::Date::from_ymd(month.year, 1, 1), month.last_day()};
    const auto ly_month_spec = month.previous_year();
    const rules::Period ly_month{ly_month_spec.first_day(), ly_month_spec.last_day()};
    const rules::Period ly_ytd{*model::Date::from_ymd(month.year - 1, 1, 1),
                               ly_month_spec.last_day()};

    // The month's adoptions, listed with the points each scored, and the month's figures.
    io::Table list;
    list.title = tr(Msg::title_month_adoptions, month.iso());
    list.columns = {text_col("adopted_on", tr(Msg::hdr_adopted_on)),
                    int_col("id", tr(Msg::hdr_number)),
                    text_col("title", tr(Msg::hdr_title)),
                    text_col("dept", tr(Msg::col_department)),
                    text_col("authors", tr(Msg::hdr_authors)),
                    text_col("outlet", tr(Msg::hdr_outlet)),
                    text_col("level", tr(Msg::hdr_level)),
                    dec_col("points", tr(Msg::col_points)),
                    dec_col("yuan", tr(Msg::col_yuan)),
                    text_col("note", tr(Msg::col_note))};
    // (day, adoption number) to sort by, and the cells
    std::vector<std::pair<std::pair<int, model::Id>, std::vector<std::string>>> listed;
    // Last year's counts are read while this year's tallies are finished.
    PieceCounts last_ytd, last_month;
    auto [ytd_tally, month_tally] = run_tallies(
        store, rules, ytd, this_month,
        [&](const model::Submission& s, const std::vector<model::Adoption>& adoptions) {
            bool any = false;
            for (const auto& a : adoptions) any = any || this_month.contains(a.adopted_on);
            if (!any) return;
            auto score = rules::score_piece(rules, s, adoptions, month.last_day(), false);
            std::string authors;
            for (const auto& au : s.authors) authors += (authors.empty() ? "" : "、") + au.name;
            for (std::size_t i = 0; i < adoptions.size(); ++i) {
                const auto& a = adoptions[i];
                if (!this_month.contains(a.adopted_on)) continue;
                const auto& sc = score.adoptions[i];
                listed.push_back({{a.adopted_on.days_since_epoch(), a.id},
                                  {a.adopted_on.iso(), std::to_string(a.id), s.title, s.dept_name,
                                   authors, a.outlet, rules.vocabulary.levels.name_of(a.level),
                                   sc.points.str(), sc.yuan.str(),
                                   !sc.counted               ? tr(Msg::note_not_counted)
                                   : score.submission.zeroed ? tr(Msg::note_zeroed)
                                                             : ""}});
            }
        },
        [&] {
            last_ytd = count_pieces(store, ly_ytd);
            last_month = count_pieces(store, ly_month);
        });
    std::sort(listed.begin(), listed.end());
    for (auto& [key, cells] : listed) list.rows.push_back(std::move(cells));

    const auto unit = store.unit_name();
    io::Sections out;
    out.push_back(
        {"month", period_table(tr(Msg::title_month_report, unit, month.iso(), ly_month_spec.iso()),
                               rules, month_tally, last_month)});
    out.push_back({"year_to_date", period_table(tr(Msg::title_year_to_date, month.year, month.iso(),
                                                   month.year - 1, ly_month_spec.iso()),
                                                rules, ytd_tally, last_ytd)});
    out.push_back({"adoptions", std::move(list)});
    return {month,
            std::move(rules),
            std::move(month_tally),
            std::move(ytd_tally),
            std::move(last_month),
            std::move(last_ytd),
            std::move(out)};
}

store::PieceCount detail::PieceCounts::of(model::Id dept_id) const {
    auto it =
        std::lower_bound(depts.begin(), depts.end(), dept_id,
                         [](const store::PieceCount& c, model::Id id) { return c.dept_id < id; });
    return it != depts.end() && it->dept_id == dept_id ? *it : store::PieceCount{dept_id, 0, 0};
}

io::Sections month_report(store::Store& store, const std::string& month_text) {
    return month_figures(store, month_text).sections;
}

}  // namespace infotally::report
