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

// Which characters of the BMP have a pair, one bit each (8 KB, made once): nearly every Han
// character of a report has none, and is told so without the search.
class TraditionalBmp {
 public:
  TraditionalBmp() {
    for (const Pair& p : kPairs) {
      if (p.traditional < 0x10000) bits_[p.traditional >> 6] |= uint64_t{1} << (p.traditional & 63);
    }
  }
  bool MayHave(char32_t c) const { return c >= 0x10000 || (bits_[c >> 6] >> (c & 63) & 1); }

 private:
  uint64_t bits_[0x10000 / 64] = {};
};

}  // namespace

char32_t ToSimplifiedChar(char32_t c) {
  static const TraditionalBmp* const traditional = new TraditionalBmp();
  if (!traditional->MayHave(c)) return c;
  const auto* it = std::lower_bound(std::begin(kPairs), std::end(kPairs), static_cast<uint32_t>(c),
                                    [](const Pair& p, uint32_t v) { return p.traditional < v; });
  return it != std::end(kPairs) && it->traditional == c ? static_cast<char32_t>(it->simplified) : c;
}

}  // namespace gouji
