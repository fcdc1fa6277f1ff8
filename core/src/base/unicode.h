// Small Unicode helpers shared by the stages: UTF-8 <-> code points, character classes gouji
// cares about, and a trim that works on code points.
#ifndef GOUJI_BASE_UNICODE_H_
#define GOUJI_BASE_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gouji {

// Code points to UTF-8. Surrogates and values above U+10FFFF become U+FFFD.
std::string ToUtf8(std::u32string_view text);
void AppendUtf8(char32_t c, std::string* out);

// UTF-8 to code points. Only for text gouji itself produced or already validated: invalid bytes
// become U+FFFD without further notice (user input goes through decode.h instead).
std::u32string FromUtf8(std::string_view utf8);

// White space after NFKC: ASCII space and tab, line breaks, and any other Unicode space.
bool IsSpace(char32_t c);
// CJK unified ideographs (the Han characters of report labels).
bool IsHan(char32_t c);
bool IsAsciiDigit(char32_t c);

// How many columns a character takes in a monospaced text: two for the wide and full-width ones
// (Unicode's East Asian Width W and F, by block: CJK, kana, Hangul, full-width forms), one else.
size_t DisplayWidth(char32_t c);

// The text with leading and trailing white space removed.
std::u32string_view Trim(std::u32string_view text);

// A set of characters of the Basic Multilingual Plane, one bit each (8 KB): for a property asked
// of nearly every character of a report, made once from a slower source (ICU, a table).
class BmpSet {
 public:
  void Add(char32_t c) { bits_[c >> 6] |= uint64_t{1} << (c & 63); }  // c < 0x10000
  bool Has(char32_t c) const { return c < 0x10000 && (bits_[c >> 6] >> (c & 63) & 1); }

 private:
  uint64_t bits_[0x10000 / 64] = {};
};

}  // namespace gouji

#endif  // GOUJI_BASE_UNICODE_H_
