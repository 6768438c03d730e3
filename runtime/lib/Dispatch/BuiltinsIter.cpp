//===- BuiltinsIter.cpp - Builtins that consume or make iterables ---------===//
//
// enumerate, zip, reversed (lazy iterators of the value layer, Iter.cpp),
// sorted, min, max, sum, any, all, and the container constructors list,
// tuple and dict, with CPython 3.11's semantics and messages. All of them
// accept any iterable: list, tuple, str, range, dict (its keys) or an
// iterator.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"

using namespace janus;
using namespace janus::rt;

namespace {

Status builtinEnumerate(const LibArgs &args, Value &out) {
  // "iterable, start=0"
  int64_t start;
  JANUS_RETURN_IF_ERROR(indexArg(args[1], start));
  return makeEnumerate(args[0], start, out);
}

Status builtinZip(const LibArgs &args, Value &out) {
  // "*iterables, strict=False"
  bool strict;
  JANUS_RETURN_IF_ERROR(truth(args[1], strict));
  return makeZip(args[0].as<TupleObject>()->items, strict, out);
}

Status builtinReversed(const LibArgs &args, Value &out) {
  return makeReversed(args[0], out);
}

Status builtinSorted(const LibArgs &args, Value &out) {
  // "iterable, /, *, key=None, reverse=False"
  std::vector<Value> items;
  JANUS_RETURN_IF_ERROR(collectItems(args[0], items));
  bool reverse;
  JANUS_RETURN_IF_ERROR(truth(args[2], reverse));
  JANUS_RETURN_IF_ERROR(sortValues(items, args[1], reverse));
  out = makeList(std::move(items));
  return okStatus();
}

/// min() and max(): "*args, key=None, default=...".
Status minMax(const LibArgs &args, bool isMax, Value &out) {
  const char *name = isMax ? "max" : "min";
  const auto &positional = args[0].as<TupleObject>()->items;
  if (positional.empty())
    return typeError(std::string(name) +
                     " expected at least 1 argument, got 0");
  if (positional.size() > 1 && args.present(2))
    return typeError(std::string("Cannot specify a default for ") + name +
                     "() with multiple positional arguments");
  Value it;
  JANUS_RETURN_IF_ERROR(
      getIter(positional.size() == 1 ? positional[0] : args[0], it));
  const Value &key = args[1];
  Value best, bestKey;
  bool haveBest = false;
  for (;;) {
    Value item, itemKey;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, item, done));
    if (done)
      break;
    JANUS_RETURN_IF_ERROR(applyKey(key, item, itemKey));
    if (haveBest) {
      // The first of several equal extremes wins, as in CPython.
      bool better;
      JANUS_RETURN_IF_ERROR(compareBool(
          isMax ? PyCompareOp::Gt : PyCompareOp::Lt, itemKey, bestKey, better));
      if (!better)
        continue;
    }
    best = std::move(item);
    bestKey = std::move(itemKey);
    haveBest = true;
  }
  if (haveBest) {
    out = std::move(best);
    return okStatus();
  }
  if (args.present(2)) {
    out = args[2];
    return okStatus();
  }
  return valueError(std::string(name) + "() arg is an empty sequence");
}

Status builtinMin(const LibArgs &args, Value &out) {
  return minMax(args, /*isMax=*/false, out);
}
Status builtinMax(const LibArgs &args, Value &out) {
  return minMax(args, /*isMax=*/true, out);
}

Status builtinSum(const LibArgs &args, Value &out) {
  // "iterable, /, start=0"
  if (args[1].kind() == Kind::Str)
    return typeError("sum() can't sum strings [use ''.join(seq) instead]");
  Value it;
  JANUS_RETURN_IF_ERROR(getIter(args[0], it));
  Value total = args[1];
  for (;;) {
    Value item;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, item, done));
    if (done)
      break;
    Value next;
    JANUS_RETURN_IF_ERROR(binaryOp(PyBinaryOp::Add, total, item, next));
    total = std::move(next);
  }
  out = std::move(total);
  return okStatus();
}

/// any() (stopAt true) and all() (stopAt false): the first item whose truth
/// is `stopAt` decides.
Status anyAll(const Value &iterable, bool stopAt, Value &out) {
  Value it;
  JANUS_RETURN_IF_ERROR(getIter(iterable, it));
  for (;;) {
    Value item;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, item, done));
    if (done)
      break;
    bool b;
    JANUS_RETURN_IF_ERROR(truth(item, b));
    if (b == stopAt) {
      out = Value::fromBool(stopAt);
      return okStatus();
    }
  }
  out = Value::fromBool(!stopAt);
  return okStatus();
}

Status builtinAny(const LibArgs &args, Value &out) {
  return anyAll(args[0], true, out);
}
Status builtinAll(const LibArgs &args, Value &out) {
  return anyAll(args[0], false, out);
}

Status builtinList(const LibArgs &args, Value &out) {
  std::vector<Value> items;
  JANUS_RETURN_IF_ERROR(collectItems(args[0], items));
  out = makeList(std::move(items));
  return okStatus();
}

Status builtinTuple(const LibArgs &args, Value &out) {
  // Tuples are immutable: share a plain one. A flavoured tuple (torch.Size,
  // torch.return_types.max) is a tuple subclass, and tuple() of it is a new
  // plain tuple with its items, as CPython's tuple(sub) is.
  if (args[0].kind() == Kind::Tuple &&
      args[0].as<TupleObject>()->flavor == TupleFlavor::Plain) {
    out = args[0];
    return okStatus();
  }
  std::vector<Value> items;
  JANUS_RETURN_IF_ERROR(collectItems(args[0], items));
  out = makeTuple(std::move(items));
  return okStatus();
}

Status builtinDict(const LibArgs &args, Value &out) {
  // "iterable=..., /, **kwargs"
  Value dict = makeDict();
  if (args.present(0))
    JANUS_RETURN_IF_ERROR(dictMerge(dict, args[0]));
  JANUS_RETURN_IF_ERROR(dictMerge(dict, args[1]));
  out = std::move(dict);
  return okStatus();
}

} // namespace

std::vector<LibImplRow> janus::rt::builtinIterImpls() {
  return {
      {LibId::BuiltinEnumerate, builtinEnumerate},
      {LibId::BuiltinZip, builtinZip},
      {LibId::BuiltinReversed, builtinReversed},
      {LibId::BuiltinSorted, builtinSorted},
      {LibId::BuiltinMin, builtinMin},
      {LibId::BuiltinMax, builtinMax},
      {LibId::BuiltinSum, builtinSum},
      {LibId::BuiltinAny, builtinAny},
      {LibId::BuiltinAll, builtinAll},
      {LibId::BuiltinList, builtinList},
      {LibId::BuiltinTuple, builtinTuple},
      {LibId::BuiltinDict, builtinDict},
  };
}
