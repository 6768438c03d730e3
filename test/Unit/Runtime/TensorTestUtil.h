//===- TensorTestUtil.h - Helpers shared by the tensor unit tests -*- C++ -*-===//
//
// Building tensors from the double lists that the oracle-generated *Vectors.inc
// files hold, and reading them back, for every tensor-area test file.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_TEST_UNIT_RUNTIME_TENSORTESTUTIL_H
#define JANUS_TEST_UNIT_RUNTIME_TENSORTESTUTIL_H

#include "Tensor/Tensor.h"

#include <cstdint>
#include <vector>

namespace janus::rt::test {

/// A named input tensor as the generated *Vectors.inc files list them.
struct InputSpec {
  const char *Name;
  DType Type;
  std::vector<int64_t> Sizes;
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

} // namespace janus::rt::test

#endif // JANUS_TEST_UNIT_RUNTIME_TENSORTESTUTIL_H
