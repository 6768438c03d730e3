//===- InPlaceGrad.cpp - Differentiable in-place ops ----------------------===//
//
// add_/sub_/mul_/div_/zero_/fill_/copy_ under PyTorch's rules: a leaf that
// requires grad may only be written under no_grad (an optimizer's
// `p -= lr * p.grad`), where the op is a plain kernel call that bumps the
// version; otherwise, when the result needs grad, the tensor's history is
// rebased onto the op's node, whose edge for the old value points at the
// tensor's previous grad_fn. Writing through a view that needs grad would
// need PyTorch's CopySlices and is refused.
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
  bool SelfRequires = requiresGrad(Self);
  if (SelfRequires && isLeaf(Self))
    fail("a leaf Variable that requires grad is being used in an in-place "
         "operation.");
  bool Needs = SelfRequires || (Other && requiresGrad(*Other));
  AutogradMeta *M = Self->autogradMeta();
  if (Needs && M && M->IsView)
    fail("in-place modification of a view of a tensor that requires grad is "
         "not supported by Janus yet");
  return Needs;
}

Tensor scaled(const Tensor &G, Scalar Alpha) {
  return Alpha.toDouble() == 1.0 ? G : rt::mul(G, num(Alpha));
}

} // namespace

Tensor &addInPlace(Tensor &Self, const Tensor &B, Scalar Alpha) {
  bool Record = checkInPlace(Self, &B);
  rt::addInPlace(Self, B, Alpha);
  if (Record)
    recordNode("AddBackward0", {&Self, &B}, Self,
               [Alpha](FunctionNode &, const TensorList &G) -> TensorList {
                 return {G[0], scaled(G[0], Alpha)};
               });
  return Self;
}

Tensor &subInPlace(Tensor &Self, const Tensor &B, Scalar Alpha) {
  bool Record = checkInPlace(Self, &B);
  rt::subInPlace(Self, B, Alpha);
  if (Record)
    recordNode("SubBackward0", {&Self, &B}, Self,
               [Alpha](FunctionNode &, const TensorList &G) -> TensorList {
                 return {G[0], negate(scaled(G[0], Alpha))};
               });
  return Self;
}

Tensor &mulInPlace(Tensor &Self, const Tensor &B) {
  bool Record = checkInPlace(Self, &B);
  // The gradient for B needs Self's value before the write.
  Tensor Original = Record && requiresGrad(B) ? rt::clone(Self) : Tensor();
  rt::mulInPlace(Self, B);
  if (!Record)
    return Self;
  auto N = recordNode("MulBackward0", {&Self, &B}, Self,
                      [](FunctionNode &N, const TensorList &G) -> TensorList {
                        TensorList Out(2);
                        if (N.needsInputGrad(0))
                          Out[0] = rt::mul(G[0], N.saved(1));
                        if (N.needsInputGrad(1))
                          Out[1] = rt::mul(G[0], N.saved(0));
                        return Out;
                      });
  if (N->needsInputGrad(0))
    N->saveInput(1, B);
  if (Original)
    N->saveInput(0, Original);
  return Self;
}

Tensor &divInPlace(Tensor &Self, const Tensor &B) {
  bool Record = checkInPlace(Self, &B);
  rt::divInPlace(Self, B);
  if (!Record)
    return Self;
  // d(a/b)/db = -(a/b)/b, with a/b the new value of Self.
  auto N = recordNode(
      "DivBackward0", {&Self, &B}, Self,
      [](FunctionNode &N, const TensorList &G) -> TensorList {
        TensorList Out(2);
        Tensor Other = N.saved(1);
        if (N.needsInputGrad(0))
          Out[0] = rt::div(G[0], Other);
        if (N.needsInputGrad(1))
          Out[1] = rt::mul(negate(G[0]), rt::div(N.saved(0), Other));
        return Out;
      });
  N->saveInput(1, B);
  if (N->needsInputGrad(1))
    N->saveOutput(0, Self);
  return Self;
}

namespace {
/// zero_/fill_: the old value gets a zero gradient.
Tensor &overwrite(Tensor &Self, const char *Name) {
  recordNode(Name, {&Self}, Self,
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
    recordNode("CopyBackwards", {&Self, &Src}, Self,
               [](FunctionNode &, const TensorList &G) -> TensorList {
                 return {zeros(G[0].sizes(), G[0].dtype()), G[0]};
               });
  return Self;
}

} // namespace janus::rt::ag
