//===- Compare.cpp - ==, <, ... and `in` with Python's rules
//---------------===//
//
// Rich comparison for the subset: numbers compare exactly across int, bool
// and float (2**53 + 1 > 2.0**53 is True, as in CPython, which never rounds
// the int), strs compare by code point (byte order of UTF-8 is code point
// order), lists and tuples compare lexicographically after the first pair
// of unequal items, dicts and ranges support only ==/!=, and values of
// unrelated types are unequal and unordered ("'<' not supported between
// instances of 'list' and 'tuple'"). Element comparison inside containers
// checks identity first, like CPython's PyObject_RichCompare callers, so a
// NaN stored in a list equals itself there. `x in obj` on a user-class
// instance follows CPython: the class's __contains__, else iteration
// (__iter__), else __getitem__ with 0, 1, ... until IndexError. A
// comparison with an instance first tries its class's __eq__, __lt__, ...
// (SpecialMethods.cpp); without one, == and != are identity. List and
// tuple ==, ordering and `in`, and dict == on values, compare their items
// with those methods too (dict keys need no __eq__: an instance of a class
// defining __eq__ is unhashable; dict views still use `equals`).
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Dispatch/TorchOps.h"

#include <cmath>
#include <cstring>

namespace janus::rt {

namespace {

constexpr int kUnordered = 2;

/// Three-way comparison of an int with a double, exactly; kUnordered for
/// NaN.
int compareIntDouble(int64_t i, double d) {
  if (std::isnan(d))
    return kUnordered;
  if (d >= 0x1p63)
    return -1;
  if (d < -0x1p63)
    return 1;
  // d is in int64 range: compare integral parts, then the fraction.
  double whole = std::trunc(d);
  int64_t w = static_cast<int64_t>(whole);
  if (i != w)
    return i < w ? -1 : 1;
  double frac = d - whole;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

/// Three-way comparison of two numbers; kUnordered when a NaN is involved.
int compareNumbers(const Value &a, const Value &b) {
  if (a.isIntLike() && b.isIntLike())
    return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
  if (a.isIntLike())
    return compareIntDouble(a.asInt(), b.asFloat());
  if (b.isIntLike()) {
    int c = compareIntDouble(b.asInt(), a.asFloat());
    return c == kUnordered ? c : -c;
  }
  double x = a.asFloat(), y = b.asFloat();
  if (std::isnan(x) || std::isnan(y))
    return kUnordered;
  return x < y ? -1 : x > y ? 1 : 0;
}

bool fromThreeWay(PyCompareOp op, int c) {
  if (c == kUnordered)
    return op == PyCompareOp::Ne;
  switch (op) {
  case PyCompareOp::Eq:
    return c == 0;
  case PyCompareOp::Ne:
    return c != 0;
  case PyCompareOp::Lt:
    return c < 0;
  case PyCompareOp::Le:
    return c <= 0;
  case PyCompareOp::Gt:
    return c > 0;
  case PyCompareOp::Ge:
    return c >= 0;
  }
  return false;
}

const char *opSymbol(PyCompareOp op) {
  static const char *const symbols[] = {"==", "!=", "<", "<=", ">", ">="};
  return symbols[static_cast<int>(op)];
}

/// Whether a comparison may reach a user class's __eq__, __lt__, ...: an
/// operand is an instance (also against a tensor, whose comparison methods
/// decline other objects in PyTorch).
bool isUserComparison(const Value &a, const Value &b) {
  return a.kind() == Kind::Instance || b.kind() == Kind::Instance;
}

bool sequenceItems(const Value &v, const std::vector<Value> *&items) {
  if (v.kind() == Kind::List)
    items = &v.as<ListObject>()->items;
  else if (v.kind() == Kind::Tuple)
    items = &v.as<TupleObject>()->items;
  else
    return false;
  return true;
}

bool rangesEqual(const RangeObject *a, const RangeObject *b) {
  int64_t len = a->length();
  if (len != b->length())
    return false;
  if (len == 0)
    return true;
  if (a->start != b->start)
    return false;
  return len == 1 || a->step == b->step;
}

bool dictsEqual(const DictObject *a, const DictObject *b) {
  if (a->size() != b->size())
    return false;
  for (const auto &e : a->entries()) {
    if (!e.live)
      continue;
    const Value *other = nullptr;
    if (!b->find(e.key, other).ok() || !other || !equals(e.value, *other))
      return false;
  }
  return true;
}

/// keys and items views compare as sets (CPython's dictview_richcompare);
/// values views only by identity.
bool dictViewsEqual(const DictViewObject *a, const DictViewObject *b) {
  using Part = DictViewObject::Part;
  if (a->part != b->part || a->part == Part::Values)
    return false;
  const DictObject *x = a->dictObject(), *y = b->dictObject();
  if (x->size() != y->size())
    return false;
  for (const auto &e : x->entries()) {
    if (!e.live)
      continue;
    const Value *other = nullptr;
    if (!y->find(e.key, other).ok() || !other)
      return false;
    if (a->part == Part::Items && !equals(e.value, *other))
      return false;
  }
  return true;
}

} // namespace

bool equals(const Value &a, const Value &b) {
  if (a.is(b) && !(a.isFloat() && std::isnan(a.asFloat())))
    return true;
  if (a.isNumber() && b.isNumber())
    return compareNumbers(a, b) == 0;
  if (a.kind() != b.kind())
    return false;
  switch (a.kind()) {
  case Kind::None:
    return true;
  case Kind::Str:
    return a.as<StrObject>()->text == b.as<StrObject>()->text;
  case Kind::Tuple:
  case Kind::List: {
    const std::vector<Value> *x = nullptr, *y = nullptr;
    sequenceItems(a, x);
    sequenceItems(b, y);
    if (x->size() != y->size())
      return false;
    for (size_t i = 0; i < x->size(); ++i)
      if (!(*x)[i].is((*y)[i]) && !equals((*x)[i], (*y)[i]))
        return false;
    return true;
  }
  case Kind::Dict:
    return dictsEqual(a.as<DictObject>(), b.as<DictObject>());
  case Kind::Range:
    return rangesEqual(a.as<RangeObject>(), b.as<RangeObject>());
  case Kind::BoundMethod: {
    const auto *x = a.as<BoundMethodObject>(), *y = b.as<BoundMethodObject>();
    return x->self.is(y->self) && x->function.is(y->function);
  }
  case Kind::DictView:
    return dictViewsEqual(a.as<DictViewObject>(), b.as<DictViewObject>());
  case Kind::Slice: {
    const auto *x = a.as<SliceObject>(), *y = b.as<SliceObject>();
    return equals(x->start, y->start) && equals(x->stop, y->stop) &&
           equals(x->step, y->step);
  }
  default:
    return false; // identity was checked above
  }
}

namespace {

/// Whether a == b may run a user class's __eq__: an operand is an instance,
/// or both are containers (list, tuple, dict) whose items may be.
bool mayCallUserEq(const Value &a, const Value &b) {
  if (isUserComparison(a, b))
    return true;
  if (a.kind() != b.kind())
    return false;
  return a.kind() == Kind::List || a.kind() == Kind::Tuple ||
         a.kind() == Kind::Dict;
}

/// a == b for an item of a list, tuple or dict (or `in`): identity first,
/// then a user class's __eq__, which may fail (hence not `equals`), also
/// inside nested containers.
Status itemEqual(const Value &a, const Value &b, bool &out) {
  if (a.is(b)) {
    out = true;
    return okStatus();
  }
  if (mayCallUserEq(a, b))
    return compareBool(PyCompareOp::Eq, a, b, out);
  out = equals(a, b);
  return okStatus();
}

/// Dict == dict as CPython's dict_equal: equal sizes, and every key of a is
/// in b with an equal value, values compared with itemEqual (so user __eq__
/// methods run). A's entries are copied first and b's value before the
/// comparison, because an __eq__ may mutate either dict while it runs.
Status dictsEqualRich(const DictObject *a, const DictObject *b, bool &out) {
  out = a->size() == b->size();
  if (!out)
    return okStatus();
  std::vector<std::pair<Value, Value>> items;
  for (const auto &e : a->entries())
    if (e.live)
      items.emplace_back(e.key, e.value);
  for (const auto &[key, value] : items) {
    const Value *found = nullptr;
    JANUS_RETURN_IF_ERROR(b->find(key, found));
    if (!found) {
      out = false;
      return okStatus();
    }
    Value other = *found;
    JANUS_RETURN_IF_ERROR(itemEqual(value, other, out));
    if (!out)
      return okStatus();
  }
  return okStatus();
}

} // namespace

Status compareBool(PyCompareOp op, const Value &a, const Value &b, bool &out) {
  if (isUserComparison(a, b)) {
    Value result;
    bool handled;
    JANUS_RETURN_IF_ERROR(userCompare(op, a, b, result, handled));
    if (handled)
      return truth(result, out);
  }
  if (a.kind() == Kind::Tensor || b.kind() == Kind::Tensor) {
    // The elementwise result's truth (one element, else ambiguous).
    Value t;
    JANUS_RETURN_IF_ERROR(tensorCompare(op, a, b, t));
    return truth(t, out);
  }
  if (a.isNumber() && b.isNumber()) {
    out = fromThreeWay(op, compareNumbers(a, b));
    return okStatus();
  }
  const std::vector<Value> *x = nullptr, *y = nullptr;
  bool sameSequences =
      a.kind() == b.kind() && sequenceItems(a, x) && sequenceItems(b, y);
  if (op == PyCompareOp::Eq || op == PyCompareOp::Ne) {
    bool eq = true;
    if (sameSequences) {
      // Item by item, so that user __eq__ methods run (and may fail).
      eq = x->size() == y->size();
      for (size_t i = 0; eq && i < x->size(); ++i)
        JANUS_RETURN_IF_ERROR(itemEqual((*x)[i], (*y)[i], eq));
    } else if (a.kind() == Kind::Dict && b.kind() == Kind::Dict) {
      JANUS_RETURN_IF_ERROR(
          dictsEqualRich(a.as<DictObject>(), b.as<DictObject>(), eq));
    } else {
      eq = equals(a, b);
    }
    out = eq == (op == PyCompareOp::Eq);
    return okStatus();
  }
  if (a.kind() == Kind::Str && b.kind() == Kind::Str) {
    const std::string &x = a.as<StrObject>()->text, &y = b.as<StrObject>()->text;
    int c = x.compare(y);
    out = fromThreeWay(op, c < 0 ? -1 : c > 0 ? 1 : 0);
    return okStatus();
  }
  if (sameSequences) {
    size_t n = std::min(x->size(), y->size());
    for (size_t i = 0; i < n; ++i) {
      bool eq;
      JANUS_RETURN_IF_ERROR(itemEqual((*x)[i], (*y)[i], eq));
      if (!eq)
        return compareBool(op, (*x)[i], (*y)[i], out);
    }
    int c = x->size() < y->size() ? -1 : x->size() > y->size() ? 1 : 0;
    out = fromThreeWay(op, c);
    return okStatus();
  }
  return typeError(std::string("'") + opSymbol(op) +
                   "' not supported between instances of '" + typeName(a) +
                   "' and '" + typeName(b) + "'");
}

Status compare(PyCompareOp op, const Value &a, const Value &b, Value &out) {
  if (isUserComparison(a, b)) {
    bool handled;
    JANUS_RETURN_IF_ERROR(userCompare(op, a, b, out, handled));
    if (handled)
      return okStatus(); // the method's result, whatever its type
  }
  if (a.kind() == Kind::Tensor || b.kind() == Kind::Tensor)
    return tensorCompare(op, a, b, out); // elementwise: a bool tensor
  bool result;
  JANUS_RETURN_IF_ERROR(compareBool(op, a, b, result));
  out = Value::fromBool(result);
  return okStatus();
}

namespace {

/// `item in container` by iterating container up to the first match.
Status containsByIteration(const Value &container, const Value &item,
                           bool &out) {
  Value it;
  JANUS_RETURN_IF_ERROR(getIter(container, it));
  for (;;) {
    Value x;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, x, done));
    if (done) {
      out = false;
      return okStatus();
    }
    bool eq;
    JANUS_RETURN_IF_ERROR(itemEqual(x, item, eq));
    if (eq) {
      out = true;
      return okStatus();
    }
  }
}

} // namespace

Status contains(const Value &container, const Value &item, bool &out) {
  switch (container.kind()) {
  case Kind::List:
  case Kind::Tuple: {
    const std::vector<Value> *items = nullptr;
    sequenceItems(container, items);
    out = false;
    // By index: a user __eq__ may shrink the container while it runs.
    for (size_t i = 0; !out && i < items->size(); ++i) {
      Value x = (*items)[i];
      JANUS_RETURN_IF_ERROR(itemEqual(x, item, out));
    }
    return okStatus();
  }
  case Kind::Dict: {
    const Value *found;
    JANUS_RETURN_IF_ERROR(container.as<DictObject>()->find(item, found));
    out = found != nullptr;
    return okStatus();
  }
  case Kind::DictView: {
    const auto *view = container.as<DictViewObject>();
    if (view->part == DictViewObject::Part::Keys)
      return contains(view->dict, item, out);
    if (view->part == DictViewObject::Part::Items) {
      // (k, v) in d.items(): k is a key whose value equals v.
      out = false;
      if (item.kind() != Kind::Tuple ||
          item.as<TupleObject>()->items.size() != 2)
        return okStatus();
      const Value *found;
      JANUS_RETURN_IF_ERROR(view->dictObject()->find(
          item.as<TupleObject>()->items[0], found));
      const Value &v = item.as<TupleObject>()->items[1];
      out = found && (found->is(v) || equals(*found, v));
      return okStatus();
    }
    [[fallthrough]];
  }
  case Kind::Iterator:
    // Consumes the iterator up to the first match, as CPython does.
    return containsByIteration(container, item, out);
  case Kind::Str:
    if (item.kind() != Kind::Str)
      return typeError(
          std::string("'in <string>' requires string as left operand, not ") +
          typeName(item));
    out = container.as<StrObject>()->text.find(item.as<StrObject>()->text) !=
          std::string::npos;
    return okStatus();
  case Kind::Range: {
    const auto *r = container.as<RangeObject>();
    out = false;
    int64_t n;
    if (item.isIntLike()) {
      n = item.asInt();
    } else if (item.isFloat() && std::trunc(item.asFloat()) == item.asFloat() &&
               std::fabs(item.asFloat()) < 0x1p63) {
      n = static_cast<int64_t>(item.asFloat()); // 2.0 in range(3)
    } else {
      return okStatus(); // nothing else equals an int
    }
    __int128 offset = static_cast<__int128>(n) - r->start;
    bool inBounds = r->step > 0 ? (n >= r->start && n < r->stop)
                                : (n <= r->start && n > r->stop);
    out = inBounds && offset % r->step == 0;
    return okStatus();
  }
  case Kind::Instance: {
    // CPython's order: __contains__, else iteration (__iter__), else the
    // old sequence protocol (__getitem__ with 0, 1, ... up to IndexError).
    const ClassObject *cls = container.as<InstanceObject>()->classObject();
    if (const Value *method = cls->lookup("__contains__")) {
      Value args[] = {container, item};
      Value result;
      JANUS_RETURN_IF_ERROR(call(*method, args, 2, result));
      return truth(result, out);
    }
    if (cls->lookup("__iter__"))
      return containsByIteration(container, item, out);
    if (cls->lookup("__getitem__")) {
      for (int64_t i = 0;; ++i) {
        Value x;
        Status status = getItem(container, Value::fromInt(i), x);
        if (status.code() == ErrorCode::IndexError) {
          out = false;
          return okStatus();
        }
        JANUS_RETURN_IF_ERROR(std::move(status));
        bool eq;
        JANUS_RETURN_IF_ERROR(itemEqual(x, item, eq));
        if (eq) {
          out = true;
          return okStatus();
        }
      }
    }
    [[fallthrough]];
  }
  default:
    return typeError(std::string("argument of type '") + typeName(container) +
                     "' is not iterable");
  }
}

} // namespace janus::rt
