//===- SoftmaxRow.cpp - float32 softmax kernels as ATen 1.13 --------------===//
//
// See SoftmaxRow.h. The inner-dim kernels follow ATen 1.13's measured
// behaviour (checked against torch, not read from its source). ATen's
// vec::reduce_all(Op, data, n) over vectors of eight floats (AVX2), reproduced
// here lane by lane in scalar code:
//
//  n < 8: lane 0 only, Op(...Op(Op(x0, x1), x2)..., x(n-1)).
//  n >= 8: acc = x[0..8); acc = Op(acc, next 8) over the whole vectors;
//  the last n % 8 elements are combined into the first lanes of acc; then
//  the eight lanes fold as acc[i] = Op(acc[i], acc[i + 4]), then with
//  acc[i ^ 2], then acc[i ^ 1] (the 128-, 64- and 32-bit shuffles of its
//  AVX2 specialization), and lane 0 is the result.
//
// Op is vec::maximum (NaN if either is NaN, else _mm256_max_ps: the first
// if greater, else the second) or float addition. The exps come from
// VecMath.h's expF32, whose results do not depend on their position, as
// ATen's vec::map (partial last vector included) does not.
//
//===----------------------------------------------------------------------===//

#include "Tensor/SoftmaxRow.h"
#include "Tensor/VecMath.h"

#include <cmath>
#include <limits>
#include <vector>

namespace janus::rt::softmaxrow {

namespace {

constexpr int Lanes = 8;

float maximum(float A, float B) {
  if (std::isnan(A) || std::isnan(B))
    return std::numeric_limits<float>::quiet_NaN();
  return A > B ? A : B;
}

float plus(float A, float B) { return A + B; }

template <typename Op> float reduceAll(Op Fn, const float *X, int64_t N) {
  if (N < Lanes) {
    float Acc = X[0];
    for (int64_t I = 1; I < N; ++I)
      Acc = Fn(Acc, X[I]);
    return Acc;
  }
  float Acc[Lanes];
  for (int L = 0; L < Lanes; ++L)
    Acc[L] = X[L];
  int64_t I = Lanes, VectorEnd = N - N % Lanes;
  for (; I < VectorEnd; I += Lanes)
    for (int L = 0; L < Lanes; ++L)
      Acc[L] = Fn(Acc[L], X[I + L]);
  for (int L = 0; I + L < N; ++L)
    Acc[L] = Fn(Acc[L], X[I + L]);
  for (int Shift : {4, 2, 1}) {
    float Next[Lanes];
    for (int L = 0; L < Lanes; ++L)
      Next[L] = Fn(Acc[L], Acc[Shift == 4 ? (L + 4) % Lanes : L ^ Shift]);
    for (int L = 0; L < Lanes; ++L)
      Acc[L] = Next[L];
  }
  return Acc[0];
}

// ATen's softmax over a dim with Inner > 1 elements after it, one column
// (stride Inner) at a time: columns below the last multiple of 8 are
// vector lanes (vec::maximum, SLEEF exp), the rest its scalar tail
// (std::max, glibc expf); the sum runs over the dim in float from 0.
void innerColumn(const float *X, float *Y, int64_t DimSize, int64_t Inner,
                 bool Vector, bool Log, std::vector<float> &Buf) {
  float Max = X[0];
  for (int64_t D = 1; D < DimSize; ++D)
    Max = Vector ? maximum(Max, X[D * Inner])
                 : (Max < X[D * Inner] ? X[D * Inner] : Max);
  Buf.resize(2 * DimSize);
  float *Diff = Buf.data(), *Exp = Buf.data() + DimSize;
  for (int64_t D = 0; D < DimSize; ++D)
    Diff[D] = X[D * Inner] - Max;
  if (Vector)
    vecmath::expF32(Diff, Exp, DimSize);
  else
    for (int64_t D = 0; D < DimSize; ++D)
      Exp[D] = std::exp(Diff[D]);
  float Sum = 0.0f;
  for (int64_t D = 0; D < DimSize; ++D)
    Sum += Exp[D];
  if (!Log) {
    for (int64_t D = 0; D < DimSize; ++D)
      Y[D * Inner] = Exp[D] / Sum;
    return;
  }
  vecmath::logF32(&Sum, &Sum, 1);
  for (int64_t D = 0; D < DimSize; ++D)
    Y[D * Inner] = Diff[D] - Sum;
}

void inner(const float *X, float *Y, int64_t DimSize, int64_t Inner, bool Log) {
  std::vector<float> Buf;
  int64_t VectorEnd = Inner - Inner % Lanes;
  for (int64_t J = 0; J < Inner; ++J)
    innerColumn(X + J, Y + J, DimSize, Inner, J < VectorEnd, Log, Buf);
}

} // namespace

void softmaxInnerF32(const float *X, float *Y, int64_t DimSize, int64_t Inner) {
  inner(X, Y, DimSize, Inner, /*Log=*/false);
}

void logSoftmaxInnerF32(const float *X, float *Y, int64_t DimSize,
                        int64_t Inner) {
  inner(X, Y, DimSize, Inner, /*Log=*/true);
}

void softmaxF32(const float *X, float *Y, int64_t N) {
  float Max = reduceAll(maximum, X, N);
  for (int64_t I = 0; I < N; ++I)
    Y[I] = X[I] - Max;
  vecmath::expF32(Y, Y, N);
  float Scale = 1.0f / reduceAll(plus, Y, N);
  for (int64_t I = 0; I < N; ++I)
    Y[I] = Y[I] * Scale;
}

void logSoftmaxF32(const float *X, float *Y, int64_t N) {
  float Max = reduceAll(maximum, X, N);
  for (int64_t I = 0; I < N; ++I)
    Y[I] = X[I] - Max;
  std::vector<float> Exps(Y, Y + N);
  vecmath::expF32(Exps.data(), Exps.data(), N);
  float LogSum = reduceAll(plus, Exps.data(), N);
  vecmath::logF32(&LogSum, &LogSum, 1);
  for (int64_t I = 0; I < N; ++I)
    Y[I] = Y[I] - LogSum;
}

} // namespace janus::rt::softmaxrow
