//===- TorchGenerator.cpp - PyTorch 1.13's CPU generator: basic draws -----===//
//
// Seeding and the element-wise kernels of torch's CPU generator: uniform,
// randint, bernoulli, exponential and the dropout mask. Each kernel draws
// its elements in order, one (or two) engine words per element, exactly as
// ATen's cpu_serial_kernel loops do. normal_ is in TorchNormal.cpp, randperm
// and multinomial in TorchSampling.cpp.
//
// ATen's CPU kernels are compiled with FMA contraction on the AVX2/AVX-512
// builds; where a kernel computes `a * b + c` we use std::fma to match
// (and this file is compiled with contraction off, so nothing else fuses).
//
//===----------------------------------------------------------------------===//

#include "Random/TorchGenerator.h"

#include <cmath>

using namespace janus::rt;

TorchGenerator &TorchGenerator::defaultGenerator() {
  static TorchGenerator Default;
  return Default;
}

void TorchGenerator::manualSeed(uint64_t NewSeed) {
  Seed = NewSeed;
  Engine.seed(static_cast<uint32_t>(NewSeed & 0xffffffffu));
  NextDoubleNormal.reset();
}

void TorchGenerator::uniform(float *Out, int64_t N, double From, double To) {
  const float F = static_cast<float>(From), T = static_cast<float>(To);
  const float Range = T - F;
  const bool Fused = Kernel == TorchCpuKernel::Avx2;
  for (int64_t I = 0; I < N; ++I) {
    const float X = uniform24();
    Out[I] = Fused ? std::fma(X, Range, F) : X * Range + F;
  }
}

void TorchGenerator::uniform(double *Out, int64_t N, double From, double To) {
  const double Range = To - From;
  const bool Fused = Kernel == TorchCpuKernel::Avx2;
  for (int64_t I = 0; I < N; ++I) {
    const double X = uniform53();
    Out[I] = Fused ? std::fma(X, Range, From) : X * Range + From;
  }
}

void TorchGenerator::randint(int64_t *Out, int64_t N, int64_t Low,
                             int64_t High) {
  // Computed in uint64 as torch does, so a range above INT64_MAX wraps the
  // same way.
  const uint64_t Range =
      static_cast<uint64_t>(High) - static_cast<uint64_t>(Low);
  const bool Wide = Range >= (1ull << 32);
  for (int64_t I = 0; I < N; ++I) {
    const uint64_t V = Wide ? random64() : random();
    Out[I] = static_cast<int64_t>(V % Range + static_cast<uint64_t>(Low));
  }
}

void TorchGenerator::bernoulli(float *Out, int64_t N, double P) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = uniform53() < P ? 1.0f : 0.0f;
}

void TorchGenerator::bernoulli(double *Out, int64_t N, double P) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = uniform53() < P ? 1.0 : 0.0;
}

void TorchGenerator::bernoulli(float *Out, const float *Probs, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = uniform24() < Probs[I] ? 1.0f : 0.0f;
}

void TorchGenerator::bernoulli(double *Out, const double *Probs, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = uniform53() < Probs[I] ? 1.0 : 0.0;
}

void TorchGenerator::exponential(float *Out, int64_t N, double Lambda) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = static_cast<float>(-1.0 / Lambda * std::log(1.0 - uniform53()));
}

void TorchGenerator::exponential(double *Out, int64_t N, double Lambda) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] = -1.0 / Lambda * std::log(1.0 - uniform53());
}

void TorchGenerator::dropoutMask(float *Mask, int64_t N, double P) {
  if (P == 0.0 || P == 1.0) {
    for (int64_t I = 0; I < N; ++I)
      Mask[I] = P == 0.0 ? 1.0f : 0.0f;
    return;
  }
  // noise.bernoulli_(1 - p); noise.div_(1 - p)
  bernoulli(Mask, N, 1.0 - P);
  const float Keep = static_cast<float>(1.0 - P);
  for (int64_t I = 0; I < N; ++I)
    Mask[I] = Mask[I] / Keep;
}
