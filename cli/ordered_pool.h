// Runs work(0) … work(count − 1) on `threads` threads and hands each result to emit() on the
// calling thread, in index order, as soon as it and all before it are done: the output is the
// same whatever the number of threads. At most `window` results wait to be emitted, so that a
// batch of a hundred thousand holds a few in memory, not all.
#ifndef GOUJI_CLI_ORDERED_POOL_H_
#define GOUJI_CLI_ORDERED_POOL_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace gouji::cli {

template <typename Work, typename Emit>
void RunOrdered(size_t count, unsigned threads, Work work, Emit emit) {
  using Outcome = decltype(work(size_t{0}));
  if (threads <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) emit(i, work(i));
    return;
  }
  const size_t window = 4 * static_cast<size_t>(threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::optional<Outcome>> waiting;  // waiting[k]: the result of index emitted + k
  size_t next = 0, emitted = 0;

  auto worker = [&] {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return next >= count || next < emitted + window; });
      if (next >= count) return;
      const size_t i = next++;
      lock.unlock();
      Outcome outcome = work(i);
      lock.lock();
      const size_t k = i - emitted;
      if (waiting.size() <= k) waiting.resize(k + 1);
      waiting[k] = std::move(outcome);
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  const unsigned n = static_cast<unsigned>(std::min<size_t>(threads, count));
  for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < count; ++i) {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return !waiting.empty() && waiting.front().has_value(); });
    Outcome outcome = std::move(*waiting.front());
    waiting.pop_front();
    ++emitted;
    changed.notify_all();
    lock.unlock();
    emit(i, std::move(outcome));
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace gouji::cli

#endif  // GOUJI_CLI_ORDERED_POOL_H_
