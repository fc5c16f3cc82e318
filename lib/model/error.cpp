#include "lib/model/error.hpp"

namespace infotally {

std::string Error::visible_nul(std::string text) {
    // Appending pieces, not replace() in place: GCC 12 -O3 warns falsely (-Wrestrict) on that.
    std::string out;
    std::size_t start = 0;
    for (auto at = text.find('\0'); at != std::string::npos; at = text.find('\0', start)) {
        out.append(text, start, at - start);
        out.append("\\x00", 4);
        start = at + 1;
    }
    if (start == 0) return text;
    out.append(text, start, std::string::npos);
    return out;
}

}  // namespace infotally
