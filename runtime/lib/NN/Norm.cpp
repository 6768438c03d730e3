//===- Norm.cpp - batch_norm forward and backward -------------------------===//
//
// F.batch_norm over channel 1 of [N, C, ...]. Training normalises with the
// batch mean and biased variance and updates the running statistics in
// place with the unbiased variance, as PyTorch's CPU kernel does; eval uses
// the running statistics. Per-channel sums are accumulated in double (ATen's
// accumulate type for float on the CPU).
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"

#include <cmath>
#include <vector>

namespace janus::rt {

using namespace nn;

namespace {

void checkParam(const Tensor &P, const char *Name, int64_t C) {
  if (P && P.numel() != C)
    fail(std::string(Name) + " should contain " + std::to_string(C) +
         " elements not " + std::to_string(P.numel()));
}

// Per-channel values of an optional [C] parameter, as double.
std::vector<double> channelValues(const Tensor &P, int64_t C, double Default) {
  std::vector<double> V(C, Default);
  if (P) {
    Tensor D = to(contiguous(P), DType::Float64);
    for (int64_t I = 0; I < C; ++I)
      V[I] = D.dataPtr<double>()[I];
  }
  return V;
}

// Writes Vals into the [C] tensor P (in place, as PyTorch's running stats).
void storeChannels(const Tensor &P, const std::vector<double> &Vals) {
  Tensor Src = fromBuffer(Vals.data(), DType::Float64, {int64_t(Vals.size())});
  Tensor Dst = P;
  copyInPlace(Dst, Src);
}

} // namespace

BatchNormResult batchNorm(const Tensor &Input, const Tensor &Weight,
                          const Tensor &Bias, const Tensor &RunningMean,
                          const Tensor &RunningVar, bool Training,
                          double Momentum, double Eps) {
  if (Input.dim() < 2)
    fail("Dimension out of range (expected to be in range of [-1, 0], but "
         "got 1)",
         ErrorKind::IndexError);
  int64_t N = Input.size(0), C = Input.size(1);
  int64_t Inner = product(Input.sizes(), 2), Count = N * Inner;
  if (Training && Count == 1)
    fail("Expected more than 1 value per channel when training, got input "
         "size " + torchSize(Input.sizes()),
         ErrorKind::ValueError);
  checkParam(RunningMean, "running_mean", C);
  checkParam(RunningVar, "running_var", C);
  checkParam(Weight, "weight", C);
  checkParam(Bias, "bias", C);
  if (!Training && (!RunningMean || !RunningVar))
    fail("running_mean must be defined in evaluation mode");
  Tensor In = contiguous(Input);
  BatchNormResult R;
  R.Output = empty(In.sizes(), In.dtype());
  std::vector<double> W = channelValues(Weight, C, 1.0),
                      B = channelValues(Bias, C, 0.0);
  std::vector<double> Mean(C), Invstd(C);
  dispatchFloat(In.dtype(), "batch_norm", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>();
    T *Out = R.Output.dataPtr<T>();
    if (Training) {
      std::vector<double> UnbiasedVar(C);
      for (int64_t Ch = 0; Ch < C; ++Ch) {
        double Sum = 0, Sq = 0;
        for (int64_t I = 0; I < N; ++I)
          for (int64_t J = 0; J < Inner; ++J)
            Sum += X[(I * C + Ch) * Inner + J];
        Mean[Ch] = Count ? Sum / Count : NAN;
        for (int64_t I = 0; I < N; ++I)
          for (int64_t J = 0; J < Inner; ++J) {
            double D = X[(I * C + Ch) * Inner + J] - Mean[Ch];
            Sq += D * D;
          }
        Invstd[Ch] = 1.0 / std::sqrt(Sq / Count + Eps);
        UnbiasedVar[Ch] = Sq / (Count - 1);
      }
      if (RunningMean) {
        std::vector<double> RM = channelValues(RunningMean, C, 0);
        for (int64_t Ch = 0; Ch < C; ++Ch)
          RM[Ch] = Momentum * Mean[Ch] + (1 - Momentum) * RM[Ch];
        storeChannels(RunningMean, RM);
      }
      if (RunningVar) {
        std::vector<double> RV = channelValues(RunningVar, C, 1);
        for (int64_t Ch = 0; Ch < C; ++Ch)
          RV[Ch] = Momentum * UnbiasedVar[Ch] + (1 - Momentum) * RV[Ch];
        storeChannels(RunningVar, RV);
      }
      R.SaveMean = empty({C}, In.dtype());
      R.SaveInvstd = empty({C}, In.dtype());
      for (int64_t Ch = 0; Ch < C; ++Ch) {
        R.SaveMean.dataPtr<T>()[Ch] = T(Mean[Ch]);
        R.SaveInvstd.dataPtr<T>()[Ch] = T(Invstd[Ch]);
      }
    } else {
      Mean = channelValues(RunningMean, C, 0);
      std::vector<double> Var = channelValues(RunningVar, C, 1);
      for (int64_t Ch = 0; Ch < C; ++Ch)
        Invstd[Ch] = 1.0 / std::sqrt(Var[Ch] + Eps);
    }
    // y = x * alpha + beta with the per-channel affine folded in.
    for (int64_t I = 0; I < N; ++I)
      for (int64_t Ch = 0; Ch < C; ++Ch) {
        double Alpha = Invstd[Ch] * W[Ch];
        double Beta = B[Ch] - Mean[Ch] * Alpha;
        const T *Xr = X + (I * C + Ch) * Inner;
        T *Or = Out + (I * C + Ch) * Inner;
        for (int64_t J = 0; J < Inner; ++J)
          Or[J] = T(Xr[J] * Alpha + Beta);
      }
  });
  return R;
}

InputWeightBiasGrads
batchNormBackward(const Tensor &GradOut, const Tensor &Input,
                  const Tensor &Weight, const Tensor &RunningMean,
                  const Tensor &RunningVar, const Tensor &SaveMean,
                  const Tensor &SaveInvstd, bool Training, double Eps,
                  GradMask Mask) {
  int64_t N = Input.size(0), C = Input.size(1);
  int64_t Inner = product(Input.sizes(), 2), Count = N * Inner;
  Tensor In = contiguous(Input), Go = contiguous(GradOut);
  std::vector<double> W = channelValues(Weight, C, 1.0), Mean, Invstd;
  if (Training) {
    Mean = channelValues(SaveMean, C, 0);
    Invstd = channelValues(SaveInvstd, C, 1);
  } else {
    Mean = channelValues(RunningMean, C, 0);
    std::vector<double> Var = channelValues(RunningVar, C, 1);
    Invstd.resize(C);
    for (int64_t Ch = 0; Ch < C; ++Ch)
      Invstd[Ch] = 1.0 / std::sqrt(Var[Ch] + Eps);
  }
  InputWeightBiasGrads R;
  if (Mask[0])
    R.Input = empty(In.sizes(), In.dtype());
  if (Mask[1])
    R.Weight = empty({C}, In.dtype());
  if (Mask[2])
    R.Bias = empty({C}, In.dtype());
  dispatchFloat(In.dtype(), "batch_norm_backward", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>(), *G = Go.dataPtr<T>();
    for (int64_t Ch = 0; Ch < C; ++Ch) {
      // SumG = sum(g), Dot = sum(g * (x - mean)).
      double SumG = 0, Dot = 0;
      for (int64_t I = 0; I < N; ++I)
        for (int64_t J = 0; J < Inner; ++J) {
          int64_t K = (I * C + Ch) * Inner + J;
          SumG += G[K];
          Dot += G[K] * (X[K] - Mean[Ch]);
        }
      if (Mask[1])
        R.Weight.dataPtr<T>()[Ch] = T(Dot * Invstd[Ch]);
      if (Mask[2])
        R.Bias.dataPtr<T>()[Ch] = T(SumG);
      if (!Mask[0])
        continue;
      T *Gi = R.Input.dataPtr<T>();
      double Scale = W[Ch] * Invstd[Ch];
      // Training: dx = (g - mean(g) - xhat * mean(g * xhat)) * invstd * w.
      double Proj = Training ? Dot * Invstd[Ch] * Invstd[Ch] / Count : 0;
      double GMean = Training ? SumG / Count : 0;
      for (int64_t I = 0; I < N; ++I)
        for (int64_t J = 0; J < Inner; ++J) {
          int64_t K = (I * C + Ch) * Inner + J;
          double D = Training ? (X[K] - Mean[Ch]) * Proj : 0;
          Gi[K] = T((G[K] - D - GMean) * Scale);
        }
    }
  });
  return R;
}

} // namespace janus::rt
