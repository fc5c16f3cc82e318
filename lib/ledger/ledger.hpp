#pragma once
// What the recording commands do: take the user's words (strings, as typed), check them against
// the ledger and the year's vocabulary, and write them in one transaction. Every failure throws
// an infotally::Error that names the thing at fault and what to do next; nothing is written then.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/model/records.hpp"
#include "lib/rules/vocabulary.hpp"
#include "lib/store/store.hpp"

namespace infotally::ledger {

using Text = std::optional<std::string>;  // a flag the user may leave out

// --- set-up --------------------------------------------------------------------------------
struct InitRequest {
    std::string unit_name;
    Text rules_file;                              // else the default rules for the current year
    std::string command_line = "infotally init";  // for the journal
};
struct InitResult {
    std::string path;
    int rules_year = 0;
};
InitResult init(const std::string& path, const InitRequest& request);

model::Department add_department(store::Store& store, const std::string& code,
                                 const std::string& name);
model::Department retire_department(store::Store& store, const std::string& code, const Text& on);
model::Person add_person(store::Store& store, const std::string& name, const std::string& dept,
                         const Text& since);
model::Person move_person(store::Store& store, const std::string& name, const std::string& dept,
                          const std::string& from);
// The outlet as stored (level and media by key) and their names in the year's rules, for the
// confirmation ("省级", not "provincial"), as `outlet list` shows them.
struct AddedOutlet {
    model::Outlet outlet;
    std::string level_name;
    std::string media_name;
};
AddedOutlet add_outlet(store::Store& store, const std::string& name, const std::string& level,
                       const Text& media);

// --- records -------------------------------------------------------------------------------
// The fields of a submission as typed. For `submit`, title/kind/authors are required and the
// rest default; for `edit`, only the fields given change.
struct SubmissionFields {
    Text title, kind, dept, date, category, length, destination, occurred, due;
    std::vector<std::string> authors;  // "张三" or "张三:0.5"; empty = unchanged (edit)
    std::optional<std::vector<std::string>> tags;
};
model::Id submit(store::Store& store, const SubmissionFields& fields);

struct AdoptionFields {
    Text submission, outlet, date, form, placement, endorsed_by, fee;
};
model::Id adopt(store::Store& store, const AdoptionFields& fields);

// `edit ID`: ID names a submission or an adoption; fields of the other kind are refused.
struct EditResult {
    store::RecordKind kind = store::RecordKind::none;
    model::Id id = 0;
};
EditResult edit(store::Store& store, const std::string& id, const SubmissionFields& submission,
                const AdoptionFields& adoption);

// `remove ID`: a submission with adoptions is refused unless `force` (then they go too).
struct RemoveResult {
    store::RecordKind kind = store::RecordKind::none;
    model::Id id = 0;
    int adoptions_removed = 0;
};
RemoveResult remove(store::Store& store, const std::string& id, bool force);

// --- history ------------------------------------------------------------------------------
// `undo [ENTRY]`: reverts the latest journal entry (or the one given) as a whole; undoing an
// undo redoes.
struct UndoResult {
    store::JournalEntry reverted;               // the entry whose changes were reverted
    std::optional<store::JournalEntry> redone;  // when `reverted` was an undo: the entry redone
};
UndoResult undo(store::Store& store, const Text& entry);

// `backup FILE`: a consistent copy made with SQLite's online backup API (safe while another
// process writes), checked before it replaces FILE.
void backup(store::Store& store, const std::string& file, bool overwrite);
// `restore FILE`: checks FILE is a sound infotally ledger, saves the current ledger beside
// itself (…before-restore-TIME), then copies FILE over it. Returns the safety copy's path.
std::string restore(const std::string& ledger_path, const std::string& file);

// `check`: the full integrity and foreign-key check; empty when the ledger is sound.
std::vector<std::string> check(store::Store& store);

// The text of a rules file (`init --rules`, `rules check`, `rules set`); refuses a folder, an
// unreadable file and one far larger than any rules file.
std::string read_rules_file(const std::string& path);

// --- lookups shared by commands --------------------------------------------------------------
model::Id parse_record_id(const std::string& text);
// A journal entry's number, as `log` shows it (`undo ENTRY`).
model::Id parse_journal_entry(const std::string& text);
model::Department require_department(store::Store& store, const std::string& code_or_name);
model::Person require_person(store::Store& store, const std::string& name);
model::Outlet require_outlet(store::Store& store, const std::string& name);
// Dates, months and years as an officer types them: ASCII or full-width digits (２０２６年３月),
// months as 2026-03, 2026/3 or 2026年3月, years as 2026 or 2026年.
model::Date parse_date(const std::string& text, std::string_view what);
model::Month parse_month(const std::string& text);
// Where the year was asked for, for the hint: `tally 2026` or `--year 2026`.
enum class YearGiven { as_argument, with_flag };
int parse_year(const std::string& text, YearGiven given);

// The vocabulary in force for a year: that year's stored rules, else the nearest earlier year's,
// else the earliest later year's, else the default.
rules::Vocabulary vocabulary_for(store::Store& store, int year);

}  // namespace infotally::ledger
