// Label matching: what counts as the same label, a deviation, or another row entirely.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "text/labels.h"

namespace gouji {
namespace {

LabelMatch Match(const char* text, const char* label) {
  return MatchLabel(FormsOf(FromUtf8(text)), FormsOf(FromUtf8(label)));
}

TEST_CASE("loose forms drop punctuation, spacing and quotes", "[labels]") {
  CHECK(ToUtf8(LooseForm(U"3.危及“三安全一稳定”")) == "3危及三安全一稳定");
  CHECK(ToUtf8(LooseForm(U" (一)予以公开 ")) == "一予以公开");
  CHECK(ToUtf8(LooseForm(U"本年增/减")) == "本年增减");
  CHECK(ToUtf8(CoreForm(U"(三)不予公开")) == "不予公开");
  CHECK(ToUtf8(CoreForm(U"1.属于国家秘密")) == "属于国家秘密");
  CHECK(ToUtf8(CoreForm(U"四、结转下年度继续办理")) == "结转下年度继续办理");
  CHECK(ToUtf8(CoreForm(U"2019年项目数量")) == "2019年项目数量");  // a year is not an enumerator
}

TEST_CASE("labels match tolerantly and say how", "[labels]") {
  struct Case {
    const char* text;
    const char* label;
    LabelMatch expected;
  } cases[] = {
      {"3.危及“三安全一稳定”", "3.危及\"三安全一稳定\"", LabelMatch::kExact},
      {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
       "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", LabelMatch::kExact},
      {"6.属于四类过程性信息0", "6.属于四类过程性信息", LabelMatch::kFuzzy},
      {"6.属于四类过程信息", "6.属于四类过程性信息", LabelMatch::kFuzzy},
      {"(1)属于国家秘密", "1.属于国家秘密", LabelMatch::kExact},  // punctuation only
      {"(一)属于国家秘密", "1.属于国家秘密", LabelMatch::kCore},
      {"属于国家秘密", "1.属于国家秘密", LabelMatch::kCore},
      {"1.属于国家秘密", "2.其他法律行政法规禁止公开", LabelMatch::kNone},
      {"2.重复申请", "3.要求提供公开出版物", LabelMatch::kNone},
      {"其他", "3.其他", LabelMatch::kNone},
      {"3.其他", "其他", LabelMatch::kNone},
      {"规章", "规范性文件", LabelMatch::kNone},
      {"行政许可", "行政处罚", LabelMatch::kNone},
      {"1.本机关不掌握相关政府信息", "1.属于国家秘密", LabelMatch::kNone},
      {"", "规章", LabelMatch::kNone},
      {"(二)部分公开(区分处理的,只计这一情", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", LabelMatch::kPrefix},
      {"5.要求行政机关确认或重新出", "5.要求行政机关确认或重新出具已获取信息", LabelMatch::kPrefix},
      {"1.属于", "1.属于国家秘密", LabelMatch::kNone},  // too short to be unmistakable
      // Characters missing in one place, as a published PDF has it: start and end are there.
      {"2.其他法律行政止公开", "2.其他法律行政法规禁止公开", LabelMatch::kFuzzy},
      {"2.其他法律行政", "2.其他法律行政法规禁止公开", LabelMatch::kPrefix},  // a wrapped label's first line
      {"1.本机关不掌握信息", "1.本机关不掌握相关政府信息", LabelMatch::kNone},  // four missing
      {"2.其他法律行政公开", "2.其他法律行政法规禁止公开", LabelMatch::kNone},  // a quarter missing
  };
  for (const Case& c : cases) {
    INFO(c.text << " vs " << c.label);
    CHECK(Match(c.text, c.label) == c.expected);
  }
}

TEST_CASE("values are told from labels", "[labels]") {
  for (const char32_t* value : {U"0", U" 12 ", U"-3", U"5,630", U"821.73万元", U"5630元", U"/", U"-", U"", U"减12",
                                U"增加 3", U"0件", U"无", U"——"}) {
    INFO(ToUtf8(value));
    CHECK(LooksLikeValue(value));
  }
  for (const char32_t* label : {U"规章", U"2019年项目数量", U"6.属于四类过程性信息0", U"无法提供", U"第二十条第(一)项",
                                U"增加", U"减少行政许可", U"二项"}) {
    INFO(ToUtf8(label));
    CHECK_FALSE(LooksLikeValue(label));
  }
}

}  // namespace
}  // namespace gouji
