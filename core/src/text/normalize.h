// Stage 2: text -> normalised text, with a map back to the source.
//
// Reports reach gouji in every shape of Unicode: full-width digits and parentheses, ideographic
// and no-break spaces, Traditional characters, even a pinyin annotation after every character
// (鎮(zhèn)). Labels and numbers can only be matched once all of that is folded away:
//   1. line breaks: CRLF, CR, a form feed (a page break), VT, NEL, LS and PS become LF;
//   2. NFKC (１２ -> 12, （一） -> (一), U+3000 and U+00A0 -> space); zero-width characters dropped;
//   3. per-character pinyin annotations removed, when the text carries them systematically;
//   4. Traditional -> Simplified, character by character, as ICU's Hant-Hans gives it (hant_hans.h);
//   5. box-drawing characters (a text browser's tables) -> '|' and '-'.
// Every normalised character remembers the source code point it came from, so that findings point
// at the text the person gave.
#ifndef GOUJI_TEXT_NORMALIZE_H_
#define GOUJI_TEXT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gouji/report.h"
#include "gouji/status.h"

namespace gouji {

struct NormalizedText {
  std::u32string text;
  // origin[i] is the index in the source of the code point that produced text[i]; origin has one
  // more entry than text, the source length, so that an end position maps too.
  std::vector<uint32_t> origin;
  bool converted_traditional = false;  // some character was changed by step 4
  bool stripped_pinyin = false;        // step 3 applied

  // The source span of the normalised range [begin, end).
  Span ToSource(size_t begin, size_t end) const;
};

Result<NormalizedText> Normalize(std::u32string_view source);

// Each normalised character's display width as the source showed it (base/unicode.h's
// DisplayWidth of the code point it came from): NFKC narrows "（" to "(", and a text laid out in
// columns was laid out with the source's widths. A character that shares its source with the one
// before it (a normalisation's second output) is 0 wide; a line break is 0 wide.
std::vector<uint8_t> DisplayWidths(const NormalizedText& norm, std::u32string_view source);

}  // namespace gouji

#endif  // GOUJI_TEXT_NORMALIZE_H_
