//===- InPlaceGrad.cpp - Differentiable in-place ops ----------------------===//
//
// add_/sub_/mul_/div_/pow_/zero_/fill_/copy_ under PyTorch's rules: a leaf that
// requires grad may only be written under no_grad (an optimizer's
// `p -= lr * p.grad`), where the op is a plain kernel call that bumps the
// version; otherwise, when the result needs grad, the tensor's history is
// rebased onto the op's node, whose edge for the old value points at the
// tensor's previous grad_fn. Writing through a view rebases its base
// instead, as PyTorch does: the base's grad_fn becomes CopySlices (the op's
// node applied to the viewed slice of the base's gradient) and the view's
// becomes AsStridedBackward0 of the base.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

namespace {

/// Checks an in-place op on Self with operand Other (may be null) and says
/// whether it must be recorded.
bool checkInPlace(const Tensor &Self, const Tensor *Other) {
  if (!isGradEnabled())
    return false;
  AutogradMeta *M = Self->autogradMeta();
  if (M && M->NoGradView)
    fail("A view was created in no_grad mode and is being modified inplace "
         "with grad mode enabled. Given that this use case is ambiguous and "
         "error-prone, it is forbidden. You can clarify your code by moving "
         "both the view and the inplace either both inside the no_grad block "
         "(if you don't want the inplace to be tracked) or both outside (if "
         "you want the inplace to be tracked).");
  bool SelfRequires = requiresGrad(Self);
  if (SelfRequires && isLeaf(Self) && !(M && M->ViewBase))
    fail("a leaf Variable that requires grad is being used in an in-place "
         "operation.");
  bool Needs = SelfRequires || (Other && requiresGrad(*Other));
  if (Needs && M && M->ViewBase) {
    const Tensor &Base = M->ViewBase;
    if (isLeaf(Base) && requiresGrad(Base))
      fail("a view of a leaf Variable that requires grad is being used in an "
           "in-place operation.");
    if (!Base->isContiguous())
      fail("in-place modification of a view of a non-contiguous tensor that "
           "requires grad is not supported by Janus yet");
  }
  return Needs;
}

/// PyTorch's CopySlices: the gradient of a base after an in-place op on a
/// view of it. The base's gradient passes through unchanged outside the
/// view; inside, it goes through the op's node Fn, whose gradient for the
/// old view values replaces the slice and whose other gradients go to the
/// op's other inputs.
class CopySlices : public Node {
public:
  CopySlices(const Tensor &Base, const Tensor &View,
             std::shared_ptr<FunctionNode> Fn)
      : BaseSizes(Base.sizes()), ViewSizes(View.sizes()),
        ViewStrides(View.strides()),
        ViewOffset(View->storageOffset() - Base->storageOffset()),
        Fn(std::move(Fn)) {}
  const char *name() const override { return "CopySlices"; }
  TensorList apply(TensorList &&Grads) override {
    TensorList Out(NextEdges.size());
    if (!Grads[0])
      return Out;
    Tensor Result = empty(BaseSizes, Grads[0].dtype());
    rt::copyInPlace(Result, Grads[0]);
    Tensor Slice = asStrided(Result, ViewSizes, ViewStrides, ViewOffset);
    TensorList Res = Fn->apply(TensorList{rt::clone(Slice)});
    if (Res[0])
      rt::copyInPlace(Slice, Res[0]);
    else
      rt::zeroInPlace(Slice);
    Out[0] = Result;
    for (size_t I = 1; I < Res.size() && I < Out.size(); ++I)
      Out[I] = Res[I];
    return Out;
  }
  void releaseVariables() override { Fn->releaseVariables(); }

private:
  Shape BaseSizes, ViewSizes, ViewStrides;
  int64_t ViewOffset;
  std::shared_ptr<FunctionNode> Fn;
};

/// The node of in-place op Name on Self with other differentiable inputs
/// Others (edges taken now, before the write).
std::shared_ptr<FunctionNode>
makeInPlaceNode(const char *Name, const Tensor &Self,
                std::initializer_list<const Tensor *> Others,
                FunctionNode::BackwardFn Backward) {
  auto N = std::make_shared<FunctionNode>(Name, std::move(Backward));
  N->NextEdges.push_back(gradientEdge(Self));
  for (const Tensor *T : Others)
    N->NextEdges.push_back(gradientEdge(*T));
  return N;
}

/// Makes N the history of Self, or of its base through CopySlices when
/// Self is a view.
void rebaseHistory(Tensor &Self, const std::shared_ptr<FunctionNode> &N) {
  AutogradMeta &M = autogradMeta(Self);
  if (!M.ViewBase) {
    setHistory(Self, N);
    return;
  }
  Tensor Base = M.ViewBase;
  // The old view values are the base's: whether N computes their gradient
  // depends on the base's history, not on the view's (possibly stale) one.
  N->NextEdges[0] = gradientEdge(Base);
  auto CS = std::make_shared<CopySlices>(Base, Self, N);
  CS->NextEdges.push_back(N->NextEdges[0]);
  for (size_t I = 1; I < N->NextEdges.size(); ++I)
    CS->NextEdges.push_back(N->NextEdges[I]);
  setHistory(Base, CS);
  // The view is now a strided view of the rewritten base.
  Shape Sizes = Self.sizes(), Strides = Self.strides();
  int64_t Offset = Self->storageOffset() - Base->storageOffset();
  auto View = std::make_shared<FunctionNode>(
      "AsStridedBackward0",
      [BaseSizes = Base.sizes(), Sizes, Strides,
       Offset](FunctionNode &, const TensorList &G) -> TensorList {
        Tensor Z = zeros(BaseSizes, G[0].dtype());
        Tensor Part = asStrided(Z, Sizes, Strides, Offset);
        rt::copyInPlace(Part, G[0]);
        return {Z};
      });
  View->NextEdges.push_back(gradientEdge(Base));
  setHistory(Self, View);
}

/// makeInPlaceNode + rebaseHistory, after the write.
std::shared_ptr<FunctionNode>
recordInPlace(const char *Name, Tensor &Self,
              std::initializer_list<const Tensor *> Others,
              FunctionNode::BackwardFn Backward) {
  auto N = makeInPlaceNode(Name, Self, Others, std::move(Backward));
  rebaseHistory(Self, N);
  return N;
}

/// Saves operand B of an in-place op on Self before the write, as PyTorch
/// does (so `y.mul_(y)` fails backward's version check rather than use the
/// new value); B == Self is kept as an alias to avoid a reference cycle.
void saveOperand(FunctionNode &N, size_t Slot, const Tensor &Self,
                 const Tensor &B) {
  if (B.get() == Self.get())
    N.saveOutput(Slot, B);
  else
    N.saveInput(Slot, B);
}

Tensor scaled(const Tensor &G, Scalar Alpha) {
  return Alpha.toDouble() == 1.0 ? G : rt::mul(G, num(Alpha));
}

} // namespace

Tensor &addInPlace(Tensor &Self, const Tensor &B, Scalar Alpha) {
  bool Record = checkInPlace(Self, &B);
  rt::addInPlace(Self, B, Alpha);
  if (Record)
    recordInPlace("AddBackward0", Self, {&B},
                  [Alpha](FunctionNode &, const TensorList &G) -> TensorList {
                    return {G[0], scaled(G[0], Alpha)};
                  });
  return Self;
}

Tensor &subInPlace(Tensor &Self, const Tensor &B, Scalar Alpha) {
  bool Record = checkInPlace(Self, &B);
  rt::subInPlace(Self, B, Alpha);
  if (Record)
    recordInPlace("SubBackward0", Self, {&B},
                  [Alpha](FunctionNode &, const TensorList &G) -> TensorList {
                    return {G[0], negate(scaled(G[0], Alpha))};
                  });
  return Self;
}

Tensor &mulInPlace(Tensor &Self, const Tensor &B) {
  if (!checkInPlace(Self, &B))
    return rt::mulInPlace(Self, B);
  auto N =
      makeInPlaceNode("MulBackward0", Self, {&B},
                      [](FunctionNode &N, const TensorList &G) -> TensorList {
                        TensorList Out(2);
                        if (N.needsInputGrad(0))
                          Out[0] = rt::mul(G[0], N.saved(1));
                        if (N.needsInputGrad(1))
                          Out[1] = rt::mul(G[0], N.saved(0));
                        return Out;
                      });
  saveOperand(*N, 1, Self, B);
  // The gradient for B needs Self's value before the write.
  if (requiresGrad(B))
    N->saveInput(0, rt::clone(Self));
  rt::mulInPlace(Self, B);
  rebaseHistory(Self, N);
  return Self;
}

Tensor &divInPlace(Tensor &Self, const Tensor &B) {
  if (!checkInPlace(Self, &B))
    return rt::divInPlace(Self, B);
  // d(a/b)/db = -(a/b)/b, with a/b the new value of Self.
  auto N =
      makeInPlaceNode("DivBackward0", Self, {&B},
                      [](FunctionNode &N, const TensorList &G) -> TensorList {
                        TensorList Out(2);
                        Tensor Other = N.saved(1);
                        if (N.needsInputGrad(0))
                          Out[0] = rt::div(G[0], Other);
                        if (N.needsInputGrad(1))
                          Out[1] =
                              rt::mul(negate(G[0]), rt::div(N.saved(0), Other));
                        return Out;
                      });
  saveOperand(*N, 1, Self, B);
  rt::divInPlace(Self, B);
  if (requiresGrad(B))
    N->saveOutput(0, Self);
  rebaseHistory(Self, N);
  return Self;
}

Tensor &powInPlace(Tensor &Self, const Tensor &B) {
  if (!checkInPlace(Self, &B))
    return rt::powInPlace(Self, B);
  // The gradients need Self's old value (PyTorch saves a clone of it) and,
  // for the exponent, the new one: the same formulas as pow's.
  Tensor Old = rt::clone(Self);
  std::shared_ptr<FunctionNode> N;
  if (B->isWrappedNumber()) {
    double E = itemDouble(B);
    N = makeInPlaceNode(
        "PowBackward0", Self, {},
        [E](FunctionNode &N, const TensorList &G) -> TensorList {
          Tensor Base = N.saved(0);
          if (E == 0.0)
            return {zeros(Base.sizes(), G[0].dtype())};
          return {rt::mul(rt::mul(G[0], num(E)), rt::pow(Base, num(E - 1.0)))};
        });
  } else {
    N = makeInPlaceNode(
        "PowBackward1", Self, {&B},
        [](FunctionNode &N, const TensorList &G) -> TensorList {
          TensorList Out(2);
          Tensor Base = N.saved(0), Exp = N.saved(1);
          if (N.needsInputGrad(0))
            Out[0] = zeroWhere(
                compare(CompareOp::Eq, Exp, num(0.0)),
                rt::mul(G[0],
                        rt::mul(Exp, rt::pow(Base, rt::sub(Exp, num(1.0))))));
          if (N.needsInputGrad(1)) {
            Tensor Cond = rt::mul(compare(CompareOp::Eq, Base, num(0.0)),
                                  compare(CompareOp::Ge, Exp, num(0.0)));
            Out[1] = rt::mul(G[0],
                             zeroWhere(Cond, rt::mul(N.saved(2), logOf(Base))));
          }
          return Out;
        });
    saveOperand(*N, 1, Self, B);
  }
  rt::powInPlace(Self, B);
  N->saveInput(0, Old);
  if (!B->isWrappedNumber() && requiresGrad(B))
    N->saveOutput(2, Self);
  rebaseHistory(Self, N);
  return Self;
}

namespace {
/// zero_/fill_: the old value gets a zero gradient.
Tensor &overwrite(Tensor &Self, const char *Name) {
  recordInPlace(Name, Self, {},
                [](FunctionNode &, const TensorList &G) -> TensorList {
                  return {zeros(G[0].sizes(), G[0].dtype())};
                });
  return Self;
}
} // namespace

Tensor &zeroInPlace(Tensor &Self) {
  bool Record = checkInPlace(Self, nullptr);
  rt::zeroInPlace(Self);
  return Record ? overwrite(Self, "ZeroBackward0") : Self;
}

Tensor &fillInPlace(Tensor &Self, Scalar Value) {
  bool Record = checkInPlace(Self, nullptr);
  rt::fillInPlace(Self, Value);
  return Record ? overwrite(Self, "FillBackward2") : Self;
}

Tensor &copyInPlace(Tensor &Self, const Tensor &Src) {
  bool Record = checkInPlace(Self, &Src);
  rt::copyInPlace(Self, Src);
  if (Record)
    recordInPlace("CopyBackwards", Self, {&Src},
                  [](FunctionNode &, const TensorList &G) -> TensorList {
                    return {zeros(G[0].sizes(), G[0].dtype()), G[0]};
                  });
  return Self;
}

//===--- For in-place ops written elsewhere (GradUtil.h) ------------------===//

namespace detail {

bool checkInPlaceOp(const Tensor &Self, const Tensor *Other) {
  return checkInPlace(Self, Other);
}

std::shared_ptr<FunctionNode>
makeInPlaceOpNode(const char *Name, const Tensor &Self,
                  std::initializer_list<const Tensor *> Others,
                  FunctionNode::BackwardFn Backward) {
  return makeInPlaceNode(Name, Self, Others, std::move(Backward));
}

void rebaseInPlaceHistory(Tensor &Self,
                          const std::shared_ptr<FunctionNode> &N) {
  rebaseHistory(Self, N);
}

} // namespace detail

} // namespace janus::rt::ag
