// Ruled tables (read/pdf_ruling.h): the lattice from a page's lines, merged cells where a border is
// not drawn, each run in the cell that holds it.
#include <catch2/catch.hpp>

#include "read/pdf_ruling.h"

namespace gouji {
namespace {

// A lattice: horizontal lines at ys from xs.front() to xs.back(), vertical ones at xs likewise.
void Lattice(const std::vector<double>& xs, const std::vector<double>& ys, PdfPage* page) {
  for (double y : ys) page->segments.push_back({xs.front(), y, xs.back(), y});
  for (double x : xs) page->segments.push_back({x, ys.front(), x, ys.back()});
}

PdfTextItem Run(double x, double y, const char* text, double width = 10) { return {x, y, width, 10, text}; }

std::vector<std::string> Texts(const std::vector<GridCell>& row) {
  std::vector<std::string> texts;
  for (const GridCell& cell : row) texts.push_back(cell.text);
  return texts;
}

TEST_CASE("a drawn grid gives its cells, each run in the cell that holds it", "[pdf][ruling]") {
  PdfPage page{595, 842, {}, {}};
  Lattice({100, 200, 300, 400}, {100, 120, 140, 160}, &page);
  page.items = {Run(110, 105, "一、本年新收"), Run(250, 105, "3"), Run(350, 105, "4"),
                Run(110, 125, "二、上年结转"), Run(250, 125, "0"), Run(110, 145, "三"), Run(360, 145, "7"),
                Run(110, 300, "正文，不在表中")};
  std::vector<bool> used;
  const std::vector<RuledTable> tables = FindRuledTables(page, &used);
  REQUIRE(tables.size() == 1);
  const Grid& grid = tables[0].grid;
  REQUIRE(grid.rows.size() == 3);
  CHECK(Texts(grid.rows[0]) == std::vector<std::string>{"一、本年新收", "3", "4"});
  CHECK(Texts(grid.rows[1]) == std::vector<std::string>{"二、上年结转", "0", ""});  // a blank cell is a cell
  CHECK(Texts(grid.rows[2]) == std::vector<std::string>{"三", "", "7"});
  CHECK(tables[0].top == 100);
  CHECK(tables[0].bottom == 160);
  CHECK(used == std::vector<bool>{true, true, true, true, true, true, true, false});
}

TEST_CASE("a border not drawn merges the cells on either side of it", "[pdf][ruling]") {
  PdfPage page{595, 842, {}, {}};
  // Rows at 100-120-140-160, columns at 100-200-300-400; no border between columns 0 and 1 in the
  // first row (a colspan), none between rows 1 and 2 in column 0 (a rowspan).
  for (double y : {100.0, 160.0}) page.segments.push_back({100, y, 400, y});
  page.segments.push_back({100, 120, 400, 120});
  page.segments.push_back({200, 140, 400, 140});  // not over column 0
  for (double x : {100.0, 300.0, 400.0}) page.segments.push_back({x, 100, x, 160});
  page.segments.push_back({200, 120, 200, 160});  // not in the first row
  page.items = {Run(150, 105, "申请人情况"), Run(350, 105, "总计"), Run(110, 138, "三、本年度"),
                Run(250, 125, "1"), Run(350, 125, "2"), Run(250, 145, "5"), Run(350, 145, "6")};
  std::vector<bool> used;
  const std::vector<RuledTable> tables = FindRuledTables(page, &used);
  REQUIRE(tables.size() == 1);
  const Grid& grid = tables[0].grid;
  REQUIRE(grid.rows.size() == 3);
  REQUIRE(grid.rows[0].size() == 2);
  CHECK(grid.rows[0][0].text == "申请人情况");
  CHECK(grid.rows[0][0].col_span == 2);
  REQUIRE(grid.rows[1].size() == 3);
  CHECK(grid.rows[1][0].text == "三、本年度");
  CHECK(grid.rows[1][0].row_span == 2);
  CHECK(Texts(grid.rows[2]) == std::vector<std::string>{"5", "6"});  // the merged cell is not written again
}

TEST_CASE("numbers in narrow columns never fuse, whatever their gaps", "[pdf][ruling]") {
  // Columns 14 pt wide, a run per cell, as a browser prints them: "58 0 0 58", not "58000 58".
  PdfPage page{595, 842, {}, {}};
  Lattice({100, 200, 214, 228, 242, 256}, {100, 120, 140}, &page);
  page.items = {Run(110, 105, "合计"), Run(203, 105, "58", 8), Run(218, 105, "0", 4),
                Run(232, 105, "0", 4), Run(243, 105, "58", 8),
                // One run over three cells (a producer that writes a row at once): split at the borders.
                Run(110, 125, "其他"), Run(200, 125, "1 2 3", 42)};
  std::vector<bool> used;
  const std::vector<RuledTable> tables = FindRuledTables(page, &used);
  REQUIRE(tables.size() == 1);
  CHECK(Texts(tables[0].grid.rows[0]) == std::vector<std::string>{"合计", "58", "0", "0", "58"});
  CHECK(Texts(tables[0].grid.rows[1]) == std::vector<std::string>{"其他", "1", "2", "3", ""});
}

TEST_CASE("a wrapped label is one cell's text, in reading order", "[pdf][ruling]") {
  PdfPage page{595, 842, {}, {}};
  Lattice({100, 250, 300}, {100, 140, 160}, &page);
  page.items = {Run(102, 118, "不计其他情形）", 70), Run(102, 104, "（二）部分公开（区分处理的，只计这一情形，", 140),
                Run(260, 112, "9"), Run(102, 145, "（三）")};
  std::vector<bool> used;
  const std::vector<RuledTable> tables = FindRuledTables(page, &used);
  REQUIRE(tables.size() == 1);
  CHECK(Texts(tables[0].grid.rows[0]) ==
        std::vector<std::string>{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "9"});
}

TEST_CASE("lines drawn in pieces or twice are one line; a frame or an underline is no table", "[pdf][ruling]") {
  PdfPage page{595, 842, {}, {}};
  // Each border as a thin filled rectangle (its two long edges 0.5 pt apart), horizontal ones in
  // two pieces: as Word draws them.
  for (double y : {100.0, 120.0, 140.0}) {
    for (double dy : {0.0, 0.5}) {
      page.segments.push_back({100, y + dy, 180, y + dy});
      page.segments.push_back({181, y + dy, 300, y + dy});
    }
  }
  for (double x : {100.0, 200.0, 300.0}) {
    for (double dx : {0.0, 0.5}) page.segments.push_back({x + dx, 100, x + dx, 140.5});
  }
  // A frame around some text further down, and an underline.
  for (double y : {400.0, 450.0}) page.segments.push_back({100, y, 300, y});
  for (double x : {100.0, 300.0}) page.segments.push_back({x, 400, x, 450});
  page.segments.push_back({100, 500, 200, 500});
  page.items = {Run(110, 105, "甲"), Run(210, 105, "1"), Run(110, 125, "乙"), Run(210, 125, "2"),
                Run(110, 420, "框中的文字")};
  std::vector<bool> used;
  const std::vector<RuledTable> tables = FindRuledTables(page, &used);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0].grid.rows.size() == 2);
  CHECK(Texts(tables[0].grid.rows[0]) == std::vector<std::string>{"甲", "1"});
  CHECK(Texts(tables[0].grid.rows[1]) == std::vector<std::string>{"乙", "2"});
  CHECK_FALSE(used[4]);  // the framed text is left to the page's layout
}

TEST_CASE("two tables whose columns nearly line up keep each its own columns", "[pdf][ruling]") {
  // Table A's second column starts at 184.5, table B's (below it) at 187: within the tolerance of
  // one another, but neither moves toward the other.
  PdfPage page{595, 842, {}, {}};
  Lattice({100, 184.5, 300}, {100, 120, 140}, &page);
  Lattice({100, 187, 300}, {200, 220, 240}, &page);
  // Centred at 185 (right of A's line) and at 186.2 (left of B's): in the middle of the two lines
  // (185.75), each would land in the other cell.
  page.items = {Run(110, 105, "甲"), Run(183, 105, "1", 4), Run(110, 205, "乙"), Run(184.2, 205, "2", 4)};
  std::vector<bool> used;
  const std::vector<RuledTable> tables = FindRuledTables(page, &used);
  REQUIRE(tables.size() == 2);
  CHECK(Texts(tables[0].grid.rows[0]) == std::vector<std::string>{"甲", "1"});
  CHECK(Texts(tables[1].grid.rows[0]) == std::vector<std::string>{"乙2", ""});
}

TEST_CASE("a page without lines has no ruled table", "[pdf][ruling]") {
  PdfPage page{595, 842, {Run(100, 100, "一、总体情况")}, {}};
  std::vector<bool> used;
  CHECK(FindRuledTables(page, &used).empty());
  CHECK(used == std::vector<bool>{false});
}

}  // namespace
}  // namespace gouji
