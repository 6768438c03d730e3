//===- Gemm.cpp - Row-major gemm for the convolution kernels --------------===//
//
// Convolutions as gemm produce very flat products: [Cout/g, K] x [K, N*OH*OW]
// with Cout/g of 6 or 16 and K of 25 or 150 in LeNet. OpenBLAS reaches only
// a fraction of peak there (its blocking targets large square products), so
// float products with an untransposed B go through a register-blocked
// 6 x 16 AVX2/FMA micro-kernel when the CPU has those (checked at run time,
// so the library needs no -mavx2); everything else calls OpenBLAS.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"
#include "Threading/Parallel.h"

#include <cblas.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JANUS_NN_AVX2_GEMM 1
#endif

namespace janus::rt::nn {

#ifdef JANUS_NN_AVX2_GEMM
namespace {

// C[MR x 16] (+)= A[MR x K] * B[K x 16]; A(r, k) = A[r * RsA + k * CsA].
template <int MR>
__attribute__((target("avx2,fma"))) void microKernel(
    int64_t K, const float *A, int64_t RsA, int64_t CsA, const float *B,
    int64_t Ldb, float *C, int64_t Ldc, bool Accumulate) {
  __m256 Acc[MR][2];
  for (int R = 0; R < MR; ++R)
    Acc[R][0] = Acc[R][1] = _mm256_setzero_ps();
  for (int64_t L = 0; L < K; ++L) {
    __m256 B0 = _mm256_loadu_ps(B + L * Ldb);
    __m256 B1 = _mm256_loadu_ps(B + L * Ldb + 8);
    for (int R = 0; R < MR; ++R) {
      __m256 AV = _mm256_set1_ps(A[R * RsA + L * CsA]);
      Acc[R][0] = _mm256_fmadd_ps(AV, B0, Acc[R][0]);
      Acc[R][1] = _mm256_fmadd_ps(AV, B1, Acc[R][1]);
    }
  }
  for (int R = 0; R < MR; ++R) {
    float *Row = C + R * Ldc;
    if (Accumulate) {
      Acc[R][0] = _mm256_add_ps(Acc[R][0], _mm256_loadu_ps(Row));
      Acc[R][1] = _mm256_add_ps(Acc[R][1], _mm256_loadu_ps(Row + 8));
    }
    _mm256_storeu_ps(Row, Acc[R][0]);
    _mm256_storeu_ps(Row + 8, Acc[R][1]);
  }
}

using MicroFn = void (*)(int64_t, const float *, int64_t, int64_t,
                         const float *, int64_t, float *, int64_t, bool);
const MicroFn Kernels[7] = {nullptr,         microKernel<1>, microKernel<2>,
                            microKernel<3>, microKernel<4>, microKernel<5>,
                            microKernel<6>};

bool haveAvx2() {
  static const bool Have =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return Have;
}

// C = op(A) * B (+ C when Accumulate) with B untransposed, N a multiple of
// 16 handled by the micro-kernel and the rest by plain loops.
void blockedGemm(bool TransA, int64_t M, int64_t N, int64_t K, const float *A,
                 int64_t Lda, const float *B, int64_t Ldb, float *C,
                 int64_t Ldc, bool Accumulate) {
  int64_t RsA = TransA ? 1 : Lda, CsA = TransA ? Lda : 1;
  int64_t NFull = N / 16 * 16;
  for (int64_t J = 0; J < NFull; J += 16)
    for (int64_t I = 0; I < M; I += 6) {
      int64_t MR = std::min<int64_t>(6, M - I);
      Kernels[MR](K, A + I * RsA, RsA, CsA, B + J, Ldb, C + I * Ldc + J, Ldc,
                  Accumulate);
    }
  for (int64_t I = 0; I < M; ++I)
    for (int64_t J = NFull; J < N; ++J) {
      float S = 0;
      for (int64_t L = 0; L < K; ++L)
        S += A[I * RsA + L * CsA] * B[L * Ldb + J];
      C[I * Ldc + J] = Accumulate ? C[I * Ldc + J] + S : S;
    }
}

} // namespace
#endif

void gemm(bool TransA, bool TransB, int64_t M, int64_t N, int64_t K,
          float Alpha, const float *A, int64_t Lda, const float *B,
          int64_t Ldb, float Beta, float *C, int64_t Ldc) {
  if (M == 0 || N == 0)
    return;
#ifdef JANUS_NN_AVX2_GEMM
  if (!TransB && Alpha == 1.0f && (Beta == 0.0f || Beta == 1.0f) &&
      N >= 16 && haveAvx2()) {
    blockedGemm(TransA, M, N, K, A, Lda, B, Ldb, C, Ldc, Beta == 1.0f);
    return;
  }
#endif
  initThreading(); // OpenBLAS at the runtime's thread count.
  cblas_sgemm(CblasRowMajor, TransA ? CblasTrans : CblasNoTrans,
              TransB ? CblasTrans : CblasNoTrans, int(M), int(N), int(K),
              Alpha, A, int(Lda), B, int(Ldb), Beta, C, int(Ldc));
}

void gemm(bool TransA, bool TransB, int64_t M, int64_t N, int64_t K,
          double Alpha, const double *A, int64_t Lda, const double *B,
          int64_t Ldb, double Beta, double *C, int64_t Ldc) {
  if (M == 0 || N == 0)
    return;
  initThreading();
  cblas_dgemm(CblasRowMajor, TransA ? CblasTrans : CblasNoTrans,
              TransB ? CblasTrans : CblasNoTrans, int(M), int(N), int(K),
              Alpha, A, int(Lda), B, int(Ldb), Beta, C, int(Ldc));
}

} // namespace janus::rt::nn
