#include "inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <set>
#include <system_error>

#include <sys/stat.h>

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
    archive->path = path;
    std::string bytes;
    if (ReadPath(path, &bytes)) {
      Result<ReportArchive> zip = ReportArchive::Open(bytes);
      if (zip.ok() && !zip.value().entries().empty()) {  // an empty one is one file, refused as a zip
        const std::vector<ArchiveEntry>& entries = zip.value().entries();
        for (size_t i = 0; i < entries.size(); ++i) {
          archive->names.push_back(entries[i].name);
          out->push_back(Input{name + "/" + entries[i].name, "", archive, i, true});
        }
        return;
      }
    }
  }
  out->push_back(Input{name, path, nullptr, 0, found});
}

// Every regular file under `dir` (a folder that cannot be read goes to `unreadable`), leaving out
// hidden files and folders (.git, .DS_Store) and not following links to folders (a link loop would
// never end).
void Walk(const fs::path& dir, std::vector<std::string>* files, std::vector<std::string>* unreadable) {
  std::error_code error;
  fs::directory_iterator it(dir, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (Hidden(it->path())) continue;
    std::error_code kind;
    if (it->is_symlink(kind) && it->is_directory(kind)) continue;
    if (it->is_directory(kind)) {
      Walk(it->path(), files, unreadable);
    } else if (it->is_regular_file(kind)) {
      files->push_back(it->path().generic_string());
    }
  }
  if (error) unreadable->push_back(dir.generic_string());
}

// A folder's files by path (byte order, so the same on every machine); a folder that cannot be
// read is one input, which says so.
void AddFolder(const fs::path& root, std::vector<Input>* out) {
  std::vector<std::string> files, unreadable;
  Walk(root, &files, &unreadable);
  std::vector<std::pair<std::string, bool>> all;  // path, readable
  for (std::string& f : files) all.emplace_back(std::move(f), true);
  for (std::string& f : unreadable) all.emplace_back(std::move(f), false);
  std::sort(all.begin(), all.end());
  for (const auto& [path, readable] : all) {
    if (readable) {
      AddFile(path, path, true, out);
    } else {
      Input folder{path, path, nullptr, 0, false};
      folder.unreadable_folder = true;
      out->push_back(std::move(folder));
    }
  }
}

}  // namespace

bool SamePath(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a == "-" || b == "-") return false;
  std::error_code error;
  return fs::equivalent(a, b, error);
}

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
  // A file named twice (itself and in its folder, `--whole dir/all.txt dir`) is checked once, where
  // it first comes. Told by the file itself (device and inode), not by how it was written.
  std::vector<Input> unique;
  std::set<std::pair<uintmax_t, uintmax_t>> seen;
  for (Input& input : out) {
    struct stat st;
    if (!input.archive && input.path != "-" && ::stat(input.path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        !seen.insert({static_cast<uintmax_t>(st.st_dev), static_cast<uintmax_t>(st.st_ino)}).second) {
      continue;
    }
    unique.push_back(std::move(input));
  }
  return unique;
}

Result<std::string> ReadInput(Input* input) {
  if (input->archive) {
    std::shared_ptr<OpenArchive> archive = std::move(input->archive);
    std::lock_guard<std::mutex> lock(archive->mutex);
    if (!archive->zip) {
      std::optional<Result<ReportArchive>> zip;
      if (ReadPath(archive->path, &archive->bytes)) zip.emplace(ReportArchive::Open(archive->bytes));
      if (zip && zip->ok()) archive->zip.emplace(std::move(*zip).value());
    }
    // Read again, it must still be the archive that was listed.
    const bool same = archive->zip && input->entry < archive->zip->entries().size() &&
                      archive->zip->entries()[input->entry].name == archive->names[input->entry];
    if (!same) {
      return Status(StatusCode::kUnreadable, "压缩包在检查期间无法再读取或已改变：" + archive->path,
                    "The archive could no longer be read, or changed, while it was checked: " + archive->path);
    }
    return archive->zip->Read(archive->zip->entries()[input->entry]);
  }
  std::string bytes;
  if (input->unreadable_folder) {
    return Status(StatusCode::kUnreadable, "无法读取文件夹：" + input->name, "Cannot read the folder: " + input->name);
  }
  if (!ReadPath(input->path, &bytes)) {
    return Status(StatusCode::kUnreadable, "无法读取文件：" + input->name, "Cannot read the file: " + input->name);
  }
  return bytes;
}

}  // namespace gouji::cli
