//===- MathRandomTime.cpp - The math, random and time modules -------------===//
//
// math's functions with CPython 3.11's error rules (math_1: a NaN result
// from a non-NaN argument is "math domain error", an infinite result from a
// finite argument is "math range error" for exp and a domain error
// otherwise), random's functions on PyRandom::global() so that seeded
// sequences match the interpreter bit for bit, time.time and
// time.perf_counter, and the values of the library's constants (math.pi,
// torch.float32, ...).
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"
#include "Random/PyRandom.h"
#include "Tensor/Tensor.h"

#include <chrono>
#include <cmath>
#include <random>

using namespace janus;
using namespace janus::rt;

namespace {

//===----------------------------------------------------------------------===//
// math
//===----------------------------------------------------------------------===//

Status realArg(const Value &v, double &out) {
  if (!v.isNumber())
    return typeError(std::string("must be real number, not ") + typeName(v));
  out = v.toDouble();
  return okStatus();
}

Status domainError() { return valueError("math domain error"); }

/// CPython's math_1: applies `fn` and classifies a NaN or infinite result.
Status math1(const Value &x, double (*fn)(double), bool canOverflow,
             Value &out) {
  double d;
  JANUS_RETURN_IF_ERROR(realArg(x, d));
  double r = fn(d);
  if (std::isnan(r) && !std::isnan(d))
    return domainError();
  if (std::isinf(r) && std::isfinite(d))
    return canOverflow ? Status(ErrorCode::OverflowError, "math range error")
                       : domainError();
  out = Value::fromFloat(r);
  return okStatus();
}

double sqrtFn(double x) { return std::sqrt(x); }
double expFn(double x) { return std::exp(x); }
double cosFn(double x) { return std::cos(x); }
double sinFn(double x) { return std::sin(x); }
double tanhFn(double x) { return std::tanh(x); }

Status mathSqrt(const LibArgs &a, Value &out) {
  return math1(a[0], sqrtFn, false, out);
}
Status mathExp(const LibArgs &a, Value &out) {
  return math1(a[0], expFn, true, out);
}
Status mathCos(const LibArgs &a, Value &out) {
  return math1(a[0], cosFn, false, out);
}
Status mathSin(const LibArgs &a, Value &out) {
  return math1(a[0], sinFn, false, out);
}
Status mathTanh(const LibArgs &a, Value &out) {
  return math1(a[0], tanhFn, false, out);
}

/// CPython's loghelper + m_log: log of a positive number, else a domain
/// error; log(inf) is inf and log(nan) is nan.
Status logOf(const Value &v, double &out) {
  double d;
  JANUS_RETURN_IF_ERROR(realArg(v, d));
  if (std::isnan(d) || (std::isinf(d) && d > 0)) {
    out = d;
    return okStatus();
  }
  if (d <= 0)
    return domainError();
  out = std::log(d);
  return okStatus();
}

Status mathLog(const LibArgs &args, Value &out) {
  // "x, base=..., /"
  double num = 0;
  JANUS_RETURN_IF_ERROR(logOf(args[0], num));
  if (!args.present(1)) {
    out = Value::fromFloat(num);
    return okStatus();
  }
  double den = 0;
  JANUS_RETURN_IF_ERROR(logOf(args[1], den));
  if (den == 0)
    return Status(ErrorCode::ZeroDivisionError, "float division by zero");
  out = Value::fromFloat(num / den);
  return okStatus();
}

/// math.floor/math.ceil: an int stays itself, a float becomes an int.
Status floorCeil(const Value &x, double (*fn)(double), Value &out) {
  if (x.isIntLike()) {
    out = Value::fromInt(x.asInt());
    return okStatus();
  }
  double d;
  JANUS_RETURN_IF_ERROR(realArg(x, d));
  if (std::isnan(d))
    return valueError("cannot convert float NaN to integer");
  if (std::isinf(d))
    return Status(ErrorCode::OverflowError,
                  "cannot convert float infinity to integer");
  double r = fn(d);
  if (r < -9223372036854775808.0 || r >= 9223372036854775808.0)
    return intOverflow();
  out = Value::fromInt(static_cast<int64_t>(r));
  return okStatus();
}

double floorFn(double x) { return std::floor(x); }
double ceilFn(double x) { return std::ceil(x); }

Status mathFloor(const LibArgs &a, Value &out) {
  return floorCeil(a[0], floorFn, out);
}
Status mathCeil(const LibArgs &a, Value &out) {
  return floorCeil(a[0], ceilFn, out);
}

Status mathIsnan(const LibArgs &args, Value &out) {
  double d;
  JANUS_RETURN_IF_ERROR(realArg(args[0], d));
  out = Value::fromBool(std::isnan(d));
  return okStatus();
}

//===----------------------------------------------------------------------===//
// random
//===----------------------------------------------------------------------===//

Status randomSeed(const LibArgs &args, Value &out) {
  // "a=None, version=2". CPython seeds an int by its absolute value and a
  // float by hash(a); None draws from the OS.
  const Value &a = args[0];
  int64_t seed;
  if (a.isNone()) {
    std::random_device device;
    seed = (static_cast<int64_t>(device()) << 31) ^ device();
  } else if (a.isIntLike()) {
    seed = a.asInt();
  } else if (a.isFloat()) {
    JANUS_RETURN_IF_ERROR(hashValue(a, seed));
  } else if (a.kind() == Kind::Str) {
    // CPython keys the generator with the str's SHA-512; not reproduced.
    return Status(ErrorCode::NotImplementedError,
                  "random.seed() with a str seed is not supported by Janus");
  } else {
    return typeError("The only supported seed types are: None,\n"
                     "int, float, str, bytes, and bytearray.");
  }
  PyRandom::global().seed(seed);
  out = Value();
  return okStatus();
}

Status randomRandom(const LibArgs &, Value &out) {
  out = Value::fromFloat(PyRandom::global().random());
  return okStatus();
}

/// An argument of randrange: an int, or a float with an integral value.
/// `what` names it in CPython's message ("arg 1", "stop").
Status randrangeArg(const Value &v, const char *what, int64_t &out) {
  if (v.isIntLike()) {
    out = v.asInt();
    return okStatus();
  }
  if (v.isFloat() && std::trunc(v.asFloat()) == v.asFloat() &&
      std::fabs(v.asFloat()) < 9.2e18) {
    out = static_cast<int64_t>(v.asFloat());
    return okStatus();
  }
  if (v.isFloat())
    return valueError(std::string("non-integer ") + what + " for randrange()");
  return typeError(std::string("'") + typeName(v) +
                   "' object cannot be interpreted as an integer");
}

Status randomRandint(const LibArgs &args, Value &out) {
  // randint(a, b) is randrange(a, b + 1).
  Value stop;
  JANUS_RETURN_IF_ERROR(
      binaryOp(PyBinaryOp::Add, args[1], Value::fromInt(1), stop));
  int64_t a, b;
  JANUS_RETURN_IF_ERROR(randrangeArg(args[0], "arg 1", a));
  JANUS_RETURN_IF_ERROR(randrangeArg(stop, "stop", b));
  if (b <= a)
    return valueError("empty range for randrange() (" + std::to_string(a) +
                      ", " + std::to_string(b) + ", " + std::to_string(b - a) +
                      ")");
  out = Value::fromInt(PyRandom::global().randrange(a, b));
  return okStatus();
}

Status randomUniform(const LibArgs &args, Value &out) {
  // a + (b - a) * random(), with the operand errors of that expression.
  Value diff;
  JANUS_RETURN_IF_ERROR(binaryOp(PyBinaryOp::Sub, args[1], args[0], diff));
  if (!args[0].isNumber() || !diff.isNumber())
    return typeError("uniform() needs real numbers");
  out = Value::fromFloat(args[0].toDouble() +
                         diff.toDouble() * PyRandom::global().random());
  return okStatus();
}

Status randomChoice(const LibArgs &args, Value &out) {
  int64_t n;
  JANUS_RETURN_IF_ERROR(length(args[0], n));
  if (n == 0)
    return indexError("Cannot choose from an empty sequence");
  return getItem(args[0], Value::fromInt(PyRandom::global().choiceIndex(n)),
                 out);
}

Status randomShuffle(const LibArgs &args, Value &out) {
  const Value &x = args[0];
  PyRandom &rng = PyRandom::global();
  if (x.kind() == Kind::List) {
    auto &items = x.as<ListObject>()->items;
    rng.shuffle(items.data(), static_cast<int64_t>(items.size()));
    out = Value();
    return okStatus();
  }
  // Anything else goes through x[i], x[j] = x[j], x[i], as Lib/random.py.
  int64_t n;
  JANUS_RETURN_IF_ERROR(length(x, n));
  for (int64_t i = n - 1; i > 0; --i) {
    int64_t j = rng.randbelow(i + 1);
    Value xi, xj;
    JANUS_RETURN_IF_ERROR(getItem(x, Value::fromInt(j), xj));
    JANUS_RETURN_IF_ERROR(getItem(x, Value::fromInt(i), xi));
    JANUS_RETURN_IF_ERROR(setItem(x, Value::fromInt(i), xj));
    JANUS_RETURN_IF_ERROR(setItem(x, Value::fromInt(j), xi));
  }
  out = Value();
  return okStatus();
}

Status randomGauss(const LibArgs &args, Value &out) {
  double mu, sigma;
  JANUS_RETURN_IF_ERROR(realArg(args[0], mu));
  JANUS_RETURN_IF_ERROR(realArg(args[1], sigma));
  out = Value::fromFloat(PyRandom::global().gauss(mu, sigma));
  return okStatus();
}

//===----------------------------------------------------------------------===//
// time
//===----------------------------------------------------------------------===//

Status timeTime(const LibArgs &, Value &out) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  out = Value::fromFloat(std::chrono::duration<double>(now).count());
  return okStatus();
}

Status timePerfCounter(const LibArgs &, Value &out) {
  auto now = std::chrono::steady_clock::now().time_since_epoch();
  out = Value::fromFloat(std::chrono::duration<double>(now).count());
  return okStatus();
}

Value dtype(DType t) { return Value::fromDType(static_cast<uint8_t>(t)); }

} // namespace

std::vector<LibImplRow> janus::rt::mathRandomTimeImpls() {
  return {
      {LibId::MathSqrt, mathSqrt},
      {LibId::MathExp, mathExp},
      {LibId::MathLog, mathLog},
      {LibId::MathCos, mathCos},
      {LibId::MathSin, mathSin},
      {LibId::MathTanh, mathTanh},
      {LibId::MathFloor, mathFloor},
      {LibId::MathCeil, mathCeil},
      {LibId::MathIsnan, mathIsnan},
      {LibId::RandomSeed, randomSeed},
      {LibId::RandomRandom, randomRandom},
      {LibId::RandomRandint, randomRandint},
      {LibId::RandomUniform, randomUniform},
      {LibId::RandomChoice, randomChoice},
      {LibId::RandomShuffle, randomShuffle},
      {LibId::RandomGauss, randomGauss},
      {LibId::TimeTime, timeTime},
      {LibId::TimePerfCounter, timePerfCounter},
  };
}

std::vector<LibConstantRow> janus::rt::libraryConstants() {
  return {
      {LibId::MathPi, Value::fromFloat(3.141592653589793)},
      {LibId::MathE, Value::fromFloat(2.718281828459045)},
      {LibId::MathInf, Value::fromFloat(HUGE_VAL)},
      {LibId::TorchFloat32, dtype(DType::Float32)},
      {LibId::TorchFloat, dtype(DType::Float32)},
      {LibId::TorchFloat64, dtype(DType::Float64)},
      {LibId::TorchDouble, dtype(DType::Float64)},
      {LibId::TorchInt64, dtype(DType::Int64)},
      {LibId::TorchLong, dtype(DType::Int64)},
      {LibId::TorchBool, dtype(DType::Bool)},
  };
}
