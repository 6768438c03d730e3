//===- LossProb.cpp - cross_entropy with class-probability targets --------===//
//
// F.cross_entropy when the target has the input's shape (PyTorch 1.13's
// cross_entropy_loss_prob_target): with lp = log_softmax(x) over the class
// dim c (0 for a 1-d input, else 1), C classes, t' = t (1 - eps) + eps / C
// when label_smoothing eps > 0 (else t' = t) and w the class weights,
//   none: -sum_c w_c t'_c lp_c per sample
//   sum:  -sum over everything
//   mean: the sum divided by numel / C (an integer division: the samples,
//         not the weights, as for class-index targets).
// The target is differentiable (as is the weight, in PyTorch). Everything
// runs in float64 and is rounded once to the promoted dtype of input,
// target and weight.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"

#include <sstream>

namespace janus::rt {

using namespace nn;

int64_t crossEntropyProbClasses(const Tensor &Input, const Tensor &Target,
                                const Tensor &Weight, int64_t IgnoreIndex,
                                double LabelSmoothing) {
  if (!isFloating(Target.dtype()))
    fail(std::string("Expected floating point type for target with class "
                     "probabilities, got ") +
         dtypeName(Target.dtype()));
  if (IgnoreIndex >= 0)
    fail("ignore_index is not supported for floating point target");
  if (Input.dim() == 0)
    fail("Dimension specified as 1 but tensor has no dimensions",
         ErrorKind::IndexError);
  int64_t C = Input.size(Input.dim() == 1 ? 0 : 1);
  if (Weight && (Weight.dim() != 1 || Weight.numel() != C))
    fail("cross_entropy: weight tensor should be defined either for all " +
         std::to_string(C) +
         " classes or no classes but got weight tensor of shape: " +
         shapeToString(Weight.sizes()));
  // log_softmax runs before the smoothing check.
  bool LastDim = Input.dim() <= 2;
  dispatchFloat(Input.dtype(),
                LastDim ? "log_softmax_lastdim_kernel_impl"
                        : "softmax_kernel_impl",
                [](auto) {});
  if (LabelSmoothing > 1.0) {
    std::ostringstream OS; // TORCH_CHECK's formatting of a double.
    OS << LabelSmoothing;
    fail("label_smoothing must be between 0.0 and 1.0. Got: " + OS.str());
  }
  return C;
}

namespace {

// The pieces both directions use, in float64.
struct ProbTerms {
  int64_t ClassDim, C;
  Tensor LogP;     // log_softmax(x)
  Tensor Smoothed; // t'
  Tensor W;        // the weight viewed to broadcast along ClassDim, or 1
  DType Out;       // promoted dtype of the loss
};

ProbTerms probTerms(const Tensor &Input, const Tensor &Target,
                    const Tensor &Weight, double Eps) {
  ProbTerms P;
  P.ClassDim = Input.dim() == 1 ? 0 : 1;
  P.C = Input.size(P.ClassDim);
  P.LogP = logSoftmax(to(Input, DType::Float64), P.ClassDim);
  P.Smoothed = to(Target, DType::Float64);
  if (Eps > 0)
    P.Smoothed = add(mul(P.Smoothed, wrappedScalar(Scalar(1 - Eps))),
                     wrappedScalar(Scalar(Eps / double(P.C))));
  P.Out = promoteTypes(Input.dtype(), Target.dtype());
  if (Weight) {
    Shape S(static_cast<size_t>(Input.dim()), 1);
    S[static_cast<size_t>(P.ClassDim)] = P.C;
    P.W = view(to(contiguous(Weight), DType::Float64), S);
    P.Out = promoteTypes(P.Out, Weight.dtype());
  } else {
    P.W = wrappedScalar(Scalar(1.0));
  }
  return P;
}

// d loss / d (w t' lp) for each element: -G scaled by the reduction.
Tensor upstream(const Tensor &GradOut, const ProbTerms &P, const Tensor &X,
                Reduction R) {
  Tensor G = to(GradOut, DType::Float64);
  if (R == Reduction::None)
    return mul(unsqueeze(G, P.ClassDim), wrappedScalar(Scalar(-1.0)));
  if (R == Reduction::Mean)
    G = div(G, wrappedScalar(Scalar(crossEntropyProbSamples(X, P.C))));
  return mul(G, wrappedScalar(Scalar(-1.0)));
}

} // namespace

Tensor crossEntropyProb(const Tensor &Input, const Tensor &Target,
                        const Tensor &Weight, Reduction R,
                        double LabelSmoothing) {
  crossEntropyProbClasses(Input, Target, Weight, -100, LabelSmoothing);
  ProbTerms P = probTerms(Input, Target, Weight, LabelSmoothing);
  Tensor Prod = mul(mul(P.LogP, P.Smoothed), P.W);
  Tensor Loss;
  if (R == Reduction::None) {
    Loss = sum(Prod, {P.ClassDim});
  } else {
    Loss = sum(Prod);
    if (R == Reduction::Mean)
      Loss =
          div(Loss, wrappedScalar(Scalar(crossEntropyProbSamples(Input, P.C))));
  }
  return to(mul(Loss, wrappedScalar(Scalar(-1.0))), P.Out);
}

std::pair<Tensor, Tensor>
crossEntropyProbBackward(const Tensor &GradOut, const Tensor &Input,
                         const Tensor &Target, const Tensor &Weight,
                         Reduction R, double LabelSmoothing,
                         std::array<bool, 2> Mask) {
  ProbTerms P = probTerms(Input, Target, Weight, LabelSmoothing);
  Tensor Up = upstream(GradOut, P, Input, R);
  std::pair<Tensor, Tensor> Out;
  if (Mask[0]) {
    // Through log_softmax: dx = g - softmax(x) * sum_c g.
    Tensor G = mul(mul(Up, P.Smoothed), P.W);
    Tensor Sm = softmax(to(Input, DType::Float64), P.ClassDim);
    Tensor GX = sub(G, mul(Sm, sum(G, {P.ClassDim}, true)));
    Out.first = to(GX, Input.dtype());
  }
  if (Mask[1]) {
    double Scale = LabelSmoothing > 0 ? 1 - LabelSmoothing : 1.0;
    Tensor GT = mul(mul(mul(Up, P.LogP), P.W), wrappedScalar(Scalar(Scale)));
    Out.second = to(GT, Target.dtype());
  }
  return Out;
}

} // namespace janus::rt
