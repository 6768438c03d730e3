//===- LibraryTest.cpp - Unit tests for the library table -----------------===//
//
// Checks that every row of Library.def parses and is reachable by lookup,
// that the signature parser handles Python's markers and defaults containing
// commas, that checkCall binds calls as CPython does and rejects the rest
// with CPython's messages, and spot-checks rows against PyTorch 1.13's real
// signatures (the whole table is compared by
// scripts/check-library-signatures.py).
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/Library.h"

#include "llvm/ADT/StringSet.h"

#include <doctest/doctest.h>

#include <set>

using namespace janus;

using Keywords = std::vector<std::string>;

static const LibraryEntry &fn(LibModule m, llvm::StringRef name) {
  const LibraryEntry *e = Library::get().lookup(m, name);
  REQUIRE_MESSAGE(e, name.str());
  return *e;
}

static const LibraryEntry &member(LibReceiver r, llvm::StringRef name) {
  const LibraryEntry *e = Library::get().lookupMember(r, name);
  REQUIRE_MESSAGE(e, name.str());
  return *e;
}

static std::string check(const LibraryEntry &e, unsigned positional,
                         const Keywords &keywords = {}) {
  return Library::checkCall(e, positional, keywords);
}

/// "name=default, ..." rendered back from parsed parameters.
static std::string render(const LibraryEntry &e) {
  std::string out;
  for (const LibraryParam &p : e.params) {
    if (!out.empty())
      out += ", ";
    if (p.kind == LibraryParam::VarPositional)
      out += "*";
    if (p.kind == LibraryParam::VarKeyword)
      out += "**";
    out += p.name;
    if (p.defaultValue)
      out += "=" + *p.defaultValue;
  }
  return out;
}

TEST_CASE("every row parses, is unique and can be looked up") {
  const Library &lib = Library::get();
  REQUIRE(lib.entries().size() > 250);
  std::set<LibId> ids;
  llvm::StringSet<> qualified;
  for (const LibraryEntry &e : lib.entries()) {
    CAPTURE(e.qualifiedName());
    std::vector<LibraryParam> params;
    CHECK(Library::parseSignature(e.signature, params) == "");
    CHECK(params.size() == e.params.size());
    CHECK(ids.insert(e.id).second);
    CHECK(qualified.insert(e.qualifiedName()).second);
    CHECK(e.module.has_value() != e.receiver.has_value());
    const LibraryEntry *found = e.module
                                    ? lib.lookup(*e.module, e.name)
                                    : lib.lookupMember(*e.receiver, e.name);
    CHECK(found == &e);
    // The table says `out=` is never part of a signature.
    for (const LibraryParam &p : e.params)
      CHECK(p.name != "out");
  }
}

TEST_CASE("lookups by module and receiver") {
  const Library &lib = Library::get();
  const LibraryEntry &relu = fn(LibModule::TorchNNFunctional, "relu");
  CHECK(relu.id == LibId::FRelu);
  CHECK(relu.kind == LibEntryKind::Function);
  CHECK(relu.qualifiedName() == "torch.nn.functional.relu");

  const LibraryEntry &sum = member(LibReceiver::Tensor, "sum");
  CHECK(sum.id == LibId::TensorSum);
  CHECK(sum.qualifiedName() == "Tensor.sum");

  const LibraryEntry &append = member(LibReceiver::List, "append");
  CHECK(append.id == LibId::ListAppend);
  CHECK(append.qualifiedName() == "list.append");

  const LibraryEntry &pi = fn(LibModule::Math, "pi");
  CHECK(pi.kind == LibEntryKind::Constant);
  CHECK(pi.qualifiedName() == "math.pi");
  CHECK(pi.params.empty());

  CHECK(fn(LibModule::Builtins, "print").qualifiedName() == "print");
  CHECK(fn(LibModule::TorchNN, "Linear").kind == LibEntryKind::Class);
  CHECK(fn(LibModule::Torch, "Tensor").id == LibId::TorchTensorClass);
  CHECK(member(LibReceiver::Tensor, "shape").kind == LibEntryKind::Attribute);
  CHECK(member(LibReceiver::Optimizer, "step").id == LibId::OptimizerStep);

  CHECK(lib.lookup(LibModule::Torch, "no_such_op") == nullptr);
  CHECK(lib.lookup(LibModule::Math, "relu") == nullptr);
  CHECK(lib.lookupMember(LibReceiver::Tensor, "data") == nullptr);

  CHECK(Library::lookupModule("torch.nn.functional") ==
        LibModule::TorchNNFunctional);
  CHECK(Library::lookupModule("builtins") == LibModule::Builtins);
  CHECK(!Library::lookupModule("numpy"));
  CHECK(Library::moduleName(LibModule::TorchOptim) == "torch.optim");
  CHECK(Library::receiverName(LibReceiver::NNModule) == "Module");

  // `pop` is a method of list and dict; `sum` only of Tensor.
  std::vector<const LibraryEntry *> pops = lib.membersNamed("pop");
  REQUIRE(pops.size() == 2);
  CHECK(pops[0]->id == LibId::ListPop);
  CHECK(pops[1]->id == LibId::DictPop);
  CHECK(lib.membersNamed("sum").size() == 1);
  CHECK(lib.membersNamed("frobnicate").empty());
}

TEST_CASE("parseSignature: markers and defaults") {
  std::vector<LibraryParam> ps;
  CHECK(Library::parseSignature("", ps) == "");
  CHECK(ps.empty());

  REQUIRE(Library::parseSignature(
              "a, b=', ', /, c=(1, 1), *d, e, f=\"x,)\", **g", ps) == "");
  REQUIRE(ps.size() == 7);
  CHECK(ps[0].name == "a");
  CHECK(ps[0].kind == LibraryParam::PositionalOnly);
  CHECK(!ps[0].defaultValue);
  CHECK(ps[1].kind == LibraryParam::PositionalOnly);
  CHECK(*ps[1].defaultValue == "', '");
  CHECK(ps[2].kind == LibraryParam::PositionalOrKeyword);
  CHECK(*ps[2].defaultValue == "(1, 1)");
  CHECK(ps[3].name == "d");
  CHECK(ps[3].kind == LibraryParam::VarPositional);
  CHECK(ps[4].kind == LibraryParam::KeywordOnly);
  CHECK(!ps[4].isOptional());
  CHECK(*ps[5].defaultValue == "\"x,)\"");
  CHECK(ps[6].name == "g");
  CHECK(ps[6].kind == LibraryParam::VarKeyword);

  REQUIRE(Library::parseSignature("x, *, key=None, default=...", ps) == "");
  CHECK(ps[2].isOptional());
  CHECK(!ps[2].hasDefaultValue());
  CHECK(ps[1].hasDefaultValue());

  // An escaped quote does not end a string default.
  REQUIRE(Library::parseSignature("end='\\n', sep='\\', '", ps) == "");
  CHECK(*ps[1].defaultValue == "'\\', '");

  CHECK(Library::parseSignature("a=1, b", ps) ==
        "non-default parameter 'b' follows default parameter");
  CHECK(Library::parseSignature("a, a", ps) == "duplicate parameter 'a'");
  CHECK(Library::parseSignature("a, *", ps) ==
        "named parameters must follow bare '*'");
  CHECK(Library::parseSignature("*, /", ps) != "");
  CHECK(Library::parseSignature("/", ps) != "");
  CHECK(Library::parseSignature("*a, *b", ps) != "");
  CHECK(Library::parseSignature("**k, a", ps) != "");
  CHECK(Library::parseSignature("a,, b", ps) == "empty parameter");
  CHECK(Library::parseSignature("a=(1, 2", ps) == "unbalanced brackets");
  CHECK(Library::parseSignature("a='x", ps) == "unterminated string literal");
  CHECK(Library::parseSignature("a=", ps) == "empty default for 'a'");
  CHECK(Library::parseSignature("1a", ps) == "bad parameter name '1a'");
}

TEST_CASE("checkCall accepts calls that bind") {
  const LibraryEntry &relu = fn(LibModule::TorchNNFunctional, "relu");
  CHECK(check(relu, 1) == "");
  CHECK(check(relu, 2) == "");
  CHECK(check(relu, 1, {"inplace"}) == "");
  CHECK(check(relu, 0, {"input", "inplace"}) == "");

  const LibraryEntry &sum = fn(LibModule::Torch, "sum");
  CHECK(check(sum, 1) == "");
  CHECK(check(sum, 3, {"dtype"}) == "");
  CHECK(check(sum, 1, {"dim", "keepdim"}) == "");

  const LibraryEntry &zeros = fn(LibModule::Torch, "zeros");
  CHECK(check(zeros, 4, {"dtype", "requires_grad"}) == "");

  CHECK(check(fn(LibModule::Builtins, "print"), 5, {"sep", "end"}) == "");
  CHECK(check(fn(LibModule::Builtins, "print"), 0) == "");
  CHECK(check(fn(LibModule::Builtins, "max"), 1, {"key"}) == "");
  CHECK(check(fn(LibModule::Builtins, "dict"), 0, {"a", "b"}) == "");
  CHECK(check(member(LibReceiver::Str, "format"), 2, {"name"}) == "");
  CHECK(check(fn(LibModule::Torch, "arange"), 1) == "");
  CHECK(check(fn(LibModule::Torch, "arange"), 0, {"end"}) == "");
  CHECK(check(fn(LibModule::Torch, "randint"), 2) == "");
  CHECK(check(fn(LibModule::Torch, "max"), 2) == "");
  CHECK(check(member(LibReceiver::List, "sort"), 0, {"key", "reverse"}) == "");
  CHECK(check(member(LibReceiver::Tensor, "view"), 3) == "");
  CHECK(check(fn(LibModule::TorchNN, "Sequential"), 4) == "");
  CHECK(check(fn(LibModule::TorchOptim, "SGD"), 1, {"lr", "momentum"}) == "");
}

TEST_CASE("checkCall rejects calls with CPython's messages") {
  const LibraryEntry &relu = fn(LibModule::TorchNNFunctional, "relu");
  CHECK(check(relu, 3) == "torch.nn.functional.relu() takes from 1 to 2 "
                          "positional arguments but 3 were given");
  CHECK(check(relu, 0) == "torch.nn.functional.relu() missing 1 required "
                          "positional argument: 'input'");
  CHECK(check(relu, 1, {"foo"}) ==
        "torch.nn.functional.relu() got an unexpected keyword argument 'foo'");
  CHECK(check(relu, 1, {"input"}) ==
        "torch.nn.functional.relu() got multiple values for argument 'input'");

  CHECK(check(fn(LibModule::Torch, "sum"), 1, {"foo"}) ==
        "torch.sum() got an unexpected keyword argument 'foo'");
  CHECK(check(fn(LibModule::Torch, "sum"), 2, {"dim"}) ==
        "torch.sum() got multiple values for argument 'dim'");
  // dtype is keyword-only: a fourth positional is too many.
  CHECK(check(fn(LibModule::Torch, "sum"), 4) ==
        "torch.sum() takes from 1 to 3 positional arguments but 4 were given");
  CHECK(check(fn(LibModule::Torch, "sum"), 4, {"dtype"}) ==
        "torch.sum() takes from 1 to 3 positional arguments but 4 positional "
        "arguments (and 1 keyword-only argument) were given");

  CHECK(check(fn(LibModule::Math, "sqrt"), 2) ==
        "math.sqrt() takes 1 positional argument but 2 were given");
  CHECK(check(member(LibReceiver::Tensor, "exp"), 1) ==
        "Tensor.exp() takes 0 positional arguments but 1 was given");
  CHECK(check(fn(LibModule::Torch, "linspace"), 0) ==
        "torch.linspace() missing 3 required positional arguments: 'start', "
        "'end', and 'steps'");
  CHECK(check(fn(LibModule::Torch, "masked_fill"), 1) ==
        "torch.masked_fill() missing 2 required positional arguments: 'mask' "
        "and 'value'");
  CHECK(check(fn(LibModule::Math, "sqrt"), 0, {"x"}) ==
        "math.sqrt() got some positional-only arguments passed as keyword "
        "arguments: 'x'");
  // All of them, in parameter order, even before an unknown keyword.
  CHECK(check(member(LibReceiver::List, "insert"), 0,
              {"foo", "object", "index"}) ==
        "list.insert() got some positional-only arguments passed as keyword "
        "arguments: 'index, object'");
  CHECK(check(fn(LibModule::TorchOptim, "SGD"), 1) ==
        "torch.optim.SGD() missing 1 required positional argument: 'lr'");
  CHECK(check(fn(LibModule::TorchNN, "Linear"), 1, {"bias"}) ==
        "torch.nn.Linear() missing 1 required positional argument: "
        "'out_features'");
  // Keyword forms of *shape/*size are not accepted (see Library.def), though
  // PyTorch takes torch.zeros(size=(2, 3)).
  CHECK(check(fn(LibModule::Torch, "zeros"), 0, {"size"}) ==
        "torch.zeros() got an unexpected keyword argument 'size'");
  CHECK(check(member(LibReceiver::Tensor, "reshape"), 0, {"shape"}) ==
        "Tensor.reshape() got an unexpected keyword argument 'shape'");
  CHECK(check(fn(LibModule::Builtins, "len"), 1, {"x", "x"}) ==
        "keyword argument repeated: x");
  CHECK(check(fn(LibModule::Math, "pi"), 0) == "'math.pi' is not callable");

  // A required keyword-only parameter (none in the table today).
  LibraryEntry e{LibId::TorchSum,
                 LibEntryKind::Function,
                 LibModule::Torch,
                 std::nullopt,
                 "f",
                 "a, *, b, c",
                 {}};
  REQUIRE(Library::parseSignature(e.signature, e.params) == "");
  CHECK(check(e, 1) == "torch.f() missing 2 required keyword-only arguments: "
                       "'b' and 'c'");
  CHECK(check(e, 1, {"b"}) ==
        "torch.f() missing 1 required keyword-only argument: 'c'");
}

// Spot checks against the oracle. The expected text was produced with
//   /usr/bin/python3 -c "import inspect, torch, torch.nn.functional as F;
//     print(inspect.signature(F.cross_entropy));
//     print(inspect.signature(torch.nn.Conv2d));
//     print(inspect.signature(torch.optim.Adam));
//     print(inspect.signature(torch.optim.SGD));
//     print(inspect.signature(torch.nn.BatchNorm2d))"
// (PyTorch 1.13, annotations dropped), and for builtins without a Python
// signature from the docstrings and binding errors:
//   /usr/bin/python3 -c "import torch; print(torch.sum.__doc__)"
//   /usr/bin/python3 -c "import torch; torch.sum(object(), 1, 2, 3, 4)"
TEST_CASE("spot checks against PyTorch 1.13") {
  CHECK(render(fn(LibModule::TorchNNFunctional, "cross_entropy")) ==
        "input, target, weight=None, size_average=None, ignore_index=-100, "
        "reduce=None, reduction='mean', label_smoothing=0.0");
  CHECK(render(fn(LibModule::TorchNN, "Conv2d")) ==
        "in_channels, out_channels, kernel_size, stride=1, padding=0, "
        "dilation=1, groups=1, bias=True, padding_mode='zeros', device=None, "
        "dtype=None");
  CHECK(render(fn(LibModule::TorchOptim, "Adam")) ==
        "params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, "
        "amsgrad=False, foreach=None, maximize=False, capturable=False, "
        "differentiable=False, fused=False");
  CHECK(render(fn(LibModule::TorchOptim, "SGD")) ==
        "params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, "
        "maximize=False, foreach=None, differentiable=False");
  CHECK(fn(LibModule::TorchOptim, "SGD").params[6].kind ==
        LibraryParam::KeywordOnly);
  CHECK(render(fn(LibModule::TorchNN, "BatchNorm2d")) ==
        "num_features, eps=1e-05, momentum=0.1, affine=True, "
        "track_running_stats=True, device=None, dtype=None");
  CHECK(render(fn(LibModule::Torch, "sum")) ==
        "input, dim=None, keepdim=False, dtype=None");
  CHECK(render(member(LibReceiver::Tensor, "sum")) ==
        "dim=None, keepdim=False, dtype=None");
  CHECK(render(fn(LibModule::Builtins, "print")) ==
        "*args, sep=' ', end='\\n', flush=False");
  CHECK(render(fn(LibModule::Builtins, "sorted")) ==
        "iterable, key=None, reverse=False");
  // The binding errors of t.floor_divide_() / t.remainder_() / t.pow_()
  // list "(Tensor other)" / "(Tensor other)" / "(Tensor exponent)"; their
  // docstrings' `value` and `divisor` are rejected as keywords.
  CHECK(render(member(LibReceiver::Tensor, "floor_divide_")) == "other");
  CHECK(render(member(LibReceiver::Tensor, "remainder_")) == "other");
  CHECK(render(member(LibReceiver::Tensor, "pow_")) == "exponent");
}
