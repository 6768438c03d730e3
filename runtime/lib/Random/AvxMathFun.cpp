//===- AvxMathFun.cpp - Scalar replicas of ATen's avx_mathfun -------------===//
//
// One-lane versions of log256_ps and sincos256_ps (Pommier / Garberoglio's
// Cephes-based AVX routines as shipped in ATen). Each line mirrors one
// vector operation; `madd(A, B, C)` stands for a multiply-add that the
// torch build fused into one FMA, `A * B + C` for two roundings.
//
//===----------------------------------------------------------------------===//

#include "Random/AvxMathFun.h"

#include <cmath>
#include <cstdint>
#include <cstring>

using namespace janus::rt;

namespace {

uint32_t bits(float F) {
  uint32_t U;
  std::memcpy(&U, &F, sizeof(U));
  return U;
}

float fromBits(uint32_t U) {
  float F;
  std::memcpy(&F, &U, sizeof(F));
  return F;
}

float madd(float A, float B, float C) { return std::fma(A, B, C); }

// _mm256_cvttps_epi32: truncation toward zero (inputs here are in range).
int32_t truncToInt(float F) { return static_cast<int32_t>(F); }

constexpr float CephesSqrtHf = 0.707106781186547524f;
constexpr float LogP[9] = {
    7.0376836292E-2f,  -1.1514610310E-1f, 1.1676998740E-1f,
    -1.2420140846E-1f, +1.4249322787E-1f, -1.6668057665E-1f,
    +2.0000714765E-1f, -2.4999993993E-1f, +3.3333331174E-1f};
constexpr float LogQ1 = -2.12194440e-4f;
constexpr float LogQ2 = 0.693359375f;

constexpr float MinusDP1 = -0.78515625f;
constexpr float MinusDP2 = -2.4187564849853515625e-4f;
constexpr float MinusDP3 = -3.77489497744594108e-8f;
constexpr float SinCof[3] = {-1.9515295891E-4f, 8.3321608736E-3f,
                             -1.6666654611E-1f};
constexpr float CosCof[3] = {2.443315711809948E-005f, -1.388731625493765E-003f,
                             4.166664568298827E-002f};
constexpr float FourOverPi = 1.27323954473516f;

} // namespace

float detail::avxLog(float X) {
  const float MinNormPos = fromBits(0x00800000u);
  X = X > MinNormPos ? X : MinNormPos;
  int32_t Imm0 = static_cast<int32_t>(bits(X) >> 23);
  // Keep the mantissa and give it the exponent of 0.5: X is now in [0.5, 1).
  X = fromBits((bits(X) & ~0x7f800000u) | bits(0.5f));
  Imm0 -= 0x7f;
  float E = static_cast<float>(Imm0);
  E = E + 1.0f;

  // if (X < SQRTHF) { E -= 1; X = X + X - 1; } else { X = X - 1; }
  const bool Small = X < CephesSqrtHf;
  float Tmp = Small ? X : 0.0f;
  X = X - 1.0f;
  E = E - (Small ? 1.0f : 0.0f);
  X = X + Tmp;

  float Z = X * X;
  float Y = LogP[0];
  for (int I = 1; I < 9; ++I)
    Y = madd(Y, X, LogP[I]);
  Y = Y * X;
  // y = y * z + e * q1: the first product is fused, the second rounded.
  Y = madd(Y, Z, E * LogQ1);
  // y = y - z * 0.5
  Y = madd(-Z, 0.5f, Y);
  X = X + Y;
  X = madd(E, LogQ2, X);
  return X;
}

void detail::avxSinCos(float X, float &Sin, float &Cos) {
  const bool Negative = std::signbit(X);
  X = std::fabs(X);
  float Y = X * FourOverPi;
  int32_t Imm2 = truncToInt(Y);
  // j = (j + 1) & ~1, as in Cephes.
  Imm2 = (Imm2 + 1) & ~1;
  Y = static_cast<float>(Imm2);
  int32_t Imm4 = Imm2;

  const bool SwapSignSin = (Imm2 & 4) != 0;
  // poly_mask: when bit 1 of the octant j is clear the sine comes from the
  // sine polynomial and the cosine from the cosine one; otherwise they swap.
  const bool SinUsesSinPoly = (Imm2 & 2) == 0;

  // Extended precision modular arithmetic: x = ((x - y*DP1) - y*DP2) - y*DP3.
  X = madd(Y, MinusDP1, X);
  X = madd(Y, MinusDP2, X);
  X = madd(Y, MinusDP3, X);

  Imm4 = Imm4 - 2;
  const bool SignCos = (~Imm4 & 4) != 0;
  const bool SignSin = Negative != SwapSignSin;

  float Z = X * X;
  float YC = CosCof[0];
  YC = madd(YC, Z, CosCof[1]);
  YC = madd(YC, Z, CosCof[2]);
  YC = YC * Z;
  // y = y * z - z * 0.5: the first product is fused.
  YC = madd(YC, Z, -(Z * 0.5f));
  YC = YC + 1.0f;

  float YS = SinCof[0];
  YS = madd(YS, Z, SinCof[1]);
  YS = madd(YS, Z, SinCof[2]);
  YS = YS * Z;
  YS = madd(YS, X, X);

  // Select with poly_mask as the vector code does: masked-off lanes hold
  // +0, and the sums and differences below are exact except that they turn
  // a -0 into +0, which we keep.
  const float YSin1 = SinUsesSinPoly ? 0.0f : YC;
  const float YSin2 = SinUsesSinPoly ? YS : 0.0f;
  const float SinAbs = YSin1 + YSin2;
  const float CosAbs = (YC - YSin1) + (YS - YSin2);
  Sin = SignSin ? -SinAbs : SinAbs;
  Cos = SignCos ? -CosAbs : CosAbs;
}
