//===- Embedding.cpp - F.embedding, its weight gradient, max_norm ---------===//
//
// Rows of the weight gathered by int64 indices of any shape. padding_idx
// only matters to the backward (its row gets no gradient); F.embedding
// normalises a negative padding_idx against the number of rows first.
// embeddingRenorm is F.embedding's max_norm: ATen's embedding_renorm_,
// which rescales in place each distinct referenced row whose norm exceeds
// max_norm.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace janus::rt {

using namespace nn;

namespace {
std::optional<int64_t> normalisePadding(std::optional<int64_t> PaddingIdx,
                                        int64_t NumWeights) {
  if (!PaddingIdx)
    return PaddingIdx;
  // PyTorch raises AssertionError here; ValueError is the closest kind.
  if (*PaddingIdx >= NumWeights || *PaddingIdx < -NumWeights)
    fail("Padding_idx must be within num_embeddings", ErrorKind::ValueError);
  return *PaddingIdx < 0 ? *PaddingIdx + NumWeights : *PaddingIdx;
}

void checkIndices(const Tensor &Indices) {
  if (Indices.dtype() != DType::Int64)
    fail("Expected tensor for argument #1 'indices' to have one of the "
         "following scalar types: Long, Int; but got " +
         tensorTypeName(Indices.dtype()) +
         " instead (while checking arguments for embedding)");
}
} // namespace

Tensor embedding(const Tensor &Weight, const Tensor &Indices,
                 std::optional<int64_t> PaddingIdx) {
  if (Weight.dim() != 2)
    fail("'weight' must be 2-D");
  normalisePadding(PaddingIdx, Weight.size(0));
  checkIndices(Indices);
  Tensor W = contiguous(Weight), Idx = contiguous(Indices);
  int64_t Rows = W.size(0), D = W.size(1), Count = Idx.numel();
  Shape OutShape = Idx.sizes();
  OutShape.push_back(D);
  Tensor Out = empty(OutShape, W.dtype());
  const int64_t *I = Idx.dataPtr<int64_t>();
  size_t RowBytes = D * elementSize(W.dtype());
  for (int64_t K = 0; K < Count; ++K) {
    if (I[K] < 0 || I[K] >= Rows)
      fail("index out of range in self", ErrorKind::IndexError);
    std::memcpy(static_cast<char *>(Out->data()) + K * RowBytes,
                W->data() + I[K] * RowBytes, RowBytes);
  }
  return Out;
}

Tensor embeddingBackward(const Tensor &GradOut, const Tensor &Indices,
                         int64_t NumWeights,
                         std::optional<int64_t> PaddingIdx) {
  PaddingIdx = normalisePadding(PaddingIdx, NumWeights);
  checkIndices(Indices);
  Tensor Go = contiguous(GradOut), Idx = contiguous(Indices);
  int64_t D = Go.size(Go.dim() - 1), Count = Idx.numel();
  Tensor GradW = zeros({NumWeights, D}, Go.dtype());
  const int64_t *I = Idx.dataPtr<int64_t>();
  dispatchFloat(Go.dtype(), "embedding_backward", [&](auto Tag) {
    using T = decltype(Tag);
    const T *G = Go.dataPtr<T>();
    T *Out = GradW.dataPtr<T>();
    for (int64_t K = 0; K < Count; ++K) {
      if (PaddingIdx && I[K] == *PaddingIdx)
        continue;
      if (I[K] < 0 || I[K] >= NumWeights)
        fail("index out of range in self", ErrorKind::IndexError);
      for (int64_t J = 0; J < D; ++J)
        Out[I[K] * D + J] += G[K * D + J];
    }
  });
  return GradW;
}

namespace {
// Tensor.norm(p) of a row, computed in double and rounded to the row's
// dtype (ATen returns a tensor of that dtype and reads it with item()).
double rowNorm(const Tensor &Row, double P) {
  if (!isFloating(Row.dtype()))
    fail(std::string("norm(): input dtype should be either floating point "
                     "or complex. Got ") +
         dtypeName(Row.dtype()) + " instead.");
  Tensor R = to(contiguous(Row), DType::Float64);
  const double *X = R.dataPtr<double>();
  int64_t N = R.numel();
  double Acc = 0;
  if (std::isinf(P)) {
    Acc = P > 0 ? 0.0 : std::numeric_limits<double>::infinity();
    for (int64_t I = 0; I < N; ++I)
      Acc = P > 0 ? std::max(Acc, std::fabs(X[I]))
                  : std::min(Acc, std::fabs(X[I]));
  } else if (P == 0) {
    for (int64_t I = 0; I < N; ++I)
      Acc += X[I] != 0;
  } else {
    for (int64_t I = 0; I < N; ++I)
      Acc += P == 1   ? std::fabs(X[I])
             : P == 2 ? X[I] * X[I]
                      : std::pow(std::fabs(X[I]), P);
    Acc = P == 1 ? Acc : P == 2 ? std::sqrt(Acc) : std::pow(Acc, 1.0 / P);
  }
  return Row.dtype() == DType::Float32 ? double(float(Acc)) : Acc;
}
} // namespace

Tensor &embeddingRenorm(Tensor &Weight, const Tensor &Indices, double MaxNorm,
                        double NormType) {
  if (Weight.dim() != 2)
    fail("Expected 2-dimensional tensor, but got " +
         std::to_string(Weight.dim()) +
         "-dimensional tensor for argument #1 'self' (while checking "
         "arguments for embedding_renorm_)");
  if (Indices.dtype() != DType::Int64)
    fail("Expected tensor for argument #2 'indices' to have one of the "
         "following scalar types: Long, Int; but got " +
         tensorTypeName(Indices.dtype()) +
         " instead (while checking arguments for embedding_renorm_)");
  Tensor Idx = contiguous(Indices);
  std::vector<int64_t> Sorted(Idx.dataPtr<int64_t>(),
                              Idx.dataPtr<int64_t>() + Idx.numel());
  std::sort(Sorted.begin(), Sorted.end());
  int64_t Rows = Weight.size(0);
  for (size_t I = 0; I < Sorted.size(); ++I) {
    if (I > 0 && Sorted[I] == Sorted[I - 1])
      continue;
    // self[i]: a negative index counts from the end, as in Python.
    int64_t K = Sorted[I];
    if (K < -Rows || K >= Rows)
      fail("select(): index " + std::to_string(K) +
               " out of range for tensor of size " +
               shapeToString(Weight.sizes()) + " at dimension 0",
           ErrorKind::IndexError);
    Tensor Row = select(Weight, 0, K < 0 ? K + Rows : K);
    double Norm = rowNorm(Row, NormType);
    if (Norm > MaxNorm)
      mulInPlace(Row, wrappedScalar(Scalar(MaxNorm / (Norm + 1e-7))));
  }
  return Weight;
}

} // namespace janus::rt
