#include "lib/report/completion.hpp"

#include "lib/ledger/ledger.hpp"
#include "lib/model/error.hpp"

namespace infotally::report {
namespace {

void add_terms(std::vector<std::string>& out, const rules::TermList& terms) {
    for (const auto& t : terms.terms()) {
        out.push_back(t.key);
        if (!t.name.empty()) out.push_back(t.name);
    }
}

}  // namespace

std::vector<std::string> completion_values(const std::string& ledger_path,
                                           const std::string& kind) {
    std::vector<std::string> out;
    if (kind == "formats") return {"table", "csv", "json"};
    if (kind == "by") return {"person", "dept"};
    try {
        auto store = store::Store::open(ledger_path);
        if (kind == "depts") {
            for (const auto& d : store.departments())
                if (!d.retired_on) out.push_back(d.code);
        } else if (kind == "people") {
            for (const auto& p : store.people()) out.push_back(p.name);
        } else if (kind == "outlets") {
            for (const auto& o : store.outlets()) out.push_back(o.name);
        } else {
            const auto vocab = ledger::vocabulary_for(store, model::Date::today().year());
            if (kind == "levels") add_terms(out, vocab.levels);
            if (kind == "media") add_terms(out, vocab.media);
            if (kind == "kinds") add_terms(out, vocab.kinds);
            if (kind == "forms") add_terms(out, vocab.forms);
            if (kind == "placements") add_terms(out, vocab.placements);
            if (kind == "endorsements") add_terms(out, vocab.endorsements);
        }
    } catch (const Error&) {
        // No ledger yet, or not a ledger: complete nothing rather than print an error mid-line.
        if (kind == "levels" || kind == "media" || kind == "kinds" || kind == "forms" ||
            kind == "placements" || kind == "endorsements") {
            const auto& v = rules::default_vocabulary();
            add_terms(out, kind == "levels"       ? v.levels
                           : kind == "media"      ? v.media
                           : kind == "kinds"      ? v.kinds
                           : kind == "forms"      ? v.forms
                           : kind == "placements" ? v.placements
                                                  : v.endorsements);
        }
    }
    return out;
}

}  // namespace infotally::report
