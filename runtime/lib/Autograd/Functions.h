//===- Functions.h - Differentiable tensor ops ------------------*- C++ -*-===//
//
// janus::rt::ag mirrors the ops of Tensor/Tensor.h with the same signatures:
// each calls the kernel and, when grad mode is on and an input requires
// grad, records the node PyTorch 1.13 records (same name, same gradient
// formula). Non-differentiable ops (comparisons, argmax, creation) need no
// wrapper: the kernels' results simply carry no autograd state.
//
// In-place ops follow PyTorch's rules: refused on a leaf that requires grad
// while grad mode is on; plain kernel calls (that bump the version) under
// NoGradGuard; otherwise the tensor's history is rebased onto the in-place
// op's node, or, for a view, its base's history onto CopySlices.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_AUTOGRAD_FUNCTIONS_H
#define JANUS_RUNTIME_AUTOGRAD_FUNCTIONS_H

#include "Autograd/Autograd.h"

namespace janus::rt::ag {

//===--- Elementwise (ElementwiseGrad.cpp) --------------------------------===//

Tensor binary(BinaryOp Op, const Tensor &A, const Tensor &B);
Tensor add(const Tensor &A, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor sub(const Tensor &A, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor mul(const Tensor &A, const Tensor &B);
Tensor div(const Tensor &A, const Tensor &B);
/// PowBackward0 when B is a wrapped number, PowBackward1 otherwise.
Tensor pow(const Tensor &A, const Tensor &B);
Tensor maximum(const Tensor &A, const Tensor &B);
Tensor minimum(const Tensor &A, const Tensor &B);
Tensor where(const Tensor &Cond, const Tensor &A, const Tensor &B);
Tensor unary(UnaryOp Op, const Tensor &A);
Tensor exp(const Tensor &A);
Tensor log(const Tensor &A);
Tensor sqrt(const Tensor &A);
Tensor abs(const Tensor &A);
Tensor neg(const Tensor &A);
Tensor tanh(const Tensor &A);
Tensor sigmoid(const Tensor &A);
Tensor relu(const Tensor &A);
Tensor clamp(const Tensor &A, std::optional<Scalar> Min,
             std::optional<Scalar> Max);

Tensor &addInPlace(Tensor &Self, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor &subInPlace(Tensor &Self, const Tensor &B, Scalar Alpha = Scalar(1));
Tensor &mulInPlace(Tensor &Self, const Tensor &B);
Tensor &divInPlace(Tensor &Self, const Tensor &B);
Tensor &zeroInPlace(Tensor &Self);
Tensor &fillInPlace(Tensor &Self, Scalar Value);
Tensor &copyInPlace(Tensor &Self, const Tensor &Src);

//===--- Reductions (ReduceGrad.cpp) --------------------------------------===//

Tensor sum(const Tensor &A);
Tensor sum(const Tensor &A, const Shape &Dims, bool KeepDim = false);
Tensor mean(const Tensor &A);
Tensor mean(const Tensor &A, const Shape &Dims, bool KeepDim = false);
Tensor max(const Tensor &A);
Tensor min(const Tensor &A);
std::pair<Tensor, Tensor> max(const Tensor &A, int64_t D, bool KeepDim);
std::pair<Tensor, Tensor> min(const Tensor &A, int64_t D, bool KeepDim);
Tensor var(const Tensor &A, const Shape &Dims = {}, bool Unbiased = true,
           bool KeepDim = false);
Tensor std(const Tensor &A, const Shape &Dims = {}, bool Unbiased = true,
           bool KeepDim = false);
Tensor norm(const Tensor &A);
Tensor norm(const Tensor &A, const Shape &Dims, bool KeepDim = false);
Tensor cumsum(const Tensor &A, int64_t D);
Tensor softmax(const Tensor &A, int64_t D);
Tensor logSoftmax(const Tensor &A, int64_t D);

//===--- Views, copies, matrix products (ViewGrad.cpp, MatmulGrad.cpp) ----===//

Tensor view(const Tensor &Src, const Shape &Sizes);
Tensor reshape(const Tensor &Src, const Shape &Sizes);
Tensor flatten(const Tensor &Src);
Tensor transpose(const Tensor &Src, int64_t D0, int64_t D1);
Tensor t(const Tensor &Src);
Tensor permute(const Tensor &Src, const Shape &Dims);
Tensor squeeze(const Tensor &Src);
Tensor squeeze(const Tensor &Src, int64_t D);
Tensor unsqueeze(const Tensor &Src, int64_t D);
Tensor expand(const Tensor &Src, const Shape &Sizes);
Tensor narrow(const Tensor &Src, int64_t D, int64_t Start, int64_t Length);
Tensor slice(const Tensor &Src, int64_t D, std::optional<int64_t> Start,
             std::optional<int64_t> End, int64_t Step = 1);
Tensor select(const Tensor &Src, int64_t D, int64_t Index);
Tensor contiguous(const Tensor &Src);
Tensor clone(const Tensor &Src);
/// The gradient flows back converted to Src's dtype.
Tensor to(const Tensor &Src, DType T, bool Copy = false);
/// Shares Src's storage (and version counter) with no autograd history.
Tensor detach(const Tensor &Src);

Tensor mm(const Tensor &A, const Tensor &B);
Tensor bmm(const Tensor &A, const Tensor &B);
/// ATen's matmul decomposition (dot, mv, mm, folded and batched bmm), so
/// the graph holds the same nodes as PyTorch's.
Tensor matmul(const Tensor &A, const Tensor &B);

} // namespace janus::rt::ag

#endif // JANUS_RUNTIME_AUTOGRAD_FUNCTIONS_H
