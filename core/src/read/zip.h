// Reading one file out of a zip package (a .docx is one), in memory, with minizip's unzip and
// zlib's inflate (compiled from Debian's source into both builds; see CMakeLists.txt).
//
// What a hostile package cannot do here:
//   - take memory: an entry is read at most max_size bytes once inflated, counted while inflating
//     (the sizes a header declares are not believed; minizip also stops at the declared size, and
//     the CRC then refuses a header that said less than the data holds);
//   - be read wrong: the CRC-32 and the size of every entry read are checked;
//   - reach outside the bytes: minizip's offsets are 64-bit and every seek is checked against the
//     size in 64 bits, also where size_t has 32 (WebAssembly);
//   - be decrypted: an encrypted entry gets kUnsupportedFormat asking for the password to be removed.
// Everything else wrong is kDamagedFile (refusals.h) with what exactly is wrong.
#ifndef GOUJI_READ_ZIP_H_
#define GOUJI_READ_ZIP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gouji/status.h"

namespace gouji {

class ZipArchive {
 public:
  // Reads the central directory; kDamagedFile if it is not a readable zip. `bytes` must outlive
  // the archive (it is read in place, never copied).
  static Result<ZipArchive> Open(std::string_view bytes);

  bool Has(std::string_view name) const;
  // The entries' names, in the directory's order.
  const std::vector<std::string>& Names() const { return names_; }
  // The entry's content, at most max_size bytes once inflated. Reads move minizip's cursor: one
  // archive is not to be read from two threads at once.
  Result<std::string> Read(std::string_view name, size_t max_size) const;
  // The same for Names()[index], without looking the name up (a batch's archive has thousands).
  Result<std::string> ReadAt(size_t index, size_t max_size) const;

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

 private:
  struct State;  // the bytes, minizip's handle and each entry's place in the directory
  explicit ZipArchive(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
  std::vector<std::string> names_;
};

}  // namespace gouji

#endif  // GOUJI_READ_ZIP_H_
