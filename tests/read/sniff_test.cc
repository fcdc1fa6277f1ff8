// Format sniffing (read/sniff.h): what a file is, told by its bytes; what cannot be read says what can.
#include <catch2/catch.hpp>

#include "read/sniff.h"

namespace gouji {
namespace {

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

TEST_CASE("a folder's files: reports' formats and documents are checked, images and other archives not", "[readers][sniff]") {
  CHECK(MayHoldReport("一、总体情况\n"));
  CHECK(MayHoldReport("<html><body>x</body></html>"));
  CHECK(MayHoldReport("%PDF-1.4\n"));
  CHECK(MayHoldReport(std::string("PK\x03\x04", 4)));               // a .docx (or a zip, which archive.h opens)
  CHECK(MayHoldReport(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)));  // .doc/.wps: refused with a way out
  CHECK(MayHoldReport("{\\rtf1\\ansi"));
  CHECK(MayHoldReport(""));  // an empty file: checked, and said to be empty
  CHECK_FALSE(MayHoldReport("\x89PNG\r\n\x1a\n"));
  CHECK_FALSE(MayHoldReport("\xFF\xD8\xFF\xE0"));
  CHECK_FALSE(MayHoldReport(std::string("RIFF\0\0\0\0WEBPVP8 ", 16)));
  CHECK_FALSE(MayHoldReport(std::string("Rar!\x1A\x07\x00", 7)));
  CHECK_FALSE(MayHoldReport(std::string("7z\xBC\xAF\x27\x1C", 6)));
  CHECK_FALSE(MayHoldReport(std::string("\x1F\x8B\x08", 3)));
}

}  // namespace
}  // namespace gouji
