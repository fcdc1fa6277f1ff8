// Zip packages as the core opens them with minizip and zlib: a .docx's package (ZipArchive, every
// entry read with a bound) and a .zip of reports (ReportArchive, every file read as a batch does).
// Whatever the headers claim, no read may return more than its bound, and a refusal says why.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz.h"
#include "gouji/archive.h"
#include "read/decode.h"
#include "read/zip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gouji;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr size_t kBound = 1 << 20;
  if (Result<ZipArchive> zip = ZipArchive::Open(bytes); zip.ok()) {
    for (size_t i = 0; i < zip.value().Names().size(); ++i) {
      const Result<std::string> entry = zip.value().ReadAt(i, kBound);
      if (entry.ok()) fuzz::Expect(entry.value().size() <= kBound, "an entry is read within its bound");
      else fuzz::ExpectStatus(entry.status());
    }
    zip.value().Read("word/document.xml", kBound);
  } else {
    fuzz::ExpectStatus(zip.status());
  }
  if (Result<ReportArchive> archive = ReportArchive::Open(bytes); archive.ok()) {
    for (const ArchiveEntry& entry : archive.value().entries()) {
      const Result<std::string> file = archive.value().Read(entry);
      if (file.ok()) fuzz::Expect(file.value().size() <= kMaxInputBytes, "a file is read within kMaxInputBytes");
      else fuzz::ExpectStatus(file.status());
    }
  } else {
    fuzz::ExpectStatus(archive.status());
  }
  return 0;
}
