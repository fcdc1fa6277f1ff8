#include "gouji/stages.h"

#include <chrono>

namespace gouji {
namespace {

thread_local StageTimes* installed = nullptr;
thread_local StageTimer* innermost = nullptr;

long long NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void SetStageTimes(StageTimes* times) { installed = times; }

const char* StageName(int stage) {
  static const char* const kNames[kStageCount] = {"read",   "decode", "normalise", "unfold", "outline",
                                                  "tables", "rules",  "prose",     "json"};
  return stage >= 0 && stage < kStageCount ? kNames[stage] : "?";
}

StageTimer::StageTimer(Stage stage) : stage_(stage), outer_(innermost) {
  if (installed == nullptr) return;
  innermost = this;
  start_ns_ = NowNs();
}

StageTimer::~StageTimer() {
  if (installed == nullptr || innermost != this) return;
  const long long spent = NowNs() - start_ns_;
  installed->seconds[stage_] += static_cast<double>(spent - inner_ns_) / 1e9;
  if (outer_ != nullptr) outer_->inner_ns_ += spent;
  innermost = outer_;
}

}  // namespace gouji
