// Traditional -> Simplified: the generated table against ICU itself (natively), and the characters
// the format's labels need.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "text/hant_hans.h"

#ifdef GOUJI_HAVE_ICU_TRANSLITERATOR
#include "hant_hans_from_icu.h"
#endif

namespace gouji {
namespace {

TEST_CASE("the labels' Traditional characters become the format's Simplified ones", "[hant_hans]") {
  const std::u32string traditional = U"結轉下年度繼續辦理總計與機關處理規範許可強制審議訴訟復議維持糾正";
  const std::u32string simplified = U"结转下年度继续办理总计与机关处理规范许可强制审议诉讼复议维持纠正";
  REQUIRE(traditional.size() == simplified.size());
  for (size_t i = 0; i < traditional.size(); ++i) {
    INFO(ToUtf8(std::u32string(1, traditional[i])));
    CHECK(ToSimplifiedChar(traditional[i]) == simplified[i]);
  }
  for (char32_t c : {U'镇', U'政', U'0', U'a', U'「', U'（'}) CHECK(ToSimplifiedChar(c) == c);
}

#ifdef GOUJI_HAVE_ICU_TRANSLITERATOR
TEST_CASE("the committed table is what ICU's Hant-Hans gives, character by character", "[hant_hans]") {
  std::string error;
  const auto pairs = tools::HantHansPairsFromIcu(&error);
  REQUIRE(error.empty());
  REQUIRE(pairs.size() > 2000);
  size_t mismatches = 0;
  for (const auto& [from, to] : pairs) mismatches += ToSimplifiedChar(from) != to;
  CHECK(mismatches == 0);
  // And nothing else changes: every other Han character maps to itself.
  size_t extra = 0, k = 0;
  for (const auto& [first, last] : tools::kHanRanges) {
    for (char32_t c = first; c <= last; ++c) {
      while (k < pairs.size() && pairs[k].first < c) ++k;
      const bool listed = k < pairs.size() && pairs[k].first == c;
      if (!listed) extra += ToSimplifiedChar(c) != c;
    }
  }
  CHECK(extra == 0);
}
#endif

}  // namespace
}  // namespace gouji
