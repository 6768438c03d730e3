//===- VecMath.h - float32 exp, tanh and sigmoid over arrays ----*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. Transcendentals of float32 arrays for the
// unary ops, in place of a libm call per element (which was a fifth of an
// LSTM step). Each function is evaluated in double precision and rounded
// to float once, so the results are the correctly rounded values except
// where the exact value lies within about 1e-14 (relative) of a midpoint
// between two floats: within 1 ulp always, almost always within 0.5 ulp.
// ATen uses SLEEF's u10 functions (<= 1 ulp) for exp and tanh and computes
// sigmoid as 1 / (1 + exp(-x)) in float; sigmoidF32 keeps that float
// formula with our exp, so it rounds as PyTorch's wherever both exps are
// correctly rounded.
//
// On x86-64 CPUs with AVX-512 (F, DQ) or AVX2 and FMA (checked at run
// time) eight elements are computed at once, in one or two vectors of
// doubles, and a tail shorter than eight goes through the same vector code
// from a padded copy; other CPUs run a scalar version of the same
// operations (fma where the vector code uses fma), so every element's
// result depends only on its input, never on the CPU, its position in the
// array or the thread count. NaN gives NaN; +-inf and overflow give the
// limits (exp: inf / 0, tanh: +-1, sigmoid: 1 / 0).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_VECMATH_H
#define JANUS_RUNTIME_TENSOR_VECMATH_H

#include <cstdint>

namespace janus::rt::vecmath {

/// Y[i] = exp(X[i]) for I in [0, N); Y may be X.
void expF32(const float *X, float *Y, int64_t N);

/// Y[i] = tanh(X[i]); Y may be X.
void tanhF32(const float *X, float *Y, int64_t N);

/// Y[i] = 1 / (1 + exp(-X[i])) with the sum and quotient in float; Y may
/// be X.
void sigmoidF32(const float *X, float *Y, int64_t N);

/// The versions for CPUs without AVX2, callable on any CPU so that tests
/// can check that all versions agree bit for bit.
void expF32Scalar(const float *X, float *Y, int64_t N);
void tanhF32Scalar(const float *X, float *Y, int64_t N);
void sigmoidF32Scalar(const float *X, float *Y, int64_t N);
/// The AVX2 versions (used where AVX-512 is missing), for the same tests;
/// they return false, computing nothing, on a CPU without AVX2 and FMA.
bool expF32Avx2(const float *X, float *Y, int64_t N);
bool tanhF32Avx2(const float *X, float *Y, int64_t N);
bool sigmoidF32Avx2(const float *X, float *Y, int64_t N);

} // namespace janus::rt::vecmath

#endif // JANUS_RUNTIME_TENSOR_VECMATH_H
