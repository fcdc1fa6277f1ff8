#include "text/numerals.h"

#include <catch2/catch.hpp>

#include "base/unicode.h"

namespace gouji {
namespace {

TEST_CASE("Chinese numerals read as written", "[numerals]") {
  CHECK(ParseChineseNumeral(U"零") == 0);
  CHECK(ParseChineseNumeral(U"〇") == 0);
  CHECK(ParseChineseNumeral(U"两") == 2);
  CHECK(ParseChineseNumeral(U"十") == 10);
  CHECK(ParseChineseNumeral(U"十二") == 12);
  CHECK(ParseChineseNumeral(U"二十") == 20);
  CHECK(ParseChineseNumeral(U"二十三") == 23);
  CHECK(ParseChineseNumeral(U"一百零三") == 103);
  CHECK(ParseChineseNumeral(U"一百一十") == 110);
  CHECK(ParseChineseNumeral(U"两千零五") == 2005);
  CHECK(ParseChineseNumeral(U"三千二百一十八") == 3218);
  CHECK(ParseChineseNumeral(U"一万二千") == 12000);
  CHECK(ParseChineseNumeral(U"十二万三千四百五十六") == 123456);
  CHECK(ParseChineseNumeral(U"二〇") == 20);
  CHECK_FALSE(ParseChineseNumeral(U"十百"));
  CHECK_FALSE(ParseChineseNumeral(U"二三十"));
  CHECK_FALSE(ParseChineseNumeral(U"万"));
  CHECK_FALSE(ParseChineseNumeral(U"十件"));
  CHECK_FALSE(ParseChineseNumeral(U""));
}

std::vector<long long> Values(std::u32string_view text) {
  std::vector<long long> out;
  for (const StatedCount& c : FindStatedCounts(text, U"件起")) out.push_back(c.value);
  return out;
}

TEST_CASE("counts are numbers followed by their measure word", "[numerals]") {
  CHECK(Values(U"收到申请23件,上年结转两件,行政复议0起") == std::vector<long long>{23, 2, 0});
  CHECK(Values(U"共1,234件") == std::vector<long long>{1234});
  CHECK(Values(U"共十二件,一百零三件") == std::vector<long long>{12, 103});
  CHECK(Values(U"第3件,每一件,2.5件,12345平台投诉件") == std::vector<long long>{});
  CHECK(Values(U"2023年收到3个") == std::vector<long long>{});  // 个 is not asked for
  const std::vector<StatedCount> c = FindStatedCounts(U"申请23件", U"件");
  REQUIRE(c.size() == 1);
  CHECK(c[0].begin == 2);
  CHECK(c[0].end == 4);
  CHECK(c[0].unit_end == 5);
}

}  // namespace
}  // namespace gouji
