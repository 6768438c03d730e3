//===- Allocator.cpp - Per-thread size-class cache of aligned blocks ------===//
//
// A block's size is rounded up to a class: multiples of 64 bytes up to 256,
// then four classes per power of two (so at most 25% is wasted). A freed
// block goes onto its class's list in the freeing thread's cache, threaded
// through the block's first word, and the next request of that class on the
// thread pops it: no lock, no system call, no page fault. A thread keeps at
// most MaxBlocksPerClass blocks of a class and MaxCachedBytes in all, and
// blocks above MaxCachedSize are never kept, so the cache's memory is
// bounded and a training loop's steady state reuses the same blocks (its
// RSS does not grow). Everything else goes to aligned_alloc/free.
//
// The cache is a trivially destructible thread_local, so it stays usable
// while other thread_local and static objects are destroyed; a separate
// guard object returns its blocks when the thread exits and marks it closed,
// after which frees go straight to the C library.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Allocator.h"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace janus::rt {

namespace {

constexpr size_t Alignment = 64;
constexpr size_t MaxCachedSize = size_t(64) << 20;
constexpr size_t MaxCachedBytes = size_t(256) << 20;
constexpr unsigned MaxBlocksPerClass = 16;
// Classes 0-3 are 64..256 bytes; then 4 per power of two up to 64 MiB.
constexpr unsigned NumClasses = 4 + 4 * (26 - 8);

struct FreeBlock {
  FreeBlock *Next;
};

struct ThreadCache {
  FreeBlock *Heads[NumClasses];
  uint16_t Counts[NumClasses];
  size_t Bytes;
  bool Closed;
};

thread_local ThreadCache Cache; // Zero-initialized, no destructor.

/// Returns the cached blocks when the thread exits.
struct CacheGuard {
  bool Armed = false;
  ~CacheGuard() {
    for (unsigned C = 0; C < NumClasses; ++C)
      while (FreeBlock *B = Cache.Heads[C]) {
        Cache.Heads[C] = B->Next;
        std::free(B);
      }
    Cache.Closed = true;
  }
};
thread_local CacheGuard Guard;

/// The class of a request and its rounded size.
unsigned sizeClass(size_t Bytes, size_t &Rounded) {
  if (Bytes <= 256) {
    Rounded = Bytes <= Alignment ? Alignment
                                 : (Bytes + Alignment - 1) & ~(Alignment - 1);
    return unsigned(Rounded / Alignment - 1);
  }
  // Bytes is in (2^(Bits-1), 2^Bits]; the classes split that in quarters.
  unsigned Bits = 64 - unsigned(__builtin_clzll(Bytes - 1));
  size_t Step = size_t(1) << (Bits - 3);
  Rounded = (Bytes + Step - 1) & ~(Step - 1);
  unsigned Sub = unsigned((Rounded - (size_t(1) << (Bits - 1))) / Step) - 1;
  return 4 + 4 * (Bits - 9) + Sub;
}

void *systemAllocate(size_t Rounded) {
  void *P = std::aligned_alloc(Alignment, Rounded);
  if (!P)
    throw std::bad_alloc();
  return P;
}

} // namespace

void *allocateBlock(size_t Bytes) {
  if (Bytes > MaxCachedSize)
    return systemAllocate((Bytes + Alignment - 1) & ~(Alignment - 1));
  size_t Rounded;
  unsigned C = sizeClass(Bytes, Rounded);
  ThreadCache &TC = Cache;
  if (FreeBlock *B = TC.Heads[C]) {
    TC.Heads[C] = B->Next;
    --TC.Counts[C];
    TC.Bytes -= Rounded;
    return B;
  }
  return systemAllocate(Rounded);
}

void freeBlock(void *Block, size_t Bytes) {
  ThreadCache &TC = Cache;
  size_t Rounded;
  if (Bytes > MaxCachedSize || TC.Closed) {
    std::free(Block);
    return;
  }
  unsigned C = sizeClass(Bytes, Rounded);
  if (TC.Counts[C] >= MaxBlocksPerClass ||
      TC.Bytes + Rounded > MaxCachedBytes) {
    std::free(Block);
    return;
  }
  if (!Guard.Armed)
    Guard.Armed = true; // Constructs the guard, registering its destructor.
  auto *B = static_cast<FreeBlock *>(Block);
  B->Next = TC.Heads[C];
  TC.Heads[C] = B;
  ++TC.Counts[C];
  TC.Bytes += Rounded;
}

} // namespace janus::rt
