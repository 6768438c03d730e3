//===- LossGrad.cpp - Differentiable losses -------------------------------===//
//
// ag:: wrappers of the losses of NN/NN.h: nll_loss (NllLossBackward0 /
// NllLoss2DBackward0), mse_loss and binary_cross_entropy record PyTorch
// 1.13's node around the kernels; cross_entropy is composed from ag:: ops
// as ATen composes it (log_softmax + nll_loss, plus the label-smoothing
// terms; or, for class-probability targets, -(logp * t * w).sum() and a
// DivBackward1 for the mean), so the graph holds PyTorch's nodes.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

//===--- Losses -----------------------------------------------------------===//

namespace {
void refuseWeightGrad(const char *Fn, const Tensor &Weight) {
  if (Weight && isGradEnabled() && requiresGrad(Weight))
    fail(std::string("The function '") + Fn +
         "' is not differentiable with respect to argument 'weight'. This "
         "input cannot have requires_grad True.");
}
} // namespace

Tensor nllLoss(const Tensor &Input, const Tensor &Target, const Tensor &Weight,
               Reduction R, int64_t IgnoreIndex) {
  Tensor Y = rt::nllLoss(Input, Target, Weight, R, IgnoreIndex);
  // nll_loss_nd: 1-d/2-d inputs run nll_loss, 4-d nll_loss2d, others
  // nll_loss2d on a reshaped input (a view for reduction='none').
  const char *Name = "NllLossBackward0";
  if (Input.dim() == 4 || (Input.dim() > 2 && R != Reduction::None))
    Name = "NllLoss2DBackward0";
  else if (Input.dim() > 2)
    Name = "ViewBackward0";
  refuseWeightGrad(Input.dim() > 2 ? "nll_loss2d_forward" : "nll_loss_forward",
                   Weight);
  bool HasWeight = static_cast<bool>(Weight);
  auto N = recordNode(
      Name, {&Input}, Y,
      [=](FunctionNode &N, const TensorList &G) -> TensorList {
        return {rt::nllLossBackward(G[0], N.saved(0), N.saved(1),
                                    savedIf(N, 2, HasWeight), R, IgnoreIndex)};
      });
  if (N) {
    N->saveInput(0, Input);
    N->saveInput(1, Target);
    saveIfDefined(*N, 2, Weight);
  }
  return Y;
}

namespace {
/// A / V for a Python int V (at::div(Tensor, Scalar): DivBackward1).
Tensor divByInt(const Tensor &A, int64_t V) {
  Tensor Y = rt::div(A, num(Scalar(V)));
  recordNode("DivBackward1", {&A}, Y,
             [V](FunctionNode &, const TensorList &G) -> TensorList {
               return {rt::div(G[0], num(Scalar(V)))};
             });
  return Y;
}

/// ATen's cross_entropy_loss_prob_target: target and weight are
/// differentiable too.
Tensor probTargetCrossEntropy(const Tensor &Input, const Tensor &Target,
                              const Tensor &Weight, Reduction R,
                              int64_t IgnoreIndex, double LabelSmoothing) {
  int64_t C = rt::crossEntropyProbClasses(Input, Target, Weight, IgnoreIndex,
                                          LabelSmoothing);
  int64_t D = Input.dim() == 1 ? 0 : 1;
  Tensor LogP = ag::logSoftmax(Input, D);
  Tensor T = Target;
  if (LabelSmoothing > 0)
    T = ag::add(ag::mul(Target, num(1.0 - LabelSmoothing)),
                num(LabelSmoothing / double(C)));
  Tensor P = ag::mul(LogP, T);
  if (Weight) {
    Tensor W = Weight;
    if (Input.dim() > 1) {
      Shape S(static_cast<size_t>(Input.dim()), 1);
      S[1] = C;
      W = ag::view(Weight, S);
    }
    P = ag::mul(P, W);
  }
  if (R == Reduction::None)
    return ag::neg(ag::sum(P, {D}));
  Tensor Total = ag::neg(ag::sum(P));
  return R == Reduction::Sum
             ? Total
             : divByInt(Total, rt::crossEntropyProbSamples(Input, C));
}
} // namespace

Tensor crossEntropy(const Tensor &Input, const Tensor &Target,
                    const Tensor &Weight, Reduction R, int64_t IgnoreIndex,
                    double LabelSmoothing) {
  // ATen's cross_entropy_loss: a target of the input's shape holds class
  // probabilities; label_smoothing <= 0 (or NaN) is plain nll_loss.
  if (Input.sizes() == Target.sizes())
    return probTargetCrossEntropy(Input, Target, Weight, R, IgnoreIndex,
                                  LabelSmoothing);
  // Other float targets and label_smoothing > 1: the kernel's errors.
  if (isFloating(Target.dtype()) || LabelSmoothing > 1.0)
    return rt::crossEntropy(Input, Target, Weight, R, IgnoreIndex,
                            LabelSmoothing);
  if (!(LabelSmoothing > 0.0))
    LabelSmoothing = 0.0;
  int64_t D = Input.dim() == 1 ? 0 : 1;
  Tensor LogP = ag::logSoftmax(Input, D);
  Tensor Nll = ag::nllLoss(LogP, Target, Weight, R, IgnoreIndex);
  if (LabelSmoothing == 0.0)
    return Nll;
  // ATen's cross_entropy_loss_label_smoothing.
  int64_t C = Input.sizes()[static_cast<size_t>(D)];
  Tensor Ignore = compare(CompareOp::Eq, Target,
                          wrappedScalar(Scalar(int64_t(IgnoreIndex))));
  Tensor Smooth;
  if (Weight) {
    Shape WShape(static_cast<size_t>(Input.dim()), 1);
    WShape[static_cast<size_t>(D)] = Weight.numel();
    Smooth = ag::neg(ag::sum(ag::mul(LogP, ag::view(Weight, WShape)), {D}));
  } else {
    Smooth = ag::neg(ag::sum(LogP, {D}));
  }
  ag::maskedFillInPlace(Smooth, Ignore, Scalar(0.0));
  Tensor Ret;
  switch (R) {
  case Reduction::Mean:
    if (Weight) {
      Tensor Kept = rt::index(
          Target, {TensorIndex(compare(CompareOp::Eq, Ignore,
                                       wrappedScalar(Scalar(false))))});
      Ret = ag::div(ag::sum(Smooth),
                    rt::sum(rt::indexSelect(Weight, 0, rt::flatten(Kept))));
    } else {
      Tensor Count = rt::sum(rt::to(Ignore, DType::Int64));
      Ret = ag::div(
          ag::sum(Smooth),
          rt::sub(scalarTensor(Scalar(int64_t(Target.numel()))), Count));
    }
    break;
  case Reduction::Sum:
    Ret = ag::sum(Smooth);
    break;
  case Reduction::None:
    Ret = Smooth;
    break;
  }
  return ag::add(ag::mul(Nll, num(1.0 - LabelSmoothing)),
                 ag::mul(Ret, num(LabelSmoothing / double(C))));
}

Tensor mseLoss(const Tensor &Input, const Tensor &Target, Reduction R) {
  Tensor Y = rt::mseLoss(Input, Target, R);
  auto N = recordNode("MseLossBackward0", {&Input, &Target}, Y,
                      [=](FunctionNode &N, const TensorList &G) -> TensorList {
                        auto [GI, GT] = rt::mseLossBackward(
                            G[0], N.saved(0), N.saved(1), R,
                            {N.needsInputGrad(0), N.needsInputGrad(1)});
                        return {GI, GT};
                      });
  if (N) {
    N->saveInput(0, Input);
    N->saveInput(1, Target);
  }
  return Y;
}

Tensor binaryCrossEntropy(const Tensor &Input, const Tensor &Target,
                          const Tensor &Weight, Reduction R) {
  Tensor Y = rt::binaryCrossEntropy(Input, Target, Weight, R);
  refuseWeightGrad("binary_cross_entropy", Weight);
  bool HasWeight = static_cast<bool>(Weight);
  auto N =
      recordNode("BinaryCrossEntropyBackward0", {&Input, &Target}, Y,
                 [=](FunctionNode &N, const TensorList &G) -> TensorList {
                   auto [GI, GT] = rt::binaryCrossEntropyBackward(
                       G[0], N.saved(0), N.saved(1), savedIf(N, 2, HasWeight),
                       R, {N.needsInputGrad(0), N.needsInputGrad(1)});
                   return {GI, GT};
                 });
  if (N) {
    N->saveInput(0, Input);
    N->saveInput(1, Target);
    saveIfDefined(*N, 2, Weight);
  }
  return Y;
}

} // namespace janus::rt::ag
