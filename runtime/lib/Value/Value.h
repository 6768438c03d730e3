//===- Value.h - Boxed Python values of the Janus runtime -----------------===//
//
// A Value is what the accurate (imperative) path computes with: any Python
// object of the Janus subset. It is 16 bytes, a kind tag plus a payload:
// None, bool, int (int64) and float (double) live inline and cost no
// allocation (the small-value optimisation), everything else is a pointer to
// an intrusively reference-counted heap Object (str, tuple, list, dict,
// range, built-in function, bound method, class, instance, iterator, dict
// view) or to a tensor
// (janus::rt::TensorImpl, owned by the tensor library and reference counted
// through the retainTensor/releaseTensor hooks it defines).
//
// Copying a Value retains, destroying it releases, so C++ code never counts
// by hand. Reference counts are atomic, so immutable values may be shared
// between threads; mutating a list, dict or instance is not synchronised.
// In every build a global counter tracks live heap objects
// (liveObjectCount), which the tests use to prove that nothing leaks.
//
// The operations on values (arithmetic, comparison, repr, items,
// attributes, calls) are in Ops.h; the heap object layouts in Objects.h.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_VALUE_VALUE_H
#define JANUS_RUNTIME_VALUE_VALUE_H

#include "Value/Status.h"

#include <atomic>
#include <cstdint>
#include <utility>

namespace janus::rt {

class TensorImpl;

/// Defined by the tensor library: add or drop one reference to a tensor.
/// Weak no-op defaults exist until it does (no TensorImpl can be created
/// without the tensor library, so they are never reached with a real one).
void retainTensor(TensorImpl *tensor);
void releaseTensor(TensorImpl *tensor);

/// The Python type of a Value. Inline kinds come first.
enum class Kind : uint8_t {
  None,
  Bool,
  Int,
  Float,
  Tensor, // a TensorImpl*, not an Object
  // Heap Objects from here on.
  Str,
  Tuple,
  List,
  Dict,
  Range,
  Function,    // a built-in callable
  BoundMethod, // obj.method: the function plus `self`
  Class,       // a user class
  Instance,    // an instance of a user class
  // Inline again (appended to keep janus_value_kind_t's numbers stable).
  DType, // torch.float32 ...: a janus::rt::DType code
  // Heap again (appended for the same reason).
  Iterator, // a lazy iterator: list_iterator, enumerate, zip, reversed ...
  DictView, // d.keys(), d.values(), d.items()
  Slice,    // a[lo:hi:step]'s key
  Ellipsis, // `...`: inline, no payload
  Cell,     // a local captured by a lambda (never a Python-visible value)
};

/// Header of every heap value: its kind and reference count.
class Object {
public:
  explicit Object(Kind kind);
  Object(const Object &) = delete;
  Object &operator=(const Object &) = delete;

  Kind kind() const { return objKind; }
  void retain() { refs.fetch_add(1, std::memory_order_relaxed); }
  /// Drops one reference and destroys the object when it was the last.
  void release() {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
      destroy(this);
  }
  uint32_t refCount() const { return refs.load(std::memory_order_relaxed); }

protected:
  ~Object();

private:
  static void destroy(Object *object);

  std::atomic<uint32_t> refs{1};
  Kind objKind;
};

/// Heap objects alive now (all threads). Tests expect it back at its
/// starting value once every Value they made is gone.
int64_t liveObjectCount();

class Value {
public:
  /// None.
  Value() : tag(Kind::None) { bits.i = 0; }
  static Value none() { return Value(); }
  static Value fromBool(bool b) {
    Value v(Kind::Bool);
    v.bits.i = b;
    return v;
  }
  static Value fromInt(int64_t i) {
    Value v(Kind::Int);
    v.bits.i = i;
    return v;
  }
  static Value fromFloat(double f) {
    Value v(Kind::Float);
    v.bits.f = f;
    return v;
  }
  /// Takes over the caller's reference to `object`.
  static Value adopt(Object *object) {
    Value v(object->kind());
    v.bits.obj = object;
    return v;
  }
  /// Adds a reference to `object`.
  static Value retainObject(Object *object) {
    object->retain();
    return adopt(object);
  }
  /// torch.float32 and its kin; `code` is a janus::rt::DType.
  static Value fromDType(uint8_t code) {
    Value v(Kind::DType);
    v.bits.i = code;
    return v;
  }
  /// Adds a reference to `tensor`.
  static Value fromTensor(TensorImpl *tensor) {
    retainTensor(tensor);
    Value v(Kind::Tensor);
    v.bits.tensor = tensor;
    return v;
  }

  Value(const Value &other) : tag(other.tag), bits(other.bits) { retain(); }
  Value(Value &&other) noexcept : tag(other.tag), bits(other.bits) {
    other.tag = Kind::None;
  }
  Value &operator=(const Value &other) {
    Value copy(other);
    swap(copy);
    return *this;
  }
  Value &operator=(Value &&other) noexcept {
    Value moved(std::move(other));
    swap(moved);
    return *this;
  }
  ~Value() { release(); }
  void swap(Value &other) noexcept {
    std::swap(tag, other.tag);
    std::swap(bits, other.bits);
  }

  Kind kind() const { return tag; }
  bool isNone() const { return tag == Kind::None; }
  bool isBool() const { return tag == Kind::Bool; }
  bool isInt() const { return tag == Kind::Int; }
  bool isFloat() const { return tag == Kind::Float; }
  bool isObject() const {
    return tag > Kind::Tensor && tag != Kind::DType && tag != Kind::Ellipsis;
  }
  /// int or bool (bool is a subclass of int in Python).
  bool isIntLike() const { return tag == Kind::Int || tag == Kind::Bool; }
  /// int, bool or float.
  bool isNumber() const { return isIntLike() || tag == Kind::Float; }

  bool asBool() const { return bits.i != 0; }
  /// The int value of an int or a bool.
  int64_t asInt() const { return bits.i; }
  double asFloat() const { return bits.f; }
  /// The float value of any number (int and bool converted).
  double toDouble() const {
    return tag == Kind::Float ? bits.f : static_cast<double>(bits.i);
  }
  Object *object() const { return bits.obj; }
  template <typename T> T *as() const { return static_cast<T *>(bits.obj); }
  TensorImpl *tensor() const { return bits.tensor; }
  uint8_t dtypeCode() const { return static_cast<uint8_t>(bits.i); }

  static Value ellipsis() {
    Value v(Kind::Ellipsis);
    v.bits.i = 0;
    return v;
  }

  /// Raw access for the execution ABI (Exec/ExecValue.h), which passes
  /// Values to generated code as a plain {kind, bits} pair. adoptRaw takes
  /// over the reference the pair carries; releaseRaw hands this Value's
  /// reference to the caller (the Value becomes None).
  static Value adoptRaw(Kind kind, uint64_t raw) {
    Value v(kind);
    v.bits.i = static_cast<int64_t>(raw);
    return v;
  }
  uint64_t rawBits() const { return static_cast<uint64_t>(bits.i); }
  uint64_t releaseRaw() {
    uint64_t raw = rawBits();
    tag = Kind::None;
    bits.i = 0;
    return raw;
  }

  /// Python's `is`: the same heap object, or equal inline payloads.
  bool is(const Value &other) const {
    return tag == other.tag && bits.i == other.bits.i;
  }

private:
  explicit Value(Kind kind) : tag(kind) {}
  void retain() const {
    if (isObject())
      bits.obj->retain();
    else if (tag == Kind::Tensor)
      retainTensor(bits.tensor);
  }
  void release() const {
    if (isObject())
      bits.obj->release();
    else if (tag == Kind::Tensor)
      releaseTensor(bits.tensor);
  }

  Kind tag;
  union {
    int64_t i;
    double f;
    Object *obj;
    TensorImpl *tensor;
  } bits;
};

} // namespace janus::rt

#endif // JANUS_RUNTIME_VALUE_VALUE_H
