// Splitting a run of digits into a row's cells (map/digit_runs.h): every split is tried, only the
// format's row arithmetic chooses between them, and a reading is taken only when it is the one.
#include "map/digit_runs.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/unicode.h"

namespace gouji::testing {
namespace {

const TableLayout& T3() { return *FindLayout("t3", Template::k2021); }

// The relations of t3's row r1 (its total is the sum of its six applicant columns).
std::vector<RowRelation> R1Relations() {
  const TableLayout& t3 = T3();
  const RowSpec& r1 = t3.rows.front();
  std::vector<const RowSpec*> rows(r1.columns.size(), &r1);
  std::vector<const ColumnSpec*> columns;
  for (const ColumnSpec& c : r1.columns) columns.push_back(&c);
  return RowRelations(t3, rows, columns);
}

std::vector<std::string> Cells(const std::u32string& digits, const DigitSplit& split) {
  std::vector<std::string> out;
  for (const auto& [b, e] : split.cells) out.push_back(ToUtf8(digits.substr(b, e - b)));
  return out;
}

TEST_CASE("a t3 row has one relation: total = the six applicant columns", "[digit_runs]") {
  const std::vector<RowRelation> relations = R1Relations();
  REQUIRE(relations.size() == 1);
  CHECK(std::string(relations[0].rule->id) == "t3.applicant_sum");
  CHECK(relations[0].lhs == std::vector<size_t>{6});
  CHECK(relations[0].rhs == std::vector<size_t>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("as many digits as cells: one reading, no arithmetic used", "[digit_runs]") {
  const std::u32string digits = U"4000004";
  const DigitSplit split = SplitDigitRun(digits, 7, R1Relations());
  REQUIRE(split.ok());
  CHECK(Cells(digits, split) == std::vector<std::string>{"4", "0", "0", "0", "0", "0", "4"});
  CHECK(split.used.empty());
}

TEST_CASE("the total's sum chooses the one reading of 230000023", "[digit_runs]") {
  const std::u32string digits = U"230000023";
  const DigitSplit split = SplitDigitRun(digits, 7, R1Relations());
  REQUIRE(split.ok());
  CHECK(Cells(digits, split) == std::vector<std::string>{"23", "0", "0", "0", "0", "0", "23"});
  REQUIRE(split.used.size() == 1);
  CHECK(std::string(split.used[0]->id) == "t3.applicant_sum");
}

TEST_CASE("two readings the arithmetic allows: none is taken, both are named", "[digit_runs]") {
  // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both add up.
  const DigitSplit split = SplitDigitRun(U"110000011", 7, R1Relations());
  CHECK_FALSE(split.ok());
  CHECK(split.readings == 2);
  REQUIRE(split.candidates.size() == 2);
}

TEST_CASE("no reading adds up: none is taken", "[digit_runs]") {
  // 8 digits into 7 cells: one cell has two digits, and no such split has total = sum.
  const DigitSplit split = SplitDigitRun(U"12000009", 7, R1Relations());
  CHECK_FALSE(split.ok());
  CHECK(split.readings == 0);
}

TEST_CASE("a cell never starts with 0 unless it is 0", "[digit_runs]") {
  // Without relations, 1|05 is no reading; 10|5 is the only one.
  const std::u32string digits = U"105";
  const DigitSplit split = SplitDigitRun(digits, 2, {});
  REQUIRE(split.ok());
  CHECK(Cells(digits, split) == std::vector<std::string>{"10", "5"});
}

TEST_CASE("without arithmetic, more digits than cells is ambiguous", "[digit_runs]") {
  const DigitSplit split = SplitDigitRun(U"365", 2, {});  // 3|65 or 36|5
  CHECK_FALSE(split.ok());
  CHECK(split.readings == 2);
}

TEST_CASE("a digit run holds at least as many digits as cells", "[digit_runs]") {
  CHECK(IsDigitRun(U"0000000", 7));
  CHECK_FALSE(IsDigitRun(U"000000", 7));
  CHECK_FALSE(IsDigitRun(U"12.5", 2));
  CHECK_FALSE(IsDigitRun(U"5", 1));  // one cell is a cell, not a run
}

}  // namespace
}  // namespace gouji::testing
