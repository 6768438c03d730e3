//===- Ops.h - Python semantics of the subset on boxed values -------------===//
//
// What the accurate path does for each dyn op: build values, test truth,
// do arithmetic and comparisons with CPython 3.11's rules (int/float
// mixing, floor division and modulo that follow the divisor's sign, `**`
// with a negative int exponent giving a float, exact int/float comparison,
// lexicographic sequence comparison), hash, len, `in`, items, attributes,
// calls, and repr()/str() byte for byte as CPython prints them.
//
// Every fallible operation returns a Status with CPython's exception type
// and message; int results that do not fit 64 bits are an OverflowError
// (Janus ints are int64; CPython's are unbounded). Results are returned
// through `out` parameters, which are only written on success. None of
// these functions is synchronised: values that are being mutated must not
// be shared between threads.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_VALUE_OPS_H
#define JANUS_RUNTIME_VALUE_OPS_H

#include "Value/Objects.h"

#include <string>
#include <string_view>
#include <vector>

namespace janus::rt {

//===----------------------------------------------------------------------===//
// Construction (Value.cpp)
//===----------------------------------------------------------------------===//

Value makeStr(std::string_view text);
Value makeTuple(std::vector<Value> items);
Value makeList(std::vector<Value> items = {});
Value makeDict();
/// range(start, stop, step); step 0 is a ValueError.
Status makeRange(int64_t start, int64_t stop, int64_t step, Value &out);
/// A built-in callable named `name`. `destroyUserData` (may be null) is
/// called with `userData` when the function dies.
Value makeFunction(std::string_view name, NativeFunction fn,
                   void *userData = nullptr,
                   void (*destroyUserData)(void *) = nullptr);
/// slice(start, stop, step); each part may be None.
Value makeSlice(Value start, Value stop, Value step);
/// A user class; `base` is None or a class.
Value makeClass(std::string_view name, Value base = Value());
/// A new instance of `cls` (a class) with no attributes; __init__ is the
/// caller's business.
Value makeInstance(const Value &cls);

/// type(v).__name__: "int", "list", "NoneType", a class's own name, ...
/// The pointer lives as long as `v`.
const char *typeName(const Value &v);

/// bool(v). Fails only for tensors with more than one element.
Status truth(const Value &v, bool &out);

//===----------------------------------------------------------------------===//
// Arithmetic (Arith.cpp)
//===----------------------------------------------------------------------===//

/// The values match janus_binary_op_t.
enum class PyBinaryOp {
  Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, MatMul,
  LShift, RShift, And, Or, Xor,
};
/// "+", "//", "**", ... as CPython names the operator in messages.
const char *binaryOpSymbol(PyBinaryOp op);
Status binaryOp(PyBinaryOp op, const Value &a, const Value &b, Value &out);
/// format % args for a str `format`: printf-style formatting with CPython
/// 3.11's rules and messages (PercentFormat.cpp).
Status percentFormat(const Value &format, const Value &args, Value &out);

/// The values match janus_unary_op_t.
enum class PyUnaryOp { Neg, Pos, Invert, Not };
Status unaryOp(PyUnaryOp op, const Value &a, Value &out);

//===----------------------------------------------------------------------===//
// Comparison, hashing, containment (Compare.cpp, Dict.cpp)
//===----------------------------------------------------------------------===//

/// The values match janus_compare_op_t.
enum class PyCompareOp { Eq, Ne, Lt, Le, Gt, Ge };
/// a <op> b as a Value (a bool for everything but tensors).
Status compare(PyCompareOp op, const Value &a, const Value &b, Value &out);
/// a <op> b, which must be a truth value.
Status compareBool(PyCompareOp op, const Value &a, const Value &b, bool &out);
/// a == b as dict keys and `in` see it: identity first, then value
/// equality; never fails.
bool equals(const Value &a, const Value &b);
/// hash(v): CPython's numeric hash (so 1, 1.0 and True hash alike);
/// unhashable list/dict is a TypeError.
Status hashValue(const Value &v, int64_t &out);
/// item in container.
Status contains(const Value &container, const Value &item, bool &out);

//===----------------------------------------------------------------------===//
// Operator methods of user classes (SpecialMethods.cpp)
//===----------------------------------------------------------------------===//
// Each sets `handled` when a special method of an operand's class ran (its
// result, or its error, is the operator's); otherwise the caller applies
// the built-in rules. binaryOp, unaryOp and compare call these first.

/// a <op> b (a <op>= b when `inplace`: __iadd__ first) through __add__,
/// __radd__, ...
Status userBinaryOp(PyBinaryOp op, bool inplace, const Value &a, const Value &b,
                    Value &out, bool &handled);
/// -a, +a, ~a through __neg__, __pos__, __invert__.
Status userUnaryOp(PyUnaryOp op, const Value &a, Value &out, bool &handled);
/// a <op> b through __eq__, __lt__, ... and their reflections.
Status userCompare(PyCompareOp op, const Value &a, const Value &b, Value &out,
                   bool &handled);

//===----------------------------------------------------------------------===//
// Items and length (Items.cpp)
//===----------------------------------------------------------------------===//

Status length(const Value &v, int64_t &out);
Status getItem(const Value &container, const Value &key, Value &out);
Status setItem(const Value &container, const Value &key, Value value);
Status delItem(const Value &container, const Value &key);
/// list.append(item); `list` must be a list.
Status listAppend(const Value &list, Value item);

//===----------------------------------------------------------------------===//
// Attributes and calls (Instance.cpp)
//===----------------------------------------------------------------------===//

/// obj.name: an instance attribute, else a class attribute (functions
/// bound to the instance).
Status getAttr(const Value &obj, std::string_view name, Value &out);
/// obj.name = value on an instance, or a class attribute on a class.
Status setAttr(const Value &obj, std::string_view name, Value value);
/// fn(*args) for a built-in function or bound method.
Status call(const Value &fn, const Value *args, size_t nargs, Value &out);
/// `self` followed by args[0..nargs): the argument list of a method call
/// (bound methods, __init__, __call__).
std::vector<Value> prependSelf(const Value &self, const Value *args,
                               size_t nargs);

//===----------------------------------------------------------------------===//
// Iteration (Iter.cpp)
//===----------------------------------------------------------------------===//
// What a for-loop does: it = iter(x), then iterNext(it) until `done`.

/// iter(x): an iterator over a list, tuple, str (code points), range,
/// dict (keys) or dict view; an iterator is its own. Else "'int' object is not iterable".
Status getIter(const Value &iterable, Value &out);
/// next(it): sets `item`, or sets `done` when the iterator is exhausted.
/// `it` must be an iterator (getIter's result).
Status iterNext(const Value &it, Value &item, bool &done);
/// reversed(x) for a list, tuple, str, range, dict or dict view; else "'int' object is
/// not reversible".
Status makeReversed(const Value &sequence, Value &out);
/// enumerate(iterable, start).
Status makeEnumerate(const Value &iterable, int64_t start, Value &out);
/// zip(*iterables, strict=strict).
Status makeZip(const std::vector<Value> &iterables, bool strict, Value &out);
/// d.keys() (part Keys), d.values(), d.items(): a live view of `dict`.
Value makeDictView(const Value &dict, DictViewObject::Part part);
/// list(iterable)'s items, with no copy of the source beyond `out`.
Status collectItems(const Value &iterable, std::vector<Value> &out);

//===----------------------------------------------------------------------===//
// Text (Repr.cpp)
//===----------------------------------------------------------------------===//

/// repr(v) and str(v). An error of a user class's __repr__/__str__ is
/// not reported here (the text is then incomplete): callers whose result
/// the program sees use the checked forms.
std::string repr(const Value &v);
std::string str(const Value &v);
/// repr(v)/str(v), failing with the error of a user __repr__/__str__.
Status reprChecked(const Value &v, std::string &out);
Status strChecked(const Value &v, std::string &out);

} // namespace janus::rt

#endif // JANUS_RUNTIME_VALUE_OPS_H
