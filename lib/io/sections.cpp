#include "lib/io/sections.hpp"

#include <nlohmann/json.hpp>

#include "lib/io/csv.hpp"
#include "lib/io/json_rows.hpp"

namespace infotally::io {

void render_sections(const Sections& sections, Format format, const TextOptions& options,
                     const std::function<void(std::string_view)>& sink) {
    if (sections.size() == 1 && format != Format::json) {
        sink(render(sections.front().table, format, options));
        return;
    }
    switch (format) {
        case Format::table:
            for (std::size_t i = 0; i < sections.size(); ++i) {
                if (i > 0) sink("\n");
                sink(render_text(sections[i].table, options));
            }
            return;
        case Format::csv:
            sink(k_utf8_bom);
            for (std::size_t i = 0; i < sections.size(); ++i) {
                std::string out;
                if (i > 0) out += "\r\n";
                if (!sections[i].table.title.empty())
                    append_csv_line(out, {sections[i].table.title});
                sink(out);
                const auto body = render_csv(sections[i].table);
                sink(std::string_view(body).substr(k_utf8_bom.size()));
            }
            return;
        case Format::json:
            // {"key": [rows…], …} as dump(2) would write it, one section's rows at a time.
            if (sections.empty()) return sink("{}\n");
            for (std::size_t i = 0; i < sections.size(); ++i) {
                sink(std::string(i == 0 ? "{\n  " : ",\n  ") +
                     nlohmann::ordered_json(sections[i].key).dump() + ": ");
                write_json_rows(sections[i].table, 2, sink);
            }
            return sink("\n}\n");
    }
}

std::string render_sections(const Sections& sections, Format format, const TextOptions& options) {
    std::string out;
    render_sections(sections, format, options, [&](std::string_view piece) { out += piece; });
    return out;
}

}  // namespace infotally::io
