//===- Status.h - Python exceptions as data for the value runtime ---------===//
//
// Every fallible runtime operation returns a Status: OK (no allocation, a
// null pointer) or an error carrying the Python exception type and
// CPython's message text ("unsupported operand type(s) for +: 'int' and
// 'str'", "list index out of range", "'x'" for a KeyError). Nothing in the
// runtime throws or aborts on a Python-level error; compiled code and the C
// API test the Status and propagate it. The representation is the C API's
// janus_status_t, so a Status crosses the C boundary by releasing its
// pointer, with no copy.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_VALUE_STATUS_H
#define JANUS_RUNTIME_VALUE_STATUS_H

#include <memory>
#include <string>

namespace janus::rt {

/// The Python exception type of an error. The numeric values are those of
/// janus_status_code_t in janus.h (checked with static_asserts).
enum class ErrorCode : int {
  Ok = 0,
  TypeError = 1,
  ValueError = 2,
  OverflowError = 3,
  ZeroDivisionError = 4,
  IndexError = 5,
  KeyError = 6,
  AttributeError = 7,
  MemoryError = 8,
  NotImplementedError = 9,
  InvalidArgument = 10, // misuse of the C API (a null handle, ...)
  RuntimeError = 11,
  NameError = 12,
  UnboundLocalError = 13,
  AssertionError = 14,
  RecursionError = 15,
};

/// "TypeError", "KeyError", ...
const char *errorCodeName(ErrorCode code);

} // namespace janus::rt

/// The heap part of a failed Status; janus_status_t points at one.
struct janus_status {
  janus::rt::ErrorCode code;
  std::string message;
};

namespace janus::rt {

/// OK or an owned error. Move-only; cheap to return when OK.
class [[nodiscard]] Status {
public:
  Status() = default;
  Status(ErrorCode code, std::string message)
      : rep(new janus_status{code, std::move(message)}) {}

  bool ok() const { return !rep; }
  ErrorCode code() const { return rep ? rep->code : ErrorCode::Ok; }
  /// CPython's message ("" when OK).
  const std::string &message() const;
  /// "TypeError: message", as the last line of a traceback shows it.
  std::string str() const;

  /// Hands the error to a C caller (null when OK).
  janus_status *release() { return rep.release(); }
  /// Takes ownership of a C status (null is OK).
  static Status adopt(janus_status *status) {
    Status s;
    s.rep.reset(status);
    return s;
  }

private:
  std::unique_ptr<janus_status> rep;
};

inline Status okStatus() { return Status(); }
inline Status typeError(std::string m) {
  return Status(ErrorCode::TypeError, std::move(m));
}
inline Status valueError(std::string m) {
  return Status(ErrorCode::ValueError, std::move(m));
}
inline Status indexError(std::string m) {
  return Status(ErrorCode::IndexError, std::move(m));
}
/// The error every int result that does not fit 64 bits gives.
Status intOverflow();

} // namespace janus::rt

/// Returns from the enclosing function when `expr` is an error.
#define JANUS_RETURN_IF_ERROR(expr)                                            \
  do {                                                                         \
    ::janus::rt::Status janusStatus_ = (expr);                                 \
    if (!janusStatus_.ok())                                                    \
      return janusStatus_;                                                     \
  } while (0)

#endif // JANUS_RUNTIME_VALUE_STATUS_H
