//===- TensorTestUtil.h - Helpers shared by the tensor tests ---*- C++ -*-===//
//
// Building tensors from the double lists that the oracle-generated *Vectors.inc
// files hold, reading them back, comparing them with a tolerance, expecting a
// TensorError, and the autograd tests' leaves, output gradient and finite-
// difference check, for every tensor-area test file.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_TEST_UNIT_RUNTIME_TENSORTESTUTIL_H
#define JANUS_TEST_UNIT_RUNTIME_TENSORTESTUTIL_H

#include "Autograd/Autograd.h"
#include "Tensor/Tensor.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace janus::rt::test {

/// A named input tensor as the generated *Vectors.inc files list them.
struct InputSpec {
  const char *Name;
  DType Type;
  std::vector<int64_t> Sizes;
  std::vector<double> Values;
};

/// A named float32 input of the autograd vectors (its dtype is the test's
/// choice: float32 against PyTorch, float64 for finite differences).
struct NamedValues {
  const char *Name;
  std::vector<int64_t> Sizes;
  std::vector<double> Values;
};

/// An input's expected .grad; Defined is 0 where PyTorch left it None.
struct ExpectedGrad {
  int Defined;
  std::vector<double> Values;
};

/// A new contiguous tensor of type T holding Values (row-major).
inline Tensor makeTensor(DType T, const std::vector<int64_t> &Sizes,
                  const std::vector<double> &Values) {
  Tensor Out = empty(Sizes, T);
  for (size_t I = 0; I < Values.size(); ++I) {
    double V = Values[I];
    switch (T) {
    case DType::Bool:
      Out.dataPtr<bool>()[I] = V != 0;
      break;
    case DType::Int64:
      Out.dataPtr<int64_t>()[I] = static_cast<int64_t>(V);
      break;
    case DType::Float32:
      Out.dataPtr<float>()[I] = static_cast<float>(V);
      break;
    case DType::Float64:
      Out.dataPtr<double>()[I] = V;
      break;
    }
  }
  return Out;
}

/// The elements of T in row-major order, converted to double.
inline std::vector<double> valuesOf(const Tensor &T) {
  Tensor D = to(contiguous(T), DType::Float64);
  return std::vector<double>(D.dataPtr<double>(),
                             D.dataPtr<double>() + D.numel());
}

/// A Python number operand (a wrapped scalar).
inline Tensor num(double V) { return wrappedScalar(Scalar(V)); }

/// makeTensor, as a leaf that requires grad.
inline Tensor leafTensor(DType T, const std::vector<int64_t> &Sizes,
                         const std::vector<double> &Values) {
  Tensor X = makeTensor(T, Sizes, Values);
  setRequiresGrad(X, true);
  return X;
}

/// Whether Got matches Want within Tol relative to max(|Want|, 1). NaN
/// matches NaN; Tol == 0 and infinite values ask for equality.
inline bool closeTo(double Got, double Want, double Tol) {
  if (std::isnan(Want))
    return std::isnan(Got);
  if (Tol == 0 || std::isinf(Want))
    return Got == Want;
  return std::fabs(Got - Want) <= Tol * std::max(std::fabs(Want), 1.0);
}

/// Checks every element of T against Want with closeTo.
inline void checkValues(const Tensor &T, const std::vector<double> &Want,
                        double Tol) {
  std::vector<double> Got = valuesOf(T);
  REQUIRE(Got.size() == Want.size());
  for (size_t I = 0; I < Got.size(); ++I) {
    CAPTURE(I);
    CHECK_MESSAGE(closeTo(Got[I], Want[I], Tol),
                  "got " << Got[I] << " want " << Want[I]);
  }
}

/// Expects Fn() to throw a TensorError of kind K with exactly message Msg.
template <typename F>
void expectError(F &&Fn, ErrorKind K, const std::string &Msg) {
  try {
    Fn();
    FAIL("expected an error: " << Msg);
  } catch (const TensorError &E) {
    CHECK(E.kind() == K);
    CHECK(std::string(E.what()) == Msg);
  }
}

/// expectError for a RuntimeError.
template <typename F> void expectError(F &&Fn, const std::string &Msg) {
  expectError(std::forward<F>(Fn), ErrorKind::RuntimeError, Msg);
}

/// The autograd generators' output gradient: cos(0.7 i + 0.3) for the i-th
/// element (row-major) of a tensor of Sizes, in dtype T.
inline Tensor waveGradient(DType T, const std::vector<int64_t> &Sizes) {
  int64_t N = 1;
  for (int64_t S : Sizes)
    N *= S;
  std::vector<double> V(static_cast<size_t>(N));
  for (size_t I = 0; I < V.size(); ++I)
    V[I] = std::cos(0.7 * double(I) + 0.3);
  return makeTensor(T, Sizes, V);
}

/// Checks the .grad of every float64 leaf in In, after backward(Fn(In), W)
/// with W = waveGradient, against central differences of sum(Fn(In) * W)
/// (eps 1e-6), with torch.autograd.gradcheck's tolerances |analytic -
/// numeric| <= 1e-5 + 1e-3 |numeric|: the truncation error is O(eps^2) and
/// the rounding error about 1e-16 / eps = 1e-10.
inline void checkFiniteDifferences(
    const std::vector<Tensor> &In,
    const std::function<Tensor(const std::vector<Tensor> &)> &Fn) {
  const double Eps = 1e-6, Atol = 1e-5, Rtol = 1e-3;
  Tensor Out = Fn(In);
  Tensor W = waveGradient(DType::Float64, Out.sizes());
  backward(Out, to(W, Out.dtype()));
  auto WeightedSum = [&](const std::vector<Tensor> &Args) {
    return itemDouble(sum(mul(Fn(Args), W)));
  };
  for (size_t K = 0; K < In.size(); ++K) {
    Tensor G = grad(In[K]);
    if (!G)
      continue;
    std::vector<double> Analytic = valuesOf(G);
    for (int64_t J = 0; J < In[K].numel(); ++J) {
      double Numeric;
      {
        NoGradGuard NoGrad;
        std::vector<Tensor> Plus, Minus;
        for (const Tensor &T : In) {
          Plus.push_back(clone(T));
          Minus.push_back(clone(T));
        }
        Plus[K].dataPtr<double>()[J] += Eps;
        Minus[K].dataPtr<double>()[J] -= Eps;
        Numeric = (WeightedSum(Plus) - WeightedSum(Minus)) / (2 * Eps);
      }
      CAPTURE(K);
      CAPTURE(J);
      CHECK_MESSAGE(std::fabs(Analytic[J] - Numeric) <=
                        Atol + Rtol * std::fabs(Numeric),
                    "analytic " << Analytic[J] << " numeric " << Numeric);
    }
  }
}

} // namespace janus::rt::test

#endif // JANUS_TEST_UNIT_RUNTIME_TENSORTESTUTIL_H
