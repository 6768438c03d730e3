//===- RandomOpsTest.cpp - Random tensor ops against PyTorch 1.13 ---------===//
//
// Replays the seeded call sequences of RandomOpsVectors.inc
// (scripts/gen-random-ops-vectors.py) through Tensor/RandomOps.h on the
// default generator and compares every value bit for bit (tolerance 0),
// then checks PyTorch's argument errors word for word.
//
//===----------------------------------------------------------------------===//

#include "Tensor/RandomOps.h"

#include "TensorTestUtil.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

using namespace janus::rt;
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

struct RandomStep {
  const char *Op;
  DType Type;
  std::vector<int64_t> Sizes;
  std::vector<double> Params;
  std::vector<double> Input;
  std::vector<double> Floats;
  std::vector<int64_t> Ints;
};

#include "RandomOpsVectors.inc"

const Nonlinearity NLs[] = {Nonlinearity::Linear, Nonlinearity::Sigmoid,
                            Nonlinearity::Tanh,   Nonlinearity::Relu,
                            Nonlinearity::LeakyRelu, Nonlinearity::Selu};

/// Runs an in-place op on a zero tensor of the step's shape (through its
/// transpose for "<op>_t") and returns the base tensor.
Tensor runInPlace(const RandomStep &S, const std::string &Op) {
  Tensor Base = zeros(S.Sizes, S.Type);
  bool Transposed = Op.size() > 2 && Op.compare(Op.size() - 2, 2, "_t") == 0;
  Tensor Target = Transposed ? janus::rt::t(Base) : Base;
  std::string Name = Transposed ? Op.substr(0, Op.size() - 2) : Op;
  const std::vector<double> &P = S.Params;
  auto Mode = [&] { return P[1] == 0 ? FanMode::FanIn : FanMode::FanOut; };
  if (Name == "uniform_")
    uniformInPlace(Target, P[0], P[1]);
  else if (Name == "normal_")
    normalInPlace(Target, P[0], P[1]);
  else if (Name == "bernoulli_")
    bernoulliInPlace(Target, P[0]);
  else if (Name == "kaiming_uniform_")
    kaimingUniformInPlace(Target, P[0], Mode(), NLs[int(P[2])]);
  else if (Name == "kaiming_normal_")
    kaimingNormalInPlace(Target, P[0], Mode(), NLs[int(P[2])]);
  else if (Name == "xavier_uniform_")
    xavierUniformInPlace(Target, P[0]);
  else if (Name == "xavier_normal_")
    xavierNormalInPlace(Target, P[0]);
  else
    FAIL("unknown op " << Op);
  return Base;
}

Tensor runStep(const RandomStep &S) {
  std::string Op = S.Op;
  if (Op == "rand")
    return rand(S.Sizes, S.Type);
  if (Op == "randn")
    return randn(S.Sizes, S.Type);
  if (Op == "randint")
    return randint(int64_t(S.Params[0]), int64_t(S.Params[1]), S.Sizes);
  if (Op == "randperm")
    return randperm(int64_t(S.Params[0]));
  if (Op == "bernoulli")
    return bernoulli(makeTensor(S.Type, S.Sizes, S.Input));
  if (Op == "multinomial")
    return multinomial(makeTensor(S.Type, S.Sizes, S.Input),
                       int64_t(S.Params[0]), S.Params[1] != 0);
  if (Op == "reset") {
    Tensor W = empty(S.Sizes);
    Tensor B = empty({S.Sizes[0]});
    resetLinearOrConv(W, S.Params[0] != 0 ? &B : nullptr);
    Tensor Flat = reshape(W, {-1});
    if (S.Params[0] == 0)
      return Flat;
    std::vector<double> All = valuesOf(Flat), Bias = valuesOf(B);
    All.insert(All.end(), Bias.begin(), Bias.end());
    return makeTensor(DType::Float64, {int64_t(All.size())}, All);
  }
  return runInPlace(S, Op);
}

/// Same bits (NaN never occurs in these outputs).
bool sameBits(double A, double B) {
  return std::memcmp(&A, &B, sizeof(double)) == 0;
}

} // namespace

TEST_CASE("random tensor ops match PyTorch 1.13 bit for bit") {
  int64_t Values = 0, Steps = 0, Failures = 0;
  for (const RandomStep &S : RandomSteps) {
    if (std::string(S.Op) == "seed") {
      manualSeed(static_cast<uint64_t>(S.Params[0]));
      continue;
    }
    ++Steps;
    Tensor Out = runStep(S);
    std::vector<double> Got = valuesOf(Out);
    bool Ints = !S.Ints.empty() || S.Floats.empty();
    size_t Want = Ints ? S.Ints.size() : S.Floats.size();
    bool Ok = Got.size() == Want;
    for (size_t I = 0; Ok && I < Want; ++I)
      Ok = Ints ? Got[I] == double(S.Ints[I]) : sameBits(Got[I], S.Floats[I]);
    Values += int64_t(Want);
    if (!Ok && Failures++ < 10)
      FAIL_CHECK("step " << Steps << " (" << S.Op << ") differs");
  }
  CHECK(Failures == 0);
  MESSAGE(Steps << " random steps, " << Values << " values");
}

namespace {
/// The message of the TensorError Fn throws ("" when none).
template <typename Fn> std::string errorOf(Fn &&F, ErrorKind *Kind = nullptr) {
  try {
    F();
  } catch (const TensorError &E) {
    if (Kind)
      *Kind = E.kind();
    return E.what();
  }
  return "";
}
} // namespace

TEST_CASE("random tensor ops raise PyTorch's errors") {
  // Messages from torch 1.13 (the oracle /usr/bin/python3), e.g.
  // torch.multinomial(torch.ones(3), 0).
  Tensor Ones = ones({3});
  Tensor Neg = makeTensor(DType::Float32, {2}, {-1, 2});
  Tensor Zero = zeros({2});
  Tensor Inf = makeTensor(DType::Float32, {2}, {INFINITY, 1});
  CHECK(errorOf([&] { multinomial(makeTensor(DType::Int64, {2}, {1, 2}), 1); }) ==
        "multinomial only supports floating-point dtypes for input, got: Long");
  CHECK(errorOf([&] { multinomial(Ones, 0); }) ==
        "cannot sample n_sample <= 0 samples");
  CHECK(errorOf([&] { multinomial(Ones, 4); }) ==
        "cannot sample n_sample > prob_dist.size(-1) samples without "
        "replacement");
  CHECK(errorOf([&] { multinomial(ones({2, 2, 2}), 1); }) ==
        "prob_dist must be 1 or 2 dim");
  CHECK(errorOf([&] { multinomial(scalarTensor(Scalar(1.0)), 1); }) ==
        "prob_dist must be 1 or 2 dim");
  CHECK(errorOf([&] { multinomial(Neg, 1); }) ==
        "probability tensor contains either `inf`, `nan` or element < 0");
  CHECK(errorOf([&] { multinomial(Inf, 1); }) ==
        "probability tensor contains either `inf`, `nan` or element < 0");
  CHECK(errorOf([&] { multinomial(Zero, 1); }) ==
        "invalid multinomial distribution (sum of probabilities <= 0)");
  CHECK(errorOf([&] { multinomial(Neg, 1, true); }) ==
        "invalid multinomial distribution (encountering probability entry "
        "< 0)");
  CHECK(errorOf([&] { multinomial(Inf, 2, true); }) ==
        "invalid multinomial distribution (encountering probability entry = "
        "infinity or NaN)");
  CHECK(errorOf([&] { multinomial(Zero, 2, true); }) ==
        "invalid multinomial distribution (sum of probabilities <= 0)");
  Tensor R = rand({2});
  CHECK(errorOf([&] { normalInPlace(R, 0, -0.5); }) ==
        "normal expects std >= 0.0, but found std -0.5");
  CHECK(errorOf([&] { uniformInPlace(R, 0.5, 0.25); }) ==
        "uniform_ expects to return a [from, to) range, but found from=0.5 > "
        "to=0.25");
  CHECK(errorOf([&] { randint(3, 3, {2}); }) ==
        "random_ expects 'from' to be less than 'to', but got from=3 >= to=3");
  CHECK(errorOf([&] { randperm(-1); }) ==
        "Trying to create tensor with negative dimension -1: [-1]");
  CHECK(errorOf([&] { randn({-1}); }) ==
        "Trying to create tensor with negative dimension -1: [-1]");
  CHECK(errorOf([&] { rand({2}, DType::Int64); }) ==
        "\"check_uniform_bounds\" not implemented for 'Long'");
  CHECK(errorOf([&] { rand({2}, DType::Bool); }) ==
        "\"check_uniform_bounds\" not implemented for 'Bool'");
  CHECK(errorOf([&] { randn({2}, DType::Int64); }) ==
        "\"normal_kernel_cpu\" not implemented for 'Long'");
  CHECK(errorOf([&] { bernoulli(makeTensor(DType::Float32, {1}, {1.5})); }) ==
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could "
        "this error message be improved?  If so, please report an "
        "enhancement request to PyTorch.)");
  CHECK(errorOf([&] { bernoulliInPlace(R, 1.5); }) ==
        "bernoulli_ expects p to be in [0, 1], but got p=1.5");
  CHECK(errorOf([&] { bernoulli(makeTensor(DType::Int64, {2}, {1, 0})); }) ==
        "\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'");
  ErrorKind Kind = ErrorKind::RuntimeError;
  Tensor V = empty({3});
  CHECK(errorOf([&] { kaimingUniformInPlace(V); }, &Kind) ==
        "Fan in and fan out can not be computed for tensor with fewer than 2 "
        "dimensions");
  CHECK(Kind == ErrorKind::ValueError);
  // kaiming_uniform_ on a zero-element tensor warns and draws nothing.
  Tensor E = empty({0, 3});
  manualSeed(3);
  kaimingUniformInPlace(E);
  double First = valuesOf(rand({1}))[0];
  manualSeed(3);
  CHECK(valuesOf(rand({1}))[0] == First);
}
