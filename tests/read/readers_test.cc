// The readers of published formats, piece by piece: format sniffing, inflate (against zlib), zip,
// XML, HTML (gumbo) and .docx into a Document, and flattening a Document into checked text.
#include <catch2/catch.hpp>

#include <random>

#include "base/unicode.h"
#include "gouji/check.h"
#include "read/docx.h"
#include "read/flatten.h"
#include "read/html.h"
#include "read/inflate.h"
#include "read/sniff.h"
#include "read/xml.h"
#include "read/zip.h"
#include "report_builder.h"
#include "test_util.h"

#ifdef GOUJI_HAVE_ZLIB
#include <zlib.h>
#endif

namespace gouji {
namespace {

using testing::Encode;

// A zip archive of stored (uncompressed) entries, written the way zip tools write one.
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& files, bool encrypted = false) {
  auto le = [](std::string* out, uint32_t v, int n) {
    for (int i = 0; i < n; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
  };
  std::string zip, directory;
  for (const auto& [name, data] : files) {
    const uint32_t offset = static_cast<uint32_t>(zip.size()), crc = Crc32(data);
    const uint16_t flags = encrypted ? 1 : 0;
    zip += "PK\x03\x04";
    le(&zip, 20, 2), le(&zip, flags, 2), le(&zip, 0, 2), le(&zip, 0, 4), le(&zip, crc, 4);
    le(&zip, static_cast<uint32_t>(data.size()), 4), le(&zip, static_cast<uint32_t>(data.size()), 4);
    le(&zip, static_cast<uint32_t>(name.size()), 2), le(&zip, 0, 2);
    zip += name + data;
    directory += "PK\x01\x02";
    le(&directory, 20, 2), le(&directory, 20, 2), le(&directory, flags, 2), le(&directory, 0, 2), le(&directory, 0, 4);
    le(&directory, crc, 4), le(&directory, static_cast<uint32_t>(data.size()), 4);
    le(&directory, static_cast<uint32_t>(data.size()), 4), le(&directory, static_cast<uint32_t>(name.size()), 2);
    le(&directory, 0, 2), le(&directory, 0, 2), le(&directory, 0, 2), le(&directory, 0, 2), le(&directory, 0, 4);
    le(&directory, offset, 4);
    directory += name;
  }
  const uint32_t dir_offset = static_cast<uint32_t>(zip.size());
  zip += directory;
  zip += "PK\x05\x06";
  le(&zip, 0, 2), le(&zip, 0, 2), le(&zip, static_cast<uint32_t>(files.size()), 2);
  le(&zip, static_cast<uint32_t>(files.size()), 2), le(&zip, static_cast<uint32_t>(directory.size()), 4);
  le(&zip, dir_offset, 4), le(&zip, 0, 2);
  return zip;
}

std::string DocumentXml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body + "<w:sectPr/></w:body></w:document>";
}

std::string Para(const std::string& text) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>"; }

std::vector<std::vector<std::string>> Texts(const Grid& grid) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : grid.rows) {
    rows.emplace_back();
    for (const GridCell& cell : row) rows.back().push_back(cell.text);
  }
  return rows;
}

const Block& TableAt(const Document& d, size_t n) {
  size_t seen = 0;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::kTable && seen++ == n) return b;
  }
  FAIL("no table " << n);
  return d.blocks.front();
}

std::vector<std::string> Paragraphs(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::kText) out.push_back(b.text);
  }
  return out;
}

TEST_CASE("formats are told by their bytes, and what cannot be read says what can", "[readers][sniff]") {
  CHECK(SniffFormat("%PDF-1.7\n...").value() == Sniffed::kPdf);
  CHECK(SniffFormat(std::string("PK\x03\x04", 4)).value() == Sniffed::kZip);
  CHECK(SniffFormat("<!DOCTYPE html><html>").value() == Sniffed::kHtml);
  CHECK(SniffFormat("\xEF\xBB\xBF  \n<HTML lang=zh>").value() == Sniffed::kHtml);
  CHECK(SniffFormat("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">").value() == Sniffed::kHtml);
  CHECK(SniffFormat("<table><tr><td>1</td></tr></table>").value() == Sniffed::kHtml);
  CHECK(SniffFormat("<!--StartFragment--><p>x</p>").value() == Sniffed::kHtml);
  // Text that merely mentions a tag, or starts with a word beginning like one, is text.
  CHECK(SniffFormat("一、总体情况\n<p> 是段落标签").value() == Sniffed::kText);
  CHECK(SniffFormat("<poem>").value() == Sniffed::kText);
  CHECK(SniffFormat("report").value() == Sniffed::kText);
  for (const std::string& bytes : {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), std::string("\x89PNG\r\n"),
                                   std::string("\xFF\xD8\xFF\xE0"), std::string("{\\rtf1\\ansi"),
                                   std::string("RIFF\0\0\0\0WEBPVP8 ", 16)}) {
    INFO(bytes.substr(0, 4));
    Result<Sniffed> r = SniffFormat(bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kUnsupportedFormat);
    CHECK(r.status().message_zh().find(".docx") != std::string::npos);  // says what works
    CHECK(r.status().message_en().find("save it as .docx or PDF") != std::string::npos);
  }
  CHECK(SniffFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)).status().message_zh().find("Word 97-2003") !=
        std::string::npos);
  // A TIFF's magic holds a NUL: the whole of it is compared, not the letters before it.
  CHECK(SniffFormat(std::string("MM\0*\0\0\0\x08", 8)).status().message_zh().find("TIFF") != std::string::npos);
  CHECK(SniffFormat(std::string("II*\0\x08\0\0\0", 8)).status().message_zh().find("TIFF") != std::string::npos);
  for (const char* text : {"MM市人民政府2023年政府信息公开工作年度报告", "II*注"}) {
    INFO(text);
    Result<Sniffed> r = SniffFormat(text);
    REQUIRE(r.ok());
    CHECK(r.value() == Sniffed::kText);
  }
}

TEST_CASE("inflate reads stored blocks and rejects broken data", "[readers][inflate]") {
  // A stored block: BFINAL=1, BTYPE=00, LEN=5, NLEN=~5, "hello".
  const std::string stored = std::string("\x01\x05\x00\xFA\xFF", 5) + "hello";
  std::string out;
  REQUIRE(Inflate(stored, 100, &out) == InflateError::kNone);
  CHECK(out == "hello");
  CHECK(Inflate(stored.substr(0, 7), 100, &out) == InflateError::kTruncated);
  CHECK(Inflate(std::string("\x01\x05\x00\xFA\xFE", 5) + "hello", 100, &out) == InflateError::kBadData);
  CHECK(Inflate(stored, 4, &out) == InflateError::kTooLarge);
  CHECK(Inflate("\x07", 100, &out) == InflateError::kBadData);  // BTYPE=11 is reserved
  CHECK(Inflate("", 100, &out) == InflateError::kTruncated);
  CHECK(Crc32("123456789") == 0xCBF43926u);  // the standard check value
}

#ifdef GOUJI_HAVE_ZLIB
// Raw DEFLATE of `data` by the system's zlib at a level and strategy.
std::string ZlibDeflate(const std::string& data, int level, int strategy) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, level, Z_DEFLATED, -15, 8, strategy) == Z_OK);
  std::string out(deflateBound(&z, data.size()) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST_CASE("inflate gives back what zlib deflated, at every level and strategy", "[readers][inflate]") {
  std::mt19937 random(20261201);
  std::vector<std::string> inputs = {"", "a", std::string(100000, 'x')};
  // Text like a report's XML, random bytes, and runs: every kind of block zlib writes.
  std::string xml;
  for (int i = 0; i < 3000; ++i) xml += "<w:tc><w:p><w:r><w:t>" + std::to_string(random() % 1000) + "年度</w:t></w:r></w:p></w:tc>";
  inputs.push_back(xml);
  std::string noise(70000, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  inputs.push_back(noise);
  std::string runs;
  for (int i = 0; i < 5000; ++i) runs += std::string(random() % 40, static_cast<char>('a' + random() % 3));
  inputs.push_back(runs);
  int compared = 0;
  for (const std::string& input : inputs) {
    for (int level : {0, 1, 6, 9}) {
      for (int strategy : {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED}) {
        INFO("size " << input.size() << " level " << level << " strategy " << strategy);
        const std::string packed = ZlibDeflate(input, level, strategy);
        std::string out;
        REQUIRE(Inflate(packed, input.size() + 1, &out) == InflateError::kNone);
        REQUIRE(out == input);
        ++compared;
        // Every prefix of the stream is reported cut short or bad, never read as whole.
        if (!packed.empty() && input.size() < 1000) {
          for (size_t cut = 0; cut + 1 < packed.size(); ++cut) {
            CHECK(Inflate(packed.substr(0, cut), input.size() + 1, &out) != InflateError::kNone);
          }
        }
      }
    }
  }
  CHECK(compared == 6 * 4 * 5);
}
#endif

TEST_CASE("zip entries are read, checked and refused with reasons", "[readers][zip]") {
  const std::string zip = StoredZip({{"a.txt", "alpha"}, {"dir/b.xml", "<b/>"}});
  Result<ZipArchive> archive = ZipArchive::Open(zip);
  REQUIRE(archive.ok());
  CHECK(archive.value().Names() == std::vector<std::string>{"a.txt", "dir/b.xml"});
  CHECK(archive.value().Read("dir/b.xml", 100).value() == "<b/>");
  CHECK(archive.value().Read("missing", 100).status().code() == StatusCode::kDamagedFile);
  CHECK(archive.value().Read("a.txt", 3).status().code() == StatusCode::kDamagedFile);  // over the limit

  std::string corrupt = zip;
  corrupt[corrupt.find("alpha")] = 'A';  // the CRC no longer matches
  CHECK(ZipArchive::Open(corrupt).value().Read("a.txt", 100).status().message_en().find("checksum") != std::string::npos);
  CHECK(ZipArchive::Open(zip.substr(0, zip.size() - 30)).status().code() == StatusCode::kDamagedFile);
  CHECK(ZipArchive::Open("PK\x03\x04").status().code() == StatusCode::kDamagedFile);
  // A local header said to lie near 4 GiB: past the end, also where size_t has 32 bits (WebAssembly).
  std::string far = zip;
  const size_t local_header_field = far.find(std::string("PK\x01\x02", 4)) + 42;
  far.replace(local_header_field, 4, std::string("\xF0\xFF\xFF\xFF", 4));
  CHECK(ZipArchive::Open(far).value().Read("a.txt", 100).status().code() == StatusCode::kDamagedFile);
  const std::string locked = StoredZip({{"word/document.xml", DocumentXml(Para("x"))}}, /*encrypted=*/true);
  Result<Report> r = Check(locked);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message_zh().find("密码") != std::string::npos);
}

TEST_CASE("XML: elements, attributes, entities; malformed XML is refused", "[readers][xml]") {
  Result<XmlNode> root = ParseXml("<?xml version=\"1.0\"?><!-- c --><a x='1' y=\"&lt;&amp;&#x4E00;\">t&gt;<b/><![CDATA[<raw>]]></a>");
  REQUIRE(root.ok());
  const XmlNode& a = root.value();
  CHECK(a.name == "a");
  CHECK(*a.Attribute("y") == "<&一");
  REQUIRE(a.children.size() == 3);
  CHECK(a.children[0].text == "t>");
  CHECK(a.children[1].name == "b");
  CHECK(a.children[2].text == "<raw>");
  for (const char* bad : {"<a><b></a>", "<a", "<a x=1/>", "<a>&bogus;</a>", "<a></a><b/>", "", "<a>"}) {
    INFO(bad);
    CHECK(ParseXml(bad).status().code() == StatusCode::kDamagedFile);
  }
  std::string deep;
  for (size_t i = 0; i <= kMaxXmlDepth + 1; ++i) deep += "<d>";
  CHECK(ParseXml(deep).status().message_en().find("nested too deeply") != std::string::npos);
  std::string wide = "<a>";
  for (size_t i = 0; i <= kMaxXmlNodes; ++i) wide += "<b/>";
  CHECK(ParseXml(wide + "</a>").status().message_en().find("too many elements") != std::string::npos);
}

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

TEST_CASE(".docx: paragraphs, merged cells, nested tables; tracked deletions and field codes are not text",
          "[readers][docx]") {
  const std::string tc = "<w:tc><w:tcPr>%PR%</w:tcPr>%P%</w:tc>";
  auto cell = [&](const std::string& pr, const std::string& body) {
    std::string c = tc;
    c.replace(c.find("%PR%"), 4, pr);
    c.replace(c.find("%P%"), 3, body);
    return c;
  };
  const std::string table =
      "<w:tbl><w:tblGrid/>"
      "<w:tr>" + cell("<w:vMerge w:val=\"restart\"/>", Para("项目")) + cell("<w:gridSpan w:val=\"2\"/>", Para("数量")) + "</w:tr>"
      "<w:tr>" + cell("<w:vMerge/>", "<w:p/>") + cell("", Para("甲")) + cell("", Para("乙")) + "</w:tr>"
      "<w:tr>" + cell("", Para("三、本年度") + Para("办理结果")) + cell("", Para("1")) +
      cell("", "<w:p><w:r><w:t>2</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del></w:p>") + "</w:tr>"
      "</w:tbl>";
  const std::string body =
      Para("标题") +
      "<w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>正文</w:t></w:r><w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"
      "<w:r><w:br/><w:t>换行</w:t></w:r></w:p>" +
      "<w:tbl><w:tr><w:tc>" + table + "</w:tc></w:tr></w:tbl>";  // a layout table around it
  Result<Document> doc = ReadDocx(StoredZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", DocumentXml(body)}}));
  REQUIRE(doc.ok());
  CHECK(doc.value().format == SourceFormat::kDocx);
  CHECK(Paragraphs(doc.value()) == std::vector<std::string>{"标题", "正文插入\n换行"});
  const Grid& grid = TableAt(doc.value(), 0).grid;
  CHECK(Texts(grid) == std::vector<std::vector<std::string>>{{"项目", "数量"}, {"甲", "乙"}, {"三、本年度\n办理结果", "1", "2"}});
  CHECK(grid.rows[0][1].col_span == 2);

  // Every cell knows its grid column, merged continuations and w:gridBefore counted.
  CHECK(grid.rows[0][1].x == 2.0);  // 数量 spans columns 1-2
  CHECK(grid.rows[1][0].x == 1.5);  // 甲, after the covered 项目
  const std::string shifted = "<w:tbl><w:tr>" + cell("", Para("a")) + cell("", Para("b")) + "</w:tr>"
                              "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell("", Para("c")) + "</w:tr></w:tbl>";
  Result<Document> before = ReadDocx(StoredZip({{"word/document.xml", DocumentXml(shifted)}}));
  REQUIRE(before.ok());
  CHECK(TableAt(before.value(), 0).grid.rows[1][0].x == 1.5);  // c stands under b

  // A content control around a cell's paragraph (a template's fill-in field) holds the cell's text.
  const std::string controlled = "<w:tbl><w:tr>" + cell("", Para("a")) +
                                 "<w:tc><w:sdt><w:sdtPr/><w:sdtContent>" + Para("7") + "</w:sdtContent></w:sdt></w:tc>"
                                 "</w:tr></w:tbl>";
  Result<Document> control = ReadDocx(StoredZip({{"word/document.xml", DocumentXml(controlled)}}));
  REQUIRE(control.ok());
  CHECK(Texts(TableAt(control.value(), 0).grid) == std::vector<std::vector<std::string>>{{"a", "7"}});

  CHECK(ReadDocx(StoredZip({{"xl/workbook.xml", "<w/>"}})).status().message_zh().find("Excel") != std::string::npos);
  CHECK(ReadDocx(StoredZip({{"a.txt", "x"}})).status().code() == StatusCode::kUnsupportedFormat);
  CHECK(ReadDocx(StoredZip({{"word/document.xml", "<w:document><w:body>"}})).status().code() == StatusCode::kDamagedFile);
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
