#include "lib/model/records.hpp"

namespace infotally::model {

const Membership& Person::membership_on(const Date& day) const {
    const Membership* found = &history.front();
    for (const auto& m : history) {
        if (m.since <= day) found = &m;
    }
    return *found;
}

}  // namespace infotally::model
