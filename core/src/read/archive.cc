#include "gouji/archive.h"

#include "base/unicode.h"
#include "read/decode.h"
#include "read/zip.h"

namespace gouji {
namespace {

// A package's own part: the zip is one document, not a folder of files.
constexpr std::string_view kPackageParts[] = {"[Content_Types].xml", "mimetype", "META-INF/manifest.xml",
                                              "OFD.xml"};

bool IsPackage(const ZipArchive& zip) {
  for (std::string_view part : kPackageParts) {
    if (zip.Has(part)) return true;
  }
  return false;
}

// What archivers add beside the files: macOS's resource forks, hidden files, folders.
bool IsFile(std::string_view name) {
  if (name.empty() || name.back() == '/' || name.back() == '\\') return false;
  if (name.substr(0, 9) == "__MACOSX/") return false;
  const size_t slash = name.find_last_of("/\\");
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return !base.empty() && base[0] != '.';
}

// Windows' archivers write names in the system's code page (GBK in China) without zip's UTF-8
// flag: decoded as a text is (UTF-8 first, then GB18030), or kept as bytes if neither reads.
std::string DisplayName(const std::string& raw) {
  Result<DecodedText> text = Decode(raw, Encoding::kAuto);
  if (!text.ok() || text.value().malformed > 0) return raw;
  return ToUtf8(text.value().text);
}

}  // namespace

struct ReportArchive::State {
  ZipArchive zip;
};

bool IsReportArchive(std::string_view bytes) {
  if (bytes.substr(0, 4) != "PK\x03\x04") return false;
  Result<ZipArchive> zip = ZipArchive::Open(bytes);
  return zip.ok() && !IsPackage(zip.value());
}

ReportArchive::ReportArchive(std::unique_ptr<State> state) : state_(std::move(state)) {}
ReportArchive::ReportArchive(ReportArchive&&) noexcept = default;
ReportArchive& ReportArchive::operator=(ReportArchive&&) noexcept = default;
ReportArchive::~ReportArchive() = default;

Result<ReportArchive> ReportArchive::Open(std::string_view bytes) {
  Result<ZipArchive> zip = ZipArchive::Open(bytes);
  if (!zip.ok()) return zip.status();
  if (IsPackage(zip.value())) {
    return Status(StatusCode::kUnsupportedFormat, "这是一份文档（Word、Excel、OpenDocument 或 OFD），不是报告的压缩包",
                  "This is one document (Word, Excel, OpenDocument or OFD), not an archive of reports");
  }
  ReportArchive archive(std::make_unique<State>(State{std::move(zip).value()}));
  const std::vector<std::string>& names = archive.state_->zip.Names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (IsFile(names[i])) archive.entries_.push_back(ArchiveEntry{DisplayName(names[i]), i});
  }
  return archive;
}

Result<std::string> ReportArchive::Read(const ArchiveEntry& entry) const {
  return state_->zip.ReadAt(entry.index, kMaxInputBytes);
}

}  // namespace gouji
