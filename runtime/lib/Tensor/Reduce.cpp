//===- Reduce.cpp - sum, mean, var/std, norm and whole-tensor max/min -----===//
//
// Reductions over all elements or a list of dims (keepdim as PyTorch). The
// input is rearranged so that the reduced dims form contiguous rows
// (reduceRows) and each row is reduced with a simple loop.
//
// Accuracy: floating sums accumulate in float64 whatever the input type and
// are rounded once at the end. A contiguous float32 tensor reduced over its
// trailing dims (the common `loss.sum()`, `x.mean()`) is summed in place,
// without the float64 copy, with eight float64 partial sums so that the
// loop vectorizes instead of waiting on one add chain; over its leading
// dims (a bias gradient), as column sums in the general path's order; over
// both (BatchNorm's (N, H, W) of NCHW), as per-channel sums of the inner
// rows. ATen's float32 sum uses a cascade of float32
// partial sums instead, so results can differ from PyTorch in the last bit
// (ours are the correctly rounded value more often); tests compare float32
// reductions with a relative tolerance. var/std are two-pass in float64.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Loops.h"
#include "Tensor/Tensor.h"

#include <cmath>
#include <limits>

namespace janus::rt {

RowView reduceRows(const Tensor &A, const Shape &Dims, bool KeepDim, DType T) {
  int64_t Rank = A.dim();
  std::vector<bool> Reduced(std::max<int64_t>(Rank, 1), Dims.empty());
  for (int64_t D : Dims) {
    int64_t W = wrapDim(D, Rank);
    if (Reduced[W])
      throw TensorError(ErrorKind::RuntimeError,
                        "dim " + std::to_string(W) +
                            " appears multiple times in the list of dims");
    Reduced[W] = true;
  }
  RowView R;
  if (Rank == 0) {
    R.Data = contiguous(to(A, T));
    return R; // One row of one element; the result is 0-dim too.
  }
  Shape Order;
  for (int64_t D = 0; D < Rank; ++D)
    if (!Reduced[D]) {
      Order.push_back(D);
      R.OutShape.push_back(A.sizes()[D]);
      R.Rows *= A.sizes()[D];
    } else if (KeepDim) {
      R.OutShape.push_back(1);
    }
  for (int64_t D = 0; D < Rank; ++D)
    if (Reduced[D]) {
      Order.push_back(D);
      R.Len *= A.sizes()[D];
    }
  R.Data = contiguous(permute(to(A, T), Order));
  return R;
}

namespace {
DType sumType(DType T) { return isFloating(T) ? T : DType::Int64; }

void requireFloating(const Tensor &A, const std::string &Msg) {
  if (!isFloating(A.dtype()))
    throw TensorError(ErrorKind::RuntimeError, Msg);
}

// Reduces each row of doubles to one double with Fn(Row, Len).
template <typename F>
Tensor reduceFloating(const Tensor &A, const Shape &Dims, bool KeepDim, F Fn) {
  RowView R = reduceRows(A, Dims, KeepDim, DType::Float64);
  Tensor Out = empty(R.OutShape, A.dtype());
  const double *In = R.Data.dataPtr<double>();
  for (int64_t I = 0; I < R.Rows; ++I) {
    double V = Fn(In + I * R.Len, R.Len);
    if (A.dtype() == DType::Float32)
      Out.dataPtr<float>()[I] = static_cast<float>(V);
    else
      Out.dataPtr<double>()[I] = V;
  }
  return Out;
}

double sumRow(const double *P, int64_t N) {
  double S = 0;
  for (int64_t I = 0; I < N; ++I)
    S += P[I];
  return S;
}

double varRow(const double *P, int64_t N, bool Unbiased) {
  double Mean = sumRow(P, N) / static_cast<double>(N);
  double S = 0;
  for (int64_t I = 0; I < N; ++I)
    S += (P[I] - Mean) * (P[I] - Mean);
  int64_t Den = N - (Unbiased ? 1 : 0);
  return Den <= 0 ? std::numeric_limits<double>::quiet_NaN()
                  : S / static_cast<double>(Den);
}

Tensor extremeAll(const Tensor &A, bool IsMax) {
  if (A.numel() == 0)
    throw TensorError(ErrorKind::RuntimeError,
                      std::string(IsMax ? "max" : "min") +
                          "(): Expected reduction dim to be specified for "
                          "input.numel() == 0. Specify the reduction dim with "
                          "the 'dim' argument.");
  Tensor C = contiguous(A);
  Tensor Out = empty({}, A.dtype());
  dispatch(A.dtype(), [&](auto Tag) {
    using ET = decltype(Tag);
    const ET *P = C.dataPtr<ET>();
    ET Best = P[0];
    for (int64_t I = 1; I < C.numel(); ++I) {
      if constexpr (std::is_floating_point_v<ET>) {
        if (std::isnan(Best))
          break; // NaN propagates.
        if (std::isnan(P[I])) {
          Best = P[I];
          break;
        }
      }
      if (IsMax ? P[I] > Best : P[I] < Best)
        Best = P[I];
    }
    *Out.dataPtr<ET>() = Best;
  });
  return Out;
}

double sumRowFloat(const float *P, int64_t N) {
  double Acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int64_t I = 0;
  for (; I + 8 <= N; I += 8)
    for (int K = 0; K < 8; ++K)
      Acc[K] += P[I + K];
  double S = ((Acc[0] + Acc[1]) + (Acc[2] + Acc[3])) +
             ((Acc[4] + Acc[5]) + (Acc[6] + Acc[7]));
  for (; I < N; ++I)
    S += P[I];
  return S;
}

/// The sum (divided by the count when Mean) of a contiguous float32 tensor
/// over its trailing dims, its leading dims, or both (the kept dims in the
/// middle); null if A is not such a case.
Tensor sumContiguousFloat(const Tensor &A, const Shape &Dims, bool KeepDim,
                          bool Mean) {
  int64_t Rank = A.dim();
  if (A.dtype() != DType::Float32 || Rank == 0 || !A->isContiguous())
    return Tensor();
  std::vector<bool> Reduced(Rank, Dims.empty());
  for (int64_t D : Dims) {
    int64_t W = wrapDim(D, Rank);
    if (Reduced[W])
      return Tensor(); // The general path reports the duplicate.
    Reduced[W] = true;
  }
  Shape OutShape;
  int64_t Kept = 1, Len = 1, Switches = 0;
  for (int64_t D = 0; D < Rank; ++D) {
    if (D > 0 && Reduced[D] != Reduced[D - 1])
      ++Switches;
    if (Reduced[D]) {
      Len *= A.sizes()[D];
      if (KeepDim)
        OutShape.push_back(1);
      continue;
    }
    OutShape.push_back(A.sizes()[D]);
    Kept *= A.sizes()[D];
  }
  if (Switches > 2 || (Switches == 2 && !Reduced[0]))
    return Tensor(); // Kept dims on both sides of a reduced one, or more.
  Tensor Out = empty(OutShape, DType::Float32);
  const float *In = A.dataPtr<float>();
  float *O = Out.dataPtr<float>();
  double Div = Mean ? static_cast<double>(Len) : 1.0;
  if (Switches == 2) {
    // Reduced dims around the kept ones (BatchNorm's statistics and bias
    // gradient over (N, H, W) of an NCHW tensor): A is [Outer, Kept,
    // Inner]; each channel's sum adds its Inner rows in Outer order,
    // reading the floats in place instead of a permuted float64 copy.
    int64_t Outer = 1, Inner = 1;
    for (int64_t D = 0; Reduced[D]; ++D)
      Outer *= A.sizes()[D];
    for (int64_t D = Rank - 1; Reduced[D]; --D)
      Inner *= A.sizes()[D];
    std::vector<double> Acc(Kept, 0.0);
    for (int64_t R = 0; R < Outer; ++R)
      for (int64_t C = 0; C < Kept; ++C)
        Acc[C] += sumRowFloat(In + (R * Kept + C) * Inner, Inner);
    for (int64_t C = 0; C < Kept; ++C)
      O[C] = static_cast<float>(Mean ? Acc[C] / Div : Acc[C]);
    return Out;
  }
  if (Reduced[0] && Switches == 1) {
    // Leading dims reduced (a bias gradient's sum over the batch): column
    // sums, adding the rows in order as the general path does, but
    // reading the floats in place instead of a transposed float64 copy.
    std::vector<double> Acc(Kept, 0.0);
    for (int64_t R = 0; R < Len; ++R)
      for (int64_t C = 0; C < Kept; ++C)
        Acc[C] += In[R * Kept + C];
    for (int64_t C = 0; C < Kept; ++C)
      O[C] = static_cast<float>(Mean ? Acc[C] / Div : Acc[C]);
    return Out;
  }
  for (int64_t I = 0; I < Kept; ++I) {
    double S = sumRowFloat(In + I * Len, Len);
    O[I] = static_cast<float>(Mean ? S / Div : S);
  }
  return Out;
}
} // namespace

Tensor sum(const Tensor &A) { return sum(A, {}, false); }

Tensor sum(const Tensor &A, const Shape &Dims, bool KeepDim) {
  if (Tensor Fast = sumContiguousFloat(A, Dims, KeepDim, /*Mean=*/false))
    return Fast;
  if (isFloating(A.dtype()))
    return reduceFloating(A, Dims, KeepDim, sumRow);
  RowView R = reduceRows(A, Dims, KeepDim, DType::Int64);
  Tensor Out = empty(R.OutShape, sumType(A.dtype()));
  const int64_t *In = R.Data.dataPtr<int64_t>();
  for (int64_t I = 0; I < R.Rows; ++I) {
    int64_t S = 0;
    for (int64_t J = 0; J < R.Len; ++J)
      S += In[I * R.Len + J];
    Out.dataPtr<int64_t>()[I] = S;
  }
  return Out;
}

Tensor mean(const Tensor &A) { return mean(A, {}, false); }

Tensor mean(const Tensor &A, const Shape &Dims, bool KeepDim) {
  requireFloating(A, std::string("mean(): could not infer output dtype. Input "
                                 "dtype must be either a floating point or "
                                 "complex dtype. Got: ") +
                         dtypeName(A.dtype()));
  if (Tensor Fast = sumContiguousFloat(A, Dims, KeepDim, /*Mean=*/true))
    return Fast;
  return reduceFloating(A, Dims, KeepDim, [](const double *P, int64_t N) {
    return sumRow(P, N) / static_cast<double>(N);
  });
}

Tensor var(const Tensor &A, const Shape &Dims, bool Unbiased, bool KeepDim) {
  requireFloating(A, "std and var only support floating point and complex "
                     "dtypes");
  return reduceFloating(A, Dims, KeepDim,
                        [Unbiased](const double *P, int64_t N) {
                          return varRow(P, N, Unbiased);
                        });
}

Tensor std(const Tensor &A, const Shape &Dims, bool Unbiased, bool KeepDim) {
  requireFloating(A, "std and var only support floating point and complex "
                     "dtypes");
  return reduceFloating(A, Dims, KeepDim,
                        [Unbiased](const double *P, int64_t N) {
                          return std::sqrt(varRow(P, N, Unbiased));
                        });
}

Tensor norm(const Tensor &A) { return norm(A, {}, false); }

Tensor norm(const Tensor &A, const Shape &Dims, bool KeepDim) {
  requireFloating(A, std::string("norm(): input dtype should be either "
                                 "floating point or complex. Got ") +
                         dtypeName(A.dtype()) + " instead.");
  return reduceFloating(A, Dims, KeepDim, [](const double *P, int64_t N) {
    double S = 0;
    for (int64_t I = 0; I < N; ++I)
      S += P[I] * P[I];
    return std::sqrt(S);
  });
}

Tensor max(const Tensor &A) { return extremeAll(A, true); }
Tensor min(const Tensor &A) { return extremeAll(A, false); }

} // namespace janus::rt
