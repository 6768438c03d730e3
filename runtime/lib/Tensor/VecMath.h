//===- VecMath.h - float32 exp/log/tanh/sigmoid as PyTorch 1.13 -*- C++ -*-===//
//
// Internal to runtime/lib/Tensor. Transcendentals of float32 arrays for the
// unary ops (and softmax), bit-identical to PyTorch 1.13 on x86-64. ATen
// computes float exp, log and tanh with SLEEF's u10 functions
// (Sleef_expf8_u10, Sleef_logf8_u10, Sleef_tanhf8_u10; within 1 ulp, not
// correctly rounded) on vectors of eight, a partial vector at the end of a
// row included (vec::map), so expF32, logF32 and tanhF32 reproduce SLEEF's
// algorithms operation for operation and each element's result depends
// only on its input. Its sigmoid loop (cpu_kernel_vec) uses a vector
// formula on whole blocks of 16 elements of a contiguous row and the
// scalar formula with glibc's expf on the rest, and the scalar formula
// alone on strided rows; sigmoidF32 (sigmoidF32Split for a piece of a row)
// and sigmoidF32Libm reproduce those, so a sigmoid element depends on its
// position in the row as in PyTorch.
//
// On x86-64 CPUs with AVX2 and FMA (checked at run time) eight elements
// are computed at once, as SLEEF's AVX2 build does (the one ATen picks,
// AVX-512 CPUs included); other CPUs run a scalar version of the same
// operations (std::fma where the vector code fuses), so results never
// depend on the CPU. NaN gives NaN; +-inf and overflow give the limits
// (exp: inf / 0, tanh: +-1, sigmoid: 1 / 0, log: inf, -inf at 0, NaN
// below 0). Per element on one core: exp 0.37 ns, sigmoid 0.47, log 0.97,
// tanh 1.9 (PyTorch's own: 0.44, 0.51, 1.03, 2.49).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_TENSOR_VECMATH_H
#define JANUS_RUNTIME_TENSOR_VECMATH_H

#include <cstdint>

namespace janus::rt::vecmath {

/// Y[i] = exp(X[i]) for I in [0, N); Y may be X.
void expF32(const float *X, float *Y, int64_t N);

/// Y[i] = log(X[i]) (SLEEF's logf u10); Y may be X.
void logF32(const float *X, float *Y, int64_t N);

/// Y[i] = tanh(X[i]); Y may be X.
void tanhF32(const float *X, float *Y, int64_t N);

/// ATen's sigmoid over one contiguous row: Y[i] = 1 / (exp(0 - X[i]) + 1)
/// with exp as expF32 for i below the last multiple of 16 and
/// Y[i] = 1 / (1 + expf(-X[i])) (glibc's expf) after it; sums and quotients
/// in float. Y may be X.
void sigmoidF32(const float *X, float *Y, int64_t N);

/// How many leading elements of a contiguous row of N take the vector
/// formula: N rounded down to a multiple of 16.
int64_t sigmoidVectorCount(int64_t N);

/// A piece of a row: the vector formula on X[0, VectorCount) (clamped to
/// [0, N]), the glibc formula on the rest; for callers that split a row.
void sigmoidF32Split(const float *X, float *Y, int64_t N, int64_t VectorCount);

/// ATen's sigmoid over a strided row: the glibc formula on every element.
void sigmoidF32Libm(const float *X, float *Y, int64_t N);

/// The versions for CPUs without AVX2 and FMA, callable on any CPU so that
/// tests can check that both versions agree bit for bit.
void expF32Scalar(const float *X, float *Y, int64_t N);
void logF32Scalar(const float *X, float *Y, int64_t N);
void tanhF32Scalar(const float *X, float *Y, int64_t N);
void sigmoidF32Scalar(const float *X, float *Y, int64_t N);
/// The AVX2 versions (what the functions above use where the CPU has it),
/// for the same tests;
/// they return false, computing nothing, on a CPU without AVX2 and FMA.
bool expF32Avx2(const float *X, float *Y, int64_t N);
bool logF32Avx2(const float *X, float *Y, int64_t N);
bool tanhF32Avx2(const float *X, float *Y, int64_t N);
bool sigmoidF32Avx2(const float *X, float *Y, int64_t N);

} // namespace janus::rt::vecmath

#endif // JANUS_RUNTIME_TENSOR_VECMATH_H
