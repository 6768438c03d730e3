//===- NN.h - Neural-network kernels, forward and backward ------*- C++ -*-===//
//
// The kernels behind torch.nn.functional that Janus programs call:
// convolution, pooling, batch norm, dropout, embedding, losses, leaky_relu
// and padding, for float32 and float64 CPU tensors, with PyTorch
// 1.13's semantics, argument checks and messages (thrown as TensorError).
//
// There is no autograd here. Each op is a forward function and a backward
// function that takes the gradient of the output plus what the forward saved
// and returns the gradients of the differentiable inputs; the autograd nodes
// wrap them. "Saves:" in each comment lists what a node must keep for the
// backward call. An empty Tensor (operator bool false) stands for None
// (no bias, no weight...), both as an argument and as a gradient that the
// output mask switched off.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_NN_NN_H
#define JANUS_RUNTIME_NN_NN_H

#include "Random/TorchGenerator.h"
#include "Tensor/Tensor.h"

#include <array>
#include <optional>

namespace janus::rt {

/// (height, width) of a kernel, stride, padding or dilation.
using Pair2 = std::array<int64_t, 2>;
/// Which gradients a backward call computes: input, weight, bias (or the
/// ops' documented order). Unrequested ones come back empty.
using GradMask = std::array<bool, 3>;

/// Gradients of an op with an input, a weight and a bias.
struct InputWeightBiasGrads {
  Tensor Input, Weight, Bias;
};

//===--- Convolution (Conv.cpp) -------------------------------------------===//

/// F.conv2d. Input [N, C, H, W] or unbatched [C, H, W]; Weight
/// [Cout, C / Groups, kH, kW]; Bias [Cout] or empty.
/// Saves: Input, Weight (and the parameters).
Tensor conv2d(const Tensor &Input, const Tensor &Weight, const Tensor &Bias,
              Pair2 Stride = {1, 1}, Pair2 Padding = {0, 0},
              Pair2 Dilation = {1, 1}, int64_t Groups = 1);
/// Gradients of conv2d; Mask = {input, weight, bias}.
InputWeightBiasGrads conv2dBackward(const Tensor &GradOut, const Tensor &Input,
                                    const Tensor &Weight, Pair2 Stride,
                                    Pair2 Padding, Pair2 Dilation,
                                    int64_t Groups,
                                    GradMask Mask = {true, true, true});

/// F.conv_transpose2d. Weight [Cin, Cout / Groups, kH, kW].
/// Saves: Input, Weight (and the parameters).
Tensor convTranspose2d(const Tensor &Input, const Tensor &Weight,
                       const Tensor &Bias, Pair2 Stride = {1, 1},
                       Pair2 Padding = {0, 0}, Pair2 OutputPadding = {0, 0},
                       int64_t Groups = 1, Pair2 Dilation = {1, 1});
InputWeightBiasGrads
convTranspose2dBackward(const Tensor &GradOut, const Tensor &Input,
                        const Tensor &Weight, Pair2 Stride, Pair2 Padding,
                        Pair2 OutputPadding, int64_t Groups, Pair2 Dilation,
                        GradMask Mask = {true, true, true});

//===--- Pooling (Pool.cpp) -----------------------------------------------===//

struct MaxPoolResult {
  Tensor Output;
  /// int64, the flat index h * W + w of each maximum within its plane.
  Tensor Indices;
};
/// F.max_pool2d(..., return_indices=True). Stride empty = Kernel.
/// Saves: Input's shape (or Input) and Indices.
MaxPoolResult maxPool2d(const Tensor &Input, Pair2 Kernel,
                        std::optional<Pair2> Stride = std::nullopt,
                        Pair2 Padding = {0, 0}, Pair2 Dilation = {1, 1},
                        bool CeilMode = false);
Tensor maxPool2dBackward(const Tensor &GradOut, const Tensor &Input,
                         const Tensor &Indices);

/// F.avg_pool2d. Saves: Input's shape (or Input) and the parameters.
Tensor avgPool2d(const Tensor &Input, Pair2 Kernel,
                 std::optional<Pair2> Stride = std::nullopt,
                 Pair2 Padding = {0, 0}, bool CeilMode = false,
                 bool CountIncludePad = true,
                 std::optional<int64_t> DivisorOverride = std::nullopt);
Tensor avgPool2dBackward(const Tensor &GradOut, const Tensor &Input,
                         Pair2 Kernel, std::optional<Pair2> Stride,
                         Pair2 Padding, bool CeilMode, bool CountIncludePad,
                         std::optional<int64_t> DivisorOverride);

/// F.adaptive_avg_pool2d. Saves: Input's shape (or Input).
Tensor adaptiveAvgPool2d(const Tensor &Input, Pair2 OutputSize);
Tensor adaptiveAvgPool2dBackward(const Tensor &GradOut, const Tensor &Input);

//===--- Normalisation (Norm.cpp) -----------------------------------------===//

struct BatchNormResult {
  Tensor Output;
  /// Training: the batch mean and 1 / sqrt(biased var + eps) per channel.
  /// Eval: empty.
  Tensor SaveMean, SaveInvstd;
};
/// F.batch_norm. Input [N, C, ...]; Weight, Bias, RunningMean, RunningVar
/// [C] or empty. Training normalises with the batch statistics and updates
/// the running statistics in place (unbiased variance, Momentum).
/// Saves: Input, Weight, and SaveMean/SaveInvstd (training) or
/// RunningMean/RunningVar (eval; their values at forward time).
BatchNormResult batchNorm(const Tensor &Input, const Tensor &Weight,
                          const Tensor &Bias, const Tensor &RunningMean,
                          const Tensor &RunningVar, bool Training,
                          double Momentum = 0.1, double Eps = 1e-5);
InputWeightBiasGrads
batchNormBackward(const Tensor &GradOut, const Tensor &Input,
                  const Tensor &Weight, const Tensor &RunningMean,
                  const Tensor &RunningVar, const Tensor &SaveMean,
                  const Tensor &SaveInvstd, bool Training, double Eps = 1e-5,
                  GradMask Mask = {true, true, true});

//===--- Dropout and embedding (Dropout.cpp, Embedding.cpp) ---------------===//

struct DropoutResult {
  Tensor Output;
  /// The multiplier: 0 or 1 / (1 - P) per element, in Input's dtype. Empty
  /// when nothing was dropped (P == 0, not training, or empty input), in
  /// which case Output is Input itself, as in PyTorch.
  Tensor Mask;
};
/// F.dropout(Input, P, Training), drawing exactly as PyTorch's CPU dropout
/// from Gen. Saves: Mask.
DropoutResult dropout(const Tensor &Input, double P, bool Training = true,
                      TorchGenerator &Gen = TorchGenerator::defaultGenerator());
/// GradOut * Mask (GradOut itself when Mask is empty).
Tensor dropoutBackward(const Tensor &GradOut, const Tensor &Mask);

/// F.embedding(Indices, Weight, PaddingIdx): rows of Weight, shape
/// Indices.shape + [D]. Saves: Indices, Weight.size(0).
Tensor embedding(const Tensor &Weight, const Tensor &Indices,
                 std::optional<int64_t> PaddingIdx = std::nullopt);
/// F.embedding's max_norm (ATen's embedding_renorm_, which F.embedding runs
/// under no_grad before the lookup): every distinct row Indices refer to
/// whose NormType-norm exceeds MaxNorm is scaled in place by
/// MaxNorm / (norm + 1e-7). Bumps Weight's version; records nothing.
Tensor &embeddingRenorm(Tensor &Weight, const Tensor &Indices, double MaxNorm,
                        double NormType = 2.0);
/// The dense gradient of Weight; rows at PaddingIdx stay zero.
Tensor embeddingBackward(const Tensor &GradOut, const Tensor &Indices,
                         int64_t NumWeights,
                         std::optional<int64_t> PaddingIdx = std::nullopt);

//===--- Losses (Loss.cpp) ------------------------------------------------===//

enum class Reduction { None, Mean, Sum };

/// F.nll_loss. Input [N, C], [C] or [N, C, d...]; Target int64 [N], [] or
/// [N, d...]; Weight [C] or empty. Saves: Input's shape, Target, Weight.
Tensor nllLoss(const Tensor &Input, const Tensor &Target, const Tensor &Weight,
               Reduction R = Reduction::Mean, int64_t IgnoreIndex = -100);
Tensor nllLossBackward(const Tensor &GradOut, const Tensor &Input,
                       const Tensor &Target, const Tensor &Weight, Reduction R,
                       int64_t IgnoreIndex = -100);

/// F.cross_entropy. A Target of Input's shape holds class probabilities
/// (crossEntropyProb below; IgnoreIndex must then be negative); otherwise
/// class indices. A label_smoothing above 0 must be at most 1; 0 or below
/// (or NaN) means none, as in PyTorch. Saves: Input, Target, Weight.
Tensor crossEntropy(const Tensor &Input, const Tensor &Target,
                    const Tensor &Weight, Reduction R = Reduction::Mean,
                    int64_t IgnoreIndex = -100, double LabelSmoothing = 0.0);
Tensor crossEntropyBackward(const Tensor &GradOut, const Tensor &Input,
                            const Tensor &Target, const Tensor &Weight,
                            Reduction R, int64_t IgnoreIndex = -100,
                            double LabelSmoothing = 0.0);

/// cross_entropy's checks for probability targets (floating Target,
/// negative IgnoreIndex, the weight's size, LabelSmoothing <= 1), in
/// PyTorch's order; returns the number of classes.
int64_t crossEntropyProbClasses(const Tensor &Input, const Tensor &Target,
                                const Tensor &Weight, int64_t IgnoreIndex,
                                double LabelSmoothing);
/// The mean's divisor of cross_entropy with class probabilities: the
/// sample count numel / C (0 when there are no classes, so the mean is NaN
/// as in PyTorch).
inline int64_t crossEntropyProbSamples(const Tensor &Input, int64_t C) {
  return C == 0 ? 0 : Input.numel() / C;
}
/// F.cross_entropy with class probabilities: Target of Input's shape ([C],
/// [N, C] or [N, C, d...]), floating; the result has the promoted dtype of
/// Input, Target and Weight. Saves: Input, Target, Weight.
Tensor crossEntropyProb(const Tensor &Input, const Tensor &Target,
                        const Tensor &Weight, Reduction R = Reduction::Mean,
                        double LabelSmoothing = 0.0);
/// Gradients of Input and Target; Mask = {input, target}.
std::pair<Tensor, Tensor>
crossEntropyProbBackward(const Tensor &GradOut, const Tensor &Input,
                         const Tensor &Target, const Tensor &Weight,
                         Reduction R, double LabelSmoothing,
                         std::array<bool, 2> Mask = {true, true});

/// F.mse_loss (Input and Target of one shape). Saves: Input, Target.
Tensor mseLoss(const Tensor &Input, const Tensor &Target,
               Reduction R = Reduction::Mean);
/// Gradients of Input and Target; Mask = {input, target}.
std::pair<Tensor, Tensor> mseLossBackward(const Tensor &GradOut,
                                          const Tensor &Input,
                                          const Tensor &Target, Reduction R,
                                          std::array<bool, 2> Mask = {true,
                                                                      true});

/// F.binary_cross_entropy (log clamped to >= -100). Saves: Input, Target,
/// Weight.
Tensor binaryCrossEntropy(const Tensor &Input, const Tensor &Target,
                          const Tensor &Weight, Reduction R = Reduction::Mean);
/// Gradients of Input and Target; Mask = {input, target}.
std::pair<Tensor, Tensor>
binaryCrossEntropyBackward(const Tensor &GradOut, const Tensor &Input,
                           const Tensor &Target, const Tensor &Weight,
                           Reduction R, std::array<bool, 2> Mask = {true,
                                                                    true});

//===--- Activation and padding (Activation.cpp) --------------------------===//

/// F.leaky_relu. Saves: Input.
Tensor leakyRelu(const Tensor &Input, double NegativeSlope = 0.01);
Tensor leakyReluBackward(const Tensor &GradOut, const Tensor &Input,
                         double NegativeSlope);
/// relu's backward, threshold_backward(GradOut, Result, 0): GradOut where
/// Result > 0 (or NaN), else 0, in one pass. GradOut and Result must have
/// the same floating dtype and shape.
Tensor reluBackward(const Tensor &GradOut, const Tensor &Result);
/// tanh's backward, GradOut * (1 - Result * Result), and sigmoid's,
/// GradOut * (1 - Result) * Result, each rounded step by step as the
/// unfused ops would, in one pass; same preconditions as reluBackward.
Tensor tanhBackward(const Tensor &GradOut, const Tensor &Result);
Tensor sigmoidBackward(const Tensor &GradOut, const Tensor &Result);

/// F.pad(Input, Pads, mode="constant", value=Value): Pads holds (before,
/// after) pairs from the last dimension backwards; negative pads crop.
/// Saves: Pads.
Tensor constantPad(const Tensor &Input, const Shape &Pads, double Value = 0);
Tensor constantPadBackward(const Tensor &GradOut, const Shape &Pads);

//===--- Reflect, replicate and circular padding (Pad.cpp) ----------------===//

enum class PadMode { Reflect, Replicate, Circular };

/// F.pad(Input, Pads, mode=Mode) for the non-constant modes: Pads holds 1,
/// 2 or 3 (before, after) pairs from the last dimension backwards, for an
/// input of 2-3, 3-4 or 4-5 dims (circular: exactly 3, 4 or 5, a batch and
/// a channel dim first). Reflect pads must be smaller than their dimension,
/// circular ones at most its size; negative pads crop. Reflect and
/// replicate take float32/float64, circular any dtype. Other pad counts
/// raise F.pad's "Only 2D, 3D, 4D, 5D padding ..." message (a
/// NotImplementedError in PyTorch; here a RuntimeError).
/// Saves: Input's shape, Pads.
Tensor pad(const Tensor &Input, const Shape &Pads, PadMode Mode);
/// The gradient of Input: each output gradient added to the input element
/// it was read from.
Tensor padBackward(const Tensor &GradOut, const Shape &InputSizes,
                   const Shape &Pads, PadMode Mode);

} // namespace janus::rt

#endif // JANUS_RUNTIME_NN_NN_H
