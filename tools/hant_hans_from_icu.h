// Traditional->Simplified, character by character, as ICU's Hant-Hans transliterator gives it.
// Used at development time to generate core/src/hant_hans_table.inc (gen_hant_hans.cc), and by a
// native test that the committed table still equals what ICU says.
#ifndef GOUJI_TOOLS_HANT_HANS_FROM_ICU_H_
#define GOUJI_TOOLS_HANT_HANS_FROM_ICU_H_

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gouji::tools {

// The Han ranges whose characters are looked up: CJK unified ideographs (basic, extension A,
// extensions B to G) and the compatibility ideographs.
constexpr std::pair<char32_t, char32_t> kHanRanges[] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x3134F}};

// Every character that Hant-Hans turns into exactly one other character, in code point order.
inline std::vector<std::pair<char32_t, char32_t>> HantHansPairsFromIcu(std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  std::vector<std::pair<char32_t, char32_t>> pairs;
  if (U_FAILURE(status)) {
    *error = std::string("cannot create Hant-Hans: ") + u_errorName(status);
    return pairs;
  }
  for (const auto& [first, last] : kHanRanges) {
    for (char32_t c = first; c <= last; ++c) {
      icu::UnicodeString s(static_cast<UChar32>(c));
      t->transliterate(s);
      if (s.countChar32() == 1 && static_cast<char32_t>(s.char32At(0)) != c) {
        pairs.emplace_back(c, static_cast<char32_t>(s.char32At(0)));
      }
    }
  }
  return pairs;
}

}  // namespace gouji::tools

#endif  // GOUJI_TOOLS_HANT_HANS_FROM_ICU_H_
