// A progress bar on standard error while a batch runs, only when standard error is a terminal
// (never in a log or a pipe): "检查 120/1000 [######              ] 12%". Redrawn at most ten
// times a second; Clear() before anything else is written to standard error.
#ifndef GOUJI_CLI_PROGRESS_H_
#define GOUJI_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>

namespace gouji::cli {

class Progress {
 public:
  Progress(size_t total, bool zh);
  ~Progress();  // clears the bar
  void Done(size_t done);  // `done` of the total are finished
  void Clear();

 private:
  size_t total_;
  bool zh_;
  bool shown_ = false;
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace gouji::cli

#endif  // GOUJI_CLI_PROGRESS_H_
