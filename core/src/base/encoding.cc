#include "gouji/encoding.h"

#include <string>

namespace gouji {

std::optional<Encoding> EncodingFromName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  static const char* const kGb[] = {"gbk", "gb2312", "gb18030", "x-gbk", "gb_2312-80", "gb_2312", "chinese",
                                    "csgb2312", "csiso58gb231280", "iso-ir-58", "euc-cn", "x-euc-cn", "cp936",
                                    "windows-936", "ms936"};
  for (const char* gb : kGb) {
    if (lower == gb) return Encoding::kGb18030;
  }
  if (lower == "utf-8" || lower == "utf8" || lower == "unicode-1-1-utf-8") return Encoding::kUtf8;
  if (lower == "utf-16" || lower == "utf16" || lower == "utf-16le" || lower == "utf-16be") return Encoding::kUtf16;
  if (lower == "auto") return Encoding::kAuto;
  return std::nullopt;
}

}  // namespace gouji
