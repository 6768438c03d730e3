//===- MaxPool2x2.h - Vectorized 2x2/stride-2 float max pooling -*- C++ -*-===//
//
// Internal to runtime/lib/NN; see MaxPool2x2.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_NN_MAXPOOL2X2_H
#define JANUS_RUNTIME_NN_MAXPOOL2X2_H

#include <cstdint>

namespace janus::rt::nn {

/// Output row Oh of a 2x2, stride-2 max pool of one [H, W] float plane, for
/// the windows [0, Count) (each inside the plane): Out and Idx get the
/// maximum and the flat index h * W + w of the first maximum (NaN wins, the
/// last NaN as in ATen). Returns false, doing nothing, on a CPU without
/// AVX2.
bool maxPool2x2Row(const float *Plane, int64_t W, int64_t Oh, int64_t Count,
                   float *Out, int64_t *Idx);

} // namespace janus::rt::nn

#endif // JANUS_RUNTIME_NN_MAXPOOL2X2_H
