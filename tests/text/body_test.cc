#include "text/body.h"

#include <catch2/catch.hpp>

namespace gouji {
namespace {

TEST_CASE("one body's names match, other bodies' do not", "[body]") {
  CHECK(SameBody(U"淮安市洪泽区人民政府", U"洪泽区人民政府"));
  CHECK(SameBody(U"平潭综合实验区", U"平潭"));
  CHECK(SameBody(U"福州市本级", U"福州市"));
  CHECK(SameBody(U"福州市（本级）", U"福州市人民政府"));
  CHECK(SameBody(U"中山市 大涌镇", U"大涌镇人民政府"));
  CHECK(SameBody(U"中山市教育局", U"教育局"));
  CHECK(SameBody(U"某县管委会", U"某县"));
  CHECK_FALSE(SameBody(U"洪泽区人民政府", U"洪泽镇人民政府"));       // a district and a town
  CHECK_FALSE(SameBody(U"洪泽区人民政府", U"洪泽区人民政府办公室"));  // the government and its office
  CHECK_FALSE(SameBody(U"中山市教育局", U"珠海市教育局"));
  CHECK_FALSE(SameBody(U"大涌镇", U"小涌镇"));
  CHECK_FALSE(SameBody(U"南京市", U"京市"));  // a tail is a name only after a higher level's
  CHECK_FALSE(SameBody(U"", U""));
}

TEST_CASE("a name's core and level", "[body]") {
  const BodyName n = ParseBodyName(U"淮安市洪泽区人民政府");
  CHECK(n.core == U"淮安市洪泽");
  CHECK(n.level == U"区");
  CHECK(ParseBodyName(U"平潭综合实验区").level == U"综合实验区");
  CHECK(ParseBodyName(U"中山市教育局").level == U"");
}

TEST_CASE("one body's names share a key, so a batch compares only within a key", "[body]") {
  const std::pair<const char32_t*, const char32_t*> same[] = {
      {U"淮安市洪泽区人民政府", U"洪泽区人民政府"}, {U"平潭综合实验区", U"平潭"}, {U"福州市本级", U"福州市"},
      {U"福州市（本级）", U"福州市人民政府"},       {U"中山市 大涌镇", U"大涌镇人民政府"}, {U"中山市教育局", U"教育局"},
      {U"某县管委会", U"某县"},
  };
  for (const auto& [a, b] : same) {
    INFO(std::u32string(a).size());
    REQUIRE(SameBody(a, b));
    CHECK(BodyKey(a) == BodyKey(b));
  }
  CHECK(BodyKey(U"淮安市洪泽区人民政府") == U"洪泽");
  CHECK(BodyKey(U"中山市大涌镇") == U"大涌");
  CHECK(BodyKey(U"大涌镇") != BodyKey(U"小涌镇"));
}

}  // namespace
}  // namespace gouji
