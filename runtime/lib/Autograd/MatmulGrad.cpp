//===- MatmulGrad.cpp - Differentiable matrix products --------------------===//
//
// ag::mm and ag::bmm, and ag::matmul as ATen 1.13 composes it from dot, mv,
// mm, a folded mm for batched × matrix, and expand + bmm for broadcast
// batches, so the recorded graph has PyTorch's nodes and the gradient of
// every rank combination follows from the pieces'.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

namespace {

/// A two-operand product node; Fa and Fb compute the gradients of A and B
/// from (G, saved B) and (G, saved A).
template <typename GradA, typename GradB>
Tensor productNode(const char *Name, const Tensor &A, const Tensor &B,
                   const Tensor &R, GradA Fa, GradB Fb) {
  auto N =
      recordNode(Name, {&A, &B}, R,
                 [Fa, Fb](FunctionNode &N, const TensorList &G) -> TensorList {
                   TensorList Out(2);
                   if (N.needsInputGrad(0))
                     Out[0] = Fa(G[0], N.saved(1));
                   if (N.needsInputGrad(1))
                     Out[1] = Fb(G[0], N.saved(0));
                   return Out;
                 });
  if (N && N->needsInputGrad(0))
    N->saveInput(1, B);
  if (N && N->needsInputGrad(1))
    N->saveInput(0, A);
  return R;
}

Tensor dot(const Tensor &A, const Tensor &B) {
  return productNode(
      "DotBackward0", A, B, rt::matmul(A, B),
      [](const Tensor &G, const Tensor &Bv) { return rt::mul(G, Bv); },
      [](const Tensor &G, const Tensor &Av) { return rt::mul(G, Av); });
}

Tensor mv(const Tensor &A, const Tensor &B) {
  return productNode(
      "MvBackward0", A, B, rt::matmul(A, B),
      [](const Tensor &G, const Tensor &Bv) {
        return rt::mm(rt::unsqueeze(G, 1), rt::unsqueeze(Bv, 0));
      },
      [](const Tensor &G, const Tensor &Av) {
        return rt::matmul(rt::t(Av), G);
      });
}

/// ATen's _unsafe_view: a reshape of a fresh result.
Tensor unsafeView(const Tensor &Src, const Shape &Sizes) {
  Tensor R = rt::view(Src, Sizes);
  recordNode(
      "UnsafeViewBackward0", {&Src}, R,
      [In = Src.sizes()](FunctionNode &, const TensorList &G) -> TensorList {
        return {rt::reshape(G[0], In)};
      });
  return R;
}

/// ATen's in-place squeeze_(0) of the vector-matrix case.
Tensor squeezeRow(const Tensor &Src) {
  Tensor R = rt::squeeze(Src, 0);
  recordNode(
      "SqueezeBackward3", {&Src}, R,
      [In = Src.sizes()](FunctionNode &, const TensorList &G) -> TensorList {
        return {rt::reshape(G[0], In)};
      });
  return R;
}

} // namespace

Tensor mmGradFirst(const Tensor &G, const Tensor &B, bool AColumnMajor) {
  // ATen's mm_mat1_backward: a column-major A gets its gradient as the
  // transpose of a row-major product, in A's layout.
  return AColumnMajor ? rt::t(rt::mm(B, rt::t(G))) : rt::mm(G, rt::t(B));
}

Tensor mmGradSecond(const Tensor &G, const Tensor &A, bool BColumnMajor) {
  // ATen's mm_mat2_backward, the same for B (typically a weight used as
  // W.t()): t()'s backward then hands the leaf a contiguous gradient.
  return BColumnMajor ? rt::t(rt::mm(rt::t(G), A)) : rt::mm(rt::t(A), G);
}

bool isColumnMajorMatrix(const Tensor &M) {
  // As ATen tests it: strides [1, rows].
  return M.strides()[0] == 1 && M.strides()[1] == M.size(0);
}

Tensor mm(const Tensor &A, const Tensor &B) {
  // The gradient of a column-major operand comes out in its own layout, so
  // accumulating into .grad walks memory in order, and the products are
  // the ones ATen computes (BLAS rounds A^T G and (G^T A)^T differently).
  bool AColMajor = isColumnMajorMatrix(A), BColMajor = isColumnMajorMatrix(B);
  return productNode(
      "MmBackward0", A, B, rt::mm(A, B),
      [AColMajor](const Tensor &G, const Tensor &Bv) {
        return mmGradFirst(G, Bv, AColMajor);
      },
      [BColMajor](const Tensor &G, const Tensor &Av) {
        return mmGradSecond(G, Av, BColMajor);
      });
}

Tensor bmm(const Tensor &A, const Tensor &B) {
  return productNode(
      "BmmBackward0", A, B, rt::bmm(A, B),
      [](const Tensor &G, const Tensor &Bv) {
        return rt::bmm(G, rt::transpose(Bv, 1, 2));
      },
      [](const Tensor &G, const Tensor &Av) {
        return rt::bmm(rt::transpose(Av, 1, 2), G);
      });
}

Tensor matmul(const Tensor &A, const Tensor &B) {
  int64_t DimA = A.dim(), DimB = B.dim();
  // Anything else (0-dim operands, mismatched sizes) fails in the kernel
  // with PyTorch's message.
  if (DimA == 0 || DimB == 0)
    return rt::matmul(A, B);
  if (DimA == 1 && DimB == 1)
    return dot(A, B);
  if (DimA == 2 && DimB == 1)
    return mv(A, B);
  if (DimA == 1 && DimB == 2)
    return squeezeRow(ag::mm(ag::unsqueeze(A, 0), B));
  if (DimA == 2 && DimB == 2)
    return ag::mm(A, B);
  if (DimA >= 3 && DimB <= 2) {
    // Fold the batch into the rows of one mm.
    rt::matmul(A, B); // Shape checks with the kernel's messages.
    Shape OutSizes(A.sizes().begin(), A.sizes().end() - 1);
    if (DimB == 2)
      OutSizes.push_back(B.size(1));
    Tensor Rows = ag::reshape(A, {-1, A.size(-1)});
    return unsafeView(ag::mm(Rows, DimB == 1 ? ag::unsqueeze(B, 1) : B),
                      OutSizes);
  }
  rt::matmul(A, B); // Shape checks with the kernel's messages.
  // Broadcast batched product: expand both batches, fold them, bmm.
  Shape BatchA(A.sizes().begin(), A.sizes().end() - std::min<int64_t>(DimA, 2));
  Shape BatchB(B.sizes().begin(), B.sizes().end() - std::min<int64_t>(DimB, 2));
  Shape Batch = broadcastShapes(BatchA, BatchB);
  int64_t BatchNumel = 1;
  for (int64_t S : Batch)
    BatchNumel *= S;
  Tensor A3 = DimA == 1 ? ag::unsqueeze(A, 0) : A;
  Tensor B3 = DimB == 1 ? ag::unsqueeze(B, 1) : B;
  int64_t N = A3.size(-2), K = A3.size(-1), P = B3.size(-1);
  Shape SizesA = Batch, SizesB = Batch;
  SizesA.insert(SizesA.end(), {N, K});
  SizesB.insert(SizesB.end(), {K, P});
  Tensor Prod =
      ag::bmm(ag::reshape(ag::expand(A3, SizesA), {BatchNumel, N, K}),
              ag::reshape(ag::expand(B3, SizesB), {BatchNumel, K, P}));
  Shape OutSizes = Batch;
  if (DimA > 1)
    OutSizes.push_back(N);
  if (DimB > 1)
    OutSizes.push_back(P);
  return unsafeView(Prod, OutSizes);
}

} // namespace janus::rt::ag
