// Reading one file out of a zip package (a .docx is one): the central directory, stored and
// deflated entries, CRC-checked. Nothing is extracted to disk; the archive stays in memory.
#ifndef GOUJI_READ_ZIP_H_
#define GOUJI_READ_ZIP_H_

#include <string>
#include <string_view>
#include <vector>

#include "gouji/status.h"

namespace gouji {

class ZipArchive {
 public:
  // Reads the directory; kDamagedFile if it is not a readable zip.
  static Result<ZipArchive> Open(std::string_view bytes);

  bool Has(std::string_view name) const;
  std::vector<std::string> Names() const;
  // The entry's content, at most max_size bytes once inflated; kDamagedFile if it cannot be read.
  Result<std::string> Read(std::string_view name, size_t max_size) const;

 private:
  struct Entry {
    std::string name;
    uint16_t flags = 0;
    uint16_t method = 0;
    uint32_t crc = 0;
    uint64_t compressed_size = 0;
    uint64_t size = 0;
    uint64_t local_header = 0;
  };
  std::string_view bytes_;
  std::vector<Entry> entries_;
};


}  // namespace gouji

#endif  // GOUJI_READ_ZIP_H_
