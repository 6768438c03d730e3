//===- NNGrad.cpp - Differentiable neural-network ops ---------------------===//
//
// ag:: wrappers of the NN/NN.h kernels: each records PyTorch 1.13's node
// and calls the op's backward kernel with what the forward saved. Composite
// ops (linear, dropout) are built from ag:: ops the way ATen builds them,
// so the graph holds the same nodes as PyTorch's. The losses are in
// LossGrad.cpp.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

namespace {

GradMask maskOf(const FunctionNode &N) {
  return {N.needsInputGrad(0), N.needsInputGrad(1),
          N.NextEdges.size() > 2 && N.needsInputGrad(2)};
}

TensorList gradsOf(const InputWeightBiasGrads &G) {
  return {G.Input, G.Weight, G.Bias};
}

} // namespace

//===--- Convolution and pooling ------------------------------------------===//

namespace {
/// ATen runs an unbatched [C, H, W] convolution as unsqueeze(0), the
/// batched op and squeeze(0) (SqueezeBackward1 at the top).
bool unbatched(const Tensor &Input, const Tensor &Weight) {
  return Input.dim() == 3 && Weight.dim() == 4;
}
} // namespace

Tensor conv2d(const Tensor &Input, const Tensor &Weight, const Tensor &Bias,
              Pair2 Stride, Pair2 Padding, Pair2 Dilation, int64_t Groups) {
  if (unbatched(Input, Weight))
    return ag::squeeze(ag::conv2d(ag::unsqueeze(Input, 0), Weight, Bias, Stride,
                                  Padding, Dilation, Groups),
                       0);
  Tensor Y = rt::conv2d(Input, Weight, Bias, Stride, Padding, Dilation, Groups);
  auto N = recordNode("ConvolutionBackward0", {&Input, &Weight, &Bias}, Y,
                      [=](FunctionNode &N, const TensorList &G) -> TensorList {
                        return gradsOf(rt::conv2dBackward(
                            G[0], N.saved(0), N.saved(1), Stride, Padding,
                            Dilation, Groups, maskOf(N)));
                      });
  if (N) {
    N->saveInput(0, Input);
    N->saveInput(1, Weight);
  }
  return Y;
}

Tensor convTranspose2d(const Tensor &Input, const Tensor &Weight,
                       const Tensor &Bias, Pair2 Stride, Pair2 Padding,
                       Pair2 OutputPadding, int64_t Groups, Pair2 Dilation) {
  if (unbatched(Input, Weight))
    return ag::squeeze(ag::convTranspose2d(ag::unsqueeze(Input, 0), Weight,
                                           Bias, Stride, Padding, OutputPadding,
                                           Groups, Dilation),
                       0);
  Tensor Y = rt::convTranspose2d(Input, Weight, Bias, Stride, Padding,
                                 OutputPadding, Groups, Dilation);
  auto N = recordNode("ConvolutionBackward0", {&Input, &Weight, &Bias}, Y,
                      [=](FunctionNode &N, const TensorList &G) -> TensorList {
                        return gradsOf(rt::convTranspose2dBackward(
                            G[0], N.saved(0), N.saved(1), Stride, Padding,
                            OutputPadding, Groups, Dilation, maskOf(N)));
                      });
  if (N) {
    N->saveInput(0, Input);
    N->saveInput(1, Weight);
  }
  return Y;
}

MaxPoolResult maxPool2d(const Tensor &Input, Pair2 Kernel,
                        std::optional<Pair2> Stride, Pair2 Padding,
                        Pair2 Dilation, bool CeilMode) {
  MaxPoolResult R =
      rt::maxPool2d(Input, Kernel, Stride, Padding, Dilation, CeilMode);
  auto N =
      recordNode("MaxPool2DWithIndicesBackward0", {&Input}, R.Output,
                 [](FunctionNode &N, const TensorList &G) -> TensorList {
                   return {rt::maxPool2dBackward(G[0], N.saved(0), N.saved(1))};
                 });
  if (N) {
    N->saveInput(0, Input);
    N->saveInput(1, R.Indices);
  }
  return R;
}

Tensor avgPool2d(const Tensor &Input, Pair2 Kernel, std::optional<Pair2> Stride,
                 Pair2 Padding, bool CeilMode, bool CountIncludePad,
                 std::optional<int64_t> DivisorOverride) {
  Tensor Y = rt::avgPool2d(Input, Kernel, Stride, Padding, CeilMode,
                           CountIncludePad, DivisorOverride);
  auto N = recordNode("AvgPool2DBackward0", {&Input}, Y,
                      [=](FunctionNode &N, const TensorList &G) -> TensorList {
                        return {rt::avgPool2dBackward(
                            G[0], N.saved(0), Kernel, Stride, Padding, CeilMode,
                            CountIncludePad, DivisorOverride)};
                      });
  if (N)
    N->saveInput(0, Input);
  return Y;
}

Tensor adaptiveAvgPool2d(const Tensor &Input, Pair2 OutputSize) {
  Tensor Y = rt::adaptiveAvgPool2d(Input, OutputSize);
  auto N =
      recordNode("AdaptiveAvgPool2DBackward0", {&Input}, Y,
                 [](FunctionNode &N, const TensorList &G) -> TensorList {
                   return {rt::adaptiveAvgPool2dBackward(G[0], N.saved(0))};
                 });
  if (N)
    N->saveInput(0, Input);
  return Y;
}

//===--- Normalisation, dropout, embedding --------------------------------===//

BatchNormResult batchNorm(const Tensor &Input, const Tensor &Weight,
                          const Tensor &Bias, const Tensor &RunningMean,
                          const Tensor &RunningVar, bool Training,
                          double Momentum, double Eps) {
  // The running statistics are buffers: the kernel updates them in place
  // and nothing records it.
  BatchNormResult R = rt::batchNorm(Input, Weight, Bias, RunningMean,
                                    RunningVar, Training, Momentum, Eps);
  bool HasWeight = static_cast<bool>(Weight);
  bool HasStats = Training || (RunningMean && RunningVar);
  auto N = recordNode(
      "NativeBatchNormBackward0", {&Input, &Weight, &Bias}, R.Output,
      [=](FunctionNode &N, const TensorList &G) -> TensorList {
        Tensor A = savedIf(N, 2, HasStats), B = savedIf(N, 3, HasStats);
        Tensor Mean = Training ? A : Tensor(), Invstd = Training ? B : Tensor();
        Tensor RMean = Training ? Tensor() : A, RVar = Training ? Tensor() : B;
        return gradsOf(rt::batchNormBackward(
            G[0], N.saved(0), savedIf(N, 1, HasWeight), RMean, RVar, Mean,
            Invstd, Training, Eps, maskOf(N)));
      });
  if (N) {
    N->saveInput(0, Input);
    saveIfDefined(*N, 1, Weight);
    if (Training) {
      N->saveInput(2, R.SaveMean);
      N->saveInput(3, R.SaveInvstd);
    } else if (HasStats) {
      // Their values now: a later in-place update fails the version check.
      N->saveInput(2, RunningMean);
      N->saveInput(3, RunningVar);
    }
  }
  return R;
}

DropoutResult dropout(const Tensor &Input, double P, bool Training,
                      TorchGenerator &Gen) {
  DropoutResult R = rt::dropout(Input, P, Training, Gen);
  if (!R.Mask)
    return R; // Output is Input itself, history included.
  auto N = recordNode("MulBackward0", {&Input}, R.Output,
                      [](FunctionNode &N, const TensorList &G) -> TensorList {
                        return {rt::dropoutBackward(G[0], N.saved(0))};
                      });
  if (N)
    N->saveInput(0, R.Mask);
  return R;
}

Tensor embedding(const Tensor &Weight, const Tensor &Indices,
                 std::optional<int64_t> PaddingIdx) {
  Tensor Y = rt::embedding(Weight, Indices, PaddingIdx);
  int64_t NumWeights = Weight.dim() > 0 ? Weight.sizes()[0] : 0;
  auto N = recordNode("EmbeddingBackward0", {&Weight}, Y,
                      [=](FunctionNode &N, const TensorList &G) -> TensorList {
                        return {rt::embeddingBackward(G[0], N.saved(0),
                                                      NumWeights, PaddingIdx)};
                      });
  if (N)
    N->saveInput(0, Indices);
  return Y;
}

//===--- Activation, padding, linear --------------------------------------===//

Tensor leakyRelu(const Tensor &Input, double NegativeSlope) {
  Tensor Y = rt::leakyRelu(Input, NegativeSlope);
  auto N = recordNode(
      "LeakyReluBackward0", {&Input}, Y,
      [=](FunctionNode &N, const TensorList &G) -> TensorList {
        return {rt::leakyReluBackward(G[0], N.saved(0), NegativeSlope)};
      });
  if (N)
    N->saveInput(0, Input);
  return Y;
}

namespace {
/// Self = Act(Self) in place; the gradient is G where the result is
/// positive and G * Slope elsewhere (threshold_backward for relu).
Tensor &activationInPlace(Tensor &Self, const char *Name, double Slope,
                          bool Leaky) {
  bool Record = checkInPlaceOp(Self, nullptr);
  std::shared_ptr<FunctionNode> N;
  if (Record)
    N = makeInPlaceOpNode(
        Name, Self, {},
        [Slope](FunctionNode &N, const TensorList &G) -> TensorList {
          Tensor Positive = compare(CompareOp::Gt, N.saved(0), num(0.0));
          return {rt::where(Positive, G[0], rt::mul(G[0], num(Slope)))};
        });
  Tensor R =
      Leaky ? rt::leakyRelu(Self, Slope) : rt::unary(UnaryOp::Relu, Self);
  rt::copyInPlace(Self, R);
  if (Record) {
    N->saveOutput(0, Self);
    rebaseInPlaceHistory(Self, N);
  }
  return Self;
}
} // namespace

Tensor &reluInPlace(Tensor &Self) {
  return activationInPlace(Self, "ReluBackward0", 0.0, false);
}

Tensor &leakyReluInPlace(Tensor &Self, double NegativeSlope) {
  return activationInPlace(Self, "LeakyReluBackward1", NegativeSlope, true);
}

Tensor constantPad(const Tensor &Input, const Shape &Pads, double Value) {
  Tensor Y = rt::constantPad(Input, Pads, Value);
  recordNode("ConstantPadNdBackward0", {&Input}, Y,
             [Pads](FunctionNode &, const TensorList &G) -> TensorList {
               return {rt::constantPadBackward(G[0], Pads)};
             });
  return Y;
}

Tensor pad(const Tensor &Input, const Shape &Pads, PadMode Mode) {
  Tensor Y = rt::pad(Input, Pads, Mode);
  // Circular padding is slice copies into a new tensor in ATen, so its
  // node is the last copy's CopySlices.
  static const char *const Names[2][3] = {
      {"ReflectionPad1DBackward0", "ReflectionPad2DBackward0",
       "ReflectionPad3DBackward0"},
      {"ReplicationPad1DBackward0", "ReplicationPad2DBackward0",
       "ReplicationPad3DBackward0"}};
  size_t K = Pads.size() / 2;
  const char *Name = Mode == PadMode::Circular  ? "CopySlices"
                     : Mode == PadMode::Reflect ? Names[0][K - 1]
                                                : Names[1][K - 1];
  Shape InSizes = Input.sizes();
  recordNode(Name, {&Input}, Y,
             [=](FunctionNode &, const TensorList &G) -> TensorList {
               return {rt::padBackward(G[0], InSizes, Pads, Mode)};
             });
  return Y;
}

namespace {
/// at::addmm(Bias, A, B) = Bias + A @ B (Bias broadcast).
Tensor addmm(const Tensor &Bias, const Tensor &A, const Tensor &B) {
  Tensor Y = rt::add(Bias, rt::mm(A, B));
  // The operand gradients as ATen's (and ag::mm's), layout rule included:
  // Linear's B is W.t(), column-major, and BLAS rounds (G^T A)^T and A^T G
  // differently.
  bool AColMajor = isColumnMajorMatrix(A), BColMajor = isColumnMajorMatrix(B);
  auto N = recordNode("AddmmBackward0", {&Bias, &A, &B}, Y,
                      [AColMajor, BColMajor](
                          FunctionNode &N, const TensorList &G) -> TensorList {
                        TensorList Out(3);
                        if (N.needsInputGrad(0))
                          Out[0] = G[0];
                        if (N.needsInputGrad(1))
                          Out[1] = mmGradFirst(G[0], N.saved(2), AColMajor);
                        if (N.needsInputGrad(2))
                          Out[2] = mmGradSecond(G[0], N.saved(1), BColMajor);
                        return Out;
                      });
  if (N) {
    if (N->needsInputGrad(2))
      N->saveInput(1, A);
    if (N->needsInputGrad(1))
      N->saveInput(2, B);
  }
  return Y;
}
} // namespace

Tensor linear(const Tensor &Input, const Tensor &Weight, const Tensor &Bias) {
  // ATen's linear (1.13): addmm for 2-d input with bias; a view around
  // addmm for contiguous 3-d input with bias; otherwise matmul, then add_.
  if (Input.dim() == 2 && Bias)
    return addmm(Bias, Input, ag::t(Weight));
  if (Input.dim() == 3 && Bias && Input->isContiguous()) {
    Shape S = Input.sizes();
    Tensor Y = addmm(Bias, ag::view(Input, {S[0] * S[1], S[2]}), ag::t(Weight));
    return ag::view(Y, {S[0], S[1], Y.sizes()[1]});
  }
  Tensor Y = ag::matmul(Input, ag::t(Weight));
  if (Bias)
    ag::addInPlace(Y, Bias);
  return Y;
}

} // namespace janus::rt::ag
