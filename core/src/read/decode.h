// Stage 1: bytes -> text. Detects the encoding (byte-order mark, then UTF-8, then GB18030),
// decodes it with ICU's converters, and refuses what is not text at all.
//
// Malformed bytes in otherwise decodable text are replaced by U+FFFD and counted, with the byte
// offset of the first one, so that the caller can tell the person where the damage is instead of
// silently checking a different text.
#ifndef GOUJI_READ_DECODE_H_
#define GOUJI_READ_DECODE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gouji/encoding.h"
#include "gouji/status.h"

namespace gouji {

// Larger inputs are refused: a report is tens of kilobytes, and a page must not freeze on a
// mistakenly dropped video.
constexpr size_t kMaxInputBytes = 16 * 1024 * 1024;

struct DecodedText {
  std::u32string text;   // without any byte-order mark
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030"
  size_t malformed = 0;  // byte sequences that could not be decoded
  std::optional<uint64_t> first_malformed_offset;
};

Result<DecodedText> Decode(std::string_view bytes, Encoding requested);

// kEmptyInput or kTooLarge (kMaxInputBytes), whatever the format; Ok otherwise.
Status CheckInputSize(std::string_view bytes);

}  // namespace gouji

#endif  // GOUJI_READ_DECODE_H_
