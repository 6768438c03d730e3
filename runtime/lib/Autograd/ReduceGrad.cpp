//===- ReduceGrad.cpp - Differentiable reductions and dim ops -------------===//
//
// ag:: sum/mean/max/min/var/std/norm, cumsum and (log_)softmax with the
// formulas of PyTorch 1.13's FunctionsManual.cpp: a whole-tensor max/min
// splits the gradient evenly among tied elements, max/min along a dim sends
// it to the returned index, std and norm give 0 where the result is 0.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

#include <cmath>

namespace janus::rt::ag {

using namespace detail;

Tensor sum(const Tensor &A) {
  Tensor R = rt::sum(A);
  recordNode(
      "SumBackward0", {&A}, R,
      [Sizes = A.sizes()](FunctionNode &, const TensorList &G) -> TensorList {
        return {rt::expand(G[0], Sizes)};
      });
  return R;
}

Tensor sum(const Tensor &A, const Shape &Dims, bool KeepDim) {
  Tensor R = rt::sum(A, Dims, KeepDim);
  recordNode("SumBackward1", {&A}, R,
             [Sizes = A.sizes(), Dims,
              KeepDim](FunctionNode &, const TensorList &G) -> TensorList {
               Tensor Gu = unsqueezeReduced(G[0], Dims, Sizes.size(), KeepDim);
               return {rt::expand(Gu, Sizes)};
             });
  return R;
}

Tensor mean(const Tensor &A) {
  Tensor R = rt::mean(A);
  recordNode(
      "MeanBackward0", {&A}, R,
      [Sizes = A.sizes()](FunctionNode &, const TensorList &G) -> TensorList {
        double N = static_cast<double>(reducedCount(Sizes, {}));
        return {rt::expand(rt::div(G[0], num(N)), Sizes)};
      });
  return R;
}

Tensor mean(const Tensor &A, const Shape &Dims, bool KeepDim) {
  Tensor R = rt::mean(A, Dims, KeepDim);
  recordNode("MeanBackward1", {&A}, R,
             [Sizes = A.sizes(), Dims,
              KeepDim](FunctionNode &, const TensorList &G) -> TensorList {
               double N = static_cast<double>(reducedCount(Sizes, Dims));
               Tensor Gu = unsqueezeReduced(G[0], Dims, Sizes.size(), KeepDim);
               return {rt::expand(rt::div(Gu, num(N)), Sizes)};
             });
  return R;
}

namespace {
/// Whole-tensor max/min (evenly_distribute_backward).
Tensor allExtremum(const char *Name, const Tensor &A, Tensor R) {
  auto N = recordNode(
      Name, {&A}, R, [](FunctionNode &N, const TensorList &G) -> TensorList {
        Tensor Self = N.saved(0), Value = N.saved(1);
        bool IsNan = std::isnan(itemDouble(Value));
        Tensor Mask = IsNan ? compare(CompareOp::Ne, Self, Self)
                            : compare(CompareOp::Eq, Self, Value);
        return {rt::mul(Mask, rt::div(G[0], rt::sum(Mask)))};
      });
  if (N) {
    N->saveInput(0, A);
    N->saveOutput(1, R);
  }
  return R;
}

/// max/min along D: the gradient goes to the returned index.
std::pair<Tensor, Tensor> dimExtremum(const char *Name, const Tensor &A,
                                      int64_t D, bool KeepDim,
                                      std::pair<Tensor, Tensor> R) {
  D = wrapDim(D, A.dim());
  auto N = recordNode(
      Name, {&A}, R.first,
      [Sizes = A.sizes(), D, KeepDim](FunctionNode &N,
                                      const TensorList &G) -> TensorList {
        int64_t Rank = static_cast<int64_t>(Sizes.size());
        if (Rank == 0)
          return {G[0]};
        Tensor Idx = unsqueezeReduced(N.saved(0), {D}, Rank, KeepDim);
        Tensor Gu = unsqueezeReduced(G[0], {D}, Rank, KeepDim);
        // A one-hot mask along D: iota(D) == index.
        Shape IotaShape(Sizes.size(), 1);
        IotaShape[D] = Sizes[D];
        Tensor Iota = rt::reshape(arange(Scalar(int64_t(0)), Scalar(Sizes[D])),
                                  IotaShape);
        Tensor Hit = compare(CompareOp::Eq, Iota, Idx);
        return {rt::where(Hit, rt::expand(Gu, Sizes), num(0.0))};
      });
  if (N)
    N->saveInput(0, R.second);
  return R;
}
} // namespace

Tensor max(const Tensor &A) {
  return allExtremum("MaxBackward1", A, rt::max(A));
}
Tensor min(const Tensor &A) {
  return allExtremum("MinBackward1", A, rt::min(A));
}
std::pair<Tensor, Tensor> max(const Tensor &A, int64_t D, bool KeepDim) {
  return dimExtremum("MaxBackward0", A, D, KeepDim, rt::max(A, D, KeepDim));
}
std::pair<Tensor, Tensor> min(const Tensor &A, int64_t D, bool KeepDim) {
  return dimExtremum("MinBackward0", A, D, KeepDim, rt::min(A, D, KeepDim));
}

namespace {
/// var_backward: 2 / (N - correction) * grad * (a - mean(a)).
Tensor varBackward(const Tensor &Gu, const Tensor &Self, const Shape &Dims,
                   bool Unbiased) {
  double N = static_cast<double>(reducedCount(Self.sizes(), Dims));
  Tensor Mean = Dims.empty() ? rt::mean(Self) : rt::mean(Self, Dims, true);
  Tensor Scale = num(2.0 / (N - (Unbiased ? 1.0 : 0.0)));
  return rt::mul(rt::mul(Gu, Scale), rt::sub(Self, Mean));
}
} // namespace

Tensor var(const Tensor &A, const Shape &Dims, bool Unbiased, bool KeepDim) {
  Tensor R = rt::var(A, Dims, Unbiased, KeepDim);
  auto N = recordNode("VarBackward0", {&A}, R,
                      [Dims, Unbiased, KeepDim](
                          FunctionNode &N, const TensorList &G) -> TensorList {
                        Tensor Self = N.saved(0);
                        Tensor Gu =
                            unsqueezeReduced(G[0], Dims, Self.dim(), KeepDim);
                        return {varBackward(Gu, Self, Dims, Unbiased)};
                      });
  if (N)
    N->saveInput(0, A);
  return R;
}

Tensor std(const Tensor &A, const Shape &Dims, bool Unbiased, bool KeepDim) {
  Tensor R = rt::std(A, Dims, Unbiased, KeepDim);
  auto N = recordNode(
      "StdBackward0", {&A}, R,
      [Dims, Unbiased, KeepDim](FunctionNode &N,
                                const TensorList &G) -> TensorList {
        Tensor Self = N.saved(0);
        Tensor Res = N.saved(1);
        Tensor GradVar = zeroWhere(compare(CompareOp::Eq, Res, num(0.0)),
                                   rt::div(G[0], rt::mul(Res, num(2.0))));
        Tensor Gu = unsqueezeReduced(GradVar, Dims, Self.dim(), KeepDim);
        return {varBackward(Gu, Self, Dims, Unbiased)};
      });
  if (N) {
    N->saveInput(0, A);
    N->saveOutput(1, R);
  }
  return R;
}

namespace {
/// The 2-norm: a * grad / norm, and 0 where the norm is 0.
Tensor normNode(const Tensor &A, const Tensor &R, const Shape &Dims,
                bool KeepDim) {
  auto N = recordNode(
      "NormBackward1", {&A}, R,
      [Dims, KeepDim](FunctionNode &N, const TensorList &G) -> TensorList {
        Tensor Self = N.saved(0), Res = N.saved(1);
        Tensor Scale = zeroWhere(compare(CompareOp::Eq, Res, num(0.0)),
                                 rt::div(G[0], Res));
        return {
            rt::mul(Self, unsqueezeReduced(Scale, Dims, Self.dim(), KeepDim))};
      });
  if (N) {
    N->saveInput(0, A);
    N->saveOutput(1, R);
  }
  return R;
}
} // namespace

Tensor norm(const Tensor &A) { return normNode(A, rt::norm(A), {}, false); }

Tensor norm(const Tensor &A, const Shape &Dims, bool KeepDim) {
  return normNode(A, rt::norm(A, Dims, KeepDim), Dims, KeepDim);
}

Tensor cumsum(const Tensor &A, int64_t D) {
  Tensor R = rt::cumsum(A, D);
  recordNode("CumsumBackward0", {&A}, R,
             [D](FunctionNode &, const TensorList &G) -> TensorList {
               // The reversed cumulative sum: total - prefix + self.
               const Tensor &Gr = G[0];
               if (Gr.dim() == 0)
                 return {Gr};
               Tensor Total = rt::sum(Gr, {D}, /*KeepDim=*/true);
               return {rt::add(rt::sub(Total, rt::cumsum(Gr, D)), Gr)};
             });
  return R;
}

Tensor softmax(const Tensor &A, int64_t D) {
  Tensor R = rt::softmax(A, D);
  auto N = recordNode("SoftmaxBackward0", {&A}, R,
                      [D](FunctionNode &N, const TensorList &G) -> TensorList {
                        Tensor Y = N.saved(0);
                        if (Y.dim() == 0)
                          return {rt::mul(G[0], num(0.0))};
                        Tensor Dot =
                            rt::sum(rt::mul(G[0], Y), {D}, /*KeepDim=*/true);
                        return {rt::mul(Y, rt::sub(G[0], Dot))};
                      });
  if (N)
    N->saveOutput(0, R);
  return R;
}

Tensor logSoftmax(const Tensor &A, int64_t D) {
  Tensor R = rt::logSoftmax(A, D);
  auto N = recordNode("LogSoftmaxBackward0", {&A}, R,
                      [D](FunctionNode &N, const TensorList &G) -> TensorList {
                        Tensor Y = N.saved(0);
                        if (Y.dim() == 0)
                          return {rt::mul(G[0], num(0.0))};
                        Tensor Total = rt::sum(G[0], {D}, /*KeepDim=*/true);
                        return {rt::sub(G[0], rt::mul(expOf(Y), Total))};
                      });
  if (N)
    N->saveOutput(0, R);
  return R;
}

} // namespace janus::rt::ag
