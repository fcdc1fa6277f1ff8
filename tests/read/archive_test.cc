// Archives of reports (gouji/archive.h): a zip's files listed and read one at a time, GBK names
// decoded, what archivers add beside the files left out, and a document package not taken for one.
#include "gouji/archive.h"

#include <catch2/catch.hpp>

#include "read/zip_builder.h"

namespace gouji {
namespace {

using testing::BuildZip;
using testing::Stored;
using testing::StoredZip;

std::vector<std::string> Names(const ReportArchive& archive) {
  std::vector<std::string> names;
  for (const ArchiveEntry& e : archive.entries()) names.push_back(e.name);
  return names;
}

TEST_CASE("a zip of reports: its files in order, GBK names decoded, folders and forks left out", "[readers][archive]") {
  const std::string gbk_name = "\xCB\xC9\xC9\xBD\xD5\xF2.txt";  // "松山镇.txt" in GBK, no UTF-8 flag
  const std::string zip = BuildZip({Stored("2023/洪泽区.txt", "一、总体情况"), Stored("2023/", ""),
                                    Stored(gbk_name, "二、主动公开"), Stored("__MACOSX/2023/._洪泽区.txt", "\x00\x05"),
                                    Stored(".DS_Store", "x"), Stored("2023/.hidden.txt", "y")});
  REQUIRE(IsReportArchive(zip));
  Result<ReportArchive> archive = ReportArchive::Open(zip);
  REQUIRE(archive.ok());
  CHECK(Names(archive.value()) == std::vector<std::string>{"2023/洪泽区.txt", "松山镇.txt"});
  CHECK(archive.value().Read(archive.value().entries()[0]).value() == "一、总体情况");
  CHECK(archive.value().Read(archive.value().entries()[1]).value() == "二、主动公开");
}

TEST_CASE("a document package is one document, not an archive of reports", "[readers][archive]") {
  CHECK_FALSE(IsReportArchive(StoredZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}})));
  CHECK_FALSE(IsReportArchive(StoredZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}})));
  CHECK_FALSE(IsReportArchive(StoredZip({{"OFD.xml", "<ofd:OFD/>"}, {"Doc_0/Document.xml", "<x/>"}})));
  CHECK_FALSE(IsReportArchive("一、总体情况"));
  CHECK_FALSE(IsReportArchive(std::string("PK\x03\x04", 4)));  // no readable zip at all
  CHECK(IsReportArchive(StoredZip({{"a.txt", "x"}})));
  const Result<ReportArchive> docx = ReportArchive::Open(StoredZip({{"[Content_Types].xml", "<Types/>"}}));
  REQUIRE_FALSE(docx.ok());
  CHECK(docx.status().code() == StatusCode::kUnsupportedFormat);
}

TEST_CASE("a damaged or encrypted entry is refused on its own, the others still read", "[readers][archive]") {
  const std::string zip = StoredZip({{"a.txt", "甲"}, {"b.txt", "乙"}}, /*encrypted=*/false);
  Result<ReportArchive> archive = ReportArchive::Open(zip);
  REQUIRE(archive.ok());
  REQUIRE(archive.value().entries().size() == 2);
  CHECK(archive.value().Read(archive.value().entries()[1]).value() == "乙");
  const std::string locked = StoredZip({{"a.txt", "甲"}}, /*encrypted=*/true);
  Result<ReportArchive> l = ReportArchive::Open(locked);
  REQUIRE(l.ok());
  REQUIRE(l.value().entries().size() == 1);
  const Result<std::string> read = l.value().Read(l.value().entries()[0]);
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().code() == StatusCode::kUnsupportedFormat);
  CHECK(read.status().message_en().find("password") != std::string::npos);
  CHECK_FALSE(ReportArchive::Open("not a zip").ok());
}

}  // namespace
}  // namespace gouji
