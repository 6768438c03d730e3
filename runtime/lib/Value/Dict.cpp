//===- Dict.cpp - Hashing and the insertion-ordered dict ------------------===//
//
// hash() for the subset's hashable values and the dict built on it. Numbers
// use CPython's numeric hash (reduction modulo 2**61 - 1, _Py_HashDouble),
// so 1, 1.0 and True land on the same key as Python requires, and tuples use
// CPython's xxHash-style combination, so hash((1, 2.5)) is CPython's too.
// Strings use FNV-1a (CPython's str hash is randomised per process, so no
// program can depend on it). NaN hashes to 0 (CPython 3.10+ hashes it by
// identity, which inline floats do not have). Lists and dicts are
// unhashable, as in Python.
//
// The dict keeps entries in insertion order and finds them through an
// open-addressing index with CPython's perturbed probe sequence; removed
// entries are dropped when the index is rebuilt.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include <cmath>
#include <cstring>

namespace janus::rt {

namespace {

constexpr int kHashBits = 61;
constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;

int64_t fixMinusOne(uint64_t x) {
  return x == uint64_t(-1) ? -2 : static_cast<int64_t>(x);
}

int64_t hashInt(int64_t n) {
  uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : uint64_t(n);
  uint64_t x = magnitude % kHashModulus;
  return fixMinusOne(n < 0 ? 0 - x : x);
}

/// _Py_HashDouble, for a non-NaN double.
int64_t hashDouble(double v) {
  if (std::isinf(v))
    return v > 0 ? 314159 : -314159;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0; // 2**28
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus)
      x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  return fixMinusOne(x);
}

int64_t hashBytes(const std::string &s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return fixMinusOne(h);
}

int64_t hashPointer(const void *p) {
  // Like CPython's _Py_HashPointer: rotate out the always-zero low bits.
  uint64_t y = reinterpret_cast<uintptr_t>(p);
  return fixMinusOne((y >> 4) | (y << 60));
}

/// CPython's tuplehash over already computed item hashes.
int64_t hashTupleOf(const std::vector<int64_t> &lanes) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (int64_t lane : lanes) {
    acc += static_cast<uint64_t>(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += lanes.size() ^ (kPrime5 ^ 3527539ull);
  if (acc == uint64_t(-1))
    return 1546275796;
  return static_cast<int64_t>(acc);
}

} // namespace

Status hashValue(const Value &v, int64_t &out) {
  switch (v.kind()) {
  case Kind::None:
    out = 0x5ca1ab1e; // any constant: None is only equal to itself
    break;
  case Kind::Bool:
  case Kind::Int:
    out = hashInt(v.asInt());
    break;
  case Kind::Float: {
    double d = v.asFloat();
    out = std::isnan(d) ? 0 : hashDouble(d);
    break;
  }
  case Kind::Str:
    out = hashBytes(v.as<StrObject>()->text);
    break;
  case Kind::Tuple: {
    const auto &items = v.as<TupleObject>()->items;
    std::vector<int64_t> lanes(items.size());
    for (size_t i = 0; i < items.size(); ++i)
      JANUS_RETURN_IF_ERROR(hashValue(items[i], lanes[i]));
    out = hashTupleOf(lanes);
    break;
  }
  case Kind::Range: {
    // As CPython: equal ranges (same elements) hash alike.
    const auto *r = v.as<RangeObject>();
    int64_t len = r->length();
    std::vector<int64_t> lanes{hashInt(len), 0, 0};
    if (len == 0) {
      out = hashTupleOf({hashInt(0), 0x5ca1ab1e, 0x5ca1ab1e});
      break;
    }
    lanes[1] = hashInt(r->start);
    lanes[2] = len == 1 ? 0x5ca1ab1e : hashInt(r->step);
    out = hashTupleOf(lanes);
    break;
  }
  case Kind::List:
  case Kind::Dict:
  case Kind::DictView:
  case Kind::Slice: // unhashable until Python 3.12
    return typeError(std::string("unhashable type: '") + typeName(v) + "'");
  case Kind::BoundMethod: {
    const auto *m = v.as<BoundMethodObject>();
    int64_t self;
    JANUS_RETURN_IF_ERROR(hashValue(m->self, self));
    out = fixMinusOne(static_cast<uint64_t>(self) ^
                      static_cast<uint64_t>(hashPointer(m->function.object())));
    break;
  }
  case Kind::Tensor:
    out = hashPointer(v.tensor());
    break;
  case Kind::DType:
    out = hashInt(v.dtypeCode()); // dtypes are singletons in PyTorch
    break;
  case Kind::Instance:
    // A class that defines __eq__ gets __hash__ = None in CPython (and
    // Janus Python cannot define __hash__), so its instances are
    // unhashable; other instances hash by identity.
    if (v.as<InstanceObject>()->classObject()->lookup("__eq__"))
      return typeError(std::string("unhashable type: '") + typeName(v) + "'");
    out = hashPointer(v.object());
    break;
  case Kind::Function:
  case Kind::Class:
  case Kind::Iterator:
  case Kind::Cell:
    out = hashPointer(v.object());
    break;
  case Kind::Ellipsis:
    out = 0x2ee11195; // a singleton: any fixed hash will do
    break;
  }
  return okStatus();
}

//===----------------------------------------------------------------------===//
// DictObject
//===----------------------------------------------------------------------===//

size_t DictObject::probe(int64_t hash, const Value &key) const {
  size_t mask = index.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t slot = index[i];
    if (slot == -1)
      return i;
    if (slot >= 0) {
      const Entry &e = table[slot];
      if (e.hash == hash && equals(e.key, key))
        return i;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void DictObject::rebuildIndex(size_t capacity) {
  std::vector<Entry> live;
  live.reserve(used);
  for (Entry &e : table)
    if (e.live)
      live.push_back(std::move(e));
  table = std::move(live);
  index.assign(capacity, -1);
  size_t mask = capacity - 1;
  for (size_t n = 0; n < table.size(); ++n) {
    uint64_t perturb = static_cast<uint64_t>(table[n].hash);
    size_t i = static_cast<size_t>(table[n].hash) & mask;
    while (index[i] != -1) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = static_cast<int32_t>(n);
  }
  filled = table.size();
}

Status DictObject::find(const Value &key, const Value *&found) const {
  int64_t hash;
  JANUS_RETURN_IF_ERROR(hashValue(key, hash));
  found = nullptr;
  if (index.empty())
    return okStatus();
  int32_t slot = index[probe(hash, key)];
  if (slot >= 0)
    found = &table[slot].value;
  return okStatus();
}

Status DictObject::set(const Value &key, Value value) {
  int64_t hash;
  JANUS_RETURN_IF_ERROR(hashValue(key, hash));
  if (!index.empty()) {
    int32_t slot = index[probe(hash, key)];
    if (slot >= 0) {
      table[slot].value = std::move(value); // the first key object stays
      return okStatus();
    }
  }
  // Keep the index at most 2/3 full, counting removed slots.
  if ((filled + 1) * 3 >= index.size() * 2) {
    size_t capacity = 8;
    while (capacity * 2 <= (used + 1) * 3)
      capacity *= 2;
    rebuildIndex(capacity);
  }
  size_t i = probe(hash, key);
  table.push_back(Entry{hash, key, std::move(value), true});
  index[i] = static_cast<int32_t>(table.size() - 1);
  ++used;
  ++filled;
  return okStatus();
}

Status DictObject::remove(const Value &key, bool &removed) {
  int64_t hash;
  JANUS_RETURN_IF_ERROR(hashValue(key, hash));
  removed = false;
  if (index.empty())
    return okStatus();
  size_t i = probe(hash, key);
  int32_t slot = index[i];
  if (slot < 0)
    return okStatus();
  index[i] = -2;
  Entry &e = table[slot];
  e.live = false;
  e.key = Value();
  e.value = Value();
  --used;
  removed = true;
  return okStatus();
}

void DictObject::clear() {
  // Moved out first, so that the entries are destroyed after the dict is
  // already empty and consistent.
  std::vector<Entry> old;
  old.swap(table);
  index.clear();
  used = 0;
  filled = 0;
}

} // namespace janus::rt
