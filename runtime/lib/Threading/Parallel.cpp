//===- Parallel.cpp - Thread pool, parallelFor and the thread count -------===//
//
// One process-wide pool of numThreads() - 1 workers, created on the first
// parallelFor that needs it and rebuilt when the count changes. A
// parallelFor publishes a job (the range split into fixed chunks), wakes
// the workers, runs chunks itself and waits until every chunk has finished
// and no worker still holds the job. Chunks are claimed dynamically, but
// their bounds are fixed, so which thread runs a chunk never changes a
// result. One parallelFor uses the pool at a time; a second one started
// concurrently from another thread runs inline instead.
//
//===----------------------------------------------------------------------===//

#include "Threading/Parallel.h"

#include "janus/janus.h"

#include <atomic>
#include <cblas.h>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace janus::rt {

namespace {

std::atomic<int> NumThreads{1};
thread_local bool InParallel = false;

struct Job {
  int64_t Begin, Range, Chunks;
  detail::RangeFn Fn;
  std::atomic<int64_t> Next{0};
  std::vector<std::exception_ptr> Errors;

  void runChunks() {
    bool Saved = InParallel;
    InParallel = true;
    for (int64_t I; (I = Next.fetch_add(1)) < Chunks;) {
      int64_t B = Begin + Range * I / Chunks;
      int64_t E = Begin + Range * (I + 1) / Chunks;
      try {
        Fn(B, E);
      } catch (...) {
        Errors[I] = std::current_exception();
      }
    }
    InParallel = Saved;
  }
};

class ThreadPool {
public:
  ~ThreadPool() { resize(0); }

  size_t workers() const { return Workers.size(); }

  // Joins the current workers and starts N new ones.
  void resize(size_t N) {
    {
      std::lock_guard<std::mutex> L(M);
      Stop = true;
    }
    WorkCv.notify_all();
    for (std::thread &T : Workers)
      T.join();
    Workers.clear();
    Stop = false;
    for (size_t I = 0; I < N; ++I)
      Workers.emplace_back([this] { workerLoop(); });
  }

  // Runs every chunk of J on the workers and the calling thread.
  void run(Job &J) {
    {
      std::lock_guard<std::mutex> L(M);
      Current = &J;
      ++Generation;
    }
    WorkCv.notify_all();
    J.runChunks();
    std::unique_lock<std::mutex> L(M);
    Current = nullptr; // Late wakers find no job.
    DoneCv.wait(L, [&] { return Active == 0; });
  }

private:
  void workerLoop() {
    uint64_t Seen = 0;
    std::unique_lock<std::mutex> L(M);
    Seen = Generation;
    for (;;) {
      WorkCv.wait(L, [&] { return Stop || Generation != Seen; });
      if (Stop)
        return;
      Seen = Generation;
      Job *J = Current;
      if (!J)
        continue;
      ++Active;
      L.unlock();
      J->runChunks();
      L.lock();
      if (--Active == 0)
        DoneCv.notify_all();
    }
  }

  std::vector<std::thread> Workers;
  std::mutex M;
  std::condition_variable WorkCv, DoneCv;
  uint64_t Generation = 0;
  bool Stop = false;
  Job *Current = nullptr;
  int Active = 0; // Workers holding Current.
};

// Held by the parallelFor that uses the pool, and by setNumThreads.
std::mutex &regionMutex() {
  static std::mutex Mu;
  return Mu;
}

ThreadPool &pool() {
  static ThreadPool P;
  return P;
}

int parseThreadCount(const char *S) {
  if (!S || !*S)
    return 1;
  char *End = nullptr;
  long V = std::strtol(S, &End, 10);
  if (*End != '\0' || V < 1 || V > 1024)
    return 1;
  return static_cast<int>(V);
}

// Set at load time as well, so OpenBLAS is at the runtime's count before
// anything else in the process can call it through us.
struct InitAtLoad {
  InitAtLoad() { initThreading(); }
} const TheInitAtLoad;

} // namespace

void initThreading() {
  static const bool Done = [] {
    int N = parseThreadCount(std::getenv("JANUS_NUM_THREADS"));
    NumThreads.store(N);
    openblas_set_num_threads(N);
    return true;
  }();
  (void)Done;
}

int numThreads() {
  initThreading();
  return NumThreads.load(std::memory_order_relaxed);
}

void setNumThreads(int N) {
  initThreading();
  if (N < 1)
    N = 1;
  std::lock_guard<std::mutex> L(regionMutex());
  NumThreads.store(N);
  openblas_set_num_threads(N);
  // Shrink at once (threads no longer wanted go away); grow lazily.
  if (pool().workers() > size_t(N - 1))
    pool().resize(size_t(N - 1));
}

bool inParallelRegion() { return InParallel; }

namespace detail {

int64_t chunkCount(int64_t Range, int64_t Grain, int Threads) {
  if (Range <= 0)
    return 0;
  Grain = Grain < 1 ? 1 : Grain;
  int64_t ByGrain = (Range + Grain - 1) / Grain;
  return ByGrain < Threads ? ByGrain : Threads;
}

void parallelForImpl(int64_t Begin, int64_t End, int64_t Grain, RangeFn Fn) {
  int Threads = numThreads();
  int64_t Chunks = chunkCount(End - Begin, Grain, Threads);
  if (Chunks <= 1 || InParallel) {
    Fn(Begin, End);
    return;
  }
  std::unique_lock<std::mutex> Region(regionMutex(), std::try_to_lock);
  if (!Region.owns_lock()) { // Another thread's parallelFor has the pool.
    Fn(Begin, End);
    return;
  }
  ThreadPool &P = pool();
  if (P.workers() != size_t(Threads - 1))
    P.resize(size_t(Threads - 1));
  Job J;
  J.Begin = Begin;
  J.Range = End - Begin;
  J.Chunks = Chunks;
  J.Fn = Fn;
  J.Errors.resize(Chunks);
  P.run(J);
  for (std::exception_ptr &E : J.Errors)
    if (E)
      std::rethrow_exception(E);
}

} // namespace detail

} // namespace janus::rt

extern "C" janus_status_t janus_set_num_threads(int num_threads) {
  if (num_threads < 1)
    return janus_status_new(
        JANUS_STATUS_VALUE_ERROR,
        ("set_num_threads expects a positive integer, got " +
         std::to_string(num_threads))
            .c_str());
  janus::rt::setNumThreads(num_threads);
  return nullptr;
}

extern "C" int janus_get_num_threads(void) { return janus::rt::numThreads(); }
