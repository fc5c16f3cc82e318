#pragma once
#include <string_view>
#include <vector>

namespace infotally::store {

struct Migration {
    int version;            // from the file name: 001_init.sql -> 1
    std::string_view name;  // file name, for messages
    std::string_view sql;
};

// schemas/NNN_*.sql, in order; generated at build time (cmake/embed_schemas_script.cmake).
const std::vector<Migration>& migrations();

}  // namespace infotally::store
