//===- MaxPool2x2.cpp - Vectorized 2x2/stride-2 float max pooling ---------===//
//
// LeNet's pooling layers: a scalar window walk is a chain of compares and
// selects per output (the index must follow the maximum), about a fifth of
// a LeNet step. Here eight outputs are computed at once: the window's four
// elements are de-interleaved from two input rows into four vectors
// (a, b / c, d = top-left, top-right / bottom-left, bottom-right) and
// folded in that order with exactly the scalar rule, take V if V > Max or V
// is NaN, tracking which of the four won. Results are identical to the
// scalar loop's.
//
//===----------------------------------------------------------------------===//

#include "NN/MaxPool2x2.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JANUS_NN_MAXPOOL_AVX2 1
#endif

namespace janus::rt::nn {

#ifndef JANUS_NN_MAXPOOL_AVX2
bool maxPool2x2Row(const float *, int64_t, int64_t, int64_t, float *,
                   int64_t *) {
  return false;
}
#else
namespace {

#define JANUS_AVX2 __attribute__((target("avx2,fma")))

// The even and odd elements of 16 consecutive floats, each in the lane
// order 0 1 4 5 2 3 6 7 (fixed up once at the end).
JANUS_AVX2 inline void deinterleave(__m256 Lo, __m256 Hi, __m256 &Even,
                                    __m256 &Odd) {
  Even = _mm256_shuffle_ps(Lo, Hi, _MM_SHUFFLE(2, 0, 2, 0));
  Odd = _mm256_shuffle_ps(Lo, Hi, _MM_SHUFFLE(3, 1, 3, 1));
}

JANUS_AVX2 inline void take(__m256 V, int K, __m256 &Max, __m256i &Which) {
  __m256 Take = _mm256_or_ps(_mm256_cmp_ps(V, Max, _CMP_GT_OQ),
                             _mm256_cmp_ps(V, V, _CMP_UNORD_Q));
  Max = _mm256_blendv_ps(Max, V, Take);
  Which = _mm256_castps_si256(_mm256_blendv_ps(
      _mm256_castsi256_ps(Which),
      _mm256_castsi256_ps(_mm256_set1_epi32(K)), Take));
}

// Eight outputs from 16 floats of each of the two rows (R0, R1 at the
// block's first window); K receives which of a, b, c, d won.
// With Valid < 8 only the first Valid windows are read (masked loads; the
// other lanes are zero and their outputs are not stored).
JANUS_AVX2 inline void block(const float *R0, const float *R1, int64_t Valid,
                             __m256 &Max, __m256i &Which) {
  // Lane j holds output j in natural order after this permute.
  const int Natural = _MM_SHUFFLE(3, 1, 2, 0);
  __m256 A, B, C, D;
  if (Valid >= 8) {
    deinterleave(_mm256_loadu_ps(R0), _mm256_loadu_ps(R0 + 8), A, B);
    deinterleave(_mm256_loadu_ps(R1), _mm256_loadu_ps(R1 + 8), C, D);
  } else {
    const __m256i Idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256i M0 = _mm256_cmpgt_epi32(_mm256_set1_epi32(int(2 * Valid)), Idx);
    __m256i M1 =
        _mm256_cmpgt_epi32(_mm256_set1_epi32(int(2 * Valid - 8)), Idx);
    deinterleave(_mm256_maskload_ps(R0, M0), _mm256_maskload_ps(R0 + 8, M1),
                 A, B);
    deinterleave(_mm256_maskload_ps(R1, M0), _mm256_maskload_ps(R1 + 8, M1),
                 C, D);
  }
  Max = _mm256_set1_ps(-__builtin_inff());
  Which = _mm256_setzero_si256();
  take(A, 0, Max, Which);
  take(B, 1, Max, Which);
  take(C, 2, Max, Which);
  take(D, 3, Max, Which);
  Max = _mm256_castpd_ps(
      _mm256_permute4x64_pd(_mm256_castps_pd(Max), Natural));
  Which = _mm256_permute4x64_epi64(Which, Natural);
}

// The flat indices (2 Oh + K / 2) * W + 2 (Ow + j) + K % 2 of a block.
JANUS_AVX2 inline void indices(__m256i Which, int64_t W, int64_t Oh,
                               int64_t Ow, int64_t *Idx) {
  const __m256i Lane = _mm256_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14);
  __m256i Base =
      _mm256_add_epi32(_mm256_set1_epi32(int32_t(2 * Oh * W + 2 * Ow)), Lane);
  __m256i Off = _mm256_add_epi32(
      _mm256_and_si256(Which, _mm256_set1_epi32(1)),
      _mm256_mullo_epi32(_mm256_srli_epi32(Which, 1),
                         _mm256_set1_epi32(int32_t(W))));
  __m256i I32 = _mm256_add_epi32(Base, Off);
  _mm256_storeu_si256(reinterpret_cast<__m256i *>(Idx),
                      _mm256_cvtepi32_epi64(_mm256_castsi256_si128(I32)));
  _mm256_storeu_si256(reinterpret_cast<__m256i *>(Idx + 4),
                      _mm256_cvtepi32_epi64(_mm256_extracti128_si256(I32, 1)));
}

JANUS_AVX2 void row(const float *Plane, int64_t W, int64_t Oh, int64_t Count,
                    float *Out, int64_t *Idx) {
  const float *R0 = Plane + 2 * Oh * W, *R1 = R0 + W;
  __m256 Max;
  __m256i Which;
  int64_t Ow = 0;
  for (; Ow + 8 <= Count; Ow += 8) {
    block(R0 + 2 * Ow, R1 + 2 * Ow, 8, Max, Which);
    _mm256_storeu_ps(Out + Ow, Max);
    indices(Which, W, Oh, Ow, Idx + Ow);
  }
  if (Ow == Count)
    return;
  // The last 1-7 windows: masked loads, so no read leaves the rows.
  int64_t N = Count - Ow;
  alignas(32) float M[8];
  alignas(32) int64_t I[8];
  block(R0 + 2 * Ow, R1 + 2 * Ow, N, Max, Which);
  _mm256_store_ps(M, Max);
  indices(Which, W, Oh, Ow, I);
  for (int64_t J = 0; J < N; ++J) {
    Out[Ow + J] = M[J];
    Idx[Ow + J] = I[J];
  }
}

bool haveAvx2() {
  static const bool Have =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return Have;
}

} // namespace

bool maxPool2x2Row(const float *Plane, int64_t W, int64_t Oh, int64_t Count,
                   float *Out, int64_t *Idx) {
  // Indices are computed in int32 lanes.
  if (!haveAvx2() || (2 * Oh + 2) * W > INT32_MAX)
    return false;
  row(Plane, W, Oh, Count, Out, Idx);
  return true;
}
#endif

} // namespace janus::rt::nn
