//===- Index.cpp - Python indexing: t[...] and t[...] = v
//------------------===//
//
// A port of PyTorch 1.13's indexing path (torch/csrc/autograd/
// python_variable_indexing.cpp, ATen/TensorIndexing.h and the AdvancedIndex
// of ATen/native/TensorAdvancedIndexing.cpp) in two stages, as there:
//
// 1. applySlicing applies the basic indices (int, slice, None, Ellipsis,
//    Python bools, 0-dim int64 tensors) as views, left to right, and records
//    every other tensor at the dimension it indexes.
// 2. If tensors were recorded, advanced indexing: bool masks become their
//    nonzero() coordinates, all index tensors broadcast together, and when
//    they are not adjacent the indexed dimensions are permuted to the front.
//    The result is the unindexed dimensions before the first index, then
//    the broadcast index shape, then the rest.
//
// The element kernel walks the output shape once with every operand
// restrided to it (the indexed source with stride 0 over the index
// dimensions, each index tensor with stride 0 elsewhere), as ATen does.
// Error texts, including which dimension a message names, are ATen's.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Indexing.h"
#include "Tensor/Loops.h"

#include <algorithm>
#include <cstring>

namespace janus::rt {

TensorIndex TensorIndex::slice(std::optional<int64_t> Start,
                               std::optional<int64_t> Stop,
                               std::optional<int64_t> Step) {
  TensorIndex I(Kind::Slice);
  I.Start = Start;
  I.Stop = Stop;
  I.Step = Step;
  return I;
}

TensorIndex TensorIndex::boolean(bool B) {
  TensorIndex I(Kind::Boolean);
  I.Int = B;
  return I;
}

namespace {
[[noreturn]] void fail(ErrorKind K, const std::string &Msg) {
  throw TensorError(K, Msg);
}

Tensor alias(const Tensor &T) {
  return asStrided(T, T.sizes(), T.strides(), T->storageOffset());
}

Tensor applySelect(const Tensor &Self, int64_t Dim, int64_t Index,
                   int64_t RealDim) {
  if (Index == 0 && Dim == 0 && Self.dim() == 0)
    fail(ErrorKind::IndexError,
         "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
         "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
  // For a 0-dim tensor ATen reads a size past the end, which has been 0.
  int64_t Size = Dim < Self.dim() ? Self.sizes()[Dim] : 0;
  if (Index < -Size || Index >= Size)
    fail(ErrorKind::IndexError,
         "index " + std::to_string(Index) + " is out of bounds for dimension " +
             std::to_string(RealDim) + " with size " + std::to_string(Size));
  return select(Self, Dim, Index);
}

Tensor applySlice(const Tensor &Self, int64_t Dim, const TensorIndex &S) {
  int64_t Step = S.step().value_or(1);
  if (Step == 0) // Raised by Python itself when it unpacks the slice.
    fail(ErrorKind::ValueError, "slice step cannot be zero");
  if (Step < 0)
    fail(ErrorKind::ValueError, "step must be greater than zero");
  if (Self.dim() == 0)
    fail(ErrorKind::IndexError, "slice() cannot be applied to a 0-dim tensor.");
  return slice(Self, Dim, S.start(), S.stop(), Step);
}

// Python's True/False as an index of a new size-1 dimension: [0] or [].
Tensor boolToIndexingTensor(bool B) {
  return B ? zeros({1}, DType::Int64) : empty({0}, DType::Int64);
}

bool isBoolTensor(const TensorIndex &I) {
  return I.kind() == TensorIndex::Kind::Tensor &&
         I.tensor().dtype() == DType::Bool;
}

// Dimensions of Self the indices consume (None, Ellipsis and Python bools
// consume none; a bool mask consumes its rank).
int64_t countSpecifiedDims(const std::vector<TensorIndex> &Indices) {
  int64_t Count = 0;
  for (const TensorIndex &I : Indices) {
    if (isBoolTensor(I))
      Count += I.tensor().dim();
    else if (I.kind() == TensorIndex::Kind::Integer ||
             I.kind() == TensorIndex::Kind::Slice ||
             I.kind() == TensorIndex::Kind::Tensor)
      ++Count;
  }
  return Count;
}

void recordTensorIndex(const Tensor &T, std::vector<Tensor> &Out,
                       int64_t &Dim) {
  Out.resize(Dim + 1);
  Out[Dim] = T;
  ++Dim;
}

// Applies the basic indices as views; tensors that need advanced indexing
// go to OutIndices at the dimension of the returned view they index.
Tensor applySlicing(const Tensor &Self, const std::vector<TensorIndex> &Indices,
                    std::vector<Tensor> &OutIndices) {
  int64_t Specified = countSpecifiedDims(Indices);
  if (Specified > Self.dim())
    fail(ErrorKind::IndexError, "too many indices for tensor of dimension " +
                                    std::to_string(Self.dim()));
  Tensor Result = Self;
  int64_t Dim = 0;
  for (size_t RealDim = 0; RealDim < Indices.size(); ++RealDim) {
    const TensorIndex &I = Indices[RealDim];
    switch (I.kind()) {
    case TensorIndex::Kind::Integer:
      Result = applySelect(Result, Dim, I.integer(), RealDim);
      break;
    case TensorIndex::Kind::Slice:
      Result = applySlice(Result, Dim++, I);
      break;
    case TensorIndex::Kind::Ellipsis:
      Dim += Self.dim() - Specified;
      break;
    case TensorIndex::Kind::None:
      Result = unsqueeze(Result, Dim++);
      break;
    case TensorIndex::Kind::Boolean:
      Result = unsqueeze(Result, Dim);
      recordTensorIndex(boolToIndexingTensor(I.boolValue()), OutIndices, Dim);
      break;
    case TensorIndex::Kind::Tensor: {
      const Tensor &T = I.tensor();
      if (T.dim() == 0 && T.dtype() == DType::Int64) {
        Result = applySelect(Result, Dim, itemInt(T), RealDim);
      } else if (T.dim() == 0 && T.dtype() == DType::Bool) {
        Result = unsqueeze(Result, Dim);
        recordTensorIndex(boolToIndexingTensor(itemInt(T) != 0), OutIndices,
                          Dim);
      } else {
        recordTensorIndex(T, OutIndices, Dim);
      }
      break;
    }
    }
  }
  return Result;
}

// What advanced indexing of Src by its index tensors reads or writes.
struct AdvancedIndex {
  Tensor Src;                // Self, permuted if the indices were apart.
  std::vector<Tensor> Index; // The defined indices, broadcast (int64).
  int64_t Before = 0;        // Unindexed dims of Src before the indexed.
  Shape IndexedSizes, IndexedStrides;
  Shape OutShape;
};

std::string maskError(const Tensor &Mask, int64_t J, const Tensor &Self,
                      int64_t SrcIdx) {
  return "The shape of the mask " + shapeToString(Mask.sizes()) + " at index " +
         std::to_string(J) +
         " does not match the shape of the indexed tensor " +
         shapeToString(Self.sizes()) + " at index " + std::to_string(SrcIdx);
}

// ATen's make_info.
AdvancedIndex makeInfo(const Tensor &Self, const std::vector<Tensor> &Orig) {
  for (const Tensor &T : Orig)
    if (T && T.dtype() != DType::Int64 && T.dtype() != DType::Bool)
      fail(ErrorKind::IndexError,
           "tensors used as indices must be long, byte or bool tensors");
  // Masks become one int64 index per mask dimension.
  std::vector<Tensor> Indices;
  for (const Tensor &T : Orig) {
    if (!T || T.dtype() != DType::Bool) {
      Indices.push_back(T);
      continue;
    }
    for (int64_t J = 0; J < T.dim(); ++J) {
      int64_t SrcIdx = static_cast<int64_t>(Indices.size()) + J;
      if (T.sizes()[J] != Self.size(SrcIdx))
        fail(ErrorKind::IndexError, maskError(T, J, Self, SrcIdx));
    }
    Tensor NZ = nonzero(T);
    for (int64_t J = 0; J < T.dim(); ++J)
      Indices.push_back(select(NZ, 1, J));
  }
  // Broadcast the defined indices together.
  Shape Repl;
  bool Any = false;
  try {
    for (const Tensor &T : Indices)
      if (T) {
        Repl = Any ? broadcastShapes(Repl, T.sizes()) : T.sizes();
        Any = true;
      }
  } catch (const TensorError &) {
    std::string Shapes;
    for (const Tensor &T : Indices)
      if (T)
        Shapes += (Shapes.empty() ? "" : ", ") + shapeToString(T.sizes());
    fail(ErrorKind::IndexError,
         "shape mismatch: indexing tensors could not be broadcast together "
         "with shapes " +
             Shapes);
  }
  for (Tensor &T : Indices)
    if (T)
      T = expand(T, Repl);
  Indices.resize(std::max<size_t>(Indices.size(), Self.dim()));
  // Indices that are not adjacent go to the front, with their dims.
  auto First = std::find_if(Indices.begin(), Indices.end(),
                            [](const Tensor &T) { return bool(T); });
  auto Last =
      std::find_if(Indices.rbegin(), Indices.rend(), [](const Tensor &T) {
        return bool(T);
      }).base();
  bool Adjacent =
      std::all_of(First, Last, [](const Tensor &T) { return bool(T); });
  AdvancedIndex Info;
  Info.Src = Self;
  if (!Adjacent) {
    Shape Perm;
    std::vector<Tensor> Reordered;
    for (int Pass = 0; Pass < 2; ++Pass)
      for (int64_t D = 0; D < Self.dim(); ++D)
        if (bool(Indices[D]) == (Pass == 0)) {
          Perm.push_back(D);
          Reordered.push_back(Indices[D]);
        }
    Info.Src = permute(Self, Perm);
    Indices = std::move(Reordered);
  }
  int64_t After = 0;
  for (size_t D = 0; D < Indices.size(); ++D) {
    if (!Indices[D]) {
      (Info.Index.empty() ? Info.Before : After)++;
      continue;
    }
    Info.Index.push_back(Indices[D]);
    Info.IndexedSizes.push_back(Info.Src.sizes()[D]);
    Info.IndexedStrides.push_back(Info.Src.strides()[D]);
  }
  bool EmptyDim = std::find(Info.IndexedSizes.begin(), Info.IndexedSizes.end(),
                            0) != Info.IndexedSizes.end();
  if (EmptyDim && std::find(Repl.begin(), Repl.end(), 0) == Repl.end())
    fail(ErrorKind::IndexError,
         "index is out of bounds for dimension with size 0");
  const Shape &S = Info.Src.sizes();
  Info.OutShape.assign(S.begin(), S.begin() + Info.Before);
  Info.OutShape.insert(Info.OutShape.end(), Repl.begin(), Repl.end());
  Info.OutShape.insert(Info.OutShape.end(), S.end() - After, S.end());
  return Info;
}

// Calls Fn(SrcElement, OtherElement) for each element of Info.OutShape,
// where Other (of OutShape, element size ESize) is the output of index()
// or the value of indexPut().
template <typename Fn>
void forEachIndexed(const AdvancedIndex &Info, const Tensor &Other, Fn F) {
  const Shape &Sizes = Info.OutShape;
  int64_t Rank = static_cast<int64_t>(Sizes.size());
  int64_t NIdx = static_cast<int64_t>(Info.Index.size());
  int64_t ReplRank = Info.Index[0].dim();
  int64_t Numel = 1;
  for (int64_t S : Sizes)
    Numel *= S;
  if (Numel == 0)
    return;
  // Per operand (0: source, 1: other, 2..: indices) its stride per output
  // dimension, in elements.
  int64_t NOps = 2 + NIdx;
  std::vector<Shape> Strides(NOps, Shape(Rank, 0));
  const Shape &SrcStrides = Info.Src.strides();
  int64_t Skip = static_cast<int64_t>(Info.IndexedSizes.size()) - ReplRank;
  for (int64_t D = 0; D < Rank; ++D) {
    bool InRepl = D >= Info.Before && D < Info.Before + ReplRank;
    if (D < Info.Before)
      Strides[0][D] = SrcStrides[D];
    else if (!InRepl)
      Strides[0][D] = SrcStrides[D + Skip];
    Strides[1][D] = Other.strides()[D];
    for (int64_t J = 0; InRepl && J < NIdx; ++J)
      Strides[2 + J][D] = Info.Index[J].strides()[D - Info.Before];
  }
  std::vector<char *> Base(NOps);
  std::vector<int64_t> ESize(NOps);
  Base[0] = Info.Src->data();
  Base[1] = Other->data();
  for (int64_t J = 0; J < NIdx; ++J)
    Base[2 + J] = Info.Index[J]->data();
  for (int64_t O = 0; O < NOps; ++O)
    ESize[O] = static_cast<int64_t>(elementSize(O == 0   ? Info.Src.dtype()
                                                : O == 1 ? Other.dtype()
                                                         : DType::Int64));
  // The innermost dimension is a tight loop; an odometer walks the rest.
  int64_t Inner = Rank == 0 ? 1 : Sizes[Rank - 1];
  std::vector<int64_t> InnerStride(NOps, 0);
  for (int64_t O = 0; Rank > 0 && O < NOps; ++O)
    InnerStride[O] = Strides[O][Rank - 1];
  std::vector<int64_t> Off(NOps, 0);
  Shape Counter(Rank, 0);
  for (int64_t Row = 0; Row < Numel / Inner; ++Row) {
    for (int64_t K = 0; K < Inner; ++K) {
      int64_t SrcOff = Off[0] + K * InnerStride[0];
      for (int64_t J = 0; J < NIdx; ++J) {
        int64_t Idx = reinterpret_cast<const int64_t *>(
            Base[2 + J])[Off[2 + J] + K * InnerStride[2 + J]];
        int64_t Size = Info.IndexedSizes[J];
        if (Idx < -Size || Idx >= Size)
          fail(ErrorKind::IndexError, "index " + std::to_string(Idx) +
                                          " is out of bounds for dimension " +
                                          std::to_string(J) + " with size " +
                                          std::to_string(Size));
        SrcOff += (Idx < 0 ? Idx + Size : Idx) * Info.IndexedStrides[J];
      }
      F(Base[0] + SrcOff * ESize[0],
        Base[1] + (Off[1] + K * InnerStride[1]) * ESize[1]);
    }
    for (int64_t D = Rank - 2; D >= 0; --D) {
      if (++Counter[D] < Sizes[D]) {
        for (int64_t O = 0; O < NOps; ++O)
          Off[O] += Strides[O][D];
        break;
      }
      for (int64_t O = 0; O < NOps; ++O)
        Off[O] -= (Sizes[D] - 1) * Strides[O][D];
      Counter[D] = 0;
    }
  }
}

Tensor advancedIndex(const Tensor &Self, const std::vector<Tensor> &Indices) {
  AdvancedIndex Info = makeInfo(Self, Indices);
  Tensor Out = empty(Info.OutShape, Self.dtype());
  size_t ESize = elementSize(Self.dtype());
  forEachIndexed(Info, Out, [ESize](char *Src, char *Dst) {
    std::memcpy(Dst, Src, ESize);
  });
  return Out;
}

// Python setitem drops the value's leading size-1 dimensions.
Tensor stripLeadingOnes(const Tensor &V) {
  Shape S = V.sizes();
  size_t First = 0;
  while (First < S.size() && S[First] == 1)
    ++First;
  if (First == 0)
    return V;
  return view(V, Shape(S.begin() + First, S.end()));
}

// TensorIndexing.h's copy_to (Accumulate: add instead, for the backward).
void copyTo(Tensor Dst, const Tensor &Src, bool Accumulate) {
  if (Accumulate) {
    addInPlace(Dst, Src);
    return;
  }
  if (Dst.sizes() == Src.sizes() || Src.dim() == 0) {
    copyInPlace(Dst, Src);
    return;
  }
  copyInPlace(Dst, expand(stripLeadingOnes(Src), Dst.sizes()));
}

// ATen's _index_put_impl_ for the sliced tensor and recorded indices.
void advancedIndexPut(const Tensor &Self, const std::vector<Tensor> &Indices,
                      const Tensor &Value, bool Accumulate) {
  // One bool mask and a one-element value: ATen takes masked_fill_,
  // which converts the value instead of requiring Self's dtype.
  int64_t NumDefined = std::count_if(Indices.begin(), Indices.end(),
                                     [](const Tensor &T) { return bool(T); });
  if (!Accumulate && Value.numel() == 1 && NumDefined == 1) {
    Tensor Mask = *std::find_if(Indices.begin(), Indices.end(),
                                [](const Tensor &T) { return bool(T); });
    if (Mask.dtype() == DType::Bool) {
      int64_t Lead = 0;
      while (!Indices[Lead])
        ++Lead;
      for (int64_t J = 0; J < Mask.dim(); ++J)
        if (Mask.sizes()[J] != Self.size(Lead + J))
          fail(ErrorKind::IndexError, maskError(Mask, J, Self, Lead + J));
      Tensor M = Mask;
      for (int64_t D = Lead + Mask.dim(); D < Self.dim(); ++D)
        M = unsqueeze(M, -1);
      Tensor V = reshape(Value, {});
      Tensor S = Self;
      maskedFillInPlace(S, M,
                        isFloating(V.dtype()) ? Scalar(itemDouble(V))
                                              : Scalar(itemInt(V)));
      return;
    }
  }
  AdvancedIndex Info = makeInfo(Self, Indices);
  const Shape &Out = Info.OutShape;
  bool Expandable = Value.dim() <= static_cast<int64_t>(Out.size());
  for (int64_t I = 1; Expandable && I <= Value.dim(); ++I) {
    int64_t V = Value.sizes()[Value.dim() - I];
    Expandable = V == 1 || V == Out[Out.size() - I];
  }
  if (!Expandable)
    fail(ErrorKind::RuntimeError,
         "shape mismatch: value tensor of shape " +
             shapeToString(Value.sizes()) +
             " cannot be broadcast to indexing result of shape " +
             shapeToString(Out));
  if (Value.dtype() != Self.dtype())
    fail(ErrorKind::RuntimeError,
         std::string("Index put requires the source and destination dtypes "
                     "match, got ") +
             dtypeName(Self.dtype()) + " for the destination and " +
             dtypeName(Value.dtype()) + " for the source.");
  // A value that aliases Self must be read before anything is written.
  Tensor V = Value->storage() == Self->storage() ? clone(Value) : Value;
  V = expand(V, Out);
  if (!Accumulate) {
    size_t ESize = elementSize(Self.dtype());
    forEachIndexed(Info, V, [ESize](char *Dst, char *Src) {
      std::memcpy(Dst, Src, ESize);
    });
  } else {
    dispatch(Self.dtype(), [&](auto Tag) {
      using T = decltype(Tag);
      forEachIndexed(Info, V, [](char *Dst, char *Src) {
        T &D = *reinterpret_cast<T *>(Dst);
        if constexpr (std::is_same_v<T, bool>)
          D = D || *reinterpret_cast<const bool *>(Src);
        else
          D += *reinterpret_cast<const T *>(Src);
      });
    });
  }
  Self->storage()->bumpVersion();
}
} // namespace

Tensor index(const Tensor &Self, const std::vector<TensorIndex> &Indices) {
  // Python's single-index fast paths (no "too many indices" check).
  if (Indices.size() == 1) {
    const TensorIndex &I = Indices[0];
    switch (I.kind()) {
    case TensorIndex::Kind::Integer:
      return applySelect(Self, 0, I.integer(), 0);
    case TensorIndex::Kind::Slice:
      return applySlice(Self, 0, I);
    case TensorIndex::Kind::None:
      return unsqueeze(Self, 0);
    case TensorIndex::Kind::Ellipsis:
      return alias(Self);
    default:
      break;
    }
  }
  std::vector<Tensor> TensorIndices;
  Tensor Sliced = applySlicing(Self, Indices, TensorIndices);
  if (TensorIndices.empty())
    return Sliced.get() == Self.get() ? alias(Sliced) : Sliced;
  return advancedIndex(Sliced, TensorIndices);
}

Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 const Tensor &Value, bool Accumulate) {
  if (Indices.size() == 1) {
    const TensorIndex &I = Indices[0];
    switch (I.kind()) {
    case TensorIndex::Kind::Boolean:
      // ATen does nothing for False (not even a shape check).
      if (!I.boolValue())
        return Self;
      copyTo(unsqueeze(Self, 0), Value, Accumulate);
      return Self;
    case TensorIndex::Kind::Ellipsis:
      copyTo(Self, Value, Accumulate);
      return Self;
    case TensorIndex::Kind::None:
      copyTo(unsqueeze(Self, 0), Value, Accumulate);
      return Self;
    case TensorIndex::Kind::Integer:
      copyTo(applySelect(Self, 0, I.integer(), 0), Value, Accumulate);
      return Self;
    case TensorIndex::Kind::Slice:
      copyTo(applySlice(Self, 0, I), Value, Accumulate);
      return Self;
    case TensorIndex::Kind::Tensor:
      break;
    }
  }
  std::vector<Tensor> TensorIndices;
  Tensor Sliced = applySlicing(Self, Indices, TensorIndices);
  if (TensorIndices.empty()) {
    copyTo(Sliced, Value, Accumulate);
    return Self;
  }
  advancedIndexPut(Sliced, TensorIndices, stripLeadingOnes(Value), Accumulate);
  return Self;
}

Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 Scalar Value) {
  return indexPut(Self, Indices, scalarTensor(Value, Self.dtype()));
}

Tensor indexBackward(const Tensor &Grad, const Shape &SelfSizes,
                     const std::vector<TensorIndex> &Indices) {
  Tensor Out = zeros(SelfSizes, Grad.dtype());
  indexPut(Out, Indices, Grad, /*Accumulate=*/true);
  return Out;
}

} // namespace janus::rt
