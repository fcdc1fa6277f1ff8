// Tokenising: each flattening recognised, and its cells read back with their row starts.
#include <algorithm>

#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace gouji {
namespace {

struct Tokens {
  Flattening flattening;
  std::vector<std::string> cells;  // "|" before a cell that starts a row
};

Tokens Run(const char* text) {
  const std::u32string t = FromUtf8(text);
  TokenizedRegion r = Tokenize(t, 0, t.size());
  Tokens out{r.flattening, {}};
  for (const Token& token : r.tokens) {
    std::string cell = token.row_start ? "|" : "";
    cell += token.placeholder ? "<>" : ToUtf8(token.text);
    out.cells.push_back(cell);
    // Positions point at the cell's text (a cell continued on the next line spans the break).
    std::u32string spanned = t.substr(token.begin, token.end - token.begin);
    spanned.erase(std::remove(spanned.begin(), spanned.end(), U'\n'), spanned.end());
    if (!token.text.empty()) CHECK(spanned == token.text);
  }
  return out;
}

using V = std::vector<std::string>;

// A region's cells, "|" before a cell that starts a row.
V Cells(const TokenizedRegion& r) {
  V cells;
  for (const Token& token : r.tokens) cells.push_back((token.row_start ? "|" : "") + ToUtf8(token.text));
  return cells;
}

TEST_CASE("pipe rows, with border pipes, merged leftovers and Markdown rules", "[tokenize]") {
  Tokens t = Run("| 规章 | 0 | 0 | 0 | |\n| 规范性文件 | 1 | 2 | 3 |\n|---|---|---|---|\n行政许可 | 4 ||\n");
  CHECK(t.flattening == Flattening::kPipe);
  CHECK(t.cells == V{"|规章", "0", "0", "0", "", "|规范性文件", "1", "2", "3", "|行政许可", "4", "<>"});
}

TEST_CASE("tab-separated rows as a browser copies a table", "[tokenize]") {
  Tokens t = Run("规章\t0\t0\t0\n规范性文件\t1\t2\t3\n行政许可\t\t5\n");
  CHECK(t.flattening == Flattening::kTabRows);
  // Between tabs an empty cell is a blank cell, never a placeholder: nothing tells them apart.
  CHECK(t.cells == V{"|规章", "0", "0", "0", "|规范性文件", "1", "2", "3", "|行政许可", "", "5"});
}

TEST_CASE("a browser's copy of a table whose cells hold paragraphs", "[tokenize]") {
  // Chromium's innerText of cells that hold <p>s (a Word document pasted into a CMS): each tab
  // between two cells on a line of its own between empty lines, a cell's <br> a line break.
  const Tokens t = Run("信息内容\n\n\t\n\n本年制发\n件数\n\n\t\n\n现行有效\n件数\n\n\n\n"
                       "规章\n\n\t0\t\t0\n\n\n"
                       "行政规范性文件\n\n\t\n\n3\n\n\t\n\n5\n\n\n\n"
                       "第二十条第（五）项\n\n\n\n信息内容\n\n\t\n\n本年处理决定数量\n");
  CHECK(t.flattening == Flattening::kTabRows);
  CHECK(t.cells == std::vector<std::string>{"|信息内容", "本年制发件数", "现行有效件数", "|规章", "0", "", "0",
                                            "|行政规范性文件", "3", "5", "|第二十条第（五）项", "|信息内容",
                                            "本年处理决定数量"});
  // A copy of one cell per tab-led line keeps its own reading: its lone tabs are empty cells.
  CHECK(Run("\t规章\n\t0\n\t\n\t0\n\n\t规范性文件\n\t1\n\t2\n\t3\n").flattening == Flattening::kTabIndented);
}

TEST_CASE("tab-indented cells, a row per paragraph, split headers joined", "[tokenize]") {
  Tokens t = Run("\t信息内容\n\t本年新\n制作数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t\u00a00\n\n\t\n\t规范性文件\n\t1\n");
  CHECK(t.flattening == Flattening::kTabIndented);
  CHECK(t.cells == V{"|信息内容", "本年新制作数量", "对外公开总数量", "|规章", "0", "0", "|<>", "规范性文件", "1"});
}

TEST_CASE("a cell per line, an empty line between cells, spaces for a blank cell", "[tokenize]") {
  Tokens t = Run("  规章\n\n  0\n\n  \n\n  0\n\n  规范性文件\n\n  1\n\n\n\n  3\n");
  CHECK(t.flattening == Flattening::kCellPerLineSpaced);
  // "  " is a blank cell; three empty lines are a separator, an empty cell (nothing at all in it),
  // a separator.
  CHECK(t.cells == V{"规章", "0", "", "0", "规范性文件", "1", "<>", "3"});
}

TEST_CASE("a table laid out by a PDF: spaced header cells, rows apart, a page number between", "[tokenize]") {
  Tokens t = Run("信息内容          本年制发件数     本年废止件数   现行有效件数\n\n\n"
                 "规章            1          0        11\n\n-3-\n"
                 "行政许可                          447228\n\n");
  CHECK(t.cells == V{"|信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "|规章", "1", "0", "11",
                     "|行政许可", "447228"});
}

TEST_CASE("rows separated by spaces", "[tokenize]") {
  Tokens t = Run("信息内容 本年新 制作数量\n规章 0 0 0\n行政规范性文件 3 6 5\n");
  CHECK(t.cells == V{"信息内容 本年新 制作数量", "|规章", "0", "0", "0", "|行政规范性文件", "3", "6", "5"});
}

TEST_CASE("an amount's unit apart from its number is the number's", "[tokenize]") {
  CHECK(Run("规章 0 0 0\n政府集中采购 11 821.73 万元\n").cells == V{"|规章", "0", "0", "0", "|政府集中采购", "11", "821.73 万元"});
}

TEST_CASE("a text laid out by position keeps a column's text before a label apart", "[tokenize]") {
  // pdftotext -layout: the group label's column ("无法提", wrapped) stands two spaces or more
  // before the row label; one space inside a label is the label's own ("本年新 制作数量 0").
  Tokens t = Run("        无法提   2.没有现成信息需要另行制作      0     0     0\n"
                 " 办理结果         3.补正后 申请内容仍不明确       0     0     0\n");
  CHECK(t.cells == V{"|无法提", "2.没有现成信息需要另行制作", "0", "0", "0", "|办理结果", "3.补正后 申请内容仍不明确", "0", "0",
                     "0"});
}

}  // namespace
}  // namespace gouji

namespace gouji {
namespace {

TEST_CASE("a rule under some cells only ends the row; the spanning cell's text on it is no cell", "[tokenize]") {
  // w3m's rowspans: the group label (三)不予公开 runs down its column, one character a line,
  // through the rules between the rows it spans.
  const std::u32string t = FromUtf8(
      "|------|------|---|\n"
      "| (三) | 1.属于国家秘密 | 0 |\n"
      "| 不   |------|---|\n"
      "| 予   | 2.其他法律行政法规禁止公 | 1 |\n"
      "|      | 开   |   |\n"
      "| 公   |------|---|\n"
      "| 开   | 3.危及“三安全一稳定” | 2 |\n"
      "|------|------|---|\n"
      "| (四) | 1.本机关不掌握相关政府信息 | 3 |\n"
      "|------|------|---|\n"
      "| (五) | 1.信访举报投诉类申请 | 4 |\n"
      "|------|------|---|\n");
  TokenizedRegion r = Tokenize(t, 0, t.size());
  const std::vector<std::string> cells = Cells(r);
  CHECK(cells == std::vector<std::string>{"|(三)", "1.属于国家秘密", "0", "|予", "2.其他法律行政法规禁止公开", "1",
                                          "|开", "3.危及“三安全一稳定”", "2", "|(四)", "1.本机关不掌握相关政府信息", "3",
                                          "|(五)", "1.信访举报投诉类申请", "4"});
}

TEST_CASE("a table ruled between every row joins a cell wrapped over several lines", "[tokenize]") {
  // As w3m draws a table (its box drawing folded to ASCII by normalising): a label wrapped onto a
  // second line inside its row, and a row of one line.
  const std::u32string t = FromUtf8(
      "|------|---|---|\n"
      "| (二)部分公开(区分 | 0 | 1 |\n"
      "| 处理的) |   |   |\n"
      "|------|---|---|\n"
      "| 规章 | 2 | 3 |\n"
      "|------|---|---|\n"
      "| 行政许可 | 4 | 5 |\n"
      "|------|---|---|\n");
  TokenizedRegion r = Tokenize(t, 0, t.size());
  CHECK(r.flattening == Flattening::kPipe);
  const std::vector<std::string> cells = Cells(r);
  CHECK(cells == std::vector<std::string>{"|(二)部分公开(区分处理的)", "0", "1", "|规章", "2", "3", "|行政许可", "4", "5"});
}

TEST_CASE("a table laid out in columns under a dashed rule, its blank cells where nothing stands", "[tokenize]") {
  // pandoc's multiline table (plain text or Markdown): the rule's dash runs are the columns; rows
  // apart by empty lines, a cell's lines run together; a CJK character two columns wide.
  const std::u32string t = FromUtf8(
      "  ---------- ------ ------ ------\n"
      "  信息内容   本年新 本年新 对外公\n"
      "             制作   公开   开总数\n"
      "\n"
      "  规章              3\n"
      "\n"
      "  规范性文件 1             2\n"
      "  ---------- ------ ------ ------\n");
  TokenizedRegion r = Tokenize(t, 0, t.size());
  CHECK(r.flattening == Flattening::kColumns);
  std::vector<double> xs;
  for (const Token& token : r.tokens) xs.push_back(token.x);
  CHECK(Cells(r) == V{"|信息内容", "本年新制作", "本年新公开", "对外公开总数", "|规章", "", "3", "", "|规范性文件", "1", "", "2"});
  CHECK(xs == std::vector<double>{0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3});
  // A dashed line of prose ("- - -", a list's) is no rule: the lines are read as lines.
  CHECK(Run("- - -\n规章 0 0 0\n").flattening != Flattening::kColumns);
}

TEST_CASE("columns are counted with the source's widths, not the normalised text's", "[tokenize]") {
  // "（一）" is four columns wide in the source; NFKC makes it "(一)", three characters of width 1, 2, 1.
  const std::u32string source =
      FromUtf8("  ---------------- ---- ----\n  （一）予以公开   5    7\n  ---------------- ---- ----\n");
  Result<NormalizedText> norm = Normalize(source);
  REQUIRE(norm.ok());
  const std::vector<uint8_t> widths = DisplayWidths(norm.value(), source);
  const std::u32string& t = norm.value().text;
  TokenizedRegion r = Tokenize(t, 0, t.size(), &widths);
  REQUIRE(r.tokens.size() == 3);
  CHECK(ToUtf8(r.tokens[0].text) == "(一)予以公开");
  CHECK(ToUtf8(r.tokens[1].text) == "5");
  CHECK(r.tokens[1].x == 1);
  CHECK(ToUtf8(r.tokens[2].text) == "7");
  // By the normalised text's own widths the 5 would stand under the label's column.
  TokenizedRegion narrow = Tokenize(t, 0, t.size());
  REQUIRE(narrow.tokens.size() == 3);
  CHECK(ToUtf8(narrow.tokens[0].text) != "(一)予以公开");
}

TEST_CASE("what only looks like a rule or a lone tab leaves a table as it is", "[tokenize]") {
  // A heading's underline of dashes before small Markdown tables is no rule of a ruled table: the
  // rows stay apart.
  CHECK(Run("--------------------\n\n| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 1 |\n| 行政规范性文件 | 4 |\n"
            "| 信息内容 | 本年处理决定数量 |\n| --- | --- |\n| 行政许可 | 17 |\n| 行政处罚 | 8 |\n")
            .cells == V{"|信息内容", "本年制发件数", "|规章", "1", "|行政规范性文件", "4", "|信息内容", "本年处理决定数量",
                        "|行政许可", "17", "|行政处罚", "8"});
  // "| -- |" in a box-drawn table is a blank cell, not a rule under part of the row.
  const std::u32string t = FromUtf8(
      "|------|---|---|\n| 规章 | -- | 3 |\n|------|---|---|\n| 行政许可 | 4 | 5 |\n|------|---|---|\n"
      "| 行政处罚 | 6 | 7 |\n|------|---|---|\n");
  CHECK(Cells(Tokenize(t, 0, t.size())) == V{"|规章", "--", "3", "|行政许可", "4", "5", "|行政处罚", "6", "7"});
  // One cell per line whose empty lines hold a tab is no copy of paragraphs in cells.
  CHECK(Run("规章\n1\n2\n3\n\t\n行政规范性文件\n4\n5\n6\n\t\n行政许可\n7\n\t\n行政处罚\n8\n").flattening !=
        Flattening::kTabRows);
  // Two spaces inside a label of a row whose values stand one space apart are the label's.
  CHECK(Run("3.危及  “三安全一稳定” 0 0 0 0 0 0 0\n").cells ==
        V{"|3.危及  “三安全一稳定”", "0", "0", "0", "0", "0", "0", "0"});
}

TEST_CASE("a Markdown table's lines are never joined, however many small tables there are", "[tokenize]") {
  const std::u32string t = FromUtf8(
      "| 项目 | 数据1 |\n| --- | --- |\n| 规章 | 1 |\n| 行政许可 | 2 |\n\n"
      "| 项目 | 数据1 |\n| --- | --- |\n| 行政处罚 | 3 |\n\n"
      "| 项目 | 数据1 |\n| --- | --- |\n| 行政强制 | 4 |\n\n"
      "| 项目 | 数据1 |\n| --- | --- |\n| 行政事业性收费 | 5 |\n");
  TokenizedRegion r = Tokenize(t, 0, t.size());
  size_t rows = 0;
  for (const Token& token : r.tokens) rows += token.row_start;
  CHECK(rows == 9);  // four headers and five rows
}

}  // namespace
}  // namespace gouji
