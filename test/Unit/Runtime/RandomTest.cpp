//===- RandomTest.cpp - Bit-exact tests of the random-number runtime ------===//
//
// Replays the cases in RandomVectors.inc (written by
// scripts/gen-random-vectors.py from PyTorch 1.13 and CPython 3.11) through
// TorchGenerator, the nn.init helpers and PyRandom, and compares every
// output bit for bit. A case is a seed and a sequence of calls, so mixed
// sequences also check that each call leaves the generator state (and the
// cached normal value) exactly where torch / CPython leave it.
//
//===----------------------------------------------------------------------===//

#include "Random/MT19937.h"
#include "Random/PyRandom.h"
#include "Random/TorchGenerator.h"
#include "Random/TorchInit.h"

#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace janus::rt;

namespace {

enum class DType { F32, F64, I64 };

enum class TorchOp {
  Seed,
  Rand,
  Uniform,
  Normal,
  Randint,
  Randperm,
  BernoulliScalar,
  BernoulliTensor,
  Exponential,
  Multinomial,
  Dropout,
  KaimingUniform,
  KaimingNormal,
  XavierUniform,
  XavierNormal,
  LinearInit,
};

enum class PyOp {
  Seed,
  Random,
  GetRandBits,
  RandBelow,
  RandRange,
  RandInt,
  Uniform,
  Choice,
  Shuffle,
  Gauss,
  NormalVariate,
};

/// One call; the meaning of A, B, Ints and Input depends on the op (see
/// scripts/gen-random-vectors.py). NumOut is how many outputs it produced.
template <typename OpT> struct Step {
  OpT Op;
  DType Type;
  int64_t N;
  double A, B;
  int64_t Ints[4];
  int NumInts;
  const double *Input;
  int64_t InputLen;
  int64_t NumOut;
};
using TorchStep = Step<TorchOp>;
using PyStep = Step<PyOp>;

struct TorchCase {
  const char *Name;
  TorchCpuKernel Kernel;
  uint64_t Seed;
  const TorchStep *Steps;
  int NumSteps;
  const uint64_t *Expected;
  int64_t NumExpected;
};

struct PyCase {
  const char *Name;
  int64_t Seed;
  const PyStep *Steps;
  int NumSteps;
  const uint64_t *Expected;
  int64_t NumExpected;
};

#include "RandomVectors.inc"

uint64_t bitsOf(float F) {
  uint32_t U;
  std::memcpy(&U, &F, sizeof(U));
  return U;
}
uint64_t bitsOf(double D) {
  uint64_t U;
  std::memcpy(&U, &D, sizeof(U));
  return U;
}
uint64_t bitsOf(int64_t I) { return static_cast<uint64_t>(I); }

template <typename T> std::vector<uint64_t> bitsOf(const std::vector<T> &V) {
  std::vector<uint64_t> Out;
  for (const T &X : V)
    Out.push_back(bitsOf(X));
  return Out;
}

/// Runs a float-or-double kernel in the step's dtype and returns its bits.
template <typename Fn> std::vector<uint64_t> inDType(DType T, int64_t N, Fn F) {
  if (T == DType::F32) {
    std::vector<float> V(static_cast<size_t>(N));
    F(V.data());
    return bitsOf(V);
  }
  std::vector<double> V(static_cast<size_t>(N));
  F(V.data());
  return bitsOf(V);
}

std::vector<uint64_t> runTorchStep(TorchGenerator &G, const TorchStep &S) {
  const int64_t N = S.N;
  std::vector<double> In(S.Input, S.Input + S.InputLen);
  std::vector<float> InF(In.begin(), In.end());
  auto Shape = S.Ints;
  // Only the initializer steps read Ints as a shape; other steps keep
  // arbitrary integers there (e.g. randint bounds near 2^40), so the product
  // is taken in wrapping unsigned arithmetic and used by those steps alone.
  uint64_t Elems = 1;
  for (int I = 0; I < S.NumInts; ++I)
    Elems *= static_cast<uint64_t>(S.Ints[I]);

  switch (S.Op) {
  case TorchOp::Seed:
    G.manualSeed(static_cast<uint64_t>(S.Ints[0]));
    return {};
  case TorchOp::Rand:
    return inDType(S.Type, N, [&](auto *P) { G.rand(P, N); });
  case TorchOp::Uniform:
    return inDType(S.Type, N, [&](auto *P) { G.uniform(P, N, S.A, S.B); });
  case TorchOp::Normal:
    return inDType(S.Type, N, [&](auto *P) { G.normal(P, N, S.A, S.B); });
  case TorchOp::BernoulliScalar:
    return inDType(S.Type, N, [&](auto *P) { G.bernoulli(P, N, S.A); });
  case TorchOp::Exponential:
    return inDType(S.Type, N, [&](auto *P) { G.exponential(P, N, S.A); });
  case TorchOp::BernoulliTensor:
    if (S.Type == DType::F32)
      return inDType(S.Type, N, [&](auto *P) {
        G.bernoulli(reinterpret_cast<float *>(P), InF.data(), N);
      });
    return inDType(S.Type, N, [&](auto *P) {
      G.bernoulli(reinterpret_cast<double *>(P), In.data(), N);
    });
  case TorchOp::Randint: {
    std::vector<int64_t> V(static_cast<size_t>(N));
    G.randint(V.data(), N, S.Ints[0], S.Ints[1]);
    return bitsOf(V);
  }
  case TorchOp::Randperm: {
    std::vector<int64_t> V(static_cast<size_t>(N));
    G.randperm(V.data(), N);
    return bitsOf(V);
  }
  case TorchOp::Multinomial: {
    const int64_t Rows = S.Ints[0], Cats = S.Ints[1];
    std::vector<int64_t> V(static_cast<size_t>(Rows * N));
    if (S.Type == DType::F32)
      G.multinomial(V.data(), InF.data(), Rows, Cats, N, S.Ints[2] != 0);
    else
      G.multinomial(V.data(), In.data(), Rows, Cats, N, S.Ints[2] != 0);
    return bitsOf(V);
  }
  case TorchOp::Dropout: {
    std::vector<float> V(static_cast<size_t>(N));
    G.dropoutMask(V.data(), N, S.A);
    return bitsOf(V); // F.dropout(ones) is the mask itself
  }
  case TorchOp::KaimingUniform:
  case TorchOp::KaimingNormal:
  case TorchOp::XavierUniform:
  case TorchOp::XavierNormal: {
    std::vector<float> W(static_cast<size_t>(Elems));
    if (S.Op == TorchOp::KaimingUniform)
      kaimingUniform(G, W.data(), Shape, S.NumInts, S.A);
    else if (S.Op == TorchOp::KaimingNormal)
      kaimingNormal(G, W.data(), Shape, S.NumInts, S.A);
    else if (S.Op == TorchOp::XavierUniform)
      xavierUniform(G, W.data(), Shape, S.NumInts, S.A);
    else
      xavierNormal(G, W.data(), Shape, S.NumInts, S.A);
    return bitsOf(W);
  }
  case TorchOp::LinearInit: {
    std::vector<float> W(static_cast<size_t>(Elems));
    std::vector<float> Bias(static_cast<size_t>(Shape[0]));
    resetLinearOrConv(G, W.data(), Bias.data(), Shape, S.NumInts);
    W.insert(W.end(), Bias.begin(), Bias.end());
    return bitsOf(W);
  }
  }
  return {};
}

std::vector<uint64_t> runPyStep(PyRandom &R, const PyStep &S) {
  std::vector<uint64_t> Out;
  if (S.Op == PyOp::Seed) {
    R.seed(S.Ints[0]);
    return Out;
  }
  if (S.Op == PyOp::Shuffle) {
    std::vector<int64_t> X(static_cast<size_t>(S.N));
    for (int64_t I = 0; I < S.N; ++I)
      X[I] = I;
    R.shuffle(X.data(), S.N);
    return bitsOf(X);
  }
  for (int64_t I = 0; I < S.N; ++I) {
    switch (S.Op) {
    case PyOp::Random:
      Out.push_back(bitsOf(R.random()));
      break;
    case PyOp::GetRandBits:
      Out.push_back(R.getrandbits(static_cast<int>(S.Ints[0])));
      break;
    case PyOp::RandBelow:
      Out.push_back(bitsOf(R.randbelow(S.Ints[0])));
      break;
    case PyOp::RandRange:
      Out.push_back(bitsOf(R.randrange(S.Ints[0], S.Ints[1], S.Ints[2])));
      break;
    case PyOp::RandInt:
      Out.push_back(bitsOf(R.randint(S.Ints[0], S.Ints[1])));
      break;
    case PyOp::Uniform:
      Out.push_back(bitsOf(R.uniform(S.A, S.B)));
      break;
    case PyOp::Choice:
      Out.push_back(bitsOf(R.choiceIndex(S.Ints[0])));
      break;
    case PyOp::Gauss:
      Out.push_back(bitsOf(R.gauss(S.A, S.B)));
      break;
    case PyOp::NormalVariate:
      Out.push_back(bitsOf(R.normalvariate(S.A, S.B)));
      break;
    case PyOp::Seed:
    case PyOp::Shuffle:
      break;
    }
  }
  return Out;
}

std::string hex(uint64_t V) {
  char Buf[24];
  std::snprintf(Buf, sizeof(Buf), "0x%llx", static_cast<unsigned long long>(V));
  return Buf;
}

const char *kernelName(TorchCpuKernel K) {
  return K == TorchCpuKernel::Avx2 ? "avx2" : "default";
}

/// Replays one case and checks every step's output against the vectors;
/// returns the number of values compared.
template <typename CaseT, typename Gen, typename RunFn>
int64_t replay(const CaseT &C, Gen &G, RunFn Run, const std::string &Label) {
  int64_t Offset = 0;
  for (int I = 0; I < C.NumSteps; ++I) {
    const auto &S = C.Steps[I];
    std::vector<uint64_t> Got = Run(G, S);
    INFO(Label, " step ", I);
    REQUIRE(static_cast<int64_t>(Got.size()) == S.NumOut);
    REQUIRE(Offset + S.NumOut <= C.NumExpected);
    int64_t FirstBad = -1;
    for (int64_t J = 0; J < S.NumOut && FirstBad < 0; ++J)
      if (Got[J] != C.Expected[Offset + J])
        FirstBad = J;
    if (FirstBad >= 0) {
      INFO("first mismatch at element ", FirstBad, ": got ", hex(Got[FirstBad]),
           ", want ", hex(C.Expected[Offset + FirstBad]));
      CHECK(FirstBad < 0);
    }
    Offset += S.NumOut;
  }
  CHECK(Offset == C.NumExpected);
  return Offset;
}

} // namespace

TEST_CASE("MT19937 matches the reference engine") {
  // std::mt19937 is the reference algorithm with the same seeding.
  for (uint32_t Seed : {0u, 1u, 5489u, 0xffffffffu}) {
    MT19937 Ours(Seed);
    std::mt19937 Ref(Seed);
    for (int I = 0; I < 2000; ++I)
      REQUIRE(Ours.next() == Ref());
  }
  // mt19937ar.c's documented first output for init_by_array({0x123, 0x234,
  // 0x345, 0x456}).
  const uint32_t Key[] = {0x123, 0x234, 0x345, 0x456};
  MT19937 E;
  E.seedByArray(Key, 4);
  CHECK(E.next() == 1067595299u);
  CHECK(E.next() == 955945823u);
}

TEST_CASE("TorchGenerator matches PyTorch 1.13 bit for bit") {
  int64_t Values = 0;
  for (const TorchCase &C : TorchCases) {
    TorchGenerator G(C.Seed);
    G.setCpuKernel(C.Kernel);
    CHECK(G.initialSeed() == C.Seed);
    Values += replay(C, G, runTorchStep,
                     std::string(C.Name) + " seed=" + std::to_string(C.Seed) +
                         " kernel=" + kernelName(C.Kernel));
  }
  MESSAGE(std::size(TorchCases), " torch cases, ", Values, " values");
}

TEST_CASE("PyRandom matches CPython 3.11 bit for bit") {
  int64_t Values = 0;
  for (const PyCase &C : PyCases) {
    PyRandom R(C.Seed);
    Values += replay(C, R, runPyStep,
                     std::string(C.Name) + " seed=" + std::to_string(C.Seed));
  }
  MESSAGE(std::size(PyCases), " CPython cases, ", Values, " values");
}

TEST_CASE("manualSeed resets the engine and the cached normal") {
  TorchGenerator A(11), B(11);
  double X;
  A.normal(&X, 1); // leaves the sine half cached
  CHECK(A.nextDoubleNormalSample().has_value());
  A.manualSeed(11);
  CHECK(!A.nextDoubleNormalSample().has_value());
  CHECK(A == B);
  // The block path (16+ elements) neither reads nor fills the cache.
  float Block[16];
  A.normal(&X, 1);
  const double Cached = *A.nextDoubleNormalSample();
  A.normal(Block, 16);
  CHECK(A.nextDoubleNormalSample() == Cached);
}

TEST_CASE("torch draws consume the documented number of words") {
  TorchGenerator G(3);
  MT19937 E(3);
  float F[5];
  double D[5];
  G.rand(F, 5); // one word each
  G.rand(D, 5); // two words each
  int64_t Small[4], Wide[2];
  G.randint(Small, 4, 0, (1ll << 32) - 1); // one word each
  G.randint(Wide, 2, 0, 1ll << 40);        // two words each
  for (int I = 0; I < 5 + 10 + 4 + 4; ++I)
    E.next();
  CHECK(G.random() == E.next());
}

TEST_CASE("nn.init bounds follow torch/nn/init.py") {
  const int64_t Linear[] = {8, 4};
  // a = sqrt(5) makes the kaiming bound 1/sqrt(fan_in).
  CHECK(kaimingUniformBound(Linear, 2, std::sqrt(5.0)) ==
        doctest::Approx(0.5).epsilon(1e-15));
  const int64_t Conv[] = {6, 3, 5, 5};
  const Fans F = computeFans(Conv, 4);
  CHECK(F.FanIn == 75);
  CHECK(F.FanOut == 150);
  CHECK(calculateGain(Nonlinearity::Relu) == std::sqrt(2.0));
  CHECK(rnnInitBound(16) == 0.25);
}
