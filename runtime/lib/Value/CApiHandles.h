//===- CApiHandles.h - What janus.h's value handles point to ----*- C++ -*-===//
//
// The layout of a janus_value_t, shared by the C API's translation units
// (CApi.cpp for values, TensorApi.cpp for tensors), and the one way to make
// a counted handle, so that janus_debug_live_objects sees every handle.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_VALUE_CAPIHANDLES_H
#define JANUS_RUNTIME_VALUE_CAPIHANDLES_H

#include "Value/Value.h"
#include "janus/janus.h"

#include <atomic>

struct janus_value {
  explicit janus_value(janus::rt::Value value) : value(std::move(value)) {}
  std::atomic<uint32_t> refs{1};
  janus::rt::Value value;
};

namespace janus::rt {
/// A new handle holding `value`, with one reference for the caller.
janus_value_t newValueHandle(Value value);
} // namespace janus::rt

#endif // JANUS_RUNTIME_VALUE_CAPIHANDLES_H
