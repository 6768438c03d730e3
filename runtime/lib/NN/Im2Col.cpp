//===- Im2Col.cpp - Shared convolution checks, vectorized col2im ----------===//
//
// The argument checks conv2d and conv_transpose2d share, with PyTorch
// 1.13's messages, the batching of unbatched input, and col2im's AVX2
// version for float32 (selected at run time).
//
//===----------------------------------------------------------------------===//

#include "NN/Im2Col.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JANUS_NN_AVX2_COL2IM 1
#endif

namespace janus::rt::nn {

#ifdef JANUS_NN_AVX2_COL2IM
namespace {
// Out[i] += In[i] for i < N, eight at a time, the rest one by one (masked
// loads and stores were slower: the next tap's row add reads what a masked
// store wrote, which is not forwarded).
__attribute__((target("avx2"))) inline void addRow8(float *Out, const float *In,
                                                    int64_t N) {
  int64_t I = 0;
  for (; I + 8 <= N; I += 8)
    _mm256_storeu_ps(Out + I, _mm256_add_ps(_mm256_loadu_ps(Out + I),
                                            _mm256_loadu_ps(In + I)));
  for (; I < N; ++I)
    Out[I] += In[I];
}

// col2im's loops (Im2Col.h) with the row add above.
__attribute__((target("avx2"))) void
col2imRows8(const ConvGeom &G, const float *Col, int64_t Ld, float *Img) {
  for (int64_t I = 0; I < G.KH; ++I)
    for (int64_t J = 0; J < G.KW; ++J)
      for (int64_t C = 0; C < G.C; ++C) {
        const float *Row = Col + ((C * G.KH + I) * G.KW + J) * Ld;
        float *Plane = Img + C * G.H * G.W;
        int64_t OwLo, OwHi;
        validRange(G.W, G.OW, G.SW, G.PW, J * G.DW, OwLo, OwHi);
        int64_t Base = J * G.DW - G.PW;
        for (int64_t Oh = 0; Oh < G.OH; ++Oh) {
          int64_t Ih = Oh * G.SH - G.PH + I * G.DH;
          if (Ih < 0 || Ih >= G.H)
            continue;
          addRow8(Plane + Ih * G.W + OwLo + Base, Row + Oh * G.OW + OwLo,
                  OwHi - OwLo);
        }
      }
}
} // namespace

bool col2imAvx2(const ConvGeom &G, const float *Col, int64_t Ld, float *Img) {
  static const bool Have = __builtin_cpu_supports("avx2");
  if (!Have || G.SW != 1)
    return false;
  col2imRows8(G, Col, Ld, Img);
  return true;
}
#else
bool col2imAvx2(const ConvGeom &, const float *, int64_t, float *) {
  return false;
}
#endif

Tensor batchify(const Tensor &Input, const char *Op, bool &Unbatched) {
  if (Input.dim() != 3 && Input.dim() != 4)
    fail(std::string("Expected 3D (unbatched) or 4D (batched) input to ") + Op +
         ", but got input of size: " + shapeToString(Input.sizes()));
  Unbatched = Input.dim() == 3;
  return contiguous(Unbatched ? unsqueeze(Input, 0) : Input);
}

static std::string pairStr(Pair2 P) {
  return "[" + std::to_string(P[0]) + ", " + std::to_string(P[1]) + "]";
}

void checkConvArgs(const Tensor &Input, const Tensor &Weight,
                   const Tensor &Bias, Pair2 Stride, Pair2 Padding,
                   Pair2 Dilation, int64_t Groups, bool Transposed,
                   Pair2 OutputPadding) {
  if (Weight.dim() != 4)
    fail("expected stride to be a single integer value or a list of " +
         std::to_string(Weight.dim() - 2) +
         " values to match the convolution dimensions, but got stride=" +
         pairStr(Stride));
  if (Input.dtype() != Weight.dtype())
    fail("Input type (" + tensorTypeName(Input.dtype()) +
         ") and weight type (" + tensorTypeName(Weight.dtype()) +
         ") should be the same or input should be a MKLDNN tensor and weight "
         "is a dense tensor");
  if (Bias && Bias.dtype() != Input.dtype())
    fail("Input type (" + tensorTypeName(Input.dtype()) + ") and bias type (" +
         tensorTypeName(Bias.dtype()) + ") should be the same");
  if (Padding[0] < 0 || Padding[1] < 0)
    fail("negative padding is not supported");
  if (OutputPadding[0] < 0 || OutputPadding[1] < 0)
    fail("negative output_padding is not supported");
  if (Stride[0] <= 0 || Stride[1] <= 0)
    fail("non-positive stride is not supported");
  if (Dilation[0] <= 0 || Dilation[1] <= 0)
    fail("dilation should be greater than zero");
  if (Groups <= 0)
    fail("non-positive groups is not supported");
  const Shape &WS = Weight.sizes(), &IS = Input.sizes();
  std::string G = std::to_string(Groups);
  if (WS[0] < Groups)
    fail("Given groups=" + G + ", expected weight to be at least " + G +
         " at dimension 0, but got weight of size " + shapeToString(WS) +
         " instead");
  if (WS[0] % Groups != 0)
    fail("Given groups=" + G + ", expected weight to be divisible by " + G +
         " at dimension 0, but got weight of size [" + shapeToString(WS) +
         "] instead");
  if (!Transposed) {
    if (IS[1] != WS[1] * Groups)
      fail("Given groups=" + G + ", weight of size " + shapeToString(WS) +
           ", expected input" + shapeToString(IS) + " to have " +
           std::to_string(WS[1] * Groups) + " channels, but got " +
           std::to_string(IS[1]) + " channels instead");
    if (Bias && (Bias.dim() != 1 || Bias.size(0) != WS[0]))
      fail("Given weight of size " + shapeToString(WS) +
           ", expected bias to be 1-dimensional with " +
           std::to_string(WS[0]) + " elements, but got bias of size " +
           shapeToString(Bias.sizes()) + " instead");
    int64_t PH = IS[2] + 2 * Padding[0], PW = IS[3] + 2 * Padding[1];
    int64_t KH = (WS[2] - 1) * Dilation[0] + 1,
            KW = (WS[3] - 1) * Dilation[1] + 1;
    if (PH < KH || PW < KW)
      fail("Calculated padded input size per channel: (" + std::to_string(PH) +
           " x " + std::to_string(PW) + "). Kernel size: (" +
           std::to_string(KH) + " x " + std::to_string(KW) +
           "). Kernel size can't be greater than actual input size");
  } else {
    if (IS[1] != WS[0])
      fail("Given transposed=1, weight of size " + shapeToString(WS) +
           ", expected input" + shapeToString(IS) + " to have " +
           std::to_string(WS[0]) + " channels, but got " +
           std::to_string(IS[1]) + " channels instead");
    if (Bias && (Bias.dim() != 1 || Bias.size(0) != WS[1] * Groups))
      fail("Given transposed=1, weight of size " + shapeToString(WS) +
           ", expected bias to be 1-dimensional with " +
           std::to_string(WS[1] * Groups) +
           " elements, but got bias of size " + shapeToString(Bias.sizes()) +
           " instead");
    for (int D = 0; D < 2; ++D)
      if (OutputPadding[D] >= Stride[D] && OutputPadding[D] >= Dilation[D])
        fail("output padding must be smaller than either stride or dilation, "
             "but got output_padding_height: " +
             std::to_string(OutputPadding[0]) +
             " output_padding_width: " + std::to_string(OutputPadding[1]) +
             " stride_height: " + std::to_string(Stride[0]) +
             " stride_width: " + std::to_string(Stride[1]) +
             " dilation_height: " + std::to_string(Dilation[0]) +
             " dilation_width: " + std::to_string(Dilation[1]));
  }
  dispatchFloat(Input.dtype(), "slow_conv2d_cpu", [](auto) {});
}

} // namespace janus::rt::nn
