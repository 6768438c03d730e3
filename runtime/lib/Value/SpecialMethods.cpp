//===- SpecialMethods.cpp - Operator methods of user classes -------------===//
//
// Binary, augmented, unary and comparison operators on instances of user
// classes, dispatched to the class's special methods (looked up on the
// class, as CPython looks them up on the type) in CPython 3.11's order:
//
//  * a + b: a's __add__, else b's __radd__ (only when b's class differs
//    from a's); b's __radd__ goes first when b's class is a proper
//    subclass of a's that defines its own. a += b: a's __iadd__, else the
//    binary operator.
//  * a < b: a's __lt__, else b's reflected __gt__ (== and != reflect to
//    themselves), also when both have the same class; b's goes first when
//    b's class is a proper subclass of a's. A class with __eq__ but no
//    __ne__ answers != with `not a.__eq__(b)`, as object.__ne__ does.
//  * -a, +a: __neg__, __pos__.
//
// The subset has no NotImplemented, so the first method found decides: its
// result is the operator's result. When no method applies, the caller goes
// on with the built-in rules, which give CPython's errors ("unsupported
// operand type(s) for +: 'V' and 'int'", "'<' not supported between
// instances of 'V' and 'V'") and identity for ==/!=.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

namespace janus::rt {

namespace {

const ClassObject *classOf(const Value &v) {
  return v.kind() == Kind::Instance ? v.as<InstanceObject>()->classObject()
                                    : nullptr;
}

const Value *lookupSpecial(const Value &v, const char *name) {
  const ClassObject *cls = classOf(v);
  return cls ? cls->lookup(name) : nullptr;
}

/// Whether `sub` is a class derived (directly or not) from `base`, and not
/// `base` itself.
bool isProperSubclass(const ClassObject *sub, const ClassObject *base) {
  if (!sub || !base || sub == base)
    return false;
  for (const Value *c = &sub->base; c->kind() == Kind::Class;
       c = &c->as<ClassObject>()->base)
    if (c->as<ClassObject>() == base)
      return true;
  return false;
}

/// Whether b's reflected method `reflected` must be tried before a's: b's
/// class is a proper subclass of a's and overrides it (CPython's rule).
bool reflectedFirst(const Value &a, const Value &b, const char *reflected) {
  const ClassObject *ca = classOf(a), *cb = classOf(b);
  if (!isProperSubclass(cb, ca))
    return false;
  const Value *mb = cb->lookup(reflected);
  const Value *ma = ca->lookup(reflected);
  return mb && !(ma && ma->is(*mb));
}

Status callMethod(const Value &method, const Value &self, const Value &arg,
                  Value &out) {
  Value args[] = {self, arg};
  return call(method, args, 2, out);
}

const char *const kBinaryNames[][3] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

const char *const kCompareNames[] = {"__eq__", "__ne__", "__lt__",
                                     "__le__", "__gt__", "__ge__"};

/// The operator a <op> b becomes when its operands are swapped.
PyCompareOp swapped(PyCompareOp op) {
  switch (op) {
  case PyCompareOp::Lt:
    return PyCompareOp::Gt;
  case PyCompareOp::Le:
    return PyCompareOp::Ge;
  case PyCompareOp::Gt:
    return PyCompareOp::Lt;
  case PyCompareOp::Ge:
    return PyCompareOp::Le;
  default:
    return op;
  }
}

/// self <op> other through self's class alone; `handled` is false when the
/// class has no method for it. `!=` falls back to negating __eq__.
Status compareOneSide(PyCompareOp op, const Value &self, const Value &other,
                      Value &out, bool &handled) {
  handled = false;
  if (const Value *method =
          lookupSpecial(self, kCompareNames[static_cast<int>(op)])) {
    handled = true;
    return callMethod(*method, self, other, out);
  }
  if (op == PyCompareOp::Ne)
    if (const Value *eq = lookupSpecial(self, "__eq__")) {
      handled = true;
      Value result;
      JANUS_RETURN_IF_ERROR(callMethod(*eq, self, other, result));
      bool t;
      JANUS_RETURN_IF_ERROR(truth(result, t));
      out = Value::fromBool(!t);
    }
  return okStatus();
}

} // namespace

Status userBinaryOp(PyBinaryOp op, bool inplace, const Value &a, const Value &b,
                    Value &out, bool &handled) {
  handled = false;
  const char *const *names = kBinaryNames[static_cast<int>(op)];
  if (inplace)
    if (const Value *method = lookupSpecial(a, names[2])) {
      handled = true;
      return callMethod(*method, a, b, out);
    }
  bool differentClasses = classOf(a) != classOf(b);
  const Value *forward = lookupSpecial(a, names[0]);
  const Value *reflected =
      differentClasses ? lookupSpecial(b, names[1]) : nullptr;
  if (reflected && (!forward || reflectedFirst(a, b, names[1]))) {
    handled = true;
    return callMethod(*reflected, b, a, out);
  }
  if (forward) {
    handled = true;
    return callMethod(*forward, a, b, out);
  }
  return okStatus();
}

Status userUnaryOp(PyUnaryOp op, const Value &a, Value &out, bool &handled) {
  handled = false;
  const char *name = op == PyUnaryOp::Neg      ? "__neg__"
                     : op == PyUnaryOp::Pos    ? "__pos__"
                     : op == PyUnaryOp::Invert ? "__invert__"
                                               : nullptr;
  const Value *method = name ? lookupSpecial(a, name) : nullptr;
  if (!method)
    return okStatus();
  handled = true;
  return call(*method, &a, 1, out);
}

Status userCompare(PyCompareOp op, const Value &a, const Value &b, Value &out,
                   bool &handled) {
  handled = false;
  PyCompareOp reflectedOp = swapped(op);
  // Unlike the arithmetic operators, comparisons try the reflected method
  // even when both operands have the same class (a > b runs b.__lt__(a)
  // when the class has only __lt__); a proper subclass's goes first.
  bool subclassFirst = isProperSubclass(classOf(b), classOf(a));
  if (subclassFirst) {
    JANUS_RETURN_IF_ERROR(compareOneSide(reflectedOp, b, a, out, handled));
    if (handled)
      return okStatus();
  }
  JANUS_RETURN_IF_ERROR(compareOneSide(op, a, b, out, handled));
  if (handled || subclassFirst)
    return okStatus();
  return compareOneSide(reflectedOp, b, a, out, handled);
}

} // namespace janus::rt
