//===- ExecErrors.cpp - Pending exceptions, tracebacks, entry points ------===//
//
// A failing ABI function records a pending exception for the calling
// thread: the Python exception type (an ErrorCode) and CPython's message;
// generated code appends the location of each failing op as the error
// travels out through its callers, and the entry point takes the result as
// text (janus_rt_format_error) or as a janus_status_t (with or without the
// traceback in its message); both collapse a recursion's identical trace
// lines as CPython does. A compiled function that fails under a library
// call (sorted(key=f)) hands the exception to the library as a Status and
// takes it back when the Status returns, so its traceback survives the
// trip. Also here: janus_rt_entry_begin/end, which restore the grad mode
// and the recursion depth around an exported call, and the conversions
// between janus_rt_value and janus.h's handles.
//
//===----------------------------------------------------------------------===//

#include "Exec/ExecInternal.h"

#include "Autograd/Autograd.h"
#include "Value/CApiHandles.h"

#include <cstdlib>
#include <cstring>

using namespace janus::rt;
using namespace janus::rt::exec;

namespace janus::rt::exec {
/// Compiled frames active on this thread (ExecFunctions.cpp).
extern thread_local int64_t recursionDepth;
} // namespace janus::rt::exec

namespace {

struct Frame {
  std::string file, function;
  int32_t line, column;
};

struct PendingError {
  bool pending = false;
  /// Handed to a library call as a Status that has not come back yet.
  bool inFlight = false;
  ErrorCode code = ErrorCode::Ok;
  std::string message;
  std::vector<Frame> frames; // innermost first
};

thread_local PendingError pendingError;

std::string location(const Frame &f) {
  return f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
}

/// The traceback lines ("  FILE:LINE:COL: in f"), each between `separator`
/// and `terminator`. As CPython's traceback printing does, a run of identical
/// consecutive lines (a recursion) shows its first kRecursiveCutoff lines
/// and then "  [Previous line repeated N more times]" for the other N, so
/// that a RecursionError's trace stays a few lines long.
std::string formatFrames(const std::vector<Frame> &frames,
                         const char *separator, const char *terminator) {
  constexpr size_t kRecursiveCutoff = 3;
  std::string text, previous;
  size_t count = 0; // consecutive lines equal to `previous`
  auto summarizeRun = [&] {
    if (count <= kRecursiveCutoff)
      return;
    size_t more = count - kRecursiveCutoff;
    text += std::string(separator) + "  [Previous line repeated " +
            std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]" +
            terminator;
  };
  for (const Frame &f : frames) {
    std::string line = "  " + location(f) + ": in " + f.function;
    if (count == 0 || line != previous) {
      summarizeRun();
      previous = std::move(line);
      count = 0;
    }
    if (++count <= kRecursiveCutoff)
      text += separator + previous + terminator;
  }
  summarizeRun();
  return text;
}

char *copyString(const std::string &s) {
  char *copy = static_cast<char *>(std::malloc(s.size() + 1));
  if (copy)
    std::memcpy(copy, s.data(), s.size() + 1);
  return copy;
}

} // namespace

void janus::rt::exec::setPending(Status status) {
  PendingError &p = pendingError;
  if (p.pending && p.inFlight && p.code == status.code() &&
      p.message == status.message()) {
    p.inFlight = false; // our own exception, back from a library call
    return;
  }
  p.pending = true;
  p.inFlight = false;
  p.code = status.code();
  p.message = status.message();
  p.frames.clear();
}

Status janus::rt::exec::takePendingAsStatus() {
  PendingError &p = pendingError;
  if (!p.pending)
    return Status(ErrorCode::RuntimeError,
                  "compiled code failed without an exception");
  p.inFlight = true;
  return Status(p.code, p.message);
}

extern "C" {

void janus_rt_traceback_add(const janus_rt_location *loc) {
  if (!loc || !pendingError.pending)
    return;
  try {
    pendingError.frames.push_back(Frame{
        loc->file ? loc->file : "<unknown>",
        loc->function ? loc->function : "<unknown>", loc->line, loc->column});
  } catch (...) {
    // Out of memory: the traceback loses a line, the error stays.
  }
}

int32_t janus_rt_error_pending(void) { return pendingError.pending ? 1 : 0; }

char *janus_rt_format_error(void) {
  PendingError &p = pendingError;
  if (!p.pending)
    return nullptr;
  std::string text;
  try {
    std::string error = errorCodeName(p.code);
    if (!p.message.empty())
      error += ": " + p.message;
    if (p.frames.empty()) {
      text = "error: " + error + "\n";
    } else {
      text = location(p.frames.front()) + ": error: " + error + "\n";
      text += formatFrames(p.frames, "", "\n");
    }
  } catch (...) {
    text = "error: MemoryError\n";
  }
  p = PendingError();
  return copyString(text);
}

janus_status_t janus_rt_take_status(void) {
  PendingError &p = pendingError;
  if (!p.pending)
    return nullptr;
  janus_status_t status = nullptr;
  try {
    status = Status(p.code, std::move(p.message)).release();
  } catch (...) {
    status = Status(ErrorCode::MemoryError, "").release();
  }
  p = PendingError();
  return status;
}

janus_status_t janus_rt_take_status_with_traceback(void) {
  PendingError &p = pendingError;
  if (!p.pending)
    return nullptr;
  janus_status_t status = nullptr;
  try {
    std::string message = std::move(p.message);
    message += formatFrames(p.frames, "\n", "");
    status = Status(p.code, std::move(message)).release();
  } catch (...) {
    status = Status(ErrorCode::MemoryError, "").release();
  }
  p = PendingError();
  return status;
}

void *janus_rt_entry_begin(void) {
  // An exception still pending here is stale (one a library call caught
  // and dropped): nothing is unwinding while a new call starts.
  if (pendingError.pending)
    pendingError = PendingError();
  // Never null: bit 0 is set, bit 1 the grad mode, the rest the depth.
  uintptr_t depth = static_cast<uintptr_t>(recursionDepth);
  return reinterpret_cast<void *>((depth << 2) | (isGradEnabled() ? 2u : 0u) |
                                  1u);
}

void janus_rt_entry_end(void *token) {
  auto bits = reinterpret_cast<uintptr_t>(token);
  if (!(bits & 1u))
    return;
  setGradEnabled((bits & 2u) != 0);
  recursionDepth = static_cast<int64_t>(bits >> 2);
}

janus_value_t janus_rt_to_handle(janus_rt_value v) {
  if (isError(v) || isUnbound(v))
    return nullptr;
  try {
    Borrowed value(v);
    return newValueHandle(*value);
  } catch (...) {
    return nullptr;
  }
}

janus_rt_value janus_rt_from_handle(janus_value_t handle) {
  if (!handle)
    return fail(Status(ErrorCode::InvalidArgument, "a NULL janus_value_t"));
  return give(handle->value);
}

} // extern "C"
