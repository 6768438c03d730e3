//===- Builtins.cpp - Native implementations of Python builtins -----------===//
//
// The builtins, math, random, time, list/dict/str rows of Library.def that
// the runtime implements, with CPython 3.11's semantics and messages. Each
// implementation receives its arguments bound (Dispatch.h).
//
//===----------------------------------------------------------------------===//

#include "Dispatch/Dispatch.h"

using namespace janus;
using namespace janus::rt;

namespace {

Status builtinLen(const LibArgs &args, Value &out) {
  int64_t n;
  JANUS_RETURN_IF_ERROR(length(args[0], n));
  out = Value::fromInt(n);
  return okStatus();
}

Status builtinAbs(const LibArgs &args, Value &out) {
  const Value &x = args[0];
  if (x.isFloat()) {
    out = Value::fromFloat(x.asFloat() < 0 ? -x.asFloat() : x.asFloat());
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

} // namespace

std::vector<LibImplRow> janus::rt::builtinImpls() {
  return {
      {LibId::BuiltinLen, builtinLen},
      {LibId::BuiltinAbs, builtinAbs},
      {LibId::BuiltinRange, builtinRange},
  };
}
