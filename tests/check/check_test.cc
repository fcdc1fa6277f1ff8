// End to end on synthetic reports: every flattening read back cell for cell, every rule failing
// with its arithmetic, and what gouji says when it cannot place a row.
#include <catch2/catch.hpp>

#include <algorithm>

#include "report_builder.h"
#include "test_util.h"

namespace gouji::testing {
namespace {

TEST_CASE("every flattening of a report reads back every cell", "[check]") {
  for (Shape shape : {Shape::kPipe, Shape::kMarkdown, Shape::kTabRows, Shape::kSpacedRows, Shape::kCellPerLine,
                      Shape::kCellPerLineSpaced}) {
    for (Template version : {Template::k2019, Template::k2021}) {
      ReportSpec spec;
      spec.shape = shape;
      spec.t2 = spec.t3 = version;
      spec.year = version == Template::k2019 ? 2020 : 2023;
      // Distinct, consistent values: row r1 of t3 gets 1..6 and its total 21, carried to r3_1.
      const char* cols[] = {"natural", "commercial", "research", "social", "legal", "other"};
      for (int k = 0; k < 6; ++k) {
        spec.cells[std::string("t3.r1.") + cols[k]] = std::to_string(k + 1);
        spec.cells[std::string("t3.r3_1.") + cols[k]] = std::to_string(k + 1);
        spec.cells[std::string("t3.r3_7.") + cols[k]] = std::to_string(k + 1);
      }
      spec.cells["t3.r1.total"] = spec.cells["t3.r3_1.total"] = spec.cells["t3.r3_7.total"] = "21";
      spec.cells["t4.review.upheld"] = "2";
      spec.cells["t4.review.pending"] = "1";
      spec.cells["t4.review.total"] = "3";
      spec.cells["t4.suit_after.total"] = "0";
      if (version == Template::k2019) spec.cells["t2.procurement.amount"] = "821.73万元";
      else spec.cells["t2.licensing.decisions"] = "6181";

      INFO("shape " << static_cast<int>(shape) << " version " << TemplateName(version));
      const Report report = CheckOk(BuildReport(spec));
      CHECK(report.report_template == version);
      CHECK(report.year == spec.year);
      const int expected = version == Template::k2019 ? 22 + 161 + 15 : 10 + 175 + 15;
      CHECK(report.summary.cells_expected == expected);
      CHECK(report.summary.cells_found == expected);
      CHECK(report.summary.errors == 0);
      CHECK(report.summary.warnings == 0);
      CHECK(report.summary.rules_unverifiable == 0);
      for (const auto& [id, text] : spec.cells) {
        INFO(id);
        CHECK(CellOf(report, id).raw == text);
      }
      CHECK(CellOf(report, "t3.r1.total").value.number == 21);
      CHECK(CellOf(report, "t4.review.total").value.number == 3);
      CHECK(CellOf(report, "t3.r4.other").value.number == 0);
    }
  }
}

TEST_CASE("a broken balance shows the arithmetic", "[check]") {
  ReportSpec spec;
  spec.cells["t3.r1.natural"] = "3";
  spec.cells["t3.r1.total"] = "3";
  spec.cells["t3.r3_1.natural"] = "2";
  spec.cells["t3.r3_1.total"] = "2";
  spec.cells["t3.r3_7.natural"] = "2";
  spec.cells["t3.r3_7.total"] = "2";
  const Report report = CheckOk(BuildReport(spec));
  std::vector<const Finding*> failed;
  for (const Finding& f : report.findings) {
    if (f.status == Finding::Status::kFailed) failed.push_back(&f);
  }
  REQUIRE(failed.size() == 2);  // the natural and the total column
  CHECK(failed[0]->rule == "t3.balance");
  CHECK(failed[0]->message_zh == "自然人列：一(3) + 二(0) = 3，但 三(七)(2) + 四(0) = 2，相差 1");
  CHECK(failed[0]->message_en ==
        "column natural persons: I(3) + II(0) = 3, but III.7(2) + IV(0) = 2, a difference of 1");
  CHECK(failed[0]->actual == 3);
  CHECK(failed[0]->expected == 2);
  CHECK(failed[0]->cells == std::vector<std::string>{"t3.r1.natural", "t3.r2.natural", "t3.r3_7.natural",
                                                     "t3.r4.natural"});
  CHECK(failed[1]->message_zh == "总计列：一(3) + 二(0) = 3，但 三(七)(2) + 四(0) = 2，相差 1");
  CHECK(report.summary.errors == 2);
}

TEST_CASE("each rule fails with its own arithmetic", "[check]") {
  struct Case {
    std::map<std::string, std::string> cells;
    const char* rule;
    const char* message_zh;
  } cases[] = {
      {{{"t4.review.upheld", "1"}, {"t4.review.corrected", "1"}, {"t4.review.total", "1"}},
       "t4.sum",
       "行政复议：总计(1)，但 结果维持(1) + 结果纠正(1) + 其他结果(0) + 尚未审结(0) = 2，相差 1"},
      {{{"t3.r2.legal", "2"}, {"t3.r2.total", "1"}, {"t3.r4.legal", "2"}, {"t3.r4.total", "1"}},
       "t3.applicant_sum",
       "“二、上年结转政府信息公开申请数量”行：总计(1)，但 自然人(0) + 商业企业(0) + 科研机构(0) + "
       "社会公益组织(0) + 法律服务机构(2) + 其他(0) = 2，相差 1"},
      {{{"t3.r3_7.natural", "5"}, {"t3.r3_7.total", "5"}, {"t3.r1.natural", "5"}, {"t3.r1.total", "5"},
        {"t3.r3_1.natural", "3"}, {"t3.r3_1.total", "3"}, {"t3.r3_5_2.natural", "1"}, {"t3.r3_5_2.total", "1"}},
       "t3.outcome_sum",
       "自然人列：三(七)(5)，但 三(一)(3) + 三(五)2(1) + 其余 19 项(均为 0) = 4，相差 1"},
  };
  for (const Case& c : cases) {
    INFO(c.rule);
    ReportSpec spec;
    spec.cells = c.cells;
    const Report report = CheckOk(BuildReport(spec));
    const Finding* f = nullptr;
    for (const Finding& candidate : report.findings) {
      if (candidate.status == Finding::Status::kFailed && !f) f = &candidate;
    }
    REQUIRE(f != nullptr);
    CHECK(f->rule == c.rule);
    CHECK(f->message_zh == c.message_zh);
  }
}

TEST_CASE("t2.public_total warns when fewer are public than were published", "[check]") {
  ReportSpec spec;
  spec.t2 = spec.t3 = Template::k2019;
  spec.year = 2020;
  spec.cells["t2.normative.published"] = "5";
  spec.cells["t2.normative.total_public"] = "3";
  const Report report = CheckOk(BuildReport(spec));
  const Finding* f = FirstFinding(report, "t2.public_total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->message_zh == "“规范性文件”行：对外公开总数量(3) 小于 本年新公开数量(5)，少 2");
  CHECK(report.summary.errors == 0);
}

TEST_CASE("cells that are not numbers, negative or blank are reported", "[check]") {
  ReportSpec spec;
  spec.cells["t3.r1.natural"] = "约3";
  spec.cells["t4.review.total"] = "-1";
  spec.cells["t3.r4.other"] = "/";
  const Report report = CheckOk(BuildReport(spec));
  const Finding* not_number = FirstFinding(report, "cell.not_number");
  REQUIRE(not_number);
  CHECK(not_number->cells == std::vector<std::string>{"t3.r1.natural"});
  CHECK(not_number->message_zh == "一/自然人应为数字，但填写的是“约3”。");
  const Finding* negative = FirstFinding(report, "cell.negative");
  REQUIRE(negative);
  CHECK(negative->cells == std::vector<std::string>{"t4.review.total"});
  const Finding* blank = FirstFinding(report, "cell.blank");
  REQUIRE(blank);
  CHECK(blank->cells == std::vector<std::string>{"t3.r4.other"});
  // The rules through t3.r1.natural cannot be evaluated, and say why.
  int unverifiable_naming_it = 0;
  for (const Finding& f : report.findings) {
    if (f.status != Finding::Status::kUnverifiable) continue;
    for (const std::string& id : f.unverified_cells) unverifiable_naming_it += id == "t3.r1.natural";
  }
  CHECK(unverifiable_naming_it == 2);  // t3.balance (natural) and t3.applicant_sum (r1)
}

TEST_CASE("a row with too few values is reported and not guessed", "[check]") {
  ReportSpec spec;
  spec.shape = Shape::kPipe;
  spec.short_rows = {"t3.r3_2"};
  const Report report = CheckOk(BuildReport(spec));
  const Finding* f = FirstFinding(report, "row.unplaced");
  REQUIRE(f != nullptr);
  CHECK(f->table == "t3");
  CHECK(f->message_zh.find("找到 6 个值，但应有 7 个") != std::string::npos);
  CHECK(report.FindCell("t3.r3_2.natural") == nullptr);
  CHECK(report.FindCell("t3.r3_2.total") == nullptr);
  CHECK(report.summary.cells_found == report.summary.cells_expected - 7);
  // Rules through the row are unverifiable, naming the missing cells.
  const Finding* applicant = nullptr;
  for (const Finding& candidate : report.findings) {
    if (candidate.rule == "t3.applicant_sum" && candidate.status == Finding::Status::kUnverifiable) applicant = &candidate;
  }
  REQUIRE(applicant);
  CHECK(applicant->message_zh.find("未找到") != std::string::npos);
}

TEST_CASE("each table's format version is told apart, and checked against the year", "[check]") {
  ReportSpec spec;
  spec.year = 2023;
  spec.t2 = Template::k2021;
  spec.t3 = Template::k2019;  // as some published reports do
  const Report report = CheckOk(BuildReport(spec));
  CHECK(report.report_template == Template::kMixed);
  CHECK(report.tables[0].version == Template::k2021);
  CHECK(report.tables[1].version == Template::k2019);
  REQUIRE(CountFindings(report, "template.version") == 1);
  CHECK(FirstFinding(report, "template.version")->table == "t3");
  CHECK(report.FindCell("t3.r3_6.total") != nullptr);
  CHECK(report.FindCell("t3.r3_6_1.total") == nullptr);
}

TEST_CASE("tables are found without their section headings", "[check]") {
  ReportSpec spec;
  spec.headings = false;
  spec.shape = Shape::kTabRows;
  spec.cells["t4.suit_direct.total"] = "2";
  spec.cells["t4.suit_direct.upheld"] = "2";
  const Report report = CheckOk(BuildReport(spec));
  CHECK(report.summary.cells_found == report.summary.cells_expected);
  CHECK(CellOf(report, "t4.suit_direct.total").value.number == 2);
  CHECK(CountFindings(report, "section.missing") == 6);
  CHECK(report.summary.errors == 0);
}

TEST_CASE("a missing table is an error", "[check]") {
  ReportSpec spec;
  std::string text = BuildReport(spec);
  const size_t from = text.find("四、政府信息公开行政复议");
  const size_t to = text.find("五、存在的主要问题");
  text.erase(from, to - from);
  const Report report = CheckOk(text);
  REQUIRE(CountFindings(report, "table.missing") == 1);
  CHECK(FirstFinding(report, "table.missing")->table == "t4");
  CHECK(report.summary.errors == 1);
}

// The report's t4 section with its text replaced by `body`.
Report WithT4Section(const std::string& body) {
  std::string text = BuildReport(ReportSpec{});
  const size_t from = text.find('\n', text.find("四、政府信息公开行政复议")) + 1;
  const size_t to = text.find("五、存在的主要问题");
  text.replace(from, to - from, body);
  return CheckOk(text);
}

TEST_CASE("a table that is there but cannot be read is no error of the report's", "[check]") {
  SECTION("numbers gouji cannot read as the table") {
    const Report report = WithT4Section("复议 维持 纠正\n3\n\n1\n\n\n2\n起诉 0\n");
    CHECK(CountFindings(report, "table.missing") == 0);
    REQUIRE(CountFindings(report, "table.unread") == 1);
    const Finding& f = *FirstFinding(report, "table.unread");
    CHECK(f.table == "t4");
    CHECK(f.severity == Severity::kWarning);
    CHECK(f.message_zh.find("此部分有数字，但未能从中读出行政复议、行政诉讼情况表（t4）的行和列") != std::string::npos);
    CHECK(report.summary.errors == 0);
    CHECK(report.summary.verdict == Verdict::kIncomplete);
    CHECK(report.summary.verdict_zh.find("1 张表未能读出") != std::string::npos);
  }
  SECTION("the placeholder pandoc writes for a table it could not draw") {
    const Report report = WithT4Section("\n[TABLE]\n\n");
    REQUIRE(CountFindings(report, "table.unread") == 1);
    const Finding& f = *FirstFinding(report, "table.unread");
    CHECK(f.message_zh.find("“[TABLE]”") != std::string::npos);
    CHECK(f.message_en.find("did not write table t4") != std::string::npos);
    CHECK(report.summary.verdict == Verdict::kIncomplete);
  }
  SECTION("digits run together are numbers too") {
    CHECK(CountFindings(WithT4Section("行政复议行政诉讼结果维持结果纠正\n000\n"), "table.unread") == 1);
  }
  SECTION("a table's HTML in the text (pandoc's Markdown of a table it cannot draw)") {
    const Report report = WithT4Section("<table><tr><td>行政复议</td></tr></table>\n");
    REQUIRE(CountFindings(report, "table.unread") == 1);
    CHECK(FirstFinding(report, "table.unread")->message_zh.find("HTML 代码") != std::string::npos);
  }
  SECTION("prose with a figure in it is no table: the table is missing") {
    const Report report = WithT4Section("本年度未发生行政复议、行政诉讼，共 0 件。\n");
    CHECK(CountFindings(report, "table.unread") == 0);
    CHECK(CountFindings(report, "table.missing") == 1);
    CHECK(report.summary.verdict == Verdict::kFail);
  }
}

}  // namespace
}  // namespace gouji::testing


namespace gouji::testing {
namespace {

TEST_CASE("the layouts as JSON carry every row, column and merged header", "[format]") {
  const std::string json = LayoutsToJson();
  // Spot checks that could fail: the merged headers the page draws, and the version keys.
  CHECK(json.find("\"t3\":{\"2019\":") != std::string::npos);
  CHECK(json.find("\"t4\":{\"any\":") != std::string::npos);
  CHECK(json.find("\"groups\":[\"三、本年度办理结果\",\"(三)不予公开\"]") != std::string::npos);
  CHECK(json.find("\"group\":\"法人或其他组织\"") != std::string::npos);
  CHECK(json.find("\"groups\":[\"行政诉讼\",\"复议后起诉\"]") != std::string::npos);
  int rows = 0;
  for (size_t at = json.find("\"labels\""); at != std::string::npos; at = json.find("\"labels\"", at + 1)) ++rows;
  CHECK(rows == 0);  // one label per row in the JSON: the format's own
  size_t cells = 0;
  for (const TableLayout* layout : AllLayouts()) cells += layout->CellCount();
  CHECK(cells == 22 + 10 + 161 + 175 + 15);
}

}  // namespace
}  // namespace gouji::testing

namespace gouji::testing {
namespace {

TEST_CASE("counts in words are read: 增3 and 减2 in 本年增/减, 无 as nothing", "[check]") {
  ReportSpec spec;
  spec.t2 = spec.t3 = Template::k2019;
  spec.year = 2020;
  spec.cells["t2.licensing.delta"] = "增3";
  spec.cells["t2.penalty.delta"] = "减2";
  spec.cells["t2.licensing.decisions"] = "12件";
  const Report consistent = CheckOk(BuildReport(spec));
  CHECK(testing::CellOf(consistent, "t2.licensing.delta").value.number == 3);
  CHECK(testing::CellOf(consistent, "t2.penalty.delta").value.number == -2);
  CHECK(testing::CellOf(consistent, "t2.licensing.decisions").value.number == 12);
  CHECK(consistent.summary.errors == 0);  // no cell.not_number, and a negative 本年增/减 is allowed
  CHECK(consistent.summary.verdict == Verdict::kPass);

  spec.cells["t4.review.other"] = "无";
  const Report nothing = CheckOk(BuildReport(spec));
  CHECK(testing::CellOf(nothing, "t4.review.other").value.kind == CellValue::Kind::kBlank);
  CHECK(nothing.summary.errors == 0);
  CHECK(nothing.summary.verdict == Verdict::kIncomplete);  // the format wants 0: t4.sum of 行政复议 unverified
}

}  // namespace
}  // namespace gouji::testing

namespace gouji::testing {
namespace {

TEST_CASE("a report run into one line (a crawler's text) is read as its lines", "[check][unfold]") {
  for (Template version : {Template::k2019, Template::k2021}) {
    ReportSpec spec;
    spec.shape = Shape::kSpacedRows;
    spec.t2 = spec.t3 = version;
    spec.year = version == Template::k2019 ? 2020 : 2023;
    spec.cells = {{"t3.r1.natural", "23"}, {"t3.r1.total", "23"}, {"t3.r3_1.natural", "23"}, {"t3.r3_1.total", "23"},
                  {"t3.r3_7.natural", "23"}, {"t3.r3_7.total", "23"}, {"t2.normative.made", "3"}};
    const std::string text = BuildReport(spec);
    std::string one_line = text;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    INFO(TemplateName(version));
    const Report lines = CheckOk(text), run_together = CheckOk(one_line);
    CHECK(CellDifferences(run_together, lines) == "");
    CHECK(run_together.summary.cells_found == run_together.summary.cells_expected);
    CHECK(run_together.summary.verdict == Verdict::kPass);
    // Spans still point at the cells in the one line.
    const Cell& cell = CellOf(run_together, "t3.r1.natural");
    CHECK(ToUtf8(FromUtf8(one_line).substr(cell.span.begin, cell.span.end - cell.span.begin)) == "23");
  }
}

TEST_CASE("a report with its white space removed is read as its lines", "[check][unfold]") {
  // An element's textContent with white space dropped: "…现行有效件数规章000行政规范性文件365…", and
  // t4's fifteen digits run onto its last header (…总计100010000000000).
  ReportSpec spec;
  spec.shape = Shape::kSpacedRows;
  spec.t2 = spec.t3 = Template::k2021;
  spec.year = 2023;
  spec.cells = {{"t3.r1.natural", "4"}, {"t3.r1.total", "4"}, {"t3.r3_1.natural", "4"}, {"t3.r3_1.total", "4"},
                {"t3.r3_7.natural", "4"}, {"t3.r3_7.total", "4"}, {"t2.normative.issued", "3"},
                {"t4.review.upheld", "1"}, {"t4.review.total", "1"}};
  const std::string text = BuildReport(spec);
  std::string bare;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t') bare += c;
  }
  const Report lines = CheckOk(text), run_together = CheckOk(bare);
  CHECK(CellDifferences(run_together, lines) == "");
  CHECK(run_together.summary.cells_found == run_together.summary.cells_expected);
  CHECK(CellOf(run_together, "t4.review.upheld").raw == "1");
  CHECK(CellOf(run_together, "t2.normative.issued").raw == "3");
}

TEST_CASE("in one line, a row starts at its label before its values and at an enumerator after a value",
          "[check][unfold]") {
  // A crawler's text of a table with its header cells: 规章 follows 现行有效件数, not a value; the
  // report writes 3.危及"三安全一稳定" with other quotes than the format's, so only its enumerator
  // after the 0 before it says where its row starts.
  const std::string text =
      "二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 1 2 3 "
      "行政规范性文件 3 6 5 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 6181 "
      "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4 "
      "三、本年度办理结果 （三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0 2.其他法律行政法规禁止公开 0 0 0 0 0 0 0 "
      "3.危及「三安全一稳定」 5 0 0 0 0 0 5 4.保护第三方合法权益 0 0 0 0 0 0 0 "
      "四、政府信息公开行政复议、行政诉讼情况";
  const Report report = CheckOk(text);
  CHECK(CellOf(report, "t2.regulations.issued").raw == "1");
  CHECK(CellOf(report, "t2.regulations.in_force").raw == "3");
  CHECK(CellOf(report, "t2.licensing.decisions").raw == "6181");
  CHECK(CellOf(report, "t3.r3_3_3.natural").raw == "5");
  CHECK(CellOf(report, "t3.r3_3_3.total").raw == "5");
  CHECK(CellOf(report, "t3.r3_3_4.total").raw == "0");
}

}  // namespace
}  // namespace gouji::testing


namespace gouji::testing {
namespace {

// --- Cells run together (an element's textContent) ---

// A 2021 report's t3 as textContent gives it: each row's label with its digits run onto it.
std::string RunTogetherT3(const std::string& r1_digits, const std::string& r2_digits) {
  std::string text = "三、收到和处理政府信息公开申请情况\n";
  text += "一、本年新收政府信息公开申请数量" + r1_digits + "\n";
  text += "二、上年结转政府信息公开申请数量" + r2_digits + "\n";
  text += "三、本年度办理结果\n（一）予以公开0000000\n";
  return text;
}

TEST_CASE("run-together digits are read the one way the arithmetic allows, and that relation is not verified",
          "[check][run_together]") {
  const Report r = CheckOk(RunTogetherT3("230000023", "0000000"));
  CHECK(CellOf(r, "t3.r1.natural").raw == "23");
  CHECK(CellOf(r, "t3.r1.commercial").raw == "0");
  CHECK(CellOf(r, "t3.r1.total").raw == "23");
  CHECK(CellOf(r, "t3.r1.total").read_by == std::vector<std::string>{"t3.applicant_sum"});
  CHECK(CellOf(r, "t3.r2.total").read_by.empty());  // 7 digits, 7 cells: no arithmetic needed
  const Finding* read = FirstFinding(r, "cells.run_together");
  REQUIRE(read != nullptr);
  CHECK(read->message_zh.find("230000023") != std::string::npos);
  CHECK(read->message_zh.find("23、0、0、0、0、0、23") != std::string::npos);
  // The r1 instance of t3.applicant_sum is unverifiable (used to read), never passed.
  bool r1_used = false;
  for (const Finding& f : r.findings) {
    if (f.rule == "t3.applicant_sum" && f.status == Finding::Status::kUnverifiable &&
        std::find(f.cells.begin(), f.cells.end(), "t3.r1.total") != f.cells.end())
      r1_used = f.message_zh.find("已用于读出连写的数字") != std::string::npos;
  }
  CHECK(r1_used);
}

TEST_CASE("a real inconsistency in run-together digits is still found when the reading does not depend on it",
          "[check][run_together]") {
  // 4000005: seven digits, seven cells, one reading; its total (5) is not the sum (4).
  const Report r = CheckOk(RunTogetherT3("4000005", "0000000"));
  CHECK(CellOf(r, "t3.r1.total").raw == "5");
  bool failed = false;
  for (const Finding& f : r.findings) {
    if (f.rule == "t3.applicant_sum" && f.status == Finding::Status::kFailed && f.severity == Severity::kError &&
        std::find(f.cells.begin(), f.cells.end(), "t3.r1.total") != f.cells.end())
      failed = true;
  }
  CHECK(failed);
}

TEST_CASE("digits run together on a line of their own, where a number begins with 0, are a row's cells",
          "[check][run_together]") {
  // A CMS page's textContent where every label and every row's digits are an element's own line;
  // t4's rows are a line of five digits each.
  std::string text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n4000004\n"
                     "二、上年结转政府信息公开申请数量\n0000000\n三、本年度办理结果\n（一）予以公开\n4000004\n"
                     "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n"
                     "10001\n00000\n20013\n五、存在的主要问题及改进情况\n";
  const Report r = CheckOk(text);
  CHECK(CellOf(r, "t3.r1.natural").raw == "4");
  CHECK(CellOf(r, "t3.r1.total").raw == "4");
  CHECK(CellOf(r, "t3.r3_1.total").raw == "4");
  CHECK(CellOf(r, "t4.review.upheld").raw == "1");
  CHECK(CellOf(r, "t4.review.total").raw == "1");
  CHECK(CellOf(r, "t4.suit_after.upheld").raw == "2");
  CHECK(CellOf(r, "t4.suit_after.pending").raw == "1");
  CHECK(CellOf(r, "t4.suit_after.total").raw == "3");
  // Each cell's span is its digit, on its own line.
  const Cell& cell = CellOf(r, "t4.suit_after.total");
  CHECK(ToUtf8(FromUtf8(text).substr(cell.span.begin, cell.span.end - cell.span.begin)) == "3");
  // Without a number that begins with 0, "4000004" may be one cell of a row whose others were
  // lost: it is not split, and the row is not placed.
  const Report one = CheckOk("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n4000004\n"
                              "二、上年结转政府信息公开申请数量\n3\n三、本年度办理结果\n（一）予以公开\n4000007\n");
  CHECK(one.FindCell("t3.r1.natural") == nullptr);
  CHECK(FirstFinding(one, "row.unplaced") != nullptr);
}

TEST_CASE("a table in content order, labels before their numbers, is not placed by order", "[check]") {
  // pdftotext writes some tables' cells in content order: (七)总计 and 四、结转… one after the
  // other, then numbers that are (七)总计's. Placed by order, 四、结转… would take them.
  std::string text = "三、收到和处理政府信息公开申请情况\n\n一、本年新收政府信息公开申请数量\n\n4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4\n\n"
                     "二、上年结转政府信息公开申请数量\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
                     "（七）总计\n\n四、结转下年度继续办理\n\n4\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4\n\n";
  const Report r = CheckOk(text);
  CHECK(CellOf(r, "t3.r1.total").raw == "4");  // in row order, placed
  CHECK(r.FindCell("t3.r4.total") == nullptr);
  CHECK(r.FindCell("t3.r3_7.total") == nullptr);
  bool said = false;
  for (const Finding& f : r.findings) {
    said |= f.rule == "row.unplaced" && f.message_zh.find("“四、结转下年度继续办理”紧接在“(七)总计”之后") != std::string::npos;
  }
  CHECK(said);
}

TEST_CASE("a number that begins with 0 among spaced cells splits nothing but itself", "[check][run_together]") {
  // Numbers between spaces are cells as written: "000" after 规章 does not make 120 three cells.
  const Report t2 = CheckOk("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
                            "规章 000\n行政规范性文件 120\n三、收到和处理政府信息公开申请情况\n");
  CHECK(t2.FindCell("t2.normative.issued") == nullptr);
  // Nor are spaced numbers run together into a row whose cells they would cut across.
  const Report t3 = CheckOk(RunTogetherT3(" 20 20 101 20 100 261", "0000000"));
  CHECK(t3.FindCell("t3.r1.natural") == nullptr);
  CHECK(t3.FindCell("t3.r1.legal") == nullptr);
}

TEST_CASE("run-together digits with two readings are reported with both, and placed in neither",
          "[check][run_together]") {
  const Report r = CheckOk(RunTogetherT3("110000011", "0000000"));
  CHECK(r.FindCell("t3.r1.natural") == nullptr);
  const Finding* f = FirstFinding(r, "row.unplaced");
  REQUIRE(f != nullptr);
  CHECK(f->message_zh.find("110000011") != std::string::npos);
  CHECK(f->message_zh.find("11、0、0、0、0、0、11") != std::string::npos);
  CHECK(f->message_zh.find("1、10、0、0、0、0、11") != std::string::npos);
}

}  // namespace
}  // namespace gouji::testing
