//===- Im2Col.cpp - Shared convolution checks -----------------------------===//
//
// The argument checks conv2d and conv_transpose2d share, with PyTorch
// 1.13's messages, and the batching of unbatched input.
//
//===----------------------------------------------------------------------===//

#include "NN/Im2Col.h"

namespace janus::rt::nn {

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
