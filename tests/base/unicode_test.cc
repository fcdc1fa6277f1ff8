// base/unicode.h: UTF-8 both ways, the character classes, and Trim, on hand-written cases.
#include "base/unicode.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace gouji {
namespace {

TEST_CASE("code points become UTF-8 of one to four bytes; what is not a scalar value, U+FFFD", "[unicode]") {
  const std::vector<std::pair<char32_t, std::string>> cases = {
      {U'\0', std::string(1, '\0')},
      {U'A', "A"},
      {0x7F, "\x7F"},
      {0x80, "\xC2\x80"},
      {0xA0, "\xC2\xA0"},          // no-break space
      {0x7FF, "\xDF\xBF"},
      {0x800, "\xE0\xA0\x80"},
      {0x3000, "\xE3\x80\x80"},    // ideographic space
      {0x4E00, "\xE4\xB8\x80"},    // 一
      {0xFFFD, "\xEF\xBF\xBD"},
      {0xFFFF, "\xEF\xBF\xBF"},
      {0x10000, "\xF0\x90\x80\x80"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x20000, "\xF0\xA0\x80\x80"},  // 𠀀, CJK extension B
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
      {0xD800, "\xEF\xBF\xBD"},    // surrogates
      {0xDBFF, "\xEF\xBF\xBD"},
      {0xDC00, "\xEF\xBF\xBD"},
      {0xDFFF, "\xEF\xBF\xBD"},
      {0x110000, "\xEF\xBF\xBD"},  // beyond Unicode
      {0xFFFFFFFF, "\xEF\xBF\xBD"},
  };
  for (const auto& [c, utf8] : cases) {
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    std::string appended = "x";
    AppendUtf8(c, &appended);
    CHECK(appended == "x" + utf8);
    CHECK(ToUtf8(std::u32string(1, c)) == utf8);
  }
  CHECK(ToUtf8(U"") == "");
  CHECK(ToUtf8(U"总计: 4") == "\xE6\x80\xBB\xE8\xAE\xA1: 4");
}

TEST_CASE("UTF-8 becomes code points; each byte that starts no whole sequence, one U+FFFD", "[unicode]") {
  const std::vector<std::pair<std::string, std::u32string>> cases = {
      {"", U""},
      {"abc", U"abc"},
      {std::string("a\0b", 3), std::u32string(U"a\0b", 3)},
      {"\xC2\xA0", U"\u00A0"},
      {"\xE4\xB8\x80\xE4\xBA\x8C", U"一二"},
      {"\xF0\x9F\x98\x80", U"\U0001F600"},
      {"\xF4\x8F\xBF\xBF", U"\U0010FFFF"},
      {"\xFF", U"\uFFFD"},                          // never in UTF-8
      {"\xF8\x88\x80\x80\x80", U"\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},  // a five-byte form: five bad bytes
      {"\x80", U"\uFFFD"},                          // a continuation byte alone
      {"a\xBF" "b", U"a\uFFFDb"},
      {"\xE4\xB8", U"\uFFFD\uFFFD"},                // cut short at the end
      {"\xE4\xB8" "a", U"\uFFFD\uFFFDa"},           // cut short by an ASCII byte
      {"\xE4" "a\xB8\x80", U"\uFFFDa\uFFFD\uFFFD"},
      {"\xF0\x9F\x98", U"\uFFFD\uFFFD\uFFFD"},
      {"\xC2", U"\uFFFD"},
      {"x\xE4\xB8\x80", U"x一"},                    // a whole sequence that ends the text
  };
  for (const auto& [utf8, code_points] : cases) {
    INFO(utf8);
    CHECK(FromUtf8(utf8) == code_points);
  }
}

TEST_CASE("text survives UTF-8 and back", "[unicode]") {
  const std::u32string text = U"中山市大涌镇2022年政府信息公开工作年度报告\t\u00A0\u3000(一)予以公开 \U0001F600\U00020000";
  CHECK(FromUtf8(ToUtf8(text)) == text);
}

TEST_CASE("white space is every space and line break, after NFKC", "[unicode]") {
  for (char32_t c : {U' ', U'\t', U'\n', U'\r', U'\f', U'\v', char32_t{0x85}, char32_t{0xA0}, char32_t{0x1680},
                     char32_t{0x2000}, char32_t{0x2005}, char32_t{0x200A}, char32_t{0x200B}, char32_t{0x2028},
                     char32_t{0x2029}, char32_t{0x202F}, char32_t{0x205F}, char32_t{0x3000}, char32_t{0xFEFF}}) {
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK(IsSpace(c));
  }
  for (char32_t c : {U'\0', U'a', U'0', U'_', U'-', char32_t{0xAD}, char32_t{0x1FFF}, char32_t{0x200C},
                     char32_t{0x200D}, char32_t{0x2010}, char32_t{0x2060}, char32_t{0x3001}, char32_t{0x4E00},
                     char32_t{0xFF10}, char32_t{0xFFFD}}) {
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK_FALSE(IsSpace(c));
  }
}

TEST_CASE("Han characters are the CJK unified ideographs and their extensions", "[unicode]") {
  // 一, the block's last, 龥, extension A's first and last, compatibility ideographs, extension B, and
  // the end of extension G.
  for (char32_t c : {char32_t{0x4E00}, char32_t{0x9FFF}, char32_t{0x9FA5}, char32_t{0x3400}, char32_t{0x4DBF},
                     char32_t{0xF900}, char32_t{0xFAFF}, char32_t{0x20000}, char32_t{0x2A6DF}, char32_t{0x3134F}}) {
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK(IsHan(c));
  }
  // Punctuation and numbers around Han text are not Han: 、。〇（，０, nor the blocks beside.
  for (char32_t c : {U'A', U'1', char32_t{0x3001}, char32_t{0x3002}, char32_t{0x3007}, char32_t{0x33FF},
                     char32_t{0x4DC0}, char32_t{0xA000}, char32_t{0xFB00}, char32_t{0xFF08}, char32_t{0xFF0C},
                     char32_t{0xFF10}, char32_t{0x1F600}, char32_t{0x31350}}) {
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK_FALSE(IsHan(c));
  }
}

TEST_CASE("ASCII digits are 0 to 9 only", "[unicode]") {
  for (char32_t c = U'0'; c <= U'9'; ++c) CHECK(IsAsciiDigit(c));
  for (char32_t c : {U'/', U':', U'a', U' ', char32_t{0xFF10}, char32_t{0x0660}, char32_t{0x4E00}, char32_t{0x2460}}) {
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK_FALSE(IsAsciiDigit(c));
  }
}

TEST_CASE("Trim drops white space at both ends and keeps it inside", "[unicode]") {
  const std::vector<std::pair<std::u32string, std::u32string>> cases = {
      {U"", U""},
      {U" ", U""},
      {U"\t\n\r \u00A0\u3000", U""},
      {U"a", U"a"},
      {U" a ", U"a"},
      {U"\u3000总计\u00A0\t", U"总计"},
      {U"a b", U"a b"},
      {U"  5630 元\n", U"5630 元"},
      {U"\uFEFF\u200B4\u200B", U"4"},
      {U"\u200C4", U"\u200C4"},  // a zero-width non-joiner is not a space
  };
  for (const auto& [text, trimmed] : cases) {
    INFO(ToUtf8(text));
    CHECK(std::u32string(Trim(text)) == trimmed);
  }
  // The result is a view into the text.
  const std::u32string text = U"  (一)  ";
  const std::u32string_view view = Trim(text);
  CHECK(view.data() == text.data() + 2);
  CHECK(view.size() == 3);
}

}  // namespace
}  // namespace gouji
