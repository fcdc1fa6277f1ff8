// The five samples: what shared/samples/README.md says a correct check shows, asserted cell by
// cell, and the whole JSON compared byte for byte with the reviewed golden files in tests/golden.
// Run with GOUJI_UPDATE_GOLDEN=1 to rewrite the golden files after a reviewed change.
#include <cstdlib>
#include <fstream>

#include <catch2/catch.hpp>

#include "test_util.h"

namespace gouji::testing {
namespace {

const char* kT3Columns[] = {"natural", "commercial", "research", "social", "legal", "other", "total"};

void CheckAllZero(const Report& report, const std::string& table) {
  int cells = 0;
  for (const Cell& cell : report.cells) {
    if (cell.id.compare(0, table.size() + 1, table + ".") != 0) continue;
    ++cells;
    INFO(cell.id);
    CHECK(cell.value.kind == CellValue::Kind::kNumber);
    CHECK(cell.value.number == 0);
  }
  CHECK(cells > 0);
}

// What every sample's README row says first: its format, its year, every cell found, and no
// arithmetic inconsistency.
void CheckOutline(const Report& r, Template version, int year, int cells) {
  CHECK(r.report_template == version);
  CHECK(r.year == year);
  CHECK(r.summary.cells_found == cells);
  CHECK(r.summary.errors == 0);
  CHECK(r.summary.rules_failed == 0);
}

TEST_CASE("000: pipe rows, blanks as no-break spaces, a stray digit in a label", "[samples]") {
  const std::string text = SampleText("000_2efa133927cd4048");
  if (text.empty()) return;
  const Report r = CheckOk(text);
  CHECK(r.summary.verdict == Verdict::kIncomplete);  // blank cells: not "passed"
  CheckOutline(r, Template::k2019, 2019, 198);
  // t3: only the total column is filled, all 0; the six applicant columns are blank.
  for (const Cell& cell : r.cells) {
    if (cell.id.rfind("t3.", 0) != 0) continue;
    INFO(cell.id);
    const bool total = cell.id.size() > 6 && cell.id.substr(cell.id.size() - 6) == ".total";
    CHECK(cell.value.kind == (total ? CellValue::Kind::kNumber : CellValue::Kind::kBlank));
    if (total) CHECK(cell.value.number == 0);
  }
  // t4: only the three totals filled, 0.
  for (const char* group : {"review", "suit_direct", "suit_after"}) {
    CHECK(CellOf(r, std::string("t4.") + group + ".total").value.number == 0);
    CHECK(CellOf(r, std::string("t4.") + group + ".upheld").value.kind == CellValue::Kind::kBlank);
  }
  const Cell& amount = CellOf(r, "t2.procurement.amount");
  CHECK(amount.raw == "5630元");
  CHECK(amount.value.unit == "元");
  CHECK(amount.value.number == 0.563);
  CHECK(CellOf(r, "t2.procurement.projects").value.number == 1);
  REQUIRE(CountFindings(r, "label.deviation") == 1);
  const Finding* deviation = FirstFinding(r, "label.deviation");
  CHECK(deviation->message_zh.find("6.属于四类过程性信息0") != std::string::npos);
  REQUIRE(deviation->span);
  CHECK(ToUtf8Span(r, *deviation->span) == "6.属于四类过程性信息0");
  CHECK(CountFindings(r, "cell.blank") == 2);  // t3 and t4
}

TEST_CASE("001: tab-indented cells, numbers padded with no-break spaces", "[samples]") {
  const std::string text = SampleText("001_eabb943c232c0218");
  if (text.empty()) return;
  const Report r = CheckOk(text);
  CHECK(r.summary.verdict == Verdict::kPass);
  CheckOutline(r, Template::k2019, 2020, 198);
  CheckAllZero(r, "t3");
  CheckAllZero(r, "t4");
  CHECK(CellOf(r, "t2.procurement.projects").value.number == 11);
  CHECK(CellOf(r, "t2.procurement.amount").raw == "821.73万元");
  CHECK(CellOf(r, "t2.procurement.amount").value.number == 821.73);
  CHECK(r.findings.empty());
}

TEST_CASE("002: a cell per line, blank cells as lines of spaces", "[samples]") {
  const std::string text = SampleText("002_819d0f33b79d307e");
  if (text.empty()) return;
  const Report r = CheckOk(text);
  CHECK(r.summary.verdict == Verdict::kIncomplete);  // blank cells: not "passed"
  CheckOutline(r, Template::k2019, 2019, 198);
  const std::pair<const char*, double> t2[] = {
      {"t2.licensing.prev_count", 14}, {"t2.licensing.delta", 0}, {"t2.licensing.decisions", 5},
      {"t2.other_services.prev_count", 10}, {"t2.other_services.delta", 0},
      {"t2.other_services.decisions", 325}, {"t2.procurement.projects", 1}, {"t2.procurement.amount", 18160}};
  for (const auto& [id, value] : t2) {
    INFO(id);
    CHECK(CellOf(r, id).value.number == value);
  }
  CHECK(CellOf(r, "t2.procurement.amount").value.unit.empty());
  // Many blanks, the total column mostly blank; many rules unverifiable because of them.
  int blank_totals = 0;
  for (const Cell& cell : r.cells) {
    if (cell.id.rfind("t3.", 0) == 0 && cell.id.find(".total") != std::string::npos)
      blank_totals += cell.value.kind == CellValue::Kind::kBlank;
  }
  CHECK(blank_totals >= 20);
  CHECK(r.summary.rules_unverifiable > 20);
  CHECK(CellOf(r, "t4.review.upheld").value.number == 0);
  CHECK(CellOf(r, "t4.review.corrected").value.kind == CellValue::Kind::kBlank);
  CHECK(CellOf(r, "t4.suit_after.total").value.number == 0);
}

TEST_CASE("003: Traditional characters with pinyin after each one", "[samples]") {
  const std::string text = SampleText("003_6997cc47fc5df21f");
  if (text.empty()) return;
  const Report r = CheckOk(text);
  CHECK(r.summary.verdict == Verdict::kPass);
  CheckOutline(r, Template::k2019, 2020, 198);
  CheckAllZero(r, "t3");
  CheckAllZero(r, "t4");
  CHECK(r.findings.empty());
  for (const SectionInfo& s : r.sections) CHECK(s.found);
}

TEST_CASE("004: the 2021 format, a cell per line", "[samples]") {
  const std::string text = SampleText("004_2621131c2785ac51");
  if (text.empty()) return;
  const Report r = CheckOk(text);
  CHECK(r.summary.verdict == Verdict::kPass);
  CheckOutline(r, Template::k2021, 2022, 200);
  const std::pair<const char*, double> t2[] = {
      {"t2.normative.issued", 3}, {"t2.normative.repealed", 6}, {"t2.normative.in_force", 5},
      {"t2.licensing.decisions", 6181}, {"t2.penalty.decisions", 191}, {"t2.enforcement.decisions", 1},
      {"t2.fees.amount", 0}};
  for (const auto& [id, value] : t2) {
    INFO(id);
    CHECK(CellOf(r, id).value.number == value);
  }
  // t3: 4 in r1, r3_1 and r3_7 for natural persons and the total; everything else 0.
  for (const Cell& cell : r.cells) {
    if (cell.id.rfind("t3.", 0) != 0) continue;
    INFO(cell.id);
    const bool four = (cell.id.rfind("t3.r1.", 0) == 0 || cell.id.rfind("t3.r3_1.", 0) == 0 ||
                       cell.id.rfind("t3.r3_7.", 0) == 0) &&
                      (cell.id.find(".natural") != std::string::npos || cell.id.find(".total") != std::string::npos);
    CHECK(cell.value.number == (four ? 4 : 0));
  }
  CheckAllZero(r, "t4");
  CHECK(r.findings.empty());
  (void)kT3Columns;
}

TEST_CASE("the JSON of every sample matches its reviewed golden file", "[samples][golden]") {
  const bool update = std::getenv("GOUJI_UPDATE_GOLDEN") != nullptr;
  for (const std::string& name : SampleNames()) {
    const std::string text = SampleText(name);
    if (text.empty()) continue;
    const std::string json = ReportToJson(CheckOk(text)) + "\n";
    const std::string path = std::string(GOUJI_GOLDEN_DIR) + "/" + name + ".json";
    if (update) {
      std::ofstream(path, std::ios::binary) << json;
      WARN("rewrote " << path);
      continue;
    }
    std::string golden;
    INFO("golden file " << path);
    REQUIRE(ReadFile(path, &golden));
    CHECK(json == golden);
  }
}

}  // namespace
}  // namespace gouji::testing
