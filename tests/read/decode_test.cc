// Decoding: encodings detected, bad bytes located, non-text refused with a reason.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "read/decode.h"
#include "test_util.h"

namespace gouji {
namespace {

using testing::Encode;


const std::string kText = "一、总体情况\n本年新收政府信息公开申请数量 4 件。";

TEST_CASE("encodings are detected", "[decode]") {
  struct {
    std::string bytes;
    const char* encoding;
  } cases[] = {
      {kText, "UTF-8"},
      {"\xEF\xBB\xBF" + kText, "UTF-8"},
      {"\xFF\xFE" + Encode("UTF-16LE", kText), "UTF-16LE"},
      {"\xFE\xFF" + Encode("UTF-16BE", kText), "UTF-16BE"},
      {Encode("UTF-16LE", kText + "\n0\n0\n0\n0\n0\n0\n0\n0\n"), "UTF-16LE"},
      {Encode("GB18030", kText), "GB18030"},
  };
  for (const auto& c : cases) {
    INFO("expected " << c.encoding);
    Result<DecodedText> r = Decode(c.bytes, Encoding::kAuto);
    REQUIRE(r.ok());
    CHECK(r.value().encoding == c.encoding);
    CHECK(r.value().malformed == 0);
    CHECK(ToUtf8(r.value().text).find("本年新收政府信息公开申请数量") != std::string::npos);
  }
}

TEST_CASE("an encoding can be named", "[decode]") {
  const std::string gbk = Encode("GB18030", kText);
  Result<DecodedText> r = Decode(gbk, Encoding::kGb18030);
  REQUIRE(r.ok());
  CHECK(ToUtf8(r.value().text) == kText);
  // Named wrongly, GBK bytes are mostly invalid UTF-8: refused, with the first bad byte's offset
  // (一 is D2 BB in GBK, which happens to be valid UTF-8; 、 is A1 A2, and A1 cannot start a
  // UTF-8 sequence).
  Result<DecodedText> wrong = Decode(gbk, Encoding::kUtf8);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().code() == StatusCode::kBadEncoding);
  REQUIRE(wrong.status().byte_offset());
  CHECK(*wrong.status().byte_offset() == 2);
  // And UTF-8 named as GB18030 would decode without an error, into nonsense: refused too.
  Result<DecodedText> utf8_as_gb = Decode(kText, Encoding::kGb18030);
  REQUIRE_FALSE(utf8_as_gb.ok());
  CHECK(utf8_as_gb.status().code() == StatusCode::kBadEncoding);
}

TEST_CASE("a few malformed bytes are replaced, counted and located", "[decode]") {
  std::string bytes = kText;
  const size_t at = bytes.find("\n") + 1;  // after 一、总体情况
  bytes.insert(at, "\xE4\x41");            // a truncated three-byte sequence, then 'A'
  bytes += std::string(200, 'x');
  Result<DecodedText> r = Decode(bytes, Encoding::kAuto);
  REQUIRE(r.ok());
  CHECK(r.value().encoding == "UTF-8");
  CHECK(r.value().malformed == 1);
  REQUIRE(r.value().first_malformed_offset);
  CHECK(*r.value().first_malformed_offset == at);
  CHECK(r.value().text.find(U'\uFFFD') != std::u32string::npos);
  CHECK(r.value().text.find(U"\uFFFDA") != std::u32string::npos);  // 'A' is kept
}

TEST_CASE("what is not text is refused with the reason", "[decode]") {
  struct {
    std::string bytes;
    StatusCode code;
  } cases[] = {
      {"", StatusCode::kEmptyInput},
      {" \n\t\r\n  ", StatusCode::kEmptyInput},
      {"\xE3\x80\x80\n", StatusCode::kEmptyInput},  // an ideographic space only
      {std::string("abc\0def", 7) + std::string(100, 'a'), StatusCode::kBinaryInput},
      {std::string(kMaxInputBytes + 1, 'a'), StatusCode::kTooLarge},
  };
  for (const auto& c : cases) {
    INFO("bytes: " << c.bytes.substr(0, 16));
    Result<DecodedText> r = Decode(c.bytes, Encoding::kAuto);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == c.code);
    CHECK_FALSE(r.status().message_zh().empty());
    CHECK_FALSE(r.status().message_en().empty());
  }
}

}  // namespace
}  // namespace gouji
