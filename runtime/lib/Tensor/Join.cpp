//===- Join.cpp - cat, stack, split, chunk, unbind, repeat ----------------===//
//
// Joining copies each input into a narrow()ed window of one new tensor, so
// dtype conversion and strided inputs come from copyElements. Splitting
// returns narrow()/select() views, so the pieces alias the input. The order
// of the checks follows ATen's, because with several problems at once the
// first check decides which message the user sees.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Indexing.h"
#include "Tensor/Loops.h"

#include <algorithm>

namespace janus::rt {

namespace {
[[noreturn]] void fail(const std::string &Msg) {
  throw TensorError(ErrorKind::RuntimeError, Msg);
}

// PyTorch keeps accepting `cat([x, torch.tensor([])])` from the days when
// a 1-D empty tensor was the only empty tensor: such inputs are ignored.
bool isSkippedByCat(const Tensor &T) {
  return T.dim() == 1 && T.sizes()[0] == 0;
}
} // namespace

Tensor cat(const std::vector<Tensor> &Tensors, int64_t Dim) {
  if (Tensors.empty())
    fail("torch.cat(): expected a non-empty list of Tensors");
  for (size_t I = 0; I < Tensors.size(); ++I)
    if (Tensors[I].dim() == 0)
      fail("zero-dimensional tensor (at position " + std::to_string(I) +
           ") cannot be concatenated");
  // ATen's legacy_cat_wrap_dim: the first tensor that is not skipped
  // decides how a negative dim wraps.
  const Tensor *First = nullptr;
  for (const Tensor &T : Tensors)
    if (!isSkippedByCat(T)) {
      First = &T;
      break;
    }
  std::vector<const Tensor *> Ptrs;
  for (const Tensor &T : Tensors)
    Ptrs.push_back(&T);
  DType Type = resultType(Ptrs);
  if (!First)
    return empty({0}, Type);
  Dim = wrapDim(Dim, First->dim());
  Shape Sizes = First->sizes();
  int64_t Total = 0;
  for (size_t I = 0; I < Tensors.size(); ++I) {
    const Tensor &T = Tensors[I];
    if (isSkippedByCat(T))
      continue;
    if (T.dim() != First->dim())
      fail("Tensors must have same number of dimensions: got " +
           std::to_string(First->dim()) + " and " + std::to_string(T.dim()));
    for (int64_t D = 0; D < T.dim(); ++D)
      if (D != Dim && T.sizes()[D] != Sizes[D])
        fail("Sizes of tensors must match except in dimension " +
             std::to_string(Dim) + ". Expected size " +
             std::to_string(Sizes[D]) + " but got size " +
             std::to_string(T.sizes()[D]) + " for tensor number " +
             std::to_string(I) + " in the list.");
    Total += T.sizes()[Dim];
  }
  Sizes[Dim] = Total;
  Tensor Out = empty(Sizes, Type);
  int64_t Offset = 0;
  for (const Tensor &T : Tensors) {
    if (isSkippedByCat(T))
      continue;
    int64_t Len = T.sizes()[Dim];
    copyElements(slice(Out, Dim, Offset, Offset + Len), T);
    Offset += Len;
  }
  return Out;
}

Tensor stack(const std::vector<Tensor> &Tensors, int64_t Dim) {
  if (Tensors.empty())
    fail("stack expects a non-empty TensorList");
  Dim = wrapDim(Dim, Tensors[0].dim() + 1);
  std::vector<Tensor> Unsqueezed;
  for (size_t I = 0; I < Tensors.size(); ++I) {
    if (Tensors[I].sizes() != Tensors[0].sizes())
      fail("stack expects each tensor to be equal size, but got " +
           shapeToString(Tensors[0].sizes()) + " at entry 0 and " +
           shapeToString(Tensors[I].sizes()) + " at entry " +
           std::to_string(I));
    Unsqueezed.push_back(unsqueeze(Tensors[I], Dim));
  }
  return cat(Unsqueezed, Dim);
}

std::vector<Tensor> split(const Tensor &Src, int64_t SplitSize, int64_t Dim) {
  if (Src.dim() == 0)
    fail("split expects at least a 1-dimensional tensor");
  if (SplitSize < 0)
    fail("split expects split_size be non-negative, but got split_size=" +
         std::to_string(SplitSize));
  int64_t DimSize = Src.size(Dim);
  if (SplitSize == 0 && DimSize != 0)
    fail("split_size can only be 0 if dimension size is 0, but got "
         "dimension size of " +
         std::to_string(DimSize));
  // At least one piece, even when SplitSize exceeds the size (or is 0).
  int64_t NumSplits = 1;
  if (SplitSize != 0)
    NumSplits = std::max<int64_t>((DimSize + SplitSize - 1) / SplitSize, 1);
  int64_t LastSize = SplitSize - (SplitSize * NumSplits - DimSize);
  std::vector<Tensor> Pieces;
  for (int64_t I = 0; I < NumSplits; ++I)
    Pieces.push_back(narrow(Src, Dim, I * SplitSize,
                            I < NumSplits - 1 ? SplitSize : LastSize));
  return Pieces;
}

std::vector<Tensor> splitWithSizes(const Tensor &Src,
                                   const std::vector<int64_t> &Sizes,
                                   int64_t Dim) {
  if (Src.dim() == 0)
    fail("split expects at least a 1-dimensional tensor");
  int64_t DimSize = Src.size(Dim);
  int64_t Total = 0;
  for (int64_t Len : Sizes) {
    if (Len < 0)
      fail("split_with_sizes expects split_sizes have only non-negative "
           "entries, but got split_sizes=" +
           shapeToString(Sizes));
    Total += Len;
  }
  if (Total != DimSize)
    fail("split_with_sizes expects split_sizes to sum exactly to " +
         std::to_string(DimSize) + " (input tensor's size at dimension " +
         std::to_string(Dim) +
         "), but got split_sizes=" + shapeToString(Sizes));
  std::vector<Tensor> Pieces;
  int64_t Start = 0;
  for (int64_t Len : Sizes) {
    Pieces.push_back(narrow(Src, Dim, Start, Len));
    Start += Len;
  }
  return Pieces;
}

std::vector<Tensor> chunk(const Tensor &Src, int64_t Chunks, int64_t Dim) {
  if (Src.dim() == 0)
    fail("chunk expects at least a 1-dimensional tensor");
  if (Chunks <= 0)
    fail("chunk expects `chunks` to be greater than 0, got: " +
         std::to_string(Chunks));
  int64_t DimSize = Src.size(Dim);
  int64_t SplitSize = (DimSize + Chunks - 1) / Chunks;
  // split() would give one empty piece; ATen keeps the number of chunks.
  if (SplitSize == 0 && DimSize == 0)
    return splitWithSizes(Src, std::vector<int64_t>(Chunks, 0), Dim);
  return split(Src, SplitSize, Dim);
}

std::vector<Tensor> unbind(const Tensor &Src, int64_t Dim) {
  if (Src.dim() == 0)
    throw TensorError(ErrorKind::IndexError,
                      "Dimension specified as 0 but tensor has no dimensions");
  Dim = wrapDim(Dim, Src.dim());
  std::vector<Tensor> Out;
  for (int64_t I = 0; I < Src.sizes()[Dim]; ++I)
    Out.push_back(select(Src, Dim, I));
  return Out;
}

Tensor repeat(const Tensor &Src, const Shape &Repeats) {
  int64_t Rank = static_cast<int64_t>(Repeats.size());
  if (Rank < Src.dim())
    fail("Number of dimensions of repeat dims can not be smaller than "
         "number of dimensions of tensor");
  Shape Padded(Rank - Src.dim(), 1);
  Padded.insert(Padded.end(), Src.sizes().begin(), Src.sizes().end());
  Shape Target(Rank);
  for (int64_t D = 0; D < Rank; ++D)
    Target[D] = Padded[D] * Repeats[D];
  Tensor Out = empty(Target, Src.dtype());
  if (Out.numel() == 0)
    return Out;
  // View Out as [R0, S0, R1, S1, ...] and copy Src broadcast over the R
  // dimensions (ATen unfolds the output the same way).
  Shape Sizes2, OutStrides2, SrcStrides2;
  Tensor Expanded = expand(Src, Padded);
  for (int64_t D = 0; D < Rank; ++D) {
    Sizes2.push_back(Repeats[D]);
    Sizes2.push_back(Padded[D]);
    OutStrides2.push_back(Out.strides()[D] * Padded[D]);
    OutStrides2.push_back(Out.strides()[D]);
    SrcStrides2.push_back(0);
    SrcStrides2.push_back(Expanded.strides()[D]);
  }
  copyElements(
      asStrided(Out, Sizes2, OutStrides2, 0),
      asStrided(Expanded, Sizes2, SrcStrides2, Expanded->storageOffset()));
  return Out;
}

Tensor repeatBackward(const Tensor &Grad, const Shape &Repeats,
                      const Shape &InputSizes) {
  if (std::find(Repeats.begin(), Repeats.end(), 0) != Repeats.end())
    return zeros(InputSizes, Grad.dtype());
  int64_t InputDims = static_cast<int64_t>(InputSizes.size());
  int64_t NumNew = Grad.dim() - InputDims;
  Tensor G = Grad;
  for (int64_t I = 0; I < NumNew; ++I)
    G = sum(G, {0});
  // [.., R, S, ..] per repeated dim, then one sum over all the R dims.
  Shape GradSizes, SumDims;
  for (int64_t D = 0; D < InputDims; ++D) {
    int64_t R = Repeats[D + NumNew];
    if (R != 1) {
      GradSizes.push_back(R);
      SumDims.push_back(static_cast<int64_t>(GradSizes.size()) - 1);
    }
    GradSizes.push_back(InputSizes[D]);
  }
  G = reshape(G, GradSizes);
  return SumDims.empty() ? G : sum(G, SumDims);
}

} // namespace janus::rt
