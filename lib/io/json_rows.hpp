#pragma once
// A table's rows as a JSON array (numbers as numbers), written a piece at a time: shared by
// render_json and the JSON of a report of several sections, which nests the arrays.
#include <cstddef>
#include <functional>
#include <string_view>

#include "lib/io/table.hpp"

namespace infotally::io {

// Hands `sink` the text nlohmann's dump(2) gives the array when it is nested `indent` spaces
// deep (0: the whole document), with no line break after its closing bracket.
void write_json_rows(const Table& table, std::size_t indent,
                     const std::function<void(std::string_view)>& sink);

}  // namespace infotally::io
