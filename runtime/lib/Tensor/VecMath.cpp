//===- VecMath.cpp - float32 exp, tanh and sigmoid over arrays ------------===//
//
// See VecMath.h for the contract. The method, shared by the AVX2 and the
// scalar code (which must stay operation for operation the same):
//
//  exp(x), x a float widened to double and clamped to [-150, 150] (beyond
//  that exp rounds to inf or 0 in float): n = round(x / ln 2) through the
//  2^52 + 2^51 shifter, r = x - n ln 2 with ln 2 split in two so that
//  |r| <= ln(2)/2 carries no cancellation error, exp(r) by its Taylor
//  polynomial of degree 11 (truncation error < 7e-15 relative on that
//  interval) evaluated by Estrin's scheme, times 2^n built in the exponent
//  bits.
//
//  tanh(x) = sign(x) (e - 1) / (e + 1) with e = exp(2|x|), |x| clamped to 20
//  (where tanh is 1 in double); below |x| = 1/16, where e - 1 would cancel,
//  the odd Taylor series to x^11 instead (relative error < 2e-17 there).
//
//  sigmoid(x) = 1 / (1 + exp(-x)), exp as above rounded to float, the sum
//  and the quotient in float (ATen's formula).
//
// This file is compiled without FP contraction (CMakeLists.txt): every
// fused multiply-add is an explicit fma, in both versions.
//
//===----------------------------------------------------------------------===//

#include "Tensor/VecMath.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JANUS_VECMATH_AVX2 1
// GCC 12 warns that the _mm512_undefined_* placeholders inside its own
// AVX-512 intrinsics may be used uninitialized (a false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#endif

namespace janus::rt::vecmath {

namespace {

constexpr double Log2e = 1.4426950408889634;
// ln 2 = Ln2Hi + Ln2Lo; Ln2Hi has 32 significant bits, so n * Ln2Hi is
// exact for the |n| <= 217 that occur here.
constexpr double Ln2Hi = 6.93147180369123816490e-01;
constexpr double Ln2Lo = 1.90821492927058770002e-10;
// Adding it rounds a double of magnitude < 2^51 to an integer, which then
// sits in the low mantissa bits.
constexpr double Shifter = 0x1.8p52;
constexpr uint64_t ShifterBits = 0x4338000000000000ULL;
constexpr double ExpLimit = 150.0;
// 1/k! for k = 0..11.
constexpr double ExpCoef[12] = {1.0,          1.0,           1.0 / 2,
                                1.0 / 6,      1.0 / 24,      1.0 / 120,
                                1.0 / 720,    1.0 / 5040,    1.0 / 40320,
                                1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800};
// tanh x = x + x^3 (T3 + x^2 (T5 + x^2 (T7 + x^2 (T9 + x^2 T11)))) + ...
constexpr double T3 = -1.0 / 3, T5 = 2.0 / 15, T7 = -17.0 / 315,
                 T9 = 62.0 / 2835, T11 = -1382.0 / 155925;
constexpr double TanhSeriesBelow = 0.0625;
constexpr double TanhClamp = 20.0;

//===--- Scalar version ---------------------------------------------------===//

double expCore(double X) {
  double T = std::fma(X, Log2e, Shifter);
  double N = T - Shifter;
  double R = std::fma(-N, Ln2Hi, X);
  R = std::fma(-N, Ln2Lo, R);
  // Estrin's scheme: four multiply-adds deep instead of Horner's eleven.
  double R2 = R * R, R4 = R2 * R2, R8 = R4 * R4;
  double P01 = std::fma(ExpCoef[1], R, ExpCoef[0]);
  double P23 = std::fma(ExpCoef[3], R, ExpCoef[2]);
  double P45 = std::fma(ExpCoef[5], R, ExpCoef[4]);
  double P67 = std::fma(ExpCoef[7], R, ExpCoef[6]);
  double P89 = std::fma(ExpCoef[9], R, ExpCoef[8]);
  double PAB = std::fma(ExpCoef[11], R, ExpCoef[10]);
  double Q0 = std::fma(P23, R2, P01), Q1 = std::fma(P67, R2, P45),
         Q2 = std::fma(PAB, R2, P89);
  double P = std::fma(Q2, R8, std::fma(Q1, R4, Q0));
  uint64_t Bits;
  std::memcpy(&Bits, &T, sizeof Bits);
  Bits = (Bits + (1023 - ShifterBits)) << 52;
  double Scale;
  std::memcpy(&Scale, &Bits, sizeof Scale);
  return P * Scale;
}

double clampExp(double X) { return std::min(std::max(X, -ExpLimit), ExpLimit); }

float expOne(float X) {
  if (std::isnan(X))
    return X;
  return static_cast<float>(expCore(clampExp(X)));
}

float tanhOne(float X) {
  if (std::isnan(X))
    return X;
  double A = std::min(std::fabs(static_cast<double>(X)), TanhClamp);
  double E = expCore(2 * A);
  double Big = (E - 1) / (E + 1);
  double Z = A * A;
  double P = T11;
  P = std::fma(P, Z, T9);
  P = std::fma(P, Z, T7);
  P = std::fma(P, Z, T5);
  P = std::fma(P, Z, T3);
  double Small = std::fma(A * Z, P, A);
  double T = A < TanhSeriesBelow ? Small : Big;
  return static_cast<float>(std::copysign(T, static_cast<double>(X)));
}

float sigmoidOne(float X) {
  if (std::isnan(X))
    return X;
  float E = static_cast<float>(expCore(clampExp(-static_cast<double>(X))));
  return 1.0f / (1.0f + E);
}

//===--- AVX2 version -----------------------------------------------------===//

#ifdef JANUS_VECMATH_AVX2
#define JANUS_AVX2 __attribute__((target("avx2,fma")))

// ExpCoef[K] + ExpCoef[K + 1] * R.
JANUS_AVX2 inline __m256d expPair(int K, __m256d R) {
  return _mm256_fmadd_pd(_mm256_set1_pd(ExpCoef[K + 1]), R,
                         _mm256_set1_pd(ExpCoef[K]));
}

JANUS_AVX2 inline __m256d expCoreV(__m256d X) {
  const __m256d Shift = _mm256_set1_pd(Shifter);
  __m256d T = _mm256_fmadd_pd(X, _mm256_set1_pd(Log2e), Shift);
  __m256d N = _mm256_sub_pd(T, Shift);
  __m256d R = _mm256_fnmadd_pd(N, _mm256_set1_pd(Ln2Hi), X);
  R = _mm256_fnmadd_pd(N, _mm256_set1_pd(Ln2Lo), R);
  // Estrin's scheme, as in expCore.
  __m256d R2 = _mm256_mul_pd(R, R), R4 = _mm256_mul_pd(R2, R2),
          R8 = _mm256_mul_pd(R4, R4);
  __m256d Q0 = _mm256_fmadd_pd(expPair(2, R), R2, expPair(0, R));
  __m256d Q1 = _mm256_fmadd_pd(expPair(6, R), R2, expPair(4, R));
  __m256d Q2 = _mm256_fmadd_pd(expPair(10, R), R2, expPair(8, R));
  __m256d P = _mm256_fmadd_pd(Q2, R8, _mm256_fmadd_pd(Q1, R4, Q0));
  __m256i Bits = _mm256_add_epi64(
      _mm256_castpd_si256(T),
      _mm256_set1_epi64x(static_cast<long long>(1023 - ShifterBits)));
  Bits = _mm256_slli_epi64(Bits, 52);
  return _mm256_mul_pd(P, _mm256_castsi256_pd(Bits));
}

JANUS_AVX2 inline __m256d clampExpV(__m256d X) {
  return _mm256_min_pd(_mm256_max_pd(X, _mm256_set1_pd(-ExpLimit)),
                       _mm256_set1_pd(ExpLimit));
}

JANUS_AVX2 inline __m256d tanhV(__m256d X) {
  const __m256d SignBit = _mm256_set1_pd(-0.0);
  __m256d A =
      _mm256_min_pd(_mm256_andnot_pd(SignBit, X), _mm256_set1_pd(TanhClamp));
  __m256d E = expCoreV(_mm256_add_pd(A, A));
  const __m256d One = _mm256_set1_pd(1.0);
  __m256d Big = _mm256_div_pd(_mm256_sub_pd(E, One), _mm256_add_pd(E, One));
  __m256d Z = _mm256_mul_pd(A, A);
  __m256d P = _mm256_set1_pd(T11);
  P = _mm256_fmadd_pd(P, Z, _mm256_set1_pd(T9));
  P = _mm256_fmadd_pd(P, Z, _mm256_set1_pd(T7));
  P = _mm256_fmadd_pd(P, Z, _mm256_set1_pd(T5));
  P = _mm256_fmadd_pd(P, Z, _mm256_set1_pd(T3));
  __m256d Small = _mm256_fmadd_pd(_mm256_mul_pd(A, Z), P, A);
  __m256d UseSmall =
      _mm256_cmp_pd(A, _mm256_set1_pd(TanhSeriesBelow), _CMP_LT_OQ);
  __m256d T = _mm256_blendv_pd(Big, Small, UseSmall);
  return _mm256_or_pd(T, _mm256_and_pd(SignBit, X));
}

// The three functions on eight floats.
struct ExpOp {
  JANUS_AVX2 static __m256 apply(__m256 X) {
    __m256d Lo = _mm256_cvtps_pd(_mm256_castps256_ps128(X));
    __m256d Hi = _mm256_cvtps_pd(_mm256_extractf128_ps(X, 1));
    __m128 RLo = _mm256_cvtpd_ps(expCoreV(clampExpV(Lo)));
    __m128 RHi = _mm256_cvtpd_ps(expCoreV(clampExpV(Hi)));
    return _mm256_set_m128(RHi, RLo);
  }
};

struct TanhOp {
  JANUS_AVX2 static __m256 apply(__m256 X) {
    __m256d Lo = _mm256_cvtps_pd(_mm256_castps256_ps128(X));
    __m256d Hi = _mm256_cvtps_pd(_mm256_extractf128_ps(X, 1));
    return _mm256_set_m128(_mm256_cvtpd_ps(tanhV(Hi)),
                           _mm256_cvtpd_ps(tanhV(Lo)));
  }
};

struct SigmoidOp {
  JANUS_AVX2 static __m256 apply(__m256 X) {
    __m256 NegX = _mm256_xor_ps(X, _mm256_set1_ps(-0.0f));
    __m256 E = ExpOp::apply(NegX);
    const __m256 One = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(One, _mm256_add_ps(One, E));
  }
};

// Op on eight floats, NaN inputs passed through.
template <typename Op> JANUS_AVX2 inline __m256 applyBlock(__m256 V) {
  __m256 R = Op::apply(V);
  return _mm256_blendv_ps(R, V, _mm256_cmp_ps(V, V, _CMP_UNORD_Q));
}

// Y = Op(X) eight at a time. The tail runs the same code on a zero-padded
// copy.
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

//===--- AVX-512 version: the eight doubles of eight floats in one vector
//---===//

#define JANUS_AVX512 __attribute__((target("avx512f,avx512dq,avx2,fma")))

JANUS_AVX512 inline __m512d expPair512(int K, __m512d R) {
  return _mm512_fmadd_pd(_mm512_set1_pd(ExpCoef[K + 1]), R,
                         _mm512_set1_pd(ExpCoef[K]));
}

JANUS_AVX512 inline __m512d expCore512(__m512d X) {
  const __m512d Shift = _mm512_set1_pd(Shifter);
  __m512d T = _mm512_fmadd_pd(X, _mm512_set1_pd(Log2e), Shift);
  __m512d N = _mm512_sub_pd(T, Shift);
  __m512d R = _mm512_fnmadd_pd(N, _mm512_set1_pd(Ln2Hi), X);
  R = _mm512_fnmadd_pd(N, _mm512_set1_pd(Ln2Lo), R);
  __m512d R2 = _mm512_mul_pd(R, R), R4 = _mm512_mul_pd(R2, R2),
          R8 = _mm512_mul_pd(R4, R4);
  __m512d Q0 = _mm512_fmadd_pd(expPair512(2, R), R2, expPair512(0, R));
  __m512d Q1 = _mm512_fmadd_pd(expPair512(6, R), R2, expPair512(4, R));
  __m512d Q2 = _mm512_fmadd_pd(expPair512(10, R), R2, expPair512(8, R));
  __m512d P = _mm512_fmadd_pd(Q2, R8, _mm512_fmadd_pd(Q1, R4, Q0));
  __m512i Bits = _mm512_add_epi64(
      _mm512_castpd_si512(T),
      _mm512_set1_epi64(static_cast<long long>(1023 - ShifterBits)));
  Bits = _mm512_slli_epi64(Bits, 52);
  return _mm512_mul_pd(P, _mm512_castsi512_pd(Bits));
}

JANUS_AVX512 inline __m512d clampExp512(__m512d X) {
  return _mm512_min_pd(_mm512_max_pd(X, _mm512_set1_pd(-ExpLimit)),
                       _mm512_set1_pd(ExpLimit));
}

struct ExpOp512 {
  JANUS_AVX512 static __m256 apply(__m256 X) {
    return _mm512_cvtpd_ps(expCore512(clampExp512(_mm512_cvtps_pd(X))));
  }
};

struct TanhOp512 {
  JANUS_AVX512 static __m256 apply(__m256 Xf) {
    __m512d X = _mm512_cvtps_pd(Xf);
    const __m512d SignBit = _mm512_set1_pd(-0.0);
    __m512d A =
        _mm512_min_pd(_mm512_andnot_pd(SignBit, X), _mm512_set1_pd(TanhClamp));
    __m512d E = expCore512(_mm512_add_pd(A, A));
    const __m512d One = _mm512_set1_pd(1.0);
    __m512d Big = _mm512_div_pd(_mm512_sub_pd(E, One), _mm512_add_pd(E, One));
    __m512d Z = _mm512_mul_pd(A, A);
    __m512d P = _mm512_set1_pd(T11);
    P = _mm512_fmadd_pd(P, Z, _mm512_set1_pd(T9));
    P = _mm512_fmadd_pd(P, Z, _mm512_set1_pd(T7));
    P = _mm512_fmadd_pd(P, Z, _mm512_set1_pd(T5));
    P = _mm512_fmadd_pd(P, Z, _mm512_set1_pd(T3));
    __m512d Small = _mm512_fmadd_pd(_mm512_mul_pd(A, Z), P, A);
    __mmask8 UseSmall =
        _mm512_cmp_pd_mask(A, _mm512_set1_pd(TanhSeriesBelow), _CMP_LT_OQ);
    __m512d T = _mm512_mask_blend_pd(UseSmall, Big, Small);
    return _mm512_cvtpd_ps(_mm512_or_pd(T, _mm512_and_pd(SignBit, X)));
  }
};

struct SigmoidOp512 {
  JANUS_AVX512 static __m256 apply(__m256 X) {
    __m256 NegX = _mm256_xor_ps(X, _mm256_set1_ps(-0.0f));
    __m256 E = ExpOp512::apply(NegX);
    const __m256 One = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(One, _mm256_add_ps(One, E));
  }
};

template <typename Op> JANUS_AVX512 inline __m256 applyBlock512(__m256 V) {
  __m256 R = Op::apply(V);
  return _mm256_blendv_ps(R, V, _mm256_cmp_ps(V, V, _CMP_UNORD_Q));
}

// applyAvx2 with the AVX-512 operations.
template <typename Op>
JANUS_AVX512 void applyAvx512(const float *X, float *Y, int64_t N) {
  int64_t I = 0;
  for (; I + 8 <= N; I += 8)
    _mm256_storeu_ps(Y + I, applyBlock512<Op>(_mm256_loadu_ps(X + I)));
  if (I < N) {
    float Buf[8] = {};
    std::copy(X + I, X + N, Buf);
    _mm256_storeu_ps(Buf, applyBlock512<Op>(_mm256_loadu_ps(Buf)));
    std::copy(Buf, Buf + (N - I), Y + I);
  }
}

bool haveAvx512() {
  static const bool Have =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return Have;
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
  for (int64_t I = 0; I < N; ++I)
    Y[I] = sigmoidOne(X[I]);
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
    applyAvx2<SigmoidOp>(X, Y, N);
    return true;
  }
#endif
  return false;
}

void expF32(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx512())
    return applyAvx512<ExpOp512>(X, Y, N);
  if (haveAvx2Fma())
    return applyAvx2<ExpOp>(X, Y, N);
#endif
  expF32Scalar(X, Y, N);
}

void tanhF32(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx512())
    return applyAvx512<TanhOp512>(X, Y, N);
  if (haveAvx2Fma())
    return applyAvx2<TanhOp>(X, Y, N);
#endif
  tanhF32Scalar(X, Y, N);
}

void sigmoidF32(const float *X, float *Y, int64_t N) {
#ifdef JANUS_VECMATH_AVX2
  if (haveAvx512())
    return applyAvx512<SigmoidOp512>(X, Y, N);
  if (haveAvx2Fma())
    return applyAvx2<SigmoidOp>(X, Y, N);
#endif
  sigmoidF32Scalar(X, Y, N);
}

} // namespace janus::rt::vecmath
