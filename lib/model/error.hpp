#pragma once
// The one error family (STYLE.md practice 4). Everything the library throws for a user-facing
// reason is an infotally::Error; the single catch in cli/main.cpp prints
// "infotally: error: <what>" plus the hint, and exits with exit_code().
#include <stdexcept>
#include <string>

namespace infotally {

enum class ExitCode : int { ok = 0, data = 1, usage = 2 };

class Error : public std::runtime_error {
  public:
    // `what` names the thing at fault; `hint` says what to do next (may be empty).
    Error(std::string what, std::string hint = {}, ExitCode code = ExitCode::data)
        : std::runtime_error(visible_nul(std::move(what))),
          m_hint(visible_nul(std::move(hint))),
          m_code(code) {}
    const std::string& hint() const noexcept { return m_hint; }
    int exit_code() const noexcept { return static_cast<int>(m_code); }

  private:
    // what() is a C string, so a NUL quoted from a file would cut the message short there:
    // it is written as \x00 instead, like the other control characters on the terminal.
    // (Out of line, in error.cpp: inlined at every throw, GCC 12 -O3 warns falsely.)
    static std::string visible_nul(std::string text);

    std::string m_hint;
    ExitCode m_code;
};

// A command line that does not fit the command's shape (exit 2).
class UsageError : public Error {
  public:
    explicit UsageError(std::string what, std::string hint = {})
        : Error(std::move(what), std::move(hint), ExitCode::usage) {}
};

// Input that is well-formed on the command line but wrong as data: a bad date, an unknown
// department, shares that do not sum to 1 (exit 1).
class InputError : public Error {
  public:
    explicit InputError(std::string what, std::string hint = {})
        : Error(std::move(what), std::move(hint), ExitCode::data) {}
};

// The ledger file itself: not a database, newer schema, busy, unwritable (exit 1).
class LedgerError : public Error {
  public:
    explicit LedgerError(std::string what, std::string hint = {})
        : Error(std::move(what), std::move(hint), ExitCode::data) {}
};

// A write the ledger's constraints refused (a duplicate, a missing referenced row): usually a
// concurrent change between the check and the write (exit 1).
class ConstraintError : public Error {
  public:
    explicit ConstraintError(std::string what, std::string hint = {})
        : Error(std::move(what), std::move(hint), ExitCode::data) {}
};

}  // namespace infotally
