//===- PyRandom.cpp - CPython 3.11's `random` module ----------------------===//
//
// The parts of random.Random that are more than one line: seeding, bit
// draws, the rejection sampler behind randrange/randint/choice/shuffle, and
// the two normal samplers. Floating-point expressions keep Python's
// evaluation order (one rounding per Python operator; this file is compiled
// without FP contraction).
//
//===----------------------------------------------------------------------===//

#include "Random/PyRandom.h"

#include <cmath>

using namespace janus::rt;

namespace {
constexpr double TwoPi = 6.283185307179586;         // random.TWOPI
constexpr double NvMagicConst = 1.7155277699214135; // 4*exp(-0.5)/sqrt(2.0)

int bitLength(uint64_t V) {
  int Bits = 0;
  for (; V; V >>= 1)
    ++Bits;
  return Bits;
}
} // namespace

PyRandom &PyRandom::global() {
  static PyRandom Global;
  return Global;
}

void PyRandom::seed(int64_t A) {
  // |A| as an unsigned value, so INT64_MIN works too.
  const uint64_t Abs =
      A < 0 ? 0 - static_cast<uint64_t>(A) : static_cast<uint64_t>(A);
  uint32_t Key[2] = {static_cast<uint32_t>(Abs),
                     static_cast<uint32_t>(Abs >> 32)};
  // Zero is keyed as one zero word, like any value below 2^32.
  Engine.seedByArray(Key, Key[1] ? 2 : 1);
  GaussNext.reset();
}

uint64_t PyRandom::getrandbits(int K) {
  if (K <= 0)
    return 0;
  if (K <= 32)
    return Engine.next() >> (32 - K);
  const uint64_t Low = Engine.next();
  const uint64_t High = Engine.next() >> (64 - K);
  return (High << 32) | Low;
}

int64_t PyRandom::randbelow(int64_t N) {
  // bit_length of N itself, not N - 1, as 3.11 does (so N == 1 works).
  const int K = bitLength(static_cast<uint64_t>(N));
  uint64_t R = getrandbits(K);
  while (R >= static_cast<uint64_t>(N))
    R = getrandbits(K);
  return static_cast<int64_t>(R);
}

int64_t PyRandom::randrange(int64_t Start, int64_t Stop, int64_t Step) {
  const int64_t Width = Stop - Start;
  if (Step == 1)
    return Start + randbelow(Width);
  // Python's floor division of the rounded-up count; both divisions here
  // are exact in sign, so C++'s truncation agrees with Python's floor when
  // the range is non-empty.
  const int64_t N =
      Step > 0 ? (Width + Step - 1) / Step : (Width + Step + 1) / Step;
  return Start + Step * randbelow(N);
}

double PyRandom::gauss(double Mu, double Sigma) {
  double Z;
  if (GaussNext) {
    Z = *GaussNext;
    GaussNext.reset();
  } else {
    const double X2Pi = random() * TwoPi;
    const double G2Rad = std::sqrt(-2.0 * std::log(1.0 - random()));
    Z = std::cos(X2Pi) * G2Rad;
    GaussNext = std::sin(X2Pi) * G2Rad;
  }
  return Mu + Z * Sigma;
}

double PyRandom::normalvariate(double Mu, double Sigma) {
  double Z;
  while (true) {
    const double U1 = random();
    const double U2 = 1.0 - random();
    Z = NvMagicConst * (U1 - 0.5) / U2;
    const double Zz = Z * Z / 4.0;
    if (Zz <= -std::log(U2))
      break;
  }
  return Mu + Z * Sigma;
}
