// HTML (read/html.h, gumbo): paragraphs, grids with spans, layout tables, declared charsets; and
// how a Document read from HTML is flattened (read/flatten.h) and placed.
#include <catch2/catch.hpp>

#include "base/unicode.h"
#include "gouji/check.h"
#include "read/document_view.h"
#include "read/flatten.h"
#include "read/html.h"
#include "report_builder.h"
#include "test_util.h"

namespace gouji {
namespace {

using testing::Encode;
using testing::Paragraphs;
using testing::TableAt;
using testing::Texts;

TEST_CASE("HTML: paragraphs, grids with spans, and layout tables read as a browser shows them", "[readers][html]") {
  const std::string html =
      "<html><head><title>不是正文</title><style>td{}</style><script>var x = '<td>';</script></head><body>"
      "<div>标题&nbsp;一</div><p>第一段<br>第二行</p><!-- 注释 -->"
      "<p style=\"display: none\">隐藏</p>"
      "<table><tr><td>"  // a layout table: its cell holds the data table
      "<p>表前</p><table><caption>表题</caption><tbody>"
      "<tr><th rowspan=2>项目</th><th colspan=\"2\">数量</th></tr>"
      "<tr><td>甲</td><td>乙</td></tr>"
      "<tr><td>三、本年度<br>办理结果</td><td><p>1</p></td><td> 2 \n</td></tr>"
      "<tr><td></td><td>&nbsp;</td><td>3</td></tr>"
      "</tbody></table></td><td>右栏</td></tr></table></body></html>";
  Result<Document> doc = ReadHtmlText(html);
  REQUIRE(doc.ok());
  CHECK(doc.value().format == SourceFormat::kHtml);
  CHECK(Paragraphs(doc.value()) == std::vector<std::string>{"标题\u00A0一", "第一段\n第二行", "表前", "表题", "右栏"});
  const Grid& grid = TableAt(doc.value(), 0).grid;
  CHECK(Texts(grid) == std::vector<std::vector<std::string>>{
                           {"项目", "数量"}, {"甲", "乙"}, {"三、本年度\n办理结果", "1", "2"}, {"", "\u00A0", "3"}});
  CHECK(grid.rows[0][0].row_span == 2);
  CHECK(grid.rows[0][1].col_span == 2);

  // Flattened: a row is a line of cells between tabs; the label's <br> joins its Han characters.
  const FlatDocument flat = Flatten(doc.value());
  const std::string text = ToUtf8(flat.text);
  CHECK(text.find("三、本年度办理结果\t1\t2\n") != std::string::npos);
  REQUIRE(flat.rows.size() == 4);
  CHECK(ToUtf8(flat.text.substr(flat.rows[2].cells[1].begin, 1)) == "1");

  std::string deep = "<body>";
  for (int i = 0; i < 1000; ++i) deep += "<div>";
  Result<Document> too_deep = ReadHtmlText(deep + "x");
  REQUIRE_FALSE(too_deep.ok());
  CHECK(too_deep.status().message_zh().find("嵌套") != std::string::npos);
}

TEST_CASE("a page nested 100,000 deep is refused as too deep, and the parse stops early", "[readers][html]") {
  // A broken CMS page: each <div> opened and closed again only at the end. Unbounded, gumbo's
  // parse of it took 30 s (each start tag scans every open element); the bound stops it at 512
  // (CMakeLists.txt), so this test's time is milliseconds, and ctest's timeout catches a return.
  std::string page = "<html><body><p>一、总体情况</p>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "x";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  Result<Document> read = ReadHtmlText(page + "</body></html>");
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().code() == StatusCode::kUnsupportedFormat);
  CHECK(read.status().message_en().find("400 levels deep") != std::string::npos);

  // 300 deep is below the bound and below kMaxDepth: read, its text found.
  std::string shallow = "<html><body>";
  for (int i = 0; i < 300; ++i) shallow += "<div>";
  Result<Document> ok = ReadHtmlText(shallow + "一、总体情况</body></html>");
  REQUIRE(ok.ok());
  CHECK(ToUtf8(Flatten(ok.value()).text).find("一、总体情况") != std::string::npos);
}

TEST_CASE("an HTML file is decoded in the charset it declares", "[readers][html]") {
  const std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                           "</head><body><p>李喆：政府信息公开</p></body></html>";
  CHECK(DeclaredCharset(page) == "gb2312");
  CHECK(DeclaredCharset("<meta charset='UTF-8'>") == "utf-8");
  CHECK(DeclaredCharset("<p>charset=gbk</p>") == "");
  // 喆 is GBK, not GB2312: a "gb2312" page is read as GBK, as browsers do.
  Result<Document> gbk = ReadHtml(Encode("GB18030", page));
  REQUIRE(gbk.ok());
  CHECK(gbk.value().encoding == "GB18030");
  CHECK(Paragraphs(gbk.value()) == std::vector<std::string>{"李喆：政府信息公开"});
  // Declared GBK, but the bytes are UTF-8: the bytes win.
  Result<Document> utf8 = ReadHtml(page);
  REQUIRE(utf8.ok());
  CHECK(utf8.value().encoding == "UTF-8");
  CHECK(Paragraphs(utf8.value()) == std::vector<std::string>{"李喆：政府信息公开"});
}

// A synthetic report as an HTML page: every line with tabs a table row, every other line a
// paragraph; `short_rows` lose their last `cut` cells, as a hand-made table's row may.
std::string AsHtml(const std::string& text, const std::string& short_label, int cut) {
  std::string html = "<html><body>";
  bool in_table = false;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.find('\t') == std::string::npos) {
      if (in_table) html += "</table>";
      in_table = false;
      html += "<p>" + line + "</p>";
      continue;
    }
    if (!in_table) html += "<table border=1>";
    in_table = true;
    std::vector<std::string> cells;
    for (size_t from = 0;;) {
      const size_t tab = line.find('\t', from);
      cells.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
    if (cells[0] == short_label) cells.resize(cells.size() - static_cast<size_t>(cut));
    html += "<tr>";
    for (const std::string& c : cells) html += "<td>" + c + "</td>";
    html += "</tr>";
  }
  return html + (in_table ? "</table>" : "") + "</body></html>";
}

TEST_CASE("an HTML row short of cells is placed by its columns: the missing ones are blank", "[readers][html]") {
  testing::ReportSpec spec;
  spec.shape = testing::Shape::kTabRows;
  spec.cells = {{"t3.r1.natural", "5"}, {"t3.r1.total", "5"}, {"t3.r2.natural", "1"}, {"t3.r2.total", "1"}};
  const std::string text = testing::BuildReport(spec);
  const Report full = testing::CheckOk(AsHtml(text, "", 0));
  CHECK(full.format == "html");
  CHECK(full.summary.cells_found == full.summary.cells_expected);
  // r1 without its last two cells (其他, 总计): they are blank, the others in their columns.
  const Report cut = testing::CheckOk(AsHtml(text, "一、本年新收政府信息公开申请数量", 2));
  CHECK(testing::CountFindings(cut, "row.unplaced") == 0);
  CHECK(testing::CellOf(cut, "t3.r1.natural").raw == "5");
  CHECK(testing::CellOf(cut, "t3.r1.other").value.kind == CellValue::Kind::kBlank);
  CHECK(testing::CellOf(cut, "t3.r1.total").value.kind == CellValue::Kind::kBlank);
  CHECK(cut.summary.cells_found == full.summary.cells_found);
}

TEST_CASE("a grid of huge spans is placed in time and memory that grow with its cells", "[readers][html]") {
  // 20,000 cells, each 1000 columns wide and spanning the 20,000 rows below, of one cell each
  // (4e11 steps, resolved column by column); and a row of 100,000 cells 1000 columns wide (1e8
  // columns to keep track of).
  Grid grid;
  grid.rows.emplace_back(20000, GridCell{"a", 20001, 1000, -1});
  for (int r = 0; r < 20000; ++r) grid.rows.push_back({GridCell{"b", 1, 1, -1}});
  grid.rows.emplace_back(100000, GridCell{"c", 1, 1000, -1});
  Document document;
  document.format = SourceFormat::kHtml;
  document.AddTable(grid);
  const FlatDocument flat = Flatten(document);
  REQUIRE(flat.rows.size() == grid.rows.size());
  CHECK(flat.rows[0].cells[1].x == 1500);
  CHECK(flat.rows[1].cells[0].x >= 1000);  // right of the spanned columns
  CHECK(flat.rows.back().cells.back().x == 99999 * 1000 + 500);
}

}  // namespace
}  // namespace gouji
