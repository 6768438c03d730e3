//===- NNOptionsTest.cpp - Hand checks of the NN kernels' options ---------===//
//
// What the vectors of NNTest.cpp cannot show for F.pad's reflect,
// replicate and circular modes, cross_entropy with class-probability
// targets and embedding's max_norm renormalisation: PyTorch 1.13's error
// kinds and messages (texts from the oracle, /usr/bin/python3 with torch
// 1.13, quoted here), empty inputs, non-float dtypes, and the in-place
// renormalisation's effect on the weight.
//
//===----------------------------------------------------------------------===//

#include "NN/NN.h"
#include "TensorTestUtil.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace janus::rt;
using janus::rt::test::expectError;
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

Tensor filled(const Shape &S, DType T = DType::Float32) { return ones(S, T); }

void expectPadError(const Shape &In, const Shape &Pads, PadMode M,
                    const std::string &Msg, DType T = DType::Float32) {
  CAPTURE(Msg);
  expectError([&] { pad(filled(In, T), Pads, M); }, Msg);
}

const std::string TooWide =
    "Padding size should be less than the corresponding input dimension, but "
    "got: padding ";
const std::string WithZeroBatch =
    " (batch mode) tensor with possibly 0 batch size and other non-zero "
    "dimensions for input, but got: ";

} // namespace

TEST_CASE("nn pad modes: error messages match PyTorch") {
  using M = PadMode;
  // Reflection: pads below the size, spatial dims non-empty.
  expectPadError({2, 3, 4}, {4, 1}, M::Reflect,
                 "Argument #4: " + TooWide +
                     "(4, 1) at dimension 2 of input "
                     "[2, 3, 4]");
  expectPadError({1, 2, 4, 6}, {1, 1, 4, 0}, M::Reflect,
                 "Argument #6: " + TooWide +
                     "(4, 0) at dimension 2 of input 4");
  expectPadError({1, 2, 3, 4}, {4, 1, 0, 0}, M::Reflect,
                 "Argument #4: " + TooWide +
                     "(4, 1) at dimension 3 of input 4");
  expectPadError({1, 1, 2, 3, 4}, {0, 0, 0, 0, 2, 0}, M::Reflect,
                 "Argument #8: " + TooWide +
                     "(2, 0) at dimension 2 of input [1, 1, 2, 3, 4]");
  expectPadError({1, 1, 2, 3}, {1, 1, 1, 1, 1, 1}, M::Reflect,
                 "Argument #8: " + TooWide +
                     "(1, 1) at dimension 1 of input [1, 1, 2, 3]",
                 DType::Int64);
  expectPadError({2, 3, 4}, {-2, -2}, M::Reflect,
                 "2input (W: 4)is too small. Calculated output W: 0");
  expectPadError({1, 2, 3, 4}, {-2, -2, -2, -1}, M::Reflect,
                 "input (H: 3, W: 4)is too small. Calculated output H: 0 W: 0");
  expectPadError({2, 0, 3}, {1, 1}, M::Reflect,
                 "2D or 3D (batch mode) tensor expected for input, but got: "
                 "[ torch.FloatTensor{2,0,3} ]");
  expectPadError({1, 2, 0, 4}, {1, 1, 0, 0}, M::Reflect,
                 "3D or 4D (batch mode) tensor expected for input, but got: "
                 "[ torch.FloatTensor{1,2,0,4} ]");
  expectPadError({0, 2, 3, 4}, {1, 1, 1, 1, 1, 1}, M::Reflect,
                 "Expected 4D or 5D" + WithZeroBatch + "[0, 2, 3, 4]");
  expectPadError({1, 2, 3}, {1, 1}, M::Reflect,
                 "\"reflection_pad1d\" not implemented for 'Long'",
                 DType::Int64);
  expectPadError({1, 1, 2, 3, 3}, {1, 1, 1, 1, 1, 1}, M::Reflect,
                 "\"reflection_pad3d_cpu\" not implemented for 'Long'",
                 DType::Int64);
  // Replication: any pad width, every non-batch dim non-empty.
  expectPadError({2, 3, 4}, {-2, -2}, M::Replicate,
                 "input (W: 4) is too small. Calculated output W: 0");
  expectPadError({1, 2, 3, 4}, {-2, -2, -2, -1}, M::Replicate,
                 "input (H: 3, W: 4 ) is too small. Calculated output H: 0 W: "
                 "0");
  expectPadError({1, 1, 2, 3, 4}, {-2, -2, -2, -1, -1, -1}, M::Replicate,
                 "input (D: 2 H: 3, W: 4) is too small. Calculated output D: "
                 "0 H: 0 W: 0");
  expectPadError({0, 3}, {1, 1}, M::Replicate,
                 "Expected 2D or 3D" + WithZeroBatch + "[0, 3]");
  expectPadError({0, 3, 4}, {1, 1, 1, 1}, M::Replicate,
                 "Expected 3D or 4D" + WithZeroBatch + "[0, 3, 4]");
  expectPadError({1, 2, 3}, {1, 1, 1, 1}, M::Replicate,
                 "\"replication_pad2d_cpu\" not implemented for 'Long'",
                 DType::Int64);
  // Circular: a batch and a channel dim, at most one wrap.
  expectPadError({2, 3}, {1, 2}, M::Circular,
                 "Invalid padding size, expected 0 but got 2");
  expectPadError({2, 3, 4}, {1, 2, 1, 0}, M::Circular,
                 "Invalid padding size, expected 2 but got 4");
  expectPadError({2, 3, 4}, {5, 0}, M::Circular,
                 "Padding value causes wrapping around more than once.");
  expectPadError({1, 2, 3, 4}, {0, 0, 4, 0}, M::Circular,
                 "Padding value causes wrapping around more than once.");
  expectPadError({2, 3, 4}, {-3, -2}, M::Circular,
                 "Negative padding value is resulting in an empty dimension");
  // F.pad's own checks (the last is a NotImplementedError in PyTorch).
  expectPadError({2, 3, 4}, {1}, M::Reflect,
                 "Padding length must be divisible by 2");
  expectPadError({2, 3}, {1, 1, 1, 1, 1, 1}, M::Replicate,
                 "Padding length too large");
  expectPadError({3}, {1, 2}, M::Reflect,
                 "Only 2D, 3D, 4D, 5D padding with non-constant padding are "
                 "supported for now");
}

TEST_CASE("nn pad modes: empty batches and circular padding of any dtype") {
  // F.pad(torch.zeros(0, 3), (1, 1), mode='reflect').shape == (0, 5), and
  // likewise an empty batch of 3-d input for replicate.
  CHECK(pad(filled({0, 3}), {1, 1}, PadMode::Reflect).sizes() == Shape{0, 5});
  CHECK(pad(filled({0, 2, 3}), {1, 1}, PadMode::Replicate).sizes() ==
        Shape{0, 2, 5});
  CHECK(pad(filled({2, 0, 3}), {1, 1}, PadMode::Circular).sizes() ==
        Shape{2, 0, 5});
  // F.pad(torch.arange(6).reshape(1, 2, 3), (1, 1), mode='circular')
  Tensor I = makeTensor(DType::Int64, {1, 2, 3}, {0, 1, 2, 3, 4, 5});
  Tensor R = pad(I, {1, 1}, PadMode::Circular);
  CHECK(R.dtype() == DType::Int64);
  CHECK(valuesOf(R) == std::vector<double>{2, 0, 1, 2, 0, 5, 3, 4, 5, 3});
  Tensor B = makeTensor(DType::Bool, {1, 1, 3}, {1, 0, 0});
  CHECK(valuesOf(pad(B, {2, 0}, PadMode::Circular)) ==
        std::vector<double>{0, 0, 1, 0, 0});
  // (-1, 3) on [0, 1, 2, 3, 4]: the right pad copies from the cropped
  // centre, so it is [1, 2, 3], not a modulo [0, 1, 2].
  Tensor F = makeTensor(DType::Float32, {1, 1, 5}, {0, 1, 2, 3, 4});
  CHECK(valuesOf(pad(F, {-1, 3}, PadMode::Circular)) ==
        std::vector<double>{1, 2, 3, 4, 1, 2, 3});
}

TEST_CASE("nn cross_entropy with probability targets: errors and dtypes") {
  Tensor X = filled({3, 4});
  auto CE = [](const Tensor &In, const Tensor &T, const Tensor &W,
               int64_t Ignore = -100, double Smoothing = 0.0) {
    return crossEntropy(In, T, W, Reduction::Mean, Ignore, Smoothing);
  };
  expectError(
      [&] {
        CE(X, ones({3, 4}, DType::Int64), {});
      },
      "Expected floating point type for target with class "
      "probabilities, got Long");
  expectError(
      [&] {
        CE(X, ones({3, 4}, DType::Bool), {});
      },
      "Expected floating point type for target with class "
      "probabilities, got Bool");
  expectError(
      [&] {
        CE(X, filled({3, 4}), {}, 1);
      },
      "ignore_index is not supported for floating point target");
  expectError(
      [&] {
        CE(X, filled({3, 4}), filled({3}));
      },
      "cross_entropy: weight tensor should be defined either for all "
      "4 classes or no classes but got weight tensor of shape: [3]");
  expectError(
      [&] {
        CE(X, filled({3, 4}), filled({2, 2}));
      },
      "cross_entropy: weight tensor should be defined either for all "
      "4 classes or no classes but got weight tensor of shape: [2, 2]");
  expectError(
      [&] {
        CE(X, filled({3, 4}), {}, -100, 1.5);
      },
      "label_smoothing must be between 0.0 and 1.0. Got: 1.5");
  expectError(
      [&] {
        CE(ones({3, 4}, DType::Int64), filled({3, 4}), {});
      },
      "\"log_softmax_lastdim_kernel_impl\" not implemented for "
      "'Long'");
  expectError([&] { CE(filled({}), filled({}), {}); }, ErrorKind::IndexError,
              "Dimension specified as 1 but tensor has no dimensions");
  // A float target of another shape is a class-index target.
  expectError([&] { CE(X, filled({3}), {}); },
              "expected scalar type Long but found Float");
  // Negative label_smoothing is no smoothing, for both kinds of target.
  Tensor T = makeTensor(DType::Float32, {3, 4},
                        {0.1, 0.2, 0.3, 0.4, 1, 0, 0, 0, 0.5, 0.5, 0, 0});
  CHECK(valuesOf(CE(X, T, {}, -100, -0.5)) == valuesOf(CE(X, T, {})));
  Tensor Idx = makeTensor(DType::Int64, {3}, {0, 3, 1});
  CHECK(valuesOf(CE(X, Idx, {}, -100, -0.5)) == valuesOf(CE(X, Idx, {})));
  // No classes: F.cross_entropy(torch.zeros(2, 0), torch.zeros(2, 0)) is
  // nan (mean), -0. (sum).
  CHECK(std::isnan(valuesOf(CE(filled({2, 0}), filled({2, 0}), {}))[0]));
  CHECK(valuesOf(crossEntropy(filled({2, 0}), filled({2, 0}), {},
                              Reduction::Sum))[0] == 0.0);
  // float32 input, float64 target: a float64 loss, gradients in each dtype.
  Tensor T64 = to(T, DType::Float64);
  CHECK(CE(X, T64, {}).dtype() == DType::Float64);
  auto G = crossEntropyProbBackward(scalarTensor(Scalar(1.0), DType::Float64),
                                    X, T64, {}, Reduction::Mean, 0.0);
  CHECK(G.first.dtype() == DType::Float32);
  CHECK(G.second.dtype() == DType::Float64);
}

TEST_CASE("nn embedding max_norm renormalises referenced rows in place") {
  // Rows 0 and 2 have 2-norms 5 and 1; indices [2, 0, 0] renormalise row
  // 0 once (duplicates count once) to norm 1 / (5 + 1e-7) * 5 and leave
  // row 1 (not referenced) and row 2 (norm not above max_norm) alone.
  Tensor W = makeTensor(DType::Float64, {3, 2}, {3, 4, 6, 8, 0.6, 0.8});
  Tensor Idx = makeTensor(DType::Int64, {3}, {2, 0, 0});
  uint64_t Before = W->storage()->version();
  embeddingRenorm(W, Idx, 1.0);
  CHECK(W->storage()->version() > Before);
  double S = 1.0 / (5 + 1e-7);
  std::vector<double> Got = valuesOf(W);
  CHECK(Got[0] == doctest::Approx(3 * S).epsilon(1e-15));
  CHECK(Got[1] == doctest::Approx(4 * S).epsilon(1e-15));
  CHECK(std::vector<double>(Got.begin() + 2, Got.end()) ==
        std::vector<double>{6, 8, 0.6, 0.8});
  // norm_type inf: max |x| = 8 for row 1, a negative index is row 2.
  Tensor V = makeTensor(DType::Float32, {3, 2}, {3, 4, 6, -8, 0.6, 0.8});
  embeddingRenorm(V, makeTensor(DType::Int64, {2}, {1, -1}), 2.0,
                  std::numeric_limits<double>::infinity());
  CHECK(valuesOf(V)[3] == doctest::Approx(-8 * 2 / (8 + 1e-7)));
  CHECK(valuesOf(V)[4] == doctest::Approx(0.6));
  // The oracle's messages.
  expectError([&] { embeddingRenorm(W, filled({2}), 1.0); },
              "Expected tensor for argument #2 'indices' to have one of the "
              "following scalar types: Long, Int; but got torch.FloatTensor "
              "instead (while checking arguments for embedding_renorm_)");
  Tensor Flat = filled({5});
  expectError([&] { embeddingRenorm(Flat, Idx, 1.0); },
              "Expected 2-dimensional tensor, but got 1-dimensional tensor for "
              "argument #1 'self' (while checking arguments for "
              "embedding_renorm_)");
  expectError(
      [&] {
        embeddingRenorm(W, makeTensor(DType::Int64, {2}, {1, 7}), 1.0);
      },
      ErrorKind::IndexError,
      "select(): index 7 out of range for tensor of size [3, 2] at "
      "dimension 0");
  Tensor Longs = ones({3, 2}, DType::Int64);
  expectError([&] { embeddingRenorm(Longs, Idx, 1.0); },
              "norm(): input dtype should be either floating point or "
              "complex. Got Long instead.");
}
