#pragma once
// Whole-file operations: consistent copies with SQLite's online backup API, and integrity checks.
#include <string>
#include <vector>

#include "lib/store/sqlite.hpp"

namespace infotally::store {

// Copies every page of `from` into `to`, replacing what `to` held. Reads one consistent snapshot
// of `from` (other processes may keep writing to it meanwhile); waits out a busy `to`.
void copy_database(Connection& from, Connection& to);

// PRAGMA integrity_check: empty when the file is sound, else the problems SQLite lists.
std::vector<std::string> integrity_problems(Connection& conn);

}  // namespace infotally::store
