//===- Embedding.cpp - F.embedding and its dense weight gradient ----------===//
//
// Rows of the weight gathered by int64 indices of any shape. padding_idx
// only matters to the backward (its row gets no gradient); F.embedding
// normalises a negative padding_idx against the number of rows first.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"

#include <cstring>

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

} // namespace janus::rt
