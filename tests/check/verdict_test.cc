// The verdict on a report as a whole (check/verdict.h): passed only when everything was found and
// checked, "not fully checked" with its reasons counted, failed on any error; and a text holding
// two reports gives two reports, each with its own verdict.
#include <catch2/catch.hpp>

#include "report_builder.h"
#include "test_util.h"

namespace gouji::testing {
namespace {

std::vector<std::string> Reasons(const Summary& s) {
  std::vector<std::string> reasons;
  for (const Shortfall& why : s.incomplete) reasons.push_back(why.reason);
  return reasons;
}

TEST_CASE("a report found whole whose rules all hold passes", "[verdict]") {
  const Report report = CheckOk(BuildReport(ReportSpec{}));
  CHECK(report.summary.verdict == Verdict::kPass);
  CHECK(report.summary.verdict_zh == "通过");
  CHECK(report.summary.verdict_en == "Passed");
  CHECK(report.summary.incomplete.empty());
  CHECK(report.summary.cells_blank == 0);
}

TEST_CASE("a blank cell makes a report not fully checked, counted and explained", "[verdict]") {
  ReportSpec spec;
  spec.cells["t3.r2.natural"] = "";  // read by t3.balance (its column) and t3.applicant_sum (its row)
  const Report report = CheckOk(BuildReport(spec));
  CHECK(report.summary.verdict == Verdict::kIncomplete);
  CHECK(report.summary.cells_blank == 1);
  CHECK(report.summary.rules_unverifiable == 2);
  CHECK(Reasons(report.summary) == std::vector<std::string>{"cells_blank", "rules_unverifiable"});
  CHECK(report.summary.verdict_zh == "未能完整核对：1 个单元格为空，格式要求填 0；2 项核对无法完成");
  CHECK(report.summary.verdict_en ==
        "Not fully checked: 1 cell is blank (the format wants 0); 2 checks could not be made");
}

TEST_CASE("a row whose numbers cannot be placed makes a report not fully checked", "[verdict]") {
  ReportSpec spec;
  spec.short_rows = {"t3.r1"};  // seven values written as six: none can be placed with confidence
  const Report report = CheckOk(BuildReport(spec));
  CHECK(report.summary.verdict == Verdict::kIncomplete);
  const std::vector<std::string> reasons = Reasons(report.summary);
  REQUIRE(reasons.size() >= 2);
  CHECK(reasons[0] == "cells_not_found");
  CHECK(reasons[1] == "rows_unplaced");
  CHECK(report.summary.incomplete[0].count == report.summary.cells_expected - report.summary.cells_found);
  CHECK(report.summary.incomplete[0].count >= 6);
  CHECK(report.summary.incomplete[1].count == 1);
}

TEST_CASE("an error fails a report, and the failing total is the subject of its finding", "[verdict]") {
  ReportSpec spec;
  spec.cells["t4.review.total"] = "5";  // its four results are all 0
  const Report report = CheckOk(BuildReport(spec));
  CHECK(report.summary.verdict == Verdict::kFail);
  CHECK(report.summary.verdict_zh == "1 个错误");
  CHECK(report.summary.verdict_en == "1 error");
  const Finding* sum = nullptr;
  for (const Finding& f : report.findings) {
    if (f.rule == "t4.sum" && f.status == Finding::Status::kFailed) sum = &f;
  }
  REQUIRE(sum != nullptr);
  CHECK(sum->subject_cells == std::vector<std::string>{"t4.review.total"});
  CHECK(sum->cells.size() == 5);  // the total and the four results it should be the sum of
}

TEST_CASE("a missing table fails a report: it cannot pass on what was not found", "[verdict]") {
  std::string text = BuildReport(ReportSpec{});
  text = text.substr(0, text.find("四、政府信息公开行政复议"));  // no section 四, no t4
  const Report report = CheckOk(text);
  CHECK(report.summary.verdict == Verdict::kFail);
  CHECK(Reasons(report.summary).front() == "cells_not_found");
}

TEST_CASE("two reports in one text are checked on their own, never merged", "[verdict][several]") {
  ReportSpec failing;
  failing.year = 2023;
  failing.cells["t4.review.total"] = "5";
  const std::string first = BuildReport(ReportSpec{});
  const std::string text = first + BuildReport(failing);
  const Report report = CheckOk(text);
  CHECK(report.title == "测试镇2022年政府信息公开工作年度报告");
  CHECK(report.year == 2022);
  REQUIRE(report.other_reports.size() == 1);
  const Report& second = report.other_reports[0];
  CHECK(second.title == "测试镇2023年政府信息公开工作年度报告");
  CHECK(second.year == 2023);
  // Each has its own cells: the first's t4 total is 0, the second's 5.
  REQUIRE(report.FindCell("t4.review.total") != nullptr);
  CHECK(report.FindCell("t4.review.total")->value.number == 0);
  REQUIRE(second.FindCell("t4.review.total") != nullptr);
  CHECK(second.FindCell("t4.review.total")->value.number == 5);
  CHECK(second.summary.verdict == Verdict::kFail);
  CHECK(second.summary.cells_found == second.summary.cells_expected);
  // The first is told; its own tables pass.
  CHECK(report.findings.front().rule == "input.several_reports");
  CHECK(report.summary.errors == 0);
  CHECK(report.summary.verdict == Verdict::kPass);
  // Their spans divide the source at the second title.
  REQUIRE(report.span.has_value());
  REQUIRE(second.span.has_value());
  const uint32_t boundary = static_cast<uint32_t>(FromUtf8(first).size());
  CHECK(report.span->begin == 0);
  CHECK(report.span->end == boundary);
  CHECK(second.span->begin == boundary);
  CHECK(second.span->end == FromUtf8(text).size());
  CHECK(second.FindCell("t4.review.total")->span.begin > boundary);
}

TEST_CASE("a table of contents before the report is not a second report", "[verdict][several]") {
  const std::string contents =
      "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
      "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
  const Report with_contents = CheckOk(contents + BuildReport(ReportSpec{}));
  CHECK(with_contents.other_reports.empty());
  CHECK_FALSE(with_contents.span.has_value());
  CHECK(with_contents.summary.verdict == Verdict::kPass);  // the tables are found after the contents' headings
}

}  // namespace
}  // namespace gouji::testing

namespace gouji::testing {
namespace {

TEST_CASE("a report in the format before 2019 is named as such, not refused, and never passes", "[verdict]") {
  const std::string text =
      "某某县人民政府2017年政府信息公开工作年度报告\n"
      "一、概述\n2017年，我县认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
      "二、主动公开政府信息情况\n全年主动公开政府信息1200条。\n"
      "附表：政府信息公开情况统计表\n"
      "指标名称\t计量单位\t统计数\n"
      "一、主动公开情况\n（一）主动公开政府信息数\t条\t1200\n"
      "二、回应解读情况\n（一）回应公众关注热点或重大舆情数\t次\t5\n";
  const Report report = CheckOk(text);
  CHECK(report.summary.verdict == Verdict::kIncomplete);
  CHECK(report.summary.errors == 0);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].rule == "template.pre2019");
  CHECK(report.findings[0].message_zh.find("2019 年以前的格式") != std::string::npos);
  REQUIRE(report.summary.incomplete.size() == 1);
  CHECK(report.summary.incomplete[0].reason == "format_not_checked");
  CHECK(report.summary.verdict_zh == "未能完整核对：报告使用 2019 年以前的格式，统计表未核对");
  CHECK(report.year == 2017);
}

}  // namespace
}  // namespace gouji::testing
