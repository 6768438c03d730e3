//===- Activation.cpp - leaky_relu, fused backwards, constant padding -----===//
//
// F.leaky_relu (x > 0 ? x : x * slope, gradient likewise), the fused
// backwards of relu, tanh and sigmoid (one pass and one result instead of
// three elementwise ops, with the same roundings in the same order), and
// F.pad in constant mode: the output is filled with the value
// and the overlap of input and output (negative pads crop) is copied; the
// backward is that overlap of the gradient.
//
//===----------------------------------------------------------------------===//

#include "NN/NNUtil.h"
#include "Tensor/Loops.h"

namespace janus::rt {

using namespace nn;

Tensor leakyRelu(const Tensor &Input, double NegativeSlope) {
  Tensor In = contiguous(Input);
  Tensor Out = empty(In.sizes(), In.dtype());
  dispatchFloat(In.dtype(), "leaky_relu_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    T S = T(NegativeSlope);
    for (int64_t I = 0, N = In.numel(); I < N; ++I)
      O[I] = selectBits(X[I] > T(0), X[I], X[I] * S); // No branch: vectorizes.
  });
  return Out;
}

Tensor leakyReluBackward(const Tensor &GradOut, const Tensor &Input,
                         double NegativeSlope) {
  Tensor In = contiguous(Input), Go = contiguous(GradOut);
  Tensor Out = empty(In.sizes(), In.dtype());
  dispatchFloat(In.dtype(), "leaky_relu_backward_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>(), *G = Go.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    T S = T(NegativeSlope);
    for (int64_t I = 0, N = In.numel(); I < N; ++I)
      O[I] = selectBits(X[I] > T(0), G[I], G[I] * S);
  });
  return Out;
}

Tensor reluBackward(const Tensor &GradOut, const Tensor &Result) {
  Tensor Y = contiguous(Result), Go = contiguous(GradOut);
  Tensor Out = empty(Y.sizes(), Y.dtype());
  dispatchFloat(Y.dtype(), "threshold_backward_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = Y.dataPtr<T>(), *G = Go.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    // A select on the bits, not a branch: the mask is data-dependent.
    for (int64_t I = 0, N = Y.numel(); I < N; ++I)
      O[I] = selectBits(X[I] <= T(0), T(0), G[I]);
  });
  return Out;
}

Tensor tanhBackward(const Tensor &GradOut, const Tensor &Result) {
  Tensor Y = contiguous(Result), Go = contiguous(GradOut);
  Tensor Out = empty(Y.sizes(), Y.dtype());
  dispatchFloat(Y.dtype(), "tanh_backward_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = Y.dataPtr<T>(), *G = Go.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    for (int64_t I = 0, N = Y.numel(); I < N; ++I) {
      T Square = X[I] * X[I]; // Rounded before the subtraction.
      T OneMinus = T(1) - Square;
      O[I] = G[I] * OneMinus;
    }
  });
  return Out;
}

Tensor sigmoidBackward(const Tensor &GradOut, const Tensor &Result) {
  Tensor Y = contiguous(Result), Go = contiguous(GradOut);
  Tensor Out = empty(Y.sizes(), Y.dtype());
  dispatchFloat(Y.dtype(), "sigmoid_backward_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = Y.dataPtr<T>(), *G = Go.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    for (int64_t I = 0, N = Y.numel(); I < N; ++I) {
      T Scaled = G[I] * (T(1) - X[I]); // Rounded before the product.
      O[I] = Scaled * X[I];
    }
  });
  return Out;
}

namespace {
// The views of Src and Dst that overlap when Dst is Src padded by Pads.
void overlap(Tensor &Src, Tensor &Dst, const Shape &Pads) {
  int64_t R = Src.dim();
  for (size_t P = 0; P < Pads.size() / 2; ++P) {
    int64_t D = R - 1 - int64_t(P);
    int64_t Before = Pads[2 * P], After = Pads[2 * P + 1];
    int64_t SrcStart = std::max<int64_t>(0, -Before);
    int64_t DstStart = std::max<int64_t>(0, Before);
    int64_t Len = Src.size(D) - SrcStart - std::max<int64_t>(0, -After);
    Len = std::max<int64_t>(0, Len);
    Src = narrow(Src, D, SrcStart, Len);
    Dst = narrow(Dst, D, DstStart, Len);
  }
}

Shape paddedShape(const Shape &In, const Shape &Pads) {
  if (Pads.size() % 2 != 0)
    fail("Padding length must be divisible by 2");
  if (Pads.size() / 2 > In.size())
    fail("Padding length too large");
  Shape Out = In;
  int64_t R = int64_t(In.size());
  for (size_t P = 0; P < Pads.size() / 2; ++P) {
    int64_t D = R - 1 - int64_t(P);
    // constant_pad_nd first crops with narrow() for each negative pad, so
    // over-cropping fails with narrow's message.
    auto Crop = [](int64_t Start, int64_t Len, int64_t Size) {
      if (Len < 0 || Start > Size - Len)
        fail("start (" + std::to_string(Start) + ") + length (" +
             std::to_string(Len) + ") exceeds dimension size (" +
             std::to_string(Size) + ").");
      return Len;
    };
    int64_t Size = In[D];
    if (Pads[2 * P] < 0)
      Size = Crop(-Pads[2 * P], Size + Pads[2 * P], Size);
    if (Pads[2 * P + 1] < 0)
      Size = Crop(0, Size + Pads[2 * P + 1], Size);
    Out[D] = In[D] + Pads[2 * P] + Pads[2 * P + 1];
  }
  return Out;
}
} // namespace

Tensor constantPad(const Tensor &Input, const Shape &Pads, double Value) {
  Shape OutShape = paddedShape(Input.sizes(), Pads);
  Tensor Out = full(OutShape, Scalar(Value), Input.dtype());
  Tensor Src = Input, Dst = Out;
  overlap(Src, Dst, Pads);
  copyInPlace(Dst, Src);
  return Out;
}

Tensor constantPadBackward(const Tensor &GradOut, const Shape &Pads) {
  // The input's shape is the output's minus the pads.
  Shape InShape = GradOut.sizes();
  int64_t R = GradOut.dim();
  for (size_t P = 0; P < Pads.size() / 2; ++P)
    InShape[R - 1 - P] -= Pads[2 * P] + Pads[2 * P + 1];
  Tensor GradIn = zeros(InShape, GradOut.dtype());
  Tensor Dst = GradIn, Src = GradOut;
  // overlap() maps input -> output; here Src plays the input's role.
  overlap(Dst, Src, Pads);
  copyInPlace(Dst, Src);
  return GradIn;
}

} // namespace janus::rt
