#pragma once
// A submission's tags are stored as one text of comma-separated labels (records.cpp writes them,
// bulk.cpp imports and exports them).
#include <string>
#include <string_view>
#include <vector>

namespace infotally::store {

std::string join_tags(const std::vector<std::string>& tags);
std::vector<std::string> split_tags(std::string_view text);  // empty labels are dropped

}  // namespace infotally::store
