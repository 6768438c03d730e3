//===- ExecContainers.cpp - Builders, items, unpacking, iteration ---------===//
//
// The container ops of the execution ABI: tuple/list/dict/slice displays,
// x[k] (get, set, del: Ops.h's getItem/setItem/delItem, which also take
// slices), list.append for comprehensions, `a, b = v` with CPython's
// unpacking messages, and for-loop iteration (Ops.h's getIter/iterNext).
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

using namespace janus;
using namespace janus::rt;
using namespace janus::rt::exec;

namespace {

std::vector<Value> copyItems(const janus_rt_value *items, int64_t n) {
  std::vector<Value> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    Borrowed item(items[i]);
    out.push_back(*item);
  }
  return out;
}

Status notEnough(int64_t expected, int64_t got) {
  return valueError("not enough values to unpack (expected " +
                    std::to_string(expected) + ", got " + std::to_string(got) +
                    ")");
}

Status tooMany(int64_t expected) {
  return valueError("too many values to unpack (expected " +
                    std::to_string(expected) + ")");
}

/// Unpacks exactly n items of `v` into `out`.
Status unpack(const Value &v, int64_t n, std::vector<Value> &out) {
  if (v.kind() == Kind::Tuple || v.kind() == Kind::List) {
    const auto &items = v.kind() == Kind::Tuple ? v.as<TupleObject>()->items
                                                : v.as<ListObject>()->items;
    auto size = static_cast<int64_t>(items.size());
    if (size < n)
      return notEnough(n, size);
    if (size > n)
      return tooMany(n);
    out = items;
    return okStatus();
  }
  Value it;
  if (Status status = getIter(v, it); !status.ok()) {
    if (status.code() == ErrorCode::TypeError)
      return typeError(std::string("cannot unpack non-iterable ") +
                       typeName(v) + " object");
    return status;
  }
  // Like CPython: take n items, then check that no item is left.
  for (int64_t i = 0; i <= n; ++i) {
    Value item;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, item, done));
    if (done) {
      if (i < n)
        return notEnough(n, i);
      return okStatus();
    }
    if (i == n)
      return tooMany(n);
    out.push_back(std::move(item));
  }
  return okStatus();
}

int32_t result(Status status) {
  return status.ok() ? 0 : failInt(std::move(status));
}

} // namespace

extern "C" {

janus_rt_value janus_rt_make_tuple(const janus_rt_value *items, int64_t n) {
  return guard([&] { return give(makeTuple(copyItems(items, n))); });
}

janus_rt_value janus_rt_make_list(const janus_rt_value *items, int64_t n) {
  return guard([&] { return give(makeList(copyItems(items, n))); });
}

janus_rt_value janus_rt_make_dict(const janus_rt_value *items, int64_t n) {
  return guard([&] {
    Value dict = makeDict();
    for (int64_t i = 0; i < n; ++i) {
      Borrowed key(items[2 * i]), value(items[2 * i + 1]);
      if (Status status = setItem(dict, *key, *value); !status.ok())
        return fail(std::move(status));
    }
    return give(std::move(dict));
  });
}

int32_t janus_rt_list_append(janus_rt_value list, janus_rt_value item) {
  return guard([&] {
    Borrowed l(list), x(item);
    return result(listAppend(*l, *x));
  });
}

janus_rt_value janus_rt_make_slice(janus_rt_value lower, janus_rt_value upper,
                                   janus_rt_value step) {
  return guard([&] {
    Borrowed a(lower), b(upper), c(step);
    return give(makeSlice(*a, *b, *c));
  });
}

janus_rt_value janus_rt_get_item(janus_rt_value obj, janus_rt_value key) {
  return guard([&] {
    Borrowed o(obj), k(key);
    Value out;
    return produce(getItem(*o, *k, out), out);
  });
}

int32_t janus_rt_set_item(janus_rt_value obj, janus_rt_value key,
                          janus_rt_value value) {
  return guard([&] {
    Borrowed o(obj), k(key), v(value);
    return result(setItem(*o, *k, *v));
  });
}

int32_t janus_rt_del_item(janus_rt_value obj, janus_rt_value key) {
  return guard([&] {
    Borrowed o(obj), k(key);
    return result(delItem(*o, *k));
  });
}

int32_t janus_rt_unpack(janus_rt_value v, janus_rt_value *out, int64_t n) {
  return guard([&] {
    Borrowed value(v);
    std::vector<Value> items;
    if (Status status = unpack(*value, n, items); !status.ok())
      return failInt(std::move(status));
    for (int64_t i = 0; i < n; ++i)
      out[i] = give(std::move(items[i]));
    return 0;
  });
}

janus_rt_value janus_rt_get_iter(janus_rt_value iterable) {
  return guard([&] {
    Borrowed x(iterable);
    Value out;
    return produce(getIter(*x, out), out);
  });
}

int32_t janus_rt_iter_next(janus_rt_value iterator, janus_rt_value *out) {
  return guard([&] {
    Borrowed it(iterator);
    Value item;
    bool done = false;
    if (Status status = iterNext(*it, item, done); !status.ok())
      return failInt(std::move(status));
    *out = give(done ? Value() : std::move(item));
    return done ? 0 : 1;
  });
}

} // extern "C"
