//===- Gather.cpp - gather, scatter, index_select, index_add, masked_fill -===//
//
// gather and scatter use ATen's restriding trick: the tensor indexed along
// Dim is viewed with Index's shape and stride 0 along Dim, so one strided
// walk (forEachRow) visits an Index element, its partner element and the
// start of the indexed row together; the kernel then only adds
// Index * stride(Dim). index_select and index_add are the same kernels with
// the 1-D index expanded along the other dimensions. Checks and messages
// are ATen 1.13's, in its order.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Indexing.h"
#include "Tensor/Loops.h"

namespace janus::rt {

namespace {
[[noreturn]] void fail(const std::string &Msg,
                       ErrorKind K = ErrorKind::RuntimeError) {
  throw TensorError(K, Msg);
}

// ATen's ensure_nonempty_dim/size: a 0-dim tensor counts as 1-D of size 1.
int64_t nonemptyDim(const Tensor &T) { return T.dim() == 0 ? 1 : T.dim(); }
int64_t nonemptySize(const Tensor &T, int64_t D) {
  return T.dim() == 0 ? 1 : T.size(D);
}

// T viewed with Sizes (no larger than T's), keeping T's strides but 0 along
// Dim when ZeroDim; a 0-dim T is one element repeated.
Tensor restride(const Tensor &T, const Shape &Sizes, int64_t Dim,
                bool ZeroDim) {
  Shape Strides(Sizes.size(), 0);
  if (T.dim() != 0)
    for (size_t D = 0; D < Sizes.size(); ++D)
      Strides[D] = (ZeroDim && int64_t(D) == Dim) ? 0 : T.strides()[D];
  return asStrided(T, Sizes, Strides, T->storageOffset());
}

enum class ScatterMode { Gather, Copy, Add };

// Self is indexed along Dim: Gather reads Other[i] = Self[.., Index[i], ..],
// Copy and Add write Self[.., Index[i], ..] (=|+=) Other[i]. Other and
// Index are already viewed with Index's shape.
void scatterGatherKernel(ScatterMode Mode, const Tensor &Self, int64_t Dim,
                         const Tensor &Index, const Tensor &Other) {
  int64_t DimSize = Self.dim() == 0 ? 1 : Self.sizes()[Dim];
  int64_t ESize = static_cast<int64_t>(elementSize(Self.dtype()));
  int64_t DimStride = (Self.dim() == 0 ? 0 : Self.strides()[Dim]) * ESize;
  Tensor SelfR = restride(Self, Index.sizes(), Dim, /*ZeroDim=*/true);
  dispatch(Self.dtype(), [&](auto Tag) {
    using T = decltype(Tag);
    forEachRow<3>(
        Index.sizes(), {SelfR.get(), Index.get(), Other.get()},
        [&](std::array<char *, 3> P, std::array<int64_t, 3> S, int64_t N) {
          for (int64_t I = 0; I < N; ++I) {
            int64_t Idx = *reinterpret_cast<const int64_t *>(P[1] + I * S[1]);
            if (Idx < 0 || Idx >= DimSize)
              fail("index " + std::to_string(Idx) +
                   " is out of bounds for dimension " + std::to_string(Dim) +
                   " with size " + std::to_string(DimSize));
            T *SelfElt =
                reinterpret_cast<T *>(P[0] + I * S[0] + Idx * DimStride);
            T *OtherElt = reinterpret_cast<T *>(P[2] + I * S[2]);
            if (Mode == ScatterMode::Gather)
              *OtherElt = *SelfElt;
            else if (Mode == ScatterMode::Copy)
              *SelfElt = *OtherElt;
            else if constexpr (std::is_same_v<T, bool>)
              *SelfElt = *SelfElt || *OtherElt;
            else
              *SelfElt += *OtherElt;
          }
        });
  });
}

// ATen's scatter_shape_check.
void checkScatterShape(const Tensor &Self, int64_t Dim, const Tensor &Index,
                       const Tensor *Src) {
  if (Index.numel() == 0)
    return;
  if (nonemptyDim(Self) != nonemptyDim(Index))
    fail("Index tensor must have the same number of dimensions as self "
         "tensor");
  bool WrongShape = false;
  int64_t Dims = nonemptyDim(Self);
  for (int64_t D = 0; D < Dims && !WrongShape; ++D)
    WrongShape = D != Dim && nonemptySize(Index, D) > nonemptySize(Self, D);
  for (int64_t D = 0; Src && D < Dims && !WrongShape; ++D)
    WrongShape = nonemptySize(Index, D) > nonemptySize(*Src, D);
  std::string Msg = "Expected index " + shapeToString(Index.sizes()) +
                    " to be smaller than self " + shapeToString(Self.sizes()) +
                    " apart from dimension " + std::to_string(Dim);
  if (Src) {
    if (nonemptyDim(*Src) != nonemptyDim(Index))
      fail("Index tensor must have the same number of dimensions as src "
           "tensor");
    Msg += " and to be smaller size than src " + shapeToString(Src->sizes());
  }
  if (WrongShape)
    fail(Msg);
}

Tensor scatterImpl(ScatterMode Mode, const Tensor &Self, int64_t Dim,
                   const Tensor &Index, const Tensor *Src,
                   std::optional<Scalar> Value) {
  Dim = wrapDim(Dim, Self.dim());
  if (Index.dtype() != DType::Int64)
    fail("scatter(): Expected dtype int64 for index");
  if (Src && Src->dtype() != Self.dtype())
    fail("scatter(): Expected self.dtype to be equal to src.dtype");
  checkScatterShape(Self, Dim, Index, Src);
  Tensor Out = clone(Self);
  if (Index.numel() == 0)
    return Out;
  Tensor Other =
      Src ? restride(*Src, Index.sizes(), Dim, /*ZeroDim=*/false)
          : expand(scalarTensor(*Value, Self.dtype()), Index.sizes());
  scatterGatherKernel(Mode, Out, Dim, Index, Other);
  return Out;
}

// Index (0-dim or 1-D) viewed with Sizes, varying along Dim only.
Tensor expandAlong(const Tensor &Index, const Shape &Sizes, int64_t Dim) {
  Shape Strides(Sizes.size(), 0);
  if (!Sizes.empty() && Index.dim() == 1)
    Strides[Dim] = Index.strides()[0];
  return asStrided(Index, Sizes, Strides, Index->storageOffset());
}

void checkMask(const Tensor &Mask) {
  // PyTorch 1.13 reads a non-bool mask's first byte per element (a uint8
  // mask is deprecated, others are unchecked); we reject them instead,
  // with the message later PyTorch versions give.
  if (Mask.dtype() != DType::Bool)
    fail(std::string("masked_fill_ only supports boolean masks, but got mask "
                     "with dtype ") +
         dtypeName(Mask.dtype()));
}

Scalar valueOf(const Tensor &Value) {
  if (Value.dim() != 0)
    fail("masked_fill_ only supports a 0-dimensional value tensor, but got "
         "tensor with " +
         std::to_string(Value.dim()) + " dimension(s).");
  if (isFloating(Value.dtype()))
    return Scalar(itemDouble(Value));
  if (Value.dtype() == DType::Bool)
    return Scalar(itemInt(Value) != 0);
  return Scalar(itemInt(Value));
}
} // namespace

Tensor gather(const Tensor &Src, int64_t Dim, const Tensor &Index) {
  Dim = wrapDim(Dim, Src.dim());
  Tensor Out = empty(Index.sizes(), Src.dtype());
  if (Index.dtype() != DType::Int64)
    fail("gather(): Expected dtype int64 for index");
  if (Index.numel() == 0)
    return Out;
  int64_t Dims = nonemptyDim(Src);
  if (Dims != nonemptyDim(Index))
    fail("Index tensor must have the same number of dimensions as input "
         "tensor");
  for (int64_t D = 0; D < Dims; ++D)
    if (D != Dim && nonemptySize(Index, D) > nonemptySize(Src, D))
      fail("Size does not match at dimension " + std::to_string(D) +
           " expected index " + shapeToString(Index.sizes()) +
           " to be smaller than self " + shapeToString(Src.sizes()) +
           " apart from dimension " + std::to_string(Dim));
  scatterGatherKernel(ScatterMode::Gather, Src, Dim, Index, Out);
  return Out;
}

Tensor scatterAdd(const Tensor &Self, int64_t Dim, const Tensor &Index,
                  const Tensor &Source) {
  return scatterImpl(ScatterMode::Add, Self, Dim, Index, &Source, {});
}

Tensor scatter(const Tensor &Self, int64_t Dim, const Tensor &Index,
               const Tensor &Source) {
  return scatterImpl(ScatterMode::Copy, Self, Dim, Index, &Source, {});
}

Tensor scatter(const Tensor &Self, int64_t Dim, const Tensor &Index,
               Scalar Value) {
  return scatterImpl(ScatterMode::Copy, Self, Dim, Index, nullptr, Value);
}

Tensor indexSelect(const Tensor &Src, int64_t Dim, const Tensor &Index) {
  Dim = wrapDim(Dim, Src.dim());
  int64_t Numel = Index.numel();
  if (Index.dim() > 1)
    fail("index_select(): Index is supposed to be a vector",
         ErrorKind::IndexError);
  if (Index.dtype() != DType::Int64)
    fail("index_select(): Expected dtype int32 or int64 for index");
  Shape Sizes = Src.sizes();
  if (Src.dim() > 0)
    Sizes[Dim] = Numel;
  Tensor Out = empty(Sizes, Src.dtype());
  if (Numel == 0)
    return Out;
  if (Src.dim() > 1 && Src.numel() == 0 && Src.sizes()[Dim] == 0)
    fail("index_select(): self indexing axis dim should be positive");
  // ATen's contiguous dim-1 fast path (taken for every tensor of rank > 1
  // with elements) has its own message.
  int64_t DimSize = Src.dim() == 0 ? 1 : Src.sizes()[Dim];
  bool Dim1Path = Src.dim() > 1 && Dim == 1 && Src.numel() > 0;
  Tensor Idx = contiguous(Index);
  for (int64_t I = 0; I < Numel; ++I) {
    int64_t V = Idx.dataPtr<int64_t>()[I];
    if (V >= 0 && V < DimSize)
      continue;
    if (Dim1Path)
      fail("INDICES element is out of DATA bounds, id=" + std::to_string(V) +
           " axis_dim=" + std::to_string(DimSize));
    fail("index out of range in self", ErrorKind::IndexError);
  }
  if (Out.numel() == 0)
    return Out;
  scatterGatherKernel(ScatterMode::Gather, Src, Dim,
                      expandAlong(Idx, Sizes, Dim), Out);
  return Out;
}

Tensor indexAdd(const Tensor &Self, int64_t Dim, const Tensor &Index,
                const Tensor &Source) {
  Dim = wrapDim(Dim, Self.dim());
  int64_t Numel = Index.numel();
  if (Index.dim() > 1)
    fail("index_add_(): Index is supposed to be a vector, but got dim: " +
             std::to_string(Index.dim()) +
             " with type: " + dtypeName(Index.dtype()) +
             " and size: " + shapeToString(Index.sizes()),
         ErrorKind::IndexError);
  if (Index.dtype() != DType::Int64)
    fail(std::string("index_add_(): Expected dtype int32/int64 for index but "
                     "got: ") +
         dtypeName(Index.dtype()));
  if (Self.dtype() != Source.dtype())
    fail(std::string("index_add_(): self (") + dtypeName(Self.dtype()) +
         ") and source (" + dtypeName(Source.dtype()) +
         ") must have the same scalar type");
  if (Dim != 0 && Dim >= Source.dim())
    fail("index_add_(): Indexing dim " + std::to_string(Dim) +
         " is out of bounds of the source tensor with dim " +
         std::to_string(Source.dim()));
  int64_t SourceLen = Source.dim() == 0 ? 1 : Source.sizes()[Dim];
  if (Numel != SourceLen)
    fail("index_add_(): Number of indices (" + std::to_string(Numel) +
         ") should be equal to source.size(dim): (" +
         std::to_string(SourceLen) + "), for dim: " + std::to_string(Dim));
  Tensor Out = clone(Self);
  if (Self.dim() <= 1 && Source.dim() > 1)
    fail("source.dim() (" + std::to_string(Source.dim()) +
         ") must one or zero for given self.dim() (" +
         std::to_string(Self.dim()) + ")");
  if (Numel == 0 || Out.numel() == 0)
    return Out;
  int64_t DimSize = Self.dim() == 0 ? 1 : Self.sizes()[Dim];
  Tensor Idx = contiguous(Index);
  for (int64_t I = 0; I < Numel; ++I) {
    int64_t V = Idx.dataPtr<int64_t>()[I];
    if (V < 0 || V >= DimSize)
      fail("index out of range in self", ErrorKind::IndexError);
  }
  // The usual case (Source of Self's shape apart from Dim, as in the
  // backward of index_select) is one scatter-add kernel; otherwise ATen
  // broadcasts each source slice to its self slice, which add_ does too.
  Shape Sizes = Self.sizes();
  if (Self.dim() > 0)
    Sizes[Dim] = Numel;
  if (Source.sizes() == Sizes || (Self.dim() == 1 && Source.dim() == 0)) {
    scatterGatherKernel(ScatterMode::Add, Out, Dim,
                        expandAlong(Idx, Sizes, Dim),
                        restride(Source, Sizes, Dim, false));
    return Out;
  }
  for (int64_t I = 0; I < Numel; ++I) {
    Tensor Dst = select(Out, Dim, Idx.dataPtr<int64_t>()[I]);
    addInPlace(Dst, select(Source, Dim, I));
  }
  return Out;
}

Tensor maskedFill(const Tensor &Self, const Tensor &Mask, Scalar Value) {
  Shape S = broadcastShapes(Mask.sizes(), Self.sizes());
  Tensor Out = empty(S, Self.dtype());
  copyElements(Out, expand(Self, S));
  return maskedFillInPlace(Out, Mask, Value);
}

Tensor maskedFill(const Tensor &Self, const Tensor &Mask, const Tensor &Value) {
  return maskedFill(Self, Mask, valueOf(Value));
}

Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask, Scalar Value) {
  checkMask(Mask);
  Shape S = broadcastShapes(Self.sizes(), Mask.sizes());
  if (S != Self.sizes())
    fail("output with shape " + shapeToString(Self.sizes()) +
         " doesn't match the broadcast shape " + shapeToString(S));
  Tensor M = expand(Mask, S);
  dispatch(Self.dtype(), [&](auto Tag) {
    using T = decltype(Tag);
    T V = Value.K == Scalar::Kind::Float ? convertElement<T>(Value.F)
                                         : convertElement<T>(Value.I);
    forEachRow<2>(
        S, {Self.get(), M.get()},
        [V](std::array<char *, 2> P, std::array<int64_t, 2> St, int64_t N) {
          for (int64_t I = 0; I < N; ++I)
            if (*reinterpret_cast<const bool *>(P[1] + I * St[1]))
              *reinterpret_cast<T *>(P[0] + I * St[0]) = V;
        });
  });
  Self->storage()->bumpVersion();
  return Self;
}

Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask,
                          const Tensor &Value) {
  return maskedFillInPlace(Self, Mask, valueOf(Value));
}

Tensor nonzero(const Tensor &Src) {
  Tensor C = contiguous(to(Src, DType::Bool));
  const bool *Data = C.dataPtr<bool>();
  int64_t Numel = C.numel(), Rank = C.dim(), Count = 0;
  for (int64_t I = 0; I < Numel; ++I)
    Count += Data[I];
  Tensor Out = empty({Count, Rank}, DType::Int64);
  int64_t *O = Out.dataPtr<int64_t>();
  for (int64_t I = 0; I < Numel; ++I) {
    if (!Data[I])
      continue;
    // Row-major coordinates of I, last dimension fastest.
    int64_t Rest = I;
    for (int64_t D = Rank - 1; D >= 0; --D) {
      O[D] = Rest % C.sizes()[D];
      Rest /= C.sizes()[D];
    }
    O += Rank;
  }
  return Out;
}

} // namespace janus::rt
