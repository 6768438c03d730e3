//===- ElementwiseGrad.cpp - Differentiable elementwise ops ---------------===//
//
// ag:: binary, unary, where and clamp ops and the in-place ops, with
// PyTorch 1.13's node names and derivative formulas. Gradients are returned
// at the output's shape; the engine sums them back over broadcast dims.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"

namespace janus::rt::ag {

using namespace detail;

namespace {

Tensor scaled(const Tensor &G, Scalar Alpha) {
  if (Alpha.toDouble() == 1.0)
    return G;
  return rt::mul(G, num(Alpha));
}

/// -1, 0 or 1 in G's dtype (sgn; 0 at 0, so abs' gradient at 0 is 0).
Tensor sign(const Tensor &A, DType T) {
  return rt::sub(rt::to(compare(CompareOp::Gt, A, num(0.0)), T),
                 rt::to(compare(CompareOp::Lt, A, num(0.0)), T));
}

} // namespace

//===--- Binary ops -------------------------------------------------------===//

Tensor add(const Tensor &A, const Tensor &B, Scalar Alpha) {
  Tensor R = rt::add(A, B, Alpha);
  recordNode("AddBackward0", {&A, &B}, R,
             [Alpha](FunctionNode &, const TensorList &G) -> TensorList {
               return {G[0], scaled(G[0], Alpha)};
             });
  return R;
}

Tensor sub(const Tensor &A, const Tensor &B, Scalar Alpha) {
  Tensor R = rt::sub(A, B, Alpha);
  // `2 - t` is torch.rsub(t, 2) in PyTorch.
  recordNode(A->isWrappedNumber() ? "RsubBackward1" : "SubBackward0", {&A, &B},
             R, [Alpha](FunctionNode &, const TensorList &G) -> TensorList {
               return {G[0], negate(scaled(G[0], Alpha))};
             });
  return R;
}

Tensor mul(const Tensor &A, const Tensor &B) {
  Tensor R = rt::mul(A, B);
  auto N = recordNode("MulBackward0", {&A, &B}, R,
                      [](FunctionNode &N, const TensorList &G) -> TensorList {
                        TensorList Out(2);
                        if (N.needsInputGrad(0))
                          Out[0] = rt::mul(G[0], N.saved(1));
                        if (N.needsInputGrad(1))
                          Out[1] = rt::mul(G[0], N.saved(0));
                        return Out;
                      });
  if (N && N->needsInputGrad(0))
    N->saveInput(1, B);
  if (N && N->needsInputGrad(1))
    N->saveInput(0, A);
  return R;
}

Tensor div(const Tensor &A, const Tensor &B) {
  Tensor R = rt::div(A, B);
  auto N = recordNode(
      "DivBackward0", {&A, &B}, R,
      [](FunctionNode &N, const TensorList &G) -> TensorList {
        TensorList Out(2);
        Tensor Other = N.saved(1);
        if (N.needsInputGrad(0))
          Out[0] = rt::div(G[0], Other);
        if (N.needsInputGrad(1))
          Out[1] =
              rt::mul(negate(G[0]), rt::div(rt::div(N.saved(0), Other), Other));
        return Out;
      });
  if (N) {
    N->saveInput(1, B);
    if (N->needsInputGrad(1))
      N->saveInput(0, A);
  }
  return R;
}

Tensor pow(const Tensor &A, const Tensor &B) {
  Tensor R = rt::pow(A, B);
  if (B->isWrappedNumber()) {
    // pow(Tensor, Scalar): grad * e * a^(e-1), and 0 for e == 0.
    double E = itemDouble(B);
    auto N = recordNode(
        "PowBackward0", {&A}, R,
        [E](FunctionNode &N, const TensorList &G) -> TensorList {
          Tensor Self = N.saved(0);
          if (E == 0.0)
            return {zeros(Self.sizes(), G[0].dtype())};
          return {rt::mul(rt::mul(G[0], num(E)), rt::pow(Self, num(E - 1.0)))};
        });
    if (N)
      N->saveInput(0, A);
    return R;
  }
  auto N = recordNode(
      "PowBackward1", {&A, &B}, R,
      [](FunctionNode &N, const TensorList &G) -> TensorList {
        TensorList Out(2);
        Tensor Self = N.saved(0), Exp = N.saved(1);
        if (N.needsInputGrad(0))
          Out[0] = zeroWhere(
              compare(CompareOp::Eq, Exp, num(0.0)),
              rt::mul(G[0],
                      rt::mul(Exp, rt::pow(Self, rt::sub(Exp, num(1.0))))));
        if (N.needsInputGrad(1)) {
          Tensor Cond = rt::mul(compare(CompareOp::Eq, Self, num(0.0)),
                                compare(CompareOp::Ge, Exp, num(0.0)));
          Out[1] =
              rt::mul(G[0], zeroWhere(Cond, rt::mul(N.saved(2), logOf(Self))));
        }
        return Out;
      });
  if (N) {
    N->saveInput(0, A);
    N->saveInput(1, B);
    if (N->needsInputGrad(1))
      N->saveOutput(2, R);
  }
  return R;
}

namespace {
/// maximum/minimum: ties split the gradient evenly; Loser is the comparison
/// under which an input lost.
Tensor extremum(const char *Name, const Tensor &R, const Tensor &A,
                const Tensor &B, CompareOp ALoses, CompareOp BLoses) {
  auto N = recordNode(
      Name, {&A, &B}, R,
      [ALoses, BLoses](FunctionNode &N, const TensorList &G) -> TensorList {
        Tensor Self = N.saved(0), Other = N.saved(1);
        Tensor Split = rt::where(compare(CompareOp::Eq, Self, Other),
                                 rt::div(G[0], num(2.0)), G[0]);
        TensorList Out(2);
        if (N.needsInputGrad(0))
          Out[0] = zeroWhere(compare(ALoses, Self, Other), Split);
        if (N.needsInputGrad(1))
          Out[1] = zeroWhere(compare(BLoses, Self, Other), Split);
        return Out;
      });
  if (N) {
    N->saveInput(0, A);
    N->saveInput(1, B);
  }
  return R;
}
} // namespace

Tensor maximum(const Tensor &A, const Tensor &B) {
  return extremum("MaximumBackward0", rt::maximum(A, B), A, B, CompareOp::Lt,
                  CompareOp::Gt);
}

Tensor minimum(const Tensor &A, const Tensor &B) {
  return extremum("MinimumBackward0", rt::minimum(A, B), A, B, CompareOp::Gt,
                  CompareOp::Lt);
}

Tensor binary(BinaryOp Op, const Tensor &A, const Tensor &B) {
  switch (Op) {
  case BinaryOp::Add:
    return ag::add(A, B);
  case BinaryOp::Sub:
    return ag::sub(A, B);
  case BinaryOp::Mul:
    return ag::mul(A, B);
  case BinaryOp::Div:
    return ag::div(A, B);
  case BinaryOp::Pow:
    return ag::pow(A, B);
  case BinaryOp::Maximum:
    return ag::maximum(A, B);
  case BinaryOp::Minimum:
    break;
  }
  return ag::minimum(A, B);
}

Tensor where(const Tensor &Cond, const Tensor &A, const Tensor &B) {
  Tensor R = rt::where(Cond, A, B);
  auto N = recordNode("WhereBackward0", {&A, &B}, R,
                      [](FunctionNode &N, const TensorList &G) -> TensorList {
                        Tensor C = N.saved(0);
                        TensorList Out(2);
                        if (N.needsInputGrad(0))
                          Out[0] = rt::where(C, G[0], num(0.0));
                        if (N.needsInputGrad(1))
                          Out[1] = zeroWhere(C, G[0]);
                        return Out;
                      });
  if (N)
    N->saveInput(0, Cond);
  return R;
}

Tensor clamp(const Tensor &A, std::optional<Scalar> Min,
             std::optional<Scalar> Max) {
  Tensor R = rt::clamp(A, Min, Max);
  auto N = recordNode(
      "ClampBackward1", {&A}, R,
      [Min, Max](FunctionNode &N, const TensorList &G) -> TensorList {
        // The gradient passes where min <= a <= max (bounds included).
        Tensor Self = N.saved(0);
        Tensor Out = G[0];
        if (Min)
          Out = zeroWhere(compare(CompareOp::Lt, Self, num(*Min)), Out);
        if (Max)
          Out = zeroWhere(compare(CompareOp::Gt, Self, num(*Max)), Out);
        return {Out};
      });
  if (N)
    N->saveInput(0, A);
  return R;
}

//===--- Unary ops --------------------------------------------------------===//

namespace {
/// Whether a fused backward kernel (NN.h) applies: no promotion or
/// broadcast between the gradient and the saved result (the common case).
bool fusable(const Tensor &Grad, const Tensor &Result) {
  return isFloating(Result.dtype()) && Grad.dtype() == Result.dtype() &&
         Grad.sizes() == Result.sizes();
}
} // namespace

Tensor unary(UnaryOp Op, const Tensor &A) {
  Tensor R = rt::unary(Op, A);
  if (!needsGrad({&A}))
    return R;
  // Which tensor each formula reads: the input or the result.
  static const struct {
    const char *Name;
    bool SavesResult;
  } Info[] = {{"ExpBackward0", true},     {"LogBackward0", false},
              {"SqrtBackward0", true},    {"AbsBackward0", false},
              {"NegBackward0", false},    {"TanhBackward0", true},
              {"SigmoidBackward0", true}, {"ReluBackward0", true}};
  const auto &I = Info[static_cast<int>(Op)];
  auto N = recordNode(
      I.Name, {&A}, R,
      [Op](FunctionNode &N, const TensorList &G) -> TensorList {
        const Tensor &Gr = G[0];
        switch (Op) {
        case UnaryOp::Exp:
          return {rt::mul(Gr, N.saved(0))};
        case UnaryOp::Log:
          return {rt::div(Gr, N.saved(0))};
        case UnaryOp::Sqrt:
          return {rt::div(Gr, rt::mul(N.saved(0), num(2.0)))};
        case UnaryOp::Abs:
          return {rt::mul(Gr, sign(N.saved(0), Gr.dtype()))};
        case UnaryOp::Neg:
          return {negate(Gr)};
        case UnaryOp::Tanh: {
          Tensor Y = N.saved(0);
          if (fusable(Gr, Y))
            return {rt::tanhBackward(Gr, Y)};
          return {rt::mul(Gr, rt::sub(num(1.0), rt::mul(Y, Y)))};
        }
        case UnaryOp::Sigmoid: {
          Tensor Y = N.saved(0);
          if (fusable(Gr, Y))
            return {rt::sigmoidBackward(Gr, Y)};
          return {rt::mul(rt::mul(Gr, rt::sub(num(1.0), Y)), Y)};
        }
        case UnaryOp::Relu:
          break;
        }
        // threshold_backward(grad, result, 0), fused where it can be.
        Tensor Y = N.saved(0);
        if (fusable(Gr, Y))
          return {rt::reluBackward(Gr, Y)};
        return {zeroWhere(compare(CompareOp::Le, Y, num(0.0)), Gr)};
      });
  if (Op == UnaryOp::Neg)
    return R;
  if (I.SavesResult)
    N->saveOutput(0, R);
  else
    N->saveInput(0, A);
  return R;
}

Tensor exp(const Tensor &A) { return ag::unary(UnaryOp::Exp, A); }
Tensor log(const Tensor &A) { return ag::unary(UnaryOp::Log, A); }
Tensor sqrt(const Tensor &A) { return ag::unary(UnaryOp::Sqrt, A); }
Tensor abs(const Tensor &A) { return ag::unary(UnaryOp::Abs, A); }
Tensor neg(const Tensor &A) { return ag::unary(UnaryOp::Neg, A); }
Tensor tanh(const Tensor &A) { return ag::unary(UnaryOp::Tanh, A); }
Tensor sigmoid(const Tensor &A) { return ag::unary(UnaryOp::Sigmoid, A); }
Tensor relu(const Tensor &A) { return ag::unary(UnaryOp::Relu, A); }

} // namespace janus::rt::ag
