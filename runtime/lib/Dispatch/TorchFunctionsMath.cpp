//===- TorchFunctionsMath.cpp - Elementwise, comparison, matmul rows ------===//
//
// torch.add/sub/mul/div/pow, the unary math functions, clamp, where,
// maximum/minimum, the comparisons, matmul/mm/bmm and multinomial, each
// serving both its torch.xxx row and its Tensor.xxx row (the slots line
// up: `input` and `self` are both slot 0; only the positions in messages
// differ). Also the value layer's tensor operators (+ - * / // % ** @, the
// bitwise ones on integer and bool tensors, unary - + ~, comparisons) and
// the differentiable ops ag:: lacks: rounding division, floor division and
// remainder, and the in-place floor_divide_ and remainder_. Everything
// differentiable goes through ag:: or recordNode, so autograd records the nodes
// PyTorch 1.13 records.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Functions.h"
#include "Autograd/GradUtil.h"
#include "Dispatch/TorchOps.h"
#include "Tensor/Indexing.h"
#include "Tensor/RandomOps.h"

#include <cmath>
#include <cstring>

using namespace janus;
using namespace janus::rt;

namespace {

[[noreturn]] void fail(ErrorKind kind, const std::string &message) {
  throw TensorError(kind, message);
}

Tensor scalarLike(double v) { return wrappedScalar(Scalar(v)); }

//===--- Integer kernels: remainder and the bitwise ops
//--------------------===//

/// Applies `f` elementwise to A and B broadcast and converted to `type`.
template <typename T, typename F>
Tensor elementwise(const Tensor &A, const Tensor &B, DType type, DType outType,
                   F &&f) {
  Shape sizes = broadcastShapes(A.sizes(), B.sizes());
  Tensor a = contiguous(expand(to(A, type), sizes));
  Tensor b = contiguous(expand(to(B, type), sizes));
  Tensor r = empty(sizes, outType);
  const T *x = a.dataPtr<T>(), *y = b.dataPtr<T>();
  T *z = r.dataPtr<T>();
  for (int64_t i = 0, n = r.numel(); i < n; ++i)
    z[i] = f(x[i], y[i]);
  return r;
}

Tensor remainderKernel(const Tensor &A, const Tensor &B) {
  DType type = resultType({&A, &B});
  switch (type) {
  case DType::Float32:
    return elementwise<float>(A, B, type, type, [](float a, float b) {
      float m = std::fmod(a, b);
      return m != 0 && ((b < 0) != (m < 0)) ? m + b : m;
    });
  case DType::Float64:
    return elementwise<double>(A, B, type, type, [](double a, double b) {
      double m = std::fmod(a, b);
      return m != 0 && ((b < 0) != (m < 0)) ? m + b : m;
    });
  case DType::Bool:
    fail(ErrorKind::RuntimeError,
         "\"remainder_cpu\" not implemented for 'Bool'");
  case DType::Int64:
    break;
  }
  return elementwise<int64_t>(A, B, type, type, [](int64_t a, int64_t b) {
    if (b == 0)
      fail(ErrorKind::RuntimeError, "ZeroDivisionError");
    int64_t m = b == -1 ? 0 : a % b;
    return m != 0 && ((b < 0) != (m < 0)) ? m + b : m;
  });
}

/// &, |, ^, <<, >> on bool and integer tensors.
Tensor bitwiseKernel(PyBinaryOp op, const Tensor &A, const Tensor &B) {
  DType type = resultType({&A, &B});
  const char *name = op == PyBinaryOp::And      ? "bitwise_and_cpu"
                     : op == PyBinaryOp::Or     ? "bitwise_or_cpu"
                     : op == PyBinaryOp::Xor    ? "bitwise_xor_cpu"
                     : op == PyBinaryOp::LShift ? "lshift_cpu"
                                                : "rshift_cpu";
  bool shift = op == PyBinaryOp::LShift || op == PyBinaryOp::RShift;
  if (isFloating(type) || (shift && type == DType::Bool))
    fail(ErrorKind::RuntimeError, std::string("\"") + name +
                                      "\" not implemented for '" +
                                      dtypeName(type) + "'");
  if (type == DType::Bool)
    return elementwise<bool>(A, B, type, type, [op](bool a, bool b) {
      return op == PyBinaryOp::And  ? (a && b)
             : op == PyBinaryOp::Or ? (a || b)
                                    : (a != b);
    });
  return elementwise<int64_t>(A, B, type, type, [op](int64_t a, int64_t b) {
    switch (op) {
    case PyBinaryOp::And:
      return a & b;
    case PyBinaryOp::Or:
      return a | b;
    case PyBinaryOp::Xor:
      return a ^ b;
    case PyBinaryOp::LShift: // ATen shifts as unsigned; >= 64 gives 0
      return b < 0 || b >= 64 ? int64_t(0)
                              : static_cast<int64_t>(uint64_t(a) << b);
    default:
      return b < 0 || b >= 64 ? (a < 0 ? int64_t(-1) : int64_t(0)) : a >> b;
    }
  });
}

//===--- Operators shared by rows and the value layer
//----------------------===//

Tensor binaryTensorOp(PyBinaryOp op, const Tensor &A, const Tensor &B,
                      bool numberLeft) {
  switch (op) {
  case PyBinaryOp::Add:
    return ag::add(A, B);
  case PyBinaryOp::Sub:
    if (numberLeft) { // Tensor.__rsub__: torch.rsub(B, A)
      Tensor R = rt::sub(A, B);
      recordNode("RsubBackward1", {&B}, R,
                 [](FunctionNode &, const TensorList &G) -> TensorList {
                   return {rt::unary(UnaryOp::Neg, G[0])};
                 });
      return R;
    }
    return ag::sub(A, B);
  case PyBinaryOp::Mul:
    return ag::mul(A, B);
  case PyBinaryOp::TrueDiv:
    if (numberLeft) // Tensor.__rtruediv__: B.reciprocal() * A
      return ag::mul(ag::div(scalarLike(1.0), B), A);
    return ag::div(A, B);
  case PyBinaryOp::FloorDiv:
    return floorDivide(A, B);
  case PyBinaryOp::Mod:
    return remainder(A, B);
  case PyBinaryOp::Pow:
    return ag::pow(A, B);
  case PyBinaryOp::MatMul:
    return ag::matmul(A, B);
  default:
    return bitwiseKernel(op, A, B);
  }
}

//===--- Rows -------------------------------------------------------------===//

Status tensorResult(Value &out, const Tensor &t) {
  out = tensorValue(t);
  return okStatus();
}

/// Reads slot 0 as the tensor `input`/`self`.
Status self(bool method, const LibArgs &args, const char *fn, Tensor &out) {
  return argTensor(args[0], siteOf(method, fn, "input", 0), out);
}

/// torch.add/sub/mul/div also take a number as `input` (PyTorch's parser
/// allows numbers as tensors for these names).
bool inputMayBeNumber(const char *fn) {
  // strcmp, not std::string: this runs on every torch.add.
  return !std::strcmp(fn, "add") || !std::strcmp(fn, "sub") ||
         !std::strcmp(fn, "mul") || !std::strcmp(fn, "div");
}

template <typename F>
Status binaryRow(bool method, const LibArgs &args, Value &out, const char *fn,
                 const char *other, bool otherMustBeTensor, F &&f) {
  Tensor a, b;
  if (!method && inputMayBeNumber(fn) && args[0].isNumber())
    JANUS_RETURN_IF_ERROR(
        argTensorOrNumber(args[0], siteOf(method, fn, "input", 0), a));
  else
    JANUS_RETURN_IF_ERROR(self(method, args, fn, a));
  ArgSite site = siteOf(method, fn, other, 1);
  JANUS_RETURN_IF_ERROR(otherMustBeTensor
                            ? argTensor(args[1], site, b)
                            : argTensorOrNumber(args[1], site, b));
  return guardTensorOp([&] { return tensorResult(out, f(a, b)); });
}

template <typename F>
Status alphaRow(bool method, const LibArgs &args, Value &out, const char *fn,
                F &&f) {
  Scalar alpha(int64_t(1));
  JANUS_RETURN_IF_ERROR(
      argScalar(args[2], siteOf(method, fn, "alpha", 2), alpha));
  return binaryRow(
      method, args, out, fn, "other", false,
      [&](const Tensor &a, const Tensor &b) { return f(a, b, alpha); });
}

Status addRow(bool m, const LibArgs &a, Value &o) {
  return alphaRow(m, a, o, "add",
                  [](auto &x, auto &y, Scalar s) { return ag::add(x, y, s); });
}
Status subRow(bool m, const LibArgs &a, Value &o) {
  return alphaRow(m, a, o, "sub",
                  [](auto &x, auto &y, Scalar s) { return ag::sub(x, y, s); });
}
Status mulRow(bool m, const LibArgs &a, Value &o) {
  return binaryRow(m, a, o, "mul", "other", false,
                   [](auto &x, auto &y) { return ag::mul(x, y); });
}

/// rounding_mode=None/'trunc'/'floor', with PyTorch's error otherwise.
Status roundingMode(const Value &v, std::string &mode) {
  if (v.isNone()) {
    mode.clear();
    return okStatus();
  }
  if (v.kind() == Kind::Str) {
    mode = v.as<StrObject>()->text;
    if (mode == "trunc" || mode == "floor")
      return okStatus();
  }
  return Status(ErrorCode::RuntimeError,
                "div expected rounding_mode to be one of None, 'trunc', or "
                "'floor' but found " +
                    (v.kind() == Kind::Str ? "'" + mode + "'" : repr(v)));
}

Status divRow(bool m, const LibArgs &a, Value &o) {
  std::string mode;
  JANUS_RETURN_IF_ERROR(roundingMode(a[2], mode));
  return binaryRow(
      m, a, o, "div", "other", false, [&](const Tensor &x, const Tensor &y) {
        return mode.empty() ? ag::div(x, y) : divRounding(x, y, mode);
      });
}

Status powRow(bool m, const LibArgs &a, Value &o) {
  // pow(self: Number, exponent: Tensor) is the function's second overload.
  Tensor x, y;
  if (!m && a[0].isNumber()) {
    JANUS_RETURN_IF_ERROR(argTensor(a[1], siteOf(m, "pow", "exponent", 1), y));
    JANUS_RETURN_IF_ERROR(
        argTensorOrNumber(a[0], siteOf(m, "pow", "self", 0), x));
    return guardTensorOp([&] { return tensorResult(o, ag::pow(x, y)); });
  }
  return binaryRow(m, a, o, "pow", "exponent", false,
                   [](auto &p, auto &q) { return ag::pow(p, q); });
}

template <UnaryOp Op> Status unaryRow(bool m, const LibArgs &a, Value &o) {
  static const char *const names[] = {"exp", "log",  "sqrt",    "abs",
                                      "neg", "tanh", "sigmoid", "relu"};
  Tensor x;
  JANUS_RETURN_IF_ERROR(self(m, a, names[static_cast<int>(Op)], x));
  return guardTensorOp([&] { return tensorResult(o, ag::unary(Op, x)); });
}

Status optionalScalar(const Value &v, const ArgSite &site,
                      std::optional<Scalar> &out) {
  if (v.isNone()) {
    out.reset();
    return okStatus();
  }
  if (v.kind() == Kind::Tensor)
    return Status(ErrorCode::NotImplementedError,
                  "clamp with tensor bounds is not supported by Janus; pass "
                  "numbers");
  Scalar s(int64_t(0));
  JANUS_RETURN_IF_ERROR(argScalar(v, site, s));
  out = s;
  return okStatus();
}

Status clampRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  std::optional<Scalar> lo, hi;
  JANUS_RETURN_IF_ERROR(self(m, a, "clamp", x));
  JANUS_RETURN_IF_ERROR(optionalScalar(a[1], siteOf(m, "clamp", "min", 1), lo));
  JANUS_RETURN_IF_ERROR(optionalScalar(a[2], siteOf(m, "clamp", "max", 2), hi));
  return guardTensorOp([&] { return tensorResult(o, ag::clamp(x, lo, hi)); });
}

Status maximumRow(bool m, const LibArgs &a, Value &o) {
  return binaryRow(m, a, o, "maximum", "other", true,
                   [](auto &x, auto &y) { return ag::maximum(x, y); });
}
Status minimumRow(bool m, const LibArgs &a, Value &o) {
  return binaryRow(m, a, o, "minimum", "other", true,
                   [](auto &x, auto &y) { return ag::minimum(x, y); });
}

template <CompareOp Op> Status compareRow(bool m, const LibArgs &a, Value &o) {
  static const char *const names[] = {"eq", "ne", "lt", "le", "gt", "ge"};
  return binaryRow(m, a, o, names[static_cast<int>(Op)], "other", false,
                   [](auto &x, auto &y) { return rt::compare(Op, x, y); });
}

Status matmulRow(bool m, const LibArgs &a, Value &o) {
  return binaryRow(m, a, o, "matmul", "other", true,
                   [](auto &x, auto &y) { return ag::matmul(x, y); });
}
Status mmRow(bool m, const LibArgs &a, Value &o) {
  return binaryRow(m, a, o, "mm", "mat2", true,
                   [](auto &x, auto &y) { return ag::mm(x, y); });
}
Status bmmRow(bool m, const LibArgs &a, Value &o) {
  return binaryRow(m, a, o, "bmm", "mat2", true,
                   [](auto &x, auto &y) { return ag::bmm(x, y); });
}

Status multinomialRow(bool m, const LibArgs &a, Value &o) {
  Tensor x;
  int64_t n;
  bool replacement;
  JANUS_RETURN_IF_ERROR(self(m, a, "multinomial", x));
  JANUS_RETURN_IF_ERROR(
      argInt(a[1], siteOf(m, "multinomial", "num_samples", 1), n));
  JANUS_RETURN_IF_ERROR(
      argBool(a[2], siteOf(m, "multinomial", "replacement", 2), replacement));
  return guardTensorOp(
      [&] { return tensorResult(o, multinomial(x, n, replacement)); });
}

Status torchWhere(const LibArgs &a, Value &o) {
  Tensor cond, x, y;
  JANUS_RETURN_IF_ERROR(argTensor(a[0], {"where", "condition", 1}, cond));
  if (!a.present(1)) {
    // where(condition) is nonzero(condition, as_tuple=True).
    return guardTensorOp([&] {
      std::vector<Value> items;
      for (const Tensor &t : unbind(nonzero(cond), 1))
        items.push_back(tensorValue(contiguous(t)));
      o = makeTuple(std::move(items));
      return okStatus();
    });
  }
  if (!a.present(2))
    return typeError("where() missing required argument 'other' (pos 3)");
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(a[1], {"where", "input", 2}, x));
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(a[2], {"where", "other", 3}, y));
  return guardTensorOp([&] { return tensorResult(o, ag::where(cond, x, y)); });
}

#define JANUS_TORCH_AND_TENSOR(NAME, FN)                                       \
  {LibId::Torch##NAME,                                                         \
   [](const LibArgs &a, Value &o) { return FN(false, a, o); }},                \
  {                                                                            \
    LibId::Tensor##NAME,                                                       \
        [](const LibArgs &a, Value &o) { return FN(true, a, o); }              \
  }

} // namespace

//===--- Differentiable ops without an ag:: wrapper -----------------------===//

Tensor janus::rt::divRounding(const Tensor &A, const Tensor &B,
                              const std::string &Mode) {
  return ag::div(A, B, Mode);
}

Tensor janus::rt::floorDivide(const Tensor &A, const Tensor &B) {
  Tensor R = rt::div(A, B, "floor");
  recordNode("NotImplemented", {&A, &B}, R,
             [](FunctionNode &, const TensorList &) -> TensorList {
               fail(ErrorKind::RuntimeError,
                    "derivative for aten::floor_divide is not implemented");
             });
  return R;
}

Tensor janus::rt::remainder(const Tensor &A, const Tensor &B) {
  Tensor R = remainderKernel(A, B);
  auto node = recordNode(
      B->isWrappedNumber() ? "RemainderBackward0" : "RemainderBackward1",
      {&A, &B}, R, [](FunctionNode &self, const TensorList &G) -> TensorList {
        Tensor gb;
        if (self.needsInputGrad(1))
          gb = rt::mul(rt::unary(UnaryOp::Neg, G[0]),
                       rt::div(self.saved(0), self.saved(1), "floor"));
        return {G[0], gb};
      });
  if (node) {
    node->saveInput(0, A);
    node->saveInput(1, B);
  }
  return R;
}

//===--- floor_divide_ and remainder_ -------------------------------------===//

namespace {
/// Runs an in-place op whose result Kernel computes out of place: PyTorch's
/// checks in its order (leaf and view rules, then shapes, then the
/// kernel's own errors, then the cast of the result), the write, and the
/// node MakeNode builds (before the write, so that it sees Self's old
/// history) when autograd records the op.
template <typename K, typename M>
Tensor &resultInPlace(Tensor &Self, const Tensor &B, K &&Kernel, M &&MakeNode) {
  bool Record = ag::detail::checkInPlaceOp(Self, &B);
  checkInPlaceShape(Self, B.sizes());
  Tensor R = Kernel(Self, B);
  std::shared_ptr<FunctionNode> N;
  if (Record)
    N = MakeNode();
  writeInPlace(Self, R);
  if (N)
    ag::detail::rebaseInPlaceHistory(Self, N);
  return Self;
}
} // namespace

Tensor &janus::rt::floorDivideInPlace(Tensor &Self, const Tensor &B) {
  return resultInPlace(
      Self, B,
      [](const Tensor &X, const Tensor &Y) { return rt::div(X, Y, "floor"); },
      [&] {
        return ag::detail::makeInPlaceOpNode(
            "NotImplemented", Self, {&B},
            [](FunctionNode &, const TensorList &) -> TensorList {
              fail(ErrorKind::RuntimeError,
                   "derivative for aten::floor_divide_ is not implemented");
            });
      });
}

Tensor &janus::rt::remainderInPlace(Tensor &Self, const Tensor &B) {
  return resultInPlace(Self, B, remainderKernel, [&] {
    auto N = ag::detail::makeInPlaceOpNode(
        B->isWrappedNumber() ? "RemainderBackward0" : "RemainderBackward1",
        Self, {&B}, [](FunctionNode &N, const TensorList &G) -> TensorList {
          Tensor GB;
          if (N.needsInputGrad(1))
            GB = rt::mul(rt::unary(UnaryOp::Neg, G[0]),
                         rt::div(N.saved(0), N.saved(1), "floor"));
          return {G[0], GB};
        });
    // The divisor's gradient needs Self's old value: a clone, as PyTorch
    // saves one.
    if (requiresGrad(B)) {
      N->saveInput(0, rt::clone(Self));
      N->saveInput(1, B);
    }
    return N;
  });
}

//===--- The value layer's tensor operators -------------------------------===//

Status janus::rt::tensorBinaryOp(PyBinaryOp op, const Value &a, const Value &b,
                                 Value &out) {
  if (op == PyBinaryOp::MatMul &&
      (a.kind() != Kind::Tensor || b.kind() != Kind::Tensor))
    return typeError(std::string("unsupported operand type(s) for @: '") +
                     typeName(a) + "' and '" + typeName(b) + "'");
  const ArgSite site{binaryOpSymbol(op), "other", 1};
  Tensor x, y;
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(a, site, x));
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(b, site, y));
  return guardTensorOp([&] {
    return tensorResult(out,
                        binaryTensorOp(op, x, y, a.kind() != Kind::Tensor));
  });
}

Status janus::rt::tensorUnaryOp(PyUnaryOp op, const Value &a, Value &out) {
  Tensor x = tensorOf(a);
  switch (op) {
  case PyUnaryOp::Pos: // torch.positive returns self
    out = a;
    return okStatus();
  case PyUnaryOp::Neg:
    return guardTensorOp([&] { return tensorResult(out, ag::neg(x)); });
  case PyUnaryOp::Invert:
    if (isFloating(x.dtype()))
      return typeError("~ (operator.invert) is only implemented on integer "
                       "and Boolean-type tensors");
    return guardTensorOp([&] {
      Tensor ones = wrappedScalar(
          x.dtype() == DType::Bool ? Scalar(true) : Scalar(int64_t(-1)));
      return tensorResult(out, bitwiseKernel(PyBinaryOp::Xor, x, ones));
    });
  case PyUnaryOp::Not: {
    bool t;
    JANUS_RETURN_IF_ERROR(truth(a, t));
    out = Value::fromBool(!t);
    return okStatus();
  }
  }
  return okStatus();
}

Status janus::rt::tensorCompare(PyCompareOp op, const Value &a, const Value &b,
                                Value &out) {
  auto operand = [](const Value &v) {
    return v.kind() == Kind::Tensor || v.isNumber();
  };
  if (!operand(a) || !operand(b)) {
    // Tensor.__eq__ answers False for other types; ordering is a TypeError.
    if (op == PyCompareOp::Eq || op == PyCompareOp::Ne) {
      out = Value::fromBool(op == PyCompareOp::Ne);
      return okStatus();
    }
    static const char *const symbols[] = {"==", "!=", "<", "<=", ">", ">="};
    return typeError(std::string("'") + symbols[static_cast<int>(op)] +
                     "' not supported between instances of '" + typeName(a) +
                     "' and '" + typeName(b) + "'");
  }
  const ArgSite site{"compare", "other", 1};
  Tensor x, y;
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(a, site, x));
  JANUS_RETURN_IF_ERROR(argTensorOrNumber(b, site, y));
  return guardTensorOp([&] {
    return tensorResult(out, rt::compare(static_cast<CompareOp>(op), x, y));
  });
}

std::vector<LibImplRow> janus::rt::torchMathImpls() {
  return {
      JANUS_TORCH_AND_TENSOR(Add, addRow),
      JANUS_TORCH_AND_TENSOR(Sub, subRow),
      JANUS_TORCH_AND_TENSOR(Mul, mulRow),
      JANUS_TORCH_AND_TENSOR(Div, divRow),
      JANUS_TORCH_AND_TENSOR(Pow, powRow),
      JANUS_TORCH_AND_TENSOR(Exp, unaryRow<UnaryOp::Exp>),
      JANUS_TORCH_AND_TENSOR(Log, unaryRow<UnaryOp::Log>),
      JANUS_TORCH_AND_TENSOR(Sqrt, unaryRow<UnaryOp::Sqrt>),
      JANUS_TORCH_AND_TENSOR(Abs, unaryRow<UnaryOp::Abs>),
      JANUS_TORCH_AND_TENSOR(Neg, unaryRow<UnaryOp::Neg>),
      JANUS_TORCH_AND_TENSOR(Tanh, unaryRow<UnaryOp::Tanh>),
      JANUS_TORCH_AND_TENSOR(Sigmoid, unaryRow<UnaryOp::Sigmoid>),
      JANUS_TORCH_AND_TENSOR(Relu, unaryRow<UnaryOp::Relu>),
      JANUS_TORCH_AND_TENSOR(Clamp, clampRow),
      JANUS_TORCH_AND_TENSOR(Eq, compareRow<CompareOp::Eq>),
      JANUS_TORCH_AND_TENSOR(Ne, compareRow<CompareOp::Ne>),
      JANUS_TORCH_AND_TENSOR(Lt, compareRow<CompareOp::Lt>),
      JANUS_TORCH_AND_TENSOR(Le, compareRow<CompareOp::Le>),
      JANUS_TORCH_AND_TENSOR(Gt, compareRow<CompareOp::Gt>),
      JANUS_TORCH_AND_TENSOR(Ge, compareRow<CompareOp::Ge>),
      JANUS_TORCH_AND_TENSOR(Matmul, matmulRow),
      JANUS_TORCH_AND_TENSOR(Mm, mmRow),
      JANUS_TORCH_AND_TENSOR(Bmm, bmmRow),
      JANUS_TORCH_AND_TENSOR(Multinomial, multinomialRow),
      {LibId::TorchMaximum,
       [](const LibArgs &a, Value &o) { return maximumRow(false, a, o); }},
      {LibId::TorchMinimum,
       [](const LibArgs &a, Value &o) { return minimumRow(false, a, o); }},
      {LibId::TorchWhere, torchWhere},
  };
}
