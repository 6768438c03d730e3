//===- PercentFormatTest.cpp - printf-style str % args against CPython ----===//
//
// Checks runtime/lib/Value/PercentFormat.cpp (reached through binaryOp, as
// compiled code reaches it) against PercentFormatVectors.inc, which
// scripts/gen-percent-vectors.py writes from /usr/bin/python3: a sample of
// specifiers over every conversion, flag, width and precision, floats at
// precisions 0..20 compared as text (so the digits are bit-exact, not
// within a tolerance), `*`, mapping keys, and CPython's error messages.
// The hand-written cases cover what the vectors cannot spell: containers,
// lists as mappings, a user class's __rmod__, and that nothing leaks.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>

using namespace janus::rt;

namespace {

struct PercentArg {
  char kind; // 'i' int, 'b' bool, 'f' float (bits), 's' str, 'n' None
  int64_t intValue = 0;
  uint64_t floatBits = 0;
  const char *text = nullptr;
};

struct PercentVector {
  const char *format;
  int shape; // 0: one argument, 1: a tuple, 2: a dict keyed "a", "b", "c"
  int count;
  PercentArg args[3];
  const char *expected;
};

#include "PercentFormatVectors.inc"

struct LeakCheck {
  int64_t before = liveObjectCount();
  ~LeakCheck() { CHECK(liveObjectCount() == before); }
};

Value argValue(const PercentArg &a) {
  switch (a.kind) {
  case 'i':
    return Value::fromInt(a.intValue);
  case 'b':
    return Value::fromBool(a.intValue != 0);
  case 'f': {
    double d;
    std::memcpy(&d, &a.floatBits, sizeof(d));
    return Value::fromFloat(d);
  }
  case 's':
    return makeStr(a.text);
  default:
    return Value();
  }
}

Value rightOperand(const PercentVector &v) {
  if (v.shape == 0)
    return argValue(v.args[0]);
  if (v.shape == 1) {
    std::vector<Value> items;
    for (int k = 0; k < v.count; ++k)
      items.push_back(argValue(v.args[k]));
    return makeTuple(std::move(items));
  }
  Value dict = makeDict();
  static const char *const keys[] = {"a", "b", "c"};
  for (int k = 0; k < v.count; ++k)
    CHECK(setItem(dict, makeStr(keys[k]), argValue(v.args[k])).ok());
  return dict;
}

/// "=text" or "!Type: message", as the script writes them.
std::string percent(const Value &format, const Value &args) {
  Value out;
  Status s = binaryOp(PyBinaryOp::Mod, format, args, out);
  if (!s.ok())
    return "!" + s.str();
  REQUIRE(out.kind() == Kind::Str);
  return "=" + out.as<StrObject>()->text;
}

} // namespace

TEST_CASE("percent format: matches CPython on the generated vectors") {
  LeakCheck leaks;
  int checked = 0;
  for (const PercentVector &v : kPercentVectors) {
    std::string got = percent(makeStr(v.format), rightOperand(v));
    INFO("format " << v.format);
    CHECK(got == v.expected);
    ++checked;
  }
  CHECK(checked > 3000);
}

TEST_CASE("percent format: containers and user classes") {
  LeakCheck leaks;
  Value nested = makeList({Value::fromInt(1), makeStr("two"),
                           makeTuple({Value::fromFloat(3.0), Value()})});
  // CPython: '%s|%r' % (x, x) with x = [1, 'two', (3.0, None)] is
  // "[1, 'two', (3.0, None)]|[1, 'two', (3.0, None)]".
  CHECK(percent(makeStr("%s|%r"), makeTuple({nested, nested})) ==
        "=[1, 'two', (3.0, None)]|[1, 'two', (3.0, None)]");
  // A list is a mapping to PyUnicode_Format: '%s' % [1] == '[1]', and a
  // format without specifiers accepts it ('x' % [1] == 'x'), as it does a
  // dict; an int it rejects.
  CHECK(percent(makeStr("%s"), makeList({Value::fromInt(1)})) == "=[1]");
  CHECK(percent(makeStr("x"), makeList({Value::fromInt(1)})) == "=x");
  // '%(a)s' % [1]: the list's own subscript error.
  CHECK(percent(makeStr("%(a)s"), makeList({Value::fromInt(1)})) ==
        "!TypeError: list indices must be integers or slices, not str");
  // A class with only __rmod__: str.__mod__ runs first and its result
  // stands ('%s' % R() is str(R()), never R.__rmod__).
  Value cls = makeClass("R");
  Value rmod = makeFunction(
      "__rmod__", [](void *, const Value *, size_t, Value &out) -> Status {
        out = makeStr("rmod");
        return okStatus();
      });
  CHECK(setAttr(cls, "__rmod__", rmod).ok());
  Value inst = makeInstance(cls);
  std::string got = percent(makeStr("<%s>"), inst);
  CHECK(got.rfind("=<<__main__.R object at 0x", 0) == 0);
  CHECK(percent(makeStr("abc"), inst) ==
        "!TypeError: not all arguments converted during string formatting");
  // The instance's own %: R() % 'x' with only __rmod__ stays CPython's
  // operand error.
  CHECK(percent(inst, makeStr("x")) ==
        "!TypeError: unsupported operand type(s) for %: 'R' and 'str'");
}
