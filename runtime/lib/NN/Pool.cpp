//===- Pool.cpp - max/avg/adaptive-avg 2-D pooling, forward and backward --===//
//
// Direct loops over [planes, H, W] with PyTorch 1.13's CPU kernels' window
// rules: the output size formula with ceil_mode's "last window must start
// inside the input or left padding" correction; max pooling propagates NaN
// and records the first maximum's flat index h * W + w in its plane; average
// pooling's divisor is the window clipped to the padded input
// (count_include_pad) or to the input, unless divisor_override is given.
//
//===----------------------------------------------------------------------===//

#include "NN/MaxPool2x2.h"
#include "NN/NNUtil.h"
#include "Tensor/Loops.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace janus::rt {

using namespace nn;

namespace {

int64_t divFloor(int64_t A, int64_t B) {
  int64_t Q = A / B;
  return (A % B != 0 && ((A < 0) != (B < 0))) ? Q - 1 : Q;
}

// pooling_output_shape.
int64_t poolOut(int64_t In, int64_t K, int64_t Pad, int64_t S, int64_t D,
                bool Ceil) {
  int64_t Out = divFloor(In + 2 * Pad - D * (K - 1) - 1 + (Ceil ? S - 1 : 0),
                         S) + 1;
  if (Ceil && (Out - 1) * S >= In + Pad)
    --Out;
  return Out;
}

// What every 2-D pooling op shares: [planes, H, W] in, [planes, OH, OW] out.
struct PoolGeom {
  int64_t Planes, H, W, OH, OW;
  Shape OutShape;
};

PoolGeom poolGeom(const Tensor &In, Pair2 K, Pair2 S, Pair2 P, Pair2 D,
                  bool Ceil) {
  if (S[0] == 0 || S[1] == 0)
    fail("stride should not be zero");
  if (K[0] / 2 < P[0] || K[1] / 2 < P[1]) {
    int I = K[1] / 2 < P[1] ? 1 : 0;
    fail("pad should be at most half of kernel size, but got pad=" +
         std::to_string(P[I]) + " and kernel_size=" + std::to_string(K[I]));
  }
  PoolGeom G;
  int64_t R = In.dim();
  G.H = In.size(R - 2);
  G.W = In.size(R - 1);
  G.Planes = In.numel() / std::max<int64_t>(1, G.H * G.W);
  G.OH = poolOut(G.H, K[0], P[0], S[0], D[0], Ceil);
  G.OW = poolOut(G.W, K[1], P[1], S[1], D[1], Ceil);
  if (G.OH < 1 || G.OW < 1)
    fail("Given input size: (" + std::to_string(In.size(R - 3)) + "x" +
         std::to_string(G.H) + "x" + std::to_string(G.W) +
         "). Calculated output size: (" + std::to_string(In.size(R - 3)) +
         "x" + std::to_string(G.OH) + "x" + std::to_string(G.OW) +
         "). Output size is too small");
  G.OutShape = In.sizes();
  G.OutShape[R - 2] = G.OH;
  G.OutShape[R - 1] = G.OW;
  return G;
}

// The avg_pool2d window of output (Oh, Ow): clipped bounds and divisor.
struct AvgWindow {
  int64_t H0, H1, W0, W1, Divisor;
};

AvgWindow avgWindow(int64_t Oh, int64_t Ow, const PoolGeom &G, Pair2 K,
                    Pair2 S, Pair2 P, bool CountIncludePad,
                    std::optional<int64_t> DivisorOverride) {
  AvgWindow A;
  A.H0 = Oh * S[0] - P[0];
  A.W0 = Ow * S[1] - P[1];
  A.H1 = std::min(A.H0 + K[0], G.H + P[0]);
  A.W1 = std::min(A.W0 + K[1], G.W + P[1]);
  int64_t PoolSize = (A.H1 - A.H0) * (A.W1 - A.W0);
  A.H0 = std::max<int64_t>(A.H0, 0);
  A.W0 = std::max<int64_t>(A.W0, 0);
  A.H1 = std::min(A.H1, G.H);
  A.W1 = std::min(A.W1, G.W);
  if (DivisorOverride)
    A.Divisor = *DivisorOverride;
  else
    A.Divisor =
        CountIncludePad ? PoolSize : (A.H1 - A.H0) * (A.W1 - A.W0);
  return A;
}

/// One step of a max-pool window: V = Plane[I] replaces the maximum if
/// larger or NaN (so NaN propagates and the first maximum keeps its index).
/// Selects rather than a branch: which element wins is data-dependent and
/// mispredicted about half the time.
template <typename T>
inline void takeMax(const T *Plane, int64_t I, T &Max, int64_t &Best) {
  T V = Plane[I];
  bool Take = (V > Max) | std::isnan(V); // Not ||: no branch.
  Max = selectBits(Take, V, Max);
  Best = selectBits(Take, I, Best);
}

/// max_pool2d with LeNet's 2x2 window, stride 2, no padding or dilation:
/// every window lies inside the input except the last row/column of
/// ceil_mode, which the general path's clipping also handles here.
template <typename T>
void maxPool2x2(const T *X, const PoolGeom &G, T *Out, int64_t *Idx) {
  for (int64_t Pl = 0; Pl < G.Planes; ++Pl) {
    const T *Plane = X + Pl * G.H * G.W;
    for (int64_t Oh = 0; Oh < G.OH; ++Oh) {
      int64_t H0 = 2 * Oh, H1 = std::min<int64_t>(H0 + 2, G.H);
      // Whole windows, eight at a time, vectorized for float.
      int64_t Vec = 0;
      if constexpr (std::is_same_v<T, float>)
        if (H1 == H0 + 2) {
          int64_t Count = std::min(G.OW, G.W / 2);
          int64_t At = Pl * G.OH * G.OW + Oh * G.OW;
          if (Count && maxPool2x2Row(Plane, G.W, Oh, Count, Out + At, Idx + At))
            Vec = Count;
        }
      for (int64_t Ow = Vec; Ow < G.OW; ++Ow) {
        int64_t W0 = 2 * Ow, W1 = std::min<int64_t>(W0 + 2, G.W);
        int64_t Best = H0 * G.W + W0;
        T Max = -std::numeric_limits<T>::infinity();
        for (int64_t Ih = H0; Ih < H1; ++Ih)
          for (int64_t Iw = W0; Iw < W1; ++Iw)
            takeMax(Plane, Ih * G.W + Iw, Max, Best);
        Out[(Pl * G.OH + Oh) * G.OW + Ow] = Max;
        Idx[(Pl * G.OH + Oh) * G.OW + Ow] = Best;
      }
    }
  }
}

void checkPoolInput(const Tensor &In, const char *Kernel, bool Avg) {
  if (Avg && In.dim() < 3)
    fail("Dimension out of range (expected to be in range of [" +
             std::to_string(-std::max<int64_t>(In.dim(), 1)) + ", " +
             std::to_string(std::max<int64_t>(In.dim(), 1) - 1) +
             "], but got -3)",
         ErrorKind::IndexError);
  if (In.dim() != 3 && In.dim() != 4)
    fail("non-empty 3D or 4D (batch mode) tensor expected for input");
  dispatchFloat(In.dtype(), Kernel, [](auto) {});
}

} // namespace

MaxPoolResult maxPool2d(const Tensor &Input, Pair2 Kernel,
                        std::optional<Pair2> Stride, Pair2 Padding,
                        Pair2 Dilation, bool CeilMode) {
  checkPoolInput(Input, "max_pool2d", false);
  Pair2 S = Stride ? *Stride : Kernel;
  PoolGeom G = poolGeom(Input, Kernel, S, Padding, Dilation, CeilMode);
  Tensor In = contiguous(Input);
  MaxPoolResult R{empty(G.OutShape, In.dtype()),
                  empty(G.OutShape, DType::Int64)};
  dispatchFloat(In.dtype(), "max_pool2d", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>();
    T *Out = R.Output.dataPtr<T>();
    int64_t *Idx = R.Indices.dataPtr<int64_t>();
    if (Kernel == Pair2{2, 2} && S == Pair2{2, 2} && Padding == Pair2{0, 0} &&
        Dilation == Pair2{1, 1}) {
      maxPool2x2(X, G, Out, Idx);
      return;
    }
    for (int64_t Pl = 0; Pl < G.Planes; ++Pl) {
      const T *Plane = X + Pl * G.H * G.W;
      for (int64_t Oh = 0; Oh < G.OH; ++Oh)
        for (int64_t Ow = 0; Ow < G.OW; ++Ow) {
          int64_t H0 = Oh * S[0] - Padding[0], W0 = Ow * S[1] - Padding[1];
          int64_t H1 = std::min(H0 + (Kernel[0] - 1) * Dilation[0] + 1, G.H);
          int64_t W1 = std::min(W0 + (Kernel[1] - 1) * Dilation[1] + 1, G.W);
          while (H0 < 0)
            H0 += Dilation[0];
          while (W0 < 0)
            W0 += Dilation[1];
          int64_t Best = H0 * G.W + W0;
          T Max = -std::numeric_limits<T>::infinity();
          for (int64_t Ih = H0; Ih < H1; Ih += Dilation[0])
            for (int64_t Iw = W0; Iw < W1; Iw += Dilation[1])
              takeMax(Plane, Ih * G.W + Iw, Max, Best);
          Out[(Pl * G.OH + Oh) * G.OW + Ow] = Max;
          Idx[(Pl * G.OH + Oh) * G.OW + Ow] = Best;
        }
    }
  });
  return R;
}

Tensor maxPool2dBackward(const Tensor &GradOut, const Tensor &Input,
                         const Tensor &Indices) {
  Tensor Go = contiguous(GradOut), Idx = contiguous(Indices);
  Tensor GradIn = zeros(Input.sizes(), Input.dtype());
  int64_t R = Input.dim();
  int64_t HW = Input.size(R - 2) * Input.size(R - 1);
  int64_t OHW = Go.size(R - 2) * Go.size(R - 1);
  int64_t Planes = Input.numel() / std::max<int64_t>(1, HW);
  dispatchFloat(Input.dtype(), "max_pool2d_backward", [&](auto Tag) {
    using T = decltype(Tag);
    const T *G = Go.dataPtr<T>();
    const int64_t *I = Idx.dataPtr<int64_t>();
    T *Out = GradIn.dataPtr<T>();
    for (int64_t Pl = 0; Pl < Planes; ++Pl)
      for (int64_t J = 0; J < OHW; ++J)
        Out[Pl * HW + I[Pl * OHW + J]] += G[Pl * OHW + J];
  });
  return GradIn;
}

Tensor avgPool2d(const Tensor &Input, Pair2 Kernel, std::optional<Pair2> Stride,
                 Pair2 Padding, bool CeilMode, bool CountIncludePad,
                 std::optional<int64_t> DivisorOverride) {
  checkPoolInput(Input, "avg_pool2d", true);
  if (DivisorOverride && *DivisorOverride == 0)
    fail("divisor must be not zero");
  Pair2 S = Stride ? *Stride : Kernel;
  PoolGeom G = poolGeom(Input, Kernel, S, Padding, {1, 1}, CeilMode);
  Tensor In = contiguous(Input);
  Tensor Out = empty(G.OutShape, In.dtype());
  dispatchFloat(In.dtype(), "avg_pool2d", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    for (int64_t Pl = 0; Pl < G.Planes; ++Pl)
      for (int64_t Oh = 0; Oh < G.OH; ++Oh)
        for (int64_t Ow = 0; Ow < G.OW; ++Ow) {
          AvgWindow A = avgWindow(Oh, Ow, G, Kernel, S, Padding,
                                  CountIncludePad, DivisorOverride);
          T Sum = 0;
          for (int64_t Ih = A.H0; Ih < A.H1; ++Ih)
            for (int64_t Iw = A.W0; Iw < A.W1; ++Iw)
              Sum += X[(Pl * G.H + Ih) * G.W + Iw];
          bool Empty = A.H0 >= A.H1 || A.W0 >= A.W1;
          O[(Pl * G.OH + Oh) * G.OW + Ow] = Empty ? T(0) : Sum / T(A.Divisor);
        }
  });
  return Out;
}

Tensor avgPool2dBackward(const Tensor &GradOut, const Tensor &Input,
                         Pair2 Kernel, std::optional<Pair2> Stride,
                         Pair2 Padding, bool CeilMode, bool CountIncludePad,
                         std::optional<int64_t> DivisorOverride) {
  Pair2 S = Stride ? *Stride : Kernel;
  PoolGeom G = poolGeom(Input, Kernel, S, Padding, {1, 1}, CeilMode);
  Tensor Go = contiguous(GradOut);
  Tensor GradIn = zeros(Input.sizes(), Input.dtype());
  dispatchFloat(Input.dtype(), "avg_pool2d_backward", [&](auto Tag) {
    using T = decltype(Tag);
    const T *Gp = Go.dataPtr<T>();
    T *Out = GradIn.dataPtr<T>();
    for (int64_t Pl = 0; Pl < G.Planes; ++Pl)
      for (int64_t Oh = 0; Oh < G.OH; ++Oh)
        for (int64_t Ow = 0; Ow < G.OW; ++Ow) {
          AvgWindow A = avgWindow(Oh, Ow, G, Kernel, S, Padding,
                                  CountIncludePad, DivisorOverride);
          T V = Gp[(Pl * G.OH + Oh) * G.OW + Ow] / T(A.Divisor);
          for (int64_t Ih = A.H0; Ih < A.H1; ++Ih)
            for (int64_t Iw = A.W0; Iw < A.W1; ++Iw)
              Out[(Pl * G.H + Ih) * G.W + Iw] += V;
        }
  });
  return GradIn;
}

// adaptive_avg_pool2d: output cell o of O covers [floor(o*I/O),
// ceil((o+1)*I/O)).
Tensor adaptiveAvgPool2d(const Tensor &Input, Pair2 OutputSize) {
  checkPoolInput(Input, "adaptive_avg_pool2d_cpu", false);
  Tensor In = contiguous(Input);
  int64_t R = In.dim(), H = In.size(R - 2), W = In.size(R - 1);
  int64_t OH = OutputSize[0], OW = OutputSize[1];
  Shape OutShape = In.sizes();
  OutShape[R - 2] = OH;
  OutShape[R - 1] = OW;
  Tensor Out = empty(OutShape, In.dtype());
  int64_t Planes = In.numel() / std::max<int64_t>(1, H * W);
  dispatchFloat(In.dtype(), "adaptive_avg_pool2d_cpu", [&](auto Tag) {
    using T = decltype(Tag);
    const T *X = In.dataPtr<T>();
    T *O = Out.dataPtr<T>();
    for (int64_t Pl = 0; Pl < Planes; ++Pl)
      for (int64_t Oh = 0; Oh < OH; ++Oh)
        for (int64_t Ow = 0; Ow < OW; ++Ow) {
          int64_t H0 = Oh * H / OH, H1 = ((Oh + 1) * H + OH - 1) / OH;
          int64_t W0 = Ow * W / OW, W1 = ((Ow + 1) * W + OW - 1) / OW;
          T Sum = 0;
          for (int64_t Ih = H0; Ih < H1; ++Ih)
            for (int64_t Iw = W0; Iw < W1; ++Iw)
              Sum += X[(Pl * H + Ih) * W + Iw];
          O[(Pl * OH + Oh) * OW + Ow] = Sum / T((H1 - H0) * (W1 - W0));
        }
  });
  return Out;
}

Tensor adaptiveAvgPool2dBackward(const Tensor &GradOut, const Tensor &Input) {
  Tensor Go = contiguous(GradOut);
  int64_t R = Input.dim(), H = Input.size(R - 2), W = Input.size(R - 1);
  int64_t OH = Go.size(R - 2), OW = Go.size(R - 1);
  Tensor GradIn = zeros(Input.sizes(), Input.dtype());
  int64_t Planes = Input.numel() / std::max<int64_t>(1, H * W);
  dispatchFloat(Input.dtype(), "adaptive_avg_pool2d_backward_cpu",
                [&](auto Tag) {
    using T = decltype(Tag);
    const T *Gp = Go.dataPtr<T>();
    T *O = GradIn.dataPtr<T>();
    for (int64_t Pl = 0; Pl < Planes; ++Pl)
      for (int64_t Oh = 0; Oh < OH; ++Oh)
        for (int64_t Ow = 0; Ow < OW; ++Ow) {
          int64_t H0 = Oh * H / OH, H1 = ((Oh + 1) * H + OH - 1) / OH;
          int64_t W0 = Ow * W / OW, W1 = ((Ow + 1) * W + OW - 1) / OW;
          T V = Gp[(Pl * OH + Oh) * OW + Ow] / T((H1 - H0) * (W1 - W0));
          for (int64_t Ih = H0; Ih < H1; ++Ih)
            for (int64_t Iw = W0; Iw < W1; ++Iw)
              O[(Pl * H + Ih) * W + Iw] += V;
        }
  });
  return GradIn;
}

} // namespace janus::rt
