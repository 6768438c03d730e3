//===- BuiltinsTest.cpp - The builtins and library methods against CPython ===//
//
// Replays BuiltinsVectors.inc (scripts/gen-builtins-vectors.py: calls
// evaluated by CPython 3.11) through the dispatch table, keyword arguments
// included, and compares the repr of each result or the exception's type
// and message byte for byte, plus what print() wrote and, for mutating
// calls, the arguments afterwards. Also: every Python-level row of
// Library.def has an implementation, the constants, lazy iterator
// behaviour, the output sink, and the builtins on user classes (expected
// texts from /usr/bin/python3, quoted next to each check).
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"
#include "Dispatch/Dispatch.h"
#include "Dispatch/TensorArgs.h"
#include "Tensor/Tensor.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace janus;
using namespace janus::rt;

namespace {

Value N() { return Value(); }
Value B(bool b) { return Value::fromBool(b); }
Value I(int64_t i) { return Value::fromInt(i); }
Value F(double d) { return Value::fromFloat(d); }
Value FNAN() { return F(std::numeric_limits<double>::quiet_NaN()); }
Value FINF(int sign) {
  return F(sign * std::numeric_limits<double>::infinity());
}
Value S(const char *s) { return makeStr(s); }
Value L(std::vector<Value> items) { return makeList(std::move(items)); }
Value T(std::vector<Value> items) { return makeTuple(std::move(items)); }
Value D(std::vector<std::pair<Value, Value>> items) {
  Value d = makeDict();
  for (auto &[k, v] : items)
    REQUIRE(setItem(d, k, v).ok());
  return d;
}
Value R(int64_t start, int64_t stop, int64_t step) {
  Value r;
  REQUIRE(makeRange(start, stop, step, r).ok());
  return r;
}

/// d.keys() (part 0), d.values() (1), d.items() (2).
Value V(Value dict, int part) {
  return makeDictView(dict, static_cast<DictViewObject::Part>(part));
}

/// The callables the vectors name (gen-builtins-vectors.py's Fn objects).
Value FN(const char *name) {
  std::string n = name;
  if (n == "neg")
    return makeFunction("neg", [](void *, const Value *a, size_t, Value &out) {
      return unaryOp(PyUnaryOp::Neg, a[0], out);
    });
  if (n == "second")
    return makeFunction("second",
                        [](void *, const Value *a, size_t, Value &out) {
                          return getItem(a[0], Value::fromInt(1), out);
                        });
  if (n == "fail")
    return makeFunction("fail", [](void *, const Value *, size_t, Value &) {
      return valueError("boom");
    });
  const LibEntryInfo *e = LibraryTable::get().lookup(n);
  REQUIRE(e != nullptr);
  return makeLibraryFunction(*e);
}

struct Vector {
  const char *callee;
  std::vector<Value> args; // positional, then keyword values
  std::vector<std::string> kwnames;
  const char *expected; // "=repr" or "!Type: message"
  const char *after;    // repr of the positionals after the call, or ""
  const char *output;   // what print() wrote
  bool seeded;
  int64_t seed;
  int repeat;
  const char *source;
};

std::string captured;
void captureSink(void *, std::string_view text, bool) { captured += text; }

Status callNamed(const char *callee, const std::vector<Value> &args,
                 const std::vector<std::string> &kwnames, Value &out) {
  std::string name = callee;
  size_t dot = name.find('.');
  std::string prefix = name.substr(0, dot == std::string::npos ? 0 : dot);
  std::optional<LibReceiver> receiver;
  if (prefix == "list")
    receiver = LibReceiver::List;
  else if (prefix == "dict")
    receiver = LibReceiver::Dict;
  else if (prefix == "str")
    receiver = LibReceiver::Str;
  const LibraryTable &t = LibraryTable::get();
  size_t npos = args.size() - kwnames.size();
  if (receiver) {
    const LibEntryInfo *e = t.lookupMember(*receiver, name.substr(dot + 1));
    REQUIRE(e != nullptr);
    return bindAndCall(*e, &args[0], args.data() + 1, npos - 1, kwnames, out);
  }
  const LibEntryInfo *e = t.lookup(name);
  REQUIRE(e != nullptr);
  return bindAndCall(*e, nullptr, args.data(), npos, kwnames, out);
}

/// "=repr(result)" or "!Type: message", draining an iterator result first
/// as the generator does.
std::string outcome(Status s, Value result) {
  if (s.ok() && result.kind() == Kind::Iterator) {
    std::vector<Value> items;
    s = collectItems(result, items);
    result = makeList(std::move(items));
  }
  return s.ok() ? "=" + repr(result) : "!" + s.str();
}

void seedRandom(int64_t seed) {
  Value out;
  REQUIRE(callNamed("random.seed", {I(seed)}, {}, out).ok());
}

struct LeakCheck {
  int64_t before = (LibraryTable::get(), liveObjectCount());
  ~LeakCheck() { CHECK(liveObjectCount() == before); }
};

} // namespace

TEST_CASE("builtins: every call matches CPython") {
  LeakCheck leaks;
  setOutputSink(captureSink, nullptr);
  {
    std::vector<Vector> vectors = {
#include "BuiltinsVectors.inc"
    };
    REQUIRE(vectors.size() > 800);
    for (Vector &v : vectors) {
      std::string source = v.source;
      CAPTURE(source);
      if (v.seeded)
        seedRandom(v.seed);
      captured.clear();
      std::string got;
      if (v.repeat) {
        std::vector<Value> results;
        Status s;
        for (int i = 0; i < v.repeat && s.ok(); ++i) {
          Value r;
          s = callNamed(v.callee, v.args, v.kwnames, r);
          results.push_back(std::move(r));
        }
        got = outcome(std::move(s), makeList(std::move(results)));
      } else {
        Value r;
        Status s = callNamed(v.callee, v.args, v.kwnames, r);
        got = outcome(std::move(s), std::move(r));
      }
      CHECK(got == std::string(v.expected));
      CHECK(captured == std::string(v.output));
      if (*v.after) {
        std::vector<Value> positional(v.args.begin(),
                                      v.args.end() - v.kwnames.size());
        CHECK(repr(makeList(std::move(positional))) == std::string(v.after));
      }
    }
  }
  setOutputSink(nullptr, nullptr);
}

TEST_CASE("builtins: every Python-level row of Library.def is implemented") {
  // A row added to these modules or receivers without an implementation
  // fails here.
  size_t checked = 0;
  auto check = [&](LibId id) {
    const LibEntryInfo &e = LibraryTable::get().entry(id);
    CAPTURE(e.qualifiedName);
    if (e.kind == LibEntryKind::Constant)
      CHECK(!e.constant.isNone());
    else
      CHECK(static_cast<bool>(e.impl));
    ++checked;
  };
#define JANUS_LIB_FUNCTION(ID, MODULE, NAME, SIG)                              \
  if (LibModule::MODULE == LibModule::Builtins ||                              \
      LibModule::MODULE == LibModule::Math ||                                  \
      LibModule::MODULE == LibModule::Random ||                                \
      LibModule::MODULE == LibModule::Time)                                    \
    check(LibId::ID);
#define JANUS_LIB_CONSTANT(ID, MODULE, NAME) JANUS_LIB_FUNCTION(ID, MODULE, , )
#define JANUS_LIB_METHOD(ID, RECEIVER, NAME, SIG)                              \
  if (LibReceiver::RECEIVER == LibReceiver::List ||                            \
      LibReceiver::RECEIVER == LibReceiver::Dict ||                            \
      LibReceiver::RECEIVER == LibReceiver::Str)                               \
    check(LibId::ID);
#include "janus/Library.def"
  CHECK(checked > 70);
}

TEST_CASE("builtins: constants of math and torch") {
  const LibraryTable &t = LibraryTable::get();
  // repr(math.pi), repr(math.e), repr(math.inf) in CPython.
  CHECK(repr(t.lookup("math.pi")->constant) == "3.141592653589793");
  CHECK(repr(t.lookup("math.e")->constant) == "2.718281828459045");
  CHECK(repr(t.lookup("math.inf")->constant) == "inf");
  CHECK(repr(t.lookup("torch.float32")->constant) == "torch.float32");
  CHECK(repr(t.lookup("torch.float")->constant) == "torch.float32");
  CHECK(repr(t.lookup("torch.double")->constant) == "torch.float64");
  CHECK(repr(t.lookup("torch.float64")->constant) == "torch.float64");
  CHECK(repr(t.lookup("torch.long")->constant) == "torch.int64");
  CHECK(repr(t.lookup("torch.int64")->constant) == "torch.int64");
  CHECK(repr(t.lookup("torch.bool")->constant) == "torch.bool");
}

TEST_CASE("builtins: iterators are lazy objects") {
  LeakCheck leaks;
  Value list = L({I(1), I(2)}), it, item;
  REQUIRE(callNamed("enumerate", {list}, {}, it).ok());
  CHECK(it.kind() == Kind::Iterator);
  CHECK(std::string(typeName(it)) == "enumerate");
  CHECK(repr(it).rfind("<enumerate object at 0x", 0) == 0);
  bool done = false;
  REQUIRE(iterNext(it, item, done).ok());
  CHECK(repr(item) == "(0, 1)");
  // Items appended after the iterator was made are seen, as in CPython.
  REQUIRE(listAppend(list, I(3)).ok());
  std::vector<Value> rest;
  REQUIRE(collectItems(it, rest).ok());
  CHECK(repr(makeList(rest)) == "[(1, 2), (2, 3)]");
  // Exhausted stays exhausted, even when the source grows.
  REQUIRE(listAppend(list, I(4)).ok());
  REQUIRE(iterNext(it, item, done).ok());
  CHECK(done);
  // An iterator is its own iterator; list() drains it.
  Value zipped, again, drained;
  REQUIRE(callNamed("zip", {S("ab"), R(0, 5, 1)}, {}, zipped).ok());
  REQUIRE(getIter(zipped, again).ok());
  CHECK(again.is(zipped));
  REQUIRE(callNamed("list", {zipped}, {}, drained).ok());
  CHECK(repr(drained) == "[('a', 0), ('b', 1)]");
  REQUIRE(callNamed("list", {zipped}, {}, drained).ok());
  CHECK(repr(drained) == "[]");
  // type names as CPython 3.11 prints them.
  Value r;
  REQUIRE(getIter(S("ab"), r).ok());
  CHECK(std::string(typeName(r)) == "str_ascii_iterator");
  REQUIRE(callNamed("reversed", {L({})}, {}, r).ok());
  CHECK(std::string(typeName(r)) == "list_reverseiterator");
  // isinstance(enumerate([]), enumerate) is True; zip is not enumerate.
  Value e, b;
  REQUIRE(callNamed("enumerate", {L({})}, {}, e).ok());
  REQUIRE(callNamed("isinstance", {e, FN("enumerate")}, {}, b).ok());
  CHECK(b.asBool());
  REQUIRE(callNamed("isinstance", {zipped, FN("enumerate")}, {}, b).ok());
  CHECK_FALSE(b.asBool());
  // next() on a non-iterator.
  Status s = iterNext(list, item, done);
  CHECK(s.str() == "TypeError: 'list' object is not an iterator");
}

TEST_CASE("builtins: print writes through the output sink") {
  std::string text;
  setOutputSink(
      [](void *data, std::string_view t, bool flush) {
        auto *out = static_cast<std::string *>(data);
        *out += t;
        if (flush)
          *out += "<flush>";
      },
      &text);
  Value out;
  REQUIRE(callNamed("print", {S("a"), F(0.5), S(""), B(true)}, {"flush"}, out)
              .ok());
  setOutputSink(nullptr, nullptr);
  CHECK(text == "a 0.5 \n<flush>");
}

TEST_CASE("builtins: isinstance and attributes on user classes") {
  LeakCheck leaks;
  Value base = makeClass("Base"), derived = makeClass("Derived", base);
  Value other = makeClass("Other");
  Value obj = makeInstance(derived), out;
  auto isinst = [&](const Value &o, const Value &cls) {
    Value r;
    REQUIRE(callNamed("isinstance", {o, cls}, {}, r).ok());
    return r.asBool();
  };
  CHECK(isinst(obj, derived));
  CHECK(isinst(obj, base));
  CHECK_FALSE(isinst(obj, other));
  CHECK(isinst(obj, T({other, base})));
  CHECK_FALSE(isinst(I(1), base));
  CHECK_FALSE(isinst(obj, FN("int")));
  // isinstance(torch.zeros(2), torch.Tensor)
  Value tensorClass = FN("torch.Tensor");
  CHECK(isinst(Value::fromTensor(zeros({2}).get()), tensorClass));
  CHECK_FALSE(isinst(F(1.0), tensorClass));
  // setattr(obj, 'x', 5); getattr(obj, 'x'); hasattr(obj, 'y')
  REQUIRE(callNamed("setattr", {obj, S("x"), I(5)}, {}, out).ok());
  CHECK(out.isNone());
  REQUIRE(callNamed("getattr", {obj, S("x")}, {}, out).ok());
  CHECK(repr(out) == "5");
  REQUIRE(callNamed("hasattr", {obj, S("y")}, {}, out).ok());
  CHECK_FALSE(out.asBool());
  REQUIRE(callNamed("getattr", {obj, S("y"), S("d")}, {}, out).ok());
  CHECK(repr(out) == "'d'");
  // CPython: AttributeError: 'Derived' object has no attribute 'y'
  Status s = callNamed("getattr", {obj, S("y")}, {}, out);
  CHECK(s.str() == "AttributeError: 'Derived' object has no attribute 'y'");
  // getattr([], 'append') is a bound method that works.
  Value list = L({}), append;
  REQUIRE(callNamed("getattr", {list, S("append")}, {}, append).ok());
  Value arg = I(7);
  REQUIRE(call(append, &arg, 1, out).ok());
  CHECK(repr(list) == "[7]");
  // An unbound library method checks its receiver:
  // list.append(1, 2) -> descriptor 'append' for 'list' objects doesn't
  // apply to a 'int' object
  Value unbound = makeLibraryFunction(
      *LibraryTable::get().lookupMember(LibReceiver::List, "append"));
  Value args[] = {I(1), I(2)};
  s = call(unbound, args, 2, out);
  CHECK(s.str() == "TypeError: descriptor 'append' for 'list' objects "
                   "doesn't apply to a 'int' object");
  // sorted() with a user key function value (a bound library method).
  Value words = L({S("b"), S("A"), S("c")}), key, sorted;
  REQUIRE(callNamed("getattr", {S(""), S("lower")}, {}, key).ok());
  (void)key; // "".lower is bound to ""; use str.lower unbound instead
  Value lower = makeLibraryFunction(
      *LibraryTable::get().lookupMember(LibReceiver::Str, "lower"));
  REQUIRE(callNamed("sorted", {words, lower}, {"key"}, sorted).ok());
  CHECK(repr(sorted) == "['A', 'b', 'c']");
}

TEST_CASE("builtins: time.time and time.perf_counter") {
  Value a, b, t;
  REQUIRE(callNamed("time.perf_counter", {}, {}, a).ok());
  REQUIRE(callNamed("time.perf_counter", {}, {}, b).ok());
  REQUIRE(callNamed("time.time", {}, {}, t).ok());
  CHECK(a.isFloat());
  CHECK(b.asFloat() >= a.asFloat());
  CHECK(t.isFloat());
  CHECK(t.asFloat() > 1.6e9); // after 2020
}

TEST_CASE("builtins: dict views are live, sized and testable with `in`") {
  LeakCheck leaks;
  Value d = D({{S("a"), I(1)}}), keys, items, values;
  REQUIRE(callNamed("dict.keys", {d}, {}, keys).ok());
  REQUIRE(callNamed("dict.items", {d}, {}, items).ok());
  REQUIRE(callNamed("dict.values", {d}, {}, values).ok());
  REQUIRE(setItem(d, S("b"), I(2)).ok()); // the views see it
  CHECK(repr(keys) == "dict_keys(['a', 'b'])");
  CHECK(repr(items) == "dict_items([('a', 1), ('b', 2)])");
  CHECK(std::string(typeName(values)) == "dict_values");
  int64_t n;
  REQUIRE(length(keys, n).ok());
  CHECK(n == 2);
  bool in;
  REQUIRE(contains(keys, S("b"), in).ok());
  CHECK(in);
  REQUIRE(contains(items, T({S("b"), I(2)}), in).ok());
  CHECK(in);
  REQUIRE(contains(items, T({S("b"), I(3)}), in).ok());
  CHECK_FALSE(in);
  REQUIRE(contains(values, I(1), in).ok());
  CHECK(in);
  // d.keys() == d.keys() is True, d.values() == d.values() is False.
  Value keys2, values2;
  REQUIRE(callNamed("dict.keys", {d}, {}, keys2).ok());
  REQUIRE(callNamed("dict.values", {d}, {}, values2).ok());
  CHECK(equals(keys, keys2));
  CHECK_FALSE(equals(values, values2));
  // hash(d.keys()): TypeError: unhashable type: 'dict_keys'
  int64_t h;
  CHECK(hashValue(keys, h).str() == "TypeError: unhashable type: 'dict_keys'");
  // d = {}; d[1] = d.values(); repr(d) == '{1: dict_values([...])}'
  Value self = makeDict(), view;
  REQUIRE(callNamed("dict.values", {self}, {}, view).ok());
  REQUIRE(setItem(self, I(1), view).ok());
  CHECK(repr(self) == "{1: dict_values([...])}");
  REQUIRE(delItem(self, I(1)).ok()); // break the cycle for the leak check
  // `in` on an iterator consumes it up to the match.
  Value it, rest;
  REQUIRE(getIter(L({I(1), I(2), I(3)}), it).ok());
  REQUIRE(contains(it, I(2), in).ok());
  CHECK(in);
  REQUIRE(callNamed("list", {it}, {}, rest).ok());
  CHECK(repr(rest) == "[3]");
}

TEST_CASE("builtins: format() of a tensor goes through Tensor.__format__") {
  // f"{torch.tensor(3.5)}" == "3.5" (a 0-dim tensor formats as its item);
  // f"{torch.tensor(3.5):.2f}" == "3.50".
  Value v = tensorValue(scalarTensor(Scalar(3.5)));
  std::string out;
  CHECK(formatValue(v, "", out).ok());
  CHECK(out == "3.5");
  CHECK(formatValue(v, ".2f", out).ok());
  CHECK(out == "3.50");
}
