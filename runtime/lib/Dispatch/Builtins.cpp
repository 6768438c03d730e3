//===- Builtins.cpp - Native implementations of Python builtins -----------===//
//
// The scalar and object builtins of Library.def with CPython 3.11's
// semantics and messages: len, abs, range, print (through a process-wide
// output sink), the type conversions int/float/bool/str, round,
// isinstance, hasattr/getattr/setattr. The iterable builtins are in
// BuiltinsIter.cpp. Each implementation receives its arguments bound
// (Dispatch.h).
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"
#include "Dispatch/TensorArgs.h"
#include "Dispatch/TorchOps.h"

#include <cmath>
#include <cstdio>

using namespace janus;
using namespace janus::rt;

//===----------------------------------------------------------------------===//
// Output sink
//===----------------------------------------------------------------------===//

namespace {

void stdoutSink(void *, std::string_view text, bool flush) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (flush)
    std::fflush(stdout);
}

OutputSink currentSink = stdoutSink;
void *currentSinkData = nullptr;

} // namespace

void janus::rt::setOutputSink(OutputSink sink, void *userData) {
  currentSink = sink ? sink : stdoutSink;
  currentSinkData = sink ? userData : nullptr;
}

void janus::rt::writeOutput(std::string_view text, bool flush) {
  currentSink(currentSinkData, text, flush);
}

namespace {

//===----------------------------------------------------------------------===//
// len, abs, range, print
//===----------------------------------------------------------------------===//

Status builtinLen(const LibArgs &args, Value &out) {
  int64_t n;
  JANUS_RETURN_IF_ERROR(length(args[0], n));
  out = Value::fromInt(n);
  return okStatus();
}

Status builtinAbs(const LibArgs &args, Value &out) {
  const Value &x = args[0];
  if (x.isFloat()) {
    out = Value::fromFloat(std::fabs(x.asFloat()));
    return okStatus();
  }
  if (x.isIntLike()) {
    if (x.asInt() >= 0) {
      out = Value::fromInt(x.asInt());
      return okStatus();
    }
    return unaryOp(PyUnaryOp::Neg, Value::fromInt(x.asInt()), out);
  }
  return typeError(std::string("bad operand type for abs(): '") + typeName(x) +
                   "'");
}

Status builtinRange(const LibArgs &args, Value &out) {
  // range(stop) or range(start, stop[, step]); all must be ints.
  for (uint32_t i = 0; i < 3; ++i)
    if (args.present(i) && !args[i].isIntLike())
      return typeError(std::string("'") + typeName(args[i]) +
                       "' object cannot be interpreted as an integer");
  if (!args.present(1))
    return makeRange(0, args[0].asInt(), 1, out);
  return makeRange(args[0].asInt(), args[1].asInt(), args[2].asInt(), out);
}

/// print's sep/end: a str, or None for the default.
Status textArg(const Value &v, const char *name, const char *fallback,
               std::string &out) {
  if (v.isNone()) {
    out = fallback;
    return okStatus();
  }
  if (v.kind() != Kind::Str)
    return typeError(std::string(name) + " must be None or a string, not " +
                     typeName(v));
  out = v.as<StrObject>()->text;
  return okStatus();
}

Status builtinPrint(const LibArgs &args, Value &out) {
  // "*args, sep=' ', end='\n', flush=False"
  std::string sep, end;
  JANUS_RETURN_IF_ERROR(textArg(args[1], "sep", " ", sep));
  JANUS_RETURN_IF_ERROR(textArg(args[2], "end", "\n", end));
  bool flush;
  JANUS_RETURN_IF_ERROR(truth(args[3], flush));
  std::string text;
  const auto &items = args[0].as<TupleObject>()->items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      text += sep;
    std::string item;
    JANUS_RETURN_IF_ERROR(strChecked(items[i], item));
    text += item;
  }
  text += end;
  writeOutput(text, flush);
  out = Value();
  return okStatus();
}

//===----------------------------------------------------------------------===//
// Conversions: int, float, bool, str, round
//===----------------------------------------------------------------------===//

/// int(x) for a float: truncation toward zero.
Status floatToInt(double x, Value &out) {
  if (std::isnan(x))
    return valueError("cannot convert float NaN to integer");
  if (std::isinf(x))
    return Status(ErrorCode::OverflowError,
                  "cannot convert float infinity to integer");
  double t = std::trunc(x);
  if (t < -9223372036854775808.0 || t >= 9223372036854775808.0)
    return intOverflow();
  out = Value::fromInt(static_cast<int64_t>(t));
  return okStatus();
}

Status builtinInt(const LibArgs &args, Value &out) {
  // "x=0, /, base=..." (slots: x, base)
  Value x = args[0];
  if (!args.present(1) && x.kind() == Kind::Tensor)
    JANUS_RETURN_IF_ERROR(tensorScalarValue(args[0], x));
  if (!args.present(1)) {
    if (x.isIntLike()) {
      out = Value::fromInt(x.asInt());
      return okStatus();
    }
    if (x.isFloat())
      return floatToInt(x.asFloat(), out);
    if (x.kind() != Kind::Str)
      return typeError("int() argument must be a string, a bytes-like object "
                       "or a real number, not '" +
                       std::string(typeName(x)) + "'");
    int64_t n;
    JANUS_RETURN_IF_ERROR(parseIntLiteral(x.as<StrObject>()->text, 10, n));
    out = Value::fromInt(n);
    return okStatus();
  }
  int64_t base;
  JANUS_RETURN_IF_ERROR(indexArg(args[1], base));
  // int(base=2) with x omitted is CPython's "int() missing string
  // argument"; x's default 0 makes it indistinguishable from int(0, base=2)
  // here, so both get the non-string message.
  if (base != 0 && (base < 2 || base > 36))
    return valueError("int() base must be >= 2 and <= 36, or 0");
  if (x.kind() != Kind::Str)
    return typeError("int() can't convert non-string with explicit base");
  int64_t n;
  JANUS_RETURN_IF_ERROR(
      parseIntLiteral(x.as<StrObject>()->text, static_cast<int>(base), n));
  out = Value::fromInt(n);
  return okStatus();
}

Status builtinFloat(const LibArgs &args, Value &out) {
  Value x = args[0];
  if (x.kind() == Kind::Tensor)
    JANUS_RETURN_IF_ERROR(tensorScalarValue(args[0], x));
  if (x.isNumber()) {
    out = Value::fromFloat(x.toDouble());
    return okStatus();
  }
  if (x.kind() != Kind::Str)
    return typeError(std::string("float() argument must be a string or a real "
                                 "number, not '") +
                     typeName(x) + "'");
  double d;
  JANUS_RETURN_IF_ERROR(parseFloatLiteral(x.as<StrObject>()->text, d));
  out = Value::fromFloat(d);
  return okStatus();
}

Status builtinBool(const LibArgs &args, Value &out) {
  bool b;
  JANUS_RETURN_IF_ERROR(truth(args[0], b));
  out = Value::fromBool(b);
  return okStatus();
}

Status builtinStr(const LibArgs &args, Value &out) {
  if (args[0].kind() == Kind::Str) {
    out = args[0];
    return okStatus();
  }
  std::string text;
  JANUS_RETURN_IF_ERROR(strChecked(args[0], text));
  out = makeStr(text);
  return okStatus();
}

Status builtinRound(const LibArgs &args, Value &out) {
  // "number, ndigits=None"
  const Value &x = args[0];
  if (!x.isNumber())
    return typeError(std::string("type ") + typeName(x) +
                     " doesn't define __round__ method");
  PyError err;
  if (args[1].isNone()) {
    if (x.isIntLike()) {
      out = Value::fromInt(x.asInt());
      return okStatus();
    }
    int64_t n;
    if (!roundFloatToInt(x.asFloat(), n, err))
      return statusOf(err);
    out = Value::fromInt(n);
    return okStatus();
  }
  int64_t ndigits;
  JANUS_RETURN_IF_ERROR(indexArg(args[1], ndigits));
  if (x.isIntLike()) {
    int64_t n;
    if (!roundInt(x.asInt(), ndigits, n, err))
      return statusOf(err);
    out = Value::fromInt(n);
    return okStatus();
  }
  double d;
  if (!roundFloat(x.asFloat(), ndigits, d, err))
    return statusOf(err);
  out = Value::fromFloat(d);
  return okStatus();
}

//===----------------------------------------------------------------------===//
// isinstance, hasattr, getattr, setattr
//===----------------------------------------------------------------------===//

/// isinstance(obj, cls) for one class; `known` is false when `cls` is not a
/// class at all.
bool isInstanceOfOne(const Value &obj, const Value &cls, bool &known) {
  known = true;
  if (cls.kind() == Kind::Class) {
    if (obj.kind() != Kind::Instance)
      return false;
    for (const ClassObject *c = obj.as<InstanceObject>()->classObject(); c;
         c = c->base.kind() == Kind::Class ? c->base.as<ClassObject>()
                                           : nullptr)
      if (c == cls.object())
        return true;
    return false;
  }
  // nn.Parameter is the pylib's function (registered under the name) or the
  // native torch.nn.parameter.Parameter: a Parameter is a tensor with the
  // parameter flag (Janus tensors cannot be subclassed).
  if (const Value *parameter = registeredLibraryValue("torch.nn.Parameter");
      parameter && cls.is(*parameter))
    return obj.kind() == Kind::Tensor && obj.tensor()->isParameter();
  // The builtin types are library function values, named by their LibId.
  const LibEntryInfo *e =
      cls.kind() == Kind::Function ? libraryEntryOf(cls) : nullptr;
  if (e) {
    switch (e->id) {
    case LibId::BuiltinInt:
      return obj.isIntLike(); // bool is a subclass of int
    case LibId::BuiltinBool:
      return obj.isBool();
    case LibId::BuiltinFloat:
      return obj.isFloat();
    case LibId::BuiltinStr:
      return obj.kind() == Kind::Str;
    case LibId::BuiltinList:
      return obj.kind() == Kind::List;
    case LibId::BuiltinTuple:
      return obj.kind() == Kind::Tuple;
    case LibId::BuiltinDict:
      return obj.kind() == Kind::Dict;
    case LibId::BuiltinRange:
      return obj.kind() == Kind::Range;
    case LibId::TorchTensorClass:
      return obj.kind() == Kind::Tensor;
    case LibId::NNParameter:
    case LibId::NNParameterParameter:
      return obj.kind() == Kind::Tensor && obj.tensor()->isParameter();
    case LibId::BuiltinEnumerate:
    case LibId::BuiltinZip:
    case LibId::BuiltinReversed:
      return obj.kind() == Kind::Iterator &&
             std::string_view(typeName(obj)) == e->name;
    default:
      break;
    }
  }
  known = false;
  return false;
}

Status isInstance(const Value &obj, const Value &cls, bool &out) {
  if (cls.kind() == Kind::Tuple) {
    // Checked in order, so an invalid entry after a match is not reached.
    for (const Value &c : cls.as<TupleObject>()->items) {
      JANUS_RETURN_IF_ERROR(isInstance(obj, c, out));
      if (out)
        return okStatus();
    }
    out = false;
    return okStatus();
  }
  bool known;
  out = isInstanceOfOne(obj, cls, known);
  if (!known)
    return typeError("isinstance() arg 2 must be a type, a tuple of types, or "
                     "a union");
  return okStatus();
}

Status builtinIsinstance(const LibArgs &args, Value &out) {
  bool b;
  JANUS_RETURN_IF_ERROR(isInstance(args[0], args[1], b));
  out = Value::fromBool(b);
  return okStatus();
}

Status attrName(const Value &name, std::string &out) {
  if (name.kind() != Kind::Str)
    return typeError(std::string("attribute name must be string, not '") +
                     typeName(name) + "'");
  out = name.as<StrObject>()->text;
  return okStatus();
}

/// obj.name, including the library's methods and attributes of list, dict,
/// str and tensors (which the value layer's getAttr does not know).
Status getAttribute(const Value &obj, const std::string &name, Value &out) {
  Status s = getAttr(obj, name, out);
  if (s.ok() || s.code() != ErrorCode::AttributeError)
    return s;
  std::optional<LibReceiver> receiver;
  switch (obj.kind()) {
  case Kind::List:
    receiver = LibReceiver::List;
    break;
  case Kind::Dict:
    receiver = LibReceiver::Dict;
    break;
  case Kind::Str:
    receiver = LibReceiver::Str;
    break;
  case Kind::Tensor:
    receiver = LibReceiver::Tensor;
    break;
  default:
    return s;
  }
  const LibEntryInfo *e = LibraryTable::get().lookupMember(*receiver, name);
  if (!e)
    return s;
  if (e->kind == LibEntryKind::Attribute)
    return bindAndCall(*e, &obj, nullptr, 0, {}, out);
  out = makeLibraryMethod(*e, obj);
  return okStatus();
}

Status builtinHasattr(const LibArgs &args, Value &out) {
  std::string name;
  JANUS_RETURN_IF_ERROR(attrName(args[1], name));
  Value ignored;
  Status s = getAttribute(args[0], name, ignored);
  if (!s.ok() && s.code() != ErrorCode::AttributeError)
    return s;
  out = Value::fromBool(s.ok());
  return okStatus();
}

Status builtinGetattr(const LibArgs &args, Value &out) {
  // "object, name, default=..., /"
  std::string name;
  JANUS_RETURN_IF_ERROR(attrName(args[1], name));
  Status s = getAttribute(args[0], name, out);
  if (!s.ok() && s.code() == ErrorCode::AttributeError && args.present(2)) {
    out = args[2];
    return okStatus();
  }
  return s;
}

Status builtinSetattr(const LibArgs &args, Value &out) {
  std::string name;
  JANUS_RETURN_IF_ERROR(attrName(args[1], name));
  JANUS_RETURN_IF_ERROR(setAttr(args[0], name, args[2]));
  out = Value();
  return okStatus();
}

} // namespace

std::vector<LibImplRow> janus::rt::builtinImpls() {
  return {
      {LibId::BuiltinLen, builtinLen},
      {LibId::BuiltinAbs, builtinAbs},
      {LibId::BuiltinRange, builtinRange},
      {LibId::BuiltinPrint, builtinPrint},
      {LibId::BuiltinInt, builtinInt},
      {LibId::BuiltinFloat, builtinFloat},
      {LibId::BuiltinBool, builtinBool},
      {LibId::BuiltinStr, builtinStr},
      {LibId::BuiltinRound, builtinRound},
      {LibId::BuiltinIsinstance, builtinIsinstance},
      {LibId::BuiltinHasattr, builtinHasattr},
      {LibId::BuiltinGetattr, builtinGetattr},
      {LibId::BuiltinSetattr, builtinSetattr},
  };
}
