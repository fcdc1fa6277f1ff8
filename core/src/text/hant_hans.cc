#include "text/hant_hans.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace gouji {
namespace {

struct Pair {
  uint32_t traditional;
  uint32_t simplified;
};

constexpr Pair kPairs[] = {
#include "text/hant_hans_table.inc"
};

}  // namespace

char32_t ToSimplifiedChar(char32_t c) {
  const auto* it = std::lower_bound(std::begin(kPairs), std::end(kPairs), static_cast<uint32_t>(c),
                                    [](const Pair& p, uint32_t v) { return p.traditional < v; });
  return it != std::end(kPairs) && it->traditional == c ? static_cast<char32_t>(it->simplified) : c;
}

}  // namespace gouji
