//===- Conv.cpp - conv2d forward and backward via im2col + gemm -----------===//
//
// F.conv2d and its gradients. For each group and each chunk of samples the
// columns of all the chunk's samples are built side by side, so the forward
// is one gemm [Cout/g, K] x [K, chunk * OH * OW] per group and chunk, and
// the backward two (weight: gradOut x colsT; input: weightT x gradOut, then
// col2im). gemm results come out channel-major and are scattered back to
// NCHW. PyTorch sums in another order (oneDNN or its own im2col), so results
// agree to rounding, not bitwise. The forward's chunks of samples (and the
// direct kernels' samples) run on the intra-op threads; the weight gradient
// sums over the batch and stays on one thread.
//
//===----------------------------------------------------------------------===//

#include "NN/DirectConv.h"
#include "NN/Im2Col.h"
#include "Threading/Parallel.h"

namespace janus::rt {

using namespace nn;

namespace {

ConvGeom convGeom(const Tensor &In, const Tensor &Weight, int64_t Groups,
                  Pair2 Stride, Pair2 Padding, Pair2 Dilation) {
  ConvGeom G;
  G.C = In.size(1) / Groups;
  G.H = In.size(2);
  G.W = In.size(3);
  G.KH = Weight.size(2);
  G.KW = Weight.size(3);
  G.SH = Stride[0];
  G.SW = Stride[1];
  G.PH = Padding[0];
  G.PW = Padding[1];
  G.DH = Dilation[0];
  G.DW = Dilation[1];
  G.OH = (G.H + 2 * G.PH - G.DH * (G.KH - 1) - 1) / G.SH + 1;
  G.OW = (G.W + 2 * G.PW - G.DW * (G.KW - 1) - 1) / G.SW + 1;
  return G;
}

template <typename T>
void convForward(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cout,
                 const T *In, const T *Wt, const T *Bias, T *Out) {
  int64_t K = G.rows(), P = G.positions(), Cog = Cout / Groups;
  int64_t Chunk = chunkSamples(N, (K + Cog) * P);
  int64_t ImgSize = G.C * Groups * G.H * G.W;
  // Chunks of samples are independent: split them over the threads.
  parallelFor(0, (N + Chunk - 1) / Chunk, 1, [&](int64_t C0, int64_t C1) {
    auto Col = scratch<T>(K * Chunk * P);
    auto Res = scratch<T>(Cog * Chunk * P);
    for (int64_t N0 = C0 * Chunk; N0 < std::min(N, C1 * Chunk); N0 += Chunk) {
      int64_t Count = std::min(Chunk, N - N0), Ld = Count * P;
      for (int64_t Gr = 0; Gr < Groups; ++Gr) {
        for (int64_t I = 0; I < Count; ++I)
          im2col(G, In + (N0 + I) * ImgSize + Gr * G.C * G.H * G.W,
                 Col.get() + I * P, Ld);
        gemm(false, false, Cog, Ld, K, T(1), Wt + Gr * Cog * K, K, Col.get(),
             Ld, T(0), Res.get(), Ld);
        scatterChannels(Res.get(), Cout, P, N0, Count, Gr * Cog, Cog, Out,
                        Bias);
      }
    }
  });
}

template <typename T>
void convBackward(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cout,
                  const T *GradOut, const T *In, const T *Wt, T *GradIn,
                  T *GradW) {
  int64_t K = G.rows(), P = G.positions(), Cog = Cout / Groups;
  int64_t Chunk = chunkSamples(N, (K + Cog) * P);
  auto Col = scratch<T>(K * Chunk * P);
  auto Go = scratch<T>(Cog * Chunk * P);
  int64_t ImgSize = G.C * Groups * G.H * G.W, Plane = G.C * G.H * G.W;
  for (int64_t N0 = 0; N0 < N; N0 += Chunk) {
    int64_t Count = std::min(Chunk, N - N0), Ld = Count * P;
    for (int64_t Gr = 0; Gr < Groups; ++Gr) {
      gatherChannels(GradOut, Cout, P, N0, Count, Gr * Cog, Cog, Go.get());
      if (GradW) {
        for (int64_t I = 0; I < Count; ++I)
          im2col(G, In + (N0 + I) * ImgSize + Gr * Plane, Col.get() + I * P,
                 Ld);
        gemm(false, true, Cog, K, Ld, T(1), Go.get(), Ld, Col.get(), Ld,
             N0 == 0 ? T(0) : T(1), GradW + Gr * Cog * K, K);
      }
      if (GradIn) {
        gemm(true, false, K, Ld, Cog, T(1), Wt + Gr * Cog * K, K, Go.get(), Ld,
             T(0), Col.get(), Ld);
        for (int64_t I = 0; I < Count; ++I)
          col2im(G, Col.get() + I * P, Ld,
                 GradIn + (N0 + I) * ImgSize + Gr * Plane);
      }
    }
  }
}

// The input gradient of a stride-1 conv2d is a stride-1 convolution of
// GradOut, padded by (K - 1) * D - P, with the weight flipped and its two
// channel dimensions swapped within each group:
//   W'[g * C + c, co, i, j] = W[g * Cog + co, c, KH - 1 - i, KW - 1 - j].
bool directGradInput(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cout,
                     const Tensor &Go, const Tensor &Wt, const Tensor &GradIn) {
  ConvGeom T = G;
  T.PH = (G.KH - 1) * G.DH - G.PH;
  T.PW = (G.KW - 1) * G.DW - G.PW;
  if (G.SH != 1 || G.SW != 1 || T.PH < 0 || T.PW < 0)
    return false;
  // The direct kernel computes every position of the padded gradient's wide
  // grid, (H - 1) * (OW + 2 * PW') + W per channel pair, against the
  // OH * OW of gemm + col2im. For small outputs (LeNet's second layer: 232
  // against 64) that is several times the work, and gemm + col2im wins.
  int64_t Wide = (G.H - 1) * (G.OW + 2 * T.PW) + G.W;
  if (Wide > 2 * G.positions())
    return false;
  int64_t Cog = Cout / Groups;
  T.C = Cog;
  T.H = G.OH;
  T.W = G.OW;
  T.OH = G.H;
  T.OW = G.W;
  Tensor Flipped = empty({G.C * Groups, Cog, G.KH, G.KW}, DType::Float32);
  const float *W = Wt.dataPtr<float>();
  float *F = Flipped.dataPtr<float>();
  for (int64_t Gr = 0; Gr < Groups; ++Gr)
    for (int64_t C = 0; C < G.C; ++C)
      for (int64_t Co = 0; Co < Cog; ++Co)
        for (int64_t I = 0; I < G.KH; ++I)
          for (int64_t J = 0; J < G.KW; ++J)
            F[(((Gr * G.C + C) * Cog + Co) * G.KH + I) * G.KW + J] =
                W[(((Gr * Cog + Co) * G.C + C) * G.KH + G.KH - 1 - I) * G.KW +
                  G.KW - 1 - J];
  return directConv2d(T, N, Groups, G.C * Groups, Go.dataPtr<float>(), F,
                      nullptr, GradIn.dataPtr<float>());
}

} // namespace

Tensor conv2d(const Tensor &Input, const Tensor &Weight, const Tensor &Bias,
              Pair2 Stride, Pair2 Padding, Pair2 Dilation, int64_t Groups) {
  bool Unbatched;
  Tensor In = batchify(Input, "conv2d", Unbatched);
  checkConvArgs(In, Weight, Bias, Stride, Padding, Dilation, Groups, false,
                {0, 0});
  Tensor Wt = contiguous(Weight);
  ConvGeom G = convGeom(In, Wt, Groups, Stride, Padding, Dilation);
  int64_t N = In.size(0), Cout = Wt.size(0);
  Tensor Out = empty({N, Cout, G.OH, G.OW}, In.dtype());
  dispatchFloat(In.dtype(), "slow_conv2d_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    Tensor B = Bias ? contiguous(Bias) : Tensor();
    if constexpr (std::is_same_v<T, float>)
      if (directConv2d(G, N, Groups, Cout, In.dataPtr<T>(), Wt.dataPtr<T>(),
                       B ? B.dataPtr<T>() : nullptr, Out.dataPtr<T>()))
        return;
    convForward<T>(G, N, Groups, Cout, In.dataPtr<T>(), Wt.dataPtr<T>(),
                   B ? B.dataPtr<T>() : nullptr, Out.dataPtr<T>());
  });
  return Unbatched ? squeeze(Out, 0) : Out;
}

InputWeightBiasGrads conv2dBackward(const Tensor &GradOut, const Tensor &Input,
                                    const Tensor &Weight, Pair2 Stride,
                                    Pair2 Padding, Pair2 Dilation,
                                    int64_t Groups, GradMask Mask) {
  bool Unbatched;
  Tensor In = batchify(Input, "conv2d", Unbatched);
  Tensor Wt = contiguous(Weight);
  Tensor Go = contiguous(Unbatched ? unsqueeze(GradOut, 0) : GradOut);
  ConvGeom G = convGeom(In, Wt, Groups, Stride, Padding, Dilation);
  int64_t N = In.size(0), Cout = Wt.size(0);
  InputWeightBiasGrads R;
  if (Mask[0])
    R.Input = zeros(In.sizes(), In.dtype());
  if (Mask[1])
    R.Weight = zeros(Wt.sizes(), Wt.dtype());
  if (Mask[2])
    R.Bias = empty({Cout}, Wt.dtype());
  dispatchFloat(In.dtype(), "slow_conv2d_backward_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    bool NeedIn = Mask[0], NeedW = Mask[1];
    if constexpr (std::is_same_v<T, float>) {
      if (NeedW &&
          directConv2dGradWeight(G, N, Groups, Cout, Go.dataPtr<T>(),
                                 In.dataPtr<T>(), R.Weight.dataPtr<T>()))
        NeedW = false;
      if (NeedIn && directGradInput(G, N, Groups, Cout, Go, Wt, R.Input))
        NeedIn = false;
    }
    if (NeedIn || NeedW)
      convBackward<T>(G, N, Groups, Cout, Go.dataPtr<T>(), In.dataPtr<T>(),
                      Wt.dataPtr<T>(), NeedIn ? R.Input.dataPtr<T>() : nullptr,
                      NeedW ? R.Weight.dataPtr<T>() : nullptr);
    if (Mask[2])
      sumChannels(Go.dataPtr<T>(), N, Cout, G.positions(), R.Bias.dataPtr<T>());
  });
  if (Unbatched && R.Input)
    R.Input = squeeze(R.Input, 0);
  return R;
}

} // namespace janus::rt
