//===- GradUtil.h - Helpers shared by the backward formulas -----*- C++ -*-===//
//
// Small tensor helpers the ag:: op files use to write PyTorch's derivative
// formulas (derivatives.yaml / FunctionsManual.cpp) with the tensor kernels.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_AUTOGRAD_GRADUTIL_H
#define JANUS_RUNTIME_AUTOGRAD_GRADUTIL_H

#include "Autograd/Autograd.h"

#include <algorithm>

namespace janus::rt::ag::detail {

/// A Python number operand (does not change the other operand's dtype).
inline Tensor num(double V) { return wrappedScalar(Scalar(V)); }
inline Tensor num(Scalar V) { return wrappedScalar(V); }

inline Tensor negate(const Tensor &A) { return rt::unary(UnaryOp::Neg, A); }
inline Tensor logOf(const Tensor &A) { return rt::unary(UnaryOp::Log, A); }
inline Tensor expOf(const Tensor &A) { return rt::unary(UnaryOp::Exp, A); }

/// where(Mask, 0, G): masked_fill(Mask, 0).
inline Tensor zeroWhere(const Tensor &Mask, const Tensor &G) {
  return rt::where(Mask, num(0.0), G);
}

/// Re-inserts the reduced Dims of a reduction's result or gradient (sorted,
/// wrapped against Rank) when it was computed without keepdim, so it
/// broadcasts against the input. Empty Dims means all dims.
inline Tensor unsqueezeReduced(Tensor G, Shape Dims, int64_t Rank,
                               bool KeepDim) {
  if (KeepDim || Rank == 0)
    return G;
  if (Dims.empty())
    return rt::reshape(G, Shape(static_cast<size_t>(Rank), 1));
  for (int64_t &D : Dims)
    D = wrapDim(D, Rank);
  std::sort(Dims.begin(), Dims.end());
  for (int64_t D : Dims)
    G = rt::unsqueeze(G, D);
  return G;
}

/// The number of elements a reduction over Dims (all when empty) combines.
inline int64_t reducedCount(const Shape &Sizes, const Shape &Dims) {
  if (Dims.empty()) {
    int64_t N = 1;
    for (int64_t S : Sizes)
      N *= S;
    return N;
  }
  int64_t N = 1;
  for (int64_t D : Dims)
    N *= Sizes[wrapDim(D, static_cast<int64_t>(Sizes.size()))];
  return N;
}

/// Saves T in Slot when it is defined (an empty Tensor stands for None).
inline void saveIfDefined(FunctionNode &N, size_t Slot, const Tensor &T) {
  if (T)
    N.saveInput(Slot, T);
}

/// The saved tensor in Slot, or an empty Tensor when nothing was saved.
inline Tensor savedIf(const FunctionNode &N, size_t Slot, bool Defined) {
  return Defined ? N.saved(Slot) : Tensor();
}

[[noreturn]] inline void fail(const std::string &Message) {
  throw TensorError(ErrorKind::RuntimeError, Message);
}

//===--- In-place recording (InPlaceGrad.cpp) -----------------------------===//

/// Checks an in-place op on Self with a differentiable operand Other (may
/// be null) under PyTorch's rules (leaf, no-grad view and view-of-leaf
/// errors) and says whether it must be recorded. Call before the write.
bool checkInPlaceOp(const Tensor &Self, const Tensor *Other);
/// The node of in-place op Name: edge 0 for Self's old value, then Others
/// (edges taken now, before the write).
std::shared_ptr<FunctionNode>
makeInPlaceOpNode(const char *Name, const Tensor &Self,
                  std::initializer_list<const Tensor *> Others,
                  FunctionNode::BackwardFn Backward);
/// After the write: N becomes Self's history, or its base's through
/// CopySlices when Self is a view.
void rebaseInPlaceHistory(Tensor &Self, const std::shared_ptr<FunctionNode> &N);

} // namespace janus::rt::ag::detail

#endif // JANUS_RUNTIME_AUTOGRAD_GRADUTIL_H
