//===- Items.cpp - len(), x[i], x[i] = v, del x[i], list.append -----------===//
//
// Item access for the subset's containers with CPython's index rules (a
// negative index counts from the end, bool is an int, anything else is a
// TypeError worded per type) and its messages ("list index out of range",
// "list assignment index out of range", KeyError carrying repr(key)). A str
// is UTF-8 but is indexed and measured in code points, as Python does; an
// all-ASCII string (the common case) takes a byte-indexed shortcut.
// Slices (x[a:b:c]) follow CPython's PySlice_AdjustIndices: reads of
// lists, tuples, strs and ranges, assignment and deletion on lists.
// An instance of a user class takes part through its class's __len__,
// __getitem__, __setitem__ and __delitem__ (looked up on the class, as
// CPython looks special methods up on the type; a slice key is passed to
// them as a slice object); without the method the error is CPython's.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Dispatch/TorchOps.h"
#include "Format/Utf8.h"
#include "Tensor/Tensor.h"

#include <optional>
#include <vector>

namespace janus::rt {

namespace {

bool isAscii(const std::string &s) {
  for (unsigned char c : s)
    if (c >= 0x80)
      return false;
  return true;
}

int64_t codePointCount(const std::string &s) {
  if (isAscii(s))
    return static_cast<int64_t>(s.size());
  int64_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n)
    detail::decodeUtf8(s, pos);
  return n;
}

/// Checks that `key` is an int and turns a negative index into one from the
/// front; `size` is the container's length.
Status normalizeIndex(const Value &container, const Value &key, int64_t size,
                      int64_t &index, const char *outOfRange) {
  if (!key.isIntLike()) {
    if (container.kind() == Kind::Str)
      return typeError(std::string("string indices must be integers, not '") +
                       typeName(key) + "'");
    return typeError(std::string(container.kind() == Kind::Range
                                     ? "range"
                                     : typeName(container)) +
                     " indices must be integers or slices, not " +
                     typeName(key));
  }
  index = key.asInt();
  if (index < 0)
    index += size;
  if (index < 0 || index >= size)
    return indexError(outOfRange);
  return okStatus();
}

Status keyError(const Value &key) {
  return Status(ErrorCode::KeyError, repr(key));
}

/// A slice applied to a sequence of `length` items: the first index, the
/// step and how many items it selects.
struct SliceRange {
  int64_t start, step, count;
  int64_t at(int64_t k) const { return start + k * step; }
};

Status slicePart(const Value &part, std::optional<int64_t> &out) {
  if (part.isNone()) {
    out.reset();
    return okStatus();
  }
  if (!part.isIntLike())
    return typeError("slice indices must be integers or None or have an "
                     "__index__ method");
  out = part.asInt();
  return okStatus();
}

Status adjustSlice(const Value &key, int64_t length, SliceRange &out) {
  const auto *slice = key.as<SliceObject>();
  std::optional<int64_t> start, stop, step;
  JANUS_RETURN_IF_ERROR(slicePart(slice->start, start));
  JANUS_RETURN_IF_ERROR(slicePart(slice->stop, stop));
  JANUS_RETURN_IF_ERROR(slicePart(slice->step, step));
  int64_t st = step.value_or(1);
  if (st == 0)
    return valueError("slice step cannot be zero");
  auto clamp = [&](std::optional<int64_t> v, int64_t dflt) {
    if (!v)
      return dflt;
    int64_t i = *v;
    if (i < 0) {
      i += length;
      if (i < 0)
        i = st < 0 ? -1 : 0;
    } else if (i >= length) {
      i = st < 0 ? length - 1 : length;
    }
    return i;
  };
  int64_t lo = clamp(start, st < 0 ? length - 1 : 0);
  int64_t hi = clamp(stop, st < 0 ? -1 : length);
  int64_t count = 0;
  if (st < 0 && hi < lo)
    count = (lo - hi - 1) / -st + 1;
  else if (st > 0 && lo < hi)
    count = (hi - lo - 1) / st + 1;
  out = SliceRange{lo, st, count};
  return okStatus();
}

/// The byte offset of each code point of `s`, plus s.size() at the end.
std::vector<size_t> codePointOffsets(const std::string &s) {
  std::vector<size_t> offsets;
  for (size_t pos = 0; pos < s.size();) {
    offsets.push_back(pos);
    detail::decodeUtf8(s, pos);
  }
  offsets.push_back(s.size());
  return offsets;
}

Status getSlice(const Value &container, const Value &key, Value &out) {
  SliceRange r;
  switch (container.kind()) {
  case Kind::List:
  case Kind::Tuple: {
    const auto &items = container.kind() == Kind::List
                            ? container.as<ListObject>()->items
                            : container.as<TupleObject>()->items;
    JANUS_RETURN_IF_ERROR(adjustSlice(key, items.size(), r));
    std::vector<Value> picked;
    picked.reserve(r.count);
    for (int64_t k = 0; k < r.count; ++k)
      picked.push_back(items[r.at(k)]);
    if (container.kind() == Kind::List)
      out = makeList(std::move(picked));
    else if (container.as<TupleObject>()->flavor == TupleFlavor::TorchSize)
      out = Value::adopt(
          new TupleObject(std::move(picked), TupleFlavor::TorchSize));
    else
      out = makeTuple(std::move(picked));
    return okStatus();
  }
  case Kind::Str: {
    const std::string &s = container.as<StrObject>()->text;
    std::string text;
    if (isAscii(s)) {
      JANUS_RETURN_IF_ERROR(adjustSlice(key, s.size(), r));
      if (r.step == 1)
        text = s.substr(r.start, r.count);
      else
        for (int64_t k = 0; k < r.count; ++k)
          text += s[r.at(k)];
    } else {
      std::vector<size_t> offsets = codePointOffsets(s);
      JANUS_RETURN_IF_ERROR(adjustSlice(key, offsets.size() - 1, r));
      for (int64_t k = 0; k < r.count; ++k) {
        int64_t i = r.at(k);
        text.append(s, offsets[i], offsets[i + 1] - offsets[i]);
      }
    }
    out = makeStr(text);
    return okStatus();
  }
  case Kind::Range: {
    const auto *range = container.as<RangeObject>();
    JANUS_RETURN_IF_ERROR(adjustSlice(key, range->length(), r));
    int64_t step = range->step * r.step;
    int64_t start = range->start + r.start * range->step;
    return makeRange(start, start + r.count * step, step, out);
  }
  default:
    return typeError(std::string("'") + typeName(container) +
                     "' object is not subscriptable");
  }
}

Status setListSlice(std::vector<Value> &items, const Value &key,
                    const Value &value) {
  SliceRange r;
  JANUS_RETURN_IF_ERROR(adjustSlice(key, items.size(), r));
  std::vector<Value> source;
  if (!collectItems(value, source).ok())
    return typeError(r.step == 1 ? "can only assign an iterable"
                                 : "must assign iterable to extended slice");
  if (r.step == 1) {
    int64_t stop = r.start + r.count;
    items.erase(items.begin() + r.start, items.begin() + stop);
    items.insert(items.begin() + r.start, source.begin(), source.end());
    return okStatus();
  }
  if (static_cast<int64_t>(source.size()) != r.count)
    return valueError("attempt to assign sequence of size " +
                      std::to_string(source.size()) +
                      " to extended slice of size " + std::to_string(r.count));
  for (int64_t k = 0; k < r.count; ++k)
    items[r.at(k)] = std::move(source[k]);
  return okStatus();
}

Status delListSlice(std::vector<Value> &items, const Value &key) {
  SliceRange r;
  JANUS_RETURN_IF_ERROR(adjustSlice(key, items.size(), r));
  std::vector<bool> drop(items.size(), false);
  for (int64_t k = 0; k < r.count; ++k)
    drop[r.at(k)] = true;
  size_t kept = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (!drop[i])
      items[kept++] = std::move(items[i]);
  items.resize(kept);
  return okStatus();
}

/// The special method `name` of an instance's class, else null.
const Value *specialMethod(const Value &v, const char *name) {
  if (v.kind() != Kind::Instance)
    return nullptr;
  return v.as<InstanceObject>()->classObject()->lookup(name);
}

/// method(self, args...), the result discarded (__setitem__, __delitem__).
Status callSpecial(const Value &method, std::vector<Value> args) {
  Value result;
  return call(method, args.data(), args.size(), result);
}

} // namespace

Status length(const Value &v, int64_t &out) {
  switch (v.kind()) {
  case Kind::Str:
    out = codePointCount(v.as<StrObject>()->text);
    return okStatus();
  case Kind::Tuple:
    out = static_cast<int64_t>(v.as<TupleObject>()->items.size());
    return okStatus();
  case Kind::List:
    out = static_cast<int64_t>(v.as<ListObject>()->items.size());
    return okStatus();
  case Kind::Dict:
    out = static_cast<int64_t>(v.as<DictObject>()->size());
    return okStatus();
  case Kind::DictView:
    out = static_cast<int64_t>(v.as<DictViewObject>()->dictObject()->size());
    return okStatus();
  case Kind::Range:
    out = v.as<RangeObject>()->length();
    return okStatus();
  case Kind::Tensor:
    if (v.tensor()->dim() == 0)
      return typeError("len() of a 0-d tensor");
    out = v.tensor()->sizes()[0];
    return okStatus();
  case Kind::Instance:
    // A class's __len__ (the pylib's Sequential and ModuleList).
    if (const Value *method =
            v.as<InstanceObject>()->classObject()->lookup("__len__")) {
      Value result;
      JANUS_RETURN_IF_ERROR(call(*method, &v, 1, result));
      if (!result.isInt())
        return typeError(std::string("'") + typeName(result) +
                         "' object cannot be interpreted as an integer");
      if (result.asInt() < 0)
        return Status(ErrorCode::ValueError, "__len__() should return >= 0");
      out = result.asInt();
      return okStatus();
    }
    [[fallthrough]];
  default:
    return typeError(std::string("object of type '") + typeName(v) +
                     "' has no len()");
  }
}

Status getItem(const Value &container, const Value &key, Value &out) {
  if (const Value *method = specialMethod(container, "__getitem__")) {
    Value args[] = {container, key};
    return call(*method, args, 2, out);
  }
  if (key.kind() == Kind::Slice && container.kind() != Kind::Tensor &&
      container.kind() != Kind::Dict)
    return getSlice(container, key, out);
  int64_t i;
  switch (container.kind()) {
  case Kind::List: {
    const auto &items = container.as<ListObject>()->items;
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, items.size(), i,
                                         "list index out of range"));
    out = items[i];
    return okStatus();
  }
  case Kind::Tuple: {
    const auto &items = container.as<TupleObject>()->items;
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, items.size(), i,
                                         "tuple index out of range"));
    out = items[i];
    return okStatus();
  }
  case Kind::Str: {
    const std::string &s = container.as<StrObject>()->text;
    if (isAscii(s)) {
      JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, s.size(), i,
                                           "string index out of range"));
      out = makeStr(s.substr(i, 1));
      return okStatus();
    }
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, codePointCount(s), i,
                                         "string index out of range"));
    size_t pos = 0;
    for (int64_t n = 0; n < i; ++n)
      detail::decodeUtf8(s, pos);
    size_t start = pos;
    detail::decodeUtf8(s, pos);
    out = makeStr(std::string_view(s).substr(start, pos - start));
    return okStatus();
  }
  case Kind::Range: {
    const auto *r = container.as<RangeObject>();
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, r->length(), i,
                                         "range object index out of range"));
    out = Value::fromInt(r->start + i * r->step);
    return okStatus();
  }
  case Kind::Dict: {
    const Value *found;
    JANUS_RETURN_IF_ERROR(container.as<DictObject>()->find(key, found));
    if (!found)
      return keyError(key);
    out = *found;
    return okStatus();
  }
  case Kind::Tensor:
    return tensorGetItem(container, key, out);
  default:
    return typeError(std::string("'") + typeName(container) +
                     "' object is not subscriptable");
  }
}

Status setItem(const Value &container, const Value &key, Value value) {
  if (const Value *method = specialMethod(container, "__setitem__"))
    return callSpecial(*method, {container, key, std::move(value)});
  if (container.kind() == Kind::List) {
    auto &items = container.as<ListObject>()->items;
    if (key.kind() == Kind::Slice)
      return setListSlice(items, key, value);
    int64_t i;
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, items.size(), i,
                                         "list assignment index out of range"));
    items[i] = std::move(value);
    return okStatus();
  }
  if (container.kind() == Kind::Dict)
    return container.as<DictObject>()->set(key, std::move(value));
  if (container.kind() == Kind::Tensor)
    return tensorSetItem(container, key, value);
  return typeError(std::string("'") + typeName(container) +
                   "' object does not support item assignment");
}

Status delItem(const Value &container, const Value &key) {
  if (const Value *method = specialMethod(container, "__delitem__"))
    return callSpecial(*method, {container, key});
  if (container.kind() == Kind::List) {
    auto &items = container.as<ListObject>()->items;
    if (key.kind() == Kind::Slice)
      return delListSlice(items, key);
    int64_t i;
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, items.size(), i,
                                         "list assignment index out of range"));
    items.erase(items.begin() + i);
    return okStatus();
  }
  if (container.kind() == Kind::Dict) {
    bool removed;
    JANUS_RETURN_IF_ERROR(container.as<DictObject>()->remove(key, removed));
    return removed ? okStatus() : keyError(key);
  }
  return typeError(std::string("'") + typeName(container) +
                   "' object doesn't support item deletion");
}

Status listAppend(const Value &list, Value item) {
  if (list.kind() != Kind::List)
    return Status(ErrorCode::AttributeError,
                  std::string("'") + typeName(list) +
                      "' object has no attribute 'append'");
  list.as<ListObject>()->items.push_back(std::move(item));
  return okStatus();
}

} // namespace janus::rt
