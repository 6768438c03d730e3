//===- SoftmaxRow.h - float32 softmax over a row as ATen 1.13 ---*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. Softmax and log-softmax of one contiguous
// float32 row, bit-identical to ATen 1.13's kernels for the last dim
// (_vec_softmax_lastdim, _vec_log_softmax_lastdim): the maximum and the sum
// are vec::reduce_all's, in float, over lanes of eight in ATen's order, and
// exp and log are VecMath.h's (SLEEF's). N must be at least 1.
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

} // namespace janus::rt::softmaxrow

#endif // JANUS_RUNTIME_TENSOR_SOFTMAXROW_H
