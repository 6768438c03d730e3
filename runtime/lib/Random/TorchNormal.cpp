//===- TorchNormal.cpp - torch.randn / Tensor.normal_ on the CPU ----------===//
//
// PyTorch 1.13's CPU normal_ has two algorithms, chosen by element count:
//
//  * fewer than 16 elements (or a non-contiguous tensor): one value per
//    element from at::normal_distribution<double>, a Box-Muller over two
//    53-bit uniforms whose second (sine) result is cached in the generator
//    and returned by the next scalar draw;
//  * 16 or more: all N uniforms are drawn first (24-bit for float, 53-bit for
//    double), then each block of 16 is turned into 16 normals in place (u1
//    from the first 8, u2 from the last 8). When N is not a multiple of 16,
//    16 fresh uniforms overwrite the last 16 slots and that block is
//    transformed again, so the tail overlaps the previous block.
//
// For float32 the block transform is the AVX2 routine (avx_mathfun.h
// polynomials) on AVX2 builds and scalar libm code otherwise; the cache is
// never touched by the block path.
//
//===----------------------------------------------------------------------===//

#include "Random/AvxMathFun.h"
#include "Random/TorchGenerator.h"

#include <cmath>

using namespace janus::rt;

namespace {

constexpr double Pi = 3.14159265358979323846;

/// normal_fill_16 for double: std::log/cos/sin in double; the AVX2 build
/// fuses the final multiply-add (it is compiled with FMA contraction).
void fill16Double(double *Data, double Mean, double Std, bool Fused) {
  for (int J = 0; J < 8; ++J) {
    const double U1 = 1 - Data[J];
    const double U2 = Data[J + 8];
    const double Radius = std::sqrt(-2 * std::log(U1));
    const double Theta = 2.0f * Pi * U2;
    const double C = Radius * std::cos(Theta);
    const double S = Radius * std::sin(Theta);
    Data[J] = Fused ? std::fma(C, Std, Mean) : C * Std + Mean;
    Data[J + 8] = Fused ? std::fma(S, Std, Mean) : S * Std + Mean;
  }
}

/// normal_fill_16 for float with libm (the baseline build, no FMA).
void fill16FloatScalar(float *Data, float Mean, float Std) {
  for (int J = 0; J < 8; ++J) {
    const float U1 = 1 - Data[J];
    const float U2 = Data[J + 8];
    const float Radius = std::sqrt(-2 * std::log(U1));
    // The constant is a double, so the product is formed in double.
    const float Theta = static_cast<float>(2.0f * Pi * U2);
    const float C = Radius * std::cos(Theta);
    const float S = Radius * std::sin(Theta);
    Data[J] = C * Std + Mean;
    Data[J + 8] = S * Std + Mean;
  }
}

/// normal_fill_16_AVX2, one lane at a time.
void fill16FloatAvx2(float *Data, float Mean, float Std) {
  const float TwoPi = static_cast<float>(2.0f * Pi);
  for (int J = 0; J < 8; ++J) {
    const float U1 = 1.0f - Data[J];
    const float U2 = Data[J + 8];
    const float Radius = std::sqrt(-2.0f * detail::avxLog(U1));
    const float Theta = TwoPi * U2;
    float S, C;
    detail::avxSinCos(Theta, S, C);
    Data[J] = std::fma(Radius * C, Std, Mean);
    Data[J + 8] = std::fma(Radius * S, Std, Mean);
  }
}

} // namespace

double TorchGenerator::standardNormal() {
  if (NextDoubleNormal) {
    double Cached = *NextDoubleNormal;
    NextDoubleNormal.reset();
    return Cached;
  }
  const double U1 = uniform53();
  const double U2 = uniform53();
  // log(1 - u2), not log1p(-u2): 1.13 predates the switch to log1p.
  const double R = std::sqrt(-2.0 * std::log(1.0 - U2));
  const double Theta = 2.0 * Pi * U1;
  NextDoubleNormal = R * std::sin(Theta);
  return R * std::cos(Theta);
}

void TorchGenerator::normal(float *Out, int64_t N, double Mean, double Std) {
  const bool Fused = Kernel == TorchCpuKernel::Avx2;
  if (N < 16) {
    for (int64_t I = 0; I < N; ++I) {
      const double Z = standardNormal();
      Out[I] =
          static_cast<float>(Fused ? std::fma(Z, Std, Mean) : Z * Std + Mean);
    }
    return;
  }
  const float M = static_cast<float>(Mean), S = static_cast<float>(Std);
  auto Fill16 = [&](float *Block) {
    switch (Kernel) {
    case TorchCpuKernel::Avx2:
      return fill16FloatAvx2(Block, M, S);
    case TorchCpuKernel::Default:
      return fill16FloatScalar(Block, M, S);
    }
  };
  for (int64_t I = 0; I < N; ++I)
    Out[I] = uniform24();
  for (int64_t I = 0; I + 16 <= N; I += 16)
    Fill16(Out + I);
  if (N % 16 != 0) {
    float *Tail = Out + N - 16;
    for (int I = 0; I < 16; ++I)
      Tail[I] = uniform24();
    Fill16(Tail);
  }
}

void TorchGenerator::normal(double *Out, int64_t N, double Mean, double Std) {
  const bool Fused = Kernel == TorchCpuKernel::Avx2;
  if (N < 16) {
    for (int64_t I = 0; I < N; ++I) {
      const double Z = standardNormal();
      Out[I] = Fused ? std::fma(Z, Std, Mean) : Z * Std + Mean;
    }
    return;
  }
  for (int64_t I = 0; I < N; ++I)
    Out[I] = uniform53();
  for (int64_t I = 0; I + 16 <= N; I += 16)
    fill16Double(Out + I, Mean, Std, Fused);
  if (N % 16 != 0) {
    double *Tail = Out + N - 16;
    for (int I = 0; I < 16; ++I)
      Tail[I] = uniform53();
    fill16Double(Tail, Mean, Std, Fused);
  }
}
