//===- ListDictMethods.cpp - Methods of list and dict ---------------------===//
//
// list.append/extend/insert/pop/remove/index/count/reverse/sort/clear/copy
// and dict.keys/values/items/get/pop/update/setdefault/popitem/clear/copy
// with CPython 3.11's semantics and messages. Element equality is CPython's
// PyObject_RichCompareBool: identity first, then `==`.
//
// dict.keys(), values() and items() return live views (Kind::DictView in
// the value layer): iterable, sized, `in`-testable, reversible, printed as
// "dict_keys([1, 2])", and following later changes to the dict, as in
// CPython. Set operations on views (keys() & other) are not supported.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"

#include <algorithm>

using namespace janus;
using namespace janus::rt;

namespace {

std::vector<Value> &listItems(const LibArgs &args) {
  return args[0].as<ListObject>()->items;
}

Status done(Value &out) {
  out = Value();
  return okStatus();
}

//===----------------------------------------------------------------------===//
// list
//===----------------------------------------------------------------------===//

Status listAppendImpl(const LibArgs &args, Value &out) {
  listItems(args).push_back(args[1]);
  return done(out);
}

Status listExtend(const LibArgs &args, Value &out) {
  std::vector<Value> extra; // collected first: l.extend(l) doubles l
  JANUS_RETURN_IF_ERROR(collectItems(args[1], extra));
  auto &items = listItems(args);
  items.insert(items.end(), std::make_move_iterator(extra.begin()),
               std::make_move_iterator(extra.end()));
  return done(out);
}

Status listInsert(const LibArgs &args, Value &out) {
  int64_t i;
  JANUS_RETURN_IF_ERROR(indexArg(args[1], i));
  auto &items = listItems(args);
  const int64_t n = static_cast<int64_t>(items.size());
  if (i < 0)
    i = std::max<int64_t>(i + n, 0);
  i = std::min(i, n);
  items.insert(items.begin() + i, args[2]);
  return done(out);
}

Status listPop(const LibArgs &args, Value &out) {
  int64_t i;
  JANUS_RETURN_IF_ERROR(indexArg(args[1], i));
  auto &items = listItems(args);
  const int64_t n = static_cast<int64_t>(items.size());
  if (n == 0)
    return indexError("pop from empty list");
  if (i < 0)
    i += n;
  if (i < 0 || i >= n)
    return indexError("pop index out of range");
  out = std::move(items[i]);
  items.erase(items.begin() + i);
  return okStatus();
}

Status listRemove(const LibArgs &args, Value &out) {
  auto &items = listItems(args);
  for (size_t i = 0; i < items.size(); ++i) {
    bool eq;
    JANUS_RETURN_IF_ERROR(itemEquals(items[i], args[1], eq));
    if (eq) {
      items.erase(items.begin() + i);
      return done(out);
    }
  }
  return valueError("list.remove(x): x not in list");
}

/// A start/stop bound of list.index: negative counts from the end, then
/// clamped at 0.
int64_t clampBound(int64_t i, int64_t n) {
  if (i < 0)
    i = std::max<int64_t>(i + n, 0);
  return i;
}

Status listIndex(const LibArgs &args, Value &out) {
  // "value, start=0, stop=9223372036854775807, /"
  int64_t start, stop;
  for (uint32_t i = 2; i <= 3; ++i)
    if (!args[i].isIntLike())
      return typeError("slice indices must be integers or have an __index__ "
                       "method");
  start = args[2].asInt();
  stop = args[3].asInt();
  const auto &items = listItems(args);
  const int64_t n = static_cast<int64_t>(items.size());
  start = clampBound(start, n);
  stop = clampBound(stop, n);
  // The list may shrink while == runs user code: re-check the size.
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(items.size());
       ++i) {
    bool eq;
    JANUS_RETURN_IF_ERROR(itemEquals(items[i], args[1], eq));
    if (eq) {
      out = Value::fromInt(i);
      return okStatus();
    }
  }
  return valueError(repr(args[1]) + " is not in list");
}

Status listCount(const LibArgs &args, Value &out) {
  int64_t count = 0;
  for (const Value &item : listItems(args)) {
    bool eq;
    JANUS_RETURN_IF_ERROR(itemEquals(item, args[1], eq));
    count += eq;
  }
  out = Value::fromInt(count);
  return okStatus();
}

Status listReverse(const LibArgs &args, Value &out) {
  auto &items = listItems(args);
  std::reverse(items.begin(), items.end());
  return done(out);
}

Status listSort(const LibArgs &args, Value &out) {
  // "*, key=None, reverse=False". Sorted on a copy: a failing comparison
  // leaves the list as it was (CPython may leave it partly sorted).
  bool reverse;
  JANUS_RETURN_IF_ERROR(truth(args[2], reverse));
  std::vector<Value> items = listItems(args);
  JANUS_RETURN_IF_ERROR(sortValues(items, args[1], reverse));
  listItems(args) = std::move(items);
  return done(out);
}

Status listClear(const LibArgs &args, Value &out) {
  // Swapped out first: destroying items may run code that looks at the list.
  std::vector<Value> old;
  old.swap(listItems(args));
  return done(out);
}

Status listCopy(const LibArgs &args, Value &out) {
  out = makeList(listItems(args));
  return okStatus();
}

//===----------------------------------------------------------------------===//
// dict
//===----------------------------------------------------------------------===//

DictObject *dictOf(const LibArgs &args) { return args[0].as<DictObject>(); }

Status dictKeys(const LibArgs &args, Value &out) {
  out = makeDictView(args[0], DictViewObject::Part::Keys);
  return okStatus();
}
Status dictValues(const LibArgs &args, Value &out) {
  out = makeDictView(args[0], DictViewObject::Part::Values);
  return okStatus();
}
Status dictItems(const LibArgs &args, Value &out) {
  out = makeDictView(args[0], DictViewObject::Part::Items);
  return okStatus();
}

Status dictGet(const LibArgs &args, Value &out) {
  const Value *found;
  JANUS_RETURN_IF_ERROR(dictOf(args)->find(args[1], found));
  out = found ? *found : args[2];
  return okStatus();
}

Status dictPop(const LibArgs &args, Value &out) {
  // "key, default=..., /". An empty dict answers without hashing the key,
  // as CPython's does ({}.pop([]) is a KeyError, not a TypeError).
  DictObject *d = dictOf(args);
  const Value *found = nullptr;
  if (d->size() != 0)
    JANUS_RETURN_IF_ERROR(d->find(args[1], found));
  if (!found) {
    if (args.present(2)) {
      out = args[2];
      return okStatus();
    }
    return Status(ErrorCode::KeyError, repr(args[1]));
  }
  Value result = *found;
  bool removed;
  JANUS_RETURN_IF_ERROR(d->remove(args[1], removed));
  out = std::move(result);
  return okStatus();
}

Status dictUpdate(const LibArgs &args, Value &out) {
  // "other=..., /, **kwargs"
  if (args.present(1))
    JANUS_RETURN_IF_ERROR(dictMerge(args[0], args[1]));
  JANUS_RETURN_IF_ERROR(dictMerge(args[0], args[2]));
  return done(out);
}

Status dictSetdefault(const LibArgs &args, Value &out) {
  DictObject *d = dictOf(args);
  const Value *found;
  JANUS_RETURN_IF_ERROR(d->find(args[1], found));
  if (found) {
    out = *found;
    return okStatus();
  }
  JANUS_RETURN_IF_ERROR(d->set(args[1], args[2]));
  out = args[2];
  return okStatus();
}

Status dictPopitem(const LibArgs &args, Value &out) {
  DictObject *d = dictOf(args);
  const auto &entries = d->entries();
  for (size_t i = entries.size(); i-- > 0;) {
    if (!entries[i].live)
      continue;
    Value key = entries[i].key, value = entries[i].value;
    bool removed;
    JANUS_RETURN_IF_ERROR(d->remove(key, removed));
    out = makeTuple({std::move(key), std::move(value)});
    return okStatus();
  }
  return Status(ErrorCode::KeyError, "'popitem(): dictionary is empty'");
}

Status dictClear(const LibArgs &args, Value &out) {
  dictOf(args)->clear();
  return done(out);
}

Status dictCopy(const LibArgs &args, Value &out) {
  // A shallow copy in the same order; the keys are already known hashable.
  Value copy = makeDict();
  for (const auto &e : dictOf(args)->entries())
    if (e.live)
      JANUS_RETURN_IF_ERROR(copy.as<DictObject>()->set(e.key, e.value));
  out = std::move(copy);
  return okStatus();
}

} // namespace

#define LIST_METHOD(ID, FN)                                                    \
  { LibId::ID, methodOf<Kind::List, LibId::ID, FN> }
#define DICT_METHOD(ID, FN)                                                    \
  { LibId::ID, methodOf<Kind::Dict, LibId::ID, FN> }

std::vector<LibImplRow> janus::rt::listDictMethodImpls() {
  return {
      LIST_METHOD(ListAppend, listAppendImpl),
      LIST_METHOD(ListExtend, listExtend),
      LIST_METHOD(ListInsert, listInsert),
      LIST_METHOD(ListPop, listPop),
      LIST_METHOD(ListRemove, listRemove),
      LIST_METHOD(ListIndex, listIndex),
      LIST_METHOD(ListCount, listCount),
      LIST_METHOD(ListReverse, listReverse),
      LIST_METHOD(ListSort, listSort),
      LIST_METHOD(ListClear, listClear),
      LIST_METHOD(ListCopy, listCopy),
      DICT_METHOD(DictKeys, dictKeys),
      DICT_METHOD(DictValues, dictValues),
      DICT_METHOD(DictItems, dictItems),
      DICT_METHOD(DictGet, dictGet),
      DICT_METHOD(DictPop, dictPop),
      DICT_METHOD(DictUpdate, dictUpdate),
      DICT_METHOD(DictSetdefault, dictSetdefault),
      DICT_METHOD(DictPopitem, dictPopitem),
      DICT_METHOD(DictClear, dictClear),
      DICT_METHOD(DictCopy, dictCopy),
  };
}
