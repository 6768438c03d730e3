//===- PyRandom.h - CPython 3.11's `random` module --------------*- C++ -*-===//
//
// A bit-for-bit reimplementation of CPython 3.11's random.Random for the
// calls Janus programs make: seed(int), random(), getrandbits(k),
// randrange/randint, uniform, choice, shuffle and gauss. The engine is the
// same MT19937 torch uses, seeded CPython's way (init_by_array over the
// seed's 32-bit words); every method consumes it exactly as Lib/random.py
// and Modules/_randommodule.c do, so sequences of mixed calls line up with
// the interpreter's.
//
// Integers are limited to int64 (getrandbits to k <= 64). Not thread-safe.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_RANDOM_PYRANDOM_H
#define JANUS_RUNTIME_RANDOM_PYRANDOM_H

#include "Random/MT19937.h"

#include <cstdint>
#include <optional>
#include <utility>

namespace janus::rt {

class PyRandom {
public:
  /// An unseeded CPython generator is seeded from the OS; here it is
  /// seeded with 0 so runs are reproducible until the program seeds it.
  explicit PyRandom(int64_t Seed = 0) { seed(Seed); }

  /// The module-level generator behind random.seed/random.random/...
  static PyRandom &global();

  /// random.seed(a) for an int a: keys the engine with |a|'s 32-bit words
  /// (least significant first) and forgets the cached gauss value.
  void seed(int64_t A);

  /// random.random(): 53 bits from two words, (a >> 5, b >> 6).
  double random() {
    const uint32_t A = Engine.next() >> 5, B = Engine.next() >> 6;
    return (A * 67108864.0 + B) * (1.0 / 9007199254740992.0);
  }

  /// random.getrandbits(K) for 0 <= K <= 64: words fill from the least
  /// significant end, the last one keeping its top bits.
  uint64_t getrandbits(int K);

  /// random._randbelow(N) for N > 0: getrandbits(N.bit_length()) until the
  /// result is below N.
  int64_t randbelow(int64_t N);

  /// random.randrange(Start, Stop, Step); the argument must give a
  /// non-empty range (CPython raises ValueError otherwise; check first).
  int64_t randrange(int64_t Stop) { return randbelow(Stop); }
  int64_t randrange(int64_t Start, int64_t Stop, int64_t Step = 1);
  /// random.randint(A, B) == randrange(A, B + 1).
  int64_t randint(int64_t A, int64_t B) { return randrange(A, B + 1); }

  /// random.uniform(A, B) = A + (B - A) * random().
  double uniform(double A, double B) { return A + (B - A) * random(); }

  /// The index random.choice(seq) picks for len(seq) == N > 0.
  int64_t choiceIndex(int64_t N) { return randbelow(N); }

  /// random.shuffle(x) in place: for i from N-1 down to 1, swap x[i] with
  /// x[randbelow(i + 1)].
  template <typename T> void shuffle(T *Data, int64_t N) {
    for (int64_t I = N - 1; I > 0; --I) {
      const int64_t J = randbelow(I + 1);
      std::swap(Data[I], Data[J]);
    }
  }

  /// random.gauss(Mu, Sigma): Box-Muller that caches its second value
  /// (gauss_next) for the next call.
  double gauss(double Mu = 0.0, double Sigma = 1.0);

  /// random.normalvariate(Mu, Sigma): Kinderman-Monahan, no caching.
  double normalvariate(double Mu = 0.0, double Sigma = 1.0);

  bool operator==(const PyRandom &Other) const {
    return Engine == Other.Engine && GaussNext == Other.GaussNext;
  }

private:
  MT19937 Engine;
  std::optional<double> GaussNext;
};

} // namespace janus::rt

#endif // JANUS_RUNTIME_RANDOM_PYRANDOM_H
