//===- MT19937.h - The 32-bit Mersenne Twister engine -----------*- C++ -*-===//
//
// The MT19937 engine (Matsumoto & Nishimura, 1998) that both PyTorch's CPU
// generator and CPython's `random` module draw from. The two differ only in
// how they seed it: torch uses the classic linear initialisation from one
// 32-bit seed (`seed(uint32_t)`), CPython uses `init_by_array` over the 32-bit
// words of the seed's absolute value (`seedByArray`). The output function is
// the reference one, so `next()` after `seed(5489)` matches std::mt19937.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_RANDOM_MT19937_H
#define JANUS_RUNTIME_RANDOM_MT19937_H

#include <array>
#include <cstddef>
#include <cstdint>

namespace janus::rt {

class MT19937 {
public:
  static constexpr int StateSize = 624;

  explicit MT19937(uint32_t Seed = 5489) { seed(Seed); }

  /// The reference `init_genrand`: torch's `mt19937(seed)`.
  void seed(uint32_t Seed);
  /// The reference `init_by_array`: CPython's `random.seed(int)`.
  void seedByArray(const uint32_t *Key, size_t KeyLength);

  /// The next 32 bits of output.
  uint32_t next() {
    if (Index >= StateSize)
      twist();
    uint32_t Y = State[Index++];
    Y ^= Y >> 11;
    Y ^= (Y << 7) & 0x9d2c5680u;
    Y ^= (Y << 15) & 0xefc60000u;
    Y ^= Y >> 18;
    return Y;
  }

  /// Equality of the whole state, position included; tests use it to check
  /// that two generators consumed the same number of words.
  bool operator==(const MT19937 &Other) const {
    return Index == Other.Index && State == Other.State;
  }

private:
  /// Regenerates all StateSize words at once (the reference algorithm).
  void twist();

  std::array<uint32_t, StateSize> State{};
  int Index = StateSize;
};

} // namespace janus::rt

#endif // JANUS_RUNTIME_RANDOM_MT19937_H
