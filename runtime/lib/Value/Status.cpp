//===- Status.cpp - Exception names and messages of runtime errors --------===//
//
// The small amount of code behind Status: the Python name of each error
// code, and the one OverflowError message every int operation shares (the
// formatting library's, so that round() and `+` overflow read alike).
//
//===----------------------------------------------------------------------===//

#include "Value/Status.h"

#include "Format/PyFormat.h"

namespace janus::rt {

const char *errorCodeName(ErrorCode code) {
  switch (code) {
  case ErrorCode::Ok:
    return "OK";
  case ErrorCode::TypeError:
    return "TypeError";
  case ErrorCode::ValueError:
    return "ValueError";
  case ErrorCode::OverflowError:
    return "OverflowError";
  case ErrorCode::ZeroDivisionError:
    return "ZeroDivisionError";
  case ErrorCode::IndexError:
    return "IndexError";
  case ErrorCode::KeyError:
    return "KeyError";
  case ErrorCode::AttributeError:
    return "AttributeError";
  case ErrorCode::MemoryError:
    return "MemoryError";
  case ErrorCode::NotImplementedError:
    return "NotImplementedError";
  case ErrorCode::InvalidArgument:
    return "InvalidArgument";
  case ErrorCode::RuntimeError:
    return "RuntimeError";
  case ErrorCode::NameError:
    return "NameError";
  case ErrorCode::UnboundLocalError:
    return "UnboundLocalError";
  case ErrorCode::AssertionError:
    return "AssertionError";
  case ErrorCode::RecursionError:
    return "RecursionError";
  }
  return "Error";
}

const std::string &Status::message() const {
  static const std::string empty;
  return rep ? rep->message : empty;
}

std::string Status::str() const {
  if (!rep)
    return "OK";
  std::string out = errorCodeName(rep->code);
  if (!rep->message.empty())
    out += ": " + rep->message;
  return out;
}

Status intOverflow() {
  return Status(ErrorCode::OverflowError, kIntOverflowMessage);
}

} // namespace janus::rt
