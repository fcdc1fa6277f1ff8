// What the command line names, as the list of files to check: a file as given, a folder as every
// file under it (recursively, in path order, hidden ones left out), a .zip of reports as every
// file in it (archive.h). The list is made once, before any check, so that the output's order is
// the same whatever the number of threads.
#ifndef GOUJI_CLI_INPUTS_H_
#define GOUJI_CLI_INPUTS_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "gouji/archive.h"
#include "gouji/status.h"

namespace gouji::cli {

// A .zip of reports, read by one thread at a time (zip.h). Listed once when the inputs are made,
// then let go of: its bytes are read again when the first of its files is checked and kept until
// the last is, so that a folder of large zips is not all in memory at once.
struct OpenArchive {
  std::string path;
  std::vector<std::string> names;  // its files, as listed
  std::string bytes;               // while it is open
  std::optional<ReportArchive> zip;
  std::mutex mutex;
};

struct Input {
  std::string name;  // as the output names it: "a.txt", "dir/sub/b.docx", "c.zip/d.pdf", "(stdin)"
  std::string path;  // the file to read, "-" for standard input; empty for a file in an archive
  std::shared_ptr<OpenArchive> archive;  // the archive the file is in, or null
  size_t entry = 0;                      // its place in archive->zip->entries()
  // Found in a folder or an archive rather than named: a file that is no report's format (an
  // image, a RAR) is then passed over and listed, not checked.
  bool found = false;
  bool unreadable_folder = false;  // a folder under one named that could not be listed
};

// Whether two paths name one file ("dir/a.txt" and "./dir/a.txt"); "-" only itself.
bool SamePath(const std::string& a, const std::string& b);

// A file's bytes, or standard input's for "-"; false if it cannot be read.
bool ReadPath(const std::string& path, std::string* bytes);

// Every file the arguments name, in order, each once. A path that cannot be read stays in the
// list, so that its check says so; an archive that cannot be opened, or holds no file, is kept as
// one file, which Check() refuses with its reason.
std::vector<Input> ExpandInputs(const std::vector<std::string>& paths);

// The input's bytes: the file's, or the archive entry's (then the archive is let go of once its
// last entry is read: `input` is changed).
Result<std::string> ReadInput(Input* input);

}  // namespace gouji::cli

#endif  // GOUJI_CLI_INPUTS_H_
