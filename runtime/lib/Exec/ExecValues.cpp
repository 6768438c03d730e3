//===- ExecValues.cpp - Reference counts, constants, operators, truth -----===//
//
// The value-level ops of the execution ABI: retain/release, cached str
// constants, Ellipsis, and the operators, which are Ops.h's (binaryOp,
// unaryOp, compare, contains, truth) with two additions of Python's
// augmented assignment: `lst += it` extends the list in place (`lst *= n`
// repeats it in place), and
// `t += x` (also -=, *=, /=, //=, %=, **=) on a tensor is the in-place
// tensor method (add_, sub_, mul_, div_, floor_divide_, remainder_, pow_),
// so that the tensor, and every alias of it, is updated as in PyTorch
// (`x //= t` with x a number rebinds x, as Python's int has no
// __ifloordiv__); an instance of a user class gets its class's __iadd__
// (etc.) first.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

/// Kinds below this are Values; the ABI's error and unbound kinds are not.
bool isValueKind(uint64_t kind) { return kind < JANUS_RT_UNBOUND_KIND; }

/// The in-place tensor method for augmented assignment `op`, or null.
const LibEntryInfo *inPlaceTensorMethod(PyBinaryOp op) {
  LibId id;
  switch (op) {
  case PyBinaryOp::Add:
    id = LibId::TensorAdd_;
    break;
  case PyBinaryOp::Sub:
    id = LibId::TensorSub_;
    break;
  case PyBinaryOp::Mul:
    id = LibId::TensorMul_;
    break;
  case PyBinaryOp::TrueDiv:
    id = LibId::TensorDiv_;
    break;
  case PyBinaryOp::FloorDiv:
    id = LibId::TensorFloorDivide_;
    break;
  case PyBinaryOp::Mod:
    id = LibId::TensorRemainder_;
    break;
  case PyBinaryOp::Pow:
    id = LibId::TensorPow_;
    break;
  default:
    return nullptr;
  }
  return &LibraryTable::get().entry(id);
}

Status inPlaceOp(PyBinaryOp op, const Value &a, const Value &b, Value &out) {
  // s %= x formats as s % x does, without trying x's __rmod__.
  if (op == PyBinaryOp::Mod && a.kind() == Kind::Str)
    return percentFormat(a, b, out);
  if (a.kind() == Kind::Instance ||
      (b.kind() == Kind::Instance && a.kind() != Kind::Tensor)) {
    // a's __iadd__ and friends, else the binary operator's methods; as in
    // CPython, `lst += v` tries v's __radd__ before extending the list.
    bool handled;
    JANUS_RETURN_IF_ERROR(
        userBinaryOp(op, /*inplace=*/true, a, b, out, handled));
    if (handled)
      return okStatus();
  }
  if (a.kind() == Kind::List && op == PyBinaryOp::Add) {
    std::vector<Value> items;
    if (b.kind() == Kind::List || b.kind() == Kind::Tuple ||
        collectItems(b, items).ok()) {
      if (b.kind() != Kind::List && b.kind() != Kind::Tuple) {
        auto &dst = a.as<ListObject>()->items;
        dst.insert(dst.end(), items.begin(), items.end());
      } else {
        // Copy first: `x += x` must read the items before appending.
        const auto &src = b.kind() == Kind::List ? b.as<ListObject>()->items
                                                 : b.as<TupleObject>()->items;
        std::vector<Value> copy(src);
        auto &dst = a.as<ListObject>()->items;
        dst.insert(dst.end(), copy.begin(), copy.end());
      }
      out = a;
      return okStatus();
    }
    return typeError(std::string("'") + typeName(b) +
                     "' object is not iterable");
  }
  if (a.kind() == Kind::List && op == PyBinaryOp::Mul && b.isIntLike()) {
    // lst *= n repeats the list in place.
    auto &items = a.as<ListObject>()->items;
    std::vector<Value> once(items);
    items.clear();
    for (int64_t k = 0; k < b.asInt(); ++k)
      items.insert(items.end(), once.begin(), once.end());
    out = a;
    return okStatus();
  }
  if (a.kind() == Kind::Tensor)
    if (const LibEntryInfo *method = inPlaceTensorMethod(op))
      return bindAndCall(*method, &a, &b, 1, {}, out);
  return binaryOp(op, a, b, out);
}

} // namespace

extern "C" {

void janus_rt_retain(janus_rt_value v) {
  if (!isValueKind(v.kind))
    return;
  Borrowed value(v);
  Value extra = *value; // the reference generated code now owns
  extra.releaseRaw();
}

void janus_rt_release(janus_rt_value v) {
  if (!isValueKind(v.kind))
    return;
  Value owned = adopt(v); // dropped here
}

janus_rt_value janus_rt_const_str(janus_rt_value *cache, const char *data,
                                  int64_t size) {
  return guard([&] {
    if (!isValueKind(cache->kind))
      *cache = give(makeStr(std::string_view(data, static_cast<size_t>(size))));
    janus_rt_retain(*cache);
    return *cache;
  });
}

janus_rt_value janus_rt_ellipsis(void) { return give(Value::ellipsis()); }

janus_rt_value janus_rt_binary(uint32_t op, uint32_t inplace, janus_rt_value a,
                               janus_rt_value b) {
  return guard([&] {
    if (op > uint32_t(PyBinaryOp::MatMul))
      return fail(
          Status(ErrorCode::InvalidArgument,
                 "janus_rt_binary: bad operator " + std::to_string(op)));
    Borrowed x(a), y(b);
    Value out;
    auto pyOp = static_cast<PyBinaryOp>(op);
    return produce(inplace ? inPlaceOp(pyOp, *x, *y, out)
                           : binaryOp(pyOp, *x, *y, out),
                   out);
  });
}

janus_rt_value janus_rt_unary(uint32_t op, janus_rt_value a) {
  return guard([&] {
    static const PyUnaryOp ops[] = {PyUnaryOp::Neg, PyUnaryOp::Pos,
                                    PyUnaryOp::Not};
    if (op > 2)
      return fail(Status(ErrorCode::InvalidArgument,
                         "janus_rt_unary: bad operator " + std::to_string(op)));
    Borrowed x(a);
    Value out;
    return produce(unaryOp(ops[op], *x, out), out);
  });
}

janus_rt_value janus_rt_compare(uint32_t op, janus_rt_value a,
                                janus_rt_value b) {
  return guard([&] {
    Borrowed x(a), y(b);
    Value out;
    if (op <= uint32_t(PyCompareOp::Ge))
      return produce(compare(static_cast<PyCompareOp>(op), *x, *y, out), out);
    if (op > 7)
      return fail(
          Status(ErrorCode::InvalidArgument,
                 "janus_rt_compare: bad operator " + std::to_string(op)));
    bool found = false;
    Status status = contains(*y, *x, found);
    out = Value::fromBool(op == 6 ? found : !found);
    return produce(std::move(status), out);
  });
}

int32_t janus_rt_is(janus_rt_value a, janus_rt_value b) {
  return a.kind == b.kind && a.bits == b.bits;
}

int32_t janus_rt_truth(janus_rt_value a) {
  // The common cases need no call into the value layer.
  switch (a.kind) {
  case JANUS_VALUE_NONE:
    return 0;
  case JANUS_VALUE_BOOL:
  case JANUS_VALUE_INT:
    return a.bits != 0;
  case JANUS_VALUE_FLOAT:
    return (a.bits << 1) != 0; // +0.0 and -0.0 are false; NaN is true
  default:
    break;
  }
  return guard([&]() -> int32_t {
    Borrowed x(a);
    bool result = false;
    Status status = truth(*x, result);
    if (!status.ok())
      return failInt(std::move(status));
    return result ? 1 : 0;
  });
}

} // extern "C"
