//===- VecMathVectorTest.cpp - exp/log/tanh/sigmoid/softmax as PyTorch ----===//
//
// Replays VecMathVectors.inc (scripts/gen-vecmath-vectors.py, PyTorch 1.13,
// one thread): each case builds the generator's formula input in its
// layout (contiguous rows, a narrowed or every-other-column view, a
// transpose; or the listed inputs on which ATen's two sigmoid formulas
// differ), applies the float32 op and compares every value exactly
// (same bits; NaN with NaN): VecMath.cpp promises SLEEF's results and
// ATen's sigmoid loop, SoftmaxRow.cpp ATen's softmax kernels, so a
// difference in a last bit is a failure. The special values go through
// the same ops as one tensor.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Tensor.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using namespace janus::rt;

namespace {

struct VecMathCase {
  const char *Op;
  const char *Layout;
  int64_t Rows, N;
  double Scale;
  std::vector<double> Expected;
};

struct VecMathSpecial {
  const char *Op;
  std::vector<double> Expected;
};

#include "VecMathVectors.inc"

/// The generator's base tensor: element i is (i * 7919 % 2003 - 1001) /
/// 1001 * scale in float64 ((... + 1) for log), rounded to float32.
Tensor formulaBase(const std::string &Op, int64_t Rows, int64_t Cols,
                   double Scale) {
  Tensor X = empty({Rows, Cols}, DType::Float32);
  for (int64_t I = 0; I < X.numel(); ++I) {
    int64_t K = (I * 7919) % 2003;
    double V =
        static_cast<double>(Op == "log" ? K + 1 : K - 1001) / 1001.0 * Scale;
    X.dataPtr<float>()[I] = static_cast<float>(V);
  }
  return X;
}

Tensor formulaInput(const VecMathCase &C) {
  std::string Layout = C.Layout;
  if (Layout == "listed") {
    Tensor X = empty({1, C.N}, DType::Float32);
    for (int64_t I = 0; I < C.N; ++I)
      X.dataPtr<float>()[I] = static_cast<float>(vecMathSplitInputs[I]);
    return X;
  }
  if (Layout == "contiguous")
    return formulaBase(C.Op, C.Rows, C.N, C.Scale);
  if (Layout == "narrow")
    return narrow(formulaBase(C.Op, C.Rows, C.N + 3, C.Scale), 1, 1, C.N);
  if (Layout == "step2")
    return slice(formulaBase(C.Op, C.Rows, 2 * C.N, C.Scale), 1, 0, 2 * C.N, 2);
  return t(formulaBase(C.Op, C.N, C.Rows, C.Scale));
}

Tensor apply(const std::string &Op, const Tensor &X) {
  if (Op == "exp")
    return unary(UnaryOp::Exp, X);
  if (Op == "log")
    return unary(UnaryOp::Log, X);
  if (Op == "tanh")
    return unary(UnaryOp::Tanh, X);
  if (Op == "sigmoid")
    return unary(UnaryOp::Sigmoid, X);
  if (Op == "softmax")
    return softmax(X, -1);
  if (Op == "softmax0")
    return softmax(X, 0);
  if (Op == "log_softmax0")
    return logSoftmax(X, 0);
  return logSoftmax(X, -1);
}

bool sameFloat(float A, float B) {
  return (std::isnan(A) && std::isnan(B)) || std::memcmp(&A, &B, sizeof A) == 0;
}

// Checks Y (any layout) against Expected (row-major) bit for bit.
void checkExact(const Tensor &Y, const std::vector<double> &Expected) {
  Tensor C = contiguous(Y);
  REQUIRE(static_cast<size_t>(C.numel()) == Expected.size());
  for (size_t I = 0; I < Expected.size(); ++I) {
    float Got = C.dataPtr<float>()[I];
    float Want = static_cast<float>(Expected[I]);
    INFO("element " << I << ": got " << Got << " want " << Want);
    CHECK(sameFloat(Got, Want));
  }
}

} // namespace

TEST_CASE("float32 exp/log/tanh/sigmoid/softmax equal PyTorch's bit for bit") {
  int Checked = 0;
  for (const VecMathCase &C : vecMathCases) {
    std::string Name = std::string(C.Op) + ", " + C.Layout + ", " +
                       std::to_string(C.Rows) + " x " + std::to_string(C.N) +
                       ", scale " + std::to_string(C.Scale);
    INFO(Name);
    checkExact(apply(C.Op, formulaInput(C)), C.Expected);
    ++Checked;
  }
  CHECK(Checked > 300);
}

TEST_CASE("float32 exp/log/tanh/sigmoid special values equal PyTorch's") {
  int64_t N = static_cast<int64_t>(std::size(vecMathSpecialInputs));
  Tensor X = empty({N}, DType::Float32);
  for (int64_t I = 0; I < N; ++I)
    X.dataPtr<float>()[I] = static_cast<float>(vecMathSpecialInputs[I]);
  for (const VecMathSpecial &S : vecMathSpecials) {
    INFO(S.Op);
    checkExact(apply(S.Op, X), S.Expected);
  }
}
