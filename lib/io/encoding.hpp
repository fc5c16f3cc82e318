#pragma once
// Bytes in, UTF-8 out. Chinese Excel saves "CSV" as GBK/GB18030 unless the user picks "CSV UTF-8",
// so import accepts both and everything past this layer is UTF-8 only.
#include <optional>
#include <string>
#include <string_view>

namespace infotally::io {

enum class Encoding { automatic, utf8, gb18030 };

// "auto", "utf-8", "utf8", "gb18030", "gbk", "gb2312" in any case (GBK and GB2312 are subsets of
// GB18030, so one decoder reads all three); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);
std::string_view encoding_name(Encoding encoding);  // "auto", "utf-8", "gb18030"

struct Decoded {
    std::string utf8;   // without the BOM
    Encoding detected;  // utf8 or gb18030, never automatic
    bool had_bom;       // a UTF-8 BOM, or the GB18030 one (84 31 95 33)
};

// automatic: valid UTF-8 (after an optional BOM) is taken as UTF-8, anything else is tried as
// GB18030. A file that starts with a UTF-8 BOM is only ever read as UTF-8: the BOM says what it
// is, and reading it as GB18030 would only turn one bad byte into a page of mojibake.
// Throws InputError "FILE: line L, byte B: not valid …" where L and B (1-based, B counted from
// the start of the line in raw file bytes) locate the first bad byte — under the UTF-8 reading
// for automatic, under the requested encoding otherwise. `first_line` is the line `bytes` starts
// on, when they are one block (of whole lines) of a longer file.
Decoded decode_to_utf8(std::string_view bytes, Encoding requested, std::string_view file_name,
                       std::size_t first_line = 1);

// UTF-8 to `target` (automatic and utf8 return the text unchanged). Throws InputError if `text`
// is not valid UTF-8.
std::string encode_from_utf8(std::string_view text, Encoding target);

}  // namespace infotally::io
