// .docx into a Document (read/docx.h): paragraphs, merged cells, nested tables, content controls;
// tracked deletions and field codes are not text; other packages are named, broken ones refused.
#include <catch2/catch.hpp>

#include "read/docx.h"
#include "read/document_view.h"
#include "read/zip_builder.h"

namespace gouji {
namespace {

using testing::Paragraphs;
using testing::StoredZip;
using testing::TableAt;
using testing::Texts;

std::string DocumentXml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body + "<w:sectPr/></w:body></w:document>";
}

std::string Para(const std::string& text) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>"; }

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
  CHECK(ReadDocx(std::string("PK\x03\x04", 4) + StoredZip({})).status().message_en().find("a zip archive") != std::string::npos);
  CHECK(ReadDocx(StoredZip({{"word/document.xml", "<w:document><w:body>"}})).status().code() == StatusCode::kDamagedFile);
}

}  // namespace
}  // namespace gouji
