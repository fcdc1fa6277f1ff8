// A .zip of reports, as reviewers receive a county's reports: its files, one at a time, for a
// batch (the CLI's `gouji check reports.zip`, the page's drop of a .zip).
//
//   gouji::Result<gouji::ReportArchive> zip = gouji::ReportArchive::Open(bytes);
//   if (zip.ok()) {  // else the bytes are one file: gouji::Check() reads or names them
//     for (const gouji::ArchiveEntry& e : zip.value().entries()) {
//       gouji::Result<std::string> file = zip.value().Read(e);  // then gouji::Check(file.value())
//     }
//   }
//
// A .docx, .xlsx, .odt or other package is a zip too, but one document: it is not an archive of
// reports (Check() reads or names it). What a hostile archive cannot do (zip.h): take memory (each
// file is read on its own, at most kMaxInputBytes once inflated), be read wrong (CRC and sizes are
// checked), or nest (a zip inside it is one more file, which Check() names as a zip, never opened).
#ifndef GOUJI_ARCHIVE_H_
#define GOUJI_ARCHIVE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gouji/status.h"

namespace gouji {

// Whether `bytes` are a zip whose files are to be checked one by one: a zip that is no
// Office/OpenDocument/OFD package.
bool IsReportArchive(std::string_view bytes);

struct ArchiveEntry {
  std::string name;  // its path inside the archive, as UTF-8 (a name in GBK, as Windows writes
                     // them, is decoded)
  size_t index = 0;  // its place in the archive, for Read
};

class ReportArchive {
 public:
  // kDamagedFile if the bytes are no readable zip, kUnsupportedFormat if they are a document
  // package (IsReportArchive is false). `bytes` must outlive the archive.
  static Result<ReportArchive> Open(std::string_view bytes);

  // The files, in the archive's order: not its folders, nor what archivers add beside the files
  // (__MACOSX/, names starting with '.').
  const std::vector<ArchiveEntry>& entries() const { return entries_; }
  // One file's bytes: kDamagedFile if it cannot be unpacked or is larger than Check() reads,
  // kUnsupportedFormat (saying so) if it is encrypted.
  Result<std::string> Read(const ArchiveEntry& entry) const;

  ReportArchive(ReportArchive&&) noexcept;
  ReportArchive& operator=(ReportArchive&&) noexcept;
  ~ReportArchive();

 private:
  struct State;
  explicit ReportArchive(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
  std::vector<ArchiveEntry> entries_;
};

}  // namespace gouji

#endif  // GOUJI_ARCHIVE_H_
