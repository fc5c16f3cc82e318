#include "cli/context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::cli {

namespace {

UsageError no_page(const std::string& format) {
    return UsageError(tr(Msg::err_no_page, format), tr(Msg::hint_no_page));
}

}  // namespace

bool Context::html() const {
    std::string f;
    for (char c : format) f += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return f == "html";
}

store::Store Context::open(bool makes_page) const {
    if (html() && !makes_page) throw no_page(format);
    auto store = store::Store::open(ledger_path());
    store.set_command_line(command_line);
    return store;
}

store::Store Context::open_to_read(bool makes_page) const {
    auto store = open(makes_page);
    store.read_one_snapshot();
    return store;
}

io::Format Context::output_format() const {
    if (html()) throw no_page(format);
    if (auto f = io::parse_format(format)) return *f;
    throw UsageError(tr(Msg::err_unknown_format, format), tr(Msg::hint_unknown_format));
}

// Colour and fitting to the window only for a person at a terminal: never in a pipe or file, and
// never with --no-color or NO_COLOR set (https://no-color.org).
io::TextOptions Context::text_options() const {
    io::TextOptions options;
    if (!::isatty(STDOUT_FILENO)) return options;
    const char* no_color_env = std::getenv("NO_COLOR");
    options.color = !no_color && !(no_color_env && *no_color_env);
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
        options.max_width = ws.ws_col;
    return options;
}

void Context::print(const io::Table& table) const {
    const auto text = io::render(table, output_format(), text_options());
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void Context::print(const io::Sections& sections) const {
    io::render_sections(sections, output_format(), text_options(), [](std::string_view piece) {
        std::fwrite(piece.data(), 1, piece.size(), stdout);
    });
}

void Context::say(const std::string& line) const {
    std::fputs(line.c_str(), stdout);
    std::fputc('\n', stdout);
}

void Context::write(const std::string& text) const {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

CLI::Option* add_text(CLI::App* app, const std::string& name, std::optional<std::string>& target,
                      const std::string& description) {
    return app->add_option_function<std::string>(
        name, [&target](const std::string& value) { target = value; }, description);
}

}  // namespace infotally::cli
