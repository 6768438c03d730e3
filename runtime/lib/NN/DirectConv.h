//===- DirectConv.h - Stride-1 float convolution without im2col -*- C++ -*-===//
//
// Internal to runtime/lib/NN; see DirectConv.cpp. Each function returns
// false, doing nothing, where it does not apply (stride other than 1, or a
// CPU without AVX2/FMA), and the caller falls back to im2col + gemm.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_NN_DIRECTCONV_H
#define JANUS_RUNTIME_NN_DIRECTCONV_H

#include "NN/Im2Col.h"

namespace janus::rt::nn {

/// Out [N, Cout, OH, OW] = conv2d of In [N, G.C * Groups, H, W] with Wt
/// [Cout, G.C, KH, KW] (+ Bias [Cout] when not null).
bool directConv2d(const ConvGeom &G, int64_t N, int64_t Groups, int64_t Cout,
                  const float *In, const float *Wt, const float *Bias,
                  float *Out);
/// GradW [Cout, G.C, KH, KW] += the weight gradient for GradOut.
bool directConv2dGradWeight(const ConvGeom &G, int64_t N, int64_t Groups,
                            int64_t Cout, const float *GradOut,
                            const float *In, float *GradW);

} // namespace janus::rt::nn

#endif // JANUS_RUNTIME_NN_DIRECTCONV_H
