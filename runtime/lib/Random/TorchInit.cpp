//===- TorchInit.cpp - torch.nn.init and the nn layers' default init ------===//
//
// Bounds are computed with the same double operations, in the same order,
// as torch/nn/init.py (Python floats are doubles and `x ** 2` is pow), so
// the float32 bounds handed to uniform_ are the same bits.
//
//===----------------------------------------------------------------------===//

#include "Random/TorchInit.h"

#include <cmath>

using namespace janus::rt;

namespace {
int64_t numElements(const int64_t *Shape, int Rank) {
  int64_t N = 1;
  for (int I = 0; I < Rank; ++I)
    N *= Shape[I];
  return N;
}

double kaimingStd(const int64_t *Shape, int Rank, double A, FanMode Mode,
                  Nonlinearity NL) {
  const Fans F = computeFans(Shape, Rank);
  const int64_t Fan = Mode == FanMode::FanIn ? F.FanIn : F.FanOut;
  return calculateGain(NL, A) / std::sqrt(static_cast<double>(Fan));
}

double xavierStd(const int64_t *Shape, int Rank, double Gain) {
  const Fans F = computeFans(Shape, Rank);
  return Gain * std::sqrt(2.0 / static_cast<double>(F.FanIn + F.FanOut));
}
} // namespace

Fans janus::rt::computeFans(const int64_t *Shape, int Rank) {
  int64_t Receptive = 1;
  for (int I = 2; I < Rank; ++I)
    Receptive *= Shape[I];
  return {Shape[1] * Receptive, Shape[0] * Receptive};
}

double janus::rt::calculateGain(Nonlinearity NL, double Param) {
  switch (NL) {
  case Nonlinearity::Linear:
  case Nonlinearity::Sigmoid:
    return 1.0;
  case Nonlinearity::Tanh:
    return 5.0 / 3;
  case Nonlinearity::Relu:
    return std::sqrt(2.0);
  case Nonlinearity::LeakyRelu:
    return std::sqrt(2.0 / (1 + std::pow(Param, 2.0)));
  case Nonlinearity::Selu:
    return 3.0 / 4;
  }
  return 1.0;
}

double janus::rt::kaimingUniformBound(const int64_t *Shape, int Rank, double A,
                                      FanMode Mode, Nonlinearity NL) {
  return std::sqrt(3.0) * kaimingStd(Shape, Rank, A, Mode, NL);
}

void janus::rt::kaimingUniform(TorchGenerator &Gen, float *W,
                               const int64_t *Shape, int Rank, double A,
                               FanMode Mode, Nonlinearity NL) {
  const int64_t N = numElements(Shape, Rank);
  if (N == 0) // torch warns and returns without drawing
    return;
  const double Bound = kaimingUniformBound(Shape, Rank, A, Mode, NL);
  Gen.uniform(W, N, -Bound, Bound);
}

void janus::rt::kaimingNormal(TorchGenerator &Gen, float *W,
                              const int64_t *Shape, int Rank, double A,
                              FanMode Mode, Nonlinearity NL) {
  const int64_t N = numElements(Shape, Rank);
  if (N == 0)
    return;
  Gen.normal(W, N, 0.0, kaimingStd(Shape, Rank, A, Mode, NL));
}

void janus::rt::xavierUniform(TorchGenerator &Gen, float *W,
                              const int64_t *Shape, int Rank, double Gain) {
  const double Bound = std::sqrt(3.0) * xavierStd(Shape, Rank, Gain);
  Gen.uniform(W, numElements(Shape, Rank), -Bound, Bound);
}

void janus::rt::xavierNormal(TorchGenerator &Gen, float *W,
                             const int64_t *Shape, int Rank, double Gain) {
  Gen.normal(W, numElements(Shape, Rank), 0.0, xavierStd(Shape, Rank, Gain));
}

void janus::rt::resetLinearOrConv(TorchGenerator &Gen, float *W, float *Bias,
                                  const int64_t *Shape, int Rank) {
  kaimingUniform(Gen, W, Shape, Rank, std::sqrt(5.0));
  if (!Bias)
    return;
  const int64_t FanIn = computeFans(Shape, Rank).FanIn;
  // With no inputs Conv leaves the bias alone, while Linear still draws it
  // from [0, 0] (zeros, but the words are consumed).
  if (FanIn == 0 && Rank != 2)
    return;
  const double Bound =
      FanIn > 0 ? 1 / std::sqrt(static_cast<double>(FanIn)) : 0.0;
  Gen.uniform(Bias, Shape[0], -Bound, Bound);
}

double janus::rt::rnnInitBound(int64_t HiddenSize) {
  return HiddenSize > 0 ? 1.0 / std::sqrt(static_cast<double>(HiddenSize))
                        : 0.0;
}
