//===- IndexTest.cpp - Tests of joining, gathering and indexing -----------===//
//
// Replays IndexVectors.inc (written by scripts/gen-index-vectors.py from
// PyTorch 1.13): each case runs one op through the runtime, implemented in
// runOp() exactly as the generator's OPS table does with torch, and compares
// every returned tensor's dtype, shape and values, or, for the cases where
// PyTorch raises, the exception type and message. Then hand-written checks
// of what the vectors cannot express: which results alias their input's
// storage, and the version counter of in-place writes.
//
//===----------------------------------------------------------------------===//

#include "Tensor/Indexing.h"
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
using janus::rt::test::InputSpec;
using janus::rt::test::makeTensor;
using janus::rt::test::valuesOf;

namespace {

struct Result {
  DType Type;
  std::vector<int64_t> Sizes;
  std::vector<double> Values;
};

struct OpCase {
  const char *Op;
  std::vector<int> Inputs;
  std::vector<double> Params;
  std::vector<Result> Results;
};

struct ErrorCase {
  const char *Op;
  std::vector<int> Inputs;
  std::vector<double> Params;
  ErrorKind Kind;
  const char *Message;
};

#include "IndexVectors.inc"

using TI = TensorIndex;
using Tensors = std::vector<Tensor>;
using V = const Tensors &;
using Ps = const std::vector<double> &;

int64_t p(Ps P, size_t I) { return static_cast<int64_t>(P[I]); }

Shape intParams(Ps P, size_t From = 0) {
  Shape S;
  for (size_t I = From; I < P.size(); ++I)
    S.push_back(p(P, I));
  return S;
}

// The generator's grad_for: (i % 7) - 3 in Y's dtype and shape.
Tensor gradFor(const Shape &Sizes, DType T) {
  int64_t N = 1;
  for (int64_t S : Sizes)
    N *= S;
  std::vector<double> Vals;
  for (int64_t I = 0; I < N; ++I)
    Vals.push_back(static_cast<double>(I % 7 - 3));
  return makeTensor(T, Sizes, Vals);
}

// Copy of X, Fn(copy) applied, copy returned (the generator's put()).
template <typename F> Tensors onCopy(const Tensor &X, F Fn) {
  Tensor Y = clone(X);
  Fn(Y);
  return {Y};
}

Tensors setitem(const Tensor &X, const std::vector<TI> &Idx,
                const Tensor &Val) {
  return onCopy(X, [&](Tensor &Y) { indexPut(Y, Idx, Val); });
}

// Backward of index(X, Idx) with the generator's gradient.
Tensors indexBw(const Tensor &X, const std::vector<TI> &Idx) {
  Tensor Y = index(X, Idx);
  return {indexBackward(gradFor(Y.sizes(), Y.dtype()), X.sizes(), Idx)};
}

// The runtime side of the generator's OPS table.
Tensors runOp(const std::string &Op, V I, Ps P) {
  using Fn = std::function<Tensors(V, Ps)>;
  static const std::map<std::string, Fn> Ops = {
      {"cat",
       [](V I, Ps P) {
         return Tensors{cat({I[0], I[1]}, p(P, 0))};
       }},
      {"cat3",
       [](V I, Ps P) {
         return Tensors{cat({I[0], I[1], I[2]}, p(P, 0))};
       }},
      {"cat1", [](V I, Ps P) { return Tensors{cat({I[0]}, p(P, 0))}; }},
      {"stack",
       [](V I, Ps P) {
         return Tensors{stack({I[0], I[1]}, p(P, 0))};
       }},
      {"split", [](V I, Ps P) { return split(I[0], p(P, 0), p(P, 1)); }},
      {"split_sizes",
       [](V I, Ps P) {
         return splitWithSizes(I[0], intParams(P, 1), p(P, 0));
       }},
      {"chunk", [](V I, Ps P) { return chunk(I[0], p(P, 0), p(P, 1)); }},
      {"unbind", [](V I, Ps P) { return unbind(I[0], p(P, 0)); }},
      {"repeat", [](V I, Ps P) { return Tensors{repeat(I[0], intParams(P))}; }},
      {"repeat_bw",
       [](V I, Ps P) {
         Tensor Y = repeat(I[0], intParams(P));
         return Tensors{repeatBackward(gradFor(Y.sizes(), Y.dtype()),
                                       intParams(P), I[0].sizes())};
       }},
      {"gather",
       [](V I, Ps P) { return Tensors{gather(I[0], p(P, 0), I[1])}; }},
      {"gather_bw",
       [](V I, Ps P) {
         Tensor Y = gather(I[0], p(P, 0), I[1]);
         return Tensors{scatterAdd(zeros(I[0].sizes(), I[0].dtype()), p(P, 0),
                                   I[1], gradFor(Y.sizes(), Y.dtype()))};
       }},
      {"scatter_add",
       [](V I, Ps P) {
         return Tensors{scatterAdd(I[0], p(P, 0), I[1], I[2])};
       }},
      {"scatter",
       [](V I, Ps P) { return Tensors{scatter(I[0], p(P, 0), I[1], I[2])}; }},
      {"scatter_val",
       [](V I, Ps P) {
         return Tensors{scatter(I[0], p(P, 0), I[1], Scalar(P[1]))};
       }},
      {"index_select",
       [](V I, Ps P) { return Tensors{indexSelect(I[0], p(P, 0), I[1])}; }},
      {"index_select_bw",
       [](V I, Ps P) {
         Tensor Y = indexSelect(I[0], p(P, 0), I[1]);
         return Tensors{indexAdd(zeros(I[0].sizes(), I[0].dtype()), p(P, 0),
                                 I[1], gradFor(Y.sizes(), Y.dtype()))};
       }},
      {"index_add",
       [](V I, Ps P) { return Tensors{indexAdd(I[0], p(P, 0), I[1], I[2])}; }},
      {"masked_fill_f",
       [](V I, Ps P) { return Tensors{maskedFill(I[0], I[1], Scalar(P[0]))}; }},
      {"masked_fill_i",
       [](V I, Ps P) {
         return Tensors{maskedFill(I[0], I[1], Scalar(p(P, 0)))};
       }},
      {"masked_fill_t",
       [](V I, Ps) { return Tensors{maskedFill(I[0], I[1], I[2])}; }},
      {"masked_fill_",
       [](V I, Ps P) {
         return onCopy(I[0], [&](Tensor &Y) {
           maskedFillInPlace(Y, I[1], Scalar(P[0]));
         });
       }},
      {"div_floor", [](V I, Ps) { return Tensors{div(I[0], I[1], "floor")}; }},
      {"div_trunc", [](V I, Ps) { return Tensors{div(I[0], I[1], "trunc")}; }},
      {"div_floor_si",
       [](V I, Ps P) {
         return Tensors{div(I[0], wrappedScalar(Scalar(p(P, 0))), "floor")};
       }},
      {"div_trunc_sf",
       [](V I, Ps P) {
         return Tensors{div(I[0], wrappedScalar(Scalar(P[0])), "trunc")};
       }},
      {"ix_int", [](V I, Ps) { return Tensors{index(I[0], {1})}; }},
      {"ix_negint", [](V I, Ps) { return Tensors{index(I[0], {-1})}; }},
      {"ix_int_int",
       [](V I, Ps) {
         return Tensors{index(I[0], {1, -2})};
       }},
      {"ix_int_big", [](V I, Ps) { return Tensors{index(I[0], {5})}; }},
      {"ix_int2_big",
       [](V I, Ps) {
         return Tensors{index(I[0], {1, 5})};
       }},
      {"ix_none_int_big",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::none(), 5})};
       }},
      {"ix_ell_int_big",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::ellipsis(), 9})};
       }},
      {"ix_too_many",
       [](V I, Ps) {
         return Tensors{index(I[0], {0, 0, 0, 0})};
       }},
      {"ix_slice",
       [](V I, Ps) { return Tensors{index(I[0], {TI::slice(1, 3)})}; }},
      {"ix_slice_step",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice({}, {}, 2), TI::slice(1, {})})};
       }},
      {"ix_slice_neg",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice(-2, {}), TI::slice({}, -1)})};
       }},
      {"ix_slice_empty",
       [](V I, Ps) { return Tensors{index(I[0], {TI::slice(2, 1)})}; }},
      {"ix_slice_zero",
       [](V I, Ps) { return Tensors{index(I[0], {TI::slice({}, {}, 0)})}; }},
      {"ix_slice_back",
       [](V I, Ps) { return Tensors{index(I[0], {TI::slice({}, {}, -1)})}; }},
      {"ix_none_ell",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::none(), TI::ellipsis(), TI::none()})};
       }},
      {"ix_ell_int",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::ellipsis(), 1})};
       }},
      {"ix_ell_twice",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::ellipsis(), 0, TI::ellipsis()})};
       }},
      {"ix_true",
       [](V I, Ps) { return Tensors{index(I[0], {TI::boolean(true)})}; }},
      {"ix_false",
       [](V I, Ps) { return Tensors{index(I[0], {TI::boolean(false)})}; }},
      {"ix_none_true_int",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::none(), TI::boolean(true),
                                     TI::ellipsis(), TI::none(), 1})};
       }},
      {"ix_t0", [](V I, Ps) { return Tensors{index(I[0], {I[1]})}; }},
      {"ix_t0_mid",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice(), I[1]})};
       }},
      {"ix_t0_bool", [](V I, Ps) { return Tensors{index(I[0], {I[1]})}; }},
      {"ix_adv", [](V I, Ps) { return Tensors{index(I[0], {I[1]})}; }},
      {"ix_adv1",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice(), I[1]})};
       }},
      {"ix_adv_last",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::ellipsis(), I[1]})};
       }},
      {"ix_adj",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice(), I[1], I[2]})};
       }},
      {"ix_adj_front",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], I[2]})};
       }},
      {"ix_nonadj",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], TI::slice(), I[2]})};
       }},
      {"ix_int_between",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], 1, I[2]})};
       }},
      {"ix_none_between",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], TI::none(), I[2]})};
       }},
      {"ix_bcast",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice(), I[1], I[2]})};
       }},
      {"ix_mask", [](V I, Ps) { return Tensors{index(I[0], {I[1]})}; }},
      {"ix_mask_mid",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::slice(), I[1]})};
       }},
      {"ix_mask_slice",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], TI::slice(1, 3)})};
       }},
      {"ix_mask_idx",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], I[2]})};
       }},
      {"ix_none_adv",
       [](V I, Ps) {
         return Tensors{index(I[0], {TI::none(), I[1], TI::none(), I[2]})};
       }},
      {"ix_adv_int0d",
       [](V I, Ps) {
         return Tensors{index(I[0], {I[1], I[2]})};
       }},
      {"put_int", [](V I, Ps) { return setitem(I[0], {1}, I[1]); }},
      {"put_slice",
       [](V I, Ps) {
         return setitem(I[0], {TI::slice(), TI::slice(1, 3)}, I[1]);
       }},
      {"put_ell",
       [](V I, Ps) { return setitem(I[0], {TI::ellipsis()}, I[1]); }},
      {"put_false",
       [](V I, Ps) { return setitem(I[0], {TI::boolean(false)}, I[1]); }},
      {"put_none", [](V I, Ps) { return setitem(I[0], {TI::none()}, I[1]); }},
      {"put_adv", [](V I, Ps) { return setitem(I[0], {I[1]}, I[2]); }},
      {"put_adv1",
       [](V I, Ps) {
         return setitem(I[0], {TI::slice(), I[1]}, I[2]);
       }},
      {"put_nonadj",
       [](V I, Ps) {
         return setitem(I[0], {I[1], TI::slice(), I[2]}, I[3]);
       }},
      {"put_mask", [](V I, Ps) { return setitem(I[0], {I[1]}, I[2]); }},
      {"put_mask_mid",
       [](V I, Ps) {
         return setitem(I[0], {TI::slice(), I[1]}, I[2]);
       }},
      {"put_adv_sf",
       [](V I, Ps P) {
         return onCopy(I[0],
                       [&](Tensor &Y) { indexPut(Y, {I[1]}, Scalar(P[0])); });
       }},
      {"put_int_sf",
       [](V I, Ps P) {
         return onCopy(I[0],
                       [&](Tensor &Y) { indexPut(Y, {1}, Scalar(P[0])); });
       }},
      {"put_acc",
       [](V I, Ps) {
         return onCopy(I[0],
                       [&](Tensor &Y) { indexPut(Y, {I[1]}, I[2], true); });
       }},
      {"put_acc2",
       [](V I, Ps) {
         return onCopy(I[0], [&](Tensor &Y) {
           indexPut(Y, {I[1], I[2]}, I[3], true);
         });
       }},
      {"index_bw_adv", [](V I, Ps) { return indexBw(I[0], {I[1]}); }},
      {"index_bw_nonadj",
       [](V I, Ps) {
         return indexBw(I[0], {I[1], TI::slice(), I[2]});
       }},
      {"index_bw_mask", [](V I, Ps) { return indexBw(I[0], {I[1]}); }},
      {"index_bw_basic",
       [](V I, Ps) {
         return indexBw(I[0],
                        {TI::slice(1, {}), TI::none(), TI::slice({}, {}, 2)});
       }},
      {"index_bw_adj",
       [](V I, Ps) {
         return indexBw(I[0], {TI::slice(), I[1], I[2]});
       }},
      {"cat_t",
       [](V I, Ps P) {
         return Tensors{cat({t(I[0]), I[1]}, p(P, 0))};
       }},
      {"split_t", [](V I, Ps P) { return split(t(I[0]), p(P, 0), 1); }},
      {"repeat_t",
       [](V I, Ps P) { return Tensors{repeat(t(I[0]), intParams(P))}; }},
      {"gather_t",
       [](V I, Ps P) { return Tensors{gather(t(I[0]), p(P, 0), I[1])}; }},
      {"index_select_t",
       [](V I, Ps P) { return Tensors{indexSelect(t(I[0]), p(P, 0), I[1])}; }},
      {"ix_adv_t",
       [](V I, Ps) {
         return Tensors{index(t(I[0]), {I[1], I[2]})};
       }},
      {"put_adv_t",
       [](V I, Ps) {
         return onCopy(I[0], [&](Tensor &Y) {
           Tensor T = t(Y);
           indexPut(T, {I[1]}, I[2]);
         });
       }},
      {"masked_fill_t_",
       [](V I, Ps P) {
         return onCopy(I[0], [&](Tensor &Y) {
           Tensor T = t(Y);
           maskedFillInPlace(T, I[1], Scalar(P[0]));
         });
       }},
  };
  auto It = Ops.find(Op);
  REQUIRE_MESSAGE(It != Ops.end(), "no runtime implementation of " << Op);
  return It->second(I, P);
}

std::vector<Tensor> inputTensors() {
  std::vector<Tensor> In;
  for (const InputSpec &S : Inputs)
    In.push_back(makeTensor(S.Type, S.Sizes, S.Values));
  return In;
}

std::string describe(const char *Op, const std::vector<int> &Ins) {
  std::string Desc = Op;
  for (int I : Ins)
    Desc += std::string(" ") + Inputs[I].Name;
  return Desc;
}

const char *kindName(ErrorKind K) {
  switch (K) {
  case ErrorKind::RuntimeError:
    return "RuntimeError";
  case ErrorKind::IndexError:
    return "IndexError";
  case ErrorKind::ValueError:
    return "ValueError";
  case ErrorKind::TypeError:
    return "TypeError";
  }
  return "?";
}

bool same(double Got, double Want) {
  return std::isnan(Want) ? std::isnan(Got) : Got == Want;
}

} // namespace

TEST_CASE("index: ops match PyTorch 1.13") {
  std::vector<Tensor> In = inputTensors();
  int Checked = 0;
  for (const OpCase &C : Cases) {
    Tensors Args;
    for (int I : C.Inputs)
      Args.push_back(In[I]);
    std::string Desc = describe(C.Op, C.Inputs);
    CAPTURE(Desc);
    Tensors R;
    try {
      R = runOp(C.Op, Args, C.Params);
    } catch (const TensorError &E) {
      FAIL_CHECK("unexpected error: " << E.what());
      continue;
    }
    REQUIRE(R.size() == C.Results.size());
    for (size_t K = 0; K < R.size(); ++K) {
      CAPTURE(K);
      const Result &Want = C.Results[K];
      CHECK(dtypeName(R[K].dtype()) == std::string(dtypeName(Want.Type)));
      CHECK(R[K].sizes() == Want.Sizes);
      if (R[K].sizes() != Want.Sizes)
        continue;
      std::vector<double> Got = valuesOf(R[K]);
      for (size_t I = 0; I < Got.size(); ++I) {
        CAPTURE(I);
        CHECK_MESSAGE(same(Got[I], Want.Values[I]),
                      "got " << Got[I] << " want " << Want.Values[I]);
      }
    }
    ++Checked;
  }
  CHECK(Checked == static_cast<int>(sizeof(Cases) / sizeof(Cases[0])));
}

TEST_CASE("index: errors match PyTorch 1.13") {
  // The exception types and messages are the oracle's, recorded by the
  // generator from the same calls.
  std::vector<Tensor> In = inputTensors();
  for (const ErrorCase &C : ErrorCases) {
    Tensors Args;
    for (int I : C.Inputs)
      Args.push_back(In[I]);
    std::string Desc = describe(C.Op, C.Inputs);
    CAPTURE(Desc);
    try {
      runOp(C.Op, Args, C.Params);
      FAIL_CHECK("expected " << kindName(C.Kind) << ": " << C.Message);
    } catch (const TensorError &E) {
      CHECK(std::string(kindName(E.kind())) == kindName(C.Kind));
      CHECK(std::string(E.what()) == C.Message);
    }
  }
}

TEST_CASE("index: split, chunk, unbind and basic indexing return views") {
  Tensor Base = reshape(arange(Scalar(0.0), Scalar(12.0)), {3, 4});
  std::vector<Tensor> Views = split(Base, 3, 1);
  for (const Tensor &T : chunk(Base, 2, 0))
    Views.push_back(T);
  for (const Tensor &T : unbind(Base, 1))
    Views.push_back(T);
  Views.push_back(index(Base, {1}));
  Views.push_back(index(Base, {TI::slice(), TI::slice(1, {}, 2)}));
  Views.push_back(index(Base, {TI::ellipsis()}));
  Views.push_back(index(Base, {TI::none(), -1}));
  Views.push_back(index(Base, {scalarTensor(Scalar(2), DType::Int64)}));
  for (const Tensor &T : Views)
    CHECK(T->storage() == Base->storage());
  // `t[...]` is a new tensor object over the same elements.
  CHECK(index(Base, {TI::ellipsis()}).get() != Base.get());
  // A write through a piece lands in the base.
  Tensor Piece = split(Base, 3, 1)[1]; // Base[:, 3:]
  fillInPlace(Piece, Scalar(-1.0));
  CHECK(valuesOf(select(Base, 1, 3)) == std::vector<double>{-1, -1, -1});
}

TEST_CASE("index: advanced indexing and joining copy") {
  Tensor Base = reshape(arange(Scalar(0.0), Scalar(12.0)), {3, 4});
  Tensor Idx = makeTensor(DType::Int64, {2}, {0, 2});
  Tensor Mask = makeTensor(DType::Bool, {3}, {1, 0, 1});
  for (const Tensor &T :
       {index(Base, {Idx}), index(Base, {Mask}),
        index(Base, {TI::boolean(true)}), cat({Base}, 0), stack({Base}, 0),
        repeat(Base, {1, 1}),
        gather(Base, 0, makeTensor(DType::Int64, {1, 4}, {0, 1, 2, 0})),
        indexSelect(Base, 0, Idx),
        maskedFill(Base, reshape(Mask, {3, 1}), Scalar(0.0))})
    CHECK(T->storage() != Base->storage());
}

TEST_CASE("index: assignment writes through views and bumps the version") {
  Tensor Base = zeros({3, 4});
  Tensor Rows = index(Base, {TI::slice(1, {})}); // A view of Base[1:].
  uint64_t V0 = Base->storage()->version();
  // Advanced assignment into the view writes Base's elements.
  indexPut(Rows, {TI::slice(), makeTensor(DType::Int64, {2}, {0, -1})},
           Scalar(5.0));
  CHECK(Base->storage()->version() == V0 + 1);
  CHECK(valuesOf(Base) ==
        std::vector<double>{0, 0, 0, 0, 5, 0, 0, 5, 5, 0, 0, 5});
  // Basic assignment copies into the view.
  indexPut(Base, {0, TI::slice(2, {})}, makeTensor(DType::Int64, {2}, {7, 8}));
  CHECK(Base->storage()->version() == V0 + 2);
  CHECK(valuesOf(select(Base, 0, 0)) == std::vector<double>{0, 0, 7, 8});
  // masked_fill_ through a transposed view.
  Tensor T = t(Base);
  maskedFillInPlace(T, makeTensor(DType::Bool, {3}, {1, 0, 0}), Scalar(1.0));
  CHECK(Base->storage()->version() == V0 + 3);
  CHECK(valuesOf(select(Base, 0, 0)) == std::vector<double>{1, 1, 1, 1});
  // Assigning a view of Self into Self reads everything first.
  Tensor X = arange(Scalar(0.0), Scalar(4.0));
  indexPut(X, {makeTensor(DType::Int64, {4}, {3, 2, 1, 0})},
           index(X, {TI::slice(0, 4)}));
  CHECK(valuesOf(X) == std::vector<double>{3, 2, 1, 0});
}

TEST_CASE("index: masks that are not bool are rejected") {
  // PyTorch 1.13 reinterprets the first byte of each element of such a
  // mask; we reject it with the message later PyTorch versions give.
  try {
    maskedFill(ones({2}), ones({2}, DType::Int64), Scalar(0.0));
    FAIL("expected an error");
  } catch (const TensorError &E) {
    CHECK(std::string(E.what()) ==
          "masked_fill_ only supports boolean masks, but got mask with dtype "
          "Long");
  }
}
