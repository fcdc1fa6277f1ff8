// ParseCellValue: the grammar of counts, amounts and blanks, as a table of cases.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "map/values.h"

namespace gouji {
namespace {

using Kind = CellValue::Kind;

struct Case {
  const char* text;
  bool amount;
  Kind kind;
  double number;
  const char* unit;
};

TEST_CASE("cell values are read as the format defines them", "[values]") {
  const Case cases[] = {
      {"0", false, Kind::kNumber, 0, ""},
      {"  0 ", false, Kind::kNumber, 0, ""},
      {"4", false, Kind::kNumber, 4, ""},
      {"6181", false, Kind::kNumber, 6181, ""},
      {"6,181", false, Kind::kNumber, 6181, ""},
      {"1,234,567", false, Kind::kNumber, 1234567, ""},
      {"12,34", false, Kind::kNotNumber, 0, ""},
      {"-3", false, Kind::kNumber, -3, ""},
      {"- 3", false, Kind::kNumber, -3, ""},
      {"+2", false, Kind::kNumber, 2, ""},
      {"", false, Kind::kBlank, 0, ""},
      {"   ", false, Kind::kBlank, 0, ""},
      {"/", false, Kind::kBlank, 0, ""},
      {"-", false, Kind::kBlank, 0, ""},
      {"—", false, Kind::kBlank, 0, ""},
      {"3.5", false, Kind::kNotNumber, 0, ""},
      // Nothing, in words: blank (the format wants 0), never a cell that is not a number.
      {"无", false, Kind::kBlank, 0, ""},
      {"——", false, Kind::kBlank, 0, ""},
      // Counts with words around their digits.
      {"4件", false, Kind::kNumber, 4, ""},
      {"0件", false, Kind::kNumber, 0, ""},
      {"3 个", false, Kind::kNumber, 3, ""},
      {"增3", false, Kind::kNumber, 3, ""},
      {"增加 3", false, Kind::kNumber, 3, ""},
      {"减12", false, Kind::kNumber, -12, ""},
      {"减少5项", false, Kind::kNumber, -5, ""},
      {"减1,200", false, Kind::kNumber, -1200, ""},
      {"增加了", false, Kind::kNotNumber, 0, ""},
      {"二项", false, Kind::kNotNumber, 0, ""},
      {"减-3", false, Kind::kNotNumber, 0, ""},
      {"约5件", false, Kind::kNotNumber, 0, ""},
      {"减12", true, Kind::kNotNumber, 0, ""},  // an amount takes no such words
      {"1 2", false, Kind::kNotNumber, 0, ""},
      {"5630元", true, Kind::kNumber, 0.563, "元"},
      {"821.73万元", true, Kind::kNumber, 821.73, "万元"},
      {"821.73 万元", true, Kind::kNumber, 821.73, "万元"},
      {"1.5亿元", true, Kind::kNumber, 15000, "亿元"},
      {"18160", true, Kind::kNumber, 18160, ""},
      {"0.35", true, Kind::kNumber, 0.35, ""},
      {"5630元", false, Kind::kNotNumber, 0, ""},
      {"约5万元", true, Kind::kNotNumber, 0, ""},
      {"1.", true, Kind::kNotNumber, 0, ""},
      {"12345678901234567", false, Kind::kNotNumber, 0, ""},
  };
  for (const Case& c : cases) {
    INFO("text: \"" << c.text << "\" amount: " << c.amount);
    const CellValue v = ParseCellValue(FromUtf8(c.text), c.amount);
    CHECK(v.kind == c.kind);
    if (c.kind == Kind::kNumber) {
      CHECK(v.number == c.number);
      CHECK(v.unit == c.unit);
    }
  }
}

TEST_CASE("amounts and counts report whether they are whole", "[values]") {
  CHECK(ParseCellValue(U"7", false).integral);
  CHECK_FALSE(ParseCellValue(U"0.563", true).integral);
  CHECK(ParseCellValue(U"20000元", true).integral);  // 2 万元
  CHECK(ParseCellValue(U"20000元", true).number == 2);
}

}  // namespace
}  // namespace gouji
