//===- ReduceTest.cpp - sum/mean/var/std bit for bit against PyTorch ------===//
//
// Replays ReduceVectors.inc (scripts/gen-reduce-vectors.py, PyTorch 1.13,
// one thread): each case builds the generator's formula input, permutes
// it when the case says so, reduces it and compares every value exactly
// (==, not a tolerance): runtime/lib/Tensor/CascadeSum.cpp promises ATen's
// summation order, so any difference in a last bit is a failure.
//
//===----------------------------------------------------------------------===//

#include "NN/NN.h"
#include "Tensor/Tensor.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace janus::rt;

namespace {

struct ReduceCase {
  bool Float64;
  std::vector<int64_t> Shape, Perm;
  bool AllDims;
  std::vector<int64_t> Dims;
  const char *Op;
  bool KeepDim;
  std::vector<double> Expected;
  std::vector<int64_t> ExpectedShape;
};

struct NllCase {
  bool Float64;
  int64_t N;
  bool Weighted, Mean, Ignore;
  double Expected;
};

#include "ReduceVectors.inc"

/// The generator's input: element i is (i * 7919 % 1000 - 500) / 7 in
/// float64, rounded to the dtype.
Tensor formulaInput(const ReduceCase &C) {
  DType T = C.Float64 ? DType::Float64 : DType::Float32;
  Tensor X = empty(C.Shape, T);
  for (int64_t I = 0; I < X.numel(); ++I) {
    double V = static_cast<double>((I * 7919) % 1000 - 500) / 7.0;
    if (C.Float64)
      X.dataPtr<double>()[I] = V;
    else
      X.dataPtr<float>()[I] = static_cast<float>(V);
  }
  return C.Perm.empty() ? X : permute(X, C.Perm);
}

Tensor reduce(const ReduceCase &C, const Tensor &X) {
  Shape Dims = C.AllDims ? Shape{} : Shape(C.Dims.begin(), C.Dims.end());
  std::string Op = C.Op;
  if (Op == "sum")
    return sum(X, Dims, C.KeepDim);
  if (Op == "mean")
    return mean(X, Dims, C.KeepDim);
  if (Op == "var")
    return var(X, Dims, /*Unbiased=*/true, C.KeepDim);
  if (Op == "var0")
    return var(X, Dims, /*Unbiased=*/false, C.KeepDim);
  return janus::rt::std(X, Dims, /*Unbiased=*/true, C.KeepDim);
}

} // namespace

TEST_CASE("float reductions equal PyTorch's bit for bit") {
  int Checked = 0;
  for (const ReduceCase &C : reduceCases) {
    Tensor X = formulaInput(C);
    Tensor Y = contiguous(reduce(C, X));
    std::string Name = std::string(C.Op) + " of shape " +
                       std::to_string(C.Shape.size()) + "-d, " +
                       std::to_string(X.numel()) + " elements" +
                       (C.Perm.empty() ? "" : ", permuted") +
                       (C.Float64 ? ", float64" : ", float32");
    INFO(Name);
    REQUIRE(Y.sizes() == Shape(C.ExpectedShape.begin(), C.ExpectedShape.end()));
    REQUIRE(static_cast<size_t>(Y.numel()) == C.Expected.size());
    for (int64_t I = 0; I < Y.numel(); ++I) {
      double Got = C.Float64 ? Y.dataPtr<double>()[I]
                             : static_cast<double>(Y.dataPtr<float>()[I]);
      bool BothNaN = Got != Got && C.Expected[I] != C.Expected[I];
      if (!BothNaN)
        CHECK_MESSAGE(Got == C.Expected[I], Name, " element ", I);
    }
    ++Checked;
  }
  CHECK(Checked > 400);
}

TEST_CASE("nll_loss's reduced value equals PyTorch's bit for bit") {
  // The generator's inputs: log_softmax over [N, 10] formula logits,
  // targets (i * 7) % 10, every seventh ignored (-100) in some cases,
  // weights (c + 1) / 8.
  for (const NllCase &C : nllCases) {
    DType T = C.Float64 ? DType::Float64 : DType::Float32;
    ReduceCase Shape{C.Float64, {C.N, 10}, {}, true, {}, "sum", false, {}, {}};
    Tensor LogP = logSoftmax(formulaInput(Shape), 1);
    Tensor Target = empty({C.N}, DType::Int64);
    for (int64_t I = 0; I < C.N; ++I)
      Target.dataPtr<int64_t>()[I] =
          C.Ignore && I % 7 == 0 ? -100 : (I * 7) % 10;
    Tensor Weight;
    if (C.Weighted) {
      Weight = empty({10}, T);
      for (int64_t K = 0; K < 10; ++K) {
        double V = static_cast<double>(K + 1) / 8.0;
        if (C.Float64)
          Weight.dataPtr<double>()[K] = V;
        else
          Weight.dataPtr<float>()[K] = static_cast<float>(V);
      }
    }
    Tensor Y = nllLoss(LogP, Target, Weight,
                       C.Mean ? Reduction::Mean : Reduction::Sum);
    double Got = C.Float64 ? *Y.dataPtr<double>()
                           : static_cast<double>(*Y.dataPtr<float>());
    std::string Name =
        "N=" + std::to_string(C.N) + (C.Weighted ? " weighted" : "") +
        (C.Mean ? " mean" : " sum") + (C.Ignore ? " ignore" : "") +
        (C.Float64 ? " float64" : " float32");
    INFO(Name);
    // A batch whose only row is ignored has mean 0 / 0: NaN on both sides.
    if (std::isnan(C.Expected))
      CHECK(std::isnan(Got));
    else
      CHECK(Got == C.Expected);
  }
}
