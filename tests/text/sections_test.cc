// The outline: section headings told from row labels that look like them, the title from a
// breadcrumb, the year from the title or the text.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "text/sections.h"

namespace gouji {
namespace {

Outline Of(const char* text) { return FindOutline(FromUtf8(text)); }

TEST_CASE("section headings are found in order, not in table rows", "[sections]") {
  const Outline o = Of(
      "一、总体情况\n正文\n二.主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n"
      "| 四、结转下年度继续办理 | 0 |\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n"
      "五、存在的主要问题及改进情况\n(六)其他需要报告的事项\n");
  CHECK(o.sections[0].found);
  CHECK(o.sections[1].found);
  CHECK(o.sections[2].found);
  REQUIRE(o.sections[3].found);
  // Section 四 is the heading, not the t3 row label before it.
  const std::u32string text = FromUtf8(
      "一、总体情况\n正文\n二.主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n"
      "| 四、结转下年度继续办理 | 0 |\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n");
  const Outline p = FindOutline(text);
  CHECK(ToUtf8(text.substr(p.sections[3].begin, p.sections[3].end - p.sections[3].begin)) ==
        "四、政府信息公开行政复议、行政诉讼情况");
  CHECK(o.sections[4].found);
  CHECK_FALSE(o.sections[5].found);  // "(六)" is a sub-heading's numbering, not a section's
}

TEST_CASE("the title and year come from the title line, else from the first section", "[sections]") {
  struct {
    const char* text;
    const char* title;
    int year;
    const char* source;
  } cases[] = {
      {"您当前的位置: > >信息公开年度报告\n中山市大涌镇2022年政府信息公开工作年度报告\n一、总体情况\n2021年…\n",
       "中山市大涌镇2022年政府信息公开工作年度报告", 2022, "title"},
      {"多巴镇政府信息公开工作年度报告\n一、总体情况\n2020年，镇党委…2020年我镇…\n二、主动公开政府信息情况\n2021年计划\n",
       "多巴镇政府信息公开工作年度报告", 2020, "text"},
      {"一、总体情况\n2020 年,乳山口镇…2020年…2019年…\n", "", 2020, "text"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const Outline o = Of(c.text);
    CHECK(ToUtf8(o.title) == c.title);
    REQUIRE(o.year);
    CHECK(*o.year == c.year);
    CHECK(o.year_source == c.source);
  }
  CHECK_FALSE(Of("一、总体情况\n没有年份。\n").year);
}

}  // namespace
}  // namespace gouji
