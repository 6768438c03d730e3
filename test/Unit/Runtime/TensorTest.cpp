//===- TensorTest.cpp - Tests of the CPU tensor core ----------------------===//
//
// Replays TensorVectors.inc (written by scripts/gen-tensor-vectors.py from
// PyTorch 1.13): each case runs one op through the runtime, implemented in
// runOp() exactly as the generator's OPS table does with torch, and compares
// dtype, shape and values. Then hand-written checks of what the vectors
// cannot express: error types and messages, views aliasing storage, the
// version counter, reshape's copy-or-view rule and reference counting.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Tensor.h"
#include "TensorTestUtil.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace janus::rt;
using janus::rt::test::closeTo;
using janus::rt::test::expectError;
using janus::rt::test::InputSpec;
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

struct OpCase {
  const char *Op;
  std::vector<int> Inputs;
  std::vector<double> Params;
  DType Type;
  std::vector<int64_t> Sizes;
  std::vector<double> Expected;
  // 0: exact. Otherwise a relative tolerance (scaled by max(|expected|, 1)),
  // chosen by the generator per op and dtype and explained there (libm vs
  // SLEEF, float64 vs float32-cascade sums, OpenBLAS vs MKL order).
  double Tol;
};

#include "TensorVectors.inc"

Tensor sf(double V) { return wrappedScalar(Scalar(V)); }
Tensor si(double V) { return wrappedScalar(Scalar(int64_t(V))); }

Tensor inplaceCopy(const Tensor &X) { return clone(X); }

// The runtime side of the generator's OPS table.
Tensor runOp(const std::string &Op, const std::vector<Tensor> &In,
             const std::vector<double> &P) {
  using Fn = std::function<Tensor(const std::vector<Tensor> &,
                                  const std::vector<double> &)>;
  using V = const std::vector<Tensor> &;
  using Ps = const std::vector<double> &;
  static const std::map<std::string, Fn> Ops = {
      {"add", [](V I, Ps) { return add(I[0], I[1]); }},
      {"sub", [](V I, Ps) { return sub(I[0], I[1]); }},
      {"mul", [](V I, Ps) { return mul(I[0], I[1]); }},
      {"div", [](V I, Ps) { return div(I[0], I[1]); }},
      {"pow", [](V I, Ps) { return pow(I[0], I[1]); }},
      {"maximum", [](V I, Ps) { return maximum(I[0], I[1]); }},
      {"minimum", [](V I, Ps) { return minimum(I[0], I[1]); }},
      {"add_alpha", [](V I, Ps P) { return add(I[0], I[1], Scalar(P[0])); }},
      {"sub_alpha", [](V I, Ps P) { return sub(I[0], I[1], Scalar(P[0])); }},
      {"add_ialpha",
       [](V I, Ps P) { return add(I[0], I[1], Scalar(int64_t(P[0]))); }},
      {"add_sf", [](V I, Ps P) { return add(I[0], sf(P[0])); }},
      {"add_si", [](V I, Ps P) { return add(I[0], si(P[0])); }},
      {"mul_sf", [](V I, Ps P) { return mul(I[0], sf(P[0])); }},
      {"div_si", [](V I, Ps P) { return div(I[0], si(P[0])); }},
      {"rsub_sf", [](V I, Ps P) { return sub(sf(P[0]), I[0]); }},
      {"pow_sf", [](V I, Ps P) { return pow(I[0], sf(P[0])); }},
      {"pow_si", [](V I, Ps P) { return pow(I[0], si(P[0])); }},
      {"eq", [](V I, Ps) { return compare(CompareOp::Eq, I[0], I[1]); }},
      {"ne", [](V I, Ps) { return compare(CompareOp::Ne, I[0], I[1]); }},
      {"lt", [](V I, Ps) { return compare(CompareOp::Lt, I[0], I[1]); }},
      {"le", [](V I, Ps) { return compare(CompareOp::Le, I[0], I[1]); }},
      {"gt", [](V I, Ps) { return compare(CompareOp::Gt, I[0], I[1]); }},
      {"ge", [](V I, Ps) { return compare(CompareOp::Ge, I[0], I[1]); }},
      {"lt_sf",
       [](V I, Ps P) { return compare(CompareOp::Lt, I[0], sf(P[0])); }},
      {"where", [](V I, Ps) { return where(I[0], I[1], I[2]); }},
      {"clamp_ff",
       [](V I, Ps P) { return clamp(I[0], Scalar(P[0]), Scalar(P[1])); }},
      {"clamp_ii",
       [](V I, Ps P) {
         return clamp(I[0], Scalar(int64_t(P[0])), Scalar(int64_t(P[1])));
       }},
      {"clamp_min_f",
       [](V I, Ps P) { return clamp(I[0], Scalar(P[0]), std::nullopt); }},
      {"exp", [](V I, Ps) { return unary(UnaryOp::Exp, I[0]); }},
      {"log", [](V I, Ps) { return unary(UnaryOp::Log, I[0]); }},
      {"sqrt", [](V I, Ps) { return unary(UnaryOp::Sqrt, I[0]); }},
      {"abs", [](V I, Ps) { return unary(UnaryOp::Abs, I[0]); }},
      {"neg", [](V I, Ps) { return unary(UnaryOp::Neg, I[0]); }},
      {"tanh", [](V I, Ps) { return unary(UnaryOp::Tanh, I[0]); }},
      {"sigmoid", [](V I, Ps) { return unary(UnaryOp::Sigmoid, I[0]); }},
      {"relu", [](V I, Ps) { return unary(UnaryOp::Relu, I[0]); }},
      {"t", [](V I, Ps) { return t(I[0]); }},
      {"permute_201", [](V I, Ps) { return permute(I[0], {2, 0, 1}); }},
      {"reshape_t", [](V I, Ps) { return reshape(t(I[0]), {-1, 2}); }},
      {"view_32", [](V I, Ps) { return view(I[0], {-1, 2}); }},
      {"slice_step",
       [](V I, Ps) { return slice(I[0], 1, 1, std::nullopt, 2); }},
      {"slice_neg",
       [](V I, Ps) {
         return slice(slice(I[0], 0, -2, std::nullopt), 1, std::nullopt, -1);
       }},
      {"narrow", [](V I, Ps) { return narrow(I[0], 1, 1, 2); }},
      {"select_neg", [](V I, Ps) { return select(I[0], 0, -1); }},
      {"select_col", [](V I, Ps) { return select(I[0], 1, -3); }},
      {"expand", [](V I, Ps) { return expand(I[0], {2, 3, 4}); }},
      {"unsqueeze_squeeze",
       [](V I, Ps) { return squeeze(unsqueeze(unsqueeze(I[0], 1), -1)); }},
      {"add_strided",
       [](V I, Ps) {
         return add(t(I[0]), expand(t(slice(I[1], 1, 1, 2)), {4, 3}));
       }},
      {"exp_strided",
       [](V I, Ps) {
         Tensor Every2 = slice(I[0], 1, std::nullopt, std::nullopt, 2);
         return unary(UnaryOp::Exp, Every2);
       }},
      {"add_",
       [](V I, Ps) {
         Tensor X = inplaceCopy(I[0]);
         return addInPlace(X, I[1]);
       }},
      {"sub_alpha_",
       [](V I, Ps P) {
         Tensor X = inplaceCopy(I[0]);
         return subInPlace(X, I[1], Scalar(P[0]));
       }},
      {"mul_",
       [](V I, Ps) {
         Tensor X = inplaceCopy(I[0]);
         return mulInPlace(X, I[1]);
       }},
      {"div_",
       [](V I, Ps) {
         Tensor X = inplaceCopy(I[0]);
         return divInPlace(X, I[1]);
       }},
      {"fill_",
       [](V I, Ps P) {
         Tensor X = inplaceCopy(I[0]);
         return fillInPlace(X, Scalar(P[0]));
       }},
      {"zero_",
       [](V I, Ps) {
         Tensor X = inplaceCopy(I[0]);
         return zeroInPlace(X);
       }},
      {"copy_",
       [](V I, Ps) {
         Tensor X = inplaceCopy(I[0]);
         return copyInPlace(X, I[1]);
       }},
      {"through_t",
       [](V I, Ps) {
         Tensor X = inplaceCopy(I[0]);
         Tensor T = t(X);
         mulInPlace(T, si(2));
         addInPlace(T, si(1));
         return X;
       }},
      {"sum", [](V I, Ps) { return sum(I[0]); }},
      {"sum_d1", [](V I, Ps) { return sum(I[0], {1}); }},
      {"sum_d0k", [](V I, Ps) { return sum(I[0], {0}, true); }},
      {"sum_dm1m2", [](V I, Ps) { return sum(I[0], {-1, -2}); }},
      {"mean", [](V I, Ps) { return mean(I[0]); }},
      {"mean_d1", [](V I, Ps) { return mean(I[0], {1}); }},
      {"mean_d02k", [](V I, Ps) { return mean(I[0], {0, 2}, true); }},
      {"sum_d023k", [](V I, Ps) { return sum(I[0], {0, 2, 3}, true); }},
      {"mean_d023", [](V I, Ps) { return mean(I[0], {0, 2, 3}); }},
      {"max", [](V I, Ps) { return max(I[0]); }},
      {"min", [](V I, Ps) { return min(I[0]); }},
      {"max_d1_v", [](V I, Ps) { return max(I[0], 1, false).first; }},
      {"max_d1_i", [](V I, Ps) { return max(I[0], 1, false).second; }},
      {"min_d0k_v", [](V I, Ps) { return min(I[0], 0, true).first; }},
      {"min_d0k_i", [](V I, Ps) { return min(I[0], 0, true).second; }},
      {"argmax", [](V I, Ps) { return argmax(I[0]); }},
      {"argmax_d1", [](V I, Ps) { return argmax(I[0], 1); }},
      {"var", [](V I, Ps) { return var(I[0]); }},
      {"var_d1", [](V I, Ps) { return var(I[0], {1}); }},
      {"var_d0_biased", [](V I, Ps) { return var(I[0], {0}, false); }},
      {"std", [](V I, Ps) { return janus::rt::std(I[0]); }},
      {"std_d1k",
       [](V I, Ps) { return janus::rt::std(I[0], {1}, true, true); }},
      {"norm", [](V I, Ps) { return norm(I[0]); }},
      {"norm_d1", [](V I, Ps) { return norm(I[0], {1}); }},
      {"cumsum_d0", [](V I, Ps) { return cumsum(I[0], 0); }},
      {"cumsum_d1", [](V I, Ps) { return cumsum(I[0], 1); }},
      {"softmax_d1", [](V I, Ps) { return softmax(I[0], 1); }},
      {"softmax_d0", [](V I, Ps) { return softmax(I[0], 0); }},
      {"log_softmax_d1", [](V I, Ps) { return logSoftmax(I[0], 1); }},
      {"log_softmax_d0", [](V I, Ps) { return logSoftmax(I[0], 0); }},
      {"mm", [](V I, Ps) { return mm(I[0], I[1]); }},
      {"mm_tA", [](V I, Ps) { return mm(t(I[0]), I[1]); }},
      {"mm_tB", [](V I, Ps) { return mm(I[0], t(I[1])); }},
      {"mm_slice",
       [](V I, Ps) {
         Tensor B = slice(slice(I[1], 0, 1, std::nullopt), 1, std::nullopt,
                          std::nullopt, 2);
         return mm(slice(I[0], 1, 1, std::nullopt), B);
       }},
      {"matmul", [](V I, Ps) { return matmul(I[0], I[1]); }},
      {"matmul_tB",
       [](V I, Ps) { return matmul(I[0], transpose(I[1], -1, -2)); }},
      {"bmm", [](V I, Ps) { return bmm(I[0], I[1]); }},
      {"arange_f",
       [](V, Ps) { return arange(Scalar(0), Scalar(1), Scalar(0.1)); }},
      {"arange_i",
       [](V, Ps) { return arange(Scalar(-3), Scalar(10), Scalar(4)); }},
      {"linspace7", [](V, Ps) { return linspace(Scalar(0), Scalar(1), 7); }},
      {"linspace10",
       [](V, Ps) { return linspace(Scalar(-1), Scalar(2.5), 10); }},
      {"linspace_d",
       [](V, Ps) {
         return linspace(Scalar(-1), Scalar(2.5), 10, DType::Float64);
       }},
      {"eye34", [](V, Ps) { return eye(3, 4); }},
      {"full_i", [](V, Ps) { return full({2, 2}, Scalar(7)); }},
      {"full_f", [](V, Ps) { return full({2, 3}, Scalar(0.1)); }},
      {"ones_b", [](V, Ps) { return ones({3}, DType::Bool); }},
  };
  auto It = Ops.find(Op);
  REQUIRE_MESSAGE(It != Ops.end(), "no runtime implementation of " << Op);
  return It->second(In, P);
}

} // namespace

TEST_CASE("tensor ops match PyTorch 1.13") {
  std::vector<Tensor> In;
  for (const InputSpec &S : Inputs)
    In.push_back(makeTensor(S.Type, S.Sizes, S.Values));
  int Checked = 0;
  for (const OpCase &C : Cases) {
    std::vector<Tensor> Args;
    std::string Desc = C.Op;
    for (int I : C.Inputs) {
      Args.push_back(In[I]);
      Desc += std::string(" ") + Inputs[I].Name;
    }
    CAPTURE(Desc);
    Tensor R = runOp(C.Op, Args, C.Params);
    CHECK(dtypeName(R.dtype()) == std::string(dtypeName(C.Type)));
    CHECK(R.sizes() == C.Sizes);
    if (R.sizes() != C.Sizes)
      continue;
    std::vector<double> Got = valuesOf(R);
    for (size_t I = 0; I < Got.size(); ++I) {
      CAPTURE(I);
      CHECK_MESSAGE(closeTo(Got[I], C.Expected[I], C.Tol),
                    "got " << Got[I] << " want " << C.Expected[I]);
    }
    ++Checked;
  }
  CHECK(Checked == static_cast<int>(sizeof(Cases) / sizeof(Cases[0])));
}

TEST_CASE("tensor error messages match PyTorch") {
  Tensor A = reshape(arange(Scalar(0.0), Scalar(6.0)), {2, 3});
  const ErrorKind RE = ErrorKind::RuntimeError, IE = ErrorKind::IndexError;
  expectError(
      [&] {
        view(A, {2, 4});
      },
      RE, "shape '[2, 4]' is invalid for input of size 6");
  expectError(
      [&] {
        view(A, {-1, -1});
      },
      RE, "only one dimension can be inferred");
  expectError([&] { view(t(A), {6}); }, RE,
              "view size is not compatible with input tensor's size and "
              "stride (at least one dimension spans across two contiguous "
              "subspaces). Use .reshape(...) instead.");
  expectError([&] { sum(A, {2}); }, IE,
              "Dimension out of range (expected to be in range of [-2, 1], "
              "but got 2)");
  expectError([&] { sum(scalarTensor(Scalar(1.0)), {1}); }, IE,
              "Dimension out of range (expected to be in range of [-1, 0], "
              "but got 1)");
  expectError([&] { select(A, 1, -4); }, IE,
              "select(): index -4 out of range for tensor of size [2, 3] at "
              "dimension 1");
  expectError([&] { narrow(A, 1, 2, 2); }, RE,
              "start (2) + length (2) exceeds dimension size (3).");
  expectError(
      [&] {
        expand(A, {2, 4});
      },
      RE,
      "The expanded size of the tensor (4) must match the existing "
      "size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  "
      "Tensor sizes: [2, 3]");
  expectError(
      [&] {
        permute(A, {0, 0});
      },
      RE, "permute(): duplicate dims are not allowed.");
  expectError(
      [&] {
        add(ones({2, 3}), ones({2, 4}));
      },
      RE,
      "The size of tensor a (3) must match the size of tensor b (4) "
      "at non-singleton dimension 1");
  expectError(
      [&] {
        mm(ones({2, 3}), ones({4, 5}));
      },
      RE, "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)");
  expectError(
      [&] {
        mm(ones({2, 3}), ones({3, 5}, DType::Float64));
      },
      RE, "expected scalar type Float but found Double");
  expectError([&] { matmul(ones({3}), ones({4})); }, RE,
              "inconsistent tensor size, expected tensor [3] and src [4] to "
              "have the same number of elements, but got 3 and 4 elements "
              "respectively");
  expectError(
      [&] {
        matmul(ones({2, 3}), ones({4}));
      },
      RE, "size mismatch, got 2, 2x3,4");
  expectError(
      [&] {
        bmm(ones({2, 2, 3}), ones({2, 4, 5}));
      },
      RE,
      "Expected size for first two dimensions of batch2 tensor to "
      "be: [2, 3] but got: [2, 4].");
  expectError(
      [&] {
        Tensor L = ones({2, 3}, DType::Int64);
        addInPlace(L, wrappedScalar(Scalar(1.5)));
      },
      RE, "result type Float can't be cast to the desired output type Long");
  expectError(
      [&] {
        Tensor S = ones({3});
        addInPlace(S, ones({2, 3}));
      },
      RE, "output with shape [3] doesn't match the broadcast shape [2, 3]");
  expectError([&] { unary(UnaryOp::Neg, ones({2}, DType::Bool)); }, RE,
              "Negation, the `-` operator, on a bool tensor is not supported. "
              "If you are trying to invert a mask, use the `~` or "
              "`logical_not()` operator instead.");
  expectError([&] { mean(ones({2}, DType::Int64)); }, RE,
              "mean(): could not infer output dtype. Input dtype must be "
              "either a floating point or complex dtype. Got: Long");
  expectError([&] { max(ones({0})); }, RE,
              "max(): Expected reduction dim to be specified for "
              "input.numel() == 0. Specify the reduction dim with the 'dim' "
              "argument.");
  expectError([&] { pow(ones({2}, DType::Int64), wrappedScalar(Scalar(-1))); },
              RE, "Integers to negative integer powers are not allowed.");
  expectError([&] { slice(A, 1, 0, 2, 0); }, ErrorKind::ValueError,
              "step must be greater than zero");
  expectError([&] { where(ones({2}), ones({2}), ones({2})); }, RE,
              "where expected condition to be a boolean tensor, but got a "
              "tensor with dtype Float");
}

TEST_CASE("views alias their base's storage") {
  Tensor Base = zeros({3, 4});
  Tensor Row = select(Base, 0, 1);
  Tensor Col = select(t(Base), 0, -1); // Base[:, 3], strided.
  CHECK(Row->storage() == Base->storage());
  uint64_t V0 = Base->storage()->version();
  // Fresh tensors start at version 0 (torch.ones(2)._version == 0 and
  // torch.full(...)._version == 0 in PyTorch 1.13).
  CHECK(V0 == 0);
  CHECK(ones({2})->storage()->version() == 0);
  CHECK(full({2}, Scalar(1.5))->storage()->version() == 0);
  fillInPlace(Row, Scalar(2.0));
  addInPlace(Col, wrappedScalar(Scalar(1)));
  // In-place writes through any view bump the shared version counter.
  CHECK(Base->storage()->version() == V0 + 2);
  std::vector<float> Out(12);
  copyToBuffer(Base, Out.data());
  CHECK(Out == std::vector<float>{0, 0, 0, 1, 2, 2, 2, 3, 0, 0, 0, 1});
  // A strided slice written through copy_ lands in the right elements.
  Tensor Every2 = slice(Base, 1, std::nullopt, std::nullopt, 2);
  copyInPlace(Every2, full({1}, Scalar(9.0)));
  copyToBuffer(Base, Out.data());
  CHECK(Out == std::vector<float>{9, 0, 9, 1, 9, 2, 9, 3, 9, 0, 9, 1});
}

TEST_CASE("reshape views when it can and copies when it must") {
  Tensor A = arange(Scalar(0), Scalar(12));
  Tensor M = view(A, {3, 4});
  CHECK(reshape(M, {2, 6})->storage() == A->storage());
  CHECK(reshape(slice(M, 0, 1, std::nullopt), {8})->storage() == A->storage());
  Tensor Copied = reshape(t(M), {12});
  CHECK(Copied->storage() != A->storage());
  CHECK(Copied->isContiguous());
  CHECK(contiguous(M).get() == M.get()); // Already contiguous: no copy.
  CHECK(!t(M)->isContiguous());
  // Unsqueezing and viewing a transposed tensor keeps it a view.
  CHECK(view(unsqueeze(t(M), 0), {1, 4, 3})->storage() == A->storage());
}

TEST_CASE("storage is aligned and reference counted") {
  Tensor A = ones({5}, DType::Float64);
  CHECK(reinterpret_cast<uintptr_t>(A->data()) % 64 == 0);
  CHECK(A->device() == Device::CPU);
  TensorImpl *Raw = A.get();
  retainTensor(Raw); // As the boxed-value layer does.
  { Tensor Copy = A; }
  A = Tensor();
  // Raw is still alive through our extra reference.
  CHECK(Raw->numel() == 5);
  releaseTensor(Raw);
  // A view keeps the storage alive after the base is gone.
  Tensor V;
  {
    Tensor B = arange(Scalar(0), Scalar(4));
    V = slice(B, 0, 2, std::nullopt);
  }
  CHECK(itemInt(select(V, 0, 1)) == 3);
}

TEST_CASE("wrapped numbers and 0-dim tensors promote like PyTorch") {
  Tensor L = ones({2}, DType::Int64);
  CHECK(add(L, wrappedScalar(Scalar(2.5))).dtype() == DType::Float32);
  CHECK(add(L, scalarTensor(Scalar(2.5), DType::Float64)).dtype() ==
        DType::Float64);
  CHECK(add(ones({2}), scalarTensor(Scalar(2.5), DType::Float64)).dtype() ==
        DType::Float32);
  CHECK(div(L, L).dtype() == DType::Float32);
  CHECK(add(ones({2}, DType::Bool), wrappedScalar(Scalar(true))).dtype() ==
        DType::Bool);
  CHECK(add(ones({2}, DType::Bool), wrappedScalar(Scalar(3))).dtype() ==
        DType::Int64);
}
