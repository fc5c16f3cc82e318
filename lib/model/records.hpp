#pragma once
// The ledger's records as plain values (no I/O). Vocabulary values (level, media, kind, form,
// placement, endorsement) are stored as the canonical keys of the year's rules file
// ("national", "print", "info", "whole", …); their Chinese names live in the rules.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lib/model/date.hpp"
#include "lib/model/decimal.hpp"

namespace infotally::model {

using Id = std::int64_t;

struct Department {
    Id id = 0;
    std::string code;  // short, unique: "office", "gongsu"
    std::string name;  // 办公室
    std::optional<Date> retired_on;
};

// A person belongs to one department at a time; `since` is the first day of that membership.
struct Membership {
    Id dept_id = 0;
    std::string dept_code;
    std::string dept_name;
    Date since;
};

struct Person {
    Id id = 0;
    std::string name;
    std::vector<Membership> history;  // ordered by `since`; never empty

    // The membership in force on `day` (the latest one that started on or before it; the first
    // one for days before any membership started).
    const Membership& membership_on(const Date& day) const;
    const Membership& current() const { return history.back(); }
};

struct Outlet {
    Id id = 0;
    std::string name;   // 检察日报
    std::string level;  // national | provincial | city | county (or the rules' own keys)
    std::string media;  // print | online | radio | tv | newmedia | internal
};

struct Author {
    Id person_id = 0;
    std::string name;
    int position = 1;            // 1 = first author (主执笔人)
    std::optional<Ratio> share;  // declared share; all or none of a submission's authors have one
};

struct Submission {
    Id id = 0;
    std::string title;
    std::string kind;      // info | publicity
    std::string category;  // free text: 动态, 调研, 经验 … (may be empty)
    Id dept_id = 0;
    std::string dept_code;
    std::string dept_name;
    Date submitted_on;
    std::optional<std::int64_t> length;  // characters
    std::string destination;             // where it was sent, e.g. "direct" (may be empty)
    std::optional<Date> occurred_on;     // when the reported event happened (for time limits)
    std::optional<Date> due_on;          // deadline of a commissioned piece (约稿)
    std::vector<std::string> tags;  // free labels the rules can match (虚报, 约稿, 重要 …)
    std::vector<Author> authors;    // by position
};

struct Adoption {
    Id id = 0;
    Id submission_id = 0;
    Id outlet_id = 0;
    std::string outlet;  // outlet name
    std::string level;   // the outlet's level
    std::string media;   // the outlet's media type
    Date adopted_on;
    std::string form = "whole";  // whole | merged | brief
    std::string placement;    // "" or a placement key: front-page, lead, front-lead, full-page …
    std::string endorsement;  // "" or the endorsing leader's level key
    std::optional<Decimal> fee;  // fee paid by the outlet, if recorded
};

}  // namespace infotally::model
