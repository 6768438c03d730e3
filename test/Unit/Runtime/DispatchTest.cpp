//===- DispatchTest.cpp - Tests of the library dispatch table -------------===//
//
// The table built from Library.def: every row present with its signature
// and defaults evaluated, name lookups, the slot layout implementations
// receive (Dispatch.h), run-time binding with keywords, `*args`/`**kwargs`
// and omitted `=...` parameters, and the shared CPython binder's messages.
// Expected binder messages were produced by CPython 3.11 (/usr/bin/python3)
// for `def f(a, /, b=2, *rest, c, **kw)`; the other expectations follow
// from Library.def's text, quoted next to each check. The Parameter texts
// (the native torch.nn.parameter.Parameter row) are PyTorch 1.13's.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/Dispatch.h"
#include "Dispatch/BuiltinsUtil.h"
#include "Tensor/Tensor.h"

#include <doctest/doctest.h>

using namespace janus;
using namespace janus::rt;

namespace {

size_t countRows() {
  size_t n = 0;
#define JANUS_LIB_FUNCTION(ID, MODULE, NAME, SIG) ++n;
#define JANUS_LIB_CLASS(ID, MODULE, NAME, SIG) ++n;
#define JANUS_LIB_CONSTANT(ID, MODULE, NAME) ++n;
#define JANUS_LIB_METHOD(ID, RECEIVER, NAME, SIG) ++n;
#define JANUS_LIB_ATTRIBUTE(ID, RECEIVER, NAME) ++n;
#include "janus/Library.def"
  return n;
}

Status callByName(const char *name, std::vector<Value> args,
                  std::vector<std::string> kwnames, Value &out) {
  const LibEntryInfo *e = LibraryTable::get().lookup(name);
  REQUIRE(e != nullptr);
  size_t npos = args.size() - kwnames.size();
  return bindAndCall(*e, nullptr, args.data(), npos, kwnames, out);
}

} // namespace

TEST_CASE("dispatch: the table has every Library.def row, in order") {
  const LibraryTable &t = LibraryTable::get();
  REQUIRE(t.entries().size() == countRows());
  for (size_t i = 0; i < t.entries().size(); ++i)
    CHECK(static_cast<size_t>(t.entries()[i].id) == i);
  CHECK(t.entry(LibId::TorchAdd).qualifiedName == "torch.add");
  CHECK(t.entry(LibId::TensorSum).qualifiedName == "Tensor.sum");
  CHECK(t.entry(LibId::BuiltinLen).qualifiedName == "len");
  CHECK(t.lookup("torch.nn.functional.relu") == &t.entry(LibId::FRelu));
  CHECK(t.lookupMember(LibReceiver::Tensor, "sum") ==
        &t.entry(LibId::TensorSum));
  CHECK(t.lookup("torch.nope") == nullptr);
  CHECK(t.lookupMember(LibReceiver::List, "sum") == nullptr);
}

TEST_CASE("dispatch: defaults are evaluated from the signature text") {
  const LibraryTable &t = LibraryTable::get();
  // "n, *, dtype=torch.int64, device=None, requires_grad=False"
  const LibEntryInfo &randperm = t.entry(LibId::TorchRandperm);
  CHECK(repr(randperm.defaults[1]) == "torch.int64");
  CHECK(randperm.defaults[2].isNone());
  CHECK(randperm.defaults[3].isBool());
  // "... reduction='mean', label_smoothing=0.0"
  const LibEntryInfo &ce = t.entry(LibId::FCrossEntropy);
  CHECK(repr(ce.defaults[6]) == "'mean'");
  CHECK(repr(ce.defaults[7]) == "0.0");
  CHECK(repr(ce.defaults[4]) == "-100");
  // "params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, ..."
  const LibEntryInfo &adam = t.entry(LibId::OptimAdam);
  CHECK(repr(adam.defaults[2]) == "(0.9, 0.999)");
  CHECK(repr(adam.defaults[3]) == "1e-08");
  // print: "*args, sep=' ', end='\\n', flush=False"
  const LibEntryInfo &print = t.entry(LibId::BuiltinPrint);
  CHECK(repr(print.defaults[2]) == "'\\n'");

  Value v;
  CHECK_FALSE(parseDefaultValue("torch.nope", v).ok());
  CHECK_FALSE(parseDefaultValue("1x", v).ok());
  CHECK_FALSE(parseDefaultValue("'open", v).ok());
}

TEST_CASE("dispatch: dtype values") {
  Value f32 = Value::fromDType(static_cast<uint8_t>(DType::Float32));
  CHECK(repr(f32) == "torch.float32");
  CHECK(std::string(typeName(f32)) == "dtype");
  CHECK(equals(f32, Value::fromDType(static_cast<uint8_t>(DType::Float32))));
  CHECK_FALSE(
      equals(f32, Value::fromDType(static_cast<uint8_t>(DType::Int64))));
  bool truthy = false;
  CHECK(truth(f32, truthy).ok());
  CHECK(truthy);
}

TEST_CASE("dispatch: calls bind positionals, defaults and omitted params") {
  Value out;
  REQUIRE(callByName("len", {makeList({Value::fromInt(1), Value()})}, {}, out)
              .ok());
  CHECK(out.asInt() == 2);
  REQUIRE(callByName("abs", {Value::fromInt(-5)}, {}, out).ok());
  CHECK(out.asInt() == 5);
  // "start, stop=..., step=1, /": range(5) leaves stop out.
  REQUIRE(callByName("range", {Value::fromInt(5)}, {}, out).ok());
  CHECK(repr(out) == "range(0, 5)");
  REQUIRE(callByName("range",
                     {Value::fromInt(2), Value::fromInt(10), Value::fromInt(3)},
                     {}, out)
              .ok());
  CHECK(repr(out) == "range(2, 10, 3)");
  // Errors come from the implementation (CPython's text for abs).
  Status s = callByName("abs", {makeStr("x")}, {}, out);
  CHECK(s.message() == "bad operand type for abs(): 'str'");
  // ... or from the binder, with the entry's Python name.
  s = callByName("len", {}, {}, out);
  CHECK(s.code() == ErrorCode::TypeError);
  CHECK(s.message() == "len() missing 1 required positional argument: 'obj'");
}

TEST_CASE("dispatch: rows without a native implementation say so") {
  Value out;
  Status s = callByName("torch.nn.Linear", {Value::fromInt(1)}, {}, out);
  CHECK(s.code() == ErrorCode::NotImplementedError);
  CHECK(s.message() ==
        "torch.nn.Linear is not implemented natively by the Janus runtime");
}

TEST_CASE("dispatch: library callables are function values") {
  const LibEntryInfo &len = LibraryTable::get().entry(LibId::BuiltinLen);
  Value fn = makeLibraryFunction(len);
  CHECK(repr(fn) == "<built-in function len>");
  CHECK(libraryEntryOf(fn) == &len);
  Value arg = makeStr("abc"), out;
  REQUIRE(call(fn, &arg, 1, out).ok());
  CHECK(out.asInt() == 3);
  // Keyword calls: len's parameter is positional-only ("obj, /").
  Status s = callWithKeywords(fn, &arg, 0, {"obj"}, out);
  CHECK(s.message() == "len() got some positional-only arguments passed as "
                       "keyword arguments: 'obj'");
  // Other callables take no keywords yet.
  Value plain = makeFunction(
      "f", [](void *, const Value *, size_t, Value &) { return okStatus(); });
  s = callWithKeywords(plain, &arg, 0, {"x"}, out);
  CHECK(s.message() ==
        "builtin_function_or_method() got an unexpected keyword argument 'x'");
}

TEST_CASE("signature: the binder reports where each argument goes") {
  std::vector<sig::Param> ps;
  REQUIRE(sig::parseSignature("a, /, b=2, *rest, c, **kw", ps) == "");
  sig::Binding b;
  // f(1, 2, 3, c=4, d=5): args are [1, 2, 3, 4, 5], keywords [c, d].
  REQUIRE(sig::bindCall("f", ps, 3, {"c", "d"}, &b) == "");
  CHECK(b.source == std::vector<int32_t>{0, 1, -1, 3, -1});
  CHECK(b.extraPositional == std::vector<int32_t>{2});
  CHECK(b.extraKeywords == std::vector<int32_t>{4});
  // f(1, a=2, c=1): `a` is positional-only, so **kw takes it.
  REQUIRE(sig::bindCall("f", ps, 1, {"a", "c"}, &b) == "");
  CHECK(b.extraKeywords == std::vector<int32_t>{1});
  // CPython 3.11's messages for the same calls:
  CHECK(sig::bindCall("f", ps, 0, {}) ==
        "f() missing 1 required positional argument: 'a'");
  CHECK(sig::bindCall("f", ps, 1, {}) ==
        "f() missing 1 required keyword-only argument: 'c'");
  CHECK(sig::bindCall("f", ps, 3, {"c", "b"}) ==
        "f() got multiple values for argument 'b'");
}

TEST_CASE("dispatch: torch.nn.parameter.Parameter makes a Parameter") {
  // Expected texts are PyTorch 1.13's (/usr/bin/python3):
  // print(nn.Parameter(torch.ones(2))) and the variants below.
  Value ones, p, out;
  REQUIRE(callByName("torch.ones", {Value::fromInt(2)}, {}, ones).ok());
  REQUIRE(callByName("torch.nn.parameter.Parameter", {ones}, {}, p).ok());
  CHECK(str(p) ==
        "Parameter containing:\ntensor([1., 1.], requires_grad=True)");
  CHECK(repr(p) == str(p));
  // A new tensor (detach): the data stays a plain tensor.
  CHECK(!p.is(ones));
  CHECK(str(ones) == "tensor([1., 1.])");
  // Tensor.__format__ with an empty spec is str(self).
  std::string text;
  REQUIRE(formatValue(p, "", text).ok());
  CHECK(text == str(p));
  REQUIRE(callByName("torch.nn.parameter.Parameter",
                     {ones, Value::fromBool(false)}, {"requires_grad"}, p)
              .ok());
  CHECK(str(p) == "Parameter containing:\ntensor([1., 1.])");
  // isinstance(p, nn.parameter.Parameter) / isinstance(data, ...).
  Value cls = makeLibraryFunction(
      LibraryTable::get().entry(LibId::NNParameterParameter));
  REQUIRE(callByName("isinstance", {p, cls}, {}, out).ok());
  CHECK(out.asBool());
  REQUIRE(callByName("isinstance", {ones, cls}, {}, out).ok());
  CHECK(!out.asBool());

  // A 0-dim Parameter: printed as a tensor, and a format spec is an error
  // (PyTorch formats only plain 0-dim tensors as numbers).
  Value three;
  REQUIRE(callByName("torch.tensor", {Value::fromFloat(3.0)}, {}, three).ok());
  REQUIRE(callByName("torch.nn.parameter.Parameter", {three}, {}, p).ok());
  CHECK(str(p) == "Parameter containing:\ntensor(3., requires_grad=True)");
  Status s = formatValue(p, ".2f", text);
  CHECK(s.code() == ErrorCode::TypeError);
  CHECK(s.message() ==
        "unsupported format string passed to Parameter.__format__");
  REQUIRE(formatValue(three, ".2f", text).ok());
  CHECK(text == "3.00");

  // No data: an empty float tensor.
  REQUIRE(callByName("torch.nn.parameter.Parameter", {}, {}, p).ok());
  CHECK(str(p) == "Parameter containing:\ntensor([], requires_grad=True)");
  // PyTorch's errors: data.detach() on a non-tensor, then _make_subclass.
  s = callByName("torch.nn.parameter.Parameter", {Value::fromInt(3)}, {}, p);
  CHECK(s.code() == ErrorCode::AttributeError);
  CHECK(s.message() == "'int' object has no attribute 'detach'");
  s = callByName("torch.nn.parameter.Parameter", {ones, Value::fromInt(2)}, {},
                 p);
  CHECK(s.code() == ErrorCode::TypeError);
  CHECK(s.message() == "_make_subclass(): argument 'require_grad' (position "
                       "3) must be bool, not int");
}
