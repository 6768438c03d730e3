//===- VecMath.cpp - float32 exp, log, tanh, sigmoid as PyTorch 1.13 ------===//
//
// See VecMath.h for the contract. The methods are SLEEF 3.5's u10 float
// functions as its AVX2 build computes them (every multiply-add fused),
// which is what ATen 1.13's Vectorized<float>::exp, ::log and ::tanh call
// (written from SLEEF's published algorithms, checked against torch):
//
//  exp(d): q = rint(d / ln 2), s = d - q ln 2 (ln 2 in two parts, two
//  fused steps), 1 + s + s^2 P(s) with P of degree 5 by Horner, times 2^q
//  applied in two halves; 0 below -104, inf above 100.
//
//  log(d) = e ln 2 + 2 atanh((m - 1) / (m + 1)), d = m 2^e with m in
//  [0.75, 1.5) (denormals scaled by 2^64 first), the quotient and the sum
//  in double-float, atanh's series x + x^3 P(x^2) with P of degree 2.
//
//  tanh(x) = (e - 1/e) / (e + 1/e), e = exp(|x|), in double-float
//  arithmetic (a float pair hi + lo, the lo part from fused multiply-adds
//  and the two-sum); 1 above 8.664339742, the sign of x put back.
//
//  sigmoid: ATen's two formulas, see VecMath.h.
//
// Each has a scalar version (std::fma where the vector code fuses) and an
// AVX2 + FMA version on eight floats which must stay operation for
// operation the same: tests check that they agree bit for bit. This file
// is compiled without FP contraction (CMakeLists.txt), so nothing else is
// fused.
//
//===----------------------------------------------------------------------===//

#include "Tensor/VecMath.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JANUS_VECMATH_AVX2 1
#endif

namespace janus::rt::vecmath {

namespace {

// 1 / ln 2, and ln 2 = L2UF + L2LF where L2UF has 16 significant bits, so
// that q * L2UF is exact for the |q| <= 150 that occur.
constexpr float RLn2F = 1.442695040888963407359924681001892137426645954152f;
constexpr float L2UF = 0.693145751953125f;
constexpr float L2LF = 1.428606765330187045e-06f;
// exp is 0 below, inf above (between 88.73 and 100 the scaling overflows
// to inf by itself).
constexpr float ExpUnderflow = -104.0f;
constexpr float ExpOverflow = 100.0f;
// exp's polynomial P, highest degree first.
constexpr int ExpCoefs = 6;
constexpr float ExpCoef[ExpCoefs] = {
    0.000198527617612853646278381f, 0.00139304355252534151077271f,
    0.00833336077630519866943359f,  0.0416664853692054748535156f,
    0.166666671633720397949219f,    0.5f};
// The double-float exp inside tanh: its float polynomial, then two
// coefficients added in double-float.
constexpr int Exp2Coefs = 4;
constexpr float Exp2Coef[Exp2Coefs] = {+0.1980960224e-3f, +0.1394256484e-2f,
                                       +0.8333456703e-2f, +0.4166637361e-1f};
constexpr float Exp2C5 = +0.166666659414234244790680580464e+0f;
constexpr float Exp2C6 = 0.5f;
// Above this |x|, tanh x rounds to +-1.
constexpr float TanhOne = 8.664339742f;
// log: ln 2 as a double-float, and log's polynomial in x^2.
constexpr float Ln2Hi = 0.69314718246459960938f;
constexpr float Ln2Lo = -1.904654323148236017e-09f;
constexpr int LogCoefs = 3;
constexpr float LogCoef[LogCoefs] = {+0.3027294874e+0f, +0.3996108174e+0f,
                                     +0.6666694880e+0f};
// Below FLT_MIN, log scales its argument by 2^64 first.
constexpr float TwoTo64 = 18446744073709551616.0f;
// ATen's cpu_kernel_vec runs its vector op on whole blocks of two 8-float
// vectors and its scalar op on the elements after the last block.
constexpr int64_t SigmoidBlock = 16;

//===--- Scalar version ---------------------------------------------------===//

// 2^E for E in [-126, 127], built in the exponent bits.
float pow2F(int32_t E) {
  uint32_t Bits = static_cast<uint32_t>(E + 127) << 23;
  float F;
  std::memcpy(&F, &Bits, sizeof F);
  return F;
}

// U * 2^Q in two steps, so that neither factor overflows.
float ldexp2F(float U, int32_t Q) {
  return U * pow2F(Q >> 1) * pow2F(Q - (Q >> 1));
}

// rint to int32 as cvtps2dq does in the default rounding mode (ties to
// even); only called where the result fits.
int32_t rintToInt(float F) { return static_cast<int32_t>(std::nearbyint(F)); }

float expOne(float D) {
  if (std::isnan(D))
    return D;
  if (D < ExpUnderflow)
    return 0.0f;
  if (D > ExpOverflow)
    return std::numeric_limits<float>::infinity();
  int32_t Q = rintToInt(D * RLn2F);
  float QF = static_cast<float>(Q);
  float S = std::fma(QF, -L2UF, D);
  S = std::fma(QF, -L2LF, S);
  float U = ExpCoef[0];
  for (int K = 1; K < ExpCoefs; ++K)
    U = std::fma(U, S, ExpCoef[K]);
  U = 1.0f + std::fma(S * S, U, S);
  return ldexp2F(U, Q);
}

// A double-float: the value Hi + Lo, |Lo| below half an ulp of Hi.
struct F2 {
  float Hi, Lo;
};

// The double-float operations tanh needs (names as in SLEEF's df.h, the
// exact two-sum and fused-product forms).
F2 add2(F2 X, float Y) {
  float R = X.Hi + Y, V = R - X.Hi;
  return {R, ((X.Hi - (R - V)) + (Y - V)) + X.Lo};
}
F2 add2(F2 X, F2 Y) {
  float R = X.Hi + Y.Hi, V = R - X.Hi;
  return {R, ((X.Hi - (R - V)) + (Y.Hi - V)) + (X.Lo + Y.Lo)};
}
// Assumes |X| >= |Y|.
F2 add(float X, F2 Y) {
  float R = X + Y.Hi;
  return {R, ((X - R) + Y.Hi) + Y.Lo};
}
F2 add(F2 X, F2 Y) {
  float R = X.Hi + Y.Hi;
  return {R, (((X.Hi - R) + Y.Hi) + X.Lo) + Y.Lo};
}
F2 mul(F2 X, float Y) {
  float R = X.Hi * Y;
  return {R, std::fma(X.Lo, Y, std::fma(X.Hi, Y, -R))};
}
F2 mul(F2 X, F2 Y) {
  float R = X.Hi * Y.Hi;
  return {R,
          std::fma(X.Hi, Y.Lo, std::fma(X.Lo, Y.Hi, std::fma(X.Hi, Y.Hi, -R)))};
}
F2 square(F2 X) {
  float R = X.Hi * X.Hi;
  return {R, std::fma(X.Hi + X.Hi, X.Lo, std::fma(X.Hi, X.Hi, -R))};
}
F2 reciprocal(F2 D) {
  float T = 1.0f / D.Hi;
  return {T, T * std::fma(-D.Lo, T, std::fma(-D.Hi, T, 1.0f))};
}
F2 divide(F2 N, F2 D) {
  float T = 1.0f / D.Hi, Q = N.Hi * T;
  float U = std::fma(T, N.Hi, -Q);
  float Lo = std::fma(-D.Lo, T, std::fma(-D.Hi, T, 1.0f));
  return {Q, std::fma(Q, Lo, std::fma(N.Lo, T, U))};
}

// e^D in double-float, for 0 <= D <= TanhOne.
F2 expDF(float D) {
  int32_t Q = rintToInt(D * RLn2F);
  float QF = static_cast<float>(Q);
  F2 S = add2(F2{D, 0.0f}, QF * -L2UF);
  S = add2(S, QF * -L2LF);
  float U = Exp2Coef[0];
  for (int K = 1; K < Exp2Coefs; ++K)
    U = std::fma(U, S.Hi, Exp2Coef[K]);
  F2 T = add2(mul(S, U), Exp2C5);
  T = add2(mul(S, T), Exp2C6);
  T = add2(S, mul(square(S), T));
  T = add(1.0f, T);
  return {ldexp2F(T.Hi, Q), ldexp2F(T.Lo, Q)};
}

// X with its sign flipped where Sign is negative (SLEEF's mulsign: an xor
// of the sign bits, unlike copysign).
float mulSign(float X, float Sign) {
  uint32_t XB, SB;
  std::memcpy(&XB, &X, sizeof XB);
  std::memcpy(&SB, &Sign, sizeof SB);
  XB ^= SB & 0x80000000u;
  std::memcpy(&X, &XB, sizeof X);
  return X;
}

float tanhOne(float X) {
  if (std::isnan(X))
    return X;
  float A = std::fabs(X);
  if (A > TanhOne)
    return mulSign(1.0f, X);
  F2 E = expDF(A);
  F2 R = reciprocal(E);
  F2 T = divide(add(E, F2{-R.Hi, -R.Lo}), add(E, R));
  return mulSign(T.Hi + T.Lo, X);
}

F2 add2(float X, float Y) {
  float R = X + Y, V = R - X;
  return {R, (X - (R - V)) + (Y - V)};
}
F2 add(F2 X, float Y) {
  float R = X.Hi + Y;
  return {R, ((X.Hi - R) + Y) + X.Lo};
}

// The float's biased exponent minus 127 (SLEEF's ilogb2k: no care for
// denormals, zero or inf).
int32_t exponentOf(float F) {
  uint32_t Bits;
  std::memcpy(&Bits, &F, sizeof Bits);
  return static_cast<int32_t>((Bits >> 23) & 0xff) - 0x7f;
}

// F * 2^E by adding E to the exponent bits (SLEEF's ldexp3).
float addToExponent(float F, int32_t E) {
  uint32_t Bits;
  std::memcpy(&Bits, &F, sizeof Bits);
  Bits += static_cast<uint32_t>(E) << 23;
  std::memcpy(&F, &Bits, sizeof F);
  return F;
}

float logOne(float D) {
  if (std::isnan(D) || D < 0)
    return std::numeric_limits<float>::quiet_NaN();
  if (D == 0)
    return -std::numeric_limits<float>::infinity();
  if (D == std::numeric_limits<float>::infinity())
    return D;
  bool Tiny = D < std::numeric_limits<float>::min();
  if (Tiny)
    D = D * TwoTo64;
  // D = M * 2^E with M in [0.75, 1.5).
  int32_t E = exponentOf(D * (1.0f / 0.75f));
  float M = addToExponent(D, -E);
  if (Tiny)
    E -= 64;
  F2 S = mul(F2{Ln2Hi, Ln2Lo}, static_cast<float>(E));
  // log M = 2 atanh x, x = (M - 1) / (M + 1).
  F2 X = divide(add2(-1.0f, M), add2(1.0f, M));
  float X2 = X.Hi * X.Hi;
  float T = LogCoef[0];
  for (int K = 1; K < LogCoefs; ++K)
    T = std::fma(T, X2, LogCoef[K]);
  S = add(S, F2{X.Hi * 2, X.Lo * 2});
  S = add(S, (X2 * X.Hi) * T);
  return S.Hi + S.Lo;
}

// ATen's scalar sigmoid (on its loops' tail elements), with glibc's expf.
float sigmoidLibmOne(float X) { return 1.0f / (1.0f + std::exp(-X)); }

// ATen's vector sigmoid on one float: 1 / ((0 - x).exp() + 1).
float sigmoidVecOne(float X) { return 1.0f / (expOne(0.0f - X) + 1.0f); }

//===--- AVX2 version -----------------------------------------------------===//

#ifdef JANUS_VECMATH_AVX2
#define JANUS_AVX2 __attribute__((target("avx2,fma")))

JANUS_AVX2 inline __m256 splat(float F) { return _mm256_set1_ps(F); }

JANUS_AVX2 inline __m256 pow2V(__m256i E) {
  return _mm256_castsi256_ps(
      _mm256_slli_epi32(_mm256_add_epi32(E, _mm256_set1_epi32(127)), 23));
}

JANUS_AVX2 inline __m256 ldexp2V(__m256 U, __m256i Q) {
  __m256i Half = _mm256_srai_epi32(Q, 1);
  return _mm256_mul_ps(_mm256_mul_ps(U, pow2V(Half)),
                       pow2V(_mm256_sub_epi32(Q, Half)));
}

// expOne on eight floats; NaN lanes give some NaN (applyBlock passes the
// input NaN through).
JANUS_AVX2 inline __m256 expV(__m256 D) {
  __m256i Q = _mm256_cvtps_epi32(_mm256_mul_ps(D, splat(RLn2F)));
  __m256 QF = _mm256_cvtepi32_ps(Q);
  __m256 S = _mm256_fmadd_ps(QF, splat(-L2UF), D);
  S = _mm256_fmadd_ps(QF, splat(-L2LF), S);
  __m256 U = splat(ExpCoef[0]);
  for (int K = 1; K < ExpCoefs; ++K)
    U = _mm256_fmadd_ps(U, S, splat(ExpCoef[K]));
  U = _mm256_add_ps(splat(1.0f), _mm256_fmadd_ps(_mm256_mul_ps(S, S), U, S));
  U = ldexp2V(U, Q);
  U = _mm256_andnot_ps(_mm256_cmp_ps(D, splat(ExpUnderflow), _CMP_LT_OQ), U);
  return _mm256_blendv_ps(U, splat(std::numeric_limits<float>::infinity()),
                          _mm256_cmp_ps(splat(ExpOverflow), D, _CMP_LT_OQ));
}

// The double-float operations above, lane-wise.
struct V2 {
  __m256 Hi, Lo;
};

JANUS_AVX2 inline V2 add2V(V2 X, __m256 Y) {
  __m256 R = _mm256_add_ps(X.Hi, Y), V = _mm256_sub_ps(R, X.Hi);
  __m256 Lo = _mm256_add_ps(_mm256_sub_ps(X.Hi, _mm256_sub_ps(R, V)),
                            _mm256_sub_ps(Y, V));
  return {R, _mm256_add_ps(Lo, X.Lo)};
}
JANUS_AVX2 inline V2 add2V(V2 X, V2 Y) {
  __m256 R = _mm256_add_ps(X.Hi, Y.Hi), V = _mm256_sub_ps(R, X.Hi);
  __m256 Lo = _mm256_add_ps(_mm256_sub_ps(X.Hi, _mm256_sub_ps(R, V)),
                            _mm256_sub_ps(Y.Hi, V));
  return {R, _mm256_add_ps(Lo, _mm256_add_ps(X.Lo, Y.Lo))};
}
JANUS_AVX2 inline V2 addV(__m256 X, V2 Y) {
  __m256 R = _mm256_add_ps(X, Y.Hi);
  return {R, _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(X, R), Y.Hi), Y.Lo)};
}
JANUS_AVX2 inline V2 addV(V2 X, V2 Y) {
  __m256 R = _mm256_add_ps(X.Hi, Y.Hi);
  __m256 Lo = _mm256_add_ps(_mm256_sub_ps(X.Hi, R), Y.Hi);
  return {R, _mm256_add_ps(_mm256_add_ps(Lo, X.Lo), Y.Lo)};
}
JANUS_AVX2 inline V2 mulV(V2 X, __m256 Y) {
  __m256 R = _mm256_mul_ps(X.Hi, Y);
  return {R, _mm256_fmadd_ps(X.Lo, Y, _mm256_fmsub_ps(X.Hi, Y, R))};
}
JANUS_AVX2 inline V2 mulV(V2 X, V2 Y) {
  __m256 R = _mm256_mul_ps(X.Hi, Y.Hi);
  return {R, _mm256_fmadd_ps(
                 X.Hi, Y.Lo,
                 _mm256_fmadd_ps(X.Lo, Y.Hi, _mm256_fmsub_ps(X.Hi, Y.Hi, R)))};
}
JANUS_AVX2 inline V2 squareV(V2 X) {
  __m256 R = _mm256_mul_ps(X.Hi, X.Hi);
  return {R, _mm256_fmadd_ps(_mm256_add_ps(X.Hi, X.Hi), X.Lo,
                             _mm256_fmsub_ps(X.Hi, X.Hi, R))};
}
JANUS_AVX2 inline V2 reciprocalV(V2 D) {
  __m256 T = _mm256_div_ps(splat(1.0f), D.Hi);
  return {T, _mm256_mul_ps(
                 T, _mm256_fnmadd_ps(D.Lo, T,
                                     _mm256_fnmadd_ps(D.Hi, T, splat(1.0f))))};
}
JANUS_AVX2 inline V2 divideV(V2 N, V2 D) {
  __m256 T = _mm256_div_ps(splat(1.0f), D.Hi), Q = _mm256_mul_ps(N.Hi, T);
  __m256 U = _mm256_fmsub_ps(T, N.Hi, Q);
  __m256 Lo = _mm256_fnmadd_ps(D.Lo, T, _mm256_fnmadd_ps(D.Hi, T, splat(1.0f)));
  return {Q, _mm256_fmadd_ps(Q, Lo, _mm256_fmadd_ps(N.Lo, T, U))};
}

JANUS_AVX2 inline V2 expDFV(__m256 D) {
  __m256i Q = _mm256_cvtps_epi32(_mm256_mul_ps(D, splat(RLn2F)));
  __m256 QF = _mm256_cvtepi32_ps(Q);
  V2 S = add2V(V2{D, _mm256_setzero_ps()}, _mm256_mul_ps(QF, splat(-L2UF)));
  S = add2V(S, _mm256_mul_ps(QF, splat(-L2LF)));
  __m256 U = splat(Exp2Coef[0]);
  for (int K = 1; K < Exp2Coefs; ++K)
    U = _mm256_fmadd_ps(U, S.Hi, splat(Exp2Coef[K]));
  V2 T = add2V(mulV(S, U), splat(Exp2C5));
  T = add2V(mulV(S, T), splat(Exp2C6));
  T = add2V(S, mulV(squareV(S), T));
  T = addV(splat(1.0f), T);
  return {ldexp2V(T.Hi, Q), ldexp2V(T.Lo, Q)};
}

// tanhOne on eight floats. Lanes above TanhOne (inf included) compute
// garbage that the blend replaces, as in SLEEF.
JANUS_AVX2 inline __m256 tanhV(__m256 X) {
  const __m256 SignBit = splat(-0.0f);
  __m256 A = _mm256_andnot_ps(SignBit, X);
  V2 E = expDFV(A);
  V2 R = reciprocalV(E);
  V2 NegR = {_mm256_xor_ps(R.Hi, SignBit), _mm256_xor_ps(R.Lo, SignBit)};
  V2 T = divideV(addV(E, NegR), addV(E, R));
  __m256 Y = _mm256_add_ps(T.Hi, T.Lo);
  Y = _mm256_blendv_ps(Y, splat(1.0f),
                       _mm256_cmp_ps(A, splat(TanhOne), _CMP_GT_OQ));
  return _mm256_xor_ps(Y, _mm256_and_ps(X, SignBit));
}

JANUS_AVX2 inline V2 add2V(__m256 X, __m256 Y) {
  __m256 R = _mm256_add_ps(X, Y), V = _mm256_sub_ps(R, X);
  return {R, _mm256_add_ps(_mm256_sub_ps(X, _mm256_sub_ps(R, V)),
                           _mm256_sub_ps(Y, V))};
}
JANUS_AVX2 inline V2 addV(V2 X, __m256 Y) {
  __m256 R = _mm256_add_ps(X.Hi, Y);
  return {R, _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(X.Hi, R), Y), X.Lo)};
}

// logOne on eight floats: the same arithmetic on every lane, then the
// special values selected in.
JANUS_AVX2 inline __m256 logV(__m256 D) {
  __m256 Tiny =
      _mm256_cmp_ps(D, splat(std::numeric_limits<float>::min()), _CMP_LT_OQ);
  __m256 DS = _mm256_blendv_ps(D, _mm256_mul_ps(D, splat(TwoTo64)), Tiny);
  __m256i Bits = _mm256_castps_si256(_mm256_mul_ps(DS, splat(1.0f / 0.75f)));
  __m256i E = _mm256_sub_epi32(
      _mm256_and_si256(_mm256_srli_epi32(Bits, 23), _mm256_set1_epi32(0xff)),
      _mm256_set1_epi32(0x7f));
  __m256 M = _mm256_castsi256_ps(
      _mm256_sub_epi32(_mm256_castps_si256(DS), _mm256_slli_epi32(E, 23)));
  E = _mm256_sub_epi32(
      E, _mm256_and_si256(_mm256_castps_si256(Tiny), _mm256_set1_epi32(64)));
  V2 S = mulV(V2{splat(Ln2Hi), splat(Ln2Lo)}, _mm256_cvtepi32_ps(E));
  V2 X = divideV(add2V(splat(-1.0f), M), add2V(splat(1.0f), M));
  __m256 X2 = _mm256_mul_ps(X.Hi, X.Hi);
  __m256 T = splat(LogCoef[0]);
  for (int K = 1; K < LogCoefs; ++K)
    T = _mm256_fmadd_ps(T, X2, splat(LogCoef[K]));
  S = addV(S, V2{_mm256_mul_ps(X.Hi, splat(2.0f)),
                 _mm256_mul_ps(X.Lo, splat(2.0f))});
  S = addV(S, _mm256_mul_ps(_mm256_mul_ps(X2, X.Hi), T));
  __m256 R = _mm256_add_ps(S.Hi, S.Lo);
  const float Inf = std::numeric_limits<float>::infinity();
  R = _mm256_blendv_ps(R, splat(Inf),
                       _mm256_cmp_ps(DS, splat(Inf), _CMP_EQ_OQ));
  R = _mm256_blendv_ps(
      R, splat(std::numeric_limits<float>::quiet_NaN()),
      _mm256_cmp_ps(DS, splat(0.0f), _CMP_NGE_UQ)); // < 0 or NaN.
  return _mm256_blendv_ps(R, splat(-Inf),
                          _mm256_cmp_ps(DS, splat(0.0f), _CMP_EQ_OQ));
}

struct LogOp {
  JANUS_AVX2 static __m256 apply(__m256 X) { return logV(X); }
};

struct ExpOp {
  JANUS_AVX2 static __m256 apply(__m256 X) { return expV(X); }
};

struct TanhOp {
  JANUS_AVX2 static __m256 apply(__m256 X) { return tanhV(X); }
};

// ATen's vector sigmoid: 1 / ((0 - x).exp() + 1).
struct SigmoidOp {
  JANUS_AVX2 static __m256 apply(__m256 X) {
    __m256 E = expV(_mm256_sub_ps(_mm256_setzero_ps(), X));
    return _mm256_div_ps(splat(1.0f), _mm256_add_ps(E, splat(1.0f)));
  }
};

// Op on eight floats, NaN inputs passed through.
template <typename Op> JANUS_AVX2 inline __m256 applyBlock(__m256 V) {
  __m256 R = Op::apply(V);
  return _mm256_blendv_ps(R, V, _mm256_cmp_ps(V, V, _CMP_UNORD_Q));
}

// Y = Op(X) eight at a time. The tail runs the same code on a zero-padded
// copy (ATen's vec::map loads a partial vector the same way).
template <typename Op>
JANUS_AVX2 void applyAvx2(const float *X, float *Y, int64_t N) {
  int64_t I = 0;
  for (; I + 8 <= N; I += 8)
    _mm256_storeu_ps(Y + I, applyBlock<Op>(_mm256_loadu_ps(X + I)));
  if (I < N) {
    float Buf[8] = {};
    std::copy(X + I, X + N, Buf);
    _mm256_storeu_ps(Buf, applyBlock<Op>(_mm256_loadu_ps(Buf)));
    std::copy(Buf, Buf + (N - I), Y + I);
  }
}

// ATen's sigmoid loop: the vector formula on X[0, VectorCount) (a
// multiple of 8), the scalar one on the rest.
JANUS_AVX2 void sigmoidAvx2(const float *X, float *Y, int64_t N,
                            int64_t VectorCount) {
  int64_t I = 0;
  for (; I + 8 <= VectorCount; I += 8)
    _mm256_storeu_ps(Y + I, applyBlock<SigmoidOp>(_mm256_loadu_ps(X + I)));
  for (; I < VectorCount; ++I)
    Y[I] = sigmoidVecOne(X[I]);
  for (; I < N; ++I)
    Y[I] = sigmoidLibmOne(X[I]);
}

bool haveAvx2Fma() {
  static const bool Have =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return Have;
}
#endif // JANUS_VECMATH_AVX2

} // namespace

void expF32Scalar(const float *X, float *Y, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Y[I] = expOne(X[I]);
}

void tanhF32Scalar(const float *X, float *Y, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Y[I] = tanhOne(X[I]);
}

void sigmoidF32Scalar(const float *X, float *Y, int64_t N) {
  int64_t I = 0, VectorEnd = sigmoidVectorCount(N);
  for (; I < VectorEnd; ++I)
    Y[I] = sigmoidVecOne(X[I]);
  for (; I < N; ++I)
    Y[I] = sigmoidLibmOne(X[I]);
}

void sigmoidF32Libm(const float *X, float *Y, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Y[I] = sigmoidLibmOne(X[I]);
}

void logF32Scalar(const float *X, float *Y, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Y[I] = logOne(X[I]);
}

bool logF32Avx2(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx2Fma()) {
    applyAvx2<LogOp>(X, Y, N);
    return true;
  }
#endif
  return false;
}

void logF32(const float *X, float *Y, int64_t N) {
  if (!logF32Avx2(X, Y, N))
    logF32Scalar(X, Y, N);
}

bool expF32Avx2(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx2Fma()) {
    applyAvx2<ExpOp>(X, Y, N);
    return true;
  }
#endif
  return false;
}

bool tanhF32Avx2(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx2Fma()) {
    applyAvx2<TanhOp>(X, Y, N);
    return true;
  }
#endif
  return false;
}

bool sigmoidF32Avx2(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx2Fma()) {
    sigmoidAvx2(X, Y, N, sigmoidVectorCount(N));
    return true;
  }
#endif
  return false;
}

void expF32(const float *X, float *Y, int64_t N) {
  if (!expF32Avx2(X, Y, N))
    expF32Scalar(X, Y, N);
}

void tanhF32(const float *X, float *Y, int64_t N) {
  if (!tanhF32Avx2(X, Y, N))
    tanhF32Scalar(X, Y, N);
}

void sigmoidF32(const float *X, float *Y, int64_t N) {
  sigmoidF32Split(X, Y, N, sigmoidVectorCount(N));
}

int64_t sigmoidVectorCount(int64_t N) { return N - N % SigmoidBlock; }

void sigmoidF32Split(const float *X, float *Y, int64_t N, int64_t VectorCount) {
  VectorCount = std::clamp<int64_t>(VectorCount, 0, N);
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx2Fma())
    return sigmoidAvx2(X, Y, N, VectorCount);
#endif
  int64_t I = 0;
  for (; I < VectorCount; ++I)
    Y[I] = sigmoidVecOne(X[I]);
  for (; I < N; ++I)
    Y[I] = sigmoidLibmOne(X[I]);
}

} // namespace janus::rt::vecmath
