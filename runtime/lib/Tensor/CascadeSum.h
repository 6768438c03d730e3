//===- CascadeSum.h - Floating reductions in ATen's order -------*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. PyTorch's CPU sum of a float32 tensor
// accumulates in float32, in an order fixed by its TensorIterator (which
// dims are walked first) and by its cascade-sum kernel (lane-wise vector
// partial sums, four interleaved accumulators, chunk levels). A training
// run adds up millions of such sums, so summing more accurately than
// PyTorch is still a different result: the last-bit differences grow into
// different printed losses. These functions reproduce ATen 1.13's order
// exactly (its AVX2/default build: 8 float or 4 double lanes), which the
// unit tests check bit for bit against vectors from PyTorch.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_CASCADESUM_H
#define JANUS_RUNTIME_TENSOR_CASCADESUM_H

#include "Tensor/Tensor.h"

#include <vector>

namespace janus::rt {

/// How TensorIterator walks a reduction of one input into one output: its
/// dims after reordering (reduced dims first, then by stride) and
/// coalescing, innermost first, with element strides of both operands
/// (output strides are 0 on reduced dims). Offset is the input's storage
/// offset in elements.
struct ReductionWalk {
  Shape Sizes, InStrides, OutStrides;
  Shape OutShape; // the result's shape (keepdim applied)
  int64_t OutNumel = 1;
};

/// Which of Rank dims Dims names (all when Dims is empty; one entry for a
/// 0-dim tensor); a repeated dim is a TensorError (Reduce.cpp).
std::vector<bool> reducedDimMask(int64_t Rank, const Shape &Dims);

/// The walk for reducing A over Dims (all dims when empty). Throws
/// TensorError for a repeated dim.
ReductionWalk planReduction(const Tensor &A, const Shape &Dims, bool KeepDim);

/// sum(A, Dims) for a Float32 or Float64 A, in ATen's cascade order.
Tensor cascadeSum(const Tensor &A, const Shape &Dims, bool KeepDim);

/// var/std over Dims as ATen computes them: over all elements (every dim
/// reduced) two passes in float64 around the float mean, else Welford's
/// update in float64 over each output's elements in the walk's order.
Tensor atenVar(const Tensor &A, const Shape &Dims, double Correction,
               bool KeepDim, bool TakeSqrt);

} // namespace janus::rt

#endif // JANUS_RUNTIME_TENSOR_CASCADESUM_H
