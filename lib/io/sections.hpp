#pragma once
// A report of several tables (the month, the year to date, the month's adoptions …), rendered
// as one output: text sections under their titles, one CSV file (one BOM, a title row and a
// blank line between tables) that Excel opens as one sheet, or one JSON object keyed by section.
#include <string>
#include <vector>

#include "lib/io/table.hpp"

namespace infotally::io {

struct Section {
    std::string key;  // JSON key: stable, ASCII
    Table table;      // its title is the section's heading in text and CSV
};

using Sections = std::vector<Section>;

std::string render_sections(const Sections& sections, Format format, const TextOptions& options = {});

}  // namespace infotally::io
