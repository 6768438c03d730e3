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
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

struct TensorSpec {
  DType Type;
  std::vector<int64_t> Sizes;
  std::vector<double> Values;
};

struct NNCase {
  const char *Op;
  std::vector<TensorSpec> Inputs;
  std::vector<double> Params;
  std::vector<TensorSpec> Expected;
  double Tol;
};

#include "NNVectors.inc"

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
  };
  auto It = Ops.find(Op);
  REQUIRE_MESSAGE(It != Ops.end(), "no runtime implementation of " << Op);
  return It->second(In, P);
}

bool close(double Got, double Want, double Tol) {
  if (std::isnan(Want))
    return std::isnan(Got);
  if (Tol == 0 || std::isinf(Want))
    return Got == Want;
  return std::fabs(Got - Want) <= Tol * std::max(std::fabs(Want), 1.0);
}

// Expects Fn() to throw a TensorError of kind K with exactly message Msg.
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


} // namespace

TEST_CASE("nn kernels match PyTorch 1.13 forward and backward") {
  int Checked = 0;
  for (size_t CI = 0; CI < sizeof(Cases) / sizeof(Cases[0]); ++CI) {
    const NNCase &C = Cases[CI];
    CAPTURE(CI);
    std::string Op = C.Op;
    CAPTURE(Op);
    Tensors In;
    for (const TensorSpec &S : C.Inputs)
      In.push_back(makeTensor(S.Type, S.Sizes, S.Values));
    Tensors Out = runOp(C.Op, In, C.Params);
    REQUIRE(Out.size() == C.Expected.size());
    for (size_t K = 0; K < Out.size(); ++K) {
      CAPTURE(K);
      const TensorSpec &E = C.Expected[K];
      REQUIRE(Out[K]);
      CHECK(dtypeName(Out[K].dtype()) == std::string(dtypeName(E.Type)));
      CHECK(Out[K].sizes() == E.Sizes);
      if (Out[K].sizes() != E.Sizes)
        continue;
      std::vector<double> Got = valuesOf(Out[K]);
      for (size_t I = 0; I < Got.size(); ++I) {
        CAPTURE(I);
        CHECK_MESSAGE(close(Got[I], E.Values[I], C.Tol),
                      "got " << Got[I] << " want " << E.Values[I] << " rel " << (Got[I] - E.Values[I]) / E.Values[I]);
      }
    }
    ++Checked;
  }
  CHECK(Checked == static_cast<int>(sizeof(Cases) / sizeof(Cases[0])));
}
