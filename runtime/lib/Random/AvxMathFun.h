//===- AvxMathFun.h - Scalar replicas of ATen's avx_mathfun -----*- C++ -*-===//
//
// PyTorch's AVX2 build of normal_ (float32, 16+ elements) computes log, sin
// and cos with avx_mathfun.h: Cephes polynomials evaluated in float, eight
// lanes at a time. To reproduce its bits we evaluate the same polynomials,
// one lane at a time, with the same float operations in the same order.
// GCC compiled those intrinsics with -mfma and its default
// -ffp-contract=fast, which fuses some multiply-adds; `Fused` marks the
// operations it fused, and std::fma reproduces them (single rounding). This
// file must itself be compiled without FP contraction (see CMakeLists.txt).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_RANDOM_AVXMATHFUN_H
#define JANUS_RUNTIME_RANDOM_AVXMATHFUN_H

namespace janus::rt::detail {

/// log256_ps for one lane; X is in (0, 1] here (NaN handling omitted).
float avxLog(float X);

/// sincos256_ps for one lane.
void avxSinCos(float X, float &Sin, float &Cos);

} // namespace janus::rt::detail

#endif // JANUS_RUNTIME_RANDOM_AVXMATHFUN_H
