//===- MT19937.cpp - The 32-bit Mersenne Twister engine -------------------===//
//
// Seeding and state regeneration for MT19937, written from the reference
// description (mt19937ar.c). Both seeding routines leave the engine about to
// twist, so the first `next()` regenerates the state exactly as the
// reference, PyTorch's mt19937 and CPython's _random do.
//
//===----------------------------------------------------------------------===//

#include "Random/MT19937.h"

#include <algorithm>

using namespace janus::rt;

namespace {
constexpr int M = 397;
constexpr uint32_t MatrixA = 0x9908b0dfu;
constexpr uint32_t UpperMask = 0x80000000u;
constexpr uint32_t LowerMask = 0x7fffffffu;
} // namespace

void MT19937::seed(uint32_t Seed) {
  State[0] = Seed;
  for (int I = 1; I < StateSize; ++I)
    State[I] = 1812433253u * (State[I - 1] ^ (State[I - 1] >> 30)) +
               static_cast<uint32_t>(I);
  Index = StateSize;
}

void MT19937::seedByArray(const uint32_t *Key, size_t KeyLength) {
  seed(19650218u);
  size_t I = 1, J = 0;
  for (size_t K = std::max<size_t>(StateSize, KeyLength); K; --K) {
    State[I] = (State[I] ^ ((State[I - 1] ^ (State[I - 1] >> 30)) * 1664525u)) +
               Key[J] + static_cast<uint32_t>(J);
    ++I;
    ++J;
    if (I >= StateSize) {
      State[0] = State[StateSize - 1];
      I = 1;
    }
    if (J >= KeyLength)
      J = 0;
  }
  for (size_t K = StateSize - 1; K; --K) {
    State[I] =
        (State[I] ^ ((State[I - 1] ^ (State[I - 1] >> 30)) * 1566083941u)) -
        static_cast<uint32_t>(I);
    ++I;
    if (I >= StateSize) {
      State[0] = State[StateSize - 1];
      I = 1;
    }
  }
  // Assures a non-zero initial state, as the reference does.
  State[0] = 0x80000000u;
  Index = StateSize;
}

void MT19937::twist() {
  for (int I = 0; I < StateSize; ++I) {
    uint32_t Y =
        (State[I] & UpperMask) | (State[(I + 1) % StateSize] & LowerMask);
    State[I] =
        State[(I + M) % StateSize] ^ (Y >> 1) ^ ((Y & 1u) ? MatrixA : 0u);
  }
  Index = 0;
}
