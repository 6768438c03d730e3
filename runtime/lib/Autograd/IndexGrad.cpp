//===- IndexGrad.cpp - Differentiable joining, gathering and indexing -----===//
//
// ag:: wrappers of the Tensor/Indexing.h ops with PyTorch 1.13's nodes:
// CatBackward0, StackBackward0, the multi-output view nodes of split,
// split_with_sizes, chunk and unbind, RepeatBackward0, GatherBackward0,
// IndexSelectBackward0, MaskedFillBackward0/1, Python indexing (views or
// IndexBackward0) and setitem (CopySlices or IndexPutBackward0), and the
// zero-gradient DivBackward2 of a rounding division.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

namespace {

/// A FunctionNode with several forward outputs (the views of split...).
class MultiOutputNode : public FunctionNode {
public:
  MultiOutputNode(const char *Name, BackwardFn Fn, uint32_t Outputs)
      : FunctionNode(Name, std::move(Fn)), Outputs(Outputs) {}
  uint32_t numOutputs() const override { return Outputs; }

private:
  uint32_t Outputs;
};

bool anyRequiresGrad(const std::vector<Tensor> &Ts) {
  if (!isGradEnabled())
    return false;
  for (const Tensor &T : Ts)
    if (requiresGrad(T))
      return true;
  return false;
}

/// Marks R, a view of Src made by an ag:: op, as PyTorch marks views.
void markView(const Tensor &Src, const Tensor &R) {
  if (R.get() == Src.get() || R->storage() != Src->storage())
    return;
  if (isGradEnabled()) {
    AutogradMeta *M = Src->autogradMeta();
    autogradMeta(R).ViewBase = M && M->ViewBase ? M->ViewBase : Src;
  } else if (requiresGrad(Src)) {
    autogradMeta(R).NoGradView = true;
  }
}

/// Records one node with outputs Views, all views of Src; Back receives
/// the output gradients with zeros filled in for the unused ones.
std::vector<Tensor> multiViewNode(const char *Name, const Tensor &Src,
                                  std::vector<Tensor> Views,
                                  FunctionNode::BackwardFn Back) {
  for (const Tensor &V : Views)
    markView(Src, V);
  if (!needsGrad({&Src}) || Views.empty())
    return Views;
  std::vector<Shape> Sizes;
  for (const Tensor &V : Views)
    Sizes.push_back(V.sizes());
  auto N = std::make_shared<MultiOutputNode>(
      Name,
      [Sizes, Back](FunctionNode &N, const TensorList &G) -> TensorList {
        TensorList Full(Sizes.size());
        DType T = DType::Float32;
        for (const Tensor &X : G)
          if (X)
            T = X.dtype();
        for (size_t I = 0; I < Sizes.size(); ++I)
          Full[I] = I < G.size() && G[I] ? G[I] : zeros(Sizes[I], T);
        return Back(N, Full);
      },
      static_cast<uint32_t>(Views.size()));
  N->NextEdges.push_back(gradientEdge(Src));
  for (size_t I = 0; I < Views.size(); ++I)
    setHistory(Views[I], N, static_cast<uint32_t>(I));
  return Views;
}

FunctionNode::BackwardFn catBack(int64_t Dim) {
  return [Dim](FunctionNode &, const TensorList &G) -> TensorList {
    return {rt::cat(G, Dim)};
  };
}

} // namespace

//===--- Joining and splitting --------------------------------------------===//

Tensor cat(const std::vector<Tensor> &Tensors, int64_t Dim) {
  Tensor R = rt::cat(Tensors, Dim);
  if (!anyRequiresGrad(Tensors))
    return R;
  // Each input's slice of the gradient; skipped (legacy empty 1-d) inputs
  // get an empty gradient of their shape.
  std::vector<Shape> Sizes;
  std::vector<bool> Skipped;
  int64_t Wrapped = Dim;
  bool First = true;
  for (const Tensor &T : Tensors) {
    Sizes.push_back(T.sizes());
    bool Skip = T.dim() == 1 && T.numel() == 0;
    Skipped.push_back(Skip);
    if (!Skip && First) {
      Wrapped = wrapDim(Dim, T.dim());
      First = false;
    }
  }
  auto N = std::make_shared<FunctionNode>(
      "CatBackward0",
      [Sizes, Skipped, Wrapped](FunctionNode &N,
                                const TensorList &G) -> TensorList {
        TensorList Out(Sizes.size());
        int64_t Offset = 0;
        for (size_t I = 0; I < Sizes.size(); ++I) {
          if (Skipped[I]) {
            if (N.needsInputGrad(I))
              Out[I] = zeros(Sizes[I], G[0].dtype());
            continue;
          }
          int64_t Len = Sizes[I][static_cast<size_t>(Wrapped)];
          if (N.needsInputGrad(I))
            Out[I] = rt::narrow(G[0], Wrapped, Offset, Len);
          Offset += Len;
        }
        return Out;
      });
  for (const Tensor &T : Tensors)
    N->NextEdges.push_back(gradientEdge(T));
  setHistory(R, N);
  return R;
}

Tensor stack(const std::vector<Tensor> &Tensors, int64_t Dim) {
  Tensor R = rt::stack(Tensors, Dim);
  if (!anyRequiresGrad(Tensors))
    return R;
  int64_t Wrapped = wrapDim(Dim, R.dim());
  auto N = std::make_shared<FunctionNode>(
      "StackBackward0",
      [Wrapped](FunctionNode &, const TensorList &G) -> TensorList {
        return rt::unbind(G[0], Wrapped);
      });
  for (const Tensor &T : Tensors)
    N->NextEdges.push_back(gradientEdge(T));
  setHistory(R, N);
  return R;
}

std::vector<Tensor> split(const Tensor &Src, int64_t SplitSize, int64_t Dim) {
  std::vector<Tensor> Views = rt::split(Src, SplitSize, Dim);
  return multiViewNode("SplitBackward0", Src, std::move(Views),
                       catBack(wrapDim(Dim, Src.dim())));
}

std::vector<Tensor> splitWithSizes(const Tensor &Src,
                                   const std::vector<int64_t> &Sizes,
                                   int64_t Dim) {
  std::vector<Tensor> Views = rt::splitWithSizes(Src, Sizes, Dim);
  return multiViewNode("SplitWithSizesBackward0", Src, std::move(Views),
                       catBack(wrapDim(Dim, Src.dim())));
}

std::vector<Tensor> chunk(const Tensor &Src, int64_t Chunks, int64_t Dim) {
  // chunk is split (or split_with_sizes for a size-0 dim) in ATen.
  std::vector<Tensor> Views = rt::chunk(Src, Chunks, Dim);
  int64_t D = wrapDim(Dim, Src.dim());
  bool Empty = Src.sizes()[static_cast<size_t>(D)] == 0;
  return multiViewNode(Empty ? "SplitWithSizesBackward0" : "SplitBackward0",
                       Src, std::move(Views), catBack(D));
}

std::vector<Tensor> unbind(const Tensor &Src, int64_t Dim) {
  std::vector<Tensor> Views = rt::unbind(Src, Dim);
  int64_t D = wrapDim(Dim, Src.dim());
  Shape Sizes = Src.sizes();
  return multiViewNode(
      "UnbindBackward0", Src, std::move(Views),
      [D, Sizes](FunctionNode &, const TensorList &G) -> TensorList {
        if (G.empty())
          return {zeros(Sizes)};
        return {rt::stack(G, D)};
      });
}

Tensor repeat(const Tensor &Src, const Shape &Repeats) {
  Tensor R = rt::repeat(Src, Repeats);
  recordNode("RepeatBackward0", {&Src}, R,
             [Repeats, In = Src.sizes()](FunctionNode &,
                                         const TensorList &G) -> TensorList {
               return {rt::repeatBackward(G[0], Repeats, In)};
             });
  return R;
}

//===--- Gathering and masking --------------------------------------------===//

Tensor gather(const Tensor &Src, int64_t Dim, const Tensor &Index) {
  Tensor R = rt::gather(Src, Dim, Index);
  auto N =
      recordNode("GatherBackward0", {&Src}, R,
                 [Dim, In = Src.sizes()](FunctionNode &N,
                                         const TensorList &G) -> TensorList {
                   return {rt::scatterAdd(zeros(In, G[0].dtype()), Dim,
                                          N.saved(0), rt::contiguous(G[0]))};
                 });
  if (N)
    N->saveInput(0, Index);
  return R;
}

Tensor indexSelect(const Tensor &Src, int64_t Dim, const Tensor &Index) {
  Tensor R = rt::indexSelect(Src, Dim, Index);
  auto N = recordNode("IndexSelectBackward0", {&Src}, R,
                      [Dim, In = Src.sizes()](
                          FunctionNode &N, const TensorList &G) -> TensorList {
                        return {rt::indexAdd(zeros(In, G[0].dtype()), Dim,
                                             N.saved(0), rt::contiguous(G[0]))};
                      });
  if (N)
    N->saveInput(0, Index);
  return R;
}

namespace {
/// The gradient of masked_fill's Self: G with the filled positions zeroed.
TensorList maskedFillBack(FunctionNode &N, const TensorList &G) {
  TensorList Out(N.NextEdges.size());
  Tensor Mask = N.saved(0);
  if (N.needsInputGrad(0))
    Out[0] = rt::maskedFill(G[0], Mask, Scalar(0.0));
  if (Out.size() > 1 && N.needsInputGrad(1))
    Out[1] = rt::sum(rt::where(Mask, G[0], num(0.0)));
  return Out;
}
} // namespace

Tensor maskedFill(const Tensor &Self, const Tensor &Mask, Scalar Value) {
  Tensor R = rt::maskedFill(Self, Mask, Value);
  if (auto N = recordNode("MaskedFillBackward0", {&Self}, R, maskedFillBack))
    N->saveInput(0, Mask);
  return R;
}

Tensor maskedFill(const Tensor &Self, const Tensor &Mask, const Tensor &Value) {
  Tensor R = rt::maskedFill(Self, Mask, Value);
  if (auto N =
          recordNode("MaskedFillBackward1", {&Self, &Value}, R, maskedFillBack))
    N->saveInput(0, Mask);
  return R;
}

Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask, Scalar Value) {
  bool Record = checkInPlaceOp(Self, nullptr);
  if (!Record)
    return rt::maskedFillInPlace(Self, Mask, Value);
  auto N = makeInPlaceOpNode("MaskedFillBackward0", Self, {}, maskedFillBack);
  N->saveInput(0, Mask);
  rt::maskedFillInPlace(Self, Mask, Value);
  rebaseInPlaceHistory(Self, N);
  return Self;
}

Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask,
                          const Tensor &Value) {
  bool Record = checkInPlaceOp(Self, &Value);
  if (!Record)
    return rt::maskedFillInPlace(Self, Mask, Value);
  auto N =
      makeInPlaceOpNode("MaskedFillBackward1", Self, {&Value}, maskedFillBack);
  N->saveInput(0, Mask);
  rt::maskedFillInPlace(Self, Mask, Value);
  rebaseInPlaceHistory(Self, N);
  return Self;
}

//===--- Python indexing --------------------------------------------------===//

namespace {

bool isIntegerLike(const TensorIndex &I) {
  return I.kind() == TensorIndex::Kind::Integer ||
         (I.kind() == TensorIndex::Kind::Tensor &&
          I.tensor().dtype() == DType::Int64 && I.tensor().dim() == 0);
}

/// Whether every index is basic (a view): integers, slices, None, Ellipsis
/// and 0-dim int64 tensors.
bool allBasic(const std::vector<TensorIndex> &Indices) {
  for (const TensorIndex &I : Indices)
    if (!isIntegerLike(I) && I.kind() != TensorIndex::Kind::Slice &&
        I.kind() != TensorIndex::Kind::None &&
        I.kind() != TensorIndex::Kind::Ellipsis)
      return false;
  return true;
}

/// The node PyTorch's last view op of a basic index records.
const char *basicIndexName(const std::vector<TensorIndex> &Indices) {
  for (auto It = Indices.rbegin(); It != Indices.rend(); ++It) {
    if (isIntegerLike(*It))
      return "SelectBackward0";
    if (It->kind() == TensorIndex::Kind::Slice)
      return "SliceBackward0";
    if (It->kind() == TensorIndex::Kind::None)
      return "UnsqueezeBackward0";
  }
  return "AliasBackward0";
}

/// Indices with their tensors saved in N (slots From, From + 1, ...), and
/// 0-dim int64 tensors turned into integers: what a backward replays.
struct SavedIndices {
  std::vector<TensorIndex> Plain;
  std::vector<size_t> TensorPos;

  SavedIndices(const std::vector<TensorIndex> &Indices) {
    for (const TensorIndex &I : Indices) {
      if (I.kind() == TensorIndex::Kind::Tensor && isIntegerLike(I)) {
        Plain.emplace_back(itemInt(I.tensor()));
        continue;
      }
      if (I.kind() == TensorIndex::Kind::Tensor)
        TensorPos.push_back(Plain.size());
      Plain.push_back(I);
    }
  }
  void save(FunctionNode &N, size_t From) {
    for (size_t K = 0; K < TensorPos.size(); ++K) {
      N.saveInput(From + K, Plain[TensorPos[K]].tensor());
      Plain[TensorPos[K]] = TensorIndex(int64_t(0)); // No tensor captured.
    }
  }
  std::vector<TensorIndex> restore(const FunctionNode &N, size_t From) const {
    std::vector<TensorIndex> Out = Plain;
    for (size_t K = 0; K < TensorPos.size(); ++K)
      Out[TensorPos[K]] = TensorIndex(N.saved(From + K));
    return Out;
  }
};

} // namespace

Tensor index(const Tensor &Self, const std::vector<TensorIndex> &Indices) {
  Tensor R = rt::index(Self, Indices);
  bool Basic = allBasic(Indices);
  if (Basic)
    markView(Self, R);
  if (!needsGrad({&Self}))
    return R;
  auto Idx = std::make_shared<SavedIndices>(Indices);
  auto N =
      recordNode(Basic ? basicIndexName(Indices) : "IndexBackward0", {&Self}, R,
                 [Idx, In = Self.sizes()](FunctionNode &N,
                                          const TensorList &G) -> TensorList {
                   return {rt::indexBackward(G[0], In, Idx->restore(N, 0))};
                 });
  Idx->save(*N, 0);
  return R;
}

namespace {

Shape withoutLeadingOnes(Shape S) {
  size_t Lead = 0;
  while (Lead < S.size() && S[Lead] == 1)
    ++Lead;
  return Shape(S.begin() + static_cast<std::ptrdiff_t>(Lead), S.end());
}

/// setitem with advanced indices: index_put_ and IndexPutBackward0.
Tensor &advancedIndexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                         const Tensor *Value, const Tensor &Written,
                         bool Accumulate) {
  bool Record = checkInPlaceOp(Self, Value);
  if (!Record)
    return rt::indexPut(Self, Indices, Written, Accumulate);
  auto Idx = std::make_shared<SavedIndices>(Indices);
  Shape ValueSizes = Written.sizes();
  auto Back = [Idx, Accumulate, ValueSizes](FunctionNode &N,
                                            const TensorList &G) -> TensorList {
    TensorList Out(N.NextEdges.size());
    std::vector<TensorIndex> I = Idx->restore(N, 0);
    if (N.needsInputGrad(0)) {
      Out[0] = G[0];
      if (!Accumulate) {
        Out[0] = rt::clone(G[0]);
        rt::indexPut(Out[0], I, Scalar(0.0));
      }
    }
    if (Out.size() > 1 && N.needsInputGrad(1)) {
      // The value was broadcast after dropping its leading size-1 dims.
      Tensor GV = rt::index(G[0], I);
      Shape Stripped = withoutLeadingOnes(ValueSizes);
      GV = sumTo(GV, Stripped);
      Out[1] = rt::reshape(GV, ValueSizes);
    }
    return Out;
  };
  std::shared_ptr<FunctionNode> N =
      Value ? makeInPlaceOpNode("IndexPutBackward0", Self, {Value}, Back)
            : makeInPlaceOpNode("IndexPutBackward0", Self, {}, Back);
  Idx->save(*N, 0);
  rt::indexPut(Self, Indices, Written, Accumulate);
  rebaseInPlaceHistory(Self, N);
  return Self;
}

} // namespace

Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 const Tensor &Value, bool Accumulate) {
  if (!isGradEnabled() || (!requiresGrad(Self) && !requiresGrad(Value)))
    return rt::indexPut(Self, Indices, Value, Accumulate);
  if (!allBasic(Indices) || Accumulate)
    return advancedIndexPut(Self, Indices, &Value, Value, Accumulate);
  // Basic indices: a copy_ into the view (CopySlices on the base).
  Tensor View = ag::index(Self, Indices);
  Shape Stripped = withoutLeadingOnes(Value.sizes());
  Tensor Src = Stripped.size() == Value.sizes().size()
                   ? Value
                   : ag::reshape(Value, Stripped);
  ag::copyInPlace(View, Src);
  return Self;
}

Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 Scalar Value) {
  if (!isGradEnabled() || !requiresGrad(Self))
    return rt::indexPut(Self, Indices, Value);
  Tensor V = scalarTensor(Value, Self.dtype());
  if (!allBasic(Indices))
    return advancedIndexPut(Self, Indices, nullptr, V, false);
  Tensor View = ag::index(Self, Indices);
  ag::fillInPlace(View, Value);
  return Self;
}

//===--- Division with rounding -------------------------------------------===//

Tensor div(const Tensor &A, const Tensor &B, const std::string &Mode) {
  if (Mode.empty())
    return ag::div(A, B);
  Tensor R = rt::div(A, B, Mode);
  // PyTorch 1.13: the gradient of a rounded quotient is zero.
  recordNode("DivBackward2", {&A, &B}, R,
             [](FunctionNode &N, const TensorList &G) -> TensorList {
               TensorList Out(2);
               for (size_t I = 0; I < 2; ++I)
                 if (N.needsInputGrad(I))
                   Out[I] = zeros(G[0].sizes(), G[0].dtype());
               return Out;
             });
  return R;
}

} // namespace janus::rt::ag
