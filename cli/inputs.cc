#include "inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace gouji::cli {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool ReadPath(const std::string& path, std::string* bytes) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    *bytes = buffer.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

namespace {

// Whether the file starts as a zip does: only those are read whole here, to look inside.
bool StartsAsZip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, 4) && std::string_view(magic, 4) == "PK\x03\x04";
}

bool Hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// A file, or a .zip of reports as its files.
void AddFile(const std::string& path, const std::string& name, bool found, std::vector<Input>* out) {
  if (path != "-" && StartsAsZip(path)) {
    auto archive = std::make_shared<OpenArchive>();
    if (ReadPath(path, &archive->bytes) && IsReportArchive(archive->bytes)) {
      Result<ReportArchive> zip = ReportArchive::Open(archive->bytes);
      if (zip.ok()) {
        archive->zip.emplace(std::move(zip).value());
        const std::vector<ArchiveEntry>& entries = archive->zip->entries();
        for (size_t i = 0; i < entries.size(); ++i) {
          out->push_back(Input{name + "/" + entries[i].name, "", archive, i, true});
        }
        return;
      }
    }
  }
  out->push_back(Input{name, path, nullptr, 0, found});
}

// Every regular file under `root`, by path (byte order, so the same on every machine), leaving
// out hidden files and folders (.git, .DS_Store).
void AddFolder(const fs::path& root, std::vector<Input>* out) {
  std::vector<std::string> files;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (Hidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error)) files.push_back(it->path().generic_string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) AddFile(file, file, true, out);
}

}  // namespace

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<Input> out;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
      AddFolder(path, &out);
    } else {
      AddFile(path, path == "-" ? "(stdin)" : path, false, &out);
    }
  }
  return out;
}

Result<std::string> ReadInput(Input* input) {
  if (input->archive) {
    std::shared_ptr<OpenArchive> archive = std::move(input->archive);
    std::lock_guard<std::mutex> lock(archive->mutex);
    return archive->zip->Read(archive->zip->entries()[input->entry]);
  }
  std::string bytes;
  if (!ReadPath(input->path, &bytes)) {
    return Status(StatusCode::kUnreadable, "无法读取文件：" + input->name, "Cannot read the file: " + input->name);
  }
  return bytes;
}

}  // namespace gouji::cli
