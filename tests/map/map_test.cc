// Placing cells (map/map.h) from small hand-made rows of tokens: a row is placed only when its
// values fit its columns exactly, labels are matched tolerantly and reported when they deviate, and
// the layout that fits best tells the table's version.
#include "map/map.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/unicode.h"

namespace gouji::testing {
namespace {

// Rows of cells as a pipe table would tokenise them: one token per cell, each row's first marked.
TokenizedRegion Rows(const std::vector<std::vector<std::string>>& rows) {
  TokenizedRegion region;
  region.flattening = Flattening::kPipe;
  size_t at = 0;
  for (const std::vector<std::string>& row : rows) {
    for (size_t k = 0; k < row.size(); ++k) {
      Token token;
      token.text = FromUtf8(row[k]);
      token.begin = at;
      token.end = at + token.text.size();
      token.row_start = k == 0;
      at = token.end + 1;
      region.tokens.push_back(std::move(token));
    }
  }
  return region;
}

std::vector<std::string> Row(const char* label, std::vector<std::string> values) {
  values.insert(values.begin(), label);
  return values;
}

const std::vector<std::string> kSeven = {"1", "2", "3", "4", "5", "6", "21"};

std::vector<std::string> IdsOf(const MappedTable& m) {
  std::vector<std::string> ids;
  for (const PlacedCell& cell : m.cells) ids.push_back(cell.id);
  return ids;
}

const RowProblem* Unplaced(const MappedTable& m, const char* row) {
  for (const RowProblem& p : m.problems) {
    if (p.kind == RowProblem::Kind::kUnplaced && std::string(p.row->id) == row) return &p;
  }
  return nullptr;
}

int Missing(const MappedTable& m) {
  int n = 0;
  for (const RowProblem& p : m.problems) n += p.kind == RowProblem::Kind::kMissing;
  return n;
}

TEST_CASE("a row whose values fit its columns is placed, cell by cell", "[map]") {
  const TokenizedRegion region = Rows({Row("一、本年新收政府信息公开申请数量", kSeven),
                                       Row("二、上年结转政府信息公开申请数量", {"0", "0", "0", "0", "0", "0", "0"})});
  const MappedTable m = MapTable(region, {FindLayout("t3", Template::k2021)});
  REQUIRE(m.found);
  CHECK(m.layout->version == Template::k2021);
  const std::vector<std::string> expected = {
      "t3.r1.natural", "t3.r1.commercial", "t3.r1.research", "t3.r1.social", "t3.r1.legal", "t3.r1.other",
      "t3.r1.total",   "t3.r2.natural",    "t3.r2.commercial", "t3.r2.research", "t3.r2.social", "t3.r2.legal",
      "t3.r2.other",   "t3.r2.total"};
  CHECK(IdsOf(m) == expected);
  CHECK(ToUtf8(m.cells[6].token->text) == "21");
  CHECK(std::string(m.cells[6].column->id) == "total");
  CHECK(m.deviations.empty());
  CHECK(Missing(m) == 25 - 2);  // every other row of the 2021 t3
  CHECK(Unplaced(m, "r1") == nullptr);
}

TEST_CASE("a row with too many or too few values is unplaced, and none of its cells placed", "[map]") {
  struct Case {
    std::vector<std::string> values;
    size_t found;
  } cases[] = {
      {{"1", "2", "3", "4", "5", "6", "7", "28"}, 8},
      {{"1", "2", "3", "4", "5", "21"}, 6},
      {{}, 0},
  };
  for (const Case& c : cases) {
    INFO(c.found << " values");
    const TokenizedRegion region =
        Rows({Row("一、本年新收政府信息公开申请数量", c.values), Row("二、上年结转政府信息公开申请数量", kSeven)});
    const MappedTable m = MapTable(region, {FindLayout("t3", Template::k2021)});
    REQUIRE(m.found);
    const RowProblem* p = Unplaced(m, "r1");
    REQUIRE(p != nullptr);
    CHECK(p->values_found == c.found);
    CHECK(p->values_expected == 7);
    CHECK(ToUtf8(p->label->text) == "一、本年新收政府信息公开申请数量");
    for (const std::string& id : IdsOf(m)) CHECK(id.rfind("t3.r1.", 0) != 0);
    CHECK(IdsOf(m).size() == 7);  // r2's
  }
}

TEST_CASE("a note after a row's values is not a cell", "[map]") {
  std::vector<std::string> values = kSeven;
  values.push_back("单位：件");
  const TokenizedRegion region =
      Rows({Row("一、本年新收政府信息公开申请数量", values), Row("二、上年结转政府信息公开申请数量", kSeven)});
  const MappedTable m = MapTable(region, {FindLayout("t3", Template::k2021)});
  CHECK(Unplaced(m, "r1") == nullptr);
  CHECK(IdsOf(m).size() == 14);
}

TEST_CASE("a label that deviates from the format's text is matched and reported", "[map]") {
  struct Case {
    const char* table;
    Template version;
    const char* other_label;  // a second row, so that the table is found
    const char* label;
    const char* row;
    const char* expected;     // the format's text the deviation names
    size_t values;
  } cases[] = {
      // A stray digit after the label (sample 000).
      {"t3", Template::k2021, "一、本年新收政府信息公开申请数量", "6.属于四类过程性信息0", "r3_3_6",
       "6.属于四类过程性信息", 7},
      // An accepted variant: 2019's wording in a 2021 table.
      {"t2", Template::k2021, "规章", "规范性文件", "normative", "行政规范性文件", 3},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    std::vector<std::string> values(c.values, "0");
    const TokenizedRegion region = Rows({Row(c.other_label, values), Row(c.label, values)});
    const MappedTable m = MapTable(region, {FindLayout(c.table, c.version)});
    REQUIRE(m.found);
    REQUIRE(m.deviations.size() == 1);
    CHECK(std::string(m.deviations[0].row->id) == c.row);
    CHECK(std::string(m.deviations[0].expected) == c.expected);
    CHECK(ToUtf8(m.deviations[0].token->text) == c.label);
    CHECK(IdsOf(m).size() == 2 * c.values);  // placed all the same
  }
}

TEST_CASE("the layout that fits best tells the table's version", "[map]") {
  struct Case {
    const char* what;
    std::vector<std::vector<std::string>> rows;
    Template version;
    size_t cells;
  } cases[] = {
      {"2021 t2: one decision count per item",
       {Row("规章", {"0", "1", "5"}), Row("行政规范性文件", {"2", "0", "9"}), Row("行政许可", {"6181"}),
        Row("行政处罚", {"12"}), Row("行政强制", {"0"}), Row("行政事业性收费", {"0"})},
       Template::k2021, 10},
      {"2019 t2: three counts per item, and procurement",
       {Row("规章", {"0", "1", "5"}), Row("规范性文件", {"2", "0", "9"}), Row("行政许可", {"3", "-1", "6181"}),
        Row("其他对外管理服务事项", {"0", "0", "0"}), Row("行政处罚", {"1", "0", "12"}),
        Row("行政强制", {"0", "0", "0"}), Row("行政事业性收费", {"0", "0"}), Row("政府集中采购", {"1", "5630元"})},
       Template::k2019, 22},
      {"2021 t3: its three (六) rows",
       {Row("一、本年新收政府信息公开申请数量", kSeven),
        Row("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", kSeven),
        Row("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", kSeven),
        Row("3.其他", kSeven)},
       Template::k2021, 28},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const char* table = c.rows[0][0] == "规章" ? "t2" : "t3";
    const TokenizedRegion region = Rows(c.rows);
    const MappedTable m = MapTable(region, LayoutsOf(table));
    REQUIRE(m.found);
    CHECK(m.layout->version == c.version);
    CHECK(m.cells.size() == c.cells);
  }
}

TEST_CASE("t4 is one run of fifteen values under its header", "[map]") {
  const std::vector<std::string> header = {"行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  std::vector<std::string> values;
  for (int k = 1; k <= 15; ++k) values.push_back(std::to_string(k));
  {
    const TokenizedRegion region = Rows({header, values});  // outlives the cells that point into it
    const MappedTable m = MapTable(region, LayoutsOf("t4"));
    REQUIRE(m.found);
    REQUIRE(m.cells.size() == 15);
    CHECK(m.cells[0].id == "t4.review.upheld");
    CHECK(m.cells[4].id == "t4.review.total");
    CHECK(m.cells[5].id == "t4.suit_direct.upheld");
    CHECK(m.cells[14].id == "t4.suit_after.total");
    CHECK(ToUtf8(m.cells[14].token->text) == "15");
  }
  values.pop_back();
  {
    const TokenizedRegion region = Rows({header, values});
    const MappedTable m = MapTable(region, LayoutsOf("t4"));
    REQUIRE(m.found);
    CHECK(m.cells.empty());
    REQUIRE(m.problems.size() == 1);
    CHECK(m.problems[0].kind == RowProblem::Kind::kUnplaced);
    CHECK(m.problems[0].values_found == 14);
    CHECK(m.problems[0].values_expected == 15);
  }
}

// t4 as pdftotext writes it: a cell per line, an empty line (a placeholder) after every value.
TokenizedRegion ParagraphT4(int values) {
  TokenizedRegion region;
  region.flattening = Flattening::kCellPerLine;
  size_t at = 0;
  auto add = [&](const std::string& text, bool placeholder) {
    Token token;
    token.text = FromUtf8(text);
    token.begin = at;
    token.end = at + token.text.size();
    token.placeholder = placeholder;
    at = token.end + 1;
    region.tokens.push_back(std::move(token));
  };
  for (const char* h : {"行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}) add(h, false);
  for (int k = 1; k <= values; ++k) {
    add(std::to_string(k), false);
    add("", true);
  }
  return region;
}

TEST_CASE("empty lines between exactly a row's cells are breaks, not blank cells", "[map]") {
  {
    const TokenizedRegion region = ParagraphT4(15);  // 15 values, 15 empty lines: 30 cells for 15
    const MappedTable m = MapTable(region, LayoutsOf("t4"));
    REQUIRE(m.cells.size() == 15);
    CHECK(ToUtf8(m.cells[1].token->text) == "2");  // not the empty line after the 1
    CHECK(m.cells[14].id == "t4.suit_after.total");
    CHECK(ToUtf8(m.cells[14].token->text) == "15");
  }
  {
    // One value short: an empty line may then be the blank cell, and which one nothing says.
    const TokenizedRegion region = ParagraphT4(14);
    const MappedTable m = MapTable(region, LayoutsOf("t4"));
    CHECK(m.cells.empty());
    REQUIRE(m.problems.size() == 1);
    CHECK(m.problems[0].kind == RowProblem::Kind::kUnplaced);
  }
}

TEST_CASE("one row label alone is not a table", "[map]") {
  const TokenizedRegion region = Rows({Row("一、本年新收政府信息公开申请数量", kSeven)});
  const MappedTable m = MapTable(region, LayoutsOf("t3"));
  CHECK(!m.found);
  CHECK(m.cells.empty());
}

}  // namespace
}  // namespace gouji::testing
