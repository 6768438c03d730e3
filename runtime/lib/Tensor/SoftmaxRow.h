//===- SoftmaxRow.h - float32 softmax kernels as ATen 1.13 ------*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. Softmax and log-softmax of float32 data,
// bit-identical to ATen 1.13's kernels with one intra-op thread. Over the
// last dim, one contiguous row at a time (_vec_softmax_lastdim,
// _vec_log_softmax_lastdim): the maximum and the sum are vec::reduce_all's,
// in float, over lanes of eight in ATen's order. Over another dim, one
// contiguous [DimSize, Inner] block at a time (_vec_softmax and its
// log-softmax counterpart): the first Inner - Inner % 8 columns as vector
// lanes, the others as ATen's scalar tail. exp and log are VecMath.h's
// (SLEEF's). Sizes must be at least 1.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_SOFTMAXROW_H
#define JANUS_RUNTIME_TENSOR_SOFTMAXROW_H

#include <cstdint>

namespace janus::rt::softmaxrow {

/// Y = softmax(X): exp(x - max) times 1 / sum in float. Y may be X.
void softmaxF32(const float *X, float *Y, int64_t N);

/// Y = log_softmax(X): (x - max) - log(sum of exp(x - max)). Y may be X.
void logSoftmaxF32(const float *X, float *Y, int64_t N);

/// Softmax over the first dim of a contiguous [DimSize, Inner] block:
/// max, exps, float sum over the dim, each exp divided by the sum.
void softmaxInnerF32(const float *X, float *Y, int64_t DimSize, int64_t Inner);

/// Log-softmax over the first dim of a contiguous [DimSize, Inner] block:
/// (x - max) - log(sum of exps), the sum in float, log SLEEF's.
void logSoftmaxInnerF32(const float *X, float *Y, int64_t DimSize,
                        int64_t Inner);

} // namespace janus::rt::softmaxrow

#endif // JANUS_RUNTIME_TENSOR_SOFTMAXROW_H
