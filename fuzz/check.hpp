#pragma once
// What the fuzz targets check, shared by the libFuzzer executables (fuzz/fuzz_*.cpp) and the
// regression tests (tests/unit/test_*_regressions.cpp) that replay every input a fuzzer once
// crashed on, so that a fix stays fixed in an ordinary `make test`. One header per target
// (fuzz/*_entry.hpp), each using only the layers its target links.
//
// The contract fuzzed: arbitrary bytes may make the library throw infotally::Error (the user's
// input is wrong) and nothing else. A crash, a sanitizer report, a hang, any other exception,
// or a broken property (reported as Violation) is a bug.
#include <stdexcept>

#include "lib/model/error.hpp"

namespace infotally::fuzz {

// A property that must hold for every input did not. Deliberately not an infotally::Error.
class Violation : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

inline void require(bool ok, const char* what) {
    if (!ok) throw Violation(what);
}

}  // namespace infotally::fuzz
