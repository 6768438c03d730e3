//===- Items.cpp - len(), x[i], x[i] = v, del x[i], list.append -----------===//
//
// Item access for the subset's containers with CPython's index rules (a
// negative index counts from the end, bool is an int, anything else is a
// TypeError worded per type) and its messages ("list index out of range",
// "list assignment index out of range", KeyError carrying repr(key)). A str
// is UTF-8 but is indexed and measured in code points, as Python does; an
// all-ASCII string (the common case) takes a byte-indexed shortcut.
// Slices are not values yet, so x[a:b] is not handled here.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Format/Utf8.h"

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
  default:
    return typeError(std::string("object of type '") + typeName(v) +
                     "' has no len()");
  }
}

Status getItem(const Value &container, const Value &key, Value &out) {
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
  default:
    return typeError(std::string("'") + typeName(container) +
                     "' object is not subscriptable");
  }
}

Status setItem(const Value &container, const Value &key, Value value) {
  if (container.kind() == Kind::List) {
    auto &items = container.as<ListObject>()->items;
    int64_t i;
    JANUS_RETURN_IF_ERROR(normalizeIndex(container, key, items.size(), i,
                                         "list assignment index out of range"));
    items[i] = std::move(value);
    return okStatus();
  }
  if (container.kind() == Kind::Dict)
    return container.as<DictObject>()->set(key, std::move(value));
  return typeError(std::string("'") + typeName(container) +
                   "' object does not support item assignment");
}

Status delItem(const Value &container, const Value &key) {
  if (container.kind() == Kind::List) {
    auto &items = container.as<ListObject>()->items;
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
