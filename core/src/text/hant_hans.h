// Traditional -> Simplified for one character: ICU's Hant-Hans transliteration, character by
// character, generated into a table (hant_hans_table.inc; see tools/gen_hant_hans.cc), so that
// neither the CLI nor the WebAssembly build carries ICU's transliterator and its rules.
#ifndef GOUJI_TEXT_HANT_HANS_H_
#define GOUJI_TEXT_HANT_HANS_H_

namespace gouji {

// The Simplified form of `c`, or `c` itself when it has none (or is not Han).
char32_t ToSimplifiedChar(char32_t c);

}  // namespace gouji

#endif  // GOUJI_TEXT_HANT_HANS_H_
