#include "read/zip.h"

#include <algorithm>
#include <cstring>

#include <unzip.h>

#include "read/refusals.h"

namespace gouji {
namespace {

Status Damaged(const std::string& detail) { return DamagedFile("压缩包", "zip package", detail); }

// The archive's bytes as minizip's "file" (ioapi callbacks). All positions are 64-bit
// (ZPOS64_T) and checked against the size before any pointer is formed from them.
struct MemoryFile {
  std::string_view bytes;
  uint64_t position = 0;
};

voidpf ZCALLBACK OpenMemory(voidpf opaque, const void* /*name*/, int mode) {
  if (mode & ZLIB_FILEFUNC_MODE_WRITE) return nullptr;
  static_cast<MemoryFile*>(opaque)->position = 0;
  return opaque;
}

uLong ZCALLBACK ReadMemory(voidpf /*opaque*/, voidpf stream, void* buffer, uLong size) {
  auto* file = static_cast<MemoryFile*>(stream);
  if (file->position >= file->bytes.size()) return 0;
  const uint64_t n = std::min<uint64_t>(size, file->bytes.size() - file->position);
  std::memcpy(buffer, file->bytes.data() + file->position, static_cast<size_t>(n));
  file->position += n;
  return static_cast<uLong>(n);
}

uLong ZCALLBACK WriteMemory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK TellMemory(voidpf /*opaque*/, voidpf stream) { return static_cast<MemoryFile*>(stream)->position; }

long ZCALLBACK SeekMemory(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* file = static_cast<MemoryFile*>(stream);
  const uint64_t size = file->bytes.size();
  uint64_t base;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = file->position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = size; break;
    default: return -1;
  }
  // Not past the end (a file could be; these bytes cannot): written so that nothing overflows.
  if (base > size || offset > size - base) return -1;
  file->position = base + offset;
  return 0;
}

int ZCALLBACK CloseMemory(voidpf, voidpf) { return 0; }
int ZCALLBACK ErrorMemory(voidpf, voidpf) { return 0; }

}  // namespace

struct ZipArchive::State {
  MemoryFile file;
  unzFile handle = nullptr;
  std::vector<unz64_file_pos> places;  // places[i]: where names_[i] is in the directory
  ~State() {
    if (handle) unzClose(handle);
  }
};

ZipArchive::ZipArchive(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::Open(std::string_view bytes) {
  auto state = std::make_unique<State>();
  state->file.bytes = bytes;
  zlib_filefunc64_def io{};
  io.zopen64_file = OpenMemory;
  io.zread_file = ReadMemory;
  io.zwrite_file = WriteMemory;
  io.ztell64_file = TellMemory;
  io.zseek64_file = SeekMemory;
  io.zclose_file = CloseMemory;
  io.zerror_file = ErrorMemory;
  io.opaque = &state->file;
  state->handle = unzOpen2_64("", &io);
  if (!state->handle) return Damaged("no readable zip directory");

  ZipArchive zip(nullptr);
  unz_global_info64 global;
  if (unzGetGlobalInfo64(state->handle, &global) != UNZ_OK) return Damaged("no readable zip directory");
  std::string name;
  // An empty directory has no first entry for unzGoToFirstFile to read.
  for (int err = global.number_entry == 0 ? UNZ_END_OF_LIST_OF_FILE : unzGoToFirstFile(state->handle); err != UNZ_END_OF_LIST_OF_FILE; err = unzGoToNextFile(state->handle)) {
    unz_file_info64 info;
    if (err != UNZ_OK || unzGetCurrentFileInfo64(state->handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      return Damaged("bad zip directory entry");
    }
    name.assign(info.size_filename + 1, '\0');  // room for minizip's terminating NUL
    unz64_file_pos place;
    if (unzGetCurrentFileInfo64(state->handle, &info, name.data(), static_cast<uLong>(name.size()), nullptr, 0,
                                nullptr, 0) != UNZ_OK ||
        unzGetFilePos64(state->handle, &place) != UNZ_OK) {
      return Damaged("bad zip directory entry");
    }
    name.pop_back();
    zip.names_.push_back(name);
    state->places.push_back(place);
  }
  zip.state_ = std::move(state);
  return zip;
}

bool ZipArchive::Has(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

Result<std::string> ZipArchive::Read(std::string_view name, size_t max_size) const {
  const auto it = std::find(names_.begin(), names_.end(), name);
  if (it == names_.end()) return Damaged(std::string(name) + " is missing");
  return ReadAt(static_cast<size_t>(it - names_.begin()), max_size);
}

Result<std::string> ZipArchive::ReadAt(size_t index, size_t max_size) const {
  if (index >= names_.size()) return Damaged("entry " + std::to_string(index) + " is missing");
  const std::string& what = names_[index];
  unzFile handle = state_->handle;
  unz_file_info64 info;
  if (unzGoToFilePos64(handle, &state_->places[index]) != UNZ_OK ||
      unzGetCurrentFileInfo64(handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
    return Damaged(what + ": bad zip directory entry");
  }
  if (info.flag & 1) {
    return Status(StatusCode::kUnsupportedFormat, "这个文件设置了密码（已加密），无法读取。请取消密码后另存，再检查。",
                  "This file is password-protected (encrypted) and cannot be read. Remove the password, "
                  "save it again and check that copy.");
  }
  if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
    return Damaged(what + ": compression method " + std::to_string(info.compression_method) + " is not supported");
  }
  if (unzOpenCurrentFile(handle) != UNZ_OK) return Damaged(what + ": bad local header");

  // Read in chunks, counting: at most max_size bytes are ever kept, whatever the header says.
  std::string out;
  std::string chunk(64 * 1024, '\0');
  int got;
  while ((got = unzReadCurrentFile(handle, chunk.data(), static_cast<unsigned>(chunk.size()))) > 0) {
    if (static_cast<size_t>(got) > max_size - out.size()) {
      unzCloseCurrentFile(handle);
      return Damaged(what + " is too large once unpacked");
    }
    out.append(chunk, 0, static_cast<size_t>(got));
  }
  // The CRC is compared when all the declared bytes were read (UNZ_CRCERROR otherwise).
  const int closed = unzCloseCurrentFile(handle);
  switch (got) {
    case UNZ_EOF: break;
    case Z_DATA_ERROR: return Damaged(what + ": bad compressed data");
    case Z_MEM_ERROR: return Damaged(what + ": out of memory while unpacking");
    default: return Damaged(what + " is cut short");  // UNZ_ERRNO (past the end), Z_BUF_ERROR (stream ends)
  }
  if (closed != UNZ_OK || out.size() != info.uncompressed_size) return Damaged(what + ": checksum mismatch");
  return out;
}

}  // namespace gouji
