// Normalisation: what is folded, and that every character still points at its source.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "text/normalize.h"

namespace gouji {
namespace {

std::string Normalized(const char* text) {
  Result<NormalizedText> r = Normalize(FromUtf8(text));
  REQUIRE(r.ok());
  return ToUtf8(r.value().text);
}

TEST_CASE("NFKC folds full-width forms and spaces", "[normalize]") {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"（一）予以公开", "(一)予以公开"},
      {"１２３", "123"},
      {"本列数据的勾稽关系为：第一项", "本列数据的勾稽关系为:第一项"},
      {"a\u3000b\u00a0c", "a b c"},
      {"a\r\nb\rc", "a\nb\nc"},
      {"0\n\f五、存在\u2028a\u2029b\vc\u0085d", "0\n\n五、存在\na\nb\nc\nd"},
      {"zero\u200bwidth\ufeff", "zerowidth"},
      {"“三安全一稳定”", "“三安全一稳定”"},  // quotes are left to label matching
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Normalized(c.in) == c.out);
  }
}

TEST_CASE("a text browser's box drawing becomes a pipe table's '|' and '-'", "[normalize]") {
  CHECK(Normalized("┌──┬─┐\n│规章│0│\n├──┼─┤\n╞══╪═╡") == "|--|-|\n|规章|0|\n|--|-|\n|--|-|");
  CHECK(Normalized("—— 无 ——") == "—— 无 ——");  // dashes of the text are no box drawing
}

TEST_CASE("each character's display width is the source's", "[normalize]") {
  const std::u32string source = FromUtf8("（一）规章 12\n１");
  Result<NormalizedText> r = Normalize(source);
  REQUIRE(r.ok());
  REQUIRE(ToUtf8(r.value().text) == "(一)规章 12\n1");
  CHECK(DisplayWidths(r.value(), source) == std::vector<uint8_t>{2, 2, 2, 2, 2, 1, 1, 1, 0, 2});
}

TEST_CASE("Traditional characters become Simplified", "[normalize]") {
  Result<NormalizedText> r = Normalize(FromUtf8("結轉下年度繼續辦理"));
  REQUIRE(r.ok());
  CHECK(ToUtf8(r.value().text) == "结转下年度继续办理");
  CHECK(r.value().converted_traditional);
  Result<NormalizedText> simplified = Normalize(FromUtf8("结转下年度继续办理"));
  REQUIRE(simplified.ok());
  CHECK_FALSE(simplified.value().converted_traditional);
}

TEST_CASE("systematic pinyin annotations are removed, and only those", "[normalize]") {
  const std::string annotated =
      "乳山口鎮(zhèn)認(rèn)真貫(guàn)徹(chè)落實(shí)《山東省政府信息公開(kāi)辦(bàn)法(fǎ)》"
      "結(jié)轉(zhuǎn)下年度繼(jì)續(xù)辦(bàn)理(lǐ)";
  Result<NormalizedText> r = Normalize(FromUtf8(annotated));
  REQUIRE(r.ok());
  CHECK(ToUtf8(r.value().text) == "乳山口镇认真贯彻落实《山东省政府信息公开办法》结转下年度继续办理");
  CHECK(r.value().stripped_pinyin);

  // A copy that spaces its runs apart puts a space before some annotations: they go with it.
  Result<NormalizedText> spaced = Normalize(FromUtf8(annotated + "行政 復 (fù)議、行政 訴訟 情況"));
  REQUIRE(spaced.ok());
  CHECK(ToUtf8(spaced.value().text).find("行政 复议、行政 诉讼 情况") != std::string::npos);

  // An ordinary report with one parenthesised word after a character keeps it.
  CHECK(Normalized("发布于政府网站(PDF)") == "发布于政府网站(PDF)");
}

TEST_CASE("every normalised character maps back to its source", "[normalize]") {
  // 鎮(zhèn) is 7 code points in the source, one in the text; the characters after it must
  // still point at their own source positions.
  const std::u32string source = FromUtf8(
      "鎮(zhèn)認(rèn)真(zhēn)貫(guàn)徹(chè)落(luò)實(shí)公(gōng)開(kāi)辦(bàn)法(fǎ)結(jié)轉(zhuǎn)１２");
  Result<NormalizedText> r = Normalize(source);
  REQUIRE(r.ok());
  const NormalizedText& n = r.value();
  REQUIRE(n.text.size() + 1 == n.origin.size());
  CHECK(n.text[0] == U'镇');
  CHECK(n.origin[0] == 0);
  CHECK(n.origin[1] == 7);                      // 認 follows 鎮(zhèn)
  CHECK(source[n.origin[1]] == U'認');
  const size_t digit = n.text.find(U'1');
  REQUIRE(digit != std::u32string::npos);
  CHECK(source[n.origin[digit]] == U'１');
  const Span span = n.ToSource(digit, digit + 2);
  CHECK(span.begin == source.size() - 2);
  CHECK(span.end == source.size());
}

}  // namespace
}  // namespace gouji
