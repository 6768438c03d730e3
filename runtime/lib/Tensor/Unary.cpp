//===- Unary.cpp - Unary elementwise ops and clamp ------------------------===//
//
// exp/log/sqrt/tanh/sigmoid promote integer and bool inputs to float32 (the
// default dtype), as PyTorch's floating unary ops do; abs/neg/relu keep the
// input dtype. float32 exp, log, tanh and sigmoid use VecMath.h, bit-identical
// to PyTorch 1.13 (SLEEF's algorithms, ATen's sigmoid loop); the rest and
// float64 use libm in the element type, where ATen uses SLEEF vectors, so
// those may differ from PyTorch in the last bit, which the tests allow for.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Loops.h"
#include "Tensor/Tensor.h"
#include "Tensor/VecMath.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace janus::rt {

namespace {
using ArrayFn = void (*)(const float *, float *, int64_t);

// One row of N floats at byte strides S (output, input) through Fn: as it
// is when contiguous, else through a small buffer.
void arrayUnaryRow(std::array<char *, 2> P, std::array<int64_t, 2> S, int64_t N,
                   ArrayFn Fn) {
  if (S[0] == sizeof(float) && S[1] == sizeof(float))
    return Fn(reinterpret_cast<const float *>(P[1]),
              reinterpret_cast<float *>(P[0]), N);
  constexpr int64_t Chunk = 256;
  float Buf[Chunk];
  for (int64_t I0 = 0; I0 < N; I0 += Chunk) {
    int64_t M = std::min(Chunk, N - I0);
    for (int64_t I = 0; I < M; ++I)
      Buf[I] = *reinterpret_cast<const float *>(P[1] + (I0 + I) * S[1]);
    Fn(Buf, Buf, M);
    for (int64_t I = 0; I < M; ++I)
      *reinterpret_cast<float *>(P[0] + (I0 + I) * S[0]) = Buf[I];
  }
}

// Out = Fn(A) through an array function of VecMath.h whose results do
// not depend on an element's position.
void arrayUnary(const Tensor &Out, const Tensor &A, ArrayFn Fn) {
  forEachRowParallel<2>(Out.sizes(), {Out.get(), A.get()},
                        [&](std::array<char *, 2> P, std::array<int64_t, 2> S,
                            int64_t N) { arrayUnaryRow(P, S, N, Fn); });
}

// The dims of A ordered by decreasing stride when that order makes A
// contiguous (A is a permuted dense tensor, e.g. a transpose), else empty.
Shape memoryOrder(const Tensor &A) {
  Shape Order(A.dim());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(), [&](int64_t X, int64_t Y) {
    return A.strides()[X] > A.strides()[Y];
  });
  return permute(A, Order).get()->isContiguous() ? Order : Shape();
}

// ATen's sigmoid of a permuted dense tensor runs its loop over memory order
// (TensorIterator gives the result the input's strides), which decides the
// elements that take the scalar formula: the same here, then permuted back.
Tensor sigmoidInMemoryOrder(const Tensor &A, const Shape &Order) {
  Tensor Dense = permute(A, Order);
  Tensor R = empty(Dense.sizes(), DType::Float32);
  vecmath::sigmoidF32(Dense.dataPtr<float>(), R.dataPtr<float>(), R.numel());
  Shape Inverse(Order.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Inverse[Order[I]] = static_cast<int64_t>(I);
  return contiguous(permute(R, Inverse));
}

// ATen's sigmoid loop splits each contiguous row (the whole tensor when it
// is contiguous) between its two formulas at the row's last multiple of
// 16; forEachRowParallel may hand a contiguous tensor over in pieces, so
// each piece's share of the vector formula is counted from its global
// offset, which keeps the results independent of the thread count.
void sigmoidUnary(const Tensor &Out, const Tensor &A) {
  float *OutBase = Out.dataPtr<float>();
  int64_t WholeVector = vecmath::sigmoidVectorCount(Out.numel());
  bool Whole = A.get()->isContiguous() && A.sizes() == Out.sizes();
  forEachRowParallel<2>(
      Out.sizes(), {Out.get(), A.get()},
      [&](std::array<char *, 2> P, std::array<int64_t, 2> S, int64_t N) {
        auto *Y = reinterpret_cast<float *>(P[0]);
        auto *X = reinterpret_cast<const float *>(P[1]);
        if (S[0] != sizeof(float) || S[1] != sizeof(float))
          return arrayUnaryRow(P, S, N, vecmath::sigmoidF32Libm);
        if (Whole)
          return vecmath::sigmoidF32Split(X, Y, N, WholeVector - (Y - OutBase));
        vecmath::sigmoidF32(X, Y, N);
      });
}

template <typename T>
void floatingUnary(UnaryOp Op, const Tensor &Out, const Tensor &A) {
  if constexpr (std::is_same_v<T, float>) {
    switch (Op) {
    case UnaryOp::Exp:
      return arrayUnary(Out, A, vecmath::expF32);
    case UnaryOp::Log:
      return arrayUnary(Out, A, vecmath::logF32);
    case UnaryOp::Tanh:
      return arrayUnary(Out, A, vecmath::tanhF32);
    case UnaryOp::Sigmoid:
      return sigmoidUnary(Out, A);
    default:
      break;
    }
  }
  switch (Op) {
  case UnaryOp::Exp:
    return map1<T, T>(Out, A, [](T X) { return std::exp(X); });
  case UnaryOp::Log:
    return map1<T, T>(Out, A, [](T X) { return std::log(X); });
  case UnaryOp::Sqrt:
    return map1<T, T>(Out, A, [](T X) { return std::sqrt(X); });
  case UnaryOp::Tanh:
    return map1<T, T>(Out, A, [](T X) { return std::tanh(X); });
  case UnaryOp::Sigmoid:
    return map1<T, T>(Out, A, [](T X) { return T(1) / (T(1) + std::exp(-X)); });
  default:
    return;
  }
}
} // namespace

Tensor unary(UnaryOp Op, const Tensor &A) {
  DType T = A.dtype();
  switch (Op) {
  case UnaryOp::Exp:
  case UnaryOp::Log:
  case UnaryOp::Sqrt:
  case UnaryOp::Tanh:
  case UnaryOp::Sigmoid: {
    DType OutT = isFloating(T) ? T : DType::Float32;
    Tensor In = to(A, OutT);
    if (Op == UnaryOp::Sigmoid && OutT == DType::Float32 &&
        !In.get()->isContiguous() && In.numel() > 0)
      if (Shape Order = memoryOrder(In); !Order.empty())
        return sigmoidInMemoryOrder(In, Order);
    Tensor Out = empty(A.sizes(), OutT);
    if (OutT == DType::Float32)
      floatingUnary<float>(Op, Out, In);
    else
      floatingUnary<double>(Op, Out, In);
    return Out;
  }
  case UnaryOp::Neg:
    if (T == DType::Bool)
      throw TensorError(ErrorKind::RuntimeError,
                        "Negation, the `-` operator, on a bool tensor is not "
                        "supported. If you are trying to invert a mask, use "
                        "the `~` or `logical_not()` operator instead.");
    break;
  case UnaryOp::Relu:
    if (T == DType::Bool)
      throw TensorError(ErrorKind::RuntimeError,
                        "Boolean inputs not supported for relu");
    break;
  case UnaryOp::Abs:
    if (T == DType::Bool)
      throw TensorError(ErrorKind::RuntimeError,
                        "\"abs_cpu\" not implemented for 'Bool'");
    break;
  }
  Tensor Out = empty(A.sizes(), T);
  dispatch(T, [&](auto Tag) {
    using ET = decltype(Tag);
    if constexpr (!std::is_same_v<ET, bool>) {
      if (Op == UnaryOp::Neg)
        map1<ET, ET>(Out, A, [](ET X) { return -X; });
      else if (Op == UnaryOp::Abs)
        map1<ET, ET>(Out, A, [](ET X) { return X < 0 ? -X : X; });
      else // Relu keeps NaN, as clamp_min(0) does.
        map1<ET, ET>(Out, A, [](ET X) { return X < 0 ? ET(0) : X; });
    }
  });
  return Out;
}

Tensor clamp(const Tensor &A, std::optional<Scalar> Min,
             std::optional<Scalar> Max) {
  if (!Min && !Max)
    throw TensorError(ErrorKind::RuntimeError,
                      "torch.clamp: At least one of 'min' or 'max' must not "
                      "be None");
  std::vector<const Tensor *> Ops = {&A};
  Tensor Lo, Hi;
  if (Min) {
    Lo = wrappedScalar(*Min);
    Ops.push_back(&Lo);
  }
  if (Max) {
    Hi = wrappedScalar(*Max);
    Ops.push_back(&Hi);
  }
  DType T = resultType(Ops);
  if (T == DType::Bool)
    throw TensorError(ErrorKind::RuntimeError,
                      "\"clamp_scalar_cpu\" not implemented for 'Bool'");
  Tensor In = to(A, T);
  Tensor Out = empty(A.sizes(), T);
  dispatch(T, [&](auto Tag) {
    using ET = decltype(Tag);
    bool HasLo = Min.has_value(), HasHi = Max.has_value();
    ET L = HasLo ? convertElement<ET>(Min->toDouble()) : ET(0);
    ET H = HasHi ? convertElement<ET>(Max->toDouble()) : ET(0);
    if (HasLo && Min->K != Scalar::Kind::Float)
      L = static_cast<ET>(Min->I);
    if (HasHi && Max->K != Scalar::Kind::Float)
      H = static_cast<ET>(Max->I);
    // min(max(x, lo), hi) with NaN kept: when lo > hi every element is hi.
    map1<ET, ET>(Out, In, [=](ET X) {
      if constexpr (std::is_floating_point_v<ET>) {
        if (std::isnan(X))
          return X;
      }
      if (HasLo && X < L)
        X = L;
      if (HasHi && X > H)
        X = H;
      return X;
    });
  });
  return Out;
}

} // namespace janus::rt
