#include "lib/io/sections.hpp"

#include <nlohmann/json.hpp>

#include "lib/io/csv.hpp"

namespace infotally::io {

std::string render_sections(const Sections& sections, Format format, const TextOptions& options) {
    if (sections.size() == 1 && format != Format::json) return render(sections.front().table, format, options);
    std::string out;
    switch (format) {
        case Format::table:
            for (const auto& s : sections) {
                if (!out.empty()) out += '\n';
                out += render_text(s.table, options);
            }
            return out;
        case Format::csv:
            out = k_utf8_bom;
            for (const auto& s : sections) {
                if (out.size() > k_utf8_bom.size()) out += "\r\n";
                if (!s.table.title.empty()) append_csv_line(out, {s.table.title});
                auto body = render_csv(s.table);
                out += std::string_view(body).substr(k_utf8_bom.size());
            }
            return out;
        case Format::json: {
            auto doc = nlohmann::ordered_json::object();
            for (const auto& s : sections) doc[s.key] = nlohmann::ordered_json::parse(render_json(s.table));
            return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
        }
    }
    return out;
}

}  // namespace infotally::io
