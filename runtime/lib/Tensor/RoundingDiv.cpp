//===- RoundingDiv.cpp - torch.div with rounding_mode trunc / floor -------===//
//
// Unlike true division, a rounded division keeps the promoted dtype, so
// integers divide as integers (and raise on a zero divisor, which ATen
// checks per element with the bare message "ZeroDivisionError"). Floating
// floor division is ATen's div_floor_floating, which is Python's float //:
// it rounds (a - fmod(a, b)) / b rather than flooring a / b, so that
// 7.0 // 0.7 stays consistent with fmod.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Indexing.h"
#include "Tensor/Loops.h"

#include <cmath>

namespace janus::rt {

namespace {
[[noreturn]] void fail(const std::string &Msg) {
  throw TensorError(ErrorKind::RuntimeError, Msg);
}

template <typename T> T floorDivFloat(T A, T B) {
  if (B == 0)
    return A / B; // IEEE: inf, -inf or nan.
  T Mod = std::fmod(A, B);
  T Div = (A - Mod) / B;
  if (Mod != 0 && (B < 0) != (Mod < 0))
    Div -= T(1);
  if (Div == 0)
    return std::copysign(T(0), A / B);
  T Floor = std::floor(Div);
  if (Div - Floor > T(0.5))
    Floor += T(1);
  return Floor;
}

int64_t checkedDivisor(int64_t B) {
  if (B == 0)
    fail("ZeroDivisionError");
  return B;
}

// INT64_MIN / -1 overflows (ATen's result is undefined); wrap instead.
int64_t truncDivInt(int64_t A, int64_t B) {
  if (B == -1)
    return static_cast<int64_t>(0ULL - static_cast<uint64_t>(A));
  return A / B;
}

int64_t floorDivInt(int64_t A, int64_t B) {
  int64_t Q = truncDivInt(A, B);
  // Truncation rounded up when the signs differ and there is a remainder.
  if ((A < 0) != (B < 0) && B != -1 && A % B != 0)
    --Q;
  return Q;
}
} // namespace

Tensor div(const Tensor &A, const Tensor &B, const std::string &Mode) {
  if (Mode.empty())
    return div(A, B);
  bool Floor = Mode == "floor";
  if (!Floor && Mode != "trunc")
    fail("div expected rounding_mode to be one of None, 'trunc', or 'floor' "
         "but found '" +
         Mode + "'");
  DType T = resultType({&A, &B});
  if (T == DType::Bool)
    fail(Floor ? "\"div_floor_cpu\" not implemented for 'Bool'"
               : "\"div_trunc_cpu\" not implemented for 'Bool'");
  Shape S = broadcastShapes(A.sizes(), B.sizes());
  Tensor Out = empty(S, T);
  Tensor CA = expand(to(A, T), S), CB = expand(to(B, T), S);
  dispatch(T, [&](auto Tag) {
    using ET = decltype(Tag);
    if constexpr (std::is_same_v<ET, int64_t>) {
      if (Floor)
        map2<ET, ET, ET>(Out, CA, CB, [](ET X, ET Y) {
          return floorDivInt(X, checkedDivisor(Y));
        });
      else
        map2<ET, ET, ET>(Out, CA, CB, [](ET X, ET Y) {
          return truncDivInt(X, checkedDivisor(Y));
        });
    } else if constexpr (std::is_floating_point_v<ET>) {
      if (Floor)
        map2<ET, ET, ET>(Out, CA, CB,
                         [](ET X, ET Y) { return floorDivFloat(X, Y); });
      else
        map2<ET, ET, ET>(Out, CA, CB,
                         [](ET X, ET Y) { return std::trunc(X / Y); });
    }
  });
  return Out;
}

} // namespace janus::rt
