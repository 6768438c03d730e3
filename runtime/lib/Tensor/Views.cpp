//===- Views.cpp - Tensors that share storage -----------------------------===//
//
// view/reshape/transpose/permute/squeeze/unsqueeze/expand/narrow/slice/
// select: each returns a new TensorImpl over the same Storage with other
// sizes, strides and offset, so writes through a view are visible in the
// base. view() follows ATen's computeStride (a view is possible when every
// run of merged dimensions is contiguous within itself); reshape() copies
// exactly when view() would fail. Messages are PyTorch 1.13's.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Tensor.h"

#include <algorithm>

namespace janus::rt {

namespace {
[[noreturn]] void fail(ErrorKind K, const std::string &Msg) {
  throw TensorError(K, Msg);
}

// ATen's infer_size: resolves one -1 and checks the element count.
Shape inferSize(const Shape &Sizes, int64_t Numel) {
  Shape Out = Sizes;
  int64_t Known = 1;
  std::optional<size_t> Infer;
  for (size_t I = 0; I < Sizes.size(); ++I) {
    if (Sizes[I] == -1) {
      if (Infer)
        fail(ErrorKind::RuntimeError, "only one dimension can be inferred");
      Infer = I;
    } else if (Sizes[I] >= 0) {
      Known *= Sizes[I];
    } else {
      fail(ErrorKind::RuntimeError,
           "invalid shape dimension " + std::to_string(Sizes[I]));
    }
  }
  if (Numel == Known || (Infer && Known > 0 && Numel % Known == 0)) {
    if (Infer)
      Out[*Infer] = Numel / Known;
    return Out;
  }
  fail(ErrorKind::RuntimeError, "shape '" + shapeToString(Sizes) +
                                    "' is invalid for input of size " +
                                    std::to_string(Numel));
}

// ATen's computeStride: strides for viewing (OldSizes, OldStrides) as
// NewSizes, or nothing if some merged run of dimensions is not contiguous.
std::optional<Shape> computeStride(const Shape &OldSizes,
                                   const Shape &OldStrides,
                                   const Shape &NewSizes) {
  if (OldSizes.empty())
    return Shape(NewSizes.size(), 1);
  int64_t Numel = 1;
  for (int64_t S : OldSizes)
    Numel *= S;
  if (Numel == 0 && OldSizes == NewSizes)
    return OldStrides;
  int64_t NewRank = static_cast<int64_t>(NewSizes.size());
  Shape NewStrides(NewSizes.size());
  if (Numel == 0) {
    for (int64_t D = NewRank - 1; D >= 0; --D)
      NewStrides[D] = D == NewRank - 1 ? 1
                                       : std::max<int64_t>(NewSizes[D + 1], 1) *
                                             NewStrides[D + 1];
    return NewStrides;
  }
  int64_t ViewD = NewRank - 1;
  int64_t ChunkBaseStride = OldStrides.back();
  int64_t TensorNumel = 1, ViewNumel = 1;
  for (int64_t TD = static_cast<int64_t>(OldSizes.size()) - 1; TD >= 0; --TD) {
    TensorNumel *= OldSizes[TD];
    // A chunk ends where the next-outer dimension is not laid out right
    // after this one.
    if (TD == 0 || (OldSizes[TD - 1] != 1 &&
                    OldStrides[TD - 1] != TensorNumel * ChunkBaseStride)) {
      while (ViewD >= 0 && (ViewNumel < TensorNumel || NewSizes[ViewD] == 1)) {
        NewStrides[ViewD] = ViewNumel * ChunkBaseStride;
        ViewNumel *= NewSizes[ViewD];
        --ViewD;
      }
      if (ViewNumel != TensorNumel)
        return std::nullopt;
      if (TD > 0) {
        ChunkBaseStride = OldStrides[TD - 1];
        TensorNumel = 1;
        ViewNumel = 1;
      }
    }
  }
  if (ViewD != -1)
    return std::nullopt;
  return NewStrides;
}
} // namespace

Tensor asStrided(const Tensor &Src, Shape Sizes, Shape Strides,
                 int64_t Offset) {
  return Tensor(new TensorImpl(Src->storage(), Src.dtype(), std::move(Sizes),
                               std::move(Strides), Offset));
}

Tensor view(const Tensor &Src, const Shape &Sizes) {
  Shape NewSizes = inferSize(Sizes, Src.numel());
  std::optional<Shape> Strides =
      computeStride(Src.sizes(), Src.strides(), NewSizes);
  if (!Strides)
    fail(ErrorKind::RuntimeError,
         "view size is not compatible with input tensor's size and stride "
         "(at least one dimension spans across two contiguous subspaces). "
         "Use .reshape(...) instead.");
  return asStrided(Src, std::move(NewSizes), std::move(*Strides),
                   Src->storageOffset());
}

Tensor reshape(const Tensor &Src, const Shape &Sizes) {
  Shape NewSizes = inferSize(Sizes, Src.numel());
  if (std::optional<Shape> Strides =
          computeStride(Src.sizes(), Src.strides(), NewSizes))
    return asStrided(Src, std::move(NewSizes), std::move(*Strides),
                     Src->storageOffset());
  return view(clone(Src), NewSizes);
}

Tensor flatten(const Tensor &Src) { return reshape(Src, {-1}); }

Tensor transpose(const Tensor &Src, int64_t D0, int64_t D1) {
  D0 = wrapDim(D0, Src.dim());
  D1 = wrapDim(D1, Src.dim());
  Shape Sizes = Src.sizes(), Strides = Src.strides();
  if (Src.dim() > 0) {
    std::swap(Sizes[D0], Sizes[D1]);
    std::swap(Strides[D0], Strides[D1]);
  }
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset());
}

Tensor t(const Tensor &Src) {
  if (Src.dim() > 2)
    fail(ErrorKind::RuntimeError,
         "t() expects a tensor with <= 2 dimensions, but self is " +
             std::to_string(Src.dim()) + "D");
  return Src.dim() < 2 ? Src : transpose(Src, 0, 1);
}

Tensor permute(const Tensor &Src, const Shape &Dims) {
  int64_t Rank = Src.dim();
  if (static_cast<int64_t>(Dims.size()) != Rank)
    fail(ErrorKind::RuntimeError,
         "permute(sparse_coo): number of dimensions in the tensor input does "
         "not match the length of the desired ordering of dimensions i.e. "
         "input.dim() = " +
             std::to_string(Rank) +
             " is not equal to len(dims) = " + std::to_string(Dims.size()));
  Shape Sizes(Rank), Strides(Rank);
  std::vector<bool> Seen(Rank, false);
  for (int64_t I = 0; I < Rank; ++I) {
    int64_t D = wrapDim(Dims[I], Rank);
    if (Seen[D])
      fail(ErrorKind::RuntimeError,
           "permute(): duplicate dims are not allowed.");
    Seen[D] = true;
    Sizes[I] = Src.sizes()[D];
    Strides[I] = Src.strides()[D];
  }
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset());
}

Tensor squeeze(const Tensor &Src) {
  Shape Sizes, Strides;
  for (int64_t I = 0; I < Src.dim(); ++I)
    if (Src.sizes()[I] != 1) {
      Sizes.push_back(Src.sizes()[I]);
      Strides.push_back(Src.strides()[I]);
    }
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset());
}

Tensor squeeze(const Tensor &Src, int64_t D) {
  D = wrapDim(D, Src.dim());
  if (Src.dim() == 0 || Src.sizes()[D] != 1)
    return asStrided(Src, Src.sizes(), Src.strides(), Src->storageOffset());
  Shape Sizes = Src.sizes(), Strides = Src.strides();
  Sizes.erase(Sizes.begin() + D);
  Strides.erase(Strides.begin() + D);
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset());
}

Tensor unsqueeze(const Tensor &Src, int64_t D) {
  D = wrapDim(D, Src.dim() + 1);
  Shape Sizes = Src.sizes(), Strides = Src.strides();
  // The new dimension's stride only matters for contiguity checks; ATen
  // uses size * stride of the dimension it is inserted before.
  int64_t NewStride = D >= Src.dim() ? 1 : Src.sizes()[D] * Src.strides()[D];
  Sizes.insert(Sizes.begin() + D, 1);
  Strides.insert(Strides.begin() + D, NewStride);
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset());
}

Tensor expand(const Tensor &Src, const Shape &Sizes) {
  int64_t Rank = Src.dim();
  int64_t NewRank = static_cast<int64_t>(Sizes.size());
  if (NewRank < Rank)
    fail(ErrorKind::RuntimeError,
         std::string("expand(torch.") + dtypeName(Src.dtype()) + "Tensor{" +
             shapeToString(Src.sizes()) + "}, size=" + shapeToString(Sizes) +
             "): the number of sizes provided (" + std::to_string(NewRank) +
             ") must be greater or equal to the number of dimensions in the "
             "tensor (" +
             std::to_string(Rank) + ")");
  Shape OutSizes(NewRank), OutStrides(NewRank);
  for (int64_t I = NewRank - 1; I >= 0; --I) {
    int64_t Offset = NewRank - 1 - I;
    int64_t SrcD = Rank - 1 - Offset;
    int64_t Size = SrcD >= 0 ? Src.sizes()[SrcD] : 1;
    int64_t Stride = SrcD >= 0 ? Src.strides()[SrcD] : 0;
    int64_t Target = Sizes[I];
    if (Target == -1) {
      if (SrcD < 0)
        fail(ErrorKind::RuntimeError,
             "The expanded size of the tensor (-1) isn't allowed in a leading, "
             "non-existing dimension " +
                 std::to_string(I));
      Target = Size;
    }
    if (Size != Target) {
      if (Size != 1)
        fail(ErrorKind::RuntimeError,
             "The expanded size of the tensor (" + std::to_string(Target) +
                 ") must match the existing size (" + std::to_string(Size) +
                 ") at non-singleton dimension " + std::to_string(I) +
                 ".  Target sizes: " + shapeToString(Sizes) +
                 ".  Tensor sizes: " + shapeToString(Src.sizes()));
      Stride = 0; // Broadcast: every index reads the same element.
    }
    OutSizes[I] = Target;
    OutStrides[I] = Stride;
  }
  return asStrided(Src, std::move(OutSizes), std::move(OutStrides),
                   Src->storageOffset());
}

Tensor narrow(const Tensor &Src, int64_t D, int64_t Start, int64_t Length) {
  if (Src.dim() == 0)
    fail(ErrorKind::RuntimeError,
         "narrow() cannot be applied to a 0-dim tensor.");
  D = wrapDim(D, Src.dim());
  int64_t Size = Src.sizes()[D];
  if (Start < -Size || Start > Size)
    fail(ErrorKind::IndexError,
         "start out of range (expected to be in range of [" +
             std::to_string(-Size) + ", " + std::to_string(Size) +
             "], but got " + std::to_string(Start) + ")");
  if (Start < 0)
    Start += Size;
  if (Length < 0)
    fail(ErrorKind::RuntimeError, "narrow(): length must be non-negative.");
  if (Start + Length > Size)
    fail(ErrorKind::RuntimeError, "start (" + std::to_string(Start) +
                                      ") + length (" + std::to_string(Length) +
                                      ") exceeds dimension size (" +
                                      std::to_string(Size) + ").");
  return slice(Src, D, Start, Start + Length, 1);
}

Tensor slice(const Tensor &Src, int64_t D, std::optional<int64_t> Start,
             std::optional<int64_t> End, int64_t Step) {
  if (Src.dim() == 0)
    fail(ErrorKind::IndexError, "invalid index of a 0-dim tensor.");
  D = wrapDim(D, Src.dim());
  if (Step <= 0)
    fail(ErrorKind::ValueError, "step must be greater than zero");
  int64_t Size = Src.sizes()[D];
  // Python's slice bounds: negative counts from the end, then clamp.
  auto Clamp = [Size](int64_t V) {
    if (V < 0)
      V += Size;
    return std::min(std::max<int64_t>(V, 0), Size);
  };
  int64_t S = Start ? Clamp(*Start) : 0;
  int64_t E = End ? Clamp(*End) : Size;
  if (E < S)
    E = S;
  Shape Sizes = Src.sizes(), Strides = Src.strides();
  Sizes[D] = (E - S + Step - 1) / Step;
  Strides[D] *= Step;
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset() + S * Src.strides()[D]);
}

Tensor select(const Tensor &Src, int64_t D, int64_t Index) {
  if (Src.dim() == 0)
    fail(ErrorKind::IndexError, "invalid index of a 0-dim tensor. Use "
                                "`tensor.item()` in Python or "
                                "`tensor.item<T>()` in C++ to convert a "
                                "0-dim tensor to a number");
  D = wrapDim(D, Src.dim());
  int64_t Size = Src.sizes()[D];
  if (Index < -Size || Index >= Size)
    fail(ErrorKind::IndexError, "select(): index " + std::to_string(Index) +
                                    " out of range for tensor of size " +
                                    shapeToString(Src.sizes()) +
                                    " at dimension " + std::to_string(D));
  if (Index < 0)
    Index += Size;
  Shape Sizes = Src.sizes(), Strides = Src.strides();
  Sizes.erase(Sizes.begin() + D);
  Strides.erase(Strides.begin() + D);
  return asStrided(Src, std::move(Sizes), std::move(Strides),
                   Src->storageOffset() + Index * Src.strides()[D]);
}

} // namespace janus::rt
