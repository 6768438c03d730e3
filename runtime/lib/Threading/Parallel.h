//===- Parallel.h - Intra-op thread count and parallelFor -------*- C++ -*-===//
//
// The runtime is single-threaded by default. janus_set_num_threads(n) (or
// JANUS_NUM_THREADS, read once at start-up) lets large kernels split their
// work over n threads: the calling thread plus n - 1 pool workers. The same
// count is handed to OpenBLAS, which is set to 1 thread before the first
// gemm unless told otherwise (OpenBLAS's own default is every core).
//
// parallelFor(Begin, End, Grain, Fn) calls Fn(B, E) on disjoint ranges that
// cover [Begin, End) exactly once. The split is a fixed function of the
// range, the grain and the thread count: at most numThreads() contiguous
// chunks of at least Grain indices (fewer for short ranges), so a kernel
// whose chunks write disjoint outputs gives the same result for any thread
// count, and a kernel that combines per-chunk partial results gives the same
// result for a given thread count. With one thread, a range of at most one
// chunk, or inside another parallelFor, Fn runs inline on the caller's
// thread and no thread is created. An exception thrown by Fn reaches the
// caller (that of the lowest chunk if several throw) after every chunk has
// finished.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_THREADING_PARALLEL_H
#define JANUS_RUNTIME_THREADING_PARALLEL_H

#include <cstdint>
#include <type_traits>
#include <utility>

namespace janus::rt {

/// Elements per chunk below which elementwise kernels stay on one thread
/// (PyTorch's at::internal::GRAIN_SIZE).
constexpr int64_t ElementwiseGrain = 32768;

/// The intra-op thread count (>= 1). Applies JANUS_NUM_THREADS and sets
/// OpenBLAS's thread count on first use.
int numThreads();
/// Sets the intra-op thread count (N >= 1) and OpenBLAS's. Waits for a
/// running parallelFor to finish; the pool is resized lazily.
void setNumThreads(int N);
/// Reads JANUS_NUM_THREADS and sets OpenBLAS's thread count, once; every
/// gemm calls it first. Cheap after the first call.
void initThreading();
/// Whether the calling thread is running a chunk of a parallelFor.
bool inParallelRegion();

namespace detail {
/// A non-owning reference to a callable taking (int64_t, int64_t).
struct RangeFn {
  void *Obj;
  void (*Call)(void *, int64_t, int64_t);
  void operator()(int64_t B, int64_t E) const { Call(Obj, B, E); }
};
void parallelForImpl(int64_t Begin, int64_t End, int64_t Grain, RangeFn Fn);
/// The number of chunks parallelFor splits [Begin, End) into.
int64_t chunkCount(int64_t Range, int64_t Grain, int Threads);
} // namespace detail

template <typename F>
void parallelFor(int64_t Begin, int64_t End, int64_t Grain, F &&Fn) {
  if (End <= Begin)
    return;
  using Fn_t = std::remove_reference_t<F>;
  detail::parallelForImpl(
      Begin, End, Grain,
      {const_cast<void *>(static_cast<const void *>(&Fn)),
       [](void *O, int64_t B, int64_t E) { (*static_cast<Fn_t *>(O))(B, E); }});
}

} // namespace janus::rt

#endif // JANUS_RUNTIME_THREADING_PARALLEL_H
