// The smallest fix (check/fix.h): the one change of one cell, or of two, that makes every rule hold,
// given only when no other change of that size does. Each case changes cells of a sample whose
// tables are consistent and says, from the spec's rules, which fix must come back.
#include <catch2/catch.hpp>

#include "test_util.h"

namespace gouji::testing {
namespace {

std::string FixOf(const Report& r) {
  if (!r.fix) return "null";
  std::string out;
  for (const CellChange& c : *r.fix) {
    out += (out.empty() ? "" : " ") + c.cell + ":" + FormatNumber(c.from) + "->" + FormatNumber(c.to);
  }
  return out;
}

TEST_CASE("a consistent report has nothing to fix and says nothing of it", "[samples][fix]") {
  const std::string text = SampleText("001_eabb943c232c0218");
  if (text.empty()) return;
  const Report r = CheckOk(text);
  REQUIRE(r.fix.has_value());
  CHECK(r.fix->empty());
  CHECK(CountFindings(r, "fix.suggested") == 0);
  CHECK(ReportToJson(r).find("\"fix\":[]") != std::string::npos);
}

TEST_CASE("one wrong t3 cell comes back as its own fix, with the message", "[samples][fix]") {
  const std::string text = SampleText("004_2621131c2785ac51");
  if (text.empty()) return;
  const Report original = CheckOk(text);
  const Report r = CheckOk(WithCells(original, {{"t3.r1.natural", 5}}));  // 4 in the sample
  CHECK(FixOf(r) == "t3.r1.natural:5->4");
  const Finding* f = FirstFinding(r, "fix.suggested");
  REQUIRE(f);
  CHECK(f->severity == Severity::kInfo);
  CHECK(f->cells == std::vector<std::string>{"t3.r1.natural"});
  CHECK(f->message_zh == "若 表三 一/自然人 为 4（而非 5），所有规则均成立。");
  CHECK(f->message_en == "If table 3 I/natural persons were 4 (not 5), every rule would hold.");
  CHECK(ReportToJson(r).find("\"fix\":[{\"cell\":\"t3.r1.natural\",\"from\":5,\"to\":4}]") != std::string::npos);
}

TEST_CASE("two wrong cells of one row come back as a fix of two", "[samples][fix]") {
  const std::string text = SampleText("001_eabb943c232c0218");
  if (text.empty()) return;
  const Report original = CheckOk(text);
  const double natural = CellOf(original, "t3.r1.natural").value.number;
  const double commercial = CellOf(original, "t3.r1.commercial").value.number;
  // Both one more: the two columns' balance and the row's total fail. No one cell is in all three;
  // of two, one must be in each column and one in row 一, and a cell outside row 一 would break its
  // own row's total: only the two cells themselves.
  const Report r = CheckOk(WithCells(original, {{"t3.r1.natural", static_cast<long long>(natural) + 1},
                                                {"t3.r1.commercial", static_cast<long long>(commercial) + 1}}));
  CHECK(r.summary.rules_failed == 3);
  CHECK(FixOf(r) == "t3.r1.commercial:" + FormatNumber(commercial + 1) + "->" + FormatNumber(commercial) +
                        " t3.r1.natural:" + FormatNumber(natural + 1) + "->" + FormatNumber(natural));
  const Finding* f = FirstFinding(r, "fix.suggested");
  REQUIRE(f);
  CHECK(f->cells.size() == 2);
}

TEST_CASE("a t4 total any of five cells could mend has no unique fix", "[samples][fix]") {
  const std::string text = SampleText("001_eabb943c232c0218");
  if (text.empty()) return;
  const Report original = CheckOk(text);
  const double upheld = CellOf(original, "t4.review.upheld").value.number;
  const Report r = CheckOk(WithCells(original, {{"t4.review.upheld", static_cast<long long>(upheld) + 1}}));
  CHECK(r.summary.rules_failed == 1);
  CHECK(FixOf(r) == "null");
  const Finding* f = FirstFinding(r, "fix.suggested");
  REQUIRE(f);
  CHECK(f->cells.empty());
  // upheld back, or the total one more; corrected, other or pending one less where they are above 0.
  CHECK(f->message_zh.find("不止一种") != std::string::npos);
  CHECK(ReportToJson(r).find("\"fix\":null") != std::string::npos);
}

TEST_CASE("three cells wrong in three rows and columns: no fix of one or two cells", "[samples][fix]") {
  const std::string text = SampleText("001_eabb943c232c0218");
  if (text.empty()) return;
  const Report original = CheckOk(text);
  std::vector<std::pair<std::string, long long>> changes;
  for (const char* id : {"t3.r1.natural", "t3.r2.commercial", "t3.r4.research"}) {
    changes.emplace_back(id, static_cast<long long>(CellOf(original, id).value.number) + 1);
  }
  const Report r = CheckOk(WithCells(original, changes));
  CHECK(r.summary.rules_failed == 6);  // three columns' balance, three rows' totals
  CHECK(FixOf(r) == "null");
  const Finding* f = FirstFinding(r, "fix.suggested");
  REQUIRE(f);
  CHECK(f->message_zh.find("改动一两个单元格不能使所有规则成立") == 0);
}

TEST_CASE("t2's \"at least\" has no one value to restore", "[samples][fix]") {
  const std::string text = SampleText("001_eabb943c232c0218");
  if (text.empty()) return;
  const Report original = CheckOk(text);
  const double total = CellOf(original, "t2.regulations.total_public").value.number;
  const Report r = CheckOk(WithCells(original, {{"t2.regulations.published", static_cast<long long>(total) + 1}}));
  CHECK(r.summary.rules_failed == 1);
  CHECK(FixOf(r) == "null");
  CHECK(CountFindings(r, "fix.suggested") == 1);
}

}  // namespace
}  // namespace gouji::testing
