//===- ExecInternal.h - Shared pieces of the execution ABI ------*- C++ -*-===//
//
// Internal to runtime/lib/Exec: the thread's pending exception (set from a
// Status, handed back as one when a compiled function's error crosses a
// library call), the guard that keeps C++ exceptions out of generated code,
// the per-site data cached in janus_rt_site::cache, the recursion depth and
// the call that binds keyword arguments for every callable.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_EXEC_EXECINTERNAL_H
#define JANUS_RUNTIME_EXEC_EXECINTERNAL_H

#include "Dispatch/Dispatch.h"
#include "Exec/ExecValue.h"

#include <atomic>
#include <new>
#include <string>
#include <vector>

namespace janus::rt::exec {

//===--- Errors (ExecErrors.cpp) ------------------------------------------===//

/// Makes `status` (an error) the thread's pending exception. When it is the
/// pending exception itself coming back from a library call (see
/// takePendingAsStatus), the traceback gathered so far is kept.
void setPending(Status status);
/// The pending exception as a Status, for a compiled function called from
/// C++ (a library function calling a Python callback): the exception stays
/// pending, with its traceback, and setPending of the same error keeps it.
Status takePendingAsStatus();

/// Records `status` and returns the ABI's error value / -1.
inline janus_rt_value fail(Status status) {
  setPending(std::move(status));
  return errorValue();
}
inline int32_t failInt(Status status) {
  setPending(std::move(status));
  return -1;
}

/// Runs `body` (which returns what the ABI function returns), turning a C++
/// exception into a pending MemoryError/RuntimeError.
template <typename Body> auto guard(Body &&body) -> decltype(body()) {
  using Result = decltype(body());
  try {
    return body();
  } catch (const std::bad_alloc &) {
    setPending(Status(ErrorCode::MemoryError, ""));
  } catch (...) {
    setPending(Status(ErrorCode::RuntimeError,
                      "unexpected C++ exception in the Janus runtime"));
  }
  if constexpr (std::is_same_v<Result, janus_rt_value>)
    return errorValue();
  else
    return static_cast<Result>(-1);
}

/// Converts a Status-returning computation of `out` into the ABI's result.
inline janus_rt_value produce(Status status, Value &out) {
  if (!status.ok())
    return fail(std::move(status));
  return give(std::move(out));
}

//===--- Sites (ExecCalls.cpp) --------------------------------------------===//

/// What the runtime keeps for one janus_rt_site, made on its first use and
/// published in cache[0]; it lives as long as the process (sites are
/// static data of a module).
struct SiteData {
  std::string name;
  std::vector<std::string> kwnames;
  /// A library row: the callee of janus_rt_call_library /
  /// janus_rt_library_value.
  std::atomic<const LibEntryInfo *> libraryEntry{nullptr};
  /// The Janus-Python value registered under `name` (registerLibraryValue),
  /// looked up with libraryEntry and published before it; null if none.
  std::atomic<const Value *> registered{nullptr};
  /// Per LibReceiver (tensor, list, dict, str): the method or attribute row
  /// named `name`, once looked up; `Missing` when there is none.
  std::atomic<const LibEntryInfo *> members[4] = {};
  /// An instance attribute's slot: (AttrShape address << 16) | slot index,
  /// checked against the name before use.
  std::atomic<uint64_t> attrSlot{0};
};

/// The site's data (made on first use).
SiteData &siteData(janus_rt_site *site);

//===--- Calls (ExecFunctions.cpp, ExecCalls.cpp) -------------------------===//

/// callee(*args[0..npos), **kwargs) where the values after the positionals
/// are named by `kwnames`: compiled functions, classes (instance + __init__),
/// bound methods, library callables and built-ins.
Status callValue(const Value &callee, const Value *args, size_t npos,
                 const std::vector<std::string> &kwnames, Value &out);

} // namespace janus::rt::exec

#endif // JANUS_RUNTIME_EXEC_EXECINTERNAL_H
