#include "read/zip.h"

#include <algorithm>

#include "read/inflate.h"
#include "read/refusals.h"

namespace gouji {
namespace {

uint32_t Le(std::string_view b, size_t at, int n) {
  uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

Status Damaged(const std::string& detail) { return DamagedFile("压缩包", "zip package", detail); }

}  // namespace

Result<ZipArchive> ZipArchive::Open(std::string_view bytes) {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65535.
  constexpr size_t kEocdSize = 22;
  if (bytes.size() < kEocdSize) return Damaged("too short for a zip");
  size_t eocd = std::string_view::npos;
  const size_t lowest = bytes.size() > kEocdSize + 65535 ? bytes.size() - kEocdSize - 65535 : 0;
  for (size_t at = bytes.size() - kEocdSize + 1; at-- > lowest;) {
    if (bytes.compare(at, 4, "PK\x05\x06") == 0) {
      eocd = at;
      break;
    }
  }
  if (eocd == std::string_view::npos) return Damaged("no zip directory");
  const uint32_t count = Le(bytes, eocd + 10, 2);
  const uint64_t dir_size = Le(bytes, eocd + 12, 4), dir_offset = Le(bytes, eocd + 16, 4);
  if (dir_offset == 0xFFFFFFFFu || count == 0xFFFF) return Damaged("zip64 is not supported");
  if (dir_offset + dir_size > eocd) return Damaged("the zip directory lies outside the file");

  ZipArchive zip;
  zip.bytes_ = bytes;
  size_t at = dir_offset;
  for (uint32_t i = 0; i < count; ++i) {
    if (at + 46 > eocd || bytes.compare(at, 4, "PK\x01\x02") != 0) return Damaged("bad zip directory entry");
    Entry e;
    e.flags = static_cast<uint16_t>(Le(bytes, at + 8, 2));
    e.method = static_cast<uint16_t>(Le(bytes, at + 10, 2));
    e.crc = Le(bytes, at + 16, 4);
    e.compressed_size = Le(bytes, at + 20, 4);
    e.size = Le(bytes, at + 24, 4);
    const size_t name_len = Le(bytes, at + 28, 2), extra_len = Le(bytes, at + 30, 2),
                 comment_len = Le(bytes, at + 32, 2);
    e.local_header = Le(bytes, at + 42, 4);
    if (at + 46 + name_len > eocd) return Damaged("bad zip directory entry");
    e.name = std::string(bytes.substr(at + 46, name_len));
    zip.entries_.push_back(std::move(e));
    at += 46 + name_len + extra_len + comment_len;
  }
  return zip;
}

bool ZipArchive::Has(std::string_view name) const {
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
}

std::vector<std::string> ZipArchive::Names() const {
  std::vector<std::string> names;
  for (const Entry& e : entries_) names.push_back(e.name);
  return names;
}

Result<std::string> ZipArchive::Read(std::string_view name, size_t max_size) const {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
  if (it == entries_.end()) return Damaged(std::string(name) + " is missing");
  const Entry& e = *it;
  const std::string what(name);
  if (e.flags & 1) {
    return Status(StatusCode::kUnsupportedFormat, "这个文件设置了密码（已加密），无法读取。请取消密码后另存，再检查。",
                  "This file is password-protected (encrypted) and cannot be read. Remove the password, "
                  "save it again and check that copy.");
  }
  // In 64 bits: where size_t has 32 (WebAssembly), an offset near 4 GiB plus 30 would wrap to a small one.
  const uint64_t h = e.local_header;
  if (h + 30 > bytes_.size() || bytes_.compare(h, 4, "PK\x03\x04") != 0) return Damaged(what + ": bad local header");
  const uint64_t data = h + 30 + Le(bytes_, h + 26, 2) + Le(bytes_, h + 28, 2);
  if (data > bytes_.size() || bytes_.size() - data < e.compressed_size) return Damaged(what + " is cut short");
  const std::string_view stored = bytes_.substr(data, e.compressed_size);
  std::string out;
  if (e.method == 0) {
    if (stored.size() > max_size) return Damaged(what + " is too large");
    out.assign(stored);
  } else if (e.method == 8) {
    switch (Inflate(stored, max_size, &out)) {
      case InflateError::kNone: break;
      case InflateError::kTooLarge: return Damaged(what + " is too large once unpacked");
      case InflateError::kTruncated: return Damaged(what + " is cut short");
      case InflateError::kBadData: return Damaged(what + ": bad compressed data");
    }
  } else {
    return Damaged(what + ": compression method " + std::to_string(e.method) + " is not supported");
  }
  if (out.size() != e.size || Crc32(out) != e.crc) return Damaged(what + ": checksum mismatch");
  return out;
}

}  // namespace gouji
