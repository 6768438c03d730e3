//===- ExecTest.cpp - The execution ABI: values, containers, slots, errors ===//
//
// janus_exec.h driven as generated code drives it: inline values built
// without calls, borrowed arguments, owned results, errors as a pending
// exception. Every expected message is CPython 3.11's (checked with
// /usr/bin/python3), and every case checks that it leaks nothing and
// leaves no exception pending. Calls, functions and classes are in
// ExecTestCalls.cpp.
//
//===----------------------------------------------------------------------===//

#include "ExecTestUtil.h"

#include <cmath>

using namespace exectest;

TEST_CASE("exec: retain, release and constants") {
  LeakCheck leaks;
  janus_rt_value cache = unbound();
  janus_rt_value a = janus_rt_const_str(&cache, "hello", 5);
  janus_rt_value b = janus_rt_const_str(&cache, "ignored", 7);
  CHECK(janus_rt_is(a, b) == 1); // one str, cached in the module's slot
  CHECK(repr(b) == "'hello'");
  janus_rt_retain(a);
  janus_rt_release(a);
  janus_rt_release(a);
  janus_rt_release(b);
  janus_rt_release(cache);
  // Inline kinds, errors and unbound slots are ignored.
  janus_rt_retain(integer(3));
  janus_rt_release(unbound());
  janus_rt_release({JANUS_RT_ERROR_KIND, 0});
  janus_rt_value e = janus_rt_ellipsis();
  CHECK(e.kind == JANUS_VALUE_ELLIPSIS);
  CHECK(take(e) == "Ellipsis");
}

TEST_CASE("exec: operators") {
  LeakCheck leaks;
  CHECK(take(janus_rt_binary(0, 0, integer(1), integer(2))) == "3");
  CHECK(take(janus_rt_binary(3, 0, integer(1), integer(4))) == "0.25");
  CHECK(take(janus_rt_binary(4, 0, integer(-7), integer(2))) == "-4");
  CHECK(take(janus_rt_binary(6, 0, integer(2), integer(-1))) == "0.5");
  janus_rt_value a = str("ab"), b = str("cd");
  CHECK(take(janus_rt_binary(0, 0, a, b)) == "'abcd'");
  CHECK(failed(janus_rt_binary(0, 0, a, integer(1))));
  CHECK(error() == "TypeError: can only concatenate str (not \"int\") to str");
  CHECK(failed(janus_rt_binary(3, 0, integer(1), integer(0))));
  CHECK(error() == "ZeroDivisionError: division by zero");
  CHECK(take(janus_rt_unary(0, integer(5))) == "-5");
  CHECK(take(janus_rt_unary(2, a)) == "False");
  CHECK(take(janus_rt_compare(2, integer(1), real(1.5))) == "True");
  CHECK(take(janus_rt_compare(0, a, b)) == "False");
  CHECK(failed(janus_rt_compare(2, a, integer(1))));
  CHECK(error() ==
        "TypeError: '<' not supported between instances of 'str' and 'int'");
  janus_rt_value sub = str("b");
  CHECK(take(janus_rt_compare(6, sub, a)) == "True"); // 'b' in 'ab'
  CHECK(take(janus_rt_compare(7, sub, b)) == "True"); // 'b' not in 'cd'
  CHECK(janus_rt_is(a, a) == 1);
  CHECK(janus_rt_is(a, b) == 0);
  CHECK(janus_rt_is(none(), none()) == 1);
  CHECK(janus_rt_truth(a) == 1);
  CHECK(janus_rt_truth(integer(0)) == 0);
  CHECK(janus_rt_truth(real(0.5)) == 1);
  janus_rt_value empty = janus_rt_make_list(nullptr, 0);
  CHECK(janus_rt_truth(empty) == 0);
  // x += y on a list extends it in place (the same list comes back).
  janus_rt_value items[] = {integer(1), integer(2)};
  janus_rt_value tuple = janus_rt_make_tuple(items, 2);
  janus_rt_value extended = janus_rt_binary(0, 1, empty, tuple);
  CHECK(janus_rt_is(extended, empty) == 1);
  CHECK(repr(empty) == "[1, 2]");
  // ...but x = x + y makes a new one.
  janus_rt_value sum = janus_rt_binary(0, 0, empty, empty);
  CHECK(janus_rt_is(sum, empty) == 0);
  CHECK(take(sum) == "[1, 2, 1, 2]");
  janus_rt_value repeated = janus_rt_binary(2, 1, empty, integer(2));
  CHECK(janus_rt_is(repeated, empty) == 1);
  CHECK(take(repeated) == "[1, 2, 1, 2]");
  CHECK(janus_rt_truth(real(-0.0)) == 0);
  CHECK(janus_rt_truth(real(std::nan(""))) == 1);
  for (janus_rt_value v : {a, b, sub, empty, tuple, extended})
    janus_rt_release(v);
}

TEST_CASE("exec: tensors: in-place augmented assignment, truth") {
  LeakCheck leaks;
  static janus_rt_site ones = site("torch.ones");
  janus_rt_value two = integer(2);
  janus_rt_value t = janus_rt_call_library(&ones, &two, 1);
  REQUIRE(!failed(t));
  janus_rt_value alias = t;
  janus_rt_retain(alias);
  janus_rt_value r = janus_rt_binary(0, 1, t, integer(1)); // t += 1
  CHECK(janus_rt_is(r, alias) == 1);
  CHECK(repr(alias) == "tensor([2., 2.])");
  janus_rt_value s = janus_rt_binary(2, 0, t, real(0.5)); // t * 0.5: new
  CHECK(janus_rt_is(s, t) == 0);
  CHECK(take(s) == "tensor([1., 1.])");
  CHECK(janus_rt_truth(t) == -1);
  CHECK(error() == "RuntimeError: Boolean value of Tensor with more than one "
                   "value is ambiguous");
  for (janus_rt_value v : {t, alias, r})
    janus_rt_release(v);
}

TEST_CASE("exec: containers and items") {
  LeakCheck leaks;
  janus_rt_value k = str("k");
  janus_rt_value pairs[] = {k, integer(1), integer(2), real(2.5)};
  janus_rt_value d = janus_rt_make_dict(pairs, 2);
  CHECK(repr(d) == "{'k': 1, 2: 2.5}");
  CHECK(take(janus_rt_get_item(d, k)) == "1");
  CHECK(failed(janus_rt_get_item(d, integer(7))));
  CHECK(error() == "KeyError: 7");
  CHECK(janus_rt_set_item(d, integer(7), none()) == 0);
  CHECK(janus_rt_del_item(d, k) == 0);
  CHECK(janus_rt_del_item(d, k) == -1);
  CHECK(error() == "KeyError: 'k'");
  CHECK(repr(d) == "{2: 2.5, 7: None}");
  janus_rt_value unhashable[] = {d, integer(1)};
  CHECK(failed(janus_rt_make_dict(unhashable, 1)));
  CHECK(error() == "TypeError: unhashable type: 'dict'");

  janus_rt_value items[] = {integer(1), integer(2), integer(3)};
  janus_rt_value list = janus_rt_make_list(items, 3);
  CHECK(janus_rt_list_append(list, k) == 0);
  CHECK(repr(list) == "[1, 2, 3, 'k']");
  CHECK(failed(janus_rt_get_item(list, integer(4))));
  CHECK(error() == "IndexError: list index out of range");
  CHECK(janus_rt_set_item(list, integer(-1), none()) == 0);
  CHECK(take(janus_rt_get_item(list, integer(-1))) == "None");
  janus_rt_value tuple = janus_rt_make_tuple(items, 3);
  CHECK(janus_rt_set_item(tuple, integer(0), none()) == -1);
  CHECK(error() ==
        "TypeError: 'tuple' object does not support item assignment");
  CHECK(janus_rt_list_append(tuple, none()) == -1);
  CHECK(error() == "AttributeError: 'tuple' object has no attribute 'append'");
  for (janus_rt_value v : {k, d, list, tuple})
    janus_rt_release(v);
}

TEST_CASE("exec: slices") {
  LeakCheck leaks;
  janus_rt_value items[] = {integer(1), integer(2), integer(3), integer(4)};
  janus_rt_value list = janus_rt_make_list(items, 4);
  janus_rt_value tuple = janus_rt_make_tuple(items, 4);
  janus_rt_value text = str("h\xc3\xa9llo"); // 'héllo'
  janus_rt_value reversed = janus_rt_make_slice(none(), none(), integer(-1));
  CHECK(repr(reversed) == "slice(None, None, -1)");
  janus_rt_value tail = janus_rt_make_slice(integer(1), none(), none());
  janus_rt_value head = janus_rt_make_slice(none(), integer(-2), none());
  CHECK(take(janus_rt_get_item(list, reversed)) == "[4, 3, 2, 1]");
  CHECK(take(janus_rt_get_item(tuple, head)) == "(1, 2)");
  CHECK(take(janus_rt_get_item(text, tail)) == "'\xc3\xa9llo'");
  CHECK(take(janus_rt_get_item(text, reversed)) == "'oll\xc3\xa9h'");
  // list[1:] = (9,); del list[::-1]
  janus_rt_value nine[] = {integer(9)};
  janus_rt_value replacement = janus_rt_make_tuple(nine, 1);
  CHECK(janus_rt_set_item(list, tail, replacement) == 0);
  CHECK(repr(list) == "[1, 9]");
  CHECK(janus_rt_set_item(list, tail, integer(5)) == -1);
  CHECK(error() == "TypeError: can only assign an iterable");
  CHECK(janus_rt_del_item(list, reversed) == 0);
  CHECK(repr(list) == "[]");
  janus_rt_value zero = janus_rt_make_slice(none(), none(), integer(0));
  CHECK(failed(janus_rt_get_item(tuple, zero)));
  CHECK(error() == "ValueError: slice step cannot be zero");
  janus_rt_value bad = janus_rt_make_slice(text, none(), none());
  CHECK(failed(janus_rt_get_item(tuple, bad)));
  CHECK(error() == "TypeError: slice indices must be integers or None or "
                   "have an __index__ method");
  janus_rt_value sliceKey[] = {zero, none()};
  CHECK(failed(janus_rt_make_dict(sliceKey, 1)));
  CHECK(error() == "TypeError: unhashable type: 'slice'");

  // Tensors: t[..., 1:] and t[::2].
  static janus_rt_site arange = site("torch.arange");
  static janus_rt_site view = site("view");
  janus_rt_value six = integer(6);
  janus_rt_value flat = janus_rt_call_library(&arange, &six, 1);
  janus_rt_value shape[] = {integer(2), integer(3)};
  janus_rt_value t = janus_rt_call_method(&view, flat, shape, 2);
  janus_rt_value e = janus_rt_ellipsis();
  janus_rt_value key[] = {e, tail};
  janus_rt_value index = janus_rt_make_tuple(key, 2);
  CHECK(take(janus_rt_get_item(t, index)) ==
        "tensor([[1, 2],\n        [4, 5]])");
  janus_rt_value every2 = janus_rt_make_slice(none(), none(), integer(2));
  CHECK(take(janus_rt_get_item(flat, every2)) == "tensor([0, 2, 4])");
  CHECK(failed(janus_rt_get_item(flat, reversed)));
  CHECK(error() == "ValueError: step must be greater than zero");
  for (janus_rt_value v : {list, tuple, text, reversed, tail, head, replacement,
                           zero, bad, flat, t, e, index, every2})
    janus_rt_release(v);
}

TEST_CASE("exec: unpacking") {
  LeakCheck leaks;
  janus_rt_value items[] = {integer(1), integer(2)};
  janus_rt_value pair = janus_rt_make_tuple(items, 2);
  janus_rt_value out[3] = {};
  CHECK(janus_rt_unpack(pair, out, 2) == 0);
  CHECK(repr(out[0]) == "1");
  CHECK(repr(out[1]) == "2");
  CHECK(janus_rt_unpack(pair, out, 3) == -1);
  CHECK(error() ==
        "ValueError: not enough values to unpack (expected 3, got 2)");
  CHECK(janus_rt_unpack(pair, out, 1) == -1);
  CHECK(error() == "ValueError: too many values to unpack (expected 1)");
  CHECK(janus_rt_unpack(integer(1), out, 2) == -1);
  CHECK(error() == "TypeError: cannot unpack non-iterable int object");
  // Any iterable: a str, a dict's items.
  janus_rt_value ab = str("ab");
  CHECK(janus_rt_unpack(ab, out, 2) == 0);
  CHECK(take(out[0]) == "'a'");
  CHECK(take(out[1]) == "'b'");
  CHECK(janus_rt_unpack(ab, out, 3) == -1);
  CHECK(error() ==
        "ValueError: not enough values to unpack (expected 3, got 2)");
  CHECK(janus_rt_unpack(ab, out, 1) == -1);
  CHECK(error() == "ValueError: too many values to unpack (expected 1)");
  janus_rt_release(ab);
  janus_rt_release(pair);
}

TEST_CASE("exec: iteration") {
  LeakCheck leaks;
  static janus_rt_site range = site("range");
  janus_rt_value three = integer(3);
  janus_rt_value r = janus_rt_call_library(&range, &three, 1);
  janus_rt_value it = janus_rt_get_iter(r);
  janus_rt_value item;
  std::string seen;
  while (janus_rt_iter_next(it, &item) == 1)
    seen += take(item);
  CHECK(seen == "012");
  CHECK(item.kind == JANUS_VALUE_NONE);
  CHECK(janus_rt_iter_next(it, &item) == 0); // stays exhausted
  janus_rt_value k = str("k");
  janus_rt_value pairs[] = {k, integer(1)};
  janus_rt_value d = janus_rt_make_dict(pairs, 1);
  janus_rt_value dit = janus_rt_get_iter(d);
  CHECK(janus_rt_iter_next(dit, &item) == 1);
  CHECK(take(item) == "'k'");
  CHECK(failed(janus_rt_get_iter(integer(1))));
  CHECK(error() == "TypeError: 'int' object is not iterable");
  for (janus_rt_value v : {r, it, k, d, dit})
    janus_rt_release(v);
}

TEST_CASE("exec: slots and cells") {
  LeakCheck leaks;
  janus_rt_value global = unbound();
  CHECK(failed(janus_rt_load_slot(&global, "x", 1, 0)));
  CHECK(error() == "NameError: name 'x' is not defined");
  CHECK(janus_rt_del_slot(&global, "x", 1, 0) == -1);
  CHECK(error() == "NameError: name 'x' is not defined");
  janus_rt_value local = unbound();
  CHECK(failed(janus_rt_load_slot(&local, "y", 0, 0)));
  CHECK(error() == "UnboundLocalError: cannot access local variable 'y' where "
                   "it is not associated with a value");
  CHECK(janus_rt_del_slot(&local, "y", 0, 0) == -1);
  CHECK(error() == "UnboundLocalError: cannot access local variable 'y' where "
                   "it is not associated with a value");
  janus_rt_value s = str("v");
  janus_rt_store_slot(&local, s, 0);
  janus_rt_store_slot(&local, s, 0); // replaces (and releases) the old one
  janus_rt_release(s);
  CHECK(take(janus_rt_load_slot(&local, "y", 0, 0)) == "'v'");
  CHECK(janus_rt_del_slot(&local, "y", 0, 0) == 0);
  CHECK(local.kind == JANUS_RT_UNBOUND_KIND);

  // A captured local: the slot holds a cell, reads and writes go through.
  janus_rt_value cellSlot = unbound();
  janus_rt_value cell = janus_rt_cell_new();
  janus_rt_store_slot(&cellSlot, cell, 0);
  janus_rt_release(cell);
  CHECK(failed(janus_rt_load_slot(&cellSlot, "n", 0, 1)));
  CHECK(error() == "UnboundLocalError: cannot access local variable 'n' where "
                   "it is not associated with a value");
  CHECK(failed(janus_rt_load_slot(&cellSlot, "n", 0, 2))); // in a lambda
  CHECK(error() == "NameError: cannot access free variable 'n' where it is not "
                   "associated with a value in enclosing scope");
  janus_rt_store_slot(&cellSlot, integer(5), 1);
  CHECK(take(janus_rt_load_slot(&cellSlot, "n", 0, 1)) == "5");
  CHECK(janus_rt_del_slot(&cellSlot, "n", 0, 1) == 0);
  CHECK(janus_rt_del_slot(&cellSlot, "n", 0, 1) == -1);
  CHECK(error() == "UnboundLocalError: cannot access local variable 'n' where "
                   "it is not associated with a value");
  janus_rt_release(cellSlot);
}

TEST_CASE("exec: f-strings, assert, with") {
  LeakCheck leaks;
  janus_rt_value pi = janus_rt_format(real(3.14159), 0, ".2f", 3);
  CHECK(repr(pi) == "'3.14'");
  janus_rt_value s = str("a\xc3\xa9");
  janus_rt_value r = janus_rt_format(s, 'r', "", 0);
  CHECK(repr(r) == "\"'a\xc3\xa9'\"");
  janus_rt_value a = janus_rt_format(s, 'a', ">8", 2);
  CHECK(repr(a) == "\" 'a\\\\xe9'\""); // ascii('aé') is 7 wide
  CHECK(failed(janus_rt_format(s, 0, "d", 1)));
  CHECK(error() ==
        "ValueError: Unknown format code 'd' for object of type 'str'");
  janus_rt_value parts[] = {pi, r};
  CHECK(take(janus_rt_join_strings(parts, 2)) == "\"3.14'a\xc3\xa9'\"");
  janus_rt_value badParts[] = {pi, integer(1)};
  CHECK(failed(janus_rt_join_strings(badParts, 2)));
  CHECK(error() == "TypeError: sequence item 1: expected str instance, int "
                   "found");

  janus_rt_assert_fail(unbound());
  CHECK(janus_rt_error_pending() == 1);
  CHECK(error() == "AssertionError: ");
  janus_rt_assert_fail(integer(5));
  CHECK(error() == "AssertionError: 5");

  // with torch.no_grad(): grad mode off inside, back on after __exit__.
  static janus_rt_site noGrad = site("torch.no_grad");
  janus_rt_value ctx = janus_rt_call_library(&noGrad, nullptr, 0);
  CHECK(janus_is_grad_enabled());
  janus_rt_value entered = janus_rt_enter(ctx);
  CHECK(entered.kind == JANUS_VALUE_NONE);
  CHECK(!janus_is_grad_enabled());
  CHECK(janus_rt_exit(ctx) == 0);
  CHECK(janus_is_grad_enabled());
  CHECK(failed(janus_rt_enter(integer(1))));
  CHECK(error() ==
        "TypeError: 'int' object does not support the context manager "
        "protocol");
  // An entry point restores the grad mode even when the body failed
  // inside the `with`.
  void *token = janus_rt_entry_begin();
  janus_rt_release(janus_rt_enter(ctx));
  CHECK(!janus_is_grad_enabled());
  janus_rt_entry_end(token);
  CHECK(janus_is_grad_enabled());
  for (janus_rt_value v : {pi, s, r, a, ctx})
    janus_rt_release(v);
}

TEST_CASE("exec: errors, tracebacks, statuses and handles") {
  LeakCheck leaks;
  CHECK(janus_rt_format_error() == nullptr);
  CHECK(janus_rt_take_status() == nullptr);
  janus_rt_traceback_add(nullptr); // nothing pending: ignored

  CHECK(failed(janus_rt_binary(4, 0, integer(1), integer(0))));
  CHECK(janus_rt_error_pending() == 1);
  static const janus_rt_location inner = {"m.py", "g", 3, 12};
  static const janus_rt_location outer = {"m.py", "<module>", 7, 1};
  janus_rt_traceback_add(&inner);
  janus_rt_traceback_add(&outer);
  char *text = janus_rt_format_error();
  REQUIRE(text);
  CHECK(std::string(text) ==
        "m.py:3:12: error: ZeroDivisionError: integer division or modulo by "
        "zero\n"
        "  m.py:3:12: in g\n"
        "  m.py:7:1: in <module>\n");
  janus_string_free(text);
  CHECK(janus_rt_error_pending() == 0);

  // No location: just the error.
  janus_rt_assert_fail(unbound());
  text = janus_rt_format_error();
  CHECK(std::string(text) == "error: AssertionError\n");
  janus_string_free(text);

  janus_rt_value slot = unbound();
  CHECK(failed(janus_rt_load_slot(&slot, "x", 1, 0)));
  janus_status_t status = janus_rt_take_status();
  CHECK(janus_status_code(status) == JANUS_STATUS_NAME_ERROR);
  CHECK(std::string(janus_status_type_name(status)) == "NameError");
  janus_status_free(status);

  // A new entry drops a stale exception.
  janus_rt_assert_fail(unbound());
  void *token = janus_rt_entry_begin();
  CHECK(janus_rt_error_pending() == 0);
  janus_rt_entry_end(token);

  // Handles: a new handle, and back.
  janus_rt_value s = str("x");
  janus_value_t h = janus_rt_to_handle(s);
  CHECK(janus_value_kind(h) == JANUS_VALUE_STR);
  janus_rt_value back = janus_rt_from_handle(h);
  CHECK(janus_rt_is(back, s) == 1);
  janus_value_release(h);
  janus_rt_release(back);
  janus_rt_release(s);
  janus_value_t i = janus_rt_to_handle(integer(4));
  int64_t value = 0;
  CHECK(janus_value_as_int(i, &value) == nullptr);
  CHECK(value == 4);
  janus_value_release(i);
  CHECK(failed(janus_rt_from_handle(nullptr)));
  CHECK(error() == "InvalidArgument: a NULL janus_value_t");
}
