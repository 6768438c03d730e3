//===- NNTest.cpp - Tests of the neural-network kernels -------------------===//
//
// Replays NNVectors.inc, written by scripts/gen-nn-vectors.py from PyTorch
// 1.13 (CPU): each case runs one op forward and backward through the
// runtime, the way runOp() below mirrors the generator's OPS table, and
// compares the forward outputs and the gradients that torch.autograd
// computed for the same grad_output (the case's last input). Tolerances are
// chosen by the generator per op and dtype (BLAS summation order differs
// from PyTorch's oneDNN/im2col order; float vs double accumulation) and are
// relative to max(|expected|, 1); indices, embedding, padding and dropout
// are exact. Then hand-written checks of error types and messages (texts
// taken from the oracle) and of dropout's bit-exactness after manual_seed.
//
//===----------------------------------------------------------------------===//

#include "NN/NN.h"
#include "TensorTestUtil.h"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace janus::rt;
using janus::rt::test::closeTo;
using janus::rt::test::expectError;
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

// A tensor of the vectors file: dtype, rank, sizes and where its row-major
// values start in Values[].
struct TensorRef {
  DType Type;
  int Rank;
  int64_t Sizes[6];
  size_t Offset;
};

struct NNCase {
  const char *Op;
  int FirstInput, NumInputs, FirstExpected, NumExpected, FirstParam,
      NumParams;
  double Tol;
};

#include "NNVectors.inc"

std::vector<int64_t> sizesOf(const TensorRef &R) {
  return std::vector<int64_t>(R.Sizes, R.Sizes + R.Rank);
}

std::vector<double> refValues(const TensorRef &R) {
  int64_t N = 1;
  for (int I = 0; I < R.Rank; ++I)
    N *= R.Sizes[I];
  return std::vector<double>(Values + R.Offset, Values + R.Offset + N);
}

using Tensors = std::vector<Tensor>;
using Params = std::vector<double>;

int64_t ip(const Params &P, size_t I) { return static_cast<int64_t>(P[I]); }
Pair2 pair(const Params &P, size_t I) { return {ip(P, I), ip(P, I + 1)}; }
Reduction reduction(double R) {
  return R == 0 ? Reduction::None : R == 1 ? Reduction::Mean : Reduction::Sum;
}
void append(Tensors &Out, const InputWeightBiasGrads &G, bool Bias) {
  Out.push_back(G.Input);
  Out.push_back(G.Weight);
  if (Bias)
    Out.push_back(G.Bias);
}

// The runtime side of the generator's OPS table: forward outputs, then the
// gradients of the differentiable inputs for GradOut = the last input.
Tensors runOp(const std::string &Op, const Tensors &In, const Params &P) {
  using Fn = std::function<Tensors(const Tensors &, const Params &)>;
  static const std::map<std::string, Fn> Ops = {
      {"conv2d",
       [](const Tensors &I, const Params &P) {
         bool B = P[7] != 0;
         Tensor Bias = B ? I[2] : Tensor();
         Tensor Y = conv2d(I[0], I[1], Bias, pair(P, 0), pair(P, 2),
                           pair(P, 4), ip(P, 6));
         Tensors Out{Y};
         append(Out,
                conv2dBackward(I.back(), I[0], I[1], pair(P, 0), pair(P, 2),
                               pair(P, 4), ip(P, 6), {true, true, B}),
                B);
         return Out;
       }},
      {"conv_transpose2d",
       [](const Tensors &I, const Params &P) {
         bool B = P[9] != 0;
         Tensor Bias = B ? I[2] : Tensor();
         Tensor Y = convTranspose2d(I[0], I[1], Bias, pair(P, 0), pair(P, 2),
                                    pair(P, 4), ip(P, 6), pair(P, 7));
         Tensors Out{Y};
         append(Out,
                convTranspose2dBackward(I.back(), I[0], I[1], pair(P, 0),
                                        pair(P, 2), pair(P, 4), ip(P, 6),
                                        pair(P, 7), {true, true, B}),
                B);
         return Out;
       }},
      {"max_pool2d",
       [](const Tensors &I, const Params &P) {
         std::optional<Pair2> S;
         if (P[2] != 0)
           S = pair(P, 2);
         MaxPoolResult R =
             maxPool2d(I[0], pair(P, 0), S, pair(P, 4), pair(P, 6), P[8] != 0);
         return Tensors{R.Output, R.Indices,
                        maxPool2dBackward(I.back(), I[0], R.Indices)};
       }},
      {"avg_pool2d",
       [](const Tensors &I, const Params &P) {
         std::optional<Pair2> S;
         if (P[2] != 0)
           S = pair(P, 2);
         std::optional<int64_t> Div;
         if (P[8] != 0)
           Div = ip(P, 8);
         Tensor Y = avgPool2d(I[0], pair(P, 0), S, pair(P, 4), P[6] != 0,
                              P[7] != 0, Div);
         return Tensors{Y, avgPool2dBackward(I.back(), I[0], pair(P, 0), S,
                                             pair(P, 4), P[6] != 0, P[7] != 0,
                                             Div)};
       }},
      {"adaptive_avg_pool2d",
       [](const Tensors &I, const Params &P) {
         return Tensors{adaptiveAvgPool2d(I[0], pair(P, 0)),
                        adaptiveAvgPool2dBackward(I.back(), I[0])};
       }},
      {"embedding",
       [](const Tensors &I, const Params &P) {
         std::optional<int64_t> Pad;
         if (P[0] != -1000)
           Pad = ip(P, 0);
         return Tensors{embedding(I[0], I[1], Pad),
                        embeddingBackward(I.back(), I[1], I[0].size(0), Pad)};
       }},
      {"batch_norm",
       [](const Tensors &I, const Params &P) {
         bool Training = P[0] != 0, Affine = P[3] != 0;
         Tensor W = Affine ? I[1] : Tensor(), B = Affine ? I[2] : Tensor();
         Tensor RM = clone(I[3]), RV = clone(I[4]);
         Tensor RM0 = clone(RM), RV0 = clone(RV);
         BatchNormResult R =
             batchNorm(I[0], W, B, RM, RV, Training, P[1], P[2]);
         // Backward in eval mode needs the running stats of the forward.
         InputWeightBiasGrads G =
             batchNormBackward(I.back(), I[0], W, RM0, RV0, R.SaveMean,
                               R.SaveInvstd, Training, P[2],
                               {true, Affine, Affine});
         Tensors Out{R.Output, RM, RV, G.Input};
         if (Affine) {
           Out.push_back(G.Weight);
           Out.push_back(G.Bias);
         }
         return Out;
       }},
      {"dropout",
       [](const Tensors &I, const Params &P) {
         TorchGenerator::defaultGenerator().manualSeed(ip(P, 0));
         DropoutResult R = dropout(I[0], P[1], P[2] != 0);
         return Tensors{R.Output, dropoutBackward(I.back(), R.Mask)};
       }},
      {"nll_loss",
       [](const Tensors &I, const Params &P) {
         Tensor W = I.size() == 4 ? I[2] : Tensor();
         Reduction R = reduction(P[0]);
         return Tensors{
             nllLoss(I[0], I[1], W, R, ip(P, 1)),
             nllLossBackward(I.back(), I[0], I[1], W, R, ip(P, 1))};
       }},
      {"cross_entropy",
       [](const Tensors &I, const Params &P) {
         Tensor W = I.size() == 4 ? I[2] : Tensor();
         Reduction R = reduction(P[0]);
         return Tensors{crossEntropy(I[0], I[1], W, R, ip(P, 1), P[2]),
                        crossEntropyBackward(I.back(), I[0], I[1], W, R,
                                             ip(P, 1), P[2])};
       }},
      {"mse_loss",
       [](const Tensors &I, const Params &P) {
         Reduction R = reduction(P[0]);
         auto G = mseLossBackward(I.back(), I[0], I[1], R);
         return Tensors{mseLoss(I[0], I[1], R), G.first, G.second};
       }},
      {"binary_cross_entropy",
       [](const Tensors &I, const Params &P) {
         bool Weighted = I.size() == 4;
         Tensor W = Weighted ? I[2] : Tensor();
         Reduction R = reduction(P[0]);
         auto G = binaryCrossEntropyBackward(I.back(), I[0], I[1], W, R,
                                             {true, !Weighted});
         Tensors Out{binaryCrossEntropy(I[0], I[1], W, R), G.first};
         if (!Weighted)
           Out.push_back(G.second);
         return Out;
       }},
      {"leaky_relu",
       [](const Tensors &I, const Params &P) {
         return Tensors{leakyRelu(I[0], P[0]),
                        leakyReluBackward(I.back(), I[0], P[0])};
       }},
      {"pad",
       [](const Tensors &I, const Params &P) {
         Shape Pads;
         for (size_t K = 1; K < P.size(); ++K)
           Pads.push_back(ip(P, K));
         return Tensors{constantPad(I[0], Pads, P[0]),
                        constantPadBackward(I.back(), Pads)};
       }},
      {"cross_entropy_prob",
       [](const Tensors &I, const Params &P) {
         Tensor W = I.size() == 4 ? I[2] : Tensor();
         Reduction R = reduction(P[0]);
         auto G = crossEntropyProbBackward(I.back(), I[0], I[1], W, R, P[1]);
         return Tensors{crossEntropy(I[0], I[1], W, R, -100, P[1]), G.first,
                        G.second};
       }},
      {"embedding_renorm",
       [](const Tensors &I, const Params &P) {
         std::optional<int64_t> Pad;
         if (P[2] != -1000)
           Pad = ip(P, 2);
         Tensor W = clone(I[0]);
         embeddingRenorm(W, I[1], P[0], P[1]);
         return Tensors{embedding(W, I[1], Pad), W,
                        embeddingBackward(I.back(), I[1], W.size(0), Pad)};
       }},
      {"pad_mode",
       [](const Tensors &I, const Params &P) {
         const PadMode Modes[] = {PadMode::Reflect, PadMode::Replicate,
                                  PadMode::Circular};
         PadMode M = Modes[ip(P, 0)];
         Shape Pads;
         for (size_t K = 1; K < P.size(); ++K)
           Pads.push_back(ip(P, K));
         return Tensors{pad(I[0], Pads, M),
                        padBackward(I.back(), I[0].sizes(), Pads, M)};
       }},
  };
  auto It = Ops.find(Op);
  REQUIRE_MESSAGE(It != Ops.end(), "no runtime implementation of " << Op);
  return It->second(In, P);
}

} // namespace

TEST_CASE("nn kernels match PyTorch 1.13 forward and backward") {
  int Checked = 0;
  for (size_t CI = 0; CI < sizeof(Cases) / sizeof(Cases[0]); ++CI) {
    const NNCase &C = Cases[CI];
    CAPTURE(CI);
    std::string Op = C.Op;
    CAPTURE(Op);
    Tensors In;
    for (int I = 0; I < C.NumInputs; ++I) {
      const TensorRef &R = TensorRefs[C.FirstInput + I];
      In.push_back(makeTensor(R.Type, sizesOf(R), refValues(R)));
    }
    Params P(ParamValues + C.FirstParam,
             ParamValues + C.FirstParam + C.NumParams);
    Tensors Out = runOp(C.Op, In, P);
    REQUIRE(Out.size() == size_t(C.NumExpected));
    for (size_t K = 0; K < Out.size(); ++K) {
      CAPTURE(K);
      const TensorRef &E = TensorRefs[C.FirstExpected + K];
      REQUIRE(Out[K]);
      CHECK(dtypeName(Out[K].dtype()) == std::string(dtypeName(E.Type)));
      CHECK(Out[K].sizes() == sizesOf(E));
      if (Out[K].sizes() != sizesOf(E))
        continue;
      std::vector<double> Got = valuesOf(Out[K]), Want = refValues(E);
      for (size_t I = 0; I < Got.size(); ++I) {
        CAPTURE(I);
        CHECK_MESSAGE(closeTo(Got[I], Want[I], C.Tol),
                      "got " << Got[I] << " want " << Want[I] << " rel "
                             << (Got[I] - Want[I]) / Want[I]);
      }
    }
    ++Checked;
  }
  CHECK(Checked == static_cast<int>(sizeof(Cases) / sizeof(Cases[0])));
}

namespace {
Tensor filled(const Shape &S, double V = 0.5, DType T = DType::Float32) {
  return full(S, Scalar(V), T);
}
Tensor longs(const std::vector<double> &V) {
  return makeTensor(DType::Int64, {int64_t(V.size())}, V);
}
} // namespace

// Messages as torch 1.13 prints them for the same calls (F.conv2d(...) etc.).
TEST_CASE("nn error messages match PyTorch") {
  using EK = ErrorKind;
  Tensor X = filled({2, 3, 8, 8}), W = filled({4, 3, 3, 3});
  expectError([&] { conv2d(filled({2, 3}), W, {}); }, EK::RuntimeError,
              "Expected 3D (unbatched) or 4D (batched) input to conv2d, but "
              "got input of size: [2, 3]");
  expectError([&] { conv2d(X, filled({4, 2, 3, 3}), {}); }, EK::RuntimeError,
              "Given groups=1, weight of size [4, 2, 3, 3], expected "
              "input[2, 3, 8, 8] to have 2 channels, but got 3 channels "
              "instead");
  expectError(
      [&] {
        conv2d(filled({2, 4, 8, 8}), filled({3, 2, 3, 3}), {}, {1, 1}, {0, 0},
               {1, 1}, 2);
      },
      EK::RuntimeError,
      "Given groups=2, expected weight to be divisible by 2 at dimension 0, "
      "but got weight of size [[3, 2, 3, 3]] instead");
  expectError([&] { conv2d(X, filled({4, 3, 9, 9}), {}); }, EK::RuntimeError,
              "Calculated padded input size per channel: (8 x 8). Kernel "
              "size: (9 x 9). Kernel size can't be greater than actual input "
              "size");
  expectError([&] { conv2d(X, W, filled({3})); }, EK::RuntimeError,
              "Given weight of size [4, 3, 3, 3], expected bias to be "
              "1-dimensional with 4 elements, but got bias of size [3] "
              "instead");
  expectError([&] { conv2d(X, W, {}, {0, 0}); }, EK::RuntimeError,
              "non-positive stride is not supported");
  expectError([&] { conv2d(X, W, {}, {1, 1}, {-1, -1}); }, EK::RuntimeError,
              "negative padding is not supported");
  expectError([&] { conv2d(X, to(W, DType::Float64), {}); }, EK::RuntimeError,
              "Input type (torch.FloatTensor) and weight type "
              "(torch.DoubleTensor) should be the same or input should be a "
              "MKLDNN tensor and weight is a dense tensor");
  expectError([&] { convTranspose2d(X, filled({4, 3, 3, 3}), {}); },
              EK::RuntimeError,
              "Given transposed=1, weight of size [4, 3, 3, 3], expected "
              "input[2, 3, 8, 8] to have 4 channels, but got 3 channels "
              "instead");
  expectError(
      [&] {
        convTranspose2d(X, filled({3, 3, 3, 3}), {}, {1, 1}, {0, 0}, {1, 1});
      },
      EK::RuntimeError,
      "output padding must be smaller than either stride or dilation, but "
      "got output_padding_height: 1 output_padding_width: 1 stride_height: 1 "
      "stride_width: 1 dilation_height: 1 dilation_width: 1");
  expectError([&] { maxPool2d(X, {2, 2}, std::nullopt, {2, 2}); },
              EK::RuntimeError,
              "pad should be at most half of kernel size, but got pad=2 and "
              "kernel_size=2");
  expectError([&] { maxPool2d(filled({1, 2, 2}), {3, 3}); }, EK::RuntimeError,
              "Given input size: (1x2x2). Calculated output size: (1x0x0). "
              "Output size is too small");
  expectError([&] { maxPool2d(filled({2, 2}), {2, 2}); }, EK::RuntimeError,
              "non-empty 3D or 4D (batch mode) tensor expected for input");
  expectError([&] { maxPool2d(X, {2, 2}, Pair2{0, 0}); }, EK::RuntimeError,
              "stride should not be zero");
  expectError([&] { avgPool2d(filled({2, 2}), {2, 2}); }, EK::IndexError,
              "Dimension out of range (expected to be in range of [-2, 1], "
              "but got -3)");
  expectError(
      [&] {
        avgPool2d(X, {2, 4}, std::nullopt, {1, 3});
      },
      EK::RuntimeError,
      "pad should be at most half of kernel size, but got pad=3 and "
      "kernel_size=4");
  expectError(
      [&] { avgPool2d(X, {2, 2}, std::nullopt, {0, 0}, false, true, 0); },
      EK::RuntimeError, "divisor must be not zero");
  expectError([&] { maxPool2d(filled({1, 4, 4}, 1, DType::Int64), {2, 2}); },
              EK::RuntimeError, "\"max_pool2d\" not implemented for 'Long'");

  Tensor E = filled({5, 3});
  expectError([&] { embedding(E, longs({1, 5})); }, EK::IndexError,
              "index out of range in self");
  expectError([&] { embedding(E, longs({1, -1})); }, EK::IndexError,
              "index out of range in self");
  expectError([&] { embedding(E, filled({1}, 1.0)); }, EK::RuntimeError,
              "Expected tensor for argument #1 'indices' to have one of the "
              "following scalar types: Long, Int; but got torch.FloatTensor "
              "instead (while checking arguments for embedding)");
  expectError([&] { embedding(filled({5}), longs({1})); }, EK::RuntimeError,
              "'weight' must be 2-D");

  Tensor RM = zeros({3}), RV = ones({3});
  expectError([&] { batchNorm(filled({1, 3}), {}, {}, RM, RV, true); },
              EK::ValueError,
              "Expected more than 1 value per channel when training, got "
              "input size torch.Size([1, 3])");
  expectError([&] { batchNorm(filled({1, 3, 1, 1}), {}, {}, RM, RV, true); },
              EK::ValueError,
              "Expected more than 1 value per channel when training, got "
              "input size torch.Size([1, 3, 1, 1])");
  expectError(
      [&] { batchNorm(filled({2, 3}), {}, {}, zeros({4}), ones({4}), true); },
      EK::RuntimeError, "running_mean should contain 3 elements not 4");
  expectError([&] { batchNorm(filled({2, 3}), ones({4}), {}, RM, RV, true); },
              EK::RuntimeError, "weight should contain 3 elements not 4");
  expectError(
      [&] { batchNorm(filled({2, 3}, 1, DType::Int64), {}, {}, RM, RV, true); },
      EK::RuntimeError, "\"batch_norm\" not implemented for 'Long'");

  expectError([&] { dropout(X, 1.5); }, EK::ValueError,
              "dropout probability has to be between 0 and 1, but got 1.5");
  expectError([&] { dropout(X, -0.5); }, EK::ValueError,
              "dropout probability has to be between 0 and 1, but got -0.5");

  Tensor In = filled({3, 5});
  expectError([&] { nllLoss(In, longs({1, 5, 2}), {}); }, EK::IndexError,
              "Target 5 is out of bounds.");
  expectError([&] { nllLoss(In, longs({1, -1, 2}), {}); }, EK::IndexError,
              "Target -1 is out of bounds.");
  expectError([&] { nllLoss(In, longs({1, 2}), {}); }, EK::ValueError,
              "Expected input batch_size (3) to match target batch_size (2).");
  expectError([&] { nllLoss(In, filled({3}, 1.0), {}); }, EK::RuntimeError,
              "expected scalar type Long but found Float");
  expectError([&] { nllLoss(In, longs({1, 2, 3}), ones({4})); },
              EK::RuntimeError,
              "weight tensor should be defined either for all 5 classes or no "
              "classes but got weight tensor of shape: [4]");
  expectError(
      [&] { nllLoss(filled({2, 5, 3, 3}), zeros({2, 3, 4}, DType::Int64), {}); },
      EK::RuntimeError,
      "size mismatch (got input: [2, 5, 3, 3] , target: [2, 3, 4]");
  expectError(
      [&] { nllLoss(filled({2, 5, 3, 3}), full({2, 3, 3}, Scalar(7)), {}); },
      EK::IndexError, "Target 7 is out of bounds.");
  expectError([&] { crossEntropy(In, longs({1, 5, 2}), {}); }, EK::IndexError,
              "Target 5 is out of bounds.");
  expectError(
      [&] { crossEntropy(In, longs({1, 2, 3}), {}, Reduction::Mean, -100, 1.5); },
      EK::RuntimeError, "label_smoothing must be between 0.0 and 1.0. Got: 1.5");
  expectError(
      [&] {
        binaryCrossEntropy(makeTensor(DType::Float32, {2}, {0.5, 1.5}),
                           makeTensor(DType::Float32, {2}, {0, 1}), {});
      },
      EK::RuntimeError, "all elements of input should be between 0 and 1");
  expectError([&] { binaryCrossEntropy(filled({2}), filled({3}), {}); },
              EK::ValueError,
              "Using a target size (torch.Size([3])) that is different to the "
              "input size (torch.Size([2])) is deprecated. Please ensure they "
              "have the same size.");
  expectError([&] { mseLoss(ones({2}, DType::Int64), ones({2}, DType::Int64)); },
              EK::RuntimeError, "\"mse_cpu\" not implemented for 'Long'");
  expectError([&] { leakyRelu(ones({2}, DType::Int64)); }, EK::RuntimeError,
              "\"leaky_relu_cpu\" not implemented for 'Long'");
  expectError([&] { constantPad(X, {1, 2, 3}); }, EK::RuntimeError,
              "Padding length must be divisible by 2");
  expectError([&] { constantPad(X, Shape(10, 1)); }, EK::RuntimeError,
              "Padding length too large");
  expectError([&] { constantPad(X, {-5, -4}); }, EK::RuntimeError,
              "start (0) + length (-1) exceeds dimension size (3).");
}

// Oracle: torch.manual_seed(0); F.dropout(torch.ones(2, 5, dtype=dt), 0.5)
// is [[0, 0, 2, 0, 0], [0, 2, 2, 0, 2]] in float32 and float64 alike, and
// backward of grad 3 gives 6 where kept. (The vectors check more seeds,
// shapes and probabilities exactly.)
TEST_CASE("nn dropout draws exactly as PyTorch after manual_seed") {
  TorchGenerator &G = TorchGenerator::defaultGenerator();
  for (DType T : {DType::Float32, DType::Float64}) {
    G.manualSeed(0);
    DropoutResult R = dropout(ones({2, 5}, T), 0.5);
    CHECK(valuesOf(R.Output) ==
          std::vector<double>{0, 0, 2, 0, 0, 0, 2, 2, 0, 2});
    CHECK(valuesOf(dropoutBackward(full({2, 5}, Scalar(3.0), T), R.Mask)) ==
          std::vector<double>{0, 0, 6, 0, 0, 0, 6, 6, 0, 6});
  }
  // p == 0, p == 1 and eval mode draw nothing; eval returns the input itself.
  G.manualSeed(5);
  TorchGenerator Before = G;
  Tensor X = ones({3});
  CHECK(dropout(X, 0.0).Output.get() == X.get());
  CHECK(dropout(X, 0.7, false).Output.get() == X.get());
  CHECK(valuesOf(dropout(X, 1.0).Output) == std::vector<double>{0, 0, 0});
  CHECK(G == Before);
}

TEST_CASE("max_pool2d 2x2/stride 2 (vectorized) follows the window rule") {
  // Planes wide enough for the eight-at-a-time kernel plus scalar tails,
  // with ties (values from a small set), NaNs and an odd size for
  // ceil_mode's clipped last windows; the reference is ATen's scalar rule:
  // take V if V > max or V is NaN, the first index winning ties.
  const int64_t Planes = 3, H = 7, W = 37;
  std::vector<double> X(Planes * H * W);
  for (size_t I = 0; I < X.size(); ++I)
    X[I] = (I * 7919 % 13 == 0) ? NAN : double(int64_t(I * 2654435761u % 5));
  Tensor In = makeTensor(DType::Float32, {Planes, H, W}, X);
  for (bool Ceil : {false, true}) {
    MaxPoolResult R = maxPool2d(In, {2, 2}, std::nullopt, {0, 0}, {1, 1}, Ceil);
    int64_t OH = R.Output.size(1), OW = R.Output.size(2);
    CHECK(OW == (Ceil ? 19 : 18));
    std::vector<double> Out = valuesOf(R.Output), Idx = valuesOf(R.Indices);
    for (int64_t P = 0; P < Planes; ++P)
      for (int64_t Oh = 0; Oh < OH; ++Oh)
        for (int64_t Ow = 0; Ow < OW; ++Ow) {
          double Max = -INFINITY;
          int64_t Best = 2 * Oh * W + 2 * Ow;
          for (int64_t Ih = 2 * Oh; Ih < std::min<int64_t>(2 * Oh + 2, H); ++Ih)
            for (int64_t Iw = 2 * Ow; Iw < std::min<int64_t>(2 * Ow + 2, W);
                 ++Iw) {
              double V = float(X[(P * H + Ih) * W + Iw]);
              if (V > Max || std::isnan(V)) {
                Max = V;
                Best = Ih * W + Iw;
              }
            }
          size_t At = (P * OH + Oh) * OW + Ow;
          if (std::isnan(Max))
            CHECK(std::isnan(Out[At]));
          else
            CHECK(Out[At] == Max);
          CHECK(int64_t(Idx[At]) == Best);
        }
  }
}
