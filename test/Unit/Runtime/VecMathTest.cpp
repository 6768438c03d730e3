//===- VecMathTest.cpp - float32 exp/log/tanh/sigmoid, fused backwards ----===//
//
// VecMath's functions (log too) against a reference computed in double with
// libm and rounded to float once, within 1 ulp (SLEEF's u10 bound) over a sweep
// of float bit patterns, and bit-identical between the versions the CPU can run
// (AVX2, scalar); exp and tanh wherever an element sits in the array (the tail
// goes through a padded copy), sigmoid with ATen's two formulas where ATen's
// loop uses them; the special values; the unary ops on strided views; the fused
// tanh/sigmoid backwards against the unfused ops they replace, bit for bit.
// VecMathVectorTest.cpp compares with PyTorch.
//
//===----------------------------------------------------------------------===//

#include "Tensor/VecMath.h"
#include "NN/NN.h"
#include "Tensor/RandomOps.h"
#include "Tensor/Tensor.h"
#include "Threading/Parallel.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

using namespace janus::rt;

namespace {

using ArrayFn = void (*)(const float *, float *, int64_t);

// Floats in an order where neighbours are 1 apart, so that differences in
// ulps are differences of these.
int64_t ordered(float F) {
  int32_t I;
  std::memcpy(&I, &F, sizeof I);
  return I < 0 ? int64_t(INT32_MIN) - I : I;
}

bool sameBits(float A, float B) { return std::memcmp(&A, &B, sizeof A) == 0; }

// A sweep of finite floats of magnitude <= 120 (every 4099th bit pattern,
// both signs): all exponents from denormals up, many mantissas.
std::vector<float> sweep() {
  std::vector<float> X;
  for (uint32_t B = 0; B < 0x7f800000u; B += 4099) {
    float F;
    std::memcpy(&F, &B, sizeof F);
    if (std::fabs(F) <= 120) {
      X.push_back(F);
      X.push_back(-F);
    }
  }
  return X;
}

using Avx2Fn = bool (*)(const float *, float *, int64_t);

// Checks Fn against Ref (double) over the sweep: within MaxUlps where
// |x| <= Limit; the scalar and (where the CPU has it) the AVX2 version give
// the same bits everywhere.
void checkAgainstReference(ArrayFn Fn, ArrayFn Scalar, Avx2Fn Avx2,
                           double (*Ref)(double), int64_t MaxUlps,
                           float Limit = 200) {
  std::vector<float> X = sweep();
  std::vector<float> Y(X.size()), S(X.size()), V(X.size());
  Fn(X.data(), Y.data(), int64_t(X.size()));
  Scalar(X.data(), S.data(), int64_t(X.size()));
  bool HaveAvx2 = Avx2(X.data(), V.data(), int64_t(X.size()));
  size_t Mismatch = 0;
  int64_t MaxUlp = 0;
  for (size_t I = 0; I < X.size(); ++I) {
    float R = static_cast<float>(Ref(X[I]));
    int64_t Ulp = std::llabs(ordered(Y[I]) - ordered(R));
    if (std::fabs(X[I]) <= Limit)
      MaxUlp = std::max(MaxUlp, Ulp);
    Mismatch += !sameBits(Y[I], S[I]);
    Mismatch += HaveAvx2 && !sameBits(Y[I], V[I]);
  }
  CHECK(X.size() > 500000);
  CHECK(MaxUlp <= MaxUlps);
  CHECK(Mismatch == 0);
}

double refExp(double X) { return std::exp(X); }
double refTanh(double X) { return std::tanh(X); }
double refSigmoid(double X) { return 1 / (1 + std::exp(-X)); }

float one(ArrayFn Fn, float X) {
  float Y;
  Fn(&X, &Y, 1);
  return Y;
}

bool sameTensorBits(const Tensor &A, const Tensor &B) {
  Tensor CA = contiguous(A), CB = contiguous(B);
  return CA.sizes() == CB.sizes() &&
         std::memcmp(CA.dataPtr<float>(), CB.dataPtr<float>(),
                     size_t(CA.numel()) * sizeof(float)) == 0;
}

} // namespace

TEST_CASE("vecmath: exp, tanh and sigmoid near the reference") {
  checkAgainstReference(vecmath::expF32, vecmath::expF32Scalar,
                        vecmath::expF32Avx2, refExp, 1);
  checkAgainstReference(vecmath::tanhF32, vecmath::tanhF32Scalar,
                        vecmath::tanhF32Avx2, refTanh, 1);
  // Three float roundings after exp's error: 1 + e can lose all of it
  // (e < 1 ulp of 1) or keep it (1 ulp), the quotient adds half an ulp.
  // Below -88.7 exp(-x) overflows and sigmoid gives 0 where the exact
  // value is a denormal, as in PyTorch.
  checkAgainstReference(vecmath::sigmoidF32, vecmath::sigmoidF32Scalar,
                        vecmath::sigmoidF32Avx2, refSigmoid, 2, 88);
}

TEST_CASE("vecmath: log within 1 ulp, scalar and AVX2 alike") {
  std::vector<float> X;
  for (float F : sweep())
    if (F > 0)
      X.push_back(F);
  X.push_back(std::numeric_limits<float>::max());
  std::vector<float> Y(X.size()), S(X.size()), V(X.size());
  int64_t N = int64_t(X.size());
  vecmath::logF32(X.data(), Y.data(), N);
  vecmath::logF32Scalar(X.data(), S.data(), N);
  bool HaveAvx2 = vecmath::logF32Avx2(X.data(), V.data(), N);
  int64_t MaxUlp = 0;
  size_t Mismatch = 0;
  for (size_t I = 0; I < X.size(); ++I) {
    float R = static_cast<float>(std::log(double(X[I])));
    MaxUlp = std::max<int64_t>(MaxUlp, std::llabs(ordered(Y[I]) - ordered(R)));
    Mismatch += !sameBits(Y[I], S[I]) || (HaveAvx2 && !sameBits(Y[I], V[I]));
  }
  CHECK(X.size() > 250000);
  CHECK(MaxUlp <= 1);
  CHECK(Mismatch == 0);
  const float Inf = std::numeric_limits<float>::infinity();
  CHECK(one(vecmath::logF32, 0.0f) == -Inf);
  CHECK(one(vecmath::logF32, -0.0f) == -Inf);
  CHECK(one(vecmath::logF32, Inf) == Inf);
  CHECK(std::isnan(one(vecmath::logF32, -1.0f)));
  CHECK(one(vecmath::logF32, 1.0f) == 0.0f);
}

TEST_CASE("vecmath: special values") {
  const float Inf = std::numeric_limits<float>::infinity();
  const float NaN = std::numeric_limits<float>::quiet_NaN();
  CHECK(std::isnan(one(vecmath::expF32, NaN)));
  CHECK(one(vecmath::expF32, Inf) == Inf);
  CHECK(one(vecmath::expF32, -Inf) == 0.0f);
  CHECK(one(vecmath::expF32, 89.0f) == Inf); // e^89 > FLT_MAX.
  CHECK(one(vecmath::expF32, -104.0f) ==
        0.0f);                                 // Below half the least denormal.
  CHECK(one(vecmath::expF32, -103.0f) > 0.0f); // A denormal.
  CHECK(one(vecmath::expF32, 0.0f) == 1.0f);
  CHECK(std::isnan(one(vecmath::tanhF32, NaN)));
  CHECK(one(vecmath::tanhF32, Inf) == 1.0f);
  CHECK(one(vecmath::tanhF32, -Inf) == -1.0f);
  CHECK(one(vecmath::tanhF32, 1e30f) == 1.0f);
  CHECK(std::signbit(one(vecmath::tanhF32, -0.0f)));
  CHECK(one(vecmath::tanhF32, 1e-30f) == 1e-30f); // tanh x = x to float.
  CHECK(std::isnan(one(vecmath::sigmoidF32, NaN)));
  CHECK(one(vecmath::sigmoidF32, Inf) == 1.0f);
  CHECK(one(vecmath::sigmoidF32, -Inf) == 0.0f);
  CHECK(one(vecmath::sigmoidF32, 0.0f) == 0.5f);
  CHECK(one(vecmath::sigmoidF32, -200.0f) == 0.0f);
}

TEST_CASE("vecmath: exp and tanh do not depend on the position in the "
          "array") {
  std::vector<float> X;
  for (int I = 0; I < 37; ++I)
    X.push_back(float(I) * 0.37f - 6.0f);
  for (ArrayFn Fn : {ArrayFn(vecmath::expF32), ArrayFn(vecmath::tanhF32)})
    for (int64_t Start = 0; Start < 9; ++Start) {
      std::vector<float> Y(X.size());
      Fn(X.data() + Start, Y.data(), int64_t(X.size()) - Start);
      for (size_t I = Start; I < X.size(); ++I)
        CHECK(sameBits(Y[I - Start], one(Fn, X[I])));
    }
}

// ATen's cpu_kernel_vec: the vector formula 1 / (exp(0 - x) + 1) with
// SLEEF's exp on whole blocks of 16, then 1 / (1 + expf(-x)) with glibc's.
TEST_CASE("vecmath: sigmoid uses ATen's two formulas where its loop does") {
  for (int64_t N = 1; N <= 40; ++N) {
    std::vector<float> X, Y(N);
    for (int64_t I = 0; I < N; ++I)
      X.push_back(float(I) * 0.61f - 9.0f);
    vecmath::sigmoidF32(X.data(), Y.data(), N);
    for (int64_t I = 0; I < N; ++I) {
      float Expected = I < N / 16 * 16
                           ? 1.0f / (one(vecmath::expF32, 0.0f - X[I]) + 1.0f)
                           : 1.0f / (1.0f + std::exp(-X[I]));
      CHECK(sameBits(Y[I], Expected));
    }
  }
}

TEST_CASE("vecmath: unary ops on strided views") {
  manualSeed(7);
  Tensor X = mul(randn({6, 20}, DType::Float32), wrappedScalar(Scalar(3.0)));
  Tensor Strided = narrow(X, 1, 3, 9); // Rows of 9 with stride 20.
  Tensor Transposed = t(X);
  for (UnaryOp Op : {UnaryOp::Exp, UnaryOp::Tanh}) {
    CHECK(sameTensorBits(unary(Op, Strided), unary(Op, clone(Strided))));
    CHECK(sameTensorBits(unary(Op, Transposed), unary(Op, clone(Transposed))));
  }
  // ATen's sigmoid takes the scalar formula on strided rows.
  Tensor Every = clone(Strided);
  float *P = Every.dataPtr<float>();
  vecmath::sigmoidF32Libm(P, P, Every.numel());
  CHECK(sameTensorBits(unary(UnaryOp::Sigmoid, Strided), Every));
}

// forEachRowParallel hands a large contiguous tensor over in pieces; the
// split between the formulas must still fall at the tensor's last multiple
// of 16 (as one ATen thread does), whatever the thread count.
TEST_CASE("vecmath: sigmoid of a large tensor does not depend on threads") {
  manualSeed(5);
  int64_t N = 3 * ElementwiseGrain + 21; // Not a multiple of 16.
  Tensor X = mul(randn({N}, DType::Float32), wrappedScalar(Scalar(8.0)));
  std::vector<float> Want(N);
  vecmath::sigmoidF32(X.dataPtr<float>(), Want.data(), N);
  int Saved = numThreads();
  for (int Threads : {1, 2, 3, 4}) {
    setNumThreads(Threads);
    Tensor Y = unary(UnaryOp::Sigmoid, X);
    CAPTURE(Threads);
    CHECK(std::memcmp(Y.dataPtr<float>(), Want.data(), N * sizeof(float)) == 0);
  }
  setNumThreads(Saved);
}

TEST_CASE("fused tanh and sigmoid backwards round as the unfused ops") {
  manualSeed(11);
  for (DType T : {DType::Float32, DType::Float64}) {
    Tensor G = randn({5, 33}, T);
    Tensor Y = unary(UnaryOp::Tanh, randn({5, 33}, T));
    Tensor S = unary(UnaryOp::Sigmoid, randn({5, 33}, T));
    Tensor One = wrappedScalar(Scalar(1.0));
    Tensor TanhRef = mul(G, sub(One, mul(Y, Y)));
    Tensor SigRef = mul(mul(G, sub(One, S)), S);
    Tensor TanhFused = tanhBackward(G, Y), SigFused = sigmoidBackward(G, S);
    size_t Bytes = size_t(G.numel()) * elementSize(T);
    CHECK(std::memcmp(TanhFused.get()->data(), TanhRef.get()->data(), Bytes) ==
          0);
    CHECK(std::memcmp(SigFused.get()->data(), SigRef.get()->data(), Bytes) ==
          0);
  }
}
