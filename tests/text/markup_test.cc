// A converter's frames and inline markup: what is taken away, what is left, and that every kept
// character still points at its source.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "text/markup.h"

namespace gouji {
namespace {

NormalizedText Stripped(const std::string& text, size_t* taken = nullptr) {
  Result<NormalizedText> r = Normalize(FromUtf8(text));
  REQUIRE(r.ok());
  NormalizedText norm = std::move(r.value());
  const size_t n = StripConverterMarkup(&norm);
  if (taken) *taken = n;
  return norm;
}

std::string StrippedText(const std::string& text) { return ToUtf8(Stripped(text).text); }

TEST_CASE("a one-column frame around a page goes, nested frames too", "[markup]") {
  // As pandoc draws a CMS page's layout table: every line between "| " and " |".
  CHECK(StrippedText("+----------------+\n"
                     "| 一、总体情况   |\n"
                     "|                |\n"
                     "| 正文。         |\n"
                     "+----------------+\n"
                     "| 页脚           |\n"
                     "+----------------+\n") == "\n一、总体情况\n\n正文。\n\n页脚\n\n");
  CHECK(StrippedText("+------------+\n"
                     "| +--------+ |\n"
                     "| | 标题   | |\n"
                     "| +--------+ |\n"
                     "+------------+") == "\n\n标题\n\n");
}

TEST_CASE("a frame's table stays a grid table", "[markup]") {
  const std::string table =
      "+--------+------+\n"
      "| 规章   | 0    |\n"
      "+--------+------+";
  CHECK(StrippedText(table) == table);  // two columns: a table, not a frame
  CHECK(StrippedText("+------------------+\n| " + std::string("+--------+------+") + " |\n| " +
                     "| 规章   | 0    |" + " |\n| " + "+--------+------+" + " |\n+------------------+") ==
        "\n+--------+------+\n| 规章   | 0    |\n+--------+------+\n");
}

TEST_CASE("no frame where the rules close nothing or the lines do not stand in one", "[markup]") {
  const char* unchanged[] = {
      "+------+\n",                           // a rule alone
      "+------+\n| 一 |\n| 二\n+------+\n",   // a line that is not closed by '|'
      "+------+\n| 一 |\n  | 二 |\n+------+\n",  // a line whose '|' is not under the '+'
      "1+1=2, a+b",
  };
  for (const char* text : unchanged) {
    INFO(text);
    CHECK(StrippedText(text) == text);
  }
}

TEST_CASE("pandoc's spans, links, images, divs and escapes leave their text", "[markup]") {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"**[三、收到和处理政府信息公开申请情况]{style=\"font-family:黑体;\"}**", "**三、收到和处理政府信息公开申请情况**"},
      {"[首页](/)[政务公开](/zwgk/)", "首页政务公开"},
      {"[无障碍版](javascript:void(0)){#wza} \\| [登录](/login/)", "无障碍版 | 登录"},
      {"![中山市大涌镇人民政府](/logo.png){width=\"460\"}正文", "中山市大涌镇人民政府正文"},
      {"今天是：[]{#today}", "今天是:"},
      {"::: article_title\n标题\n:::", "\n标题\n"},
      {"首页 \\> 政务公开", "首页 > 政务公开"},
      {"商业\\\n企业", "商业\n企业"},
      // Brackets of the text itself stay.
      {"见[1]，共[2]份", "见[1],共[2]份"},
      {"[注]{2022年}", "[注]{2022年}"},  // braces that are no attributes
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(StrippedText(c.in) == c.out);
  }
}

TEST_CASE("markup wrapped over a grid cell's lines is read across them", "[markup]") {
  // pandoc wraps a cell's text inside its column: the span's "]" on one line, its "{…}" on the
  // next; a hard break's backslash ends a cell's piece.
  const std::string grid =
      "+--------------+---------------+\n"
      "| 行政许可     | [6181]        |\n"
      "|              | {style=\"a\"}   |\n"
      "+--------------+---------------+\n"
      "| 商业\\        | 0             |\n"
      "| 企业         |               |\n"
      "+--------------+---------------+";
  const std::string out = StrippedText(grid);
  CHECK(out.find("[6181]") == std::string::npos);
  CHECK(out.find("{style") == std::string::npos);
  CHECK(out.find("| 6181") != std::string::npos);
  CHECK(out.find("| 商业 ") != std::string::npos);
  CHECK(out.find("\\") == std::string::npos);
  // Every column's border is kept: the table is still a grid of two columns.
  CHECK(out.find("| 行政许可     | ") != std::string::npos);
}

TEST_CASE("kept characters still point at the source", "[markup]") {
  const std::string text = "+--------+\n| 规章 0 |\n+--------+";
  size_t taken = 0;
  const NormalizedText norm = Stripped(text, &taken);
  REQUIRE(ToUtf8(norm.text) == "\n规章 0\n");
  CHECK(taken == 10 + 2 + 2 + 10);  // each rule's characters, "| " and " |"
  CHECK(norm.origin.size() == norm.text.size() + 1);
  const std::u32string source = FromUtf8(text);
  for (size_t i = 0; i < norm.text.size(); ++i) {
    INFO(i);
    CHECK(source[norm.origin[i]] == norm.text[i]);
  }
  CHECK(norm.origin.back() == source.size());
}

TEST_CASE("a text with nothing of a converter's is left as it is", "[markup]") {
  size_t taken = 1;
  const NormalizedText norm = Stripped("一、总体情况\n规章 0 0 0\n", &taken);
  CHECK(taken == 0);
  CHECK(ToUtf8(norm.text) == "一、总体情况\n规章 0 0 0\n");
}

}  // namespace
}  // namespace gouji
