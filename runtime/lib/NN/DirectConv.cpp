//===- DirectConv.cpp - Stride-1 float convolution without im2col ---------===//
//
// For stride 1, output position (oh, ow) of a [C, H, W] image (padded
// copy if needed) reads pixel (oh + i*dH) * W + (ow + j*dW) of channel c
// through tap (c, i, j): computed on a "wide" grid p = oh * W + ow, every
// tap is the image itself shifted by Off(c, i, j) = c*H*W + i*dH*W + j*dW.
// So the column matrix need not be built: row L of it is the image at
// offset Off[L], and a gemm whose B rows are given by pointers does the
// convolution. Wide-grid columns with ow >= OW are junk and dropped; the
// grid stops at (OH - 1) * W + OW so no read leaves the image. im2col's
// per-row loop overhead dominated LeNet-sized layers (rows of 8-24
// elements); this removes it and keeps each sample's image in L1.
//
// Used for conv2d's forward, its input gradient (a stride-1 convolution of
// the padded gradient with the flipped, transposed weight, set up in
// Conv.cpp) and its weight gradient, for float32 on AVX2/FMA CPUs. With 16
// output channels a group on AVX-512 CPUs, the channel-major tiles take
// whole runs of consecutive rows (runKernel16), with the same sums.
//
// The forward's batch loop is split over the intra-op threads (each thread
// with its own padded image and result buffer); samples are independent, so
// the result does not depend on the thread count. The weight gradient sums
// over the batch and stays on one thread.
//
//===----------------------------------------------------------------------===//

#include "NN/DirectConv.h"
#include "Threading/Parallel.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JANUS_NN_DIRECT_CONV 1
#endif

namespace janus::rt::nn {

#ifndef JANUS_NN_DIRECT_CONV
bool directConv2d(const ConvGeom &, int64_t, int64_t, int64_t, const float *,
                  const float *, const float *, float *) {
  return false;
}
bool directConv2dGradWeight(const ConvGeom &, int64_t, int64_t, int64_t,
                            const float *, const float *, float *) {
  return false;
}
#else
namespace {

#define JANUS_AVX2 __attribute__((target("avx2,fma")))

// Lanes [0, Valid) of a 16-wide block as two 8-lane masks.
JANUS_AVX2 inline void tailMasks(int64_t Valid, __m256i &M0, __m256i &M1) {
  __m256i Idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  M0 = _mm256_cmpgt_epi32(_mm256_set1_epi32(int(Valid)), Idx);
  M1 = _mm256_cmpgt_epi32(_mm256_set1_epi32(int(Valid - 8)), Idx);
}

// C[MR x 16] = A[MR x K] * B, B row L being Base + Off[L]; when Masked,
// only the first Valid columns are read and written. (Masked is a template
// parameter so that the loop has no branch and the 2 * MR accumulators stay
// in registers.)
template <int MR, bool Masked>
JANUS_AVX2 void rowsKernel(int64_t K, const float *A, int64_t Lda,
                           const float *Base, const int64_t *Off, float *C,
                           int64_t Ldc, int64_t Valid) {
  __m256 Acc[MR][2];
  for (int R = 0; R < MR; ++R)
    Acc[R][0] = Acc[R][1] = _mm256_setzero_ps();
  __m256i M0, M1;
  tailMasks(Valid, M0, M1);
  for (int64_t L = 0; L < K; ++L) {
    const float *B = Base + Off[L];
    __m256 B0 = Masked ? _mm256_maskload_ps(B, M0) : _mm256_loadu_ps(B);
    __m256 B1 = Masked ? _mm256_maskload_ps(B + 8, M1) : _mm256_loadu_ps(B + 8);
#pragma GCC unroll 6
    for (int R = 0; R < MR; ++R) {
      __m256 AV = _mm256_set1_ps(A[R * Lda + L]);
      Acc[R][0] = _mm256_fmadd_ps(AV, B0, Acc[R][0]);
      Acc[R][1] = _mm256_fmadd_ps(AV, B1, Acc[R][1]);
    }
  }
  for (int R = 0; R < MR; ++R) {
    if (Masked) {
      _mm256_maskstore_ps(C + R * Ldc, M0, Acc[R][0]);
      _mm256_maskstore_ps(C + R * Ldc + 8, M1, Acc[R][1]);
    } else {
      _mm256_storeu_ps(C + R * Ldc, Acc[R][0]);
      _mm256_storeu_ps(C + R * Ldc + 8, Acc[R][1]);
    }
  }
}

using RowsFn = void (*)(int64_t, const float *, int64_t, const float *,
                        const int64_t *, float *, int64_t, int64_t);
template <bool Masked> constexpr RowsFn rowsKernels(int MR) {
  switch (MR) {
  case 1:
    return rowsKernel<1, Masked>;
  case 2:
    return rowsKernel<2, Masked>;
  case 3:
    return rowsKernel<3, Masked>;
  case 4:
    return rowsKernel<4, Masked>;
  case 5:
    return rowsKernel<5, Masked>;
  default:
    return rowsKernel<6, Masked>;
  }
}

// C[M x N] = A[M x K] * B with B's rows at Base + Off[L].
void rowsGemm(int64_t M, int64_t N, int64_t K, const float *A, int64_t Lda,
              const float *Base, const int64_t *Off, float *C, int64_t Ldc) {
  for (int64_t J = 0; J < N; J += 16)
    for (int64_t I = 0; I < M; I += 6) {
      int MR = int(std::min<int64_t>(6, M - I));
      RowsFn Fn = N - J >= 16 ? rowsKernels<false>(MR) : rowsKernels<true>(MR);
      Fn(K, A + I * Lda, Lda, Base + J, Off, C + I * Ldc + J, Ldc, N - J);
    }
}

JANUS_AVX2 inline float hsum(__m256 V) {
  __m128 S = _mm_add_ps(_mm256_castps256_ps128(V), _mm256_extractf128_ps(V, 1));
  S = _mm_hadd_ps(S, S);
  S = _mm_hadd_ps(S, S);
  return _mm_cvtss_f32(S);
}

// C[MR x NR] += A[MR x N] * B^T, B row L being Base + Off[L] (dot products
// along the wide grid).
template <int MR, int NR>
JANUS_AVX2 void dotKernel(int64_t N, const float *A, int64_t Lda,
                          const float *Base, const int64_t *Off, float *C,
                          int64_t Ldc) {
  __m256 Acc[MR][NR];
  for (int R = 0; R < MR; ++R)
    for (int S = 0; S < NR; ++S)
      Acc[R][S] = _mm256_setzero_ps();
  int64_t P = 0;
  for (; P + 8 <= N; P += 8) {
    __m256 B[NR];
    for (int S = 0; S < NR; ++S)
      B[S] = _mm256_loadu_ps(Base + Off[S] + P);
#pragma GCC unroll 4
    for (int R = 0; R < MR; ++R) {
      __m256 AV = _mm256_loadu_ps(A + R * Lda + P);
#pragma GCC unroll 3
      for (int S = 0; S < NR; ++S)
        Acc[R][S] = _mm256_fmadd_ps(AV, B[S], Acc[R][S]);
    }
  }
  if (P < N) { // The last partial vector, masked.
    __m256i M = _mm256_cmpgt_epi32(_mm256_set1_epi32(int(N - P)),
                                   _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    __m256 B[NR];
    for (int S = 0; S < NR; ++S)
      B[S] = _mm256_maskload_ps(Base + Off[S] + P, M);
    for (int R = 0; R < MR; ++R) {
      __m256 AV = _mm256_maskload_ps(A + R * Lda + P, M);
      for (int S = 0; S < NR; ++S)
        Acc[R][S] = _mm256_fmadd_ps(AV, B[S], Acc[R][S]);
    }
  }
  for (int R = 0; R < MR; ++R)
    for (int S = 0; S < NR; ++S)
      C[R * Ldc + S] += hsum(Acc[R][S]);
}

using DotFn = void (*)(int64_t, const float *, int64_t, const float *,
                       const int64_t *, float *, int64_t);
// dotKernel<MR, NR> for the remainder tiles too (LeNet's first layer has
// M = 6 rows and K = 25 taps: one 1 x 1 kernel per remainder element, as
// before, was a third of its weight gradient at a fraction of the speed).
constexpr DotFn DotKernels[4][3] = {
    {dotKernel<1, 1>, dotKernel<1, 2>, dotKernel<1, 3>},
    {dotKernel<2, 1>, dotKernel<2, 2>, dotKernel<2, 3>},
    {dotKernel<3, 1>, dotKernel<3, 2>, dotKernel<3, 3>},
    {dotKernel<4, 1>, dotKernel<4, 2>, dotKernel<4, 3>}};

// C[M x K] += A[M x N] * B^T with B's rows at Base + Off[L].
void dotGemm(int64_t M, int64_t N, int64_t K, const float *A, int64_t Lda,
             const float *Base, const int64_t *Off, float *C, int64_t Ldc) {
  for (int64_t I = 0; I < M; I += 4) {
    int64_t MR = std::min<int64_t>(4, M - I);
    for (int64_t L = 0; L < K; L += 3) {
      int64_t NR = std::min<int64_t>(3, K - L);
      DotKernels[MR - 1][NR - 1](N, A + I * Lda, Lda, Base, Off + L,
                                 C + I * Ldc + L, Ldc);
    }
  }
}

// Channel-major variant for layers whose output channels fill whole vectors
// (Cog = 8 or 16): lanes run over output channels and rows over real output
// positions, so nothing is computed on the wide grid's junk columns.
// C[p][co] (+)= sum_L X[Pos[p] + Off[L]] * B[L][co] for PR positions and
// NV * 8 channels; B rows have stride Ldb.
template <int PR, int NV>
JANUS_AVX2 void posKernel(int64_t K, const float *X, const int64_t *Pos,
                          const int64_t *Off, const float *B, int64_t Ldb,
                          float *C, int64_t Ldc, bool Accumulate) {
  __m256 Acc[PR][NV];
  for (int R = 0; R < PR; ++R)
    for (int V = 0; V < NV; ++V)
      Acc[R][V] = _mm256_setzero_ps();
  for (int64_t L = 0; L < K; ++L) {
    __m256 BV[NV];
    for (int V = 0; V < NV; ++V)
      BV[V] = _mm256_loadu_ps(B + L * Ldb + 8 * V);
    const float *XL = X + Off[L];
#pragma GCC unroll 12
    for (int R = 0; R < PR; ++R) {
      __m256 XV = _mm256_set1_ps(XL[Pos[R]]);
      for (int V = 0; V < NV; ++V)
        Acc[R][V] = _mm256_fmadd_ps(XV, BV[V], Acc[R][V]);
    }
  }
  for (int R = 0; R < PR; ++R)
    for (int V = 0; V < NV; ++V) {
      float *Dst = C + R * Ldc + 8 * V;
      __m256 Sum = Accumulate ? _mm256_add_ps(Acc[R][V], _mm256_loadu_ps(Dst))
                              : Acc[R][V];
      _mm256_storeu_ps(Dst, Sum);
    }
}

// C[M x NV*8] (+)= rows of positions Pos[0, M) through posKernel; PR = 12 / NV
// rows per tile, the remainder one row at a time.
template <int NV>
void posGemm(int64_t M, int64_t K, const float *X, const int64_t *Pos,
             const int64_t *Off, const float *B, int64_t Ldb, float *C,
             int64_t Ldc, bool Accumulate) {
  constexpr int PR = 12 / NV;
  int64_t I = 0;
  for (; I + PR <= M; I += PR)
    posKernel<PR, NV>(K, X, Pos + I, Off, B, Ldb, C + I * Ldc, Ldc, Accumulate);
  // The remainder as one tile of its own height (one row at a time would
  // be bound by the FMA latency).
  using Fn = void (*)(int64_t, const float *, const int64_t *, const int64_t *,
                      const float *, int64_t, float *, int64_t, bool);
  static constexpr Fn Tails[12] = {
      nullptr,          posKernel<1, NV>, posKernel<2, NV>,  posKernel<3, NV>,
      posKernel<4, NV>, posKernel<5, NV>, posKernel<6, NV>,  posKernel<7, NV>,
      posKernel<8, NV>, posKernel<9, NV>, posKernel<10, NV>, posKernel<11, NV>};
  if (I < M)
    Tails[M - I](K, X, Pos + I, Off, B, Ldb, C + I * Ldc, Ldc, Accumulate);
}

#define JANUS_AVX512 __attribute__((target("avx512f,avx2,fma")))

// posKernel<PR, 2> for rows that come in NR runs of RL consecutive ones
// (output positions of one output row, taps of one kernel row): row
// a * RL + r reads X[Start[a] + r + Off[L]]. The broadcasts of a run share
// one address computation (constant displacements), where posKernel spends
// an integer add per row and tap, which bounded it; the 16 channels sit in
// one AVX-512 vector, so a tile holds up to 16 rows. Each element is the
// same fma chain over L as in posKernel (then the same add when
// accumulating), so the results are bit-identical.
template <int NR, int RL>
JANUS_AVX512 void runKernel16(int64_t K, const float *X, const int64_t *Start,
                              const int64_t *Off, const float *B, int64_t Ldb,
                              float *C, int64_t Ldc, bool Accumulate) {
  __m512 Acc[NR][RL];
  for (int A = 0; A < NR; ++A)
    for (int R = 0; R < RL; ++R)
      Acc[A][R] = _mm512_setzero_ps();
  for (int64_t L = 0; L < K; ++L) {
    __m512 BV = _mm512_loadu_ps(B + L * Ldb);
    const float *XL = X + Off[L];
#pragma GCC unroll 16
    for (int A = 0; A < NR; ++A) {
      const float *P = XL + Start[A];
#pragma GCC unroll 16
      for (int R = 0; R < RL; ++R)
        Acc[A][R] = _mm512_fmadd_ps(_mm512_set1_ps(P[R]), BV, Acc[A][R]);
    }
  }
  for (int A = 0; A < NR; ++A)
    for (int R = 0; R < RL; ++R) {
      float *Dst = C + (A * RL + R) * Ldc;
      __m512 Sum = Accumulate ? _mm512_add_ps(Acc[A][R], _mm512_loadu_ps(Dst))
                              : Acc[A][R];
      _mm512_storeu_ps(Dst, Sum);
    }
}

using RunFn = void (*)(int64_t, const float *, const int64_t *, const int64_t *,
                       const float *, int64_t, float *, int64_t, bool);
constexpr int MaxRunRows = 16;

template <int RL, int NR> constexpr RunFn runEntry() {
  if constexpr (NR * RL <= MaxRunRows)
    return runKernel16<NR, RL>;
  else
    return nullptr;
}
template <int RL, int... NRs>
constexpr std::array<RunFn, MaxRunRows>
runRow(std::integer_sequence<int, NRs...>) {
  return {runEntry<RL, NRs + 1>()...};
}
template <int... RLs>
constexpr std::array<std::array<RunFn, MaxRunRows>, MaxRunRows>
runTable(std::integer_sequence<int, RLs...>) {
  return {runRow<RLs + 1>(std::make_integer_sequence<int, MaxRunRows>())...};
}

// C[NRuns * RL x 16] (+)= rows in runs (see runKernel16), RL <= 16, as many
// runs per tile as fit in 16 rows.
void runGemm16(int64_t NRuns, int64_t RL, int64_t K, const float *X,
               const int64_t *Start, const int64_t *Off, const float *B,
               int64_t Ldb, float *C, int64_t Ldc, bool Accumulate) {
  static constexpr auto Table =
      runTable(std::make_integer_sequence<int, MaxRunRows>());
  int64_t PerTile = std::max<int64_t>(1, MaxRunRows / RL);
  for (int64_t A = 0; A < NRuns; A += PerTile) {
    int64_t NR = std::min(PerTile, NRuns - A);
    Table[RL - 1][NR - 1](K, X, Start + A, Off, B, Ldb, C + A * RL * Ldc, Ldc,
                          Accumulate);
  }
}

bool haveAvx512() {
  static const bool Have = __builtin_cpu_supports("avx512f") &&
                           __builtin_cpu_supports("avx2") &&
                           __builtin_cpu_supports("fma");
  return Have;
}

// Rows of a posGemm that come in runs of consecutive offsets (output
// positions of one output row, taps of one kernel row): Start[a] begins
// run a, each RL long.
struct Runs {
  std::vector<int64_t> Start;
  int64_t Len = 0;
};

void posGemmAny(int64_t NV, int64_t M, int64_t K, const float *X,
                const int64_t *Pos, const int64_t *Off, const float *B,
                int64_t Ldb, float *C, int64_t Ldc, bool Accumulate,
                const Runs *RowRuns = nullptr) {
  if (NV == 2 && haveAvx512() && RowRuns && RowRuns->Len <= MaxRunRows &&
      int64_t(RowRuns->Start.size()) * RowRuns->Len == M)
    runGemm16(int64_t(RowRuns->Start.size()), RowRuns->Len, K, X,
              RowRuns->Start.data(), Off, B, Ldb, C, Ldc, Accumulate);
  else if (NV == 1)
    posGemm<1>(M, K, X, Pos, Off, B, Ldb, C, Ldc, Accumulate);
  else
    posGemm<2>(M, K, X, Pos, Off, B, Ldb, C, Ldc, Accumulate);
}

bool haveAvx2() {
  static const bool Have =
      __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return Have;
}

// The padded image of one sample and the tap offsets into it.
struct PaddedImage {
  int64_t Hp, Wp, Channels;
  std::vector<float> Buf;
  std::vector<int64_t> Off;

  PaddedImage(const ConvGeom &G, int64_t Channels)
      : Hp(G.H + 2 * G.PH), Wp(G.W + 2 * G.PW), Channels(Channels) {
    if (G.PH || G.PW)
      Buf.assign(Channels * Hp * Wp, 0.0f); // Borders stay zero.
    for (int64_t C = 0; C < G.C; ++C)
      for (int64_t I = 0; I < G.KH; ++I)
        for (int64_t J = 0; J < G.KW; ++J)
          Off.push_back(C * Hp * Wp + I * G.DH * Wp + J * G.DW);
  }
  // The sample's [Channels, Hp, Wp] image.
  const float *load(const ConvGeom &G, const float *Img) {
    if (Buf.empty())
      return Img;
    for (int64_t C = 0; C < Channels; ++C)
      for (int64_t H = 0; H < G.H; ++H)
        std::memcpy(&Buf[(C * Hp + H + G.PH) * Wp + G.PW],
                    Img + (C * G.H + H) * G.W, G.W * sizeof(float));
    return Buf.data();
  }
};

// Real output positions as offsets into the padded image.
std::vector<int64_t> positions(const ConvGeom &G, int64_t Wp) {
  std::vector<int64_t> Pos;
  for (int64_t Oh = 0; Oh < G.OH; ++Oh)
    for (int64_t Ow = 0; Ow < G.OW; ++Ow)
      Pos.push_back(Oh * Wp + Ow);
  return Pos;
}

// The output positions (positions()) as runs, one per output row.
Runs outputRowRuns(const ConvGeom &G, int64_t Wp) {
  Runs R;
  R.Len = G.OW;
  for (int64_t Oh = 0; Oh < G.OH; ++Oh)
    R.Start.push_back(Oh * Wp);
  return R;
}

// Samples per parallelFor chunk: enough multiply-adds to pay for a thread.
int64_t sampleGrain(const ConvGeom &G, int64_t Cout) {
  int64_t Work = std::max<int64_t>(1, G.rows() * Cout * G.positions());
  return std::max<int64_t>(1, (int64_t(1) << 16) / Work);
}

void channelMajorForward(const ConvGeom &G, int64_t N, int64_t Groups,
                         int64_t Cout, const float *In, const float *Wt,
                         const float *Bias, float *Out) {
  int64_t K = G.rows(), Cog = Cout / Groups, P = G.positions();
  std::vector<int64_t> Pos = positions(G, G.W + 2 * G.PW);
  Runs OutRows = outputRowRuns(G, G.W + 2 * G.PW);
  // WT[g][L][co] = Wt[g * Cog + co][L]: the B operand, channels contiguous.
  std::vector<float> WT(Groups * K * Cog);
  for (int64_t Gr = 0; Gr < Groups; ++Gr)
    for (int64_t Co = 0; Co < Cog; ++Co)
      for (int64_t L = 0; L < K; ++L)
        WT[(Gr * K + L) * Cog + Co] = Wt[(Gr * Cog + Co) * K + L];
  parallelFor(0, N, sampleGrain(G, Cout), [&](int64_t S0, int64_t S1) {
    PaddedImage Img(G, G.C * Groups);
    std::vector<float> Res(P * Cog);
    for (int64_t S = S0; S < S1; ++S) {
      const float *Src = Img.load(G, In + S * G.C * Groups * G.H * G.W);
      for (int64_t Gr = 0; Gr < Groups; ++Gr) {
        posGemmAny(Cog / 8, P, K, Src + Gr * G.C * Img.Hp * Img.Wp, Pos.data(),
                   Img.Off.data(), WT.data() + Gr * K * Cog, Cog, Res.data(),
                   Cog, false, &OutRows);
        for (int64_t Co = 0; Co < Cog; ++Co) {
          int64_t C = Gr * Cog + Co;
          float B = Bias ? Bias[C] : 0.0f;
          float *O = Out + (S * Cout + C) * P;
          for (int64_t I = 0; I < P; ++I)
            O[I] = Res[I * Cog + Co] + B;
        }
      }
    }
  });
}

} // namespace

bool directConv2d(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cout,
                  const float *In, const float *Wt, const float *Bias,
                  float *Out) {
  if (G.SH != 1 || G.SW != 1 || !haveAvx2())
    return false;
  int64_t K = G.rows(), Cog = Cout / Groups;
  if (Cog == 8 || Cog == 16) {
    channelMajorForward(G, N, Groups, Cout, In, Wt, Bias, Out);
    return true;
  }
  parallelFor(0, N, sampleGrain(G, Cout), [&](int64_t S0, int64_t S1) {
    PaddedImage Img(G, G.C * Groups);
    int64_t Nw = (G.OH - 1) * Img.Wp + G.OW;
    std::vector<float> Res(Cout * Nw);
    for (int64_t S = S0; S < S1; ++S) {
      const float *Src = Img.load(G, In + S * G.C * Groups * G.H * G.W);
      for (int64_t Gr = 0; Gr < Groups; ++Gr)
        rowsGemm(Cog, Nw, K, Wt + Gr * Cog * K, K,
                 Src + Gr * G.C * Img.Hp * Img.Wp, Img.Off.data(),
                 Res.data() + Gr * Cog * Nw, Nw);
      for (int64_t Co = 0; Co < Cout; ++Co) {
        float B = Bias ? Bias[Co] : 0.0f;
        for (int64_t Oh = 0; Oh < G.OH; ++Oh) {
          const float *R = Res.data() + Co * Nw + Oh * Img.Wp;
          float *O = Out + ((S * Cout + Co) * G.OH + Oh) * G.OW;
          for (int64_t Ow = 0; Ow < G.OW; ++Ow)
            O[Ow] = R[Ow] + B;
        }
      }
    }
  });
  return true;
}

bool directConv2dGradWeight(const ConvGeom &G, int64_t N, int64_t Groups,
                            int64_t Cout, const float *GradOut, const float *In,
                            float *GradW) {
  if (G.SH != 1 || G.SW != 1 || !haveAvx2())
    return false;
  PaddedImage Img(G, G.C * Groups);
  int64_t Nw = (G.OH - 1) * Img.Wp + G.OW, K = G.rows(), Cog = Cout / Groups;
  if (Cog == 8 || Cog == 16) {
    // gWT[L][co] += sum_p X[Pos[p] + Off[L]] * GoT[p][co]: the same kernel
    // with the roles of taps and positions swapped (Off as positions).
    int64_t P = G.positions();
    std::vector<int64_t> Pos = positions(G, Img.Wp);
    // Taps (c, i, 0..KW-1) are consecutive when the dilation is 1.
    Runs TapRows;
    TapRows.Len = G.KW;
    for (int64_t L = 0; L < K; L += G.KW)
      TapRows.Start.push_back(Img.Off[L]);
    std::vector<float> GoT(P * Cog), GWT(Groups * K * Cog, 0.0f);
    for (int64_t S = 0; S < N; ++S) {
      const float *Src = Img.load(G, In + S * G.C * Groups * G.H * G.W);
      for (int64_t Gr = 0; Gr < Groups; ++Gr) {
        for (int64_t Co = 0; Co < Cog; ++Co) {
          const float *Go = GradOut + (S * Cout + Gr * Cog + Co) * P;
          for (int64_t I = 0; I < P; ++I)
            GoT[I * Cog + Co] = Go[I];
        }
        posGemmAny(Cog / 8, K, P, Src + Gr * G.C * Img.Hp * Img.Wp,
                   Img.Off.data(), Pos.data(), GoT.data(), Cog,
                   GWT.data() + Gr * K * Cog, Cog, true,
                   G.DW == 1 ? &TapRows : nullptr);
      }
    }
    for (int64_t Gr = 0; Gr < Groups; ++Gr)
      for (int64_t Co = 0; Co < Cog; ++Co)
        for (int64_t L = 0; L < K; ++L)
          GradW[(Gr * Cog + Co) * K + L] += GWT[(Gr * K + L) * Cog + Co];
    return true;
  }
  // The gradient on the wide grid, zero in the junk columns.
  std::vector<float> Wide(Cout * Nw, 0.0f);
  for (int64_t S = 0; S < N; ++S) {
    const float *Src = Img.load(G, In + S * G.C * Groups * G.H * G.W);
    for (int64_t Co = 0; Co < Cout; ++Co)
      for (int64_t Oh = 0; Oh < G.OH; ++Oh)
        std::memcpy(&Wide[Co * Nw + Oh * Img.Wp],
                    GradOut + ((S * Cout + Co) * G.OH + Oh) * G.OW,
                    G.OW * sizeof(float));
    for (int64_t Gr = 0; Gr < Groups; ++Gr)
      dotGemm(Cog, Nw, K, Wide.data() + Gr * Cog * Nw, Nw,
              Src + Gr * G.C * Img.Hp * Img.Wp, Img.Off.data(),
              GradW + Gr * Cog * K, K);
  }
  return true;
}
#endif

} // namespace janus::rt::nn
