//===- ViewGrad.cpp - Differentiable views, copies and conversions --------===//
//
// ag:: view ops (their gradient is the inverse shape change, a sum over
// expanded dims, or a zero tensor with the gradient written into the same
// slice), contiguous/clone/to and detach. Views made in grad mode remember
// their base, for in-place writes through them (CopySlices, InPlaceGrad.cpp).
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

namespace {

/// Records a view-like node; R is a view of Src when it shares its storage.
Tensor viewNode(const char *Name, const Tensor &Src, const Tensor &R,
                FunctionNode::BackwardFn Fn) {
  if (R.get() != Src.get() && R->storage() == Src->storage()) {
    if (isGradEnabled()) {
      AutogradMeta *M = Src->autogradMeta();
      autogradMeta(R).ViewBase = M && M->ViewBase ? M->ViewBase : Src;
    } else if (requiresGrad(Src)) {
      autogradMeta(R).NoGradView = true;
    }
  }
  recordNode(Name, {&Src}, R, std::move(Fn));
  return R;
}

/// The gradient of a reshape-like op: G reshaped back to Sizes.
FunctionNode::BackwardFn reshapeBack(const Shape &Sizes) {
  return [Sizes](FunctionNode &, const TensorList &G) -> TensorList {
    return {rt::reshape(G[0], Sizes)};
  };
}

/// The gradient of a slicing op: zeros with G written into the slice that
/// Take selects.
template <typename TakeFn>
FunctionNode::BackwardFn sliceBack(const Shape &Sizes, TakeFn Take) {
  return [Sizes, Take](FunctionNode &, const TensorList &G) -> TensorList {
    Tensor Z = zeros(Sizes, G[0].dtype());
    Tensor Part = Take(Z);
    rt::copyInPlace(Part, G[0]);
    return {Z};
  };
}

} // namespace

Tensor view(const Tensor &Src, const Shape &Sizes) {
  return viewNode("ViewBackward0", Src, rt::view(Src, Sizes),
                  reshapeBack(Src.sizes()));
}

Tensor reshape(const Tensor &Src, const Shape &Sizes) {
  Tensor R = rt::reshape(Src, Sizes);
  // PyTorch: _reshape_alias when a view is possible, else clone+_unsafe_view.
  bool Aliases = R->storage() == Src->storage();
  return viewNode(Aliases ? "ReshapeAliasBackward0" : "UnsafeViewBackward0",
                  Src, R, reshapeBack(Src.sizes()));
}

Tensor flatten(const Tensor &Src) { return ag::reshape(Src, {-1}); }

Tensor transpose(const Tensor &Src, int64_t D0, int64_t D1) {
  return viewNode("TransposeBackward0", Src, rt::transpose(Src, D0, D1),
                  [D0, D1](FunctionNode &, const TensorList &G) -> TensorList {
                    return {rt::transpose(G[0], D0, D1)};
                  });
}

Tensor t(const Tensor &Src) {
  return viewNode("TBackward0", Src, rt::t(Src),
                  [](FunctionNode &, const TensorList &G) -> TensorList {
                    return {rt::t(G[0])};
                  });
}

Tensor permute(const Tensor &Src, const Shape &Dims) {
  Tensor R = rt::permute(Src, Dims);
  Shape Inverse(Dims.size());
  for (size_t I = 0; I < Dims.size(); ++I)
    Inverse[wrapDim(Dims[I], Src.dim())] = static_cast<int64_t>(I);
  return viewNode("PermuteBackward0", Src, R,
                  [Inverse](FunctionNode &, const TensorList &G) -> TensorList {
                    return {rt::permute(G[0], Inverse)};
                  });
}

Tensor squeeze(const Tensor &Src) {
  return viewNode("SqueezeBackward0", Src, rt::squeeze(Src),
                  reshapeBack(Src.sizes()));
}

Tensor squeeze(const Tensor &Src, int64_t D) {
  return viewNode("SqueezeBackward1", Src, rt::squeeze(Src, D),
                  reshapeBack(Src.sizes()));
}

Tensor unsqueeze(const Tensor &Src, int64_t D) {
  Tensor R = rt::unsqueeze(Src, D);
  int64_t Wrapped = wrapDim(D, R.dim());
  return viewNode("UnsqueezeBackward0", Src, R,
                  [Wrapped](FunctionNode &, const TensorList &G) -> TensorList {
                    return {rt::squeeze(G[0], Wrapped)};
                  });
}

Tensor expand(const Tensor &Src, const Shape &Sizes) {
  return viewNode(
      "ExpandBackward0", Src, rt::expand(Src, Sizes),
      [In = Src.sizes()](FunctionNode &, const TensorList &G) -> TensorList {
        return {sumTo(G[0], In)};
      });
}

Tensor narrow(const Tensor &Src, int64_t D, int64_t Start, int64_t Length) {
  return viewNode("SliceBackward0", Src, rt::narrow(Src, D, Start, Length),
                  sliceBack(Src.sizes(), [=](const Tensor &Z) {
                    return rt::narrow(Z, D, Start, Length);
                  }));
}

Tensor slice(const Tensor &Src, int64_t D, std::optional<int64_t> Start,
             std::optional<int64_t> End, int64_t Step) {
  return viewNode("SliceBackward0", Src, rt::slice(Src, D, Start, End, Step),
                  sliceBack(Src.sizes(), [=](const Tensor &Z) {
                    return rt::slice(Z, D, Start, End, Step);
                  }));
}

Tensor select(const Tensor &Src, int64_t D, int64_t Index) {
  return viewNode("SelectBackward0", Src, rt::select(Src, D, Index),
                  sliceBack(Src.sizes(), [=](const Tensor &Z) {
                    return rt::select(Z, D, Index);
                  }));
}

//===--- Copies -----------------------------------------------------------===//

namespace {
Tensor identityNode(const char *Name, const Tensor &Src, const Tensor &R) {
  recordNode(
      Name, {&Src}, R,
      [](FunctionNode &, const TensorList &G) -> TensorList { return {G[0]}; });
  return R;
}
} // namespace

Tensor contiguous(const Tensor &Src) {
  Tensor R = rt::contiguous(Src);
  // Already contiguous: Src itself, history included.
  return R.get() == Src.get() ? R : identityNode("CloneBackward0", Src, R);
}

Tensor clone(const Tensor &Src) {
  return identityNode("CloneBackward0", Src, rt::clone(Src));
}

Tensor to(const Tensor &Src, DType T, bool Copy) {
  Tensor R = rt::to(Src, T, Copy);
  if (R.get() == Src.get())
    return R;
  // An integer or bool result is not differentiable: PyTorch gives it no
  // grad_fn and requires_grad=False (x.long(), x.bool()).
  if (!isFloating(T))
    return R;
  // The engine converts the gradient back to Src's dtype.
  return identityNode("ToCopyBackward0", Src, R);
}

Tensor detach(const Tensor &Src) { return alias(Src); }

} // namespace janus::rt::ag
