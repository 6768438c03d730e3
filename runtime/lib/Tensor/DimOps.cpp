//===- DimOps.cpp - Ops along one dim: max/min/argmax, cumsum, softmax ----===//
//
// Each op moves its dim innermost (reduceRows) and works row by row.
// max/min/argmax return the first index of the extreme value, or of the
// first NaN (NaN propagates, as in PyTorch). cumsum accumulates floats in
// float64, which is ATen's CPU accumulate type, so float32 results match
// PyTorch exactly. float32 softmax/log_softmax are ATen's kernels
// (SoftmaxRow.h), bit for bit; float64 subtracts the row maximum before
// exponentiating and sums in float64.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Loops.h"
#include "Tensor/SoftmaxRow.h"
#include "Tensor/Tensor.h"

#include <cmath>

namespace janus::rt {

namespace {
// Index of the extreme element of P[0, N), NaN winning.
template <typename T> int64_t extremeIndex(const T *P, int64_t N, bool IsMax) {
  int64_t Best = 0;
  for (int64_t I = 1; I < N; ++I) {
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(P[Best]))
        return Best;
      if (std::isnan(P[I]))
        return I;
    }
    if (IsMax ? P[I] > P[Best] : P[I] < P[Best])
      Best = I;
  }
  return Best;
}

std::pair<Tensor, Tensor> extremeDim(const Tensor &A, int64_t D, bool KeepDim,
                                     bool IsMax, const char *Name) {
  int64_t W = wrapDim(D, A.dim());
  if (A.dim() > 0 && A.sizes()[W] == 0)
    throw TensorError(ErrorKind::IndexError,
                      std::string(Name) + "(): Expected reduction dim " +
                          std::to_string(W) + " to have non-zero size.");
  RowView R = reduceRows(A, {D}, KeepDim, A.dtype());
  Tensor Values = empty(R.OutShape, A.dtype());
  Tensor Indices = empty(R.OutShape, DType::Int64);
  dispatch(A.dtype(), [&](auto Tag) {
    using ET = decltype(Tag);
    const ET *In = R.Data.dataPtr<ET>();
    for (int64_t I = 0; I < R.Rows; ++I) {
      int64_t J = extremeIndex(In + I * R.Len, R.Len, IsMax);
      Values.dataPtr<ET>()[I] = In[I * R.Len + J];
      Indices.dataPtr<int64_t>()[I] = J;
    }
  });
  return {Values, Indices};
}

// Applies Fn(In, Out, Len) to every row along D; Out has A's shape.
template <typename F>
Tensor alongDim(const Tensor &A, int64_t D, DType InT, DType OutT, F Fn) {
  int64_t W = wrapDim(D, A.dim());
  int64_t Last = std::max<int64_t>(A.dim() - 1, 0);
  Tensor Moved = A.dim() == 0 ? A : transpose(A, W, Last);
  RowView R = reduceRows(Moved, {-1}, true, InT);
  Tensor Out = empty(Moved.sizes(), OutT);
  for (int64_t I = 0; I < R.Rows; ++I)
    Fn(R.Data, Out, I * R.Len, R.Len);
  return A.dim() == 0 ? Out : contiguous(transpose(Out, W, Last));
}

template <typename F>
Tensor softmaxLike(const Tensor &A, int64_t D, const char *Kernel, F Fn) {
  if (!isFloating(A.dtype()))
    throw TensorError(ErrorKind::RuntimeError, std::string("\"") + Kernel +
                                                   "\" not implemented for '" +
                                                   dtypeName(A.dtype()) + "'");
  return alongDim(
      A, D, DType::Float64, A.dtype(),
      [&](const Tensor &In, const Tensor &Out, int64_t Off, int64_t N) {
        const double *P = In.dataPtr<double>() + Off;
        double Max = -INFINITY;
        for (int64_t I = 0; I < N; ++I)
          Max = std::isnan(P[I]) || P[I] > Max ? P[I] : Max;
        double Sum = 0;
        for (int64_t I = 0; I < N; ++I)
          Sum += std::exp(P[I] - Max);
        dispatch(A.dtype(), [&](auto Tag) {
          using ET = decltype(Tag);
          if constexpr (std::is_floating_point_v<ET>)
            for (int64_t I = 0; I < N; ++I)
              Out.dataPtr<ET>()[Off + I] = static_cast<ET>(Fn(P[I], Max, Sum));
        });
      });
}
} // namespace

std::pair<Tensor, Tensor> max(const Tensor &A, int64_t D, bool KeepDim) {
  return extremeDim(A, D, KeepDim, true, "max");
}
std::pair<Tensor, Tensor> min(const Tensor &A, int64_t D, bool KeepDim) {
  return extremeDim(A, D, KeepDim, false, "min");
}

Tensor argmax(const Tensor &A) {
  if (A.numel() == 0)
    throw TensorError(ErrorKind::IndexError,
                      "argmax(): Expected reduction dim to be specified for "
                      "input.numel() == 0.");
  return argmax(reshape(A, {-1}), 0, false);
}

Tensor argmax(const Tensor &A, int64_t D, bool KeepDim) {
  return extremeDim(A, D, KeepDim, true, "argmax").second;
}

Tensor cumsum(const Tensor &A, int64_t D) {
  bool Float = isFloating(A.dtype());
  DType OutT = Float ? A.dtype() : DType::Int64;
  return alongDim(
      A, D, Float ? DType::Float64 : DType::Int64, OutT,
      [&](const Tensor &In, const Tensor &Out, int64_t Off, int64_t N) {
        dispatch(OutT, [&](auto Tag) {
          using ET = decltype(Tag);
          using AccT =
              std::conditional_t<std::is_floating_point_v<ET>, double, int64_t>;
          if constexpr (!std::is_same_v<ET, bool>) {
            const AccT *P = In.dataPtr<AccT>() + Off;
            AccT S = 0;
            for (int64_t I = 0; I < N; ++I) {
              S += P[I];
              Out.dataPtr<ET>()[Off + I] = static_cast<ET>(S);
            }
          }
        });
      });
}

// float32 over the last dim: ATen's vectorized kernel, row by row.
static Tensor lastDimF32(const Tensor &A,
                         void (*Row)(const float *, float *, int64_t)) {
  Tensor In = contiguous(A);
  Tensor Out = empty(A.sizes(), DType::Float32);
  int64_t N = A.dim() == 0 ? 1 : A.sizes().back();
  if (N == 0)
    return Out;
  const float *X = In.dataPtr<float>();
  float *Y = Out.dataPtr<float>();
  for (int64_t Off = 0; Off < In.numel(); Off += N)
    Row(X + Off, Y + Off, N);
  return Out;
}

static bool isLastDimF32(const Tensor &A, int64_t D) {
  if (A.dtype() != DType::Float32)
    return false;
  int64_t W = wrapDim(D, A.dim());
  return A.dim() == 0 || W == A.dim() - 1;
}

// float32 over another dim: ATen's kernel on each [dim, inner] block.
static Tensor innerDimF32(const Tensor &A, int64_t D,
                          void (*Block)(const float *, float *, int64_t,
                                        int64_t)) {
  int64_t W = wrapDim(D, A.dim());
  Tensor In = contiguous(A);
  Tensor Out = empty(A.sizes(), DType::Float32);
  int64_t DimSize = A.sizes()[W], Inner = 1;
  for (int64_t I = W + 1; I < A.dim(); ++I)
    Inner *= A.sizes()[I];
  int64_t BlockSize = DimSize * Inner;
  if (BlockSize == 0)
    return Out;
  const float *X = In.dataPtr<float>();
  float *Y = Out.dataPtr<float>();
  for (int64_t Off = 0; Off < In.numel(); Off += BlockSize)
    Block(X + Off, Y + Off, DimSize, Inner);
  return Out;
}

Tensor softmax(const Tensor &A, int64_t D) {
  if (isLastDimF32(A, D))
    return lastDimF32(A, softmaxrow::softmaxF32);
  if (A.dtype() == DType::Float32)
    return innerDimF32(A, D, softmaxrow::softmaxInnerF32);
  return softmaxLike(
      A, D, "softmax_lastdim_kernel_impl",
      [](double X, double Max, double Sum) { return std::exp(X - Max) / Sum; });
}

Tensor logSoftmax(const Tensor &A, int64_t D) {
  if (isLastDimF32(A, D))
    return lastDimF32(A, softmaxrow::logSoftmaxF32);
  if (A.dtype() == DType::Float32)
    return innerDimF32(A, D, softmaxrow::logSoftmaxInnerF32);
  return softmaxLike(
      A, D, "log_softmax_lastdim_kernel_impl",
      [](double X, double Max, double Sum) { return X - Max - std::log(Sum); });
}

} // namespace janus::rt
