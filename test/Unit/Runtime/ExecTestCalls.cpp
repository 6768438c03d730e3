//===- ExecTestCalls.cpp - The execution ABI: calls, functions, classes ---===//
//
// Hand-written "compiled functions" (janus_rt_code_t, written as janusc's
// lowering writes them: test every result, add the op's location to the
// traceback, release what is owned) called through janus_rt_call,
// janus_rt_call_method and the library: CPython's argument binding and its
// TypeErrors, user classes with __init__, single inheritance with super(),
// methods, closures through cells, recursion and its limit, and tracebacks
// across nested calls. Expected messages are CPython 3.11's.
//
//===----------------------------------------------------------------------===//

#include "ExecTestUtil.h"

using namespace exectest;

namespace {

/// The module's globals.
janus_rt_value globalF = {JANUS_RT_UNBOUND_KIND, 0};

const janus_rt_location locF = {"m.py", "f", 2, 12};
const janus_rt_location locG = {"m.py", "g", 5, 12};
const janus_rt_location locMain = {"m.py", "<module>", 9, 1};

/// Returns `v`, adding `loc` to the traceback when it is an error.
janus_rt_value check(janus_rt_value v, const janus_rt_location &loc) {
  if (failed(v))
    janus_rt_traceback_add(&loc);
  return v;
}

// def f(x, y=10, *, scale=1): return (x + y) * scale
janus_rt_value fCode(const janus_rt_value *args) {
  janus_rt_value sum = check(janus_rt_binary(0, 0, args[0], args[1]), locF);
  if (failed(sum))
    return sum;
  janus_rt_value out = check(janus_rt_binary(2, 0, sum, args[2]), locF);
  janus_rt_release(sum);
  return out;
}
const char *const fParams[] = {"x", "y", "scale"};
const janus_rt_function_desc fDesc = {"f", "f", fCode, 3, fParams, 2, 0};

janus_rt_value makeF() {
  janus_rt_value defaults[] = {integer(10), integer(1)};
  const int64_t defaultParams[] = {1, 2};
  return janus_rt_make_function(&fDesc, defaults, defaultParams, 2, nullptr);
}

// def g(a): return f(a, scale=a)       (f read from the global slot)
janus_rt_value gCode(const janus_rt_value *args) {
  static janus_rt_site call = [] {
    static const char *const kw[] = {"scale"};
    return site(nullptr, kw, 1);
  }();
  janus_rt_value fn = check(janus_rt_load_slot(&globalF, "f", 1, 0), locG);
  if (failed(fn))
    return fn;
  janus_rt_value callArgs[] = {args[0], args[0]};
  janus_rt_value out = check(janus_rt_call(&call, fn, callArgs, 2), locG);
  janus_rt_release(fn);
  return out;
}
const char *const gParams[] = {"a"};
const janus_rt_function_desc gDesc = {"g", "g", gCode, 1, gParams, 1, 0};

/// callee(*args) with keywords `kw` (the last `nkw` args).
janus_rt_value callKw(janus_rt_value callee,
                      std::initializer_list<janus_rt_value> args,
                      std::initializer_list<const char *> kw = {}) {
  static const char *names[8];
  int n = 0;
  for (const char *k : kw)
    names[n++] = k;
  return janus_rt_call(newSite(nullptr, names, n), callee, args.begin(),
                       static_cast<int64_t>(args.size()));
}

} // namespace

TEST_CASE("exec: compiled functions bind arguments as CPython") {
  LeakCheck leaks;
  janus_rt_value f = makeF();
  REQUIRE(!failed(f));
  CHECK(repr(f).rfind("<function f at 0x", 0) == 0);
  CHECK(take(callKw(f, {integer(1)})) == "11");
  CHECK(take(callKw(f, {integer(1), integer(2)})) == "3");
  CHECK(take(callKw(f, {integer(1), integer(3)}, {"scale"})) == "33");
  CHECK(take(callKw(f, {integer(3), integer(1)}, {"y", "x"})) == "4");
  janus_rt_value a = str("a");
  CHECK(take(callKw(f, {a, a})) == "'aa'");

  CHECK(failed(callKw(f, {})));
  CHECK(error() ==
        "TypeError: f() missing 1 required positional argument: 'x'");
  CHECK(failed(callKw(f, {integer(1), integer(2), integer(3)})));
  CHECK(error() == "TypeError: f() takes from 1 to 2 positional arguments but "
                   "3 were given");
  CHECK(failed(callKw(f, {integer(1), integer(2)}, {"z"})));
  CHECK(error() == "TypeError: f() got an unexpected keyword argument 'z'");
  CHECK(failed(callKw(f, {integer(1), integer(2)}, {"x"})));
  CHECK(error() == "TypeError: f() got multiple values for argument 'x'");
  CHECK(failed(
      callKw(f, {integer(1), integer(2), integer(3), integer(4)}, {"scale"})));
  CHECK(error() == "TypeError: f() takes from 1 to 2 positional arguments but "
                   "3 positional arguments (and 1 keyword-only argument) were "
                   "given");

  // Keyword-only without a default; two positionals without defaults.
  const char *const params[] = {"a", "b", "k"};
  static const janus_rt_function_desc hDesc = {"h",    "h", fCode, 3,
                                               params, 2,   0};
  janus_rt_value h =
      janus_rt_make_function(&hDesc, nullptr, nullptr, 0, nullptr);
  CHECK(failed(callKw(h, {integer(1), integer(2)})));
  CHECK(error() ==
        "TypeError: h() missing 1 required keyword-only argument: 'k'");
  CHECK(failed(callKw(h, {integer(1), integer(2), integer(3)})));
  CHECK(error() ==
        "TypeError: h() takes 2 positional arguments but 3 were given");
  CHECK(failed(callKw(h, {})));
  CHECK(error() == "TypeError: h() missing 2 required positional arguments: "
                   "'a' and 'b'");
  CHECK(take(callKw(h, {integer(1), integer(2), integer(3)}, {"k"})) == "9");

  // Not callable.
  CHECK(failed(callKw(integer(1), {})));
  CHECK(error() == "TypeError: 'int' object is not callable");
  CHECK(failed(callKw(a, {integer(1)}, {"k"})));
  CHECK(error() == "TypeError: 'str' object is not callable");

  // Through janus.h: a compiled function is an ordinary callable value.
  janus_value_t handle = janus_rt_to_handle(f);
  janus_value_t args[2];
  janus_value_from_int(2, &args[0]);
  janus_value_from_int(3, &args[1]);
  const char *kw[] = {"scale"};
  janus_value_t result = nullptr;
  CHECK(janus_value_call_kw(handle, args, 2, kw, 1, &result) == nullptr);
  int64_t value = 0;
  CHECK(janus_value_as_int(result, &value) == nullptr);
  CHECK(value == 36);
  for (janus_value_t v : {handle, args[0], args[1], result})
    janus_value_release(v);
  for (janus_rt_value v : {f, h, a})
    janus_rt_release(v);
}

TEST_CASE("exec: tracebacks across nested compiled calls") {
  LeakCheck leaks;
  janus_rt_value f = makeF();
  janus_rt_store_slot(&globalF, f, 0);
  janus_rt_release(f);
  janus_rt_value g =
      janus_rt_make_function(&gDesc, nullptr, nullptr, 0, nullptr);
  CHECK(take(callKw(g, {integer(2)})) == "24"); // (2 + 10) * 2

  janus_rt_value s = str("s");
  janus_rt_value r = check(callKw(g, {s}), locMain); // 's' + 10
  CHECK(failed(r));
  char *text = janus_rt_format_error();
  REQUIRE(text);
  CHECK(std::string(text) ==
        "m.py:2:12: error: TypeError: can only concatenate str (not \"int\") "
        "to str\n"
        "  m.py:2:12: in f\n"
        "  m.py:5:12: in g\n"
        "  m.py:9:1: in <module>\n");
  janus_string_free(text);

  // A compiled function failing under a library call (sorted's key) keeps
  // its traceback.
  static janus_rt_site sorted = [] {
    static const char *const kw[] = {"key"};
    return site("sorted", kw, 1);
  }();
  janus_rt_value items[] = {integer(1), s};
  janus_rt_value list = janus_rt_make_list(items, 2);
  janus_rt_value args[] = {list, g};
  CHECK(failed(check(janus_rt_call_library(&sorted, args, 2), locMain)));
  text = janus_rt_format_error();
  CHECK(std::string(text) ==
        "m.py:2:12: error: TypeError: can only concatenate str (not \"int\") "
        "to str\n"
        "  m.py:2:12: in f\n"
        "  m.py:5:12: in g\n"
        "  m.py:9:1: in <module>\n");
  janus_string_free(text);
  janus_rt_value fine[] = {integer(3), integer(1)};
  janus_rt_value list2 = janus_rt_make_list(fine, 2);
  janus_rt_value args2[] = {list2, g};
  CHECK(take(janus_rt_call_library(&sorted, args2, 2)) == "[1, 3]");

  for (janus_rt_value v : {g, s, list, list2})
    janus_rt_release(v);
  CHECK(janus_rt_del_slot(&globalF, "f", 1, 0) == 0);
}

namespace {

// def down(n): return 0 if n == 0 else down(n - 1) + 1   (global `down`)
janus_rt_value globalDown = {JANUS_RT_UNBOUND_KIND, 0};
const janus_rt_location locDown = {"r.py", "down", 1, 40};

janus_rt_value downCode(const janus_rt_value *args) {
  static janus_rt_site call = site(nullptr);
  if (janus_rt_is(args[0], integer(0)))
    return integer(0);
  janus_rt_value fn =
      check(janus_rt_load_slot(&globalDown, "down", 1, 0), locDown);
  if (failed(fn))
    return fn;
  janus_rt_value m = janus_rt_binary(1, 0, args[0], integer(1));
  janus_rt_value r = check(janus_rt_call(&call, fn, &m, 1), locDown);
  janus_rt_release(fn);
  if (failed(r))
    return r;
  janus_rt_value out = janus_rt_binary(0, 0, r, integer(1));
  janus_rt_release(r);
  return out;
}
const char *const downParams[] = {"n"};
const janus_rt_function_desc downDesc = {"down",     "down", downCode, 1,
                                         downParams, 1,      0};

} // namespace

TEST_CASE("exec: recursion and its limit") {
  LeakCheck leaks;
  janus_rt_value down =
      janus_rt_make_function(&downDesc, nullptr, nullptr, 0, nullptr);
  janus_rt_store_slot(&globalDown, down, 0);
  void *token = janus_rt_entry_begin();
  CHECK(take(callKw(down, {integer(900)})) == "900");
  CHECK(failed(callKw(down, {integer(5000)})));
  janus_status_t status = janus_rt_take_status();
  CHECK(janus_status_code(status) == JANUS_STATUS_RECURSION_ERROR);
  CHECK(std::string(janus_status_message(status)) ==
        "maximum recursion depth exceeded");
  janus_status_free(status);
  janus_rt_entry_end(token);
  // The depth is back: deep recursion works again.
  CHECK(take(callKw(down, {integer(990)})) == "990");
  janus_rt_release(down);
  CHECK(janus_rt_del_slot(&globalDown, "down", 1, 0) == 0);
}

namespace {

// class Base:
//     def __init__(self, x): self.x = x
//     def get(self): return self.x
// class Derived(Base):
//     def __init__(self, x, y=2): super().__init__(x); self.y = y
//     def get(self): return super().get() * 10 + self.y
janus_rt_value globalDerived = {JANUS_RT_UNBOUND_KIND, 0};
const janus_rt_location locC = {"c.py", "m", 1, 1};

janus_rt_value baseInit(const janus_rt_value *args) {
  static janus_rt_site x = site("x");
  if (janus_rt_set_attr(&x, args[0], args[1]) != 0)
    return check({JANUS_RT_ERROR_KIND, 0}, locC);
  return none();
}
janus_rt_value baseGet(const janus_rt_value *args) {
  static janus_rt_site x = site("x");
  return check(janus_rt_get_attr(&x, args[0]), locC);
}
janus_rt_value derivedInit(const janus_rt_value *args) {
  static janus_rt_site init = site("__init__");
  static janus_rt_site call = site(nullptr);
  static janus_rt_site y = site("y");
  janus_rt_value cls = janus_rt_load_slot(&globalDerived, "Derived", 1, 0);
  janus_rt_value method = check(janus_rt_super_attr(&init, cls, args[0]), locC);
  janus_rt_release(cls);
  if (failed(method))
    return method;
  janus_rt_value r = check(janus_rt_call(&call, method, &args[1], 1), locC);
  janus_rt_release(method);
  if (failed(r))
    return r;
  janus_rt_release(r);
  if (janus_rt_set_attr(&y, args[0], args[2]) != 0)
    return check({JANUS_RT_ERROR_KIND, 0}, locC);
  return none();
}
janus_rt_value derivedGet(const janus_rt_value *args) {
  static janus_rt_site get = site("get");
  static janus_rt_site call = site(nullptr);
  static janus_rt_site y = site("y");
  janus_rt_value cls = janus_rt_load_slot(&globalDerived, "Derived", 1, 0);
  janus_rt_value method = check(janus_rt_super_attr(&get, cls, args[0]), locC);
  janus_rt_release(cls);
  if (failed(method))
    return method;
  janus_rt_value base = check(janus_rt_call(&call, method, nullptr, 0), locC);
  janus_rt_release(method);
  if (failed(base))
    return base;
  janus_rt_value scaled = janus_rt_binary(2, 0, base, integer(10));
  janus_rt_release(base);
  janus_rt_value yv = check(janus_rt_get_attr(&y, args[0]), locC);
  janus_rt_value out = janus_rt_binary(0, 0, scaled, yv);
  janus_rt_release(scaled);
  janus_rt_release(yv);
  return out;
}

const char *const selfX[] = {"self", "x"};
const char *const selfOnly[] = {"self"};
const char *const selfXY[] = {"self", "x", "y"};
const janus_rt_function_desc baseInitDesc = {
    "__init__", "Base.__init__", baseInit, 2, selfX, 2, 0};
const janus_rt_function_desc baseGetDesc = {"get",    "Base.get", baseGet, 1,
                                            selfOnly, 1,          0};
const janus_rt_function_desc derivedInitDesc = {
    "__init__", "Derived.__init__", derivedInit, 3, selfXY, 3, 0};
const janus_rt_function_desc derivedGetDesc = {
    "get", "Derived.get", derivedGet, 1, selfOnly, 1, 0};

/// Sets cls.<name> = a function for `desc`.
void defineMethod(janus_rt_value cls, const char *name,
                  const janus_rt_function_desc *desc,
                  janus_rt_value defaultValue = unbound()) {
  const int64_t defaultParams[] = {desc->num_params - 1};
  bool hasDefault = defaultValue.kind != JANUS_RT_UNBOUND_KIND;
  janus_rt_value fn = janus_rt_make_function(desc, &defaultValue, defaultParams,
                                             hasDefault ? 1 : 0, nullptr);
  CHECK(janus_rt_set_attr(newSite(name), cls, fn) == 0);
  janus_rt_release(fn);
}

} // namespace

TEST_CASE("exec: classes, inheritance, super, methods") {
  LeakCheck leaks;
  janus_rt_value base = janus_rt_make_class("Base", 4, unbound());
  defineMethod(base, "__init__", &baseInitDesc);
  defineMethod(base, "get", &baseGetDesc);
  janus_rt_value derived = janus_rt_make_class("Derived", 7, base);
  defineMethod(derived, "__init__", &derivedInitDesc, integer(2));
  defineMethod(derived, "get", &derivedGetDesc);
  janus_rt_store_slot(&globalDerived, derived, 0);
  CHECK(repr(derived) == "<class '__main__.Derived'>");

  janus_rt_value b = callKw(base, {integer(4)});
  REQUIRE(!failed(b));
  CHECK(repr(b).rfind("<__main__.Base object at 0x", 0) == 0);
  static janus_rt_site get = site("get");
  static janus_rt_site x = site("x");
  CHECK(take(janus_rt_call_method(&get, b, nullptr, 0)) == "4");
  CHECK(take(janus_rt_get_attr(&x, b)) == "4");
  // Instances: keywords reach __init__; inherited and overriding methods.
  janus_rt_value d = callKw(derived, {integer(3), integer(7)}, {"y"});
  REQUIRE(!failed(d));
  CHECK(take(janus_rt_call_method(&get, d, nullptr, 0)) == "37");
  janus_rt_value d2 = callKw(derived, {integer(5)});
  CHECK(take(janus_rt_call_method(&get, d2, nullptr, 0)) == "52");
  // A bound method is a value; calling it passes self.
  janus_rt_value bound = janus_rt_get_attr(&get, d2);
  CHECK(repr(bound).rfind("<bound method Derived.get of <__main__.Derived",
                          0) == 0);
  CHECK(take(callKw(bound, {})) == "52");
  CHECK(failed(callKw(bound, {integer(1)})));
  CHECK(
      error() ==
      "TypeError: Derived.get() takes 1 positional argument but 2 were given");
  // Calling through the class: Base.get(d2).
  janus_rt_value unboundGet = janus_rt_get_attr(&get, base);
  CHECK(take(callKw(unboundGet, {d2})) == "5");
  // Attribute errors and binding errors, worded as CPython's.
  static janus_rt_site missing = site("missing");
  CHECK(failed(janus_rt_get_attr(&missing, d)));
  CHECK(error() ==
        "AttributeError: 'Derived' object has no attribute 'missing'");
  CHECK(failed(janus_rt_get_attr(&missing, base)));
  CHECK(error() ==
        "AttributeError: type object 'Base' has no attribute 'missing'");
  CHECK(failed(janus_rt_call_method(&missing, d, nullptr, 0)));
  CHECK(error() ==
        "AttributeError: 'Derived' object has no attribute 'missing'");
  CHECK(failed(janus_rt_set_attr(&missing, integer(1), none()) == -1
                   ? janus_rt_value{JANUS_RT_ERROR_KIND, 0}
                   : none()));
  CHECK(error() == "AttributeError: 'int' object has no attribute 'missing'");
  CHECK(failed(callKw(base, {})));
  CHECK(error() == "TypeError: Base.__init__() missing 1 required positional "
                   "argument: 'x'");
  CHECK(failed(janus_rt_super_attr(&missing, derived, d)));
  CHECK(error() == "AttributeError: 'super' object has no attribute 'missing'");
  // A class without __init__ takes no arguments; super().__init__() in a
  // class without a base is object's.
  janus_rt_value plain = janus_rt_make_class("Plain", 5, unbound());
  CHECK(failed(callKw(plain, {integer(1)})));
  CHECK(error() == "TypeError: Plain() takes no arguments");
  janus_rt_value p = callKw(plain, {});
  static janus_rt_site init = site("__init__");
  janus_rt_value objectInit = janus_rt_super_attr(&init, plain, p);
  CHECK(take(callKw(objectInit, {})) == "None");
  CHECK(failed(janus_rt_make_class("Bad", 3, integer(1))));
  CHECK(error() == "TypeError: a class base must be a class, not 'int'");
  // Instances of a class with __call__ are callable (nn.Module's forward).
  defineMethod(base, "__call__", &baseGetDesc);
  CHECK(take(callKw(b, {})) == "4");
  CHECK(take(callKw(d, {})) == "3");
  CHECK(failed(callKw(d, {integer(1)}, {"bogus"})));
  CHECK(error() == "TypeError: Base.get() got an unexpected keyword argument "
                   "'bogus'");
  CHECK(failed(callKw(p, {})));
  CHECK(error() == "TypeError: 'Plain' object is not callable");
  // A library function as a class attribute is not bound (a builtin).
  static janus_rt_site absName = site("abs");
  static janus_rt_site act = site("act");
  janus_rt_value absFn = janus_rt_library_value(&absName);
  CHECK(janus_rt_set_attr(&act, base, absFn) == 0);
  janus_rt_value minus = integer(-6);
  CHECK(take(janus_rt_call_method(&act, d, &minus, 1)) == "6");
  janus_rt_value actValue = janus_rt_get_attr(&act, d);
  CHECK(janus_rt_is(actValue, absFn) == 1);
  janus_rt_release(actValue);
  janus_rt_release(absFn);
  // Attribute sites cache the slot per shape; other shapes still work.
  static janus_rt_site y = site("y");
  for (janus_rt_value obj : {d, d2, b, d}) {
    janus_rt_value v = janus_rt_get_attr(&y, obj);
    if (janus_rt_is(obj, b)) {
      CHECK(failed(v));
      CHECK(error() == "AttributeError: 'Base' object has no attribute 'y'");
    } else {
      CHECK(!failed(v));
      janus_rt_release(v);
    }
  }
  CHECK(janus_rt_set_attr(&y, d, integer(1)) == 0);
  CHECK(take(janus_rt_call_method(&get, d, nullptr, 0)) == "31");

  for (janus_rt_value v :
       {base, derived, b, d, d2, bound, unboundGet, plain, p, objectInit})
    janus_rt_release(v);
  CHECK(janus_rt_del_slot(&globalDerived, "Derived", 1, 0) == 0);
}

namespace {

// def adder(n):
//     fn = lambda k: n + k      # n lives in a cell
//     n = n * 2                 # seen by the lambda
//     return fn
janus_rt_value lambdaCode(const janus_rt_value *args) {
  janus_rt_value cellSlot = args[1]; // the captured cell, as its local slot
  janus_rt_value n = check(janus_rt_load_slot(&cellSlot, "n", 0, 2), locC);
  if (failed(n))
    return n;
  janus_rt_value out = check(janus_rt_binary(0, 0, n, args[0]), locC);
  janus_rt_release(n);
  return out;
}
const char *const lambdaParams[] = {"k"};
const janus_rt_function_desc lambdaDesc = {
    "<lambda>", "adder.<lambda>", lambdaCode, 1, lambdaParams, 1, 1};

janus_rt_value adderCode(const janus_rt_value *args) {
  janus_rt_value nSlot = janus_rt_cell_new();
  janus_rt_store_slot(&nSlot, args[0], 1);
  janus_rt_value fn =
      janus_rt_make_function(&lambdaDesc, nullptr, nullptr, 0, &nSlot);
  janus_rt_value n = janus_rt_load_slot(&nSlot, "n", 0, 1);
  janus_rt_value twice = janus_rt_binary(2, 0, n, integer(2));
  janus_rt_store_slot(&nSlot, twice, 1);
  janus_rt_release(n);
  janus_rt_release(twice);
  janus_rt_release(nSlot); // the frame's slots die; the lambda keeps the cell
  return fn;
}
const char *const adderParams[] = {"n"};
const janus_rt_function_desc adderDesc = {"adder",     "adder", adderCode, 1,
                                          adderParams, 1,       0};

} // namespace

TEST_CASE("exec: closures through cells") {
  LeakCheck leaks;
  janus_rt_value adder =
      janus_rt_make_function(&adderDesc, nullptr, nullptr, 0, nullptr);
  janus_rt_value add10 = callKw(adder, {integer(5)});
  REQUIRE(!failed(add10));
  CHECK(take(callKw(add10, {integer(1)})) == "11");
  CHECK(take(callKw(add10, {integer(2)}, {"k"})) == "12");
  CHECK(failed(callKw(add10, {})));
  CHECK(error() == "TypeError: adder.<lambda>() missing 1 required positional "
                   "argument: 'k'");
  // A captured cell that was never bound.
  janus_rt_value cell = janus_rt_cell_new();
  janus_rt_value fn =
      janus_rt_make_function(&lambdaDesc, nullptr, nullptr, 0, &cell);
  CHECK(failed(callKw(fn, {integer(1)})));
  CHECK(error() == "NameError: cannot access free variable 'n' where it is not "
                   "associated with a value in enclosing scope");
  for (janus_rt_value v : {adder, add10, cell, fn})
    janus_rt_release(v);
}

TEST_CASE("exec: library calls, values and methods") {
  LeakCheck leaks;
  static janus_rt_site len = site("len");
  janus_rt_value s = str("abc");
  CHECK(take(janus_rt_call_library(&len, &s, 1)) == "3");
  CHECK(take(janus_rt_call_library(&len, &s, 1)) == "3"); // cached row
  janus_rt_value one = integer(1);
  CHECK(failed(janus_rt_call_library(&len, &one, 1)));
  CHECK(error() == "TypeError: object of type 'int' has no len()");
  static janus_rt_site int64 = site("torch.int64");
  janus_rt_value dtype = janus_rt_library_value(&int64);
  CHECK(repr(dtype) == "torch.int64");
  static janus_rt_site zeros = [] {
    static const char *const kw[] = {"dtype"};
    return site("torch.zeros", kw, 1);
  }();
  janus_rt_value zargs[] = {integer(2), dtype};
  CHECK(take(janus_rt_call_library(&zeros, zargs, 2)) == "tensor([0, 0])");
  static janus_rt_site pi = site("math.pi");
  CHECK(take(janus_rt_library_value(&pi)) == "3.141592653589793");
  static janus_rt_site absFn = site("abs");
  janus_rt_value absValue = janus_rt_library_value(&absFn);
  CHECK(take(callKw(absValue, {integer(-3)})) == "3");
  static janus_rt_site nope = site("torch.nope");
  CHECK(failed(janus_rt_library_value(&nope)));
  CHECK(error() == "AttributeError: the Janus library has no 'torch.nope'");

  // Methods of built-in receivers, with keywords.
  static janus_rt_site upper = site("upper");
  CHECK(take(janus_rt_call_method(&upper, s, nullptr, 0)) == "'ABC'");
  static janus_rt_site split = [] {
    static const char *const kw[] = {"sep"};
    return site("split", kw, 1);
  }();
  janus_rt_value b = str("b");
  CHECK(take(janus_rt_call_method(&split, s, &b, 1)) == "['a', 'c']");
  janus_rt_value items[] = {integer(3), integer(1), integer(2)};
  janus_rt_value list = janus_rt_make_list(items, 3);
  static janus_rt_site sort = [] {
    static const char *const kw[] = {"reverse"};
    return site("sort", kw, 1);
  }();
  janus_rt_value yes = boolean(true);
  CHECK(take(janus_rt_call_method(&sort, list, &yes, 1)) == "None");
  CHECK(repr(list) == "[3, 2, 1]");
  static janus_rt_site append = site("append");
  CHECK(failed(janus_rt_call_method(&append, s, &b, 1)));
  CHECK(error() == "AttributeError: 'str' object has no attribute 'append'");
  // A tensor method and a tensor attribute.
  static janus_rt_site ones = site("torch.ones");
  janus_rt_value three = integer(3);
  janus_rt_value t = janus_rt_call_library(&ones, &three, 1);
  static janus_rt_site sum = site("sum");
  CHECK(take(janus_rt_call_method(&sum, t, nullptr, 0)) == "tensor(3.)");
  static janus_rt_site shape = site("shape");
  CHECK(take(janus_rt_get_attr(&shape, t)) == "torch.Size([3])");
  static janus_rt_site requiresGrad = site("requires_grad");
  CHECK(janus_rt_set_attr(&requiresGrad, t, boolean(true)) == 0);
  CHECK(take(janus_rt_get_attr(&requiresGrad, t)) == "True");
  for (janus_rt_value v : {s, dtype, absValue, b, list, t})
    janus_rt_release(v);
}
