//===- SoftmaxRow.cpp - float32 softmax over a row as ATen 1.13 -----------===//
//
// See SoftmaxRow.h. ATen's vec::reduce_all(Op, data, n) over vectors of
// eight floats (AVX2), reproduced here lane by lane in scalar code:
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

} // namespace

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
