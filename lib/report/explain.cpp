// `explain`: every rule that applied and every number that went into a figure, line by line,
// so an officer can answer "why did I get 32.50?".
#include <fmt/format.h>

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"
#include "lib/report/common.hpp"
#include "lib/report/reports.hpp"
#include "lib/rules/scoring.hpp"

namespace infotally::report {
using namespace detail;

namespace {

io::Table lines_table(std::string title, const std::vector<rules::ExplainLine>& lines,
                      model::Decimal points, model::Decimal yuan) {
    io::Table t;
    t.title = std::move(title);
    t.columns = {text_col("step", tr(Msg::col_step)), dec_col("points", tr(Msg::col_points)),
                 dec_col("yuan", tr(Msg::col_yuan))};
    for (const auto& l : lines) {
        // Detail lines (depth 1) explain the line above; their amounts do not add up again.
        if (l.depth > 0)
            t.rows.push_back({"    " + l.text, "", ""});
        else
            t.rows.push_back({l.text, l.points.str(), l.yuan.str()});
    }
    t.total_rows.push_back(t.rows.size());
    t.rows.push_back({tr(Msg::cell_total), points.str(), yuan.str()});
    return t;
}

}  // namespace

io::Sections explain_adoption(store::Store& store, const std::string& id_text) {
    const auto id = ledger::parse_record_id(id_text);
    auto a = store.adoption(id);
    if (!a) {
        if (store.record_kind(id) == store::RecordKind::submission)
            throw InputError(tr(Msg::err_explain_submission, id),
                             tr(Msg::hint_explain_submission, id));
        throw InputError(tr(Msg::err_no_adoption, id), tr(Msg::hint_no_adoption));
    }
    const auto s = *store.submission(a->submission_id);
    store::RecordFilter by_submission;
    by_submission.submission_id = s.id;
    const auto adoptions = store.adoptions(by_submission);
    const auto rules = rules_for_year(store, a->adopted_on.year());
    const auto score = rules::score_piece(
        rules, s, adoptions, model::Date::from_ymd(a->adopted_on.year(), 12, 31).value());
    const rules::AdoptionScore* mine = nullptr;
    for (std::size_t i = 0; i < adoptions.size(); ++i)
        if (adoptions[i].id == id) mine = &score.adoptions[i];

    io::Sections out;
    out.push_back({"adoption", lines_table(tr(Msg::title_explain_adoption, id, s.title, a->outlet,
                                              a->adopted_on.iso(), a->adopted_on.year()),
                                           mine->lines, mine->points, mine->yuan)});
    io::Table split;
    split.title = tr(Msg::title_credited_to);
    split.columns = {text_col("name", tr(Msg::col_author)), right_col("share", tr(Msg::col_share)),
                     dec_col("piece", tr(Msg::col_piece)), dec_col("points", tr(Msg::col_points)),
                     dec_col("yuan", tr(Msg::col_yuan))};
    for (const auto& c : rules::credit_authors(rules, s, mine->points, mine->yuan))
        split.rows.push_back({c.name, c.share.str(), c.piece.str(), c.points.str(), c.yuan.str()});
    split.rows.push_back({tr(Msg::cell_dept_credit, s.dept_name), "1", "1.00", mine->points.str(),
                          mine->yuan.str()});
    out.push_back({"credit", std::move(split)});
    return out;
}

io::Sections explain_person(store::Store& store, const std::string& name,
                            const std::string& year_text) {
    const int year = ledger::parse_year(year_text, ledger::YearGiven::with_flag);
    const auto person = ledger::require_person(store, name);
    const auto rules = rules_for_year(store, year);
    const auto period = rules::Period::year(year);
    auto tally = run_tally(store, rules, period, true);
    for (const auto& r : tally.persons) {
        if (r.id != person.id) continue;
        return {{"explain", lines_table(tr(r.lines.empty() ? Msg::title_explain_person_nothing
                                                           : Msg::title_explain_person,
                                           r.name, r.dept_name, year, running_note(period)),
                                        r.lines, r.net_points, r.net_yuan)}};
    }
    return {{"explain", lines_table(tr(Msg::title_explain_nobody, person.name, year), {}, {}, {})}};
}

}  // namespace infotally::report
