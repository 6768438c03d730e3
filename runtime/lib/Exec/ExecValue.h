//===- ExecValue.h - janus_rt_value <-> Value without refcount traffic ----===//
//
// Generated code holds values as janus_rt_value ({kind, bits}, two i64s);
// the runtime computes with janus::rt::Value ({Kind tag, payload}). Both are
// 16 bytes with the payload in the second word, so converting is copying
// the two words: `borrow` views an argument the callee does not own (no
// retain, and nothing is released when the view dies), `give` hands a
// Value's reference to generated code, `adopt` takes one back. The two
// kinds that are not values -- an error result and an unbound slot -- are
// tested for before a conversion and never become Values.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_EXEC_EXECVALUE_H
#define JANUS_RUNTIME_EXEC_EXECVALUE_H

#include "Value/Value.h"
#include "janus/janus_exec.h"

#include <type_traits>

namespace janus::rt::exec {

static_assert(sizeof(janus_rt_value) == 16 && sizeof(Value) == 16,
              "janus_rt_value and Value must both be two words");
static_assert(std::is_standard_layout_v<janus_rt_value> &&
                  std::is_trivially_copyable_v<janus_rt_value>,
              "janus_rt_value is plain data");
static_assert(int(Kind::Cell) < int(JANUS_RT_UNBOUND_KIND),
              "the ABI's special kinds must not collide with value kinds");

inline janus_rt_value errorValue() { return {JANUS_RT_ERROR_KIND, 0}; }
inline janus_rt_value unboundValue() { return {JANUS_RT_UNBOUND_KIND, 0}; }
inline bool isError(janus_rt_value v) { return v.kind == JANUS_RT_ERROR_KIND; }
inline bool isUnbound(janus_rt_value v) {
  return v.kind == JANUS_RT_UNBOUND_KIND;
}

/// Takes over the reference `v` carries.
inline Value adopt(janus_rt_value v) {
  return Value::adoptRaw(static_cast<Kind>(v.kind), v.bits);
}

/// Hands `v`'s reference to generated code.
inline janus_rt_value give(Value v) {
  janus_rt_value out;
  out.kind = static_cast<uint64_t>(v.kind());
  out.bits = v.releaseRaw();
  return out;
}

/// A Value that views a borrowed janus_rt_value: it reads like the value
/// but neither retains nor releases it.
class Borrowed {
public:
  explicit Borrowed(janus_rt_value v) : value(adopt(v)) {}
  Borrowed(const Borrowed &) = delete;
  Borrowed &operator=(const Borrowed &) = delete;
  ~Borrowed() { value.releaseRaw(); }
  const Value &operator*() const { return value; }
  const Value *operator->() const { return &value; }

private:
  Value value;
};

/// Borrowed views of an argument array, on the stack for small calls.
class BorrowedArray {
public:
  BorrowedArray(const janus_rt_value *args, size_t n) : count(n) {
    items = n <= InlineCount ? inlineItems : new Value[n];
    for (size_t i = 0; i < n; ++i)
      items[i] = adopt(args[i]);
  }
  BorrowedArray(const BorrowedArray &) = delete;
  BorrowedArray &operator=(const BorrowedArray &) = delete;
  ~BorrowedArray() {
    for (size_t i = 0; i < count; ++i)
      items[i].releaseRaw();
    if (items != inlineItems)
      delete[] items;
  }
  const Value *data() const { return items; }
  size_t size() const { return count; }
  const Value &operator[](size_t i) const { return items[i]; }

private:
  static constexpr size_t InlineCount = 8;
  Value inlineItems[InlineCount];
  Value *items;
  size_t count;
};

/// A borrowed view of a Value as generated code passes it: no reference.
inline janus_rt_value view(const Value &v) {
  return {static_cast<uint64_t>(v.kind()), v.rawBits()};
}

} // namespace janus::rt::exec

#endif // JANUS_RUNTIME_EXEC_EXECVALUE_H
