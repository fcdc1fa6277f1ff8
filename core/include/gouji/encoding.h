// The text encodings gouji decodes, and the one reader of their names that the CLI (--encoding),
// the WebAssembly bindings and the HTML reader (<meta charset>) share.
#ifndef GOUJI_ENCODING_H_
#define GOUJI_ENCODING_H_

#include <optional>
#include <string_view>

namespace gouji {

// kAuto honours a byte-order mark, then takes UTF-8 if the bytes are valid UTF-8, then GB18030
// (a superset of GBK and GB2312).
enum class Encoding { kAuto, kUtf8, kGb18030, kUtf16 };

// The encoding a name stands for, case-insensitively: "auto"; "utf-8" and its labels; "gbk",
// "gb2312", "gb18030" and the other labels the WHATWG Encoding Standard gives the GBK family
// (all read as GB18030, their superset); "utf-16", "utf-16le", "utf-16be". nullopt for any other
// name (Big5, Shift_JIS, a typo).
std::optional<Encoding> EncodingFromName(std::string_view name);

}  // namespace gouji

#endif  // GOUJI_ENCODING_H_
