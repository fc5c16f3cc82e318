#pragma once
// Replays the inputs a fuzz target once crashed on (tests/fuzz-regressions/TARGET/, one file
// each) through the target's own entry point (fuzz/*_entry.hpp). Each must now end normally or
// with an infotally::Error, as the fuzzer demands.
#include <doctest/doctest.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "lib/model/error.hpp"

namespace infotally::test {

// The target's inputs, sorted. A target the fuzzer has not crashed yet has no folder (git keeps
// no empty one): that is an empty list, but the target itself must exist (its seed corpus), so
// that a misspelt name cannot pass for "nothing to replay".
inline std::vector<std::filesystem::path> fuzz_regressions(std::string_view target) {
    const std::filesystem::path source(INFOTALLY_SOURCE_DIR);
    REQUIRE_MESSAGE(std::filesystem::is_directory(source / "fuzz" / "corpus" / std::string(target)),
                    "no fuzz target " << target);
    const auto dir = source / "tests" / "fuzz-regressions" / std::string(target);
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::exists(dir)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

template <class Entry>
void replay_fuzz_regressions(std::string_view target, Entry entry) {
    const auto files = fuzz_regressions(target);
    if (files.empty()) MESSAGE(target << " has crashed on no input yet: nothing to replay");
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        INFO(file.filename().string());
        try {
            entry(std::string_view(bytes));
        } catch (const Error&) {
            // refused as bad input: what the fuzzer expects
        } catch (const std::exception& e) {
            FAIL_CHECK("not an infotally::Error: " << e.what());
        }
    }
}

}  // namespace infotally::test
