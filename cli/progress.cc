#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace gouji::cli {

Progress::Progress(size_t total, bool zh) : total_(total), zh_(zh), enabled_(total > 1 && isatty(STDERR_FILENO)) {}

Progress::~Progress() { Clear(); }

void Progress::Done(size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total_ && shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done / total_);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), ' ');
  std::fprintf(stderr, "\r%s %zu/%zu [%s] %3d%%", zh_ ? "检查" : "checking", done, total_, bar.c_str(),
               static_cast<int>(100 * done / total_));
  std::fflush(stderr);
  shown_ = true;
}

void Progress::Clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace gouji::cli
