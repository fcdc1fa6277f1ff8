// Zip packages (read/zip.h, minizip and zlib): entries deflated by zlib at every level and strategy
// read back byte-identical; cut, corrupted, oversized, encrypted and misplaced entries refused.
#include <catch2/catch.hpp>

#include <random>

#include "gouji/check.h"
#include "read/zip.h"
#include "read/zip_builder.h"

namespace gouji {
namespace {

using testing::BuildZip;
using testing::Deflated;
using testing::Stored;
using testing::StoredZip;
using testing::ZipEntry;

Result<std::string> ReadOnly(const std::string& zip, size_t max_size) {
  Result<ZipArchive> archive = ZipArchive::Open(zip);
  if (!archive.ok()) return archive.status();
  return archive.value().Read(archive.value().Names().at(0), max_size);
}

TEST_CASE("a stored block, written by hand, is read; broken ones are refused", "[readers][zip]") {
  // A stored block: BFINAL=1, BTYPE=00, LEN=5, NLEN=~5, "hello".
  const std::string block = std::string("\x01\x05\x00\xFA\xFF", 5) + "hello";
  ZipEntry entry{"h.txt", block, 8, 0, testing::Crc32("hello"), 5};
  CHECK(ReadOnly(BuildZip({entry}), 100).value() == "hello");
  CHECK(ReadOnly(BuildZip({entry}), 4).status().message_en().find("too large once unpacked") != std::string::npos);
  ZipEntry cut = entry;
  cut.data = block.substr(0, 7);  // "he": the stream stops inside the block
  CHECK(ReadOnly(BuildZip({cut}), 100).status().message_en().find("cut short") != std::string::npos);
  ZipEntry bad_length = entry;
  bad_length.data[4] = '\xFE';  // NLEN is no longer LEN's complement
  CHECK(ReadOnly(BuildZip({bad_length}), 100).status().message_en().find("bad compressed data") != std::string::npos);
  ZipEntry reserved = entry;
  reserved.data = "\x07";  // BTYPE=11 is reserved
  CHECK(ReadOnly(BuildZip({reserved}), 100).status().message_en().find("bad compressed data") != std::string::npos);
  ZipEntry empty = entry;
  empty.data = "";
  CHECK(ReadOnly(BuildZip({empty}), 100).status().code() == StatusCode::kDamagedFile);
  CHECK(testing::Crc32("123456789") == 0xCBF43926u);  // zlib's CRC-32 is zip's: the standard check value
}

TEST_CASE("deflated entries read back what zlib packed, at every level and strategy", "[readers][zip]") {
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
  int compared = 0, refused = 0;
  for (const std::string& input : inputs) {
    for (int level : {0, 1, 6, 9}) {
      for (int strategy : {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED}) {
        INFO("size " << input.size() << " level " << level << " strategy " << strategy);
        const ZipEntry entry = Deflated("part.xml", input, level, strategy);
        REQUIRE_FALSE(entry.data.empty());
        Result<std::string> back = ReadOnly(BuildZip({entry}), input.size() + 1);
        REQUIRE(back.ok());
        REQUIRE(back.value() == input);
        ++compared;
        // Cut anywhere, the stream gives nothing wrong: it is refused, or (cut only in its end
        // marker, after every declared byte came out, which minizip does not read) the CRC
        // vouches that what came out is the whole.
        const size_t step = input.size() < 1000 ? 1 : entry.data.size() / 7 + 1;
        for (size_t cut = 0; cut < entry.data.size(); cut += step) {
          ZipEntry short_entry = entry;
          short_entry.data.resize(cut);
          Result<std::string> r = ReadOnly(BuildZip({short_entry}), input.size() + 1);
          if (r.ok()) {
            CHECK(r.value() == input);
          } else {
            CHECK(r.status().code() == StatusCode::kDamagedFile);
            ++refused;
          }
        }
        // Cut to half, a long stream has lost content: always refused.
        if (input.size() >= 1000) {
          ZipEntry half = entry;
          half.data.resize(entry.data.size() / 2);
          CHECK(ReadOnly(BuildZip({half}), input.size() + 1).status().code() == StatusCode::kDamagedFile);
        }
      }
    }
  }
  CHECK(compared == 6 * 4 * 5);
  CHECK(refused > 6 * 4 * 5);  // the cuts were refused, not only counted
}

TEST_CASE("zip entries are read, checked and refused with reasons", "[readers][zip]") {
  const std::string zip = StoredZip({{"a.txt", "alpha"}, {"dir/b.xml", "<b/>"}});
  Result<ZipArchive> archive = ZipArchive::Open(zip);
  REQUIRE(archive.ok());
  CHECK(archive.value().Names() == std::vector<std::string>{"a.txt", "dir/b.xml"});
  CHECK(archive.value().Has("dir/b.xml"));
  CHECK_FALSE(archive.value().Has("dir/b"));
  CHECK(archive.value().Read("dir/b.xml", 100).value() == "<b/>");
  CHECK(archive.value().Read("a.txt", 100).value() == "alpha");  // read in any order, again
  CHECK(archive.value().Read("dir/b.xml", 100).value() == "<b/>");
  CHECK(archive.value().Read("missing", 100).status().code() == StatusCode::kDamagedFile);
  CHECK(archive.value().Read("a.txt", 3).status().code() == StatusCode::kDamagedFile);  // over the limit
  CHECK(archive.value().Read("a.txt", 5).value() == "alpha");                           // at the limit

  std::string corrupt = zip;
  corrupt[corrupt.find("alpha")] = 'A';  // the CRC no longer matches
  CHECK(ZipArchive::Open(corrupt).value().Read("a.txt", 100).status().message_en().find("checksum") != std::string::npos);
  CHECK(ZipArchive::Open(zip.substr(0, zip.size() - 30)).status().code() == StatusCode::kDamagedFile);
  CHECK(ZipArchive::Open("PK\x03\x04").status().code() == StatusCode::kDamagedFile);
  CHECK(ZipArchive::Open("").status().code() == StatusCode::kDamagedFile);
  // An archive of no entries is a zip, not a damaged one. (After some bytes: minizip never finds
  // an end record at offset 0, and such a file does not start "PK\3\4", so it is not sniffed a zip.)
  Result<ZipArchive> empty = ZipArchive::Open(std::string("PK\x03\x04", 4) + BuildZip({}));
  REQUIRE(empty.ok());
  CHECK(empty.value().Names().empty());
  CHECK_FALSE(empty.value().Has(""));
  // A local header said to lie near 4 GiB: past the end, also where size_t has 32 bits (WebAssembly).
  std::string far = zip;
  const size_t local_header_field = far.find(std::string("PK\x01\x02", 4)) + 42;
  far.replace(local_header_field, 4, std::string("\xF0\xFF\xFF\xFF", 4));
  CHECK(ZipArchive::Open(far).value().Read("a.txt", 100).status().code() == StatusCode::kDamagedFile);
  // An entry said to hold 4 GiB of compressed data, in a file of a hundred bytes.
  ZipEntry huge = Stored("a.txt", "alpha");
  std::string overlong = BuildZip({huge});
  const size_t packed_field = overlong.find(std::string("PK\x01\x02", 4)) + 20;
  overlong.replace(packed_field, 4, std::string("\xF0\xFF\xFF\xFF", 4));
  CHECK(ReadOnly(overlong, 100).status().code() == StatusCode::kDamagedFile);
  // A method other than stored and deflated (12 is bzip2) is named.
  ZipEntry bzip2 = Stored("a.txt", "alpha");
  bzip2.method = 12;
  CHECK(ReadOnly(BuildZip({bzip2}), 100).status().message_en().find("compression method 12 is not supported") !=
        std::string::npos);

  const std::string locked = StoredZip({{"word/document.xml", "<w:document><w:body/></w:document>"}}, /*encrypted=*/true);
  Result<Report> r = Check(locked);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kUnsupportedFormat);
  CHECK(r.status().message_zh().find("密码") != std::string::npos);
  CHECK(r.status().message_en().find("password-protected") != std::string::npos);
}

TEST_CASE("a zip bomb is stopped at the limit while inflating, whatever its headers say", "[readers][zip]") {
  const std::string zeros(64 * 1024 * 1024, '\0');  // 64 MiB that deflate to about 64 KB
  const ZipEntry bomb = Deflated("word/document.xml", zeros, 9);
  REQUIRE(bomb.data.size() < 200 * 1024);
  // Honest headers: reading stops past the limit.
  Result<std::string> honest = ReadOnly(BuildZip({bomb}), 1024 * 1024);
  REQUIRE_FALSE(honest.ok());
  CHECK(honest.status().message_en().find("too large once unpacked") != std::string::npos);
  // Headers that say 100 bytes: no more than that comes out, and the CRC tells the lie.
  ZipEntry small = bomb;
  small.size = 100;
  CHECK(ReadOnly(BuildZip({small}), 1024 * 1024).status().message_en().find("checksum mismatch") != std::string::npos);
  // Headers that say 4 GiB: still stopped at the limit.
  ZipEntry big = bomb;
  big.size = 0xFFFFFFF0u;
  CHECK(ReadOnly(BuildZip({big}), 1024 * 1024).status().message_en().find("too large once unpacked") != std::string::npos);
  // The size a header states must be the size that comes out.
  ZipEntry longer = Stored("a.txt", "alpha");
  longer.size = 6;
  CHECK(ReadOnly(BuildZip({longer}), 100).status().code() == StatusCode::kDamagedFile);
}

}  // namespace
}  // namespace gouji
