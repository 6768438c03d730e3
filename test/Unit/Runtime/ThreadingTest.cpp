//===- ThreadingTest.cpp - Intra-op threads: parallelFor and kernels ------===//
//
// parallelFor covers every index exactly once for assorted ranges, grains
// and thread counts, propagates exceptions and runs nested calls inline;
// elementwise ops (contiguous and strided), a unary op, conv2d forward and
// backward give bit-identical results with one and two threads, mm repeats
// itself with two; the C API's thread count round-trips.
//
//===----------------------------------------------------------------------===//

#include "NN/NN.h"
#include "Tensor/RandomOps.h"
#include "Tensor/Tensor.h"
#include "Threading/Parallel.h"

#include "janus/janus.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace janus::rt;

namespace {

// Restores the thread count a test changed.
struct ThreadCountGuard {
  int Saved = numThreads();
  ~ThreadCountGuard() { setNumThreads(Saved); }
};

bool sameBits(const Tensor &A, const Tensor &B) {
  Tensor CA = contiguous(A), CB = contiguous(B);
  return CA.sizes() == CB.sizes() && CA.dtype() == CB.dtype() &&
         std::memcmp(CA->data(), CB->data(),
                     size_t(CA.numel()) * elementSize(CA.dtype())) == 0;
}

} // namespace

TEST_CASE("threading: parallelFor covers every index exactly once") {
  ThreadCountGuard Guard;
  for (int Threads : {1, 2, 3, 4, 7}) {
    setNumThreads(Threads);
    for (int64_t Begin : {0, 5}) {
      for (int64_t Size : {0, 1, 2, 3, 7, 64, 100, 1000, 4097}) {
        for (int64_t Grain : {0, 1, 2, 16, 1000, 5000}) {
          CAPTURE(Threads);
          CAPTURE(Size);
          CAPTURE(Grain);
          std::vector<std::atomic<int>> Hits(static_cast<size_t>(Size));
          std::atomic<int> Calls{0};
          parallelFor(Begin, Begin + Size, Grain, [&](int64_t B, int64_t E) {
            ++Calls;
            CHECK(B < E);
            for (int64_t I = B; I < E; ++I)
              ++Hits[size_t(I - Begin)];
          });
          bool AllOnce = true;
          for (auto &H : Hits)
            AllOnce &= H.load() == 1;
          CHECK(AllOnce);
          CHECK(Calls.load() == detail::chunkCount(Size, Grain, Threads));
        }
      }
    }
  }
}

TEST_CASE("threading: one thread runs inline; nesting runs inline") {
  ThreadCountGuard Guard;
  setNumThreads(1);
  std::thread::id Caller = std::this_thread::get_id();
  parallelFor(0, 1000, 1, [&](int64_t B, int64_t E) {
    CHECK(B == 0);
    CHECK(E == 1000);
    bool SameThread = std::this_thread::get_id() == Caller;
    CHECK(SameThread);
  });
  setNumThreads(2);
  std::atomic<int> Inner{0};
  parallelFor(0, 2, 1, [&](int64_t, int64_t) {
    CHECK(inParallelRegion());
    parallelFor(0, 100, 1, [&](int64_t B, int64_t E) {
      CHECK(B == 0); // Nested: one inline chunk.
      CHECK(E == 100);
      ++Inner;
    });
  });
  CHECK(Inner.load() == 2);
  CHECK_FALSE(inParallelRegion());
}

TEST_CASE("threading: the lowest chunk's exception reaches the caller") {
  ThreadCountGuard Guard;
  setNumThreads(2);
  std::atomic<int> Done{0};
  CHECK_THROWS_WITH(parallelFor(0, 2, 1,
                                [&](int64_t B, int64_t) {
                                  ++Done;
                                  throw std::runtime_error("chunk " +
                                                           std::to_string(B));
                                }),
                    "chunk 0");
  CHECK(Done.load() == 2);
  // The pool still works afterwards.
  std::atomic<int64_t> Sum{0};
  parallelFor(0, 100, 1, [&](int64_t B, int64_t E) {
    for (int64_t I = B; I < E; ++I)
      Sum += I;
  });
  CHECK(Sum.load() == 4950);
}

TEST_CASE("threading: kernels give identical results with 1 and 2 threads") {
  ThreadCountGuard Guard;
  manualSeed(7);
  // Large enough to be split (more than ElementwiseGrain elements).
  Tensor A = randn({300, 257}), B = randn({300, 257}), Row = randn({257});
  Tensor Strided = transpose(randn({257, 300}), 0, 1);
  Tensor In = randn({8, 3, 20, 20}), W = randn({6, 3, 5, 5}), Bias = randn({6});
  Tensor In2 = randn({8, 6, 12, 12}), W2 = randn({16, 6, 5, 5});
  Tensor M1 = randn({256, 256}), M2 = randn({256, 256});

  auto Run = [&](int Threads) {
    setNumThreads(Threads);
    std::vector<Tensor> R;
    R.push_back(add(A, B));
    R.push_back(mul(A, Row));     // Broadcast operand.
    R.push_back(add(Strided, A)); // Non-contiguous operand.
    R.push_back(unary(UnaryOp::Tanh, A));
    R.push_back(unary(UnaryOp::Sigmoid, Strided));
    Tensor Y = conv2d(In, W, Bias);
    R.push_back(Y);
    R.push_back(conv2d(In, W, Bias, {2, 2}, {1, 1})); // im2col path.
    Tensor Y2 = conv2d(In2, W2, Tensor());
    R.push_back(Y2);
    auto G =
        conv2dBackward(Y, In, W, {1, 1}, {0, 0}, {1, 1}, 1, {true, true, true});
    R.push_back(G.Input);
    R.push_back(G.Weight);
    R.push_back(G.Bias);
    auto G2 = conv2dBackward(Y2, In2, W2, {1, 1}, {0, 0}, {1, 1}, 1,
                             {true, true, false});
    R.push_back(G2.Input);
    R.push_back(G2.Weight);
    return R;
  };
  std::vector<Tensor> One = Run(1), Two = Run(2);
  REQUIRE(One.size() == Two.size());
  for (size_t I = 0; I < One.size(); ++I) {
    CAPTURE(I);
    CHECK(sameBits(One[I], Two[I]));
  }
  // OpenBLAS's threaded sgemm blocks differently from its one-thread path
  // (results differ in the last bits), but repeats itself for a given count.
  setNumThreads(2);
  Tensor P1 = mm(M1, M2), P2 = mm(M1, M2);
  CHECK(sameBits(P1, P2));
}

TEST_CASE("threading: the C API's thread count") {
  ThreadCountGuard Guard;
  CHECK(janus_set_num_threads(3) == nullptr);
  CHECK(janus_get_num_threads() == 3);
  janus_status_t S = janus_set_num_threads(0);
  CHECK(janus_status_code(S) == JANUS_STATUS_VALUE_ERROR);
  CHECK(std::string(janus_status_message(S)) ==
        "set_num_threads expects a positive integer, got 0");
  janus_status_free(S);
  CHECK(janus_get_num_threads() == 3);
  CHECK(janus_set_num_threads(1) == nullptr);
  CHECK(janus_get_num_threads() == 1);
}
