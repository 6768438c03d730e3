//===- Arith.cpp - Binary and unary operators with Python's rules ---------===//
//
// The numeric tower of the subset (bool < int < float): bool operands act
// as ints except that &, | and ^ of two bools stay bool; int results are
// checked (overflow is an OverflowError, never a wrap); `/` always gives a
// float; `//` and `%` follow the divisor's sign; `**` with a negative int
// exponent is a float, and float `**` follows CPython's float_pow case by
// case (0.0 ** -1 is a ZeroDivisionError, an infinite result an
// OverflowError, a negative base with a fractional exponent would be a
// complex number, which Janus rejects). Sequences: str/list/tuple `+` their
// own kind and `*` an int (a torch.Size stays a Size on the left of `+` and
// under `*`, as torch.Size's operators do); dict `|` dict merges. An
// operand that is an instance of a user class first gets its class's
// operator methods (SpecialMethods.cpp), except that `str % x` is always
// printf-style formatting (PercentFormat.cpp), whose result or error
// stands even when x's class has __rmod__, as CPython's str.__mod__
// decides first. Everything else fails with CPython's message,
// including its asymmetries ([1] + 1 blames list concatenation, 1 + [1]
// the operand types).
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Dispatch/TorchOps.h"
#include "Format/PyFormat.h"

#include <cerrno>
#include <cmath>

namespace janus::rt {

namespace {

/// Repetition results beyond this many elements (bytes for str) are a
/// MemoryError, as they would be in CPython on any real machine.
constexpr int64_t kMaxRepeatElements = int64_t(1) << 32;

Status fromPyError(const PyError &err) {
  ErrorCode code = ErrorCode::ValueError;
  switch (err.kind) {
  case PyErrorKind::OverflowError:
    code = ErrorCode::OverflowError;
    break;
  case PyErrorKind::ZeroDivisionError:
    code = ErrorCode::ZeroDivisionError;
    break;
  case PyErrorKind::MemoryError:
    code = ErrorCode::MemoryError;
    break;
  default:
    break;
  }
  return Status(code, err.message);
}

Status unsupported(PyBinaryOp op, const Value &a, const Value &b) {
  return typeError(std::string("unsupported operand type(s) for ") +
                   binaryOpSymbol(op) + ": '" + typeName(a) + "' and '" +
                   typeName(b) + "'");
}

Status zeroDivision(const char *message) {
  return Status(ErrorCode::ZeroDivisionError, message);
}

bool isDoubleOddInteger(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

/// CPython's float_pow.
Status floatPow(double iv, double iw, double &out) {
  if (iw == 0) {
    out = 1.0;
    return okStatus();
  }
  if (std::isnan(iv)) {
    out = iv;
    return okStatus();
  }
  if (std::isnan(iw)) {
    out = iv == 1.0 ? 1.0 : iw;
    return okStatus();
  }
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    out = iv == 1.0 ? 1.0 : (iw > 0) == (iv > 1.0) ? std::fabs(iw) : 0.0;
    return okStatus();
  }
  bool oddExponent = isDoubleOddInteger(iw);
  if (std::isinf(iv)) {
    if (iw > 0)
      out = oddExponent ? iv : std::fabs(iv);
    else
      out = oddExponent ? std::copysign(0.0, iv) : 0.0;
    return okStatus();
  }
  if (iv == 0.0) {
    if (iw < 0)
      return zeroDivision("0.0 cannot be raised to a negative power");
    out = oddExponent ? iv : 0.0;
    return okStatus();
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      return valueError("a negative number raised to a fractional power is "
                        "complex; Janus has no complex numbers");
    iv = -iv;
    negate = oddExponent;
  }
  if (iv == 1.0) {
    out = negate ? -1.0 : 1.0;
    return okStatus();
  }
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) // underflow to 0 is fine, as in CPython
    return Status(ErrorCode::OverflowError,
                  "(34, 'Numerical result out of range')");
  out = negate ? -ix : ix;
  return okStatus();
}

Status intArith(PyBinaryOp op, int64_t a, int64_t b, Value &out) {
  int64_t r = 0;
  PyError err;
  switch (op) {
  case PyBinaryOp::Add:
    if (!checkedAdd(a, b, r))
      return intOverflow();
    break;
  case PyBinaryOp::Sub:
    if (!checkedSub(a, b, r))
      return intOverflow();
    break;
  case PyBinaryOp::Mul:
    if (!checkedMul(a, b, r))
      return intOverflow();
    break;
  case PyBinaryOp::TrueDiv: {
    if (b == 0)
      return zeroDivision("division by zero");
    constexpr int64_t kExact = int64_t(1) << 53;
    if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact) {
      out = Value::fromFloat(static_cast<double>(a) / static_cast<double>(b));
    } else {
      // Both convert exactly to long double; rounding twice can be off by
      // an ulp in rare ties (CPython rounds once).
      long double q = static_cast<long double>(a) / static_cast<long double>(b);
      out = Value::fromFloat(static_cast<double>(q));
    }
    return okStatus();
  }
  case PyBinaryOp::FloorDiv:
    if (!floorDivInt(a, b, r, err))
      return fromPyError(err);
    break;
  case PyBinaryOp::Mod:
    if (!modInt(a, b, r, err))
      return fromPyError(err);
    break;
  case PyBinaryOp::Pow: {
    double f;
    bool isFloat;
    if (!powInt(a, b, r, f, isFloat, err))
      return fromPyError(err);
    if (isFloat) {
      out = Value::fromFloat(f);
      return okStatus();
    }
    break;
  }
  case PyBinaryOp::LShift:
    if (b < 0)
      return valueError("negative shift count");
    if (a == 0) {
      r = 0;
    } else {
      if (b >= 64)
        return intOverflow();
      // A multiplication, not <<: shifting a negative value left is
      // undefined in C++17. |a| < 2^63 and 2^b <= 2^63, so this fits.
      __int128 wide = static_cast<__int128>(a) * (static_cast<__int128>(1) << b);
      if (wide < INT64_MIN || wide > INT64_MAX)
        return intOverflow();
      r = static_cast<int64_t>(wide);
    }
    break;
  case PyBinaryOp::RShift:
    if (b < 0)
      return valueError("negative shift count");
    r = b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
    break;
  case PyBinaryOp::And:
    r = a & b;
    break;
  case PyBinaryOp::Or:
    r = a | b;
    break;
  case PyBinaryOp::Xor:
    r = a ^ b;
    break;
  case PyBinaryOp::MatMul:
    return Status(ErrorCode::InvalidArgument, "unreachable");
  }
  out = Value::fromInt(r);
  return okStatus();
}

Status floatArith(PyBinaryOp op, double a, double b, Value &out) {
  double r = 0;
  PyError err;
  switch (op) {
  case PyBinaryOp::Add:
    r = a + b;
    break;
  case PyBinaryOp::Sub:
    r = a - b;
    break;
  case PyBinaryOp::Mul:
    r = a * b;
    break;
  case PyBinaryOp::TrueDiv:
    if (b == 0.0)
      return zeroDivision("float division by zero");
    r = a / b;
    break;
  case PyBinaryOp::FloorDiv:
    if (!floorDivFloat(a, b, r, err))
      return fromPyError(err);
    break;
  case PyBinaryOp::Mod:
    if (!modFloat(a, b, r, err))
      return fromPyError(err);
    break;
  case PyBinaryOp::Pow:
    JANUS_RETURN_IF_ERROR(floatPow(a, b, r));
    break;
  default:
    return Status(ErrorCode::InvalidArgument, "unreachable");
  }
  out = Value::fromFloat(r);
  return okStatus();
}

bool isBitwise(PyBinaryOp op) {
  return op == PyBinaryOp::LShift || op == PyBinaryOp::RShift ||
         op == PyBinaryOp::And || op == PyBinaryOp::Or || op == PyBinaryOp::Xor;
}

bool isSequence(const Value &v) {
  return v.kind() == Kind::Str || v.kind() == Kind::List ||
         v.kind() == Kind::Tuple;
}

bool isTorchSize(const Value &v) {
  return v.kind() == Kind::Tuple &&
         v.as<TupleObject>()->flavor == TupleFlavor::TorchSize;
}

/// seq * count.
Status repeat(const Value &seq, int64_t count, Value &out) {
  if (count < 0)
    count = 0;
  if (seq.kind() == Kind::Str) {
    const std::string &s = seq.as<StrObject>()->text;
    if (!s.empty() && count > INT64_MAX / static_cast<int64_t>(s.size()))
      return Status(ErrorCode::OverflowError, "repeated string is too long");
    if (static_cast<int64_t>(s.size()) * count > kMaxRepeatElements)
      return Status(ErrorCode::MemoryError, "");
    if (s.empty())
      count = 0; // '' * 2**62 must not loop 2**62 times
    std::string r;
    r.reserve(s.size() * count);
    for (int64_t i = 0; i < count; ++i)
      r += s;
    out = makeStr(r);
    return okStatus();
  }
  const std::vector<Value> &items = seq.kind() == Kind::List
                                        ? seq.as<ListObject>()->items
                                        : seq.as<TupleObject>()->items;
  if (!items.empty() &&
      count > kMaxRepeatElements / static_cast<int64_t>(items.size()))
    return Status(ErrorCode::MemoryError, "");
  if (items.empty())
    count = 0;
  std::vector<Value> r;
  r.reserve(items.size() * count);
  for (int64_t i = 0; i < count; ++i)
    r.insert(r.end(), items.begin(), items.end());
  if (isTorchSize(seq)) // torch.Size.__mul__/__rmul__ give a Size
    return makeTorchSizeOf(std::move(r), out);
  out = seq.kind() == Kind::List ? makeList(std::move(r))
                                 : makeTuple(std::move(r));
  return okStatus();
}

/// seq + other, where seq is a str, list or tuple. A torch.Size on the
/// left gives a Size (torch.Size.__add__); on the right only, a plain tuple
/// (tuple.__add__ runs: Size has no __radd__).
Status concat(const Value &a, const Value &b, Value &out) {
  if (a.kind() != b.kind()) {
    // A tuple subclass (torch.Size) fails in tuple.__add__: "tuple".
    const char *kind = a.kind() == Kind::Tuple ? "tuple" : typeName(a);
    return typeError(std::string("can only concatenate ") + kind + " (not \"" +
                     typeName(b) + "\") to " + kind);
  }
  if (a.kind() == Kind::Str) {
    out = makeStr(a.as<StrObject>()->text + b.as<StrObject>()->text);
    return okStatus();
  }
  bool isList = a.kind() == Kind::List;
  const auto &x = isList ? a.as<ListObject>()->items : a.as<TupleObject>()->items;
  const auto &y = isList ? b.as<ListObject>()->items : b.as<TupleObject>()->items;
  std::vector<Value> r;
  r.reserve(x.size() + y.size());
  r.insert(r.end(), x.begin(), x.end());
  r.insert(r.end(), y.begin(), y.end());
  if (isTorchSize(a))
    return makeTorchSizeOf(std::move(r), out);
  out = isList ? makeList(std::move(r)) : makeTuple(std::move(r));
  return okStatus();
}

/// a | b for two dicts: a copy of a updated with b.
Status mergeDicts(const Value &a, const Value &b, Value &out) {
  Value merged = makeDict();
  auto *d = merged.as<DictObject>();
  for (const Value *src : {&a, &b})
    for (const auto &e : src->as<DictObject>()->entries())
      if (e.live)
        JANUS_RETURN_IF_ERROR(d->set(e.key, e.value));
  out = std::move(merged);
  return okStatus();
}

} // namespace

const char *binaryOpSymbol(PyBinaryOp op) {
  static const char *const symbols[] = {"+",  "-",  "*", "/", "//", "%", "**",
                                        "@",  "<<", ">>", "&", "|", "^"};
  return symbols[static_cast<int>(op)];
}

Status binaryOp(PyBinaryOp op, const Value &a, const Value &b, Value &out) {
  if (op == PyBinaryOp::Mod && a.kind() == Kind::Str)
    return percentFormat(a, b, out);
  if (a.kind() == Kind::Instance || b.kind() == Kind::Instance) {
    bool handled;
    JANUS_RETURN_IF_ERROR(
        userBinaryOp(op, /*inplace=*/false, a, b, out, handled));
    if (handled)
      return okStatus();
  }
  // Tensors with tensors or numbers; other operands fail below as CPython
  // fails them ("unsupported operand type(s) for +: 'Tensor' and 'str'").
  if ((a.kind() == Kind::Tensor || b.kind() == Kind::Tensor) &&
      (a.kind() == Kind::Tensor || a.isNumber()) &&
      (b.kind() == Kind::Tensor || b.isNumber()))
    return tensorBinaryOp(op, a, b, out);
  if (a.isNumber() && b.isNumber() && op != PyBinaryOp::MatMul) {
    if (a.isIntLike() && b.isIntLike()) {
      if (a.isBool() && b.isBool() &&
          (op == PyBinaryOp::And || op == PyBinaryOp::Or || op == PyBinaryOp::Xor)) {
        bool x = a.asBool(), y = b.asBool();
        out = Value::fromBool(op == PyBinaryOp::And  ? (x && y)
                              : op == PyBinaryOp::Or ? (x || y)
                                                   : (x != y));
        return okStatus();
      }
      return intArith(op, a.asInt(), b.asInt(), out);
    }
    if (isBitwise(op))
      return unsupported(op, a, b);
    return floatArith(op, a.toDouble(), b.toDouble(), out);
  }
  if (op == PyBinaryOp::Add && isSequence(a))
    return concat(a, b, out);
  if (op == PyBinaryOp::Or && a.kind() == Kind::Dict && b.kind() == Kind::Dict)
    return mergeDicts(a, b, out);
  if (op == PyBinaryOp::Mul && (isSequence(a) || isSequence(b))) {
    const Value &seq = isSequence(a) ? a : b;
    const Value &count = isSequence(a) ? b : a;
    if (!count.isIntLike())
      return typeError(
          std::string("can't multiply sequence by non-int of type '") +
          typeName(count) + "'");
    return repeat(seq, count.asInt(), out);
  }
  if (op == PyBinaryOp::Pow)
    return typeError(std::string("unsupported operand type(s) for ** or "
                                 "pow(): '") +
                     typeName(a) + "' and '" + typeName(b) + "'");
  return unsupported(op, a, b);
}

Status unaryOp(PyUnaryOp op, const Value &a, Value &out) {
  if (op == PyUnaryOp::Not) {
    bool t;
    JANUS_RETURN_IF_ERROR(truth(a, t));
    out = Value::fromBool(!t);
    return okStatus();
  }
  if (a.kind() == Kind::Instance) {
    bool handled;
    JANUS_RETURN_IF_ERROR(userUnaryOp(op, a, out, handled));
    if (handled)
      return okStatus();
  }
  if (a.isIntLike()) {
    int64_t i = a.asInt();
    if (op == PyUnaryOp::Neg) {
      if (i == INT64_MIN)
        return intOverflow();
      out = Value::fromInt(-i);
    } else {
      out = Value::fromInt(op == PyUnaryOp::Pos ? i : ~i);
    }
    return okStatus();
  }
  if (a.isFloat() && op != PyUnaryOp::Invert) {
    out = Value::fromFloat(op == PyUnaryOp::Neg ? -a.asFloat() : a.asFloat());
    return okStatus();
  }
  if (a.kind() == Kind::Tensor)
    return tensorUnaryOp(op, a, out);
  static const char *const symbols[] = {"-", "+", "~"};
  return typeError(std::string("bad operand type for unary ") +
                   symbols[static_cast<int>(op)] + ": '" + typeName(a) + "'");
}

} // namespace janus::rt
