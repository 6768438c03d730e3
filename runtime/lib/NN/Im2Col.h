//===- Im2Col.h - Column buffers for convolution as gemm --------*- C++ -*-===//
//
// Internal to runtime/lib/NN. A 2-D convolution of a [C, H, W] image becomes
// one matrix product with its "column" matrix [C * kH * kW, OH * OW], whose
// row (c, i, j) holds the input pixel each output position sees through
// kernel tap (i, j). Columns of several samples sit side by side (leading
// dimension Ld = samples * OH * OW) so that one gemm covers a whole batch
// chunk: many small products are much slower than one wide one.
//
// col2im is the adjoint (sum the columns back into the image); it computes
// the input gradient of conv2d and the forward of conv_transpose2d.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_NN_IM2COL_H
#define JANUS_RUNTIME_NN_IM2COL_H

#include "NN/NNUtil.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

namespace janus::rt::nn {

/// The geometry of one convolution: an image of C x H x W seen through a
/// kH x kW kernel gives OH x OW positions.
struct ConvGeom {
  int64_t C, H, W, KH, KW, SH, SW, PH, PW, DH, DW, OH, OW;
  int64_t rows() const { return C * KH * KW; }
  int64_t positions() const { return OH * OW; }
};

/// The output positions [Lo, Hi) whose input coordinate o * S - P + k * D
/// lies in [0, Size).
inline void validRange(int64_t Size, int64_t Out, int64_t S, int64_t P,
                       int64_t Off, int64_t &Lo, int64_t &Hi) {
  // Smallest o with o * S - P + Off >= 0, largest with < Size.
  int64_t Base = Off - P;
  Lo = Base >= 0 ? 0 : (-Base + S - 1) / S;
  Hi = Base >= Size ? 0 : (Size - Base + S - 1) / S;
  Lo = std::min(Lo, Out);
  Hi = std::max(std::min(Hi, Out), Lo);
}

/// Col[r][o] (leading dimension Ld) from the image Img [C, H, W].
template <typename T>
void im2col(const ConvGeom &G, const T *Img, T *Col, int64_t Ld) {
  for (int64_t C = 0; C < G.C; ++C)
    for (int64_t I = 0; I < G.KH; ++I)
      for (int64_t J = 0; J < G.KW; ++J) {
        T *Row = Col + ((C * G.KH + I) * G.KW + J) * Ld;
        const T *Plane = Img + C * G.H * G.W;
        int64_t OwLo, OwHi;
        validRange(G.W, G.OW, G.SW, G.PW, J * G.DW, OwLo, OwHi);
        for (int64_t Oh = 0; Oh < G.OH; ++Oh) {
          T *Out = Row + Oh * G.OW;
          int64_t Ih = Oh * G.SH - G.PH + I * G.DH;
          if (Ih < 0 || Ih >= G.H) {
            std::fill(Out, Out + G.OW, T(0));
            continue;
          }
          std::fill(Out, Out + OwLo, T(0));
          std::fill(Out + OwHi, Out + G.OW, T(0));
          // Input column of output position Ow is Ow * SW + Base.
          const T *In = Plane + Ih * G.W;
          int64_t Base = J * G.DW - G.PW;
          // Rows are short (LeNet: 8-24 elements): an inline loop, not a
          // memcpy call per row, which would dominate the time.
          if (G.SW == 1)
            for (int64_t Ow = OwLo; Ow < OwHi; ++Ow)
              Out[Ow] = In[Ow + Base];
          else
            for (int64_t Ow = OwLo; Ow < OwHi; ++Ow)
              Out[Ow] = In[Ow * G.SW + Base];
        }
      }
}

/// Out[i] += In[i]. The rows never overlap; saying so lets the compiler
/// vectorize without a run-time alias check, which cost more than the adds
/// on LeNet's 8-element rows.
template <typename T>
inline void addRow(T *__restrict Out, const T *__restrict In, int64_t N) {
  for (int64_t I = 0; I < N; ++I)
    Out[I] += In[I];
}

/// col2im for float32 with stride 1 on CPUs with AVX2: each row add is
/// one vector operation per 8 elements (rows are 8 elements in LeNet's
/// second layer, where the auto-vectorized loop cost as much as the gemm).
/// Same loop order and one add per element, so the same sums. Returns
/// false, doing nothing, elsewhere.
bool col2imAvx2(const ConvGeom &G, const float *Col, int64_t Ld, float *Img);

/// Img [C, H, W] += the columns Col (leading dimension Ld) summed back.
/// Taps (i, j) are the outer loops and channels the inner ones: taps j and
/// j + 1 add to the same image row one element apart, and with channels in
/// between the first add's store has left the store buffer before the
/// second reads the row (otherwise every row add waits on a failed store
/// forward). Each element still receives its taps in (i, j) order.
template <typename T>
void col2im(const ConvGeom &G, const T *Col, int64_t Ld, T *Img) {
  if constexpr (std::is_same_v<T, float>)
    if (col2imAvx2(G, Col, Ld, Img))
      return;
  for (int64_t I = 0; I < G.KH; ++I)
    for (int64_t J = 0; J < G.KW; ++J)
      for (int64_t C = 0; C < G.C; ++C) {
        const T *Row = Col + ((C * G.KH + I) * G.KW + J) * Ld;
        T *Plane = Img + C * G.H * G.W;
        int64_t OwLo, OwHi;
        validRange(G.W, G.OW, G.SW, G.PW, J * G.DW, OwLo, OwHi);
        for (int64_t Oh = 0; Oh < G.OH; ++Oh) {
          int64_t Ih = Oh * G.SH - G.PH + I * G.DH;
          if (Ih < 0 || Ih >= G.H)
            continue;
          const T *In = Row + Oh * G.OW;
          T *Out = Plane + Ih * G.W;
          int64_t Base = J * G.DW - G.PW;
          if (G.SW == 1)
            addRow(Out + OwLo + Base, In + OwLo, OwHi - OwLo);
          else
            for (int64_t Ow = OwLo; Ow < OwHi; ++Ow)
              Out[Ow * G.SW + Base] += In[Ow];
        }
      }
}

/// Dst [Cg, Count * P] = channels [C0, C0 + Cg) of samples [N0, N0 + Count)
/// of Src [N, Ctot, P]: the channel-major layout a grouped gemm needs.
template <typename T>
void gatherChannels(const T *Src, int64_t Ctot, int64_t P, int64_t N0,
                    int64_t Count, int64_t C0, int64_t Cg, T *Dst) {
  for (int64_t C = 0; C < Cg; ++C)
    for (int64_t N = 0; N < Count; ++N)
      std::memcpy(Dst + (C * Count + N) * P,
                  Src + ((N0 + N) * Ctot + C0 + C) * P, P * sizeof(T));
}

/// The inverse of gatherChannels; adds Bias[c] (when given) while copying.
template <typename T>
void scatterChannels(const T *Src, int64_t Ctot, int64_t P, int64_t N0,
                     int64_t Count, int64_t C0, int64_t Cg, T *Dst,
                     const T *Bias) {
  for (int64_t C = 0; C < Cg; ++C)
    for (int64_t N = 0; N < Count; ++N) {
      const T *In = Src + (C * Count + N) * P;
      T *Out = Dst + ((N0 + N) * Ctot + C0 + C) * P;
      T B = Bias ? Bias[C0 + C] : T(0);
      for (int64_t I = 0; I < P; ++I)
        Out[I] = In[I] + B;
    }
}

/// How many samples one column buffer holds: about 128K elements, so that
/// the columns im2col writes are still in L2 cache when the gemm reads them
/// (a whole-batch buffer of a few MiB made im2col + gemm memory-bound).
inline int64_t chunkSamples(int64_t N, int64_t ElemsPerSample) {
  const int64_t Budget = int64_t(128) << 10;
  return std::max<int64_t>(
      1, std::min<int64_t>(N, Budget / std::max<int64_t>(1, ElemsPerSample)));
}

/// An uninitialised scratch buffer (std::vector would zero it first).
template <typename T> std::unique_ptr<T[]> scratch(int64_t N) {
  return std::unique_ptr<T[]>(new T[std::max<int64_t>(N, 1)]);
}

/// grad_bias[c] = sum of GradOut [N, C, P] over N and P, accumulated in
/// double, in eight partial sums (one add chain made this a tenth of a
/// LeNet step).
template <typename T>
void sumChannels(const T *GradOut, int64_t N, int64_t C, int64_t P, T *Out) {
  for (int64_t Ch = 0; Ch < C; ++Ch) {
    double Acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    double S = 0;
    for (int64_t I = 0; I < N; ++I) {
      const T *Row = GradOut + (I * C + Ch) * P;
      int64_t J = 0;
      for (; J + 8 <= P; J += 8)
        for (int K = 0; K < 8; ++K)
          Acc[K] += Row[J + K];
      for (; J < P; ++J)
        S += Row[J];
    }
    for (double A : Acc)
      S += A;
    Out[Ch] = T(S);
  }
}

/// Argument checks shared by conv2d and conv_transpose2d, in PyTorch's
/// order and with its messages (check_shape_forward and friends). Input is
/// already batched (4-D).
void checkConvArgs(const Tensor &Input, const Tensor &Weight,
                   const Tensor &Bias, Pair2 Stride, Pair2 Padding,
                   Pair2 Dilation, int64_t Groups, bool Transposed,
                   Pair2 OutputPadding);

/// Input as a contiguous 4-D tensor (unbatched [C, H, W] gains N = 1), with
/// PyTorch's message for other ranks naming Op.
Tensor batchify(const Tensor &Input, const char *Op, bool &Unbatched);

} // namespace janus::rt::nn

#endif // JANUS_RUNTIME_NN_IM2COL_H
