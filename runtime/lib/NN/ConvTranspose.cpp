//===- ConvTranspose.cpp - conv_transpose2d forward and backward ----------===//
//
// F.conv_transpose2d is the adjoint of conv2d: its forward is conv2d's input
// gradient (weightT x input, then col2im into the larger output) and its
// input gradient is a conv2d of gradOut (im2col, then weight x columns).
// The geometry below therefore describes the *output* as the image and the
// input as the grid of kernel positions. Weight is [Cin, Cout / g, kH, kW].
//
//===----------------------------------------------------------------------===//

#include "NN/Im2Col.h"


namespace janus::rt {

using namespace nn;

namespace {

ConvGeom transposedGeom(const Tensor &In, const Tensor &Weight, int64_t Groups,
                        Pair2 Stride, Pair2 Padding, Pair2 OutputPadding,
                        Pair2 Dilation) {
  ConvGeom G;
  G.C = Weight.size(1);
  G.KH = Weight.size(2);
  G.KW = Weight.size(3);
  G.SH = Stride[0];
  G.SW = Stride[1];
  G.PH = Padding[0];
  G.PW = Padding[1];
  G.DH = Dilation[0];
  G.DW = Dilation[1];
  G.OH = In.size(2);
  G.OW = In.size(3);
  G.H = (G.OH - 1) * G.SH - 2 * G.PH + G.DH * (G.KH - 1) + OutputPadding[0] + 1;
  G.W = (G.OW - 1) * G.SW - 2 * G.PW + G.DW * (G.KW - 1) + OutputPadding[1] + 1;
  (void)Groups;
  return G;
}

template <typename T>
void forward(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cin,
             const T *In, const T *Wt, const T *Bias, T *Out) {
  int64_t K = G.rows(), P = G.positions(), Cig = Cin / Groups;
  int64_t Cout = G.C * Groups, OutPlane = G.C * G.H * G.W;
  int64_t Chunk = chunkSamples(N, (K + Cig) * P);
  auto Col = scratch<T>(K * Chunk * P);
  auto X = scratch<T>(Cig * Chunk * P);
  for (int64_t N0 = 0; N0 < N; N0 += Chunk) {
    int64_t Count = std::min(Chunk, N - N0), Ld = Count * P;
    for (int64_t Gr = 0; Gr < Groups; ++Gr) {
      gatherChannels(In, Cin, P, N0, Count, Gr * Cig, Cig, X.get());
      gemm(true, false, K, Ld, Cig, T(1), Wt + Gr * Cig * K, K, X.get(), Ld,
           T(0), Col.get(), Ld);
      for (int64_t I = 0; I < Count; ++I)
        col2im(G, Col.get() + I * P, Ld,
               Out + (N0 + I) * Cout * G.H * G.W + Gr * OutPlane);
    }
  }
  if (Bias)
    for (int64_t I = 0; I < N * Cout; ++I) {
      T B = Bias[I % Cout];
      T *Plane = Out + I * G.H * G.W;
      for (int64_t J = 0; J < G.H * G.W; ++J)
        Plane[J] += B;
    }
}

template <typename T>
void backward(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cin,
              const T *GradOut, const T *In, const T *Wt, T *GradIn,
              T *GradW) {
  int64_t K = G.rows(), P = G.positions(), Cig = Cin / Groups;
  int64_t Cout = G.C * Groups, OutPlane = G.C * G.H * G.W;
  int64_t Chunk = chunkSamples(N, (K + Cig) * P);
  auto Col = scratch<T>(K * Chunk * P);
  auto X = scratch<T>(Cig * Chunk * P);
  for (int64_t N0 = 0; N0 < N; N0 += Chunk) {
    int64_t Count = std::min(Chunk, N - N0), Ld = Count * P;
    for (int64_t Gr = 0; Gr < Groups; ++Gr) {
      for (int64_t I = 0; I < Count; ++I)
        im2col(G, GradOut + (N0 + I) * Cout * G.H * G.W + Gr * OutPlane,
               Col.get() + I * P, Ld);
      if (GradW) {
        gatherChannels(In, Cin, P, N0, Count, Gr * Cig, Cig, X.get());
        gemm(false, true, Cig, K, Ld, T(1), X.get(), Ld, Col.get(), Ld, T(1),
             GradW + Gr * Cig * K, K);
      }
      if (GradIn) {
        gemm(false, false, Cig, Ld, K, T(1), Wt + Gr * Cig * K, K, Col.get(),
             Ld, T(0), X.get(), Ld);
        scatterChannels<T>(X.get(), Cin, P, N0, Count, Gr * Cig, Cig, GradIn,
                           nullptr);
      }
    }
  }
}

} // namespace

Tensor convTranspose2d(const Tensor &Input, const Tensor &Weight,
                       const Tensor &Bias, Pair2 Stride, Pair2 Padding,
                       Pair2 OutputPadding, int64_t Groups, Pair2 Dilation) {
  bool Unbatched;
  Tensor In = batchify(Input, "conv_transpose2d", Unbatched);
  checkConvArgs(In, Weight, Bias, Stride, Padding, Dilation, Groups, true,
                OutputPadding);
  Tensor Wt = contiguous(Weight);
  ConvGeom G = transposedGeom(In, Wt, Groups, Stride, Padding, OutputPadding,
                              Dilation);
  int64_t N = In.size(0);
  Tensor Out = zeros({N, G.C * Groups, G.H, G.W}, In.dtype());
  dispatchFloat(In.dtype(), "slow_conv_transpose2d_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    Tensor B = Bias ? contiguous(Bias) : Tensor();
    forward<T>(G, N, Groups, In.size(1), In.dataPtr<T>(), Wt.dataPtr<T>(),
               B ? B.dataPtr<T>() : nullptr, Out.dataPtr<T>());
  });
  return Unbatched ? squeeze(Out, 0) : Out;
}

InputWeightBiasGrads
convTranspose2dBackward(const Tensor &GradOut, const Tensor &Input,
                        const Tensor &Weight, Pair2 Stride, Pair2 Padding,
                        Pair2 OutputPadding, int64_t Groups, Pair2 Dilation,
                        GradMask Mask) {
  bool Unbatched;
  Tensor In = batchify(Input, "conv_transpose2d", Unbatched);
  Tensor Wt = contiguous(Weight);
  Tensor Go = contiguous(Unbatched ? unsqueeze(GradOut, 0) : GradOut);
  ConvGeom G = transposedGeom(In, Wt, Groups, Stride, Padding, OutputPadding,
                              Dilation);
  int64_t N = In.size(0), Cout = G.C * Groups;
  InputWeightBiasGrads R;
  if (Mask[0])
    R.Input = empty(In.sizes(), In.dtype());
  if (Mask[1])
    R.Weight = zeros(Wt.sizes(), Wt.dtype());
  if (Mask[2])
    R.Bias = empty({Cout}, Wt.dtype());
  dispatchFloat(In.dtype(), "slow_conv_transpose2d_backward_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    if (Mask[0] || Mask[1])
      backward<T>(G, N, Groups, In.size(1), Go.dataPtr<T>(), In.dataPtr<T>(),
                  Wt.dataPtr<T>(), Mask[0] ? R.Input.dataPtr<T>() : nullptr,
                  Mask[1] ? R.Weight.dataPtr<T>() : nullptr);
    if (Mask[2])
      sumChannels(Go.dataPtr<T>(), N, Cout, G.H * G.W, R.Bias.dataPtr<T>());
  });
  if (Unbatched && R.Input)
    R.Input = squeeze(R.Input, 0);
  return R;
}

} // namespace janus::rt
