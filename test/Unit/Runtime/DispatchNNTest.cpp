//===- DispatchNNTest.cpp - Tests of the torch.nn.functional rows ---------===//
//
// Calls the rows of TorchNN.cpp by name through LibraryTable::lookup and
// bindAndCall (positionals and keywords, as compiled code and the C API
// do). Expected values are computed in the test from the ag:: ops, which
// AutogradNNTest.cpp and NNTest.cpp check against PyTorch 1.13; what the
// rows add (argument handling, implicit dims, reduction strings, padding
// modes, tuples, in-place results) is checked against values and messages
// taken from the oracle (/usr/bin/python3, torch 1.13), quoted next to each
// check.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Dispatch/TensorArgs.h"
#include "TensorTestUtil.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace janus;
using namespace janus::rt;
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

/// name(*Pos, **{Kw[i]: KwValues[i]}).
Status call(const char *Name, std::vector<Value> Pos,
            std::vector<std::pair<std::string, Value>> Kw, Value &Out) {
  const LibEntryInfo *E = LibraryTable::get().lookup(Name);
  REQUIRE_MESSAGE(E != nullptr, Name);
  std::vector<Value> Args = Pos;
  std::vector<std::string> Names;
  for (auto &[K, V] : Kw) {
    Names.push_back(K);
    Args.push_back(V);
  }
  return bindAndCall(*E, nullptr, Args.data(), Pos.size(), Names, Out);
}

Value tv(const Tensor &T) { return tensorValue(T); }
Value iv(int64_t I) { return Value::fromInt(I); }
Value fv(double D) { return Value::fromFloat(D); }
Value bv(bool B) { return Value::fromBool(B); }
Value ints(std::vector<int64_t> Is) {
  std::vector<Value> Items;
  for (int64_t I : Is)
    Items.push_back(iv(I));
  return makeTuple(Items);
}

Tensor result(const Value &V) {
  REQUIRE(V.kind() == Kind::Tensor);
  return tensorOf(V);
}

/// Element I of a tuple result.
Tensor item(const Value &V, size_t I) {
  REQUIRE(V.kind() == Kind::Tuple);
  REQUIRE(I < V.as<TupleObject>()->items.size());
  return result(V.as<TupleObject>()->items[I]);
}

size_t tupleSize(const Value &V) {
  REQUIRE(V.kind() == Kind::Tuple);
  return V.as<TupleObject>()->items.size();
}

void checkSame(const Tensor &Got, const Tensor &Want) {
  REQUIRE(Got.sizes() == Want.sizes());
  CHECK(Got.dtype() == Want.dtype());
  std::vector<double> G = valuesOf(Got), W = valuesOf(Want);
  for (size_t I = 0; I < G.size(); ++I) {
    CAPTURE(I);
    CHECK(G[I] == doctest::Approx(W[I]).epsilon(1e-6));
  }
}

Tensor wave(const Shape &S, double A, double B) {
  int64_t N = 1;
  for (int64_t D : S)
    N *= D;
  std::vector<double> V(static_cast<size_t>(N));
  for (size_t I = 0; I < V.size(); ++I)
    V[I] = std::sin(A * double(I) + B);
  return makeTensor(DType::Float32, S, V);
}

void checkError(const Status &S, ErrorCode Code, const std::string &Msg) {
  CHECK(S.code() == Code);
  CHECK(S.message() == Msg);
}

} // namespace

TEST_CASE("dispatch nn conv2d, pooling and linear") {
  Tensor X = wave({1, 2, 5, 6}, 1.3, 0.2), W = wave({3, 2, 2, 3}, 0.9, 0.5);
  Tensor B = wave({3}, 0.4, 0.1);
  setRequiresGrad(W, true);
  Value Out;
  REQUIRE(call("torch.nn.functional.conv2d", {tv(X), tv(W)},
               {{"bias", tv(B)}, {"stride", iv(2)}, {"padding", ints({1, 0})}},
               Out)
              .ok());
  checkSame(result(Out), ag::conv2d(X, W, B, {2, 2}, {1, 0}));
  CHECK(std::string(gradFnName(result(Out))) == "ConvolutionBackward0");
  // padding='same' with a 2x3 kernel: 1 row of zeros added at the bottom,
  // then padding (0, 1); the output keeps the input's [5, 6].
  REQUIRE(call("torch.nn.functional.conv2d", {tv(X), tv(W)},
               {{"padding", makeStr("same")}}, Out)
              .ok());
  CHECK(result(Out).sizes() == Shape{1, 3, 5, 6});
  checkSame(result(Out), ag::conv2d(ag::constantPad(X, {0, 0, 0, 1}), W,
                                    Tensor(), {1, 1}, {0, 1}));
  REQUIRE(call("torch.nn.functional.conv2d", {tv(X), tv(W)},
               {{"padding", makeStr("valid")}, {"dilation", ints({2})}}, Out)
              .ok());
  checkSame(result(Out), ag::conv2d(X, W, Tensor(), {1, 1}, {0, 0}, {2, 2}));

  // max_pool2d(x, 2, return_indices=True) -> (values, indices).
  REQUIRE(call("torch.nn.functional.max_pool2d", {tv(X), iv(2)},
               {{"return_indices", bv(true)}}, Out)
              .ok());
  REQUIRE(tupleSize(Out) == 2);
  MaxPoolResult M = ag::maxPool2d(X, {2, 2});
  checkSame(item(Out, 0), M.Output);
  checkSame(item(Out, 1), M.Indices);
  REQUIRE(call("torch.nn.functional.max_pool2d",
               {tv(X), ints({3, 2}), makeList({}), iv(1)},
               {{"ceil_mode", bv(true)}}, Out)
              .ok());
  checkSame(
      result(Out),
      ag::maxPool2d(X, {3, 2}, std::nullopt, {1, 1}, {1, 1}, true).Output);
  REQUIRE(call("torch.nn.functional.avg_pool2d", {tv(X), iv(3)},
               {{"stride", iv(2)},
                {"padding", iv(1)},
                {"count_include_pad", bv(false)},
                {"divisor_override", iv(2)}},
               Out)
              .ok());
  checkSame(result(Out), ag::avgPool2d(X, {3, 3}, Pair2{2, 2}, {1, 1}, false,
                                       false, int64_t(2)));

  Tensor In = wave({2, 3}, 1.6, 0.3), Lw = wave({4, 3}, 0.8, 0.2);
  setRequiresGrad(Lw, true);
  REQUIRE(call("torch.nn.functional.linear", {tv(In), tv(Lw)},
               {{"bias", tv(wave({4}, 1.0, 0.0))}}, Out)
              .ok());
  checkSame(result(Out), ag::linear(In, Lw, wave({4}, 1.0, 0.0)));
  CHECK(std::string(gradFnName(result(Out))) == "AddmmBackward0");
  REQUIRE(call("torch.nn.functional.linear", {tv(In), tv(Lw)}, {}, Out).ok());
  CHECK(std::string(gradFnName(result(Out))) == "MmBackward0");
}

TEST_CASE("dispatch nn activations, softmax, dropout, embedding, pad") {
  Tensor X = wave({2, 3}, 1.37, 0.11);
  Value Out;
  for (const char *Name : {"relu", "tanh", "sigmoid"}) {
    CAPTURE(Name);
    REQUIRE(call((std::string("torch.nn.functional.") + Name).c_str(), {tv(X)},
                 {}, Out)
                .ok());
    Tensor Want = std::string(Name) == "relu"   ? ag::relu(X)
                  : std::string(Name) == "tanh" ? ag::tanh(X)
                                                : ag::sigmoid(X);
    checkSame(result(Out), Want);
  }
  // relu(x, inplace=True) returns x itself, rewritten.
  Tensor Y = rt::clone(X);
  Value YV = tv(Y);
  REQUIRE(call("torch.nn.functional.relu", {YV}, {{"inplace", bv(true)}}, Out)
              .ok());
  CHECK(Out.is(YV));
  checkSame(Y, ag::relu(X));
  Tensor XL = rt::clone(X);
  setRequiresGrad(XL, true);
  Value NV = tv(ag::mul(XL, wrappedScalar(Scalar(1.0))));
  REQUIRE(call("torch.nn.functional.relu", {NV, bv(true)}, {}, Out).ok());
  CHECK(std::string(gradFnName(result(Out))) == "ReluBackward0");
  Tensor Z = rt::clone(X);
  Value ZV = tv(Z);
  REQUIRE(
      call("torch.nn.functional.leaky_relu", {ZV, fv(0.2), bv(true)}, {}, Out)
          .ok());
  CHECK(Out.is(ZV));
  checkSame(Z, ag::leakyRelu(X, 0.2));
  REQUIRE(call("torch.nn.functional.leaky_relu", {tv(X)}, {}, Out).ok());
  checkSame(result(Out), ag::leakyRelu(X, 0.01));

  // F.softmax(tensor([[1., 2.], [3., 4.]])) (dim=None) is row-wise:
  // [[0.2689, 0.7311], [0.2689, 0.7311]]; a 3-d input uses dim 0.
  Tensor S = makeTensor(DType::Float32, {2, 2}, {1, 2, 3, 4});
  REQUIRE(call("torch.nn.functional.softmax", {tv(S)}, {}, Out).ok());
  CHECK(valuesOf(result(Out))[0] == doctest::Approx(0.26894142));
  CHECK(valuesOf(result(Out))[3] == doctest::Approx(0.73105858));
  Tensor S3 = wave({2, 3, 2}, 0.7, 0.3);
  REQUIRE(call("torch.nn.functional.log_softmax", {tv(S3)}, {}, Out).ok());
  checkSame(result(Out), ag::logSoftmax(S3, 0));
  REQUIRE(
      call("torch.nn.functional.softmax", {tv(S3), iv(-1)},
           {{"dtype", Value::fromDType(static_cast<uint8_t>(DType::Float64))}},
           Out)
          .ok());
  checkSame(result(Out), ag::softmax(rt::to(S3, DType::Float64), -1));

  // dropout: p=0 / training=False give the input itself; the draws are
  // the kernel's (bit-exact with PyTorch, NNTest.cpp).
  Value XV = tv(X);
  REQUIRE(
      call("torch.nn.functional.dropout", {XV}, {{"training", bv(false)}}, Out)
          .ok());
  CHECK(result(Out).get() == X.get());
  TorchGenerator::defaultGenerator().manualSeed(0);
  REQUIRE(call("torch.nn.functional.dropout", {XV, fv(0.4)}, {}, Out).ok());
  Tensor Dropped = result(Out);
  TorchGenerator::defaultGenerator().manualSeed(0);
  checkSame(Dropped, ag::dropout(X, 0.4).Output);
  Tensor D = rt::clone(X);
  Value DV = tv(D);
  TorchGenerator::defaultGenerator().manualSeed(0);
  REQUIRE(call("torch.nn.functional.dropout", {DV, fv(0.4)},
               {{"inplace", bv(true)}}, Out)
              .ok());
  CHECK(Out.is(DV));
  checkSame(D, Dropped);

  Tensor E = wave({5, 3}, 1.2, 0.4);
  Tensor Idx = makeTensor(DType::Int64, {2, 2}, {1, 4, 0, 1});
  REQUIRE(call("torch.nn.functional.embedding", {tv(Idx), tv(E)},
               {{"padding_idx", iv(-4)}}, Out)
              .ok());
  checkSame(result(Out), ag::embedding(E, Idx, int64_t(-4)));

  REQUIRE(call("torch.nn.functional.pad", {tv(X), ints({1, 2})},
               {{"value", fv(0.5)}}, Out)
              .ok());
  checkSame(result(Out), ag::constantPad(X, {1, 2}, 0.5));
  REQUIRE(call("torch.nn.functional.pad",
               {tv(X), makeList({iv(-1), iv(0), iv(1), iv(1)})}, {}, Out)
              .ok());
  checkSame(result(Out), ag::constantPad(X, {-1, 0, 1, 1}, 0));
}

TEST_CASE("dispatch nn pad modes and F.pad's checks") {
  Value Out;
  Tensor X = wave({2, 3, 4}, 0.7, 0.2);
  const char *Modes[] = {"reflect", "replicate", "circular"};
  const PadMode Kinds[] = {PadMode::Reflect, PadMode::Replicate,
                           PadMode::Circular};
  for (int M = 0; M < 3; ++M) {
    CAPTURE(Modes[M]);
    // value=0.0 is accepted (PyTorch only rejects a non-zero value).
    REQUIRE(call("torch.nn.functional.pad", {tv(X), ints({2, 1})},
                 {{"mode", makeStr(Modes[M])}, {"value", fv(0.0)}}, Out)
                .ok());
    checkSame(result(Out), ag::pad(X, {2, 1}, Kinds[M]));
    // ATen's _pad_enum, in its order; the texts are the oracle's.
    checkError(call("torch.nn.functional.pad", {tv(X), ints({1})},
                    {{"mode", makeStr(Modes[M])}, {"value", fv(1.0)}}, Out),
               ErrorCode::RuntimeError,
               "Padding length must be divisible by 2");
    checkError(call("torch.nn.functional.pad",
                    {tv(X), ints({1, 1, 1, 1, 1, 1, 1, 1})},
                    {{"mode", makeStr(Modes[M])}}, Out),
               ErrorCode::RuntimeError, "Padding length too large");
    checkError(call("torch.nn.functional.pad", {tv(X), ints({1, 1})},
                    {{"mode", makeStr(Modes[M])}, {"value", fv(1.0)}}, Out),
               ErrorCode::RuntimeError,
               std::string("Padding mode \"") + Modes[M] +
                   "\" doesn't take in value argument");
    for (const Value &Pads : {ints({}), ints({1, 1, 1, 1, 1, 1})})
      checkError(call("torch.nn.functional.pad", {tv(X), Pads},
                      {{"mode", makeStr(Modes[M])}}, Out),
                 ErrorCode::NotImplementedError,
                 "Only 2D, 3D, 4D, 5D padding with non-constant padding are "
                 "supported for now");
  }
  // Kernel errors come through as RuntimeErrors.
  checkError(call("torch.nn.functional.pad", {tv(X), ints({1, 1, 1, 1})},
                  {{"mode", makeStr("circular")}}, Out),
             ErrorCode::RuntimeError,
             "Invalid padding size, expected 2 but got 4");
  // Results take part in autograd.
  Tensor L = wave({1, 2, 3, 3}, 1.1, 0.3);
  setRequiresGrad(L, true);
  REQUIRE(call("torch.nn.functional.pad", {tv(L), ints({1, 1, 2, 0})},
               {{"mode", makeStr("reflect")}}, Out)
              .ok());
  CHECK(std::string(gradFnName(result(Out))) == "ReflectionPad2DBackward0");
}

TEST_CASE("dispatch nn embedding max_norm") {
  Value Out;
  Tensor E = wave({5, 3}, 1.2, 0.4);
  setRequiresGrad(E, true);
  Tensor Idx = makeTensor(DType::Int64, {2, 2}, {1, 4, 1, 0});
  Tensor Want = rt::clone(E);
  embeddingRenorm(Want, Idx, 0.9, 1.0);
  uint64_t Before = E->storage()->version();
  REQUIRE(call("torch.nn.functional.embedding", {tv(Idx), tv(E)},
               {{"max_norm", fv(0.9)}, {"norm_type", iv(1)}}, Out)
              .ok());
  // The leaf itself is renormalised (no in-place error: no_grad) and the
  // lookup records EmbeddingBackward0.
  CHECK(E->storage()->version() > Before);
  checkSame(E, Want);
  checkSame(result(Out), ag::embedding(Want, Idx));
  CHECK(std::string(gradFnName(result(Out))) == "EmbeddingBackward0");
  // padding_idx is checked before anything is renormalised.
  Tensor F = wave({5, 3}, 0.3, 0.1);
  Tensor Copy = rt::clone(F);
  checkError(call("torch.nn.functional.embedding", {tv(Idx), tv(F)},
                  {{"max_norm", fv(0.1)}, {"padding_idx", iv(5)}}, Out),
             ErrorCode::ValueError,
             "Padding_idx must be within num_embeddings");
  checkSame(F, Copy);
  checkError(call("torch.nn.functional.embedding",
                  {tv(makeTensor(DType::Int64, {1}, {9})), tv(F)},
                  {{"max_norm", fv(1.0)}}, Out),
             ErrorCode::IndexError,
             "select(): index 9 out of range for tensor of size [5, 3] at "
             "dimension 0");
}

TEST_CASE("dispatch nn losses: reductions, weights, legacy arguments") {
  Tensor L = wave({4, 5}, 1.9, 0.1);
  setRequiresGrad(L, true);
  Tensor T = makeTensor(DType::Int64, {4}, {1, 2, 4, 2});
  Tensor Cw = makeTensor(DType::Float32, {5}, {0.5, 1.0, 2.0, 1.5, 0.8});
  Value Out;
  REQUIRE(call("torch.nn.functional.cross_entropy", {tv(L), tv(T)},
               {{"weight", tv(Cw)},
                {"ignore_index", iv(2)},
                {"reduction", makeStr("sum")},
                {"label_smoothing", fv(0.2)}},
               Out)
              .ok());
  checkSame(result(Out), ag::crossEntropy(L, T, Cw, Reduction::Sum, 2, 0.2));
  CHECK(std::string(gradFnName(result(Out))) == "AddBackward0");
  REQUIRE(
      call("torch.nn.functional.cross_entropy", {tv(L), tv(T)}, {}, Out).ok());
  checkSame(result(Out), ag::crossEntropy(L, T, Tensor()));
  CHECK(std::string(gradFnName(result(Out))) == "NllLossBackward0");
  // Legacy: size_average=False -> 'sum'; reduce=False -> 'none'.
  REQUIRE(call("torch.nn.functional.cross_entropy", {tv(L), tv(T)},
               {{"size_average", bv(false)}}, Out)
              .ok());
  checkSame(result(Out), ag::crossEntropy(L, T, Tensor(), Reduction::Sum));
  REQUIRE(call("torch.nn.functional.nll_loss", {tv(L), tv(T)},
               {{"reduce", bv(false)}}, Out)
              .ok());
  checkSame(result(Out), ag::nllLoss(L, T, Tensor(), Reduction::None));
  REQUIRE(call("torch.nn.functional.nll_loss", {tv(L), tv(T), tv(Cw)},
               {{"ignore_index", iv(4)}}, Out)
              .ok());
  checkSame(result(Out), ag::nllLoss(L, T, Cw, Reduction::Mean, 4));
  // Class probabilities: a float target of the input's shape.
  Tensor Soft = unary(UnaryOp::Sigmoid, wave({4, 5}, 0.5, 1.2));
  REQUIRE(call("torch.nn.functional.cross_entropy", {tv(L), tv(Soft), tv(Cw)},
               {{"label_smoothing", fv(0.1)}}, Out)
              .ok());
  checkSame(result(Out),
            ag::crossEntropy(L, Soft, Cw, Reduction::Mean, -100, 0.1));
  CHECK(std::string(gradFnName(result(Out))) == "DivBackward1");
  REQUIRE(call("torch.nn.functional.cross_entropy", {tv(L), tv(Soft)},
               {{"reduce", bv(false)}}, Out)
              .ok());
  CHECK(result(Out).sizes() == Shape{4});
  CHECK(std::string(gradFnName(result(Out))) == "NegBackward0");
  checkError(call("torch.nn.functional.cross_entropy", {tv(L), tv(Soft)},
                  {{"ignore_index", iv(0)}}, Out),
             ErrorCode::RuntimeError,
             "ignore_index is not supported for floating point target");

  // mse_loss broadcasts input and target (PyTorch warns).
  Tensor Row = wave({5}, 0.6, 1.0);
  REQUIRE(call("torch.nn.functional.mse_loss", {tv(L), tv(Row)},
               {{"reduction", makeStr("none")}}, Out)
              .ok());
  checkSame(result(Out),
            ag::mseLoss(L, ag::expand(Row, {4, 5}), Reduction::None));
  Tensor P = unary(UnaryOp::Sigmoid, wave({4, 5}, 1.4, 0.2));
  Tensor Q = unary(UnaryOp::Sigmoid, wave({4, 5}, 0.5, 1.2));
  REQUIRE(call("torch.nn.functional.binary_cross_entropy", {tv(P), tv(Q)},
               {{"weight", tv(Cw)}}, Out)
              .ok());
  checkSame(result(Out), ag::binaryCrossEntropy(P, Q, Cw));

  // Oracle: ValueError: avg is not a valid value for reduction
  checkError(call("torch.nn.functional.cross_entropy", {tv(L), tv(T)},
                  {{"reduction", makeStr("avg")}}, Out),
             ErrorCode::ValueError, "avg is not a valid value for reduction");
  // Oracle: F.binary_cross_entropy(torch.rand(3), torch.rand(2))
  checkError(call("torch.nn.functional.binary_cross_entropy",
                  {tv(wave({3}, 1, 0)), tv(wave({2}, 1, 0))}, {}, Out),
             ErrorCode::ValueError,
             "Using a target size (torch.Size([2])) that is different to the "
             "input size (torch.Size([3])) is deprecated. Please ensure they "
             "have the same size.");
}

TEST_CASE("dispatch nn torch.cat, stack, split, chunk, gather, index_select, "
          "masked_fill") {
  Tensor A = wave({2, 3}, 1.1, 0.2), B = wave({1, 3}, 0.7, 0.9);
  setRequiresGrad(A, true);
  Value Out;
  REQUIRE(call("torch.cat", {makeList({tv(A), tv(B)})}, {}, Out).ok());
  checkSame(result(Out), ag::cat({A, B}));
  CHECK(std::string(gradFnName(result(Out))) == "CatBackward0");
  REQUIRE(call("torch.cat", {makeTuple({tv(A), tv(A)})}, {{"dim", iv(-1)}}, Out)
              .ok());
  checkSame(result(Out), ag::cat({A, A}, -1));
  REQUIRE(call("torch.stack", {makeList({tv(A), tv(A)}), iv(2)}, {}, Out).ok());
  checkSame(result(Out), ag::stack({A, A}, 2));

  Tensor Y = wave({4, 6}, 1.37, 0.11);
  setRequiresGrad(Y, true);
  REQUIRE(call("torch.split", {tv(Y), iv(4)}, {{"dim", iv(1)}}, Out).ok());
  REQUIRE(tupleSize(Out) == 2);
  checkSame(item(Out, 1), ag::split(Y, 4, 1)[1]);
  CHECK(std::string(gradFnName(item(Out, 1))) == "SplitBackward0");
  REQUIRE(call("torch.split", {tv(Y), makeList({iv(1), iv(3)})}, {}, Out).ok());
  REQUIRE(tupleSize(Out) == 2);
  checkSame(item(Out, 1), ag::splitWithSizes(Y, {1, 3})[1]);
  CHECK(std::string(gradFnName(item(Out, 0))) == "SplitWithSizesBackward0");
  // torch.arange(6).chunk(4) has 3 pieces.
  REQUIRE(call("torch.chunk", {tv(Y), iv(4), iv(1)}, {}, Out).ok());
  CHECK(tupleSize(Out) == 3);
  checkSame(item(Out, 2), ag::chunk(Y, 4, 1)[2]);

  Tensor Gi = makeTensor(DType::Int64, {4, 2}, {0, 5, 1, 1, 3, 2, 4, 0});
  REQUIRE(call("torch.gather", {tv(Y), iv(1), tv(Gi)}, {}, Out).ok());
  checkSame(result(Out), ag::gather(Y, 1, Gi));
  CHECK(std::string(gradFnName(result(Out))) == "GatherBackward0");
  Tensor Si = makeTensor(DType::Int64, {3}, {2, 0, 2});
  REQUIRE(call("torch.index_select", {tv(Y)},
               {{"dim", iv(0)}, {"index", tv(Si)}}, Out)
              .ok());
  checkSame(result(Out), ag::indexSelect(Y, 0, Si));
  Tensor Mask = makeTensor(DType::Bool, {6}, {1, 0, 0, 1, 0, 1});
  REQUIRE(call("torch.masked_fill", {tv(Y), tv(Mask), fv(-1.5)}, {}, Out).ok());
  checkSame(result(Out), ag::maskedFill(Y, Mask, Scalar(-1.5)));
  Tensor V = scalarTensor(Scalar(2.0));
  REQUIRE(call("torch.masked_fill", {tv(Y), tv(Mask), tv(V)}, {}, Out).ok());
  checkSame(result(Out), ag::maskedFill(Y, Mask, V));
  CHECK(std::string(gradFnName(result(Out))) == "MaskedFillBackward1");
}

TEST_CASE("dispatch nn argument errors") {
  Tensor X = wave({1, 1, 5, 5}, 1.0, 0.0), W = wave({1, 1, 3, 3}, 0.5, 0.0);
  Value Out;
  // Oracle texts (torch 1.13) for each call written in the comment.
  // F.relu(3)
  checkError(call("torch.nn.functional.relu", {iv(3)}, {}, Out),
             ErrorCode::TypeError,
             "relu(): argument 'input' (position 1) must be Tensor, not int");
  // F.conv2d(x, w, stride=(1, 2, 3))
  checkError(call("torch.nn.functional.conv2d", {tv(X), tv(W)},
                  {{"stride", ints({1, 2, 3})}}, Out),
             ErrorCode::RuntimeError,
             "expected stride to be a single integer value or a list of 2 "
             "values to match the convolution dimensions, but got "
             "stride=[1, 2, 3]");
  checkError(call("torch.nn.functional.conv2d", {tv(X), tv(W)},
                  {{"padding", makeStr("same")}, {"stride", iv(2)}}, Out),
             ErrorCode::RuntimeError,
             "padding='same' is not supported for strided convolutions");
  checkError(call("torch.nn.functional.conv2d", {tv(X), tv(W)},
                  {{"padding", makeStr("foo")}}, Out),
             ErrorCode::RuntimeError, "Invalid padding string: 'foo'");
  // F.max_pool2d(x, (1, 2, 3)) and F.avg_pool2d(x, 2, (1, 2, 3))
  checkError(
      call("torch.nn.functional.max_pool2d", {tv(X), ints({1, 2, 3})}, {}, Out),
      ErrorCode::RuntimeError,
      "max_pool2d: kernel_size must either be a single int, or a tuple "
      "of two ints");
  checkError(call("torch.nn.functional.avg_pool2d",
                  {tv(X), iv(2), ints({1, 2, 3})}, {}, Out),
             ErrorCode::RuntimeError,
             "avg_pool2d: stride must either be omitted, a single int, or a "
             "tuple of two ints");
  // torch.cat(x), torch.cat([x, 1]), torch.cat(5)
  checkError(call("torch.cat", {tv(X)}, {}, Out), ErrorCode::TypeError,
             "cat(): argument 'tensors' (position 1) must be tuple of "
             "Tensors, not Tensor");
  checkError(call("torch.cat", {makeList({tv(X), iv(1)})}, {}, Out),
             ErrorCode::TypeError,
             "expected Tensor as element 1 in argument 0, but got int");
  // torch.split(x, 2.0)
  checkError(call("torch.split", {tv(X), fv(2.0)}, {}, Out),
             ErrorCode::TypeError,
             "split_with_sizes(): argument 'split_sizes' (position 2) must be "
             "tuple of ints, not float");
  // F.pad(x, (1, 1), mode='foo'); F.leaky_relu(x, 'a')
  checkError(call("torch.nn.functional.pad", {tv(X), ints({1, 1})},
                  {{"mode", makeStr("foo")}}, Out),
             ErrorCode::NotImplementedError, "Unrecognised padding mode foo");
  checkError(
      call("torch.nn.functional.leaky_relu", {tv(X), makeStr("a")}, {}, Out),
      ErrorCode::TypeError,
      "leaky_relu(): argument 'negative_slope' (position 2) must be "
      "Number, not str");
  // F.dropout(x, 1.5)
  checkError(call("torch.nn.functional.dropout", {tv(X), fv(1.5)}, {}, Out),
             ErrorCode::ValueError,
             "dropout probability has to be between 0 and 1, but got 1.5");
  // Not supported by Janus: a clear NotImplementedError.
  Status S =
      call("torch.gather",
           {tv(X), iv(0), tv(makeTensor(DType::Int64, {1, 1, 1, 1}, {0}))},
           {{"sparse_grad", bv(true)}}, Out);
  CHECK(S.code() == ErrorCode::NotImplementedError);
  // Kernel errors come through with their Python type.
  checkError(
      call("torch.nn.functional.embedding",
           {tv(makeTensor(DType::Int64, {1}, {7})), tv(wave({5, 3}, 1, 0))}, {},
           Out),
      ErrorCode::IndexError, "index out of range in self");
  // In-place on a leaf that requires grad, as PyTorch refuses it.
  Tensor Leaf = wave({3}, 1.0, 0.5);
  setRequiresGrad(Leaf, true);
  checkError(call("torch.nn.functional.relu", {tv(Leaf)},
                  {{"inplace", bv(true)}}, Out),
             ErrorCode::RuntimeError,
             "a leaf Variable that requires grad is being used in an in-place "
             "operation.");
}
