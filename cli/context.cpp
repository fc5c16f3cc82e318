#include "cli/context.hpp"

#include <cstdio>

#include "lib/model/error.hpp"

namespace infotally::cli {

store::Store Context::open() const {
    auto store = store::Store::open(ledger_path());
    store.set_command_line(command_line);
    return store;
}

io::Format Context::output_format() const {
    if (auto f = io::parse_format(format)) return *f;
    throw UsageError("unknown --format '" + format + "'", "use --format table, csv or json");
}

void Context::print(const io::Table& table) const {
    const auto text = io::render(table, output_format());
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void Context::print(const io::Sections& sections) const {
    const auto text = io::render_sections(sections, output_format());
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void Context::say(const std::string& line) const {
    std::fputs(line.c_str(), stdout);
    std::fputc('\n', stdout);
}

CLI::Option* add_text(CLI::App* app, const std::string& name, std::optional<std::string>& target,
                      const std::string& description) {
    return app->add_option_function<std::string>(
        name, [&target](const std::string& value) { target = value; }, description);
}

}  // namespace infotally::cli
