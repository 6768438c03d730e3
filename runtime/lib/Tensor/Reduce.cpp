//===- Reduce.cpp - sum, mean, var/std, norm and whole-tensor max/min -----===//
//
// Reductions over all elements or a list of dims (keepdim as PyTorch). The
// input is rearranged so that the reduced dims form contiguous rows
// (reduceRows) and each row is reduced with a simple loop.
//
// Floating sum, mean, var and std are computed as ATen 1.13 computes them
// on the CPU with one thread (CascadeSum.h: the same walk, the same
// cascade of partial sums in the tensor's own type, mean as the sum
// divided in that type, var/std in float64 around it), so that results
// equal PyTorch's bit for bit rather than only to a tolerance. norm
// accumulates in float64.
//
//===----------------------------------------------------------------------===//

#include "Tensor/CascadeSum.h"
#include "Tensor/Loops.h"
#include "Tensor/Tensor.h"

#include <cmath>
#include <limits>

namespace janus::rt {

std::vector<bool> reducedDimMask(int64_t Rank, const Shape &Dims) {
  std::vector<bool> Reduced(std::max<int64_t>(Rank, 1), Dims.empty());
  for (int64_t D : Dims) {
    int64_t W = wrapDim(D, Rank);
    if (Reduced[W])
      throw TensorError(ErrorKind::RuntimeError,
                        "dim " + std::to_string(W) +
                            " appears multiple times in the list of dims");
    Reduced[W] = true;
  }
  return Reduced;
}

RowView reduceRows(const Tensor &A, const Shape &Dims, bool KeepDim, DType T) {
  int64_t Rank = A.dim();
  std::vector<bool> Reduced = reducedDimMask(Rank, Dims);
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

} // namespace

Tensor sum(const Tensor &A) { return sum(A, {}, false); }

Tensor sum(const Tensor &A, const Shape &Dims, bool KeepDim) {
  if (isFloating(A.dtype()))
    return cascadeSum(A, Dims, KeepDim);
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
  // ATen's CPU mean: the sum, then divided by the count in the tensor's
  // own type.
  Tensor S = cascadeSum(A, Dims, KeepDim);
  int64_t Count = S.numel() == 0 ? 0 : A.numel() / S.numel();
  if (A.dtype() == DType::Float32) {
    float *P = S.dataPtr<float>();
    for (int64_t I = 0; I < S.numel(); ++I)
      P[I] /= static_cast<float>(Count);
  } else {
    double *P = S.dataPtr<double>();
    for (int64_t I = 0; I < S.numel(); ++I)
      P[I] /= static_cast<double>(Count);
  }
  return S;
}

Tensor var(const Tensor &A, const Shape &Dims, bool Unbiased, bool KeepDim) {
  requireFloating(A, "std and var only support floating point and complex "
                     "dtypes");
  return atenVar(A, Dims, Unbiased ? 1.0 : 0.0, KeepDim, /*TakeSqrt=*/false);
}

Tensor std(const Tensor &A, const Shape &Dims, bool Unbiased, bool KeepDim) {
  requireFloating(A, "std and var only support floating point and complex "
                     "dtypes");
  return atenVar(A, Dims, Unbiased ? 1.0 : 0.0, KeepDim, /*TakeSqrt=*/true);
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
