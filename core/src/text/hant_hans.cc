#include "text/hant_hans.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "base/unicode.h"

namespace gouji {
namespace {

struct Pair {
  uint32_t traditional;
  uint32_t simplified;
};

constexpr Pair kPairs[] = {
#include "text/hant_hans_table.inc"
};

// The characters of the BMP that have a pair, made once: nearly every Han character of a report
// has none, and is told so without the search.
const BmpSet* TraditionalBmp() {
  auto* traditional = new BmpSet();
  for (const Pair& p : kPairs) {
    if (p.traditional < 0x10000) traditional->Add(p.traditional);
  }
  return traditional;
}

}  // namespace

char32_t ToSimplifiedChar(char32_t c) {
  static const BmpSet* const traditional = TraditionalBmp();
  if (c < 0x10000 && !traditional->Has(c)) return c;
  const auto* it = std::lower_bound(std::begin(kPairs), std::end(kPairs), static_cast<uint32_t>(c),
                                    [](const Pair& p, uint32_t v) { return p.traditional < v; });
  return it != std::end(kPairs) && it->traditional == c ? static_cast<char32_t>(it->simplified) : c;
}

}  // namespace gouji
