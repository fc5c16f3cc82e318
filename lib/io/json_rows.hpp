#pragma once
// A table's rows as a JSON array (numbers as numbers), shared by render_json and the JSON of a
// report of several sections, which nests the arrays without printing and parsing them again.
#include <nlohmann/json.hpp>

#include "lib/io/table.hpp"

namespace infotally::io {

nlohmann::ordered_json json_rows(const Table& table);

}  // namespace infotally::io
