// check/report.cc: how numbers are shown, the names of the enums, and finding a cell by its ID.
#include "gouji/report.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace gouji {
namespace {

TEST_CASE("numbers are shown as written: integers without a point, at most six decimals", "[report]") {
  const std::vector<std::pair<double, std::string>> cases = {
      {0, "0"},
      {3, "3"},
      {-2, "-2"},
      {18160, "18160"},
      {6181, "6181"},
      {123456789012, "123456789012"},
      {0.563, "0.563"},        // 5630元 in 万元
      {821.73, "821.73"},
      {1.5, "1.5"},
      {-0.5, "-0.5"},
      {2.50, "2.5"},           // trailing zeros dropped
      {0.1, "0.1"},
      {0.000001, "0.000001"},
      {0.1234567, "0.123457"}, // rounded to six decimals
      {2.9999999, "3"},        // which may leave no decimals at all
      {1e15, "1000000000000000"},
      {1e15 + 0.5, "1000000000000000.5"},
  };
  for (const auto& [value, shown] : cases) {
    INFO(shown);
    CHECK(FormatNumber(value) == shown);
  }
}

TEST_CASE("severities and format versions have the names the JSON uses", "[report]") {
  CHECK(std::string(SeverityName(Severity::kError)) == "error");
  CHECK(std::string(SeverityName(Severity::kWarning)) == "warning");
  CHECK(std::string(SeverityName(Severity::kInfo)) == "info");
  CHECK(std::string(TemplateName(Template::kUnknown)) == "unknown");
  CHECK(std::string(TemplateName(Template::k2019)) == "2019");
  CHECK(std::string(TemplateName(Template::k2021)) == "2021");
  CHECK(std::string(TemplateName(Template::kMixed)) == "mixed");
}

TEST_CASE("a report finds its cells by ID, and only those it has", "[report]") {
  Report empty;
  CHECK(empty.FindCell("t3.r1.total") == nullptr);

  Report r;
  for (const char* id : {"t2.regulations.issued", "t3.r1.natural", "t3.r1.total", "t4.review.total"}) {
    Cell cell;
    cell.id = id;
    cell.raw = std::string(id) + " raw";
    r.cells.push_back(cell);
  }
  for (size_t k = 0; k < r.cells.size(); ++k) {
    INFO(r.cells[k].id);
    CHECK(r.FindCell(r.cells[k].id) == &r.cells[k]);
  }
  for (const char* id : {"", "t3", "t3.r1", "t3.r1.tota", "t3.r1.total ", "T3.r1.total", "t3.r2.total", "t4.review"}) {
    INFO("'" << id << "'");
    CHECK(r.FindCell(id) == nullptr);
  }
  // The same ID twice (a reader's bug): the first in reading order.
  Cell again;
  again.id = "t3.r1.natural";
  again.raw = "second";
  r.cells.push_back(again);
  REQUIRE(r.FindCell("t3.r1.natural") != nullptr);
  CHECK(r.FindCell("t3.r1.natural")->raw == "t3.r1.natural raw");
}

}  // namespace
}  // namespace gouji
