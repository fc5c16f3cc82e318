#include "lib/io/encoding.hpp"

#include <fmt/core.h>
#include <iconv.h>
#include <cerrno>
#include <cstdint>

#include "lib/io/text.hpp"
#include "lib/model/error.hpp"
#include "lib/model/i18n.hpp"

namespace infotally::io {

namespace {

constexpr std::string_view k_gb18030_bom = "\x84\x31\x95\x33";

struct Converted {
    std::string text;
    std::size_t bad_offset = std::string_view::npos;  // first unconvertible input byte
};

class Converter {
  public:
    Converter(const char* to, const char* from) : m_cd(iconv_open(to, from)) {
        if (m_cd == failed()) {
            throw InputError(tr(Msg::err_no_iconv, from, to), tr(Msg::hint_no_iconv));
        }
    }
    ~Converter() { iconv_close(m_cd); }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    Converted run(std::string_view input) {
        Converted out;
        // GB18030 to UTF-8 grows at most 1.5x, UTF-8 to GB18030 at most 2x; grown anyway below.
        out.text.resize(input.size() * 2 + 16);
        char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write
        std::size_t in_left = input.size();
        char* dst = out.text.data();
        std::size_t dst_left = out.text.size();
        while (in_left > 0) {
            if (iconv(m_cd, &in, &in_left, &dst, &dst_left) != static_cast<std::size_t>(-1)) {
                break;
            }
            if (errno == E2BIG) {
                const auto used = static_cast<std::size_t>(dst - out.text.data());
                out.text.resize(out.text.size() * 2);
                dst = out.text.data() + used;
                dst_left = out.text.size() - used;
                continue;
            }
            // EILSEQ (invalid sequence) or EINVAL (sequence cut off by the end of the input).
            out.bad_offset = static_cast<std::size_t>(in - input.data());
            break;
        }
        out.text.resize(static_cast<std::size_t>(dst - out.text.data()));
        return out;
    }

  private:
    static iconv_t failed() { return reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1)); }
    iconv_t m_cd;
};

// Line and byte-within-line (1-based) of `offset`, counting LF, CRLF and lone CR as line ends
// like CsvReader does. Neither byte can occur inside a GB18030 character, so counting raw bytes
// is right for both encodings.
std::string locate(std::string_view bytes, std::size_t offset, std::string_view file_name,
                   std::size_t first_line) {
    std::size_t line = first_line;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
        const bool lf = bytes[i] == '\n';
        const bool lone_cr = bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n');
        if (lf || lone_cr) {
            ++line;
            line_start = i + 1;
        }
    }
    return tr(Msg::where_file_line_byte,
              file_name.empty() ? tr(Msg::name_input) : std::string(file_name), line,
              offset - line_start + 1);
}

[[noreturn]] void throw_undecodable(std::string_view bytes, std::size_t offset,
                                    std::string_view file_name, Encoding requested,
                                    std::size_t first_line) {
    switch (requested) {
        case Encoding::automatic:
            throw InputError(
                tr(Msg::err_not_utf8_or_gb18030, locate(bytes, offset, file_name, first_line)),
                tr(Msg::hint_not_utf8_or_gb18030));
        case Encoding::utf8:
            throw InputError(
                tr(Msg::err_file_not_utf8, locate(bytes, offset, file_name, first_line)),
                tr(Msg::hint_file_not_utf8));
        case Encoding::gb18030:
            break;
    }
    throw InputError(tr(Msg::err_file_not_gb18030, locate(bytes, offset, file_name, first_line)),
                     tr(Msg::hint_file_not_gb18030));
}

// GB18030 to UTF-8, with the GB18030 BOM (which converts to U+FEFF) removed.
Converted read_gb18030(std::string_view bytes, bool& had_bom) {
    Converter converter("UTF-8", "GB18030");
    Converted converted = converter.run(bytes);
    had_bom = bytes.starts_with(k_gb18030_bom);
    if (had_bom && converted.text.starts_with(k_utf8_bom)) {  // U+FEFF in UTF-8
        converted.text.erase(0, k_utf8_bom.size());
    }
    return converted;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    if (equals_ignoring_ascii_case(name, "auto")) return Encoding::automatic;
    for (const std::string_view utf8 : {"utf-8", "utf8"}) {
        if (equals_ignoring_ascii_case(name, utf8)) return Encoding::utf8;
    }
    for (const std::string_view gb : {"gb18030", "gbk", "gb2312"}) {
        if (equals_ignoring_ascii_case(name, gb)) return Encoding::gb18030;
    }
    return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::utf8:
            return "utf-8";
        case Encoding::gb18030:
            return "gb18030";
        case Encoding::automatic:
            break;
    }
    return "auto";
}

Decoded decode_to_utf8(std::string_view bytes, Encoding requested, std::string_view file_name,
                       std::size_t first_line) {
    bool gb_bom = false;
    if (requested == Encoding::gb18030) {
        Converted converted = read_gb18030(bytes, gb_bom);
        if (converted.bad_offset != std::string_view::npos) {
            throw_undecodable(bytes, converted.bad_offset, file_name, requested, first_line);
        }
        return {std::move(converted.text), Encoding::gb18030, gb_bom};
    }

    const bool utf8_bom = bytes.starts_with(k_utf8_bom);
    const std::string_view body = utf8_bom ? bytes.substr(k_utf8_bom.size()) : bytes;
    const std::size_t bad = first_invalid_utf8(body);
    if (bad == std::string_view::npos) return {std::string(body), Encoding::utf8, utf8_bom};
    const std::size_t bad_in_file = bad + (utf8_bom ? k_utf8_bom.size() : 0);
    if (requested == Encoding::utf8 || utf8_bom) {
        throw_undecodable(bytes, bad_in_file, file_name, requested, first_line);
    }
    Converted converted = read_gb18030(bytes, gb_bom);
    if (converted.bad_offset != std::string_view::npos) {
        throw_undecodable(bytes, bad_in_file, file_name, requested, first_line);
    }
    return {std::move(converted.text), Encoding::gb18030, gb_bom};
}

std::string encode_from_utf8(std::string_view text, Encoding target) {
    const std::size_t bad = first_invalid_utf8(text);
    if (bad != std::string_view::npos) {
        throw InputError(tr(Msg::err_encode_not_utf8, bad + 1), tr(Msg::hint_encode_not_utf8));
    }
    if (target != Encoding::gb18030) return std::string(text);
    Converter converter("GB18030", "UTF-8");
    Converted converted = converter.run(text);
    if (converted.bad_offset != std::string_view::npos) {
        throw InputError(tr(Msg::err_no_gb18030_form, converted.bad_offset + 1),
                         tr(Msg::hint_no_gb18030_form));
    }
    return std::move(converted.text);
}

}  // namespace infotally::io
