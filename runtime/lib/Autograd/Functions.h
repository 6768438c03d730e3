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
#include "NN/NN.h"
#include "Tensor/Indexing.h"

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
/// Self.pow_(B): PowBackward0 for a Python number B, else PowBackward1.
Tensor &powInPlace(Tensor &Self, const Tensor &B);
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
/// Whether M (2-d) is laid out column by column (strides [1, rows]).
bool isColumnMajorMatrix(const Tensor &M);
/// The gradients of A @ B for an output gradient G as ATen computes them
/// (mm_mat1_backward/mm_mat2_backward: a column-major operand's gradient is
/// the transpose of a row-major product), for mm and addmm alike.
Tensor mmGradFirst(const Tensor &G, const Tensor &B, bool AColumnMajor);
Tensor mmGradSecond(const Tensor &G, const Tensor &A, bool BColumnMajor);
/// The gradient flows back converted to Src's dtype.
Tensor to(const Tensor &Src, DType T, bool Copy = false);
/// Shares Src's storage (and version counter) with no autograd history.
Tensor detach(const Tensor &Src);

Tensor mm(const Tensor &A, const Tensor &B);
Tensor bmm(const Tensor &A, const Tensor &B);
/// ATen's matmul decomposition (dot, mv, mm, folded and batched bmm), so
/// the graph holds the same nodes as PyTorch's.
Tensor matmul(const Tensor &A, const Tensor &B);

//===--- Neural-network ops (NNGrad.cpp, losses in LossGrad.cpp) ----------===//
//
// The kernels of NN/NN.h with PyTorch's nodes (ConvolutionBackward0,
// MaxPool2DWithIndicesBackward0, NativeBatchNormBackward0, ...). Composite
// ops are composed as ATen composes them, so that the graph holds the same
// nodes: crossEntropy is logSoftmax + nllLoss (+ the label-smoothing
// terms), or for probability targets ATen's -(logp * t * w).sum() terms
// (DivBackward1 / NegBackward0 at the top), linear is addmm / matmul + add_,
// dropout is a MulBackward0.

Tensor conv2d(const Tensor &Input, const Tensor &Weight, const Tensor &Bias,
              Pair2 Stride = {1, 1}, Pair2 Padding = {0, 0},
              Pair2 Dilation = {1, 1}, int64_t Groups = 1);
Tensor convTranspose2d(const Tensor &Input, const Tensor &Weight,
                       const Tensor &Bias, Pair2 Stride = {1, 1},
                       Pair2 Padding = {0, 0}, Pair2 OutputPadding = {0, 0},
                       int64_t Groups = 1, Pair2 Dilation = {1, 1});
/// Output is differentiable; Indices carry no history.
MaxPoolResult maxPool2d(const Tensor &Input, Pair2 Kernel,
                        std::optional<Pair2> Stride = std::nullopt,
                        Pair2 Padding = {0, 0}, Pair2 Dilation = {1, 1},
                        bool CeilMode = false);
Tensor avgPool2d(const Tensor &Input, Pair2 Kernel,
                 std::optional<Pair2> Stride = std::nullopt,
                 Pair2 Padding = {0, 0}, bool CeilMode = false,
                 bool CountIncludePad = true,
                 std::optional<int64_t> DivisorOverride = std::nullopt);
Tensor adaptiveAvgPool2d(const Tensor &Input, Pair2 OutputSize);
/// Training updates RunningMean/RunningVar in place, unrecorded (buffers).
BatchNormResult batchNorm(const Tensor &Input, const Tensor &Weight,
                          const Tensor &Bias, const Tensor &RunningMean,
                          const Tensor &RunningVar, bool Training,
                          double Momentum = 0.1, double Eps = 1e-5);
DropoutResult dropout(const Tensor &Input, double P, bool Training = true,
                      TorchGenerator &Gen = TorchGenerator::defaultGenerator());
Tensor embedding(const Tensor &Weight, const Tensor &Indices,
                 std::optional<int64_t> PaddingIdx = std::nullopt);
/// Weight is not differentiable (PyTorch's error if it requires grad).
Tensor nllLoss(const Tensor &Input, const Tensor &Target, const Tensor &Weight,
               Reduction R = Reduction::Mean, int64_t IgnoreIndex = -100);
Tensor crossEntropy(const Tensor &Input, const Tensor &Target,
                    const Tensor &Weight, Reduction R = Reduction::Mean,
                    int64_t IgnoreIndex = -100, double LabelSmoothing = 0.0);
Tensor mseLoss(const Tensor &Input, const Tensor &Target,
               Reduction R = Reduction::Mean);
Tensor binaryCrossEntropy(const Tensor &Input, const Tensor &Target,
                          const Tensor &Weight, Reduction R = Reduction::Mean);
Tensor leakyRelu(const Tensor &Input, double NegativeSlope = 0.01);
/// F.relu(x, inplace=True) / F.leaky_relu(..., inplace=True): in-place
/// rules, ReluBackward0 / LeakyReluBackward1 (formulas on the result).
Tensor &reluInPlace(Tensor &Self);
Tensor &leakyReluInPlace(Tensor &Self, double NegativeSlope = 0.01);
Tensor constantPad(const Tensor &Input, const Shape &Pads, double Value = 0);
/// F.pad's reflect/replicate/circular modes: ReflectionPad{1,2,3}DBackward0,
/// ReplicationPad{1,2,3}DBackward0, or CopySlices for circular (as ATen's
/// slice copies end).
Tensor pad(const Tensor &Input, const Shape &Pads, PadMode Mode);
/// F.linear(Input, Weight, Bias) (Bias may be empty), as ATen composes it.
Tensor linear(const Tensor &Input, const Tensor &Weight,
              const Tensor &Bias = Tensor());

//===--- Joining and indexing (IndexGrad.cpp) -----------------------------===//
//
// The ops of Tensor/Indexing.h. split/splitWithSizes/chunk/unbind return
// views that share one multi-output node (SplitBackward0, ...); their
// gradients flow to the base. index() with basic indices only is a view
// (named after its last index: SelectBackward0, SliceBackward0,
// UnsqueezeBackward0, AliasBackward0), otherwise IndexBackward0. indexPut
// and maskedFillInPlace follow the in-place rules (CopySlices through
// views; IndexPutBackward0 for advanced indices).

Tensor cat(const std::vector<Tensor> &Tensors, int64_t Dim = 0);
Tensor stack(const std::vector<Tensor> &Tensors, int64_t Dim = 0);
std::vector<Tensor> split(const Tensor &Src, int64_t SplitSize,
                          int64_t Dim = 0);
std::vector<Tensor> splitWithSizes(const Tensor &Src,
                                   const std::vector<int64_t> &Sizes,
                                   int64_t Dim = 0);
std::vector<Tensor> chunk(const Tensor &Src, int64_t Chunks, int64_t Dim = 0);
std::vector<Tensor> unbind(const Tensor &Src, int64_t Dim = 0);
Tensor repeat(const Tensor &Src, const Shape &Repeats);
Tensor gather(const Tensor &Src, int64_t Dim, const Tensor &Index);
Tensor indexSelect(const Tensor &Src, int64_t Dim, const Tensor &Index);
Tensor maskedFill(const Tensor &Self, const Tensor &Mask, Scalar Value);
Tensor maskedFill(const Tensor &Self, const Tensor &Mask, const Tensor &Value);
Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask, Scalar Value);
Tensor &maskedFillInPlace(Tensor &Self, const Tensor &Mask,
                          const Tensor &Value);
Tensor index(const Tensor &Self, const std::vector<TensorIndex> &Indices);
Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 const Tensor &Value, bool Accumulate = false);
Tensor &indexPut(Tensor &Self, const std::vector<TensorIndex> &Indices,
                 Scalar Value);
/// torch.div(A, B, rounding_mode=Mode): DivBackward2 with zero gradients
/// for "floor"/"trunc", as PyTorch 1.13; an empty Mode is ag::div.
Tensor div(const Tensor &A, const Tensor &B, const std::string &Mode);

} // namespace janus::rt::ag

#endif // JANUS_RUNTIME_AUTOGRAD_FUNCTIONS_H
