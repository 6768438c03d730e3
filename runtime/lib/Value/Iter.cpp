//===- Iter.cpp - Iterators: iter(), next(), reversed, enumerate, zip -----===//
//
// The iteration protocol of the value layer. CPython's iter(), enumerate(),
// zip() and reversed() return lazy iterator objects, and so do these: one
// heap kind (Kind::Iterator, IteratorObject in Objects.h) whose `source`
// says how to produce the next item. Laziness matters for fidelity: a
// zip(strict=True) error appears at the step where one input runs out, an
// enumerate over a list being appended to sees the new items, and an
// exhausted iterator stays empty when iterated again, and a dict that
// changes size (or keys) while iterated is CPython's RuntimeError.
// Compiled for-loops use the same getIter/iterNext pair.
//
// Type names follow CPython 3.11 ("list_iterator", "str_ascii_iterator",
// "dict_keyiterator", "list_reverseiterator", "reversed", ...), since they
// show in messages ("'zip' object is not reversible").
//
//===----------------------------------------------------------------------===//

#include "Dispatch/TorchOps.h"
#include "Value/Ops.h"

#include "Format/Utf8.h"

#include <algorithm>

namespace janus::rt {

namespace {

using Source = IteratorObject::Source;

Value makeIterator(Source source, const char *name, Value base) {
  auto *it = new IteratorObject(source, name, std::move(base));
  if (source == Source::Dict || source == Source::ReversedDict) {
    // What CPython's dict iterators remember to detect a dict that changes
    // under them (di_used and len).
    int64_t size = static_cast<int64_t>(it->base.as<DictObject>()->size());
    it->dictSizeSeen = size;
    it->dictItemsLeft = size;
  }
  return Value::adopt(it);
}

bool isAsciiText(const std::string &s) {
  for (unsigned char c : s)
    if (c >= 0x80)
      return false;
  return true;
}

Status notIterable(const Value &v) {
  return typeError(std::string("'") + typeName(v) + "' object is not iterable");
}

/// The next live entry of a dict at or after `index` going forward, or
/// before `index` going backward; -1 when there is none.
int64_t nextLiveEntry(const DictObject *d, int64_t index, bool forward) {
  const auto &entries = d->entries();
  if (forward) {
    for (int64_t i = index; i < static_cast<int64_t>(entries.size()); ++i)
      if (entries[i].live)
        return i;
    return -1;
  }
  for (int64_t i = std::min<int64_t>(index, entries.size()) - 1; i >= 0; --i)
    if (entries[i].live)
      return i;
  return -1;
}

/// What a dict iterator yields for one entry (IteratorObject::dictPart).
Value dictPartOf(const DictObject::Entry &e, uint8_t part) {
  if (part == 0)
    return e.key;
  if (part == 1)
    return e.value;
  return makeTuple({e.key, e.value});
}

/// zip's step: one item from every part, with strict=True's length checks
/// worded as CPython's zip_next words them.
Status zipNext(IteratorObject *it, Value &item, bool &done) {
  std::vector<Value> items;
  items.reserve(it->parts.size());
  for (size_t i = 0; i < it->parts.size(); ++i) {
    Value part;
    bool partDone = false;
    JANUS_RETURN_IF_ERROR(iterNext(it->parts[i], part, partDone));
    if (!partDone) {
      items.push_back(std::move(part));
      continue;
    }
    done = true;
    it->exhausted = true;
    if (!it->strict)
      return okStatus();
    if (i > 0)
      return valueError("zip() argument " + std::to_string(i + 1) +
                        " is shorter than argument" + (i == 1 ? " " : "s 1-") +
                        std::to_string(i));
    for (size_t j = 1; j < it->parts.size(); ++j) {
      Value extra;
      bool extraDone = false;
      JANUS_RETURN_IF_ERROR(iterNext(it->parts[j], extra, extraDone));
      if (!extraDone)
        return valueError("zip() argument " + std::to_string(j + 1) +
                          " is longer than argument" + (j == 1 ? " " : "s 1-") +
                          std::to_string(j));
    }
    return okStatus();
  }
  if (items.empty()) { // zip() with no arguments is empty
    done = true;
    it->exhausted = true;
    return okStatus();
  }
  item = makeTuple(std::move(items));
  return okStatus();
}

} // namespace

Status getIter(const Value &iterable, Value &out) {
  switch (iterable.kind()) {
  case Kind::List:
    out = makeIterator(Source::List, "list_iterator", iterable);
    return okStatus();
  case Kind::Tuple:
    out = makeIterator(Source::Tuple, "tuple_iterator", iterable);
    return okStatus();
  case Kind::Str:
    out = makeIterator(Source::Str,
                       isAsciiText(iterable.as<StrObject>()->text)
                           ? "str_ascii_iterator"
                           : "str_iterator",
                       iterable);
    return okStatus();
  case Kind::Range:
    out = makeIterator(Source::Range, "range_iterator", iterable);
    return okStatus();
  case Kind::Dict:
    out = makeIterator(Source::Dict, "dict_keyiterator", iterable);
    return okStatus();
  case Kind::DictView: {
    static const char *const names[] = {
        "dict_keyiterator", "dict_valueiterator", "dict_itemiterator"};
    const auto *view = iterable.as<DictViewObject>();
    out = makeIterator(Source::Dict, names[static_cast<int>(view->part)],
                       view->dict);
    out.as<IteratorObject>()->dictPart = static_cast<uint8_t>(view->part);
    return okStatus();
  }
  case Kind::Iterator:
    out = iterable;
    return okStatus();
  case Kind::Tensor:
    return tensorIter(iterable, out);
  case Kind::Instance:
    // A class's __iter__ (the pylib's Sequential and ModuleList), which
    // must return an iterator.
    if (const Value *method =
            iterable.as<InstanceObject>()->classObject()->lookup("__iter__")) {
      Value result;
      JANUS_RETURN_IF_ERROR(call(*method, &iterable, 1, result));
      if (result.kind() != Kind::Iterator)
        return typeError(std::string("iter() returned non-iterator of type '") +
                         typeName(result) + "'");
      out = std::move(result);
      return okStatus();
    }
    return notIterable(iterable);
  default:
    return notIterable(iterable);
  }
}

Status iterNext(const Value &iterValue, Value &item, bool &done) {
  done = false;
  if (iterValue.kind() != Kind::Iterator)
    return typeError(std::string("'") + typeName(iterValue) +
                     "' object is not an iterator");
  auto *it = iterValue.as<IteratorObject>();
  if (it->exhausted) {
    done = true;
    return okStatus();
  }
  auto finish = [&] {
    done = true;
    it->exhausted = true;
    it->base = Value(); // CPython drops the source too
    return okStatus();
  };
  switch (it->source) {
  case Source::List: {
    const auto &items = it->base.as<ListObject>()->items;
    if (it->index >= static_cast<int64_t>(items.size()))
      return finish();
    item = items[it->index++];
    return okStatus();
  }
  case Source::Tuple: {
    const auto &items = it->base.as<TupleObject>()->items;
    if (it->index >= static_cast<int64_t>(items.size()))
      return finish();
    item = items[it->index++];
    return okStatus();
  }
  case Source::Str: {
    const std::string &s = it->base.as<StrObject>()->text;
    if (it->index >= static_cast<int64_t>(s.size()))
      return finish();
    size_t pos = static_cast<size_t>(it->index);
    detail::decodeUtf8(s, pos);
    item = makeStr(std::string_view(s).substr(it->index, pos - it->index));
    it->index = static_cast<int64_t>(pos);
    return okStatus();
  }
  case Source::Range: {
    const auto *r = it->base.as<RangeObject>();
    if (it->index >= r->length())
      return finish();
    item = Value::fromInt(r->start + it->index++ * r->step);
    return okStatus();
  }
  case Source::Dict:
  case Source::ReversedDict: {
    const auto *d = it->base.as<DictObject>();
    bool forward = it->source == Source::Dict;
    if (static_cast<int64_t>(d->size()) != it->dictSizeSeen) {
      it->dictSizeSeen = -1; // sticky, as CPython's: every later next fails
      return Status(ErrorCode::RuntimeError,
                    "dictionary changed size during iteration");
    }
    int64_t i = nextLiveEntry(d, it->index, forward);
    if (i < 0)
      return finish();
    if (forward && it->dictItemsLeft == 0) {
      // Same size but more entries than it had: a key was removed and
      // another added. CPython's forward iterators check this; its reversed
      // ones do not.
      it->exhausted = true;
      it->base = Value();
      return Status(ErrorCode::RuntimeError,
                    "dictionary keys changed during iteration");
    }
    --it->dictItemsLeft;
    item = dictPartOf(d->entries()[i], it->dictPart);
    it->index = forward ? i + 1 : i;
    return okStatus();
  }
  case Source::ReversedSeq: {
    if (it->index <= 0)
      return finish();
    const Value &base = it->base;
    if (base.kind() == Kind::Str) {
      // Step back to the first byte of the previous code point.
      const std::string &s = base.as<StrObject>()->text;
      size_t end = static_cast<size_t>(it->index), start = end - 1;
      while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
      item = makeStr(std::string_view(s).substr(start, end - start));
      it->index = static_cast<int64_t>(start);
      return okStatus();
    }
    int64_t n;
    JANUS_RETURN_IF_ERROR(length(base, n));
    if (it->index > n) // a list shrank under the iterator
      return finish();
    return getItem(base, Value::fromInt(--it->index), item);
  }
  case Source::Enumerate: {
    Value inner;
    bool innerDone = false;
    JANUS_RETURN_IF_ERROR(iterNext(it->base, inner, innerDone));
    if (innerDone)
      return finish();
    item = makeTuple({Value::fromInt(it->index), std::move(inner)});
    if (it->index == INT64_MAX)
      return intOverflow();
    ++it->index;
    return okStatus();
  }
  case Source::Zip:
    return zipNext(it, item, done);
  }
  return okStatus();
}

Status makeReversed(const Value &sequence, Value &out) {
  const char *name = "reversed";
  int64_t start = 0;
  switch (sequence.kind()) {
  case Kind::List:
    name = "list_reverseiterator";
    start = static_cast<int64_t>(sequence.as<ListObject>()->items.size());
    break;
  case Kind::Tuple:
    start = static_cast<int64_t>(sequence.as<TupleObject>()->items.size());
    break;
  case Kind::Str:
    start = static_cast<int64_t>(sequence.as<StrObject>()->text.size());
    break;
  case Kind::Range:
    name = "range_iterator";
    start = sequence.as<RangeObject>()->length();
    break;
  case Kind::Dict:
  case Kind::DictView: {
    static const char *const names[] = {"dict_reversekeyiterator",
                                        "dict_reversevalueiterator",
                                        "dict_reverseitemiterator"};
    uint8_t part = 0;
    Value dict = sequence;
    if (sequence.kind() == Kind::DictView) {
      part = static_cast<uint8_t>(sequence.as<DictViewObject>()->part);
      dict = sequence.as<DictViewObject>()->dict;
    }
    int64_t end = static_cast<int64_t>(dict.as<DictObject>()->entries().size());
    Value it = makeIterator(Source::ReversedDict, names[part], std::move(dict));
    it.as<IteratorObject>()->index = end;
    it.as<IteratorObject>()->dictPart = part;
    out = std::move(it);
    return okStatus();
  }
  default:
    return typeError(std::string("'") + typeName(sequence) +
                     "' object is not reversible");
  }
  Value it = makeIterator(Source::ReversedSeq, name, sequence);
  it.as<IteratorObject>()->index = start;
  out = std::move(it);
  return okStatus();
}

Status makeEnumerate(const Value &iterable, int64_t start, Value &out) {
  Value inner;
  JANUS_RETURN_IF_ERROR(getIter(iterable, inner));
  Value it = makeIterator(Source::Enumerate, "enumerate", std::move(inner));
  it.as<IteratorObject>()->index = start;
  out = std::move(it);
  return okStatus();
}

Status makeZip(const std::vector<Value> &iterables, bool strict, Value &out) {
  std::vector<Value> parts;
  parts.reserve(iterables.size());
  for (const Value &v : iterables) {
    Value part;
    JANUS_RETURN_IF_ERROR(getIter(v, part));
    parts.push_back(std::move(part));
  }
  Value it = makeIterator(Source::Zip, "zip", Value());
  it.as<IteratorObject>()->parts = std::move(parts);
  it.as<IteratorObject>()->strict = strict;
  out = std::move(it);
  return okStatus();
}

Value makeDictView(const Value &dict, DictViewObject::Part part) {
  return Value::adopt(new DictViewObject(dict, part));
}

Status collectItems(const Value &iterable, std::vector<Value> &out) {
  if (iterable.kind() == Kind::List) {
    out = iterable.as<ListObject>()->items;
    return okStatus();
  }
  if (iterable.kind() == Kind::Tuple) {
    out = iterable.as<TupleObject>()->items;
    return okStatus();
  }
  Value it;
  JANUS_RETURN_IF_ERROR(getIter(iterable, it));
  std::vector<Value> items;
  for (;;) {
    Value item;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, item, done));
    if (done)
      break;
    items.push_back(std::move(item));
  }
  out = std::move(items);
  return okStatus();
}

} // namespace janus::rt
