// PDF layout (pdf_layout.h) on positioned text made from synthetic reports: rows and cells rebuilt
// by position, wrapped labels, values centred between a label's lines, blank cells a PDF does not
// draw, and what must not be guessed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "base/unicode.h"
#include "gouji/check.h"
#include "gouji/pdf_text.h"
#include "report_builder.h"
#include "test_util.h"

namespace gouji {
namespace {

using testing::BuildReport;
using testing::ReportSpec;
using testing::Shape;

// Lays a report written as tab rows out on A4 pages the way a PDF draws a table: the first cell
// of a row at the left, the others in columns 34 points apart; 9-point text, a line every 16
// points. Empty cells are not drawn at all; a long label is squeezed to end before the values.
std::vector<PdfPage> LayOut(const std::string& text) {
  std::vector<PdfPage> pages(1);
  double y = 40;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (y > 800) {
      pages.emplace_back();
      y = 40;
    }
    PdfPage& page = pages.back();
    page.width = 595, page.height = 842;
    size_t from = 0;
    for (int k = 0; from <= line.size(); ++k) {
      size_t tab = line.find('\t', from);
      if (tab == std::string::npos) tab = line.size();
      const std::string cell = line.substr(from, tab - from);
      from = tab + 1;
      if (cell.empty()) continue;
      // A long label ends before the values, as a wrapped one would.
      const double n = static_cast<double>(FromUtf8(cell).size());
      const double width = k == 0 ? std::min(9 * n, 230.0) : 6 * n;
      const double x = k == 0 ? 40 : 300 + 34 * (k - 1) - width / 2;
      page.items.push_back({x, y, width, 9, cell});
    }
    y += 16;
  }
  return pages;
}

Report CheckPdfOk(const std::vector<PdfPage>& pages) {
  Result<Report> r = CheckPdfText(pages);
  INFO(r.status().message_en());
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("a report's positioned text reads back every cell", "[pdf]") {
  for (Template t : {Template::k2019, Template::k2021}) {
    ReportSpec spec;
    spec.t2 = spec.t3 = t;
    spec.shape = Shape::kTabRows;
    spec.cells = {{"t3.r1.natural", "12"}, {"t3.r1.total", "12"}, {"t4.review.upheld", "3"}};
    const std::string text = BuildReport(spec);
    const Report expected = testing::CheckOk(text);
    const Report pdf = CheckPdfOk(LayOut(text));
    CHECK(pdf.format == "pdf");
    CHECK(testing::CellDifferences(pdf, expected) == "");
    CHECK(pdf.summary.cells_found == pdf.summary.cells_expected);
  }
}

TEST_CASE("glyph boxes taller than the text (Type 3 fonts) do not fuse the lines", "[pdf]") {
  // Chromium embeds CJK fonts as Type 3 whose boxes are 2.5 times the 9-point text: 22.5 points
  // high, on lines 16 points apart, each box reaching into the lines above and below it.
  ReportSpec spec;
  spec.shape = Shape::kTabRows;
  spec.cells = {{"t3.r1.natural", "58"}, {"t3.r1.total", "58"}, {"t3.r3_1.natural", "58"}, {"t3.r3_1.total", "58"},
                {"t3.r3_7.natural", "58"}, {"t3.r3_7.total", "58"}};
  const std::string text = BuildReport(spec);
  std::vector<PdfPage> pages = LayOut(text);
  for (PdfPage& page : pages) {
    for (PdfTextItem& item : page.items) {
      item.y -= 6.75;  // the box about the same middle
      item.height = 22.5;
    }
  }
  const Report pdf = CheckPdfOk(pages);
  CHECK(testing::CellDifferences(pdf, testing::CheckOk(text)) == "");
  CHECK(pdf.summary.verdict == Verdict::kPass);
}

TEST_CASE("page numbers in headers and footers never become cells", "[pdf]") {
  ReportSpec spec;
  spec.shape = Shape::kTabRows;
  const std::string text = BuildReport(spec);
  const Report expected = testing::CheckOk(text);
  for (const char* footer : {"- 1 -", "— 2 —", "第3页 共4页", "4/4", "第 5 页"}) {
    INFO(footer);
    std::vector<PdfPage> pages = LayOut(text);
    for (PdfPage& page : pages) {
      page.items.push_back({290, 830, 20, 9, footer});
      page.items.push_back({280, 5, 8, 9, "7"});  // a header of the page number alone
    }
    const Report pdf = CheckPdfOk(pages);
    CHECK(testing::CellDifferences(pdf, expected) == "");
    const std::string read = ToUtf8(pdf.source);
    CHECK(read.find(footer) == std::string::npos);
    CHECK(read.find("7\n") == std::string::npos);
  }
  // A row of values at the foot of a page is the report's: "0 0 0" is no page number.
  std::vector<PdfPage> pages = LayOut(text);
  for (PdfPage& page : pages) {
    for (double x : {300.0, 334.0, 368.0}) page.items.push_back({x, 830, 6, 9, "0"});
  }
  CHECK(ToUtf8(CheckPdfOk(pages).source).find("0\t0\t0\n") != std::string::npos);
}

TEST_CASE("blank cells a PDF does not draw are placed by their columns' positions", "[pdf]") {
  ReportSpec spec;
  spec.shape = Shape::kTabRows;
  spec.cells = {{"t3.r1.commercial", ""}, {"t3.r1.legal", ""}, {"t3.r2.total", ""}};
  const std::string text = BuildReport(spec);
  const Report pdf = CheckPdfOk(LayOut(text));
  CHECK(testing::CellDifferences(pdf, testing::CheckOk(text)) == "");
  CHECK(testing::CellOf(pdf, "t3.r1.commercial").value.kind == CellValue::Kind::kBlank);
  CHECK(testing::CellOf(pdf, "t3.r1.research").raw == "0");
  CHECK(testing::CountFindings(pdf, "row.unplaced") == 0);
}

TEST_CASE("a value between two columns is not guessed", "[pdf]") {
  ReportSpec spec;
  spec.shape = Shape::kTabRows;
  spec.cells = {{"t3.r1.commercial", ""}};
  std::vector<PdfPage> pages = LayOut(BuildReport(spec));
  // Move r1's "research" value (the second drawn after its label) halfway towards the next column.
  bool moved = false;
  for (PdfPage& page : pages) {
    for (size_t i = 0; i < page.items.size() && !moved; ++i) {
      if (page.items[i].text != "一、本年新收政府信息公开申请数量") continue;
      page.items[i + 2].x += 17;
      moved = true;
    }
  }
  REQUIRE(moved);
  const Report pdf = CheckPdfOk(pages);
  CHECK(testing::CountFindings(pdf, "row.unplaced") == 1);
  CHECK(pdf.FindCell("t3.r1.natural") == nullptr);
}

TEST_CASE("a wrapped label with its values centred beside it is one row", "[pdf]") {
  ReportSpec spec;
  spec.shape = Shape::kTabRows;
  spec.cells = {{"t3.r3_2.natural", "7"}, {"t3.r3_2.total", "7"}};
  std::vector<PdfPage> pages = LayOut(BuildReport(spec));
  // Split r3_2's label over two lines 10 points apart, its values centred between them, the way a
  // narrow label column wraps it.
  for (PdfPage& page : pages) {
    for (size_t i = 0; i < page.items.size(); ++i) {
      PdfTextItem& label = page.items[i];
      if (label.text.rfind("(二)部分公开", 0) != 0 && label.text.rfind("（二）部分公开", 0) != 0) continue;
      const std::u32string text = FromUtf8(label.text);
      PdfTextItem second = label;
      label.text = ToUtf8(text.substr(0, 10));
      label.width = 90;
      label.y -= 5;
      second.text = ToUtf8(text.substr(10));
      second.y += 5;
      second.width = 9.0 * static_cast<double>(text.size() - 10);
      page.items.push_back(second);
      break;
    }
  }
  const Report pdf = CheckPdfOk(pages);
  CHECK(testing::CellOf(pdf, "t3.r3_2.natural").raw == "7");
  CHECK(testing::CountFindings(pdf, "row.missing") == 0);
  CHECK(testing::CountFindings(pdf, "row.unplaced") == 0);
}

TEST_CASE("a PDF without text is a scan, and says so", "[pdf]") {
  Result<Report> r = CheckPdfText({PdfPage{595, 842, {}, {}}, PdfPage{595, 842, {}, {}}});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kNoText);
  CHECK(r.status().message_zh().find("扫描件") != std::string::npos);
  CHECK(r.status().message_zh().find("2 页") != std::string::npos);
}

TEST_CASE("a page of a hundred thousand runs is laid out, not left hanging", "[pdf]") {
  // Every run on a line of its own, half of them vertical: line finding must not be quadratic.
  PdfPage page{595, 842, {}, {}};
  for (int i = 0; i < 100000; ++i) {
    const double y = i * 0.01;
    page.items.push_back(i % 2 ? PdfTextItem{10, y, 2, 30, "甲乙"} : PdfTextItem{10, y, 30, 0.005, "字"});
  }
  Result<Report> r = CheckPdfText({page});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kNotAReport);
}

TEST_CASE("a line of two hundred thousand cells, or a row of as many lines, is laid out", "[pdf]") {
  constexpr int kRuns = 200000;
  // A value, then fragments close enough to be joined into one label (erased one by one, that is
  // 2e10 moves); then, on a line of its own, as many cells standing apart (2e10 comparisons).
  PdfPage joined{595, 842, {{0, 0, 6, 9, "5"}}, {}}, apart{595, 842, {{0, 0, 6, 9, "5"}}, {}};
  for (int i = 1; i < kRuns; ++i) {
    joined.items.push_back({i * 11.0, 0, 5, 9, "字"});
    apart.items.push_back({i * 20.0, 0, 5, 9, "字"});
  }
  // A labelled row with its value, and a column of lines under its label, each continuing it.
  PdfPage column{595, 842, {{10, 0, 20, 9, "一、标签"}, {300, 0, 6, 9, "5"}}, {}};
  for (int i = 1; i < kRuns; ++i) column.items.push_back({10, i * 10.0, 20, 9, "字"});
  // Square time took over a minute here (no clock is asked: a hang is what this guards against).
  for (const PdfPage& page : {joined, apart, column}) {
    Result<Report> r = CheckPdfText({page});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kNotAReport);
  }
}

}  // namespace
}  // namespace gouji
