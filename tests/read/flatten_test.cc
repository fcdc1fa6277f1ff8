// read/flatten.h: a Document becomes the text gouji checks, paragraphs as lines and each table row
// a line of tab-separated cells, with every row's and cell's place in that text and each cell's
// column position once rowspans and colspans are resolved. Hand-written documents and answers.
#include "read/flatten.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/unicode.h"

namespace gouji {
namespace {

GridCell C(std::string text, int row_span = 1, int col_span = 1) {
  GridCell cell;
  cell.text = std::move(text);
  cell.row_span = row_span;
  cell.col_span = col_span;
  return cell;
}

Grid G(std::vector<std::vector<GridCell>> rows) {
  Grid grid;
  grid.rows = std::move(rows);
  return grid;
}

std::string Text(const FlatDocument& flat) { return ToUtf8(flat.text); }

// The text each cell of a row covers.
std::vector<std::string> CellTexts(const FlatDocument& flat, size_t row) {
  std::vector<std::string> out;
  for (const GridCellSpan& c : flat.rows.at(row).cells) out.push_back(ToUtf8(flat.text.substr(c.begin, c.end - c.begin)));
  return out;
}

std::vector<double> Positions(const FlatDocument& flat, size_t row) {
  std::vector<double> out;
  for (const GridCellSpan& c : flat.rows.at(row).cells) out.push_back(c.x);
  return out;
}

TEST_CASE("paragraphs become lines", "[flatten]") {
  Document doc;
  CHECK(Text(Flatten(doc)) == "");
  doc.AddText("一、总体情况");
  doc.AddText("本年度，我镇认真贯彻落实《条例》。");
  FlatDocument flat = Flatten(doc);
  CHECK(Text(flat) == "一、总体情况\n本年度，我镇认真贯彻落实《条例》。\n");
  CHECK(flat.rows.empty());

  // A paragraph's own line breaks are kept; one that ends in a line break gets no second one.
  Document lines;
  lines.AddText("第一行\n第二行");
  lines.AddText("末尾换行\n");
  lines.AddText("下一段");
  CHECK(Text(Flatten(lines)) == "第一行\n第二行\n末尾换行\n下一段\n");
}

TEST_CASE("a table row is a line of its cells between tabs, each cell's place kept", "[flatten]") {
  Document doc;
  doc.AddText("表");
  doc.AddTable(G({{C("信息内容"), C("数量")}, {C("规章"), C("0")}, {C("a"), C(""), C("b")}}));
  doc.AddText("完");
  const FlatDocument flat = Flatten(doc);
  CHECK(Text(flat) == "表\n信息内容\t数量\n规章\t0\na\t\tb\n完\n");
  REQUIRE(flat.rows.size() == 3);
  // "表\n" is 2 code points: the first row starts at 2 and is 4 + 1 + 2 long.
  CHECK(flat.rows[0].begin == 2);
  CHECK(flat.rows[0].end == 9);
  REQUIRE(flat.rows[0].cells.size() == 2);
  CHECK(flat.rows[0].cells[0].begin == 2);
  CHECK(flat.rows[0].cells[0].end == 6);
  CHECK(flat.rows[0].cells[1].begin == 7);
  CHECK(flat.rows[0].cells[1].end == 9);
  CHECK(flat.rows[1].begin == 10);
  CHECK(flat.rows[1].end == 14);
  CHECK(CellTexts(flat, 1) == std::vector<std::string>{"规章", "0"});
  // An empty cell is an empty span between its tabs.
  CHECK(CellTexts(flat, 2) == std::vector<std::string>{"a", "", "b"});
  CHECK(flat.rows[2].cells[1].begin == 17);
  CHECK(flat.rows[2].cells[1].end == 17);
  // Cells without positions stand at the middle of their grid column.
  CHECK(Positions(flat, 0) == std::vector<double>{0.5, 1.5});
  CHECK(Positions(flat, 2) == std::vector<double>{0.5, 1.5, 2.5});
}

TEST_CASE("a line break in a cell is dropped next to a Han character, a space elsewhere", "[flatten]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"三、本年度\n办理结果", "三、本年度办理结果"},
      {"(一)予以\r\n公开", "(一)予以公开"},
      {"2022\n年", "2022年"},              // Han after the break
      {"合计\n5", "合计5"},                // Han before it
      {"Open\nGovernment", "Open Government"},
      {"5630\n元", "5630元"},
      {"a\r\n\r\n\nb", "a b"},             // several breaks are one
      {"a \nb", "a b"},                   // a space already there
      {"a\n b", "a b"},
      {"\n总计", "总计"},                   // at the ends: nothing to keep apart
      {"总计\n", "总计"},
      {"x\n", "x"},
      {"a\tb", "a b"},                    // a tab would split the row
      {"一\u3000\n二", "一\u3000二"},
  };
  for (const auto& [cell, line] : cases) {
    INFO(cell);
    Document doc;
    doc.AddTable(G({{C(cell), C("0")}}));
    const FlatDocument flat = Flatten(doc);
    CHECK(Text(flat) == line + "\t0\n");
    CHECK(CellTexts(flat, 0) == std::vector<std::string>{line, "0"});
  }
}

TEST_CASE("cells under a rowspan or beside a colspan stand in the columns they are in", "[flatten]") {
  struct Case {
    const char* what;
    Grid grid;
    std::vector<std::vector<double>> positions;
  };
  const std::vector<Case> cases = {
      {"a rowspan keeps its column busy below", G({{C("A", 2), C("B"), C("C")}, {C("D"), C("E")}}),
       {{0.5, 1.5, 2.5}, {1.5, 2.5}}},
      {"a colspan covers two columns", G({{C("H", 1, 2), C("I")}, {C("J"), C("K"), C("L")}}),
       {{1.0, 2.5}, {0.5, 1.5, 2.5}}},
      {"both at once", G({{C("X", 2, 2), C("Y")}, {C("Z")}}), {{1.0, 2.5}, {2.5}}},
      {"a rowspan in the middle", G({{C("a"), C("b", 2), C("c")}, {C("d"), C("e")}}), {{0.5, 1.5, 2.5}, {0.5, 2.5}}},
      {"three rows, then free again", G({{C("A", 3), C("B")}, {C("C")}, {C("D")}, {C("E"), C("F")}}),
       {{0.5, 1.5}, {1.5}, {1.5}, {0.5, 1.5}}},
      {"a rowspan past the last row ends with the table", G({{C("A", 9), C("B")}, {C("C")}}), {{0.5, 1.5}, {1.5}}},
      {"a span of 0 or less is 1", G({{C("A", 0, 0), C("B", -3, -1)}, {C("C"), C("D")}}), {{0.5, 1.5}, {0.5, 1.5}}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Document doc;
    doc.AddTable(c.grid);
    const FlatDocument flat = Flatten(doc);
    REQUIRE(flat.rows.size() == c.positions.size());
    for (size_t r = 0; r < c.positions.size(); ++r) {
      INFO("row " << r);
      CHECK(Positions(flat, r) == c.positions[r]);
    }
  }
}

TEST_CASE("a PDF's cells keep their positions on the page", "[flatten]") {
  Grid grid = G({{C("一、本年新收政府信息公开申请数量"), C("4"), C("0")}});
  grid.rows[0][0].x = 120;
  grid.rows[0][1].x = 300.5;
  grid.rows[0][2].x = 352.25;
  Document doc;
  doc.AddTable(grid);
  const FlatDocument flat = Flatten(doc);
  CHECK(Text(flat) == "一、本年新收政府信息公开申请数量\t4\t0\n");
  CHECK(Positions(flat, 0) == std::vector<double>{120, 300.5, 352.25});
}

TEST_CASE("tables one after another, and an empty one, keep to their own lines", "[flatten]") {
  Document doc;
  doc.AddTable(G({{C("a"), C("b")}}));
  doc.AddTable(G({}));
  doc.AddTable(G({{C("c")}}));
  const FlatDocument flat = Flatten(doc);
  CHECK(Text(flat) == "a\tb\nc\n");
  REQUIRE(flat.rows.size() == 2);
  CHECK(flat.rows[1].begin == 4);
  CHECK(CellTexts(flat, 1) == std::vector<std::string>{"c"});
  CHECK(Positions(flat, 1) == std::vector<double>{0.5});
}

}  // namespace
}  // namespace gouji
