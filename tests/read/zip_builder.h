// Zip packages written byte by byte for the reader tests (zip_test.cc, docx_test.cc), the way zip
// tools write them: local headers, then the central directory, then its end record. Entries are
// stored, or deflated by zlib (the same zlib, built from Debian's source, that the core inflates
// with), and may say what a hostile file says: a wrong size, a cut stream, an encryption flag.
#ifndef GOUJI_TESTS_READ_ZIP_BUILDER_H_
#define GOUJI_TESTS_READ_ZIP_BUILDER_H_

#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gouji {
namespace testing {

struct ZipEntry {
  std::string name;
  std::string data;  // as written in the archive: compressed when method is 8
  uint16_t method = 0;
  uint16_t flags = 0;
  uint32_t crc = 0;
  uint32_t size = 0;  // the size once unpacked, as the headers state it
};

inline uint32_t Crc32(const std::string& bytes) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

inline ZipEntry Stored(const std::string& name, const std::string& content) {
  return {name, content, 0, 0, Crc32(content), static_cast<uint32_t>(content.size())};
}

// Raw DEFLATE (no zlib header, as zip has it) of `data` at a level and strategy; empty if zlib fails.
inline std::string Deflate(const std::string& data, int level, int strategy = Z_DEFAULT_STRATEGY) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, strategy) != Z_OK) return "";
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int done = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return done == Z_STREAM_END ? out : "";
}

inline ZipEntry Deflated(const std::string& name, const std::string& content, int level,
                         int strategy = Z_DEFAULT_STRATEGY) {
  return {name, Deflate(content, level, strategy), 8, 0, Crc32(content), static_cast<uint32_t>(content.size())};
}

inline std::string BuildZip(const std::vector<ZipEntry>& entries) {
  auto le = [](std::string* out, uint32_t v, int n) {
    for (int i = 0; i < n; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
  };
  std::string zip, directory;
  for (const ZipEntry& e : entries) {
    const uint32_t offset = static_cast<uint32_t>(zip.size());
    const uint32_t packed = static_cast<uint32_t>(e.data.size()), name_len = static_cast<uint32_t>(e.name.size());
    zip += "PK\x03\x04";
    le(&zip, 20, 2), le(&zip, e.flags, 2), le(&zip, e.method, 2), le(&zip, 0, 4), le(&zip, e.crc, 4);
    le(&zip, packed, 4), le(&zip, e.size, 4), le(&zip, name_len, 2), le(&zip, 0, 2);
    zip += e.name + e.data;
    directory += "PK\x01\x02";
    le(&directory, 20, 2), le(&directory, 20, 2), le(&directory, e.flags, 2), le(&directory, e.method, 2);
    le(&directory, 0, 4), le(&directory, e.crc, 4), le(&directory, packed, 4), le(&directory, e.size, 4);
    le(&directory, name_len, 2), le(&directory, 0, 2), le(&directory, 0, 2), le(&directory, 0, 2);
    le(&directory, 0, 2), le(&directory, 0, 4), le(&directory, offset, 4);
    directory += e.name;
  }
  const uint32_t dir_offset = static_cast<uint32_t>(zip.size());
  zip += directory;
  zip += "PK\x05\x06";
  le(&zip, 0, 2), le(&zip, 0, 2), le(&zip, static_cast<uint32_t>(entries.size()), 2);
  le(&zip, static_cast<uint32_t>(entries.size()), 2), le(&zip, static_cast<uint32_t>(directory.size()), 4);
  le(&zip, dir_offset, 4), le(&zip, 0, 2);
  return zip;
}

// A zip archive of stored (uncompressed) entries.
inline std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& files, bool encrypted = false) {
  std::vector<ZipEntry> entries;
  for (const auto& [name, data] : files) {
    entries.push_back(Stored(name, data));
    if (encrypted) entries.back().flags = 1;
  }
  return BuildZip(entries);
}

}  // namespace testing
}  // namespace gouji

#endif  // GOUJI_TESTS_READ_ZIP_BUILDER_H_
