// The prose checks (check/prose.h): sentences written into sample 004, whose tables say 一 4, 二 0,
// 三(一) 4, 三(二) 0, 三(三) 0 in all, 三(七) 4, 四 0, 行政复议 0, 行政诉讼 0 + 0, 规范性文件制发 3
// (its JSON; shared/samples/README.md). Each case says by hand which sentence must be found, with
// which numbers, and which must not.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace gouji::testing {
namespace {

const char* kSample = "004_2621131c2785ac51";

// Sample 004 with `paragraph` as the first paragraph of section 一.
std::string WithParagraph(const std::string& text, const std::string& paragraph) {
  const std::string heading = "一、总体情况\n";
  const size_t at = text.find(heading);
  REQUIRE(at != std::string::npos);
  return text.substr(0, at + heading.size()) + "\n" + paragraph + "\n" + text.substr(at + heading.size());
}

std::vector<const Finding*> FindingsOf(const Report& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

// "t3.r1.total 5 4": a mismatch's cells, what the text says and what the table says.
std::vector<std::string> Mismatches(const Report& r) {
  std::vector<std::string> out;
  for (const Finding* f : FindingsOf(r, "text.mismatch")) {
    std::string cells;
    for (const std::string& c : f->cells) cells += (cells.empty() ? "" : "+") + c;
    out.push_back(cells + " " + FormatNumber(*f->actual) + " " + FormatNumber(*f->expected));
  }
  return out;
}

TEST_CASE("the samples' prose agrees with their tables", "[samples][prose]") {
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) return;
    INFO(name);
    const Report r = CheckOk(text);
    // 000 says 收到公开政府信息申请0件 (its 一/总计 is 0); 004's 依申请公开信件4件 is in a sentence about
    // 信件 and 热线 as well, so it is left alone; no sample's prose disagrees with its tables.
    CHECK(Mismatches(r).empty());
    CHECK(FindingsOf(r, "text.other_year").empty());
    CHECK(FindingsOf(r, "section.empty").empty());
    CHECK(FindingsOf(r, "fee.statement").empty());  // 004, the one 2021 report, says 未收取信息处理费用
  }
}

TEST_CASE("counts the prose states are checked against their cells, every one", "[samples][prose]") {
  const std::string text = SampleText(kSample);
  if (text.empty()) return;
  const Report r = CheckOk(WithParagraph(text,
      "本年度共收到政府信息公开申请5件，上年结转1件，共办结五件，结转下年度继续办理0件。"
      "其中予以公开四件，部分公开0件，不予公开2件。"
      "因政府信息公开被申请行政复议两起，提起行政诉讼1起。本年制发规范性文件3件。"
      "全年新收政府信息公开申请5件。"));
  CHECK(Mismatches(r) == std::vector<std::string>{
                             "t3.r1.total 5 4",
                             "t3.r2.total 1 0",
                             "t3.r3_7.total 5 4",
                             "t3.r3_3_1.total+t3.r3_3_2.total+t3.r3_3_3.total+t3.r3_3_4.total+t3.r3_3_5.total+"
                             "t3.r3_3_6.total+t3.r3_3_7.total+t3.r3_3_8.total 2 0",
                             "t4.review.total 2 0",
                             "t4.suit_direct.total+t4.suit_after.total 1 0",
                             "t3.r1.total 5 4",  // the second time it is said
                         });
  const Finding* first = FindingsOf(r, "text.mismatch").front();
  CHECK(first->severity == Severity::kWarning);
  CHECK(first->message_zh ==
        "正文说“本年度共收到政府信息公开申请5件，上年结转1件，共办结五件，结转下年度继续办理0件。”（5），"
        "但表三 一（本年新收申请）/总计为 4，相差 1。");
  // The span is the statement's, in the text as given.
  REQUIRE(first->span);
  CHECK(ToUtf8Span(r, *first->span) == "本年度共收到政府信息公开申请5件");
  // A warning: the tables still pass.
  CHECK(r.summary.errors == 0);
}

TEST_CASE("counts of what is no cell, or of an unclear one, are left alone", "[samples][prose]") {
  const std::string text = SampleText(kSample);
  if (text.empty()) return;
  const Report r = CheckOk(WithParagraph(text,
      "其中网络申请3件，信函申请4件，当面申请1件。"      // channels: no cell
      "上年结转和本年新收申请共9件。"                    // two cells at once
      "自然人申请3件。"                                  // a column, not the total
      "较上年增加2件，办结率100%。"                      // a change
      "政府信箱共收到来信12件，已办结10件。"             // another business
      "政府信箱收到群众申请8件。已全部办结8件。"         // ... and the sentence after it
      "全年办理行政复议案件35件。"                        // not about information disclosure
      "第3件申请已办结。"));                             // an ordinal
  CHECK(Mismatches(r).empty());
  CHECK(FindingsOf(r, "text.other_year").empty());
}

TEST_CASE("a count dated in another year is named, not compared", "[samples][prose]") {
  const std::string text = SampleText(kSample);
  if (text.empty()) return;
  const Report r = CheckOk(WithParagraph(text, "本单位2021年度共收到政府信息公开申请12件。2022年结转至2023年的申请0件。"));
  const std::vector<const Finding*> other = FindingsOf(r, "text.other_year");
  REQUIRE(other.size() == 1);
  CHECK(other[0]->message_zh == "正文“本单位2021年度共收到政府信息公开申请12件。”给出的是 2021 年的数字，而这是 2022 年度的报告。");
  CHECK(Mismatches(r).empty());
}

TEST_CASE("a count stated thousands of times gives 50 findings and one saying how many more", "[samples][prose]") {
  const std::string text = SampleText(kSample);
  if (text.empty()) return;
  std::string paragraph;
  for (int k = 0; k < 2000; ++k) paragraph += "本年度共收到政府信息公开申请5件。";
  const Report r = CheckOk(WithParagraph(text, paragraph));
  const std::vector<const Finding*> found = FindingsOf(r, "text.mismatch");
  REQUIRE(found.size() == 51);
  CHECK(found.back()->message_zh == "另有 1950 处同类问题，未逐一列出（只列出前 50 处）。");
}

TEST_CASE("section 五 with nothing in it is said to be empty", "[samples][prose]") {
  const std::string text = SampleText(kSample);
  if (text.empty()) return;
  const size_t five = text.find("五、存在的主要问题及改进情况");
  const size_t six = text.find("六、其他需要报告的事项");
  REQUIRE(five != std::string::npos);
  REQUIRE(six != std::string::npos);
  for (const char* body : {"\n无。\n\n", "\n(一)存在的主要问题\n(二)改进情况\n\n", "\n\n"}) {
    INFO(body);
    const std::string changed = text.substr(0, five) + "五、存在的主要问题及改进情况\n" + body + text.substr(six);
    const Report r = CheckOk(changed);
    const std::vector<const Finding*> empty = FindingsOf(r, "section.empty");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0]->severity == Severity::kWarning);
    CHECK(empty[0]->message_zh.rfind("第五部分“存在的主要问题及改进情况”", 0) == 0);
  }
}

TEST_CASE("the 2021 format's section 六 says whether fees were charged", "[samples][prose]") {
  const std::string text = SampleText(kSample);
  if (text.empty()) return;
  const size_t six = text.find("六、其他需要报告的事项");
  REQUIRE(six != std::string::npos);
  const Report silent = CheckOk(text.substr(0, six) + "六、其他需要报告的事项\n\n无。\n");
  REQUIRE(FindingsOf(silent, "fee.statement").size() == 1);
  CHECK(FindingsOf(silent, "fee.statement")[0]->severity == Severity::kInfo);
  CHECK(FindingsOf(silent, "fee.statement")[0]->message_zh.find("信息处理费") != std::string::npos);

  // 未收取信息处理费用, while three(六)2 counts one application dropped for a fee not paid.
  const Report original = CheckOk(text);
  const Report unpaid = CheckOk(WithCells(original, {{"t3.r3_6_2.total", 1}}));
  const std::vector<const Finding*> fee = FindingsOf(unpaid, "fee.statement");
  REQUIRE(fee.size() == 1);
  CHECK(fee[0]->cells == std::vector<std::string>{"t3.r3_6_2.total"});
  CHECK(fee[0]->message_zh.find("为 1") != std::string::npos);
}

}  // namespace
}  // namespace gouji::testing
