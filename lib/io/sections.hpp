#pragma once
// A report of several tables (the month, the year to date, the month's adoptions …), rendered
// as one output: text sections under their titles, one CSV file (one BOM, a title row and a
// blank line between tables) that Excel opens as one sheet, or one JSON object keyed by section.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/io/table.hpp"

namespace infotally::io {

struct Section {
    std::string key;  // JSON key: stable, ASCII
    Table table;      // its title is the section's heading in text and CSV
};

using Sections = std::vector<Section>;

std::string render_sections(const Sections& sections, Format format,
                            const TextOptions& options = {});

// The same output handed to `sink` a section at a time, so a report of many rows is never held
// whole as text (Context::print writes each piece to stdout).
void render_sections(const Sections& sections, Format format, const TextOptions& options,
                     const std::function<void(std::string_view)>& sink);

}  // namespace infotally::io
