#pragma once
// Shared by the reports: running a tally over a period, and column helpers.
#include <functional>
#include <string>
#include <string_view>

#include "lib/io/table.hpp"
#include "lib/rules/tally.hpp"
#include "lib/store/store.hpp"

namespace infotally::report::detail {

// Streams every submission touching the period through a TallyBuilder. `visit` (optional) sees
// each submission too, for reports that list things while the figures are built. Quota periods
// not over by today stay in progress (TallyOptions::today); departments retired before the
// period get no row unless they have figures in it.
using Visit = std::function<void(const model::Submission&, const std::vector<model::Adoption>&)>;
rules::Tally run_tally(store::Store& store, const rules::Rules& rules, const rules::Period& period,
                       bool explain, const Visit& visit = {});

// Two tallies in one pass over the ledger: `inner` lies within `outer` (a month within its year
// to date), so every submission touching `inner` touches `outer` too; `inner` gets exactly those,
// and `visit` (optional) sees them. Each result equals its own run_tally.
//
// `alongside` (optional) runs on a second thread once the reading is done, while this one
// finishes the two tallies: finishing is rules code, which cannot reach the ledger (the layers
// link one way), so `alongside` may use `store` meanwhile. Nothing else guards that (the
// connection's in-use flag would stop `alongside` too): whatever runs on this thread while it
// does must stay off the ledger. Its exception, if any, comes back here. If no thread can be
// started, it runs here after the finishing.
std::pair<rules::Tally, rules::Tally> run_tallies(store::Store& store, const rules::Rules& rules,
                                                  const rules::Period& outer,
                                                  const rules::Period& inner,
                                                  const Visit& visit = {},
                                                  const std::function<void()>& alongside = {});

// What ranks subjects under these rules: net points, or net yuan when the rules pay money per
// piece and earn no points at all (township-style 按篇计发奖金).
rules::RankBy rank_figure(const rules::Rules& rules);

// " — as of 2026-11-22: running quotas not yet settled" when `period` ends on or after today,
// else "": for the titles of reports whose figures settle quotas.
std::string running_note(const rules::Period& period);

rules::Subject parse_by(const std::optional<std::string>& by, rules::Subject fallback);

io::Column text_col(std::string key, std::string header);
io::Column int_col(std::string key, std::string header);
io::Column dec_col(std::string key, std::string header);
// Text that reads as a number, a percentage ("68.1%") or a share ("0.6"): a string in JSON,
// right-aligned like the numbers in a table.
io::Column right_col(std::string key, std::string header);

// "68.1%" for a ÷ b, or "" when b is zero.
std::string rate_text(model::Decimal a, model::Decimal b);
// "+12.5%" / "-54.0%" change from `before` to `now`, or "" when before is zero.
std::string change_text(model::Decimal now, model::Decimal before);
// Counts without decimals when whole ("3"), else two ("0.50").
std::string count_text(model::Decimal d);

}  // namespace infotally::report::detail
