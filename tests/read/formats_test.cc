// Every published format of a report reads the same cells as its text: the five samples as HTML,
// .docx and PDF (positioned text as pdf.js extracted it; the CLI's poppler path is in
// cli_test.sh), a real-world-shaped GBK page with nested layout tables, and the three published
// PDFs of ../shared/samples/pdf against their README.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "gouji/check.h"
#include "gouji/pdf_text.h"
#include "test_util.h"

namespace gouji {
namespace {

using testing::ReadFile;
using testing::SampleNames;

std::map<std::string, std::string> Cells(const Report& r) {
  std::map<std::string, std::string> cells;
  for (const Cell& c : r.cells) cells[c.id] = c.raw;
  return cells;
}

std::string Fixture(const std::string& path) {
  std::string bytes;
  INFO("fixture " << path);
  REQUIRE(ReadFile(std::string(GOUJI_FIXTURES_DIR) + "/" + path, &bytes));
  return bytes;
}

Report CheckFile(const std::string& bytes) {
  Result<Report> r = Check(bytes);
  INFO(r.status().message_en());
  REQUIRE(r.ok());
  return std::move(r).value();
}

Report CheckPdfJson(const std::string& json) {
  Result<Report> r = CheckPdfTextJson(json);
  INFO(r.status().message_en());
  REQUIRE(r.ok());
  return std::move(r).value();
}

// The verdicts of the rules, which must not depend on the format either.
std::vector<std::string> Verdicts(const Report& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (f.status != Finding::Status::kReported) out.push_back(f.rule + ":" + (f.cells.empty() ? "" : f.cells[0]));
  }
  return out;
}

TEST_CASE("every published format of a sample reads the cells of its text", "[formats][samples]") {
  for (size_t i = 0; i < SampleNames().size(); ++i) {
    const std::string text = testing::SampleText(SampleNames()[i]);
    if (text.empty()) continue;  // skipped with a message
    const Report expected = testing::CheckOk(text);
    const std::string stem = "formats/00" + std::to_string(i);
    for (const char* format : {"html", "docx", "pdf"}) {
      INFO(stem << "." << format);
      const Report r = std::string(format) == "pdf" ? CheckPdfJson(Fixture("formats/pdfjs/00" + std::to_string(i) + ".json"))
                                                    : CheckFile(Fixture(stem + "." + format));
      CHECK(r.format == format);
      CHECK(testing::CellDifferences(r, expected) == "");
      CHECK(Verdicts(r) == Verdicts(expected));
      CHECK(r.report_template == expected.report_template);
      for (const TableInfo& t : r.tables) CHECK(t.flattening == "grid");
    }
  }
}

TEST_CASE("a GBK government page with nested layout tables, spans and <br> reads every cell", "[formats]") {
  const Report r = CheckFile(Fixture("formats/cms-page-gbk.html"));
  CHECK(r.format == "html");
  CHECK(r.encoding == "GB18030");
  const nlohmann::json expected = nlohmann::json::parse(Fixture("formats/cms-page-gbk.expected.json"));
  std::map<std::string, std::string> want;
  for (const auto& [id, raw] : expected.items()) want[id] = raw.get<std::string>();
  CHECK(Cells(r) == want);
  CHECK(r.summary.cells_found == 200);
  CHECK(r.summary.errors == 0);
}

// The README of ../shared/samples/pdf: what a correct check shows for each published PDF, here as
// pdf.js read them in the page (tests/golden/pdfjs, made by tests/browser/tools/dump-pdf-items.mjs).
struct PdfFacts {
  const char* name;
  std::map<std::string, double> cells;
  int t4_sum_errors;
  bool template_warning;
};

TEST_CASE("the published PDFs, as the page reads them, show what their README says", "[formats][pdf]") {
  const std::vector<PdfFacts> facts = {
      {"huaian-city-2024",
       {{"t3.r1.total", 3119}, {"t3.r2.total", 34}, {"t3.r3_1.total", 1362}, {"t3.r3_2.total", 454},
        {"t3.r3_7.total", 3050}, {"t3.r4.total", 103}, {"t3.r1.natural", 3001}, {"t3.r3_7.natural", 2932},
        {"t4.review.upheld", 72}, {"t4.review.corrected", 64}, {"t4.review.other", 178}, {"t4.review.pending", 37},
        {"t4.review.total", 351}, {"t4.suit_direct.upheld", 13}, {"t4.suit_direct.corrected", 4},
        {"t4.suit_direct.other", 8}, {"t4.suit_direct.pending", 1}, {"t4.suit_direct.total", 26},
        {"t4.suit_after.upheld", 12}, {"t4.suit_after.corrected", 1}, {"t4.suit_after.other", 1},
        {"t4.suit_after.pending", 6}, {"t4.suit_after.total", 20}},
       0, false},
      {"hongze-district-2023",
       {{"t3.r1.total", 21}, {"t3.r3_7.total", 21}, {"t3.r4.total", 0}, {"t4.review.upheld", 10},
        {"t4.review.corrected", 1}, {"t4.review.total", 0}, {"t4.suit_after.upheld", 5}, {"t4.suit_after.total", 0}},
       2, true},
      {"hongze-district-2024",
       {{"t3.r1.total", 95}, {"t3.r3_1.total", 50}, {"t3.r3_2.total", 9}, {"t3.r3_4_1.total", 31}, {"t3.r3_7.total", 95},
        {"t3.r4.total", 0}, {"t4.review.upheld", 1}, {"t4.review.corrected", 1}, {"t4.review.other", 0},
        {"t4.review.pending", 0}, {"t4.review.total", 2}, {"t4.suit_direct.upheld", 1}, {"t4.suit_direct.total", 1},
        {"t4.suit_after.upheld", 2}, {"t4.suit_after.other", 1}, {"t4.suit_after.total", 3}},
       0, true},
  };
  for (const PdfFacts& f : facts) {
    INFO(f.name);
    std::string json;
    REQUIRE(ReadFile(std::string(GOUJI_GOLDEN_DIR) + "/pdfjs/" + f.name + ".json", &json));
    const Report r = CheckPdfJson(json);
    for (const auto& [id, value] : f.cells) {
      INFO(id);
      const Cell& cell = testing::CellOf(r, id);
      REQUIRE(cell.value.kind == CellValue::Kind::kNumber);
      CHECK(cell.value.number == value);
    }
    int t4_errors = 0;
    for (const Finding& finding : r.findings) t4_errors += finding.rule == "t4.sum" && finding.status == Finding::Status::kFailed;
    CHECK(t4_errors == f.t4_sum_errors);
    CHECK((testing::CountFindings(r, "template.version") > 0) == f.template_warning);
    CHECK(r.summary.errors == f.t4_sum_errors);
    CHECK(r.summary.verdict == (f.t4_sum_errors > 0 ? Verdict::kFail : Verdict::kPass));
    // Every cell is read; the 洪泽区 reports print "2.其他法律行政止公开" (three characters lost),
    // which is read as that row and reported.
    CHECK(r.summary.cells_found == r.summary.cells_expected);
    CHECK(testing::CountFindings(r, "label.deviation") == (std::string(f.name).rfind("hongze", 0) == 0 ? 1 : 0));
  }
}

}  // namespace
}  // namespace gouji
