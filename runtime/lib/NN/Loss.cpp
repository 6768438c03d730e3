//===- Loss.cpp - nll_loss, cross_entropy, mse_loss, binary_cross_entropy -===//
//
// Losses with reduction none/mean/sum and their input gradients (for
// cross_entropy with probability targets see LossProb.cpp), with
// PyTorch 1.13's checks and messages (nll_loss_nd's shape rules, "Target k
// is out of bounds.", F.binary_cross_entropy's size check...).
//
// nll_loss and cross_entropy share one kernel over log-probabilities laid
// out as [N, C, S] (S = product of the extra dims, 1 for [N, C]; N = 1 for an
// unbatched [C]): for each (n, s) with target t != ignore_index,
//   nll = -w[t] * lp[n, t, s],  smooth = -sum_c w[c] * lp[n, c, s]
//   loss = (1 - eps) * nll + eps / C * smooth
// which is nll_loss for eps = 0 and cross_entropy's label smoothing
// otherwise. Mean divides both parts by sum of w[t] over non-ignored
// targets, as PyTorch does (so all-ignored gives NaN). Sums run in double.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace janus::rt {

using namespace nn;

namespace {

struct ClassLayout {
  int64_t N, C, S;
  Shape NoneShape; // Shape of the unreduced loss (the target's).
};

// nll_loss_nd's checks; returns the [N, C, S] layout.
ClassLayout classLayout(const Tensor &Input, const Tensor &Target,
                        const Tensor &Weight) {
  const Shape &IS = Input.sizes(), &TS = Target.sizes();
  if (Input.dim() < 1)
    fail("Expected 1 or more dimensions (got 0)", ErrorKind::ValueError);
  if (Input.dim() != 1 && (Target.dim() < 1 || IS[0] != TS[0]))
    fail("Expected input batch_size (" + std::to_string(IS[0]) +
             ") to match target batch_size (" +
             std::to_string(Target.dim() ? TS[0] : 1) + ").",
         ErrorKind::ValueError);
  ClassLayout L;
  if (Input.dim() <= 2) {
    if (Target.dim() > 1)
      fail("0D or 1D target tensor expected, multi-target not supported");
    bool NoBatch = Input.dim() == 1 && Target.dim() == 0;
    if (!NoBatch && IS[0] != (Target.dim() ? TS[0] : 1))
      fail("size mismatch (got input: " + shapeToString(IS) +
           ", target: " + shapeToString(TS) + ")");
    L.N = Input.dim() == 1 ? 1 : IS[0];
    L.C = IS.back();
    L.S = 1;
  } else if (Input.dim() == 4) {
    if (Target.dim() != 3)
      fail("only batches of spatial targets supported (3D tensors) but got "
           "targets of dimension: " +
           std::to_string(Target.dim()));
    if (TS[1] != IS[2] || TS[2] != IS[3])
      fail("size mismatch (got input: " + shapeToString(IS) +
           " , target: " + shapeToString(TS));
  } else if (Shape(TS.begin() + 1, TS.end()) != Shape(IS.begin() + 2, IS.end())) {
    Shape Expected(IS.begin() + 2, IS.end());
    Expected.insert(Expected.begin(), IS[0]);
    fail("Expected target size " + shapeToString(Expected) + ", got " +
         shapeToString(TS));
  }
  if (Input.dim() > 2) {
    L.N = IS[0];
    L.C = IS[1];
    L.S = product(IS, 2);
  }
  if (Weight && (Weight.dim() != 1 || Weight.numel() != L.C))
    fail("weight tensor should be defined either for all " +
         std::to_string(L.C) +
         " classes or no classes but got weight tensor of shape: " +
         shapeToString(Weight.sizes()));
  if (Target.dtype() != DType::Int64)
    fail(std::string("expected scalar type Long but found ") +
         dtypeName(Target.dtype()));
  L.NoneShape = TS;
  return L;
}

std::vector<double> classWeights(const Tensor &Weight, int64_t C) {
  std::vector<double> W(C, 1.0);
  if (Weight) {
    Tensor D = to(contiguous(Weight), DType::Float64);
    std::copy(D.dataPtr<double>(), D.dataPtr<double>() + C, W.begin());
  }
  return W;
}

// Checks the targets and returns the mean's divisor (sum of w[t]).
double targetWeightSum(const ClassLayout &L, const int64_t *T,
                       const std::vector<double> &W, int64_t Ignore) {
  double Total = 0;
  for (int64_t I = 0; I < L.N * L.S; ++I) {
    if (T[I] == Ignore)
      continue;
    if (T[I] < 0 || T[I] >= L.C)
      fail("Target " + std::to_string(T[I]) + " is out of bounds.",
           ErrorKind::IndexError);
    Total += W[T[I]];
  }
  return Total;
}

/// nll_loss's reduced value over a batch of N rows of C classes as ATen
/// 1.13's nll_loss_out_frame computes it: in the input's type, -x * w
/// added to an eight-level cascade (a carry into the next level whenever
/// the batch index is a multiple of that level's chunk, ignored rows
/// skipped before the carry), the levels then added in order, and the mean
/// divided by the total weight in the same type.
template <typename TT>
TT atenNllReduced(const TT *X, const int64_t *T, int64_t N, int64_t C,
                  const TT *W, int64_t Ignore, bool Mean) {
  constexpr int Levels = 8;
  int64_t Bits = 1;
  if (N > 2) {
    Bits = 0;
    for (uint64_t V = static_cast<uint64_t>(N - 1); V; V >>= 1)
      ++Bits;
  }
  const int64_t Power = std::max<int64_t>(4, Bits / Levels);
  const int64_t Mask = (int64_t(1) << Power) - 1;
  TT LossSums[Levels] = {}, WeightSums[Levels] = {};
  int64_t Ignored = 0;
  for (int64_t B = 0; B < N; ++B) {
    int64_t K = T[B];
    if (K == Ignore) {
      ++Ignored;
      continue;
    }
    TT Data = X[B * C + K];
    if (W) {
      LossSums[0] -= Data * W[K];
      WeightSums[0] += W[K];
    } else {
      LossSums[0] -= Data;
    }
    for (int J = 0; J + 1 < Levels; ++J) {
      if ((B & (Mask << (J * Power))) != 0)
        break;
      LossSums[J + 1] += LossSums[J];
      WeightSums[J + 1] += WeightSums[J];
      LossSums[J] = 0;
      WeightSums[J] = 0;
    }
  }
  TT Total = 0, Out = 0;
  for (int J = 0; J < Levels; ++J) {
    Total += WeightSums[J];
    Out += LossSums[J];
  }
  if (!W)
    Total = static_cast<TT>(N - Ignored);
  return Mean ? Out / Total : Out;
}

// The shared forward over log-probabilities LogP (contiguous [N, C, S]).
Tensor classLoss(const Tensor &LogP, const ClassLayout &L,
                 const Tensor &Target, const Tensor &Weight, Reduction R,
                 int64_t Ignore, double Eps) {
  if (R != Reduction::None && Eps == 0 && L.S == 1) {
    // The common case (class-index targets over [N, C]) in ATen's order,
    // so that the loss equals PyTorch's bit for bit; targetWeightSum
    // checks the targets' range first, as the general path does.
    Tensor Tg = contiguous(Target);
    targetWeightSum(L, Tg.dataPtr<int64_t>(), classWeights(Weight, L.C),
                    Ignore);
    Tensor Wt = Weight ? contiguous(to(Weight, LogP.dtype())) : Tensor();
    Tensor Out = empty({}, LogP.dtype());
    dispatchFloat(LogP.dtype(), "nll_loss_out_frame", [&](auto Tag) {
      using TT = decltype(Tag);
      *Out.dataPtr<TT>() = atenNllReduced<TT>(
          LogP.dataPtr<TT>(), Tg.dataPtr<int64_t>(), L.N, L.C,
          Wt ? Wt.dataPtr<TT>() : nullptr, Ignore, R == Reduction::Mean);
    });
    return Out;
  }
  Tensor Tg = contiguous(Target);
  const int64_t *T = Tg.dataPtr<int64_t>();
  std::vector<double> W = classWeights(Weight, L.C);
  double Total = targetWeightSum(L, T, W, Ignore);
  std::vector<double> Loss(L.N * L.S, 0.0);
  dispatchFloat(LogP.dtype(), "nll_loss_out_frame", [&](auto Tag) {
    using TT = decltype(Tag);
    const TT *X = LogP.dataPtr<TT>();
    for (int64_t N = 0; N < L.N; ++N)
      for (int64_t S = 0; S < L.S; ++S) {
        int64_t K = T[N * L.S + S];
        if (K == Ignore)
          continue;
        double Nll = -W[K] * X[(N * L.C + K) * L.S + S], Smooth = 0;
        if (Eps > 0)
          for (int64_t C = 0; C < L.C; ++C)
            Smooth -= W[C] * X[(N * L.C + C) * L.S + S];
        Loss[N * L.S + S] = (1 - Eps) * Nll + Eps / L.C * Smooth;
      }
  });
  if (R == Reduction::None)
    return to(fromBuffer(Loss.data(), DType::Float64, L.NoneShape),
              LogP.dtype());
  double Sum = 0;
  for (double V : Loss)
    Sum += V;
  if (R == Reduction::Mean)
    Sum /= Total;
  return to(scalarTensor(Scalar(Sum), DType::Float64), LogP.dtype());
}

// d loss / d logp, [N, C, S] zeros except the terms above.
Tensor classLossGrad(const Tensor &GradOut, const Tensor &Input,
                     const ClassLayout &L, const Tensor &Target,
                     const Tensor &Weight, Reduction R, int64_t Ignore,
                     double Eps) {
  Tensor Tg = contiguous(Target);
  const int64_t *T = Tg.dataPtr<int64_t>();
  std::vector<double> W = classWeights(Weight, L.C);
  double Total = targetWeightSum(L, T, W, Ignore);
  Tensor Go = to(contiguous(GradOut), DType::Float64);
  const double *G = Go.dataPtr<double>();
  Tensor Grad = zeros(Input.sizes(), Input.dtype());
  dispatchFloat(Input.dtype(), "nll_loss_backward_out_frame", [&](auto Tag) {
    using TT = decltype(Tag);
    TT *Out = Grad.dataPtr<TT>();
    for (int64_t N = 0; N < L.N; ++N)
      for (int64_t S = 0; S < L.S; ++S) {
        int64_t K = T[N * L.S + S];
        if (K == Ignore)
          continue;
        double Scale = R == Reduction::None ? G[N * L.S + S]
                       : R == Reduction::Sum ? G[0]
                                             : G[0] / Total;
        Out[(N * L.C + K) * L.S + S] += TT(-(1 - Eps) * W[K] * Scale);
        if (Eps > 0)
          for (int64_t C = 0; C < L.C; ++C)
            Out[(N * L.C + C) * L.S + S] += TT(-Eps / L.C * W[C] * Scale);
      }
  });
  return Grad;
}

// cross_entropy smooths only for label_smoothing > 0 (checked to be at
// most 1); zero, negative and NaN values run plain nll_loss.
double checkSmoothing(double Eps) {
  if (!(Eps > 0))
    return 0.0;
  if (Eps > 1) {
    std::ostringstream OS; // TORCH_CHECK's formatting of a double.
    OS << Eps;
    fail("label_smoothing must be between 0.0 and 1.0. Got: " + OS.str());
  }
  return Eps;
}

bool probabilityTarget(const Tensor &Input, const Tensor &Target) {
  return Input.sizes() == Target.sizes();
}

int64_t classDim(const Tensor &Input) { return Input.dim() == 1 ? 0 : 1; }

double reductionScale(Reduction R, int64_t Numel) {
  return R == Reduction::Mean ? 1.0 / double(Numel) : 1.0;
}

// Sums a gradient of the broadcast shape down to Target (mse_loss's
// broadcasting of input and target).
Tensor sumTo(const Tensor &G, const Shape &Target) {
  if (G.sizes() == Target)
    return G;
  Shape Dims;
  int64_t Lead = G.dim() - int64_t(Target.size());
  for (int64_t D = 0; D < G.dim(); ++D)
    if (D < Lead || (Target[D - Lead] == 1 && G.size(D) != 1))
      Dims.push_back(D);
  return reshape(sum(G, Dims, true), Target);
}

} // namespace

Tensor nllLoss(const Tensor &Input, const Tensor &Target, const Tensor &Weight,
               Reduction R, int64_t IgnoreIndex) {
  ClassLayout L = classLayout(Input, Target, Weight);
  return classLoss(contiguous(Input), L, Target, Weight, R, IgnoreIndex, 0.0);
}

Tensor nllLossBackward(const Tensor &GradOut, const Tensor &Input,
                       const Tensor &Target, const Tensor &Weight, Reduction R,
                       int64_t IgnoreIndex) {
  ClassLayout L = classLayout(Input, Target, Weight);
  return classLossGrad(GradOut, Input, L, Target, Weight, R, IgnoreIndex, 0.0);
}

Tensor crossEntropy(const Tensor &Input, const Tensor &Target,
                    const Tensor &Weight, Reduction R, int64_t IgnoreIndex,
                    double LabelSmoothing) {
  if (probabilityTarget(Input, Target)) {
    crossEntropyProbClasses(Input, Target, Weight, IgnoreIndex, LabelSmoothing);
    return crossEntropyProb(Input, Target, Weight, R, LabelSmoothing);
  }
  double Eps = checkSmoothing(LabelSmoothing);
  Tensor LogP = contiguous(logSoftmax(Input, classDim(Input)));
  ClassLayout L = classLayout(Input, Target, Weight);
  return classLoss(LogP, L, Target, Weight, R, IgnoreIndex, Eps);
}

Tensor crossEntropyBackward(const Tensor &GradOut, const Tensor &Input,
                            const Tensor &Target, const Tensor &Weight,
                            Reduction R, int64_t IgnoreIndex,
                            double LabelSmoothing) {
  if (probabilityTarget(Input, Target))
    return crossEntropyProbBackward(GradOut, Input, Target, Weight, R,
                                    LabelSmoothing, {true, false})
        .first;
  double Eps = checkSmoothing(LabelSmoothing);
  ClassLayout L = classLayout(Input, Target, Weight);
  Tensor G =
      classLossGrad(GradOut, Input, L, Target, Weight, R, IgnoreIndex, Eps);
  // Through log_softmax: dx = g - softmax(x) * sum_c g.
  int64_t D = classDim(Input);
  Tensor P = softmax(Input, D);
  return sub(G, mul(P, sum(G, {D}, true)));
}

Tensor mseLoss(const Tensor &Input, const Tensor &Target, Reduction R) {
  dispatchFloat(Input.dtype(), "mse_cpu", [](auto) {});
  Tensor Diff = sub(Input, Target);
  Tensor Sq = mul(Diff, Diff);
  if (R == Reduction::None)
    return Sq;
  return R == Reduction::Sum ? sum(Sq) : mean(Sq);
}

std::pair<Tensor, Tensor> mseLossBackward(const Tensor &GradOut,
                                          const Tensor &Input,
                                          const Tensor &Target, Reduction R,
                                          std::array<bool, 2> Mask) {
  Tensor Diff = sub(Input, Target);
  double Scale = 2.0 * reductionScale(R, Diff.numel());
  Tensor G = mul(mul(Diff, wrappedScalar(Scalar(Scale))), GradOut);
  std::pair<Tensor, Tensor> Out;
  if (Mask[0])
    Out.first = sumTo(G, Input.sizes());
  if (Mask[1])
    Out.second = sumTo(mul(G, wrappedScalar(Scalar(-1.0))), Target.sizes());
  return Out;
}

namespace {
// F.binary_cross_entropy's checks; returns Weight expanded to Input's shape.
Tensor bceWeight(const Tensor &Input, const Tensor &Target,
                 const Tensor &Weight) {
  if (Target.sizes() != Input.sizes())
    fail("Using a target size (" + torchSize(Target.sizes()) +
             ") that is different to the input size (" +
             torchSize(Input.sizes()) +
             ") is deprecated. Please ensure they have the same size.",
         ErrorKind::ValueError);
  return Weight ? contiguous(expand(Weight, Input.sizes())) : Tensor();
}
} // namespace

Tensor binaryCrossEntropy(const Tensor &Input, const Tensor &Target,
                          const Tensor &Weight, Reduction R) {
  Tensor W = bceWeight(Input, Target, Weight);
  Tensor X = contiguous(Input), Y = contiguous(to(Target, Input.dtype()));
  Tensor Loss = empty(X.sizes(), X.dtype());
  dispatchFloat(X.dtype(), "binary_cross_entropy", [&](auto Tag) {
    using T = decltype(Tag);
    const T *Xp = X.dataPtr<T>(), *Yp = Y.dataPtr<T>();
    const T *Wp = W ? W.dataPtr<T>() : nullptr;
    T *Out = Loss.dataPtr<T>();
    for (int64_t I = 0, N = X.numel(); I < N; ++I) {
      T V = Xp[I];
      if (!(V >= T(0) && V <= T(1)))
        fail("all elements of input should be between 0 and 1");
      // PyTorch clamps each log at -100 so that 0 and 1 stay finite.
      T LogX = std::max(std::log(V), T(-100));
      T Log1mX = std::max(std::log1p(-V), T(-100));
      T L = (Yp[I] - T(1)) * Log1mX - Yp[I] * LogX;
      Out[I] = Wp ? L * Wp[I] : L;
    }
  });
  if (R == Reduction::None)
    return Loss;
  return R == Reduction::Sum ? sum(Loss) : mean(Loss);
}

std::pair<Tensor, Tensor>
binaryCrossEntropyBackward(const Tensor &GradOut, const Tensor &Input,
                           const Tensor &Target, const Tensor &Weight,
                           Reduction R, std::array<bool, 2> Mask) {
  Tensor W = bceWeight(Input, Target, Weight);
  Tensor X = contiguous(Input), Y = contiguous(to(Target, Input.dtype()));
  Tensor G = contiguous(expand(GradOut, X.sizes()));
  std::pair<Tensor, Tensor> Out;
  if (Mask[0])
    Out.first = empty(X.sizes(), X.dtype());
  if (Mask[1])
    Out.second = empty(X.sizes(), X.dtype());
  double Scale = reductionScale(R, X.numel());
  dispatchFloat(X.dtype(), "binary_cross_entropy_backward", [&](auto Tag) {
    using T = decltype(Tag);
    const T *Xp = X.dataPtr<T>(), *Yp = Y.dataPtr<T>(), *Gp = G.dataPtr<T>();
    const T *Wp = W ? W.dataPtr<T>() : nullptr;
    for (int64_t I = 0, N = X.numel(); I < N; ++I) {
      T V = Xp[I], Gw = Gp[I] * T(Scale) * (Wp ? Wp[I] : T(1));
      // d/dx, with (1 - x) * x clamped away from 0 by PyTorch's EPSILON,
      // a float constant (so not exactly 1e-12 in double).
      if (Mask[0])
        Out.first.dataPtr<T>()[I] =
            Gw * (V - Yp[I]) / std::max((T(1) - V) * V, T(1e-12f));
      // d/dy = -logit(x) (binary_cross_entropy_target_backward).
      if (Mask[1])
        Out.second.dataPtr<T>()[I] = -Gw * std::log(V / (T(1) - V));
    }
  });
  return Out;
}

} // namespace janus::rt
