//===- DispatchTorchTest.cpp - Tests of the torch rows of the table -------===//
//
// The torch.* functions, Tensor methods and attributes of Library.def and
// the value layer's tensor operators, called the way compiled code and the
// C API call them: through LibraryTable lookups and bindAndCall (keywords
// included), setTensorAttribute, binaryOp/unaryOp/compare/truth/length/
// getItem and the no_grad protocol. The step programs and their expected
// reprs and messages come from PyTorch 1.13 through
// scripts/gen-dispatch-torch-vectors.py (DispatchTorchVectors.inc); the
// few places where Janus deliberately differs are checked separately below,
// each with the reason.
//
//===----------------------------------------------------------------------===//

#include "Autograd/Autograd.h"
#include "Dispatch/TorchOps.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>

using namespace janus;
using namespace janus::rt;

namespace {

struct TorchStep {
  const char *kind;
  const char *target;
  const char *name;
  const char *recv;
  std::vector<Value> args; // positionals, then keyword values
  std::vector<std::string> kwnames;
  const char *expected;
};

/// A reference to the variable `name` of the program (resolved when run).
Value var(const char *name) { return makeStr(std::string("\x01") + name); }
Value dtype(DType t) { return Value::fromDType(static_cast<uint8_t>(t)); }

#include "DispatchTorchVectors.inc"

using Env = std::map<std::string, Value>;

Value resolve(const Value &v, const Env &env) {
  if (v.kind() == Kind::Str) {
    const std::string &s = v.as<StrObject>()->text;
    if (!s.empty() && s[0] == '\x01')
      return env.at(s.substr(1));
    return v;
  }
  if (v.kind() == Kind::List || v.kind() == Kind::Tuple) {
    const auto &items = v.kind() == Kind::List ? v.as<ListObject>()->items
                                               : v.as<TupleObject>()->items;
    std::vector<Value> out;
    for (const Value &item : items)
      out.push_back(resolve(item, env));
    return v.kind() == Kind::List ? makeList(std::move(out))
                                  : makeTuple(std::move(out));
  }
  return v;
}

/// Replaces every " at 0x<hex digits>" address with " at 0x?".
std::string normalise(const std::string &text) {
  static const std::string marker = " at 0x";
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t hit = text.find(marker, i);
    size_t end = hit == std::string::npos ? hit : hit + marker.size();
    while (end != std::string::npos && end < text.size() &&
           std::isxdigit(static_cast<unsigned char>(text[end])) &&
           !std::isupper(static_cast<unsigned char>(text[end])))
      ++end;
    if (hit == std::string::npos || end == hit + marker.size()) {
      // No address here: copy through this marker (or the rest).
      size_t upto = hit == std::string::npos ? text.size() : end;
      out.append(text, i, upto - i);
      i = upto;
      continue;
    }
    out.append(text, i, hit - i);
    out += " at 0x?";
    i = end;
  }
  return out;
}

PyBinaryOp binarySymbol(const std::string &s) {
  static const char *const symbols[] = {"+", "-",  "*",  "/", "//", "%", "**",
                                        "@", "<<", ">>", "&", "|",  "^"};
  for (int i = 0; i < 13; ++i)
    if (s == symbols[i])
      return static_cast<PyBinaryOp>(i);
  FAIL("unknown operator " << s);
  return PyBinaryOp::Add;
}

PyCompareOp compareSymbol(const std::string &s) {
  static const char *const symbols[] = {"==", "!=", "<", "<=", ">", ">="};
  for (int i = 0; i < 6; ++i)
    if (s == symbols[i])
      return static_cast<PyCompareOp>(i);
  FAIL("unknown comparison " << s);
  return PyCompareOp::Eq;
}

/// Runs one step; returns the repr of its result or "Type: message".
std::string runStep(const TorchStep &step, Env &env) {
  const LibraryTable &table = LibraryTable::get();
  const std::string kind = step.kind;
  std::vector<Value> args;
  for (const Value &a : step.args)
    args.push_back(resolve(a, env));
  size_t npos = args.size() - step.kwnames.size();
  Value self = *step.recv ? env.at(step.recv) : Value();
  Value out;
  Status s;
  if (kind == "call") {
    const LibEntryInfo *e = table.lookup(step.name);
    REQUIRE(e);
    s = bindAndCall(*e, nullptr, args.data(), npos, step.kwnames, out);
  } else if (kind == "method" || kind == "attr") {
    const LibEntryInfo *e = table.lookupMember(LibReceiver::Tensor, step.name);
    REQUIRE(e);
    s = bindAndCall(*e, &self, args.data(), npos, step.kwnames, out);
  } else if (kind == "setattr") {
    const LibEntryInfo *e = table.lookupMember(LibReceiver::Tensor, step.name);
    REQUIRE(e);
    s = setTensorAttribute(self, e->id, args[0]);
  } else if (kind == "binary") {
    s = binaryOp(binarySymbol(step.name), args[0], args[1], out);
  } else if (kind == "compare") {
    s = compare(compareSymbol(step.name), args[0], args[1], out);
  } else if (kind == "unary") {
    const std::string sym = step.name;
    s = unaryOp(sym == "-"   ? PyUnaryOp::Neg
                : sym == "+" ? PyUnaryOp::Pos
                             : PyUnaryOp::Invert,
                args[0], out);
  } else if (kind == "len") {
    int64_t n = 0;
    s = length(args[0], n);
    out = Value::fromInt(n);
  } else if (kind == "truth") {
    bool b = false;
    s = truth(args[0], b);
    out = Value::fromBool(b);
  } else if (kind == "getitem") {
    s = getItem(args[0], args[1], out);
  } else if (kind == "setitem") {
    s = setItem(self, args[0], args[1]);
  } else if (kind == "iter") {
    Value it;
    s = getIter(args[0], it);
    std::vector<Value> items;
    for (bool done = false; s.ok();) {
      Value item;
      s = iterNext(it, item, done);
      if (done)
        break;
      items.push_back(item);
    }
    out = makeList(std::move(items));
  } else if (kind == "repr") {
    out = self;
  } else if (kind == "enter") {
    s = enterNoGrad(self);
  } else if (kind == "exit") {
    s = exitNoGrad(self);
  } else {
    FAIL("unknown step kind " << kind);
  }
  if (!s.ok())
    return s.str();
  if (*step.target)
    env[step.target] = out;
  return normalise(repr(out));
}

void runSteps(const std::vector<TorchStep> &steps) {
  Env env;
  for (size_t i = 0; i < steps.size(); ++i) {
    const TorchStep &step = steps[i];
    INFO("step " << i << ": " << std::string(step.kind) << " "
                 << std::string(step.name) << " " << std::string(step.recv));
    CHECK(runStep(step, env) == std::string(step.expected));
  }
}

} // namespace

TEST_CASE("dispatch torch: creation and random rows match PyTorch") {
  runSteps(torchStepsCreation());
}

TEST_CASE("dispatch torch: elementwise, comparison and matmul rows") {
  runSteps(torchStepsMath());
}

TEST_CASE("dispatch torch: reductions") { runSteps(torchStepsReduce()); }

TEST_CASE("dispatch torch: shape functions and methods") {
  runSteps(torchStepsShape());
}

TEST_CASE("dispatch torch: conversion, in-place and autograd methods") {
  runSteps(torchStepsMethods());
}

TEST_CASE("dispatch torch: attributes, torch.Size and attribute setting") {
  runSteps(torchStepsAttributes());
}

TEST_CASE("dispatch torch: value-layer operators on tensors") {
  runSteps(torchStepsOperators());
}

TEST_CASE("dispatch torch: subscripts get and set, with autograd") {
  runSteps(torchStepsIndex());
}

TEST_CASE("dispatch torch: split, chunk, repeat, gather, index_select, "
          "masked_fill") {
  runSteps(torchStepsJoin());
}

TEST_CASE("dispatch torch: a training loop through the table only") {
  runSteps(torchStepsTrainingLoop());
}

namespace {

Status callTorch(const char *name, std::vector<Value> args,
                 std::vector<std::string> kwnames, Value &out) {
  const LibEntryInfo *e = LibraryTable::get().lookup(name);
  REQUIRE(e);
  size_t npos = args.size() - kwnames.size();
  return bindAndCall(*e, nullptr, args.data(), npos, kwnames, out);
}

Status callMethod(const Value &self, const char *name, std::vector<Value> args,
                  Value &out) {
  const LibEntryInfo *e =
      LibraryTable::get().lookupMember(LibReceiver::Tensor, name);
  REQUIRE(e);
  return bindAndCall(*e, &self, args.data(), args.size(), {}, out);
}

Value floats(std::vector<double> xs) {
  std::vector<Value> items;
  for (double x : xs)
    items.push_back(Value::fromFloat(x));
  Value out;
  REQUIRE(
      callTorch("torch.tensor", {makeList(std::move(items))}, {}, out).ok());
  return out;
}

} // namespace

// Where Janus deliberately differs from PyTorch (documented in
// docs/runtime.md, "The torch surface").
TEST_CASE("dispatch torch: Janus's documented differences") {
  Value x = floats({1., 2.}), out;
  // Only the CPU exists (PyTorch: AssertionError "Torch not compiled with
  // CUDA enabled").
  Status s = callTorch("torch.zeros", {Value::fromInt(2), makeStr("cuda")},
                       {"device"}, out);
  CHECK(s.str() == "RuntimeError: Janus tensors live on the CPU: "
                   "device='cuda' is not supported (use None or 'cpu')");
  CHECK(callTorch("torch.ones", {Value::fromInt(2), makeStr("cpu")}, {"device"},
                  out)
            .ok());
  // norm: p='fro' and p=2 only.
  s = callTorch("torch.norm", {x, Value::fromInt(1)}, {}, out);
  CHECK(s.code() == ErrorCode::NotImplementedError);
  // The legacy constructor torch.Tensor(...) is rejected.
  s = callTorch("torch.Tensor", {Value::fromInt(2)}, {}, out);
  CHECK(s.code() == ErrorCode::NotImplementedError);
  // manual_seed returns None (PyTorch: the Generator).
  REQUIRE(callTorch("torch.manual_seed", {Value::fromInt(3)}, {}, out).ok());
  CHECK(out.isNone());
  // int() is refused: Janus has no int32, and int64 would print and
  // overflow differently.
  s = callMethod(x, "int", {}, out);
  CHECK(s.str() == "NotImplementedError: Tensor.int: int32 tensors are not "
                   "supported by Janus; use .long() (int64)");
  // backward(create_graph=True) is not supported.
  Value y;
  REQUIRE(callMethod(x, "requires_grad_", {}, y).ok());
  REQUIRE(callMethod(x, "sum", {}, y).ok());
  const LibEntryInfo *backward =
      LibraryTable::get().lookupMember(LibReceiver::Tensor, "backward");
  Value args[] = {Value::fromBool(true)};
  s = bindAndCall(*backward, &y, args, 0, {"create_graph"}, out);
  CHECK(s.code() == ErrorCode::NotImplementedError);
}

TEST_CASE("dispatch torch: torch values print and name their types") {
  Value x = floats({3., 1., 2.}), out;
  REQUIRE(callMethod(x, "size", {}, out).ok());
  CHECK(std::string(typeName(out)) == "Size");
  CHECK(str(out) == "torch.Size([3])");
  int64_t n = 0;
  REQUIRE(length(out, n).ok());
  CHECK(n == 1);
  // The cpu device: print(x.device) shows cpu, repr device(type='cpu').
  const LibEntryInfo *device =
      LibraryTable::get().lookupMember(LibReceiver::Tensor, "device");
  REQUIRE(bindAndCall(*device, &x, nullptr, 0, {}, out).ok());
  CHECK(str(out) == "cpu");
  CHECK(repr(out) == "device(type='cpu')");
  CHECK(std::string(typeName(out)) == "device");
  CHECK(
      callTorch("torch.ones", {Value::fromInt(1), out}, {"device"}, out).ok());
  // max along a dim: torch.return_types.max, a (values, indices) pair.
  REQUIRE(callTorch("torch.max", {x, Value::fromInt(0)}, {}, out).ok());
  CHECK(std::string(typeName(out)) == "max");
  CHECK(repr(out) == "torch.return_types.max(\nvalues=tensor(3.),\n"
                     "indices=tensor(0))");
  // grad_fn: None for leaves, else <Name object at 0x...>.
  const LibEntryInfo *gradFn =
      LibraryTable::get().lookupMember(LibReceiver::Tensor, "grad_fn");
  REQUIRE(bindAndCall(*gradFn, &x, nullptr, 0, {}, out).ok());
  CHECK(out.isNone());
  Value w;
  REQUIRE(callMethod(x, "requires_grad_", {}, w).ok());
  REQUIRE(binaryOp(PyBinaryOp::Mul, x, Value::fromInt(2), w).ok());
  REQUIRE(bindAndCall(*gradFn, &w, nullptr, 0, {}, out).ok());
  CHECK(normalise(repr(out)) == "<MulBackward0 object at 0x?>");
  CHECK(std::string(typeName(out)) == "MulBackward0");
}

TEST_CASE("dispatch torch: no_grad nests and restores the previous mode") {
  Value outer, inner, r;
  REQUIRE(callTorch("torch.no_grad", {}, {}, outer).ok());
  REQUIRE(callTorch("torch.no_grad", {}, {}, inner).ok());
  REQUIRE(isGradEnabled());
  REQUIRE(enterNoGrad(outer).ok());
  CHECK_FALSE(isGradEnabled());
  // The same protocol through the value's __enter__/__exit__ methods.
  Value enterMethod, exitMethod;
  REQUIRE(getAttr(inner, "__enter__", enterMethod).ok());
  REQUIRE(call(enterMethod, nullptr, 0, r).ok());
  CHECK_FALSE(isGradEnabled());
  REQUIRE(getAttr(inner, "__exit__", exitMethod).ok());
  Value none[] = {Value(), Value(), Value()};
  REQUIRE(call(exitMethod, none, 3, r).ok());
  CHECK(repr(r) == "False");
  CHECK_FALSE(isGradEnabled()); // still inside the outer block
  REQUIRE(exitNoGrad(outer).ok());
  CHECK(isGradEnabled());
}

TEST_CASE("dispatch torch: the training loop leaks no values or nodes") {
  Value warm;
  REQUIRE(callTorch("torch.no_grad", {}, {}, warm).ok()); // makes its class
  warm = Value();
  int64_t objects = liveObjectCount(), nodes = liveNodeCount();
  runSteps(torchStepsTrainingLoop());
  runSteps(torchStepsOperators());
  CHECK(liveObjectCount() == objects);
  CHECK(liveNodeCount() == nodes);
}

TEST_CASE("dispatch torch: every torch and Tensor row of this surface is "
          "implemented") {
  // torch.cat/stack/split/chunk/gather/index_select/masked_fill are the
  // torch.nn.functional implementation file's rows (TorchNN.cpp).
  const std::vector<LibId> elsewhere = {
      LibId::TorchCat,       LibId::TorchStack,  LibId::TorchSplit,
      LibId::TorchChunk,     LibId::TorchGather, LibId::TorchIndexSelect,
      LibId::TorchMaskedFill};
  for (const LibEntryInfo &e : LibraryTable::get().entries()) {
    bool torch = e.qualifiedName.rfind("torch.", 0) == 0 &&
                 e.qualifiedName.find('.', 6) == std::string::npos;
    bool tensor = e.qualifiedName.rfind("Tensor.", 0) == 0;
    if ((!torch && !tensor) || e.kind == LibEntryKind::Constant)
      continue;
    if (std::find(elsewhere.begin(), elsewhere.end(), e.id) != elsewhere.end())
      continue;
    INFO(e.qualifiedName);
    CHECK(static_cast<bool>(e.impl));
  }
}
