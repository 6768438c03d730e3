//===- Elementwise.cpp - Binary arithmetic, comparisons, where, in-place --===//
//
// Binary elementwise ops with PyTorch's broadcasting and type promotion.
// Operands are first converted to the computation dtype (the promoted type,
// or float32 for true division of integers, as PyTorch's default dtype) and
// expanded to the output shape, so every kernel sees one element type and
// the strided loops of Loops.h. In-place variants check that broadcasting
// leaves the destination's shape unchanged, compute the same way and then
// check that the result type can be cast to the destination's dtype
// (writeInPlace does the same for results computed elsewhere).
//
//===----------------------------------------------------------------------===//

#include "Tensor/Loops.h"
#include "Tensor/Tensor.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace janus::rt {

namespace {
[[noreturn]] void fail(const std::string &Msg) {
  throw TensorError(ErrorKind::RuntimeError, Msg);
}

// Integer power by squaring; negative exponents follow ATen's powi.
int64_t powInt(int64_t A, int64_t B) {
  if (B < 0) {
    if (A == 1)
      return 1;
    if (A == -1)
      return (B % 2 == 0) ? 1 : -1;
    return 0;
  }
  int64_t R = 1;
  while (B) {
    if (B & 1)
      R *= A;
    A *= A;
    B >>= 1;
  }
  return R;
}

template <typename T> T powFloat(T A, T B) { return std::pow(A, B); }

// O[i] = fma(Y[i], Al, X[i]) (add/sub with alpha, e.g. SGD's update). The
// library is built for baseline x86-64, where std::fma is a libm call per
// element; on FMA CPUs this loop is compiled for FMA instead, vectorized
// and exactly as rounded (fma is exact by definition).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
template <typename T>
__attribute__((target("avx2,fma"))) void fmaRowFma(T *O, const T *X,
                                                   const T *Y, T Al,
                                                   int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    O[I] = __builtin_fma(Y[I], Al, X[I]);
}
template <>
__attribute__((target("avx2,fma"))) void
fmaRowFma<float>(float *O, const float *X, const float *Y, float Al,
                 int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    O[I] = __builtin_fmaf(Y[I], Al, X[I]);
}
bool haveFma() {
  static const bool Have =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return Have;
}
#endif

template <typename T>
void fmaRow(T *O, const T *X, const T *Y, T Al, int64_t N) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (haveFma())
    return fmaRowFma(O, X, Y, Al, N);
#endif
  for (int64_t I = 0; I < N; ++I)
    O[I] = std::fma(Y[I], Al, X[I]);
}

// Runs Op on A and B (already of type T and of Out's shape) into Out (T).
template <typename T>
void binaryKernel(BinaryOp Op, const Tensor &Out, const Tensor &A,
                  const Tensor &B, Scalar Alpha, bool ScalarExponent) {
  switch (Op) {
  case BinaryOp::Add:
  case BinaryOp::Sub: {
    if constexpr (std::is_same_v<T, bool>) {
      bool Al = Alpha.toDouble() != 0;
      map2<T, T, T>(Out, A, B, [Al](T X, T Y) { return X || (Al && Y); });
    } else {
      T Al = Alpha.K == Scalar::Kind::Float ? static_cast<T>(Alpha.F)
                                            : static_cast<T>(Alpha.I);
      if (Op == BinaryOp::Sub)
        Al = -Al;
      if (Al == T(1))
        map2<T, T, T>(Out, A, B, [](T X, T Y) { return X + Y; });
      else if (Al == T(-1))
        // Plain sub: fma(y, -1, x) is exactly x - y, without the fma.
        map2<T, T, T>(Out, A, B, [](T X, T Y) { return X - Y; });
      else if constexpr (std::is_floating_point_v<T>)
        // ATen's AVX2 kernel computes fmadd(b, alpha, a).
        forEachRowParallel<3>(
            Out.sizes(), {Out.get(), A.get(), B.get()},
            [Al](std::array<char *, 3> P, std::array<int64_t, 3> S,
                 int64_t N) {
              if (S[0] == sizeof(T) && S[1] == sizeof(T) && S[2] == sizeof(T))
                return fmaRow(reinterpret_cast<T *>(P[0]),
                              reinterpret_cast<const T *>(P[1]),
                              reinterpret_cast<const T *>(P[2]), Al, N);
              for (int64_t I = 0; I < N; ++I)
                *reinterpret_cast<T *>(P[0] + I * S[0]) =
                    std::fma(*reinterpret_cast<const T *>(P[2] + I * S[2]), Al,
                             *reinterpret_cast<const T *>(P[1] + I * S[1]));
            });
      else
        map2<T, T, T>(Out, A, B, [Al](T X, T Y) { return X + Al * Y; });
    }
    return;
  }
  case BinaryOp::Mul:
    if constexpr (std::is_same_v<T, bool>)
      map2<T, T, T>(Out, A, B, [](T X, T Y) { return X && Y; });
    else
      map2<T, T, T>(Out, A, B, [](T X, T Y) { return X * Y; });
    return;
  case BinaryOp::Div:
    if constexpr (std::is_floating_point_v<T>)
      map2<T, T, T>(Out, A, B, [](T X, T Y) { return X / Y; });
    return; // Integer division never reaches here (true division).
  case BinaryOp::Pow:
    if constexpr (std::is_same_v<T, int64_t>) {
      map2<T, T, T>(Out, A, B, [](T X, T Y) { return powInt(X, Y); });
    } else if constexpr (std::is_floating_point_v<T>) {
      // ATen's pow(Tensor, Scalar) special-cases these exponents with
      // multiplications and sqrt, which round differently from std::pow.
      T E = *B.dataPtr<T>();
      if (ScalarExponent && E == T(2))
        map1<T, T>(Out, A, [](T X) { return X * X; });
      else if (ScalarExponent && E == T(3))
        map1<T, T>(Out, A, [](T X) { return X * X * X; });
      else if (ScalarExponent && E == T(0.5))
        map1<T, T>(Out, A, [](T X) { return std::sqrt(X); });
      else if (ScalarExponent && E == T(-0.5))
        map1<T, T>(Out, A, [](T X) { return T(1) / std::sqrt(X); });
      else if (ScalarExponent && E == T(-1))
        map1<T, T>(Out, A, [](T X) { return T(1) / X; });
      else if (ScalarExponent && E == T(-2))
        map1<T, T>(Out, A, [](T X) { return T(1) / (X * X); });
      else
        map2<T, T, T>(Out, A, B, [](T X, T Y) { return powFloat(X, Y); });
    }
    return;
  case BinaryOp::Maximum:
  case BinaryOp::Minimum: {
    bool IsMax = Op == BinaryOp::Maximum;
    // NaN in either operand propagates, as in torch.maximum.
    map2<T, T, T>(Out, A, B, [IsMax](T X, T Y) {
      if constexpr (std::is_floating_point_v<T>) {
        if (std::isnan(X) || std::isnan(Y))
          return std::isnan(X) ? X : Y;
      }
      return IsMax ? (X > Y ? X : Y) : (X < Y ? X : Y);
    });
    return;
  }
  }
}

void checkBinaryOperands(BinaryOp Op, const Tensor &A, const Tensor &B,
                         Scalar Alpha) {
  bool ABool = A.dtype() == DType::Bool, BBool = B.dtype() == DType::Bool;
  if (Op == BinaryOp::Sub && ABool && BBool)
    fail("Subtraction, the `-` operator, with two bool tensors is not "
         "supported. Use the `^` or `logical_xor()` operator instead.");
  if (Op == BinaryOp::Sub && (ABool || BBool))
    fail("Subtraction, the `-` operator, with a bool tensor is not "
         "supported. If you are trying to invert a mask, use the `~` or "
         "`logical_not()` operator instead.");
  if (Op == BinaryOp::Pow && B->isWrappedNumber() &&
      !isFloating(resultType({&A, &B})) && B.dtype() != DType::Bool &&
      itemInt(B) < 0)
    fail("Integers to negative integer powers are not allowed.");
}

// Out = Op(A, B) for small contiguous float32 operands of Out's shape and
// alpha 1, the tiny op's usual case, as a plain loop: the dispatch and
// strided-walk setup cost more than 150 additions. The same arithmetic as
// binaryKernel (for sub, fma(y, -1, x) == x - y). Returns false otherwise.
bool smallFloatKernel(BinaryOp Op, const Tensor &Out, const Tensor &A,
                      const Tensor &B, Scalar Alpha) {
  int64_t N = Out.numel();
  bool AlphaOne = Alpha.K == Scalar::Kind::Float ? Alpha.F == 1.0
                                                 : Alpha.I == 1;
  if (N > ElementwiseGrain || !AlphaOne || A.dtype() != DType::Float32 ||
      B.dtype() != DType::Float32 || !A->isContiguous() ||
      !B->isContiguous())
    return false;
  float *O = Out.dataPtr<float>();
  const float *X = A.dataPtr<float>(), *Y = B.dataPtr<float>();
  switch (Op) {
  case BinaryOp::Add:
    for (int64_t I = 0; I < N; ++I)
      O[I] = X[I] + Y[I];
    return true;
  case BinaryOp::Sub:
    for (int64_t I = 0; I < N; ++I)
      O[I] = X[I] - Y[I];
    return true;
  case BinaryOp::Mul:
    for (int64_t I = 0; I < N; ++I)
      O[I] = X[I] * Y[I];
    return true;
  default:
    return false;
  }
}

// Computes Op(A, B) in its computation dtype; Alpha scales B for add/sub.
Tensor compute(BinaryOp Op, const Tensor &A, const Tensor &B, Scalar Alpha) {
  checkBinaryOperands(Op, A, B, Alpha);
  DType T = resultType(A, B);
  if (Op == BinaryOp::Div && !isFloating(T))
    T = DType::Float32; // True division of integers and bools.
  if (Op == BinaryOp::Pow && T == DType::Bool)
    fail("\"pow\" not implemented for 'Bool'");
  if ((Op == BinaryOp::Add || Op == BinaryOp::Sub) && !isFloating(T) &&
      Alpha.K == Scalar::Kind::Float)
    fail("For integral input tensors, argument alpha must not be a floating "
         "point number.");
  // Operands of one shape (the common case) need no broadcast views: each
  // view is a TensorImpl and two shape vectors, which cost more than a
  // tiny op's arithmetic.
  bool SameShape = A.sizes() == B.sizes();
  Shape Broadcast;
  if (!SameShape)
    Broadcast = broadcastShapes(A.sizes(), B.sizes());
  const Shape &S = SameShape ? A.sizes() : Broadcast;
  Tensor Out = empty(S, T);
  if (SameShape && T == DType::Float32 &&
      smallFloatKernel(Op, Out, A, B, Alpha))
    return Out;
  Tensor CA = to(A, T), CB = to(B, T);
  if (!SameShape) {
    CA = expand(CA, S);
    CB = expand(CB, S);
  }
  dispatch(T, [&](auto Tag) {
    binaryKernel<decltype(Tag)>(Op, Out, CA, CB, Alpha, B->isWrappedNumber());
  });
  return Out;
}

// Writes Result (of Self's shape or broadcastable to it) into Self.
Tensor &assignInPlace(Tensor &Self, const Tensor &Result) {
  if (!canCast(Result.dtype(), Self.dtype()))
    fail(std::string("result type ") + dtypeName(Result.dtype()) +
         " can't be cast to the desired output type " +
         dtypeName(Self.dtype()));
  checkInPlaceShape(Self, Result.sizes());
  copyElements(Self, expand(Result, Self.sizes()));
  Self->storage()->bumpVersion();
  return Self;
}

Tensor &binaryInPlace(BinaryOp Op, Tensor &Self, const Tensor &B,
                      Scalar Alpha) {
  // Broadcast errors name Self as tensor a, as PyTorch's do; the shape is
  // checked before the dtype and before the kernel's errors, as in ATen.
  checkInPlaceShape(Self, B.sizes());
  // A floating operand of Self's shape and dtype in other memory (a
  // gradient accumulated into .grad, an SGD update) and a contiguous Self
  // (no element aliases another): write the result straight into Self,
  // element i from elements i, instead of into a temporary that is then
  // copied back.
  if (isFloating(Self.dtype()) && Self->isContiguous() &&
      B.dtype() == Self.dtype() &&
      B.sizes() == Self.sizes() && B->storage() != Self->storage() &&
      resultType(Self, B) == Self.dtype()) {
    checkBinaryOperands(Op, Self, B, Alpha);
    dispatch(Self.dtype(), [&](auto Tag) {
      binaryKernel<decltype(Tag)>(Op, Self, Self, B, Alpha,
                                  B->isWrappedNumber());
    });
    Self->storage()->bumpVersion();
    return Self;
  }
  return assignInPlace(Self, compute(Op, Self, B, Alpha));
}
} // namespace

Tensor binary(BinaryOp Op, const Tensor &A, const Tensor &B) {
  return compute(Op, A, B, Scalar(1));
}
Tensor add(const Tensor &A, const Tensor &B, Scalar Alpha) {
  return compute(BinaryOp::Add, A, B, Alpha);
}
Tensor sub(const Tensor &A, const Tensor &B, Scalar Alpha) {
  return compute(BinaryOp::Sub, A, B, Alpha);
}
Tensor mul(const Tensor &A, const Tensor &B) {
  return compute(BinaryOp::Mul, A, B, Scalar(1));
}
Tensor div(const Tensor &A, const Tensor &B) {
  return compute(BinaryOp::Div, A, B, Scalar(1));
}
Tensor pow(const Tensor &A, const Tensor &B) {
  return compute(BinaryOp::Pow, A, B, Scalar(1));
}
Tensor maximum(const Tensor &A, const Tensor &B) {
  return compute(BinaryOp::Maximum, A, B, Scalar(1));
}
Tensor minimum(const Tensor &A, const Tensor &B) {
  return compute(BinaryOp::Minimum, A, B, Scalar(1));
}

Tensor compare(CompareOp Op, const Tensor &A, const Tensor &B) {
  DType T = resultType({&A, &B});
  Shape S = broadcastShapes(A.sizes(), B.sizes());
  Tensor Out = empty(S, DType::Bool);
  Tensor CA = expand(to(A, T), S), CB = expand(to(B, T), S);
  dispatch(T, [&](auto Tag) {
    using ET = decltype(Tag);
    switch (Op) {
    case CompareOp::Eq:
      return map2<bool, ET, ET>(Out, CA, CB, [](ET X, ET Y) { return X == Y; });
    case CompareOp::Ne:
      return map2<bool, ET, ET>(Out, CA, CB, [](ET X, ET Y) { return X != Y; });
    case CompareOp::Lt:
      return map2<bool, ET, ET>(Out, CA, CB, [](ET X, ET Y) { return X < Y; });
    case CompareOp::Le:
      return map2<bool, ET, ET>(Out, CA, CB, [](ET X, ET Y) { return X <= Y; });
    case CompareOp::Gt:
      return map2<bool, ET, ET>(Out, CA, CB, [](ET X, ET Y) { return X > Y; });
    case CompareOp::Ge:
      return map2<bool, ET, ET>(Out, CA, CB, [](ET X, ET Y) { return X >= Y; });
    }
  });
  return Out;
}

Tensor where(const Tensor &Cond, const Tensor &A, const Tensor &B) {
  if (Cond.dtype() != DType::Bool)
    fail(std::string("where expected condition to be a boolean tensor, but "
                     "got a tensor with dtype ") +
         dtypeName(Cond.dtype()));
  DType T = resultType({&A, &B});
  Shape S =
      broadcastShapes(broadcastShapes(Cond.sizes(), A.sizes()), B.sizes());
  Tensor Out = empty(S, T);
  Tensor CC = expand(Cond, S), CA = expand(to(A, T), S),
         CB = expand(to(B, T), S);
  dispatch(T, [&](auto Tag) {
    using ET = decltype(Tag);
    map3<ET, bool, ET, ET>(Out, CC, CA, CB,
                           [](bool C, ET X, ET Y) {
                             return selectBits(C, X, Y);
                           });
  });
  return Out;
}

Tensor &addInPlace(Tensor &Self, const Tensor &B, Scalar Alpha) {
  return binaryInPlace(BinaryOp::Add, Self, B, Alpha);
}
Tensor &subInPlace(Tensor &Self, const Tensor &B, Scalar Alpha) {
  return binaryInPlace(BinaryOp::Sub, Self, B, Alpha);
}
Tensor &mulInPlace(Tensor &Self, const Tensor &B) {
  return binaryInPlace(BinaryOp::Mul, Self, B, Scalar(1));
}
Tensor &divInPlace(Tensor &Self, const Tensor &B) {
  return binaryInPlace(BinaryOp::Div, Self, B, Scalar(1));
}
Tensor &powInPlace(Tensor &Self, const Tensor &B) {
  // With a Python number exponent ATen's pow_ runs as a unary op whose
  // output must already have the promoted dtype, hence its other message
  // (an int tensor's `t **= 0.5`); a tensor exponent is cast-checked.
  if (B->isWrappedNumber() && resultType(Self, B) != Self.dtype())
    fail(std::string("Found dtype ") + dtypeName(Self.dtype()) +
         " but expected " + dtypeName(resultType(Self, B)));
  return binaryInPlace(BinaryOp::Pow, Self, B, Scalar(1));
}

void checkInPlaceShape(const Tensor &Self, const Shape &OtherSizes) {
  if (OtherSizes == Self.sizes())
    return;
  Shape Broadcast = broadcastShapes(Self.sizes(), OtherSizes);
  if (Broadcast != Self.sizes())
    fail("output with shape " + shapeToString(Self.sizes()) +
         " doesn't match the broadcast shape " + shapeToString(Broadcast));
}

Tensor &writeInPlace(Tensor &Self, const Tensor &Result) {
  return assignInPlace(Self, Result);
}

Tensor &zeroInPlace(Tensor &Self) { return fillInPlace(Self, Scalar(0)); }

Tensor &fillInPlace(Tensor &Self, Scalar Value) {
  fillFresh(Self, Value);
  Self->storage()->bumpVersion();
  return Self;
}

void fillFresh(const Tensor &Self, Scalar Value) {
  dispatch(Self.dtype(), [&](auto Tag) {
    using ET = decltype(Tag);
    ET V = Value.K == Scalar::Kind::Float ? convertElement<ET>(Value.F)
                                          : convertElement<ET>(Value.I);
    // Every byte 0 (so not -0.0).
    const ET Zero{};
    bool AllZeroBits = std::memcmp(&V, &Zero, sizeof(ET)) == 0;
    // Write-only: Self may be fresh memory, which must not be read (a byte
    // that is not 0 or 1 is not a valid bool).
    forEachRow<1>(
        Self.sizes(), {Self.get()},
        [V, AllZeroBits](std::array<char *, 1> P, std::array<int64_t, 1> S,
                         int64_t N) {
          if (S[0] == sizeof(ET)) { // Contiguous: a loop that vectorizes.
            // memset (the widest stores the CPU has, not the baseline
            // build's) for zero_ of large gradients.
            if (AllZeroBits)
              std::memset(P[0], 0, size_t(N) * sizeof(ET));
            else
              std::fill(reinterpret_cast<ET *>(P[0]),
                        reinterpret_cast<ET *>(P[0]) + N, V);
            return;
          }
          for (int64_t I = 0; I < N; ++I)
            *reinterpret_cast<ET *>(P[0] + I * S[0]) = V;
        });
  });
}

Tensor &copyInPlace(Tensor &Self, const Tensor &Src) {
  broadcastShapes(Self.sizes(), Src.sizes());
  // Copying from an overlapping view must read everything first.
  Tensor From = Src->storage() == Self->storage() ? clone(Src) : Src;
  copyElements(Self, expand(From, Self.sizes()));
  Self->storage()->bumpVersion();
  return Self;
}

} // namespace janus::rt
