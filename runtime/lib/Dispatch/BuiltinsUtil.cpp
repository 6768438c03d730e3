//===- BuiltinsUtil.cpp - Helpers shared by the builtin implementations --===//
//
// See BuiltinsUtil.h. The sort is a bottom-up merge sort rather than
// std::stable_sort because every comparison can fail (a Python TypeError)
// and the standard algorithms cannot stop early or report it.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"
#include "Dispatch/TensorArgs.h"
#include "Format/Utf8.h"
#include "Tensor/Print.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace janus;
using namespace janus::rt;

Status janus::rt::indexArg(const Value &v, int64_t &out) {
  if (!v.isIntLike())
    return typeError(std::string("'") + typeName(v) +
                     "' object cannot be interpreted as an integer");
  out = v.asInt();
  return okStatus();
}

Status janus::rt::itemEquals(const Value &a, const Value &b, bool &out) {
  if (a.is(b)) {
    out = true;
    return okStatus();
  }
  return compareBool(PyCompareOp::Eq, a, b, out);
}

Status janus::rt::wrongReceiver(LibId id, const char *receiverType,
                                const Value &self) {
  return typeError(std::string("descriptor '") +
                   LibraryTable::get().entry(id).name + "' for '" +
                   receiverType + "' objects doesn't apply to a '" +
                   typeName(self) + "' object");
}

Status janus::rt::statusOf(const PyError &err) {
  switch (err.kind) {
  case PyErrorKind::None:
    return okStatus();
  case PyErrorKind::ValueError:
    return valueError(err.message);
  case PyErrorKind::OverflowError:
    return Status(ErrorCode::OverflowError, err.message);
  case PyErrorKind::ZeroDivisionError:
    return Status(ErrorCode::ZeroDivisionError, err.message);
  case PyErrorKind::MemoryError:
    return Status(ErrorCode::MemoryError, err.message);
  }
  return valueError(err.message);
}

Status janus::rt::applyKey(const Value &key, const Value &v, Value &out) {
  if (key.isNone()) {
    out = v;
    return okStatus();
  }
  return call(key, &v, 1, out);
}

Status janus::rt::sortValues(std::vector<Value> &items, const Value &key,
                             bool reverse) {
  const size_t n = items.size();
  if (n < 2)
    return okStatus();
  // CPython sorts a reversed list and reverses back, so that equal items
  // keep their original order under reverse=True too.
  if (reverse)
    std::reverse(items.begin(), items.end());
  std::vector<Value> keys(n);
  for (size_t i = 0; i < n; ++i)
    JANUS_RETURN_IF_ERROR(applyKey(key, items[i], keys[i]));
  std::vector<size_t> order(n), buffer(n);
  for (size_t i = 0; i < n; ++i)
    order[i] = i;
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        // Take from the right only when it is strictly less: stability.
        bool less = false;
        JANUS_RETURN_IF_ERROR(
            compareBool(PyCompareOp::Lt, keys[order[j]], keys[order[i]], less));
        buffer[k++] = less ? order[j++] : order[i++];
      }
      while (i < mid)
        buffer[k++] = order[i++];
      while (j < hi)
        buffer[k++] = order[j++];
    }
    order.swap(buffer);
  }
  std::vector<Value> sorted;
  sorted.reserve(n);
  for (size_t i : order)
    sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
  if (reverse)
    std::reverse(items.begin(), items.end());
  return okStatus();
}

Status janus::rt::dictMerge(const Value &dict, const Value &other) {
  auto *d = dict.as<DictObject>();
  if (other.kind() == Kind::Dict) {
    // Copy first: d.update(d) must not walk entries it is rewriting.
    std::vector<DictObject::Entry> entries = other.as<DictObject>()->entries();
    for (const auto &e : entries)
      if (e.live)
        JANUS_RETURN_IF_ERROR(d->set(e.key, e.value));
    return okStatus();
  }
  Value it;
  JANUS_RETURN_IF_ERROR(getIter(other, it));
  for (int64_t index = 0;; ++index) {
    Value element;
    bool done = false;
    JANUS_RETURN_IF_ERROR(iterNext(it, element, done));
    if (done)
      return okStatus();
    std::vector<Value> pair;
    if (!collectItems(element, pair).ok())
      return typeError("cannot convert dictionary update sequence element #" +
                       std::to_string(index) + " to a sequence");
    if (pair.size() != 2)
      return valueError("dictionary update sequence element #" +
                        std::to_string(index) + " has length " +
                        std::to_string(pair.size()) + "; 2 is required");
    JANUS_RETURN_IF_ERROR(d->set(pair[0], pair[1]));
  }
}

Status janus::rt::formatValue(const Value &v, std::string_view spec,
                              std::string &out) {
  PyError err;
  bool ok = true;
  switch (v.kind()) {
  case Kind::Bool:
    ok = formatBool(v.asBool(), spec, out, err);
    break;
  case Kind::Int:
    ok = formatInt(v.asInt(), spec, out, err);
    break;
  case Kind::Float:
    ok = formatFloat(v.asFloat(), spec, out, err);
    break;
  case Kind::Str:
    ok = formatStr(v.as<StrObject>()->text, spec, out, err);
    break;
  case Kind::Tensor: {
    // Tensor.__format__: a 0-dim tensor (of type Tensor, not Parameter)
    // formats as its item; anything else is object.__format__: str(v) for
    // an empty spec (with the requires_grad/grad_fn suffix), else an error.
    if (v.tensor()->isParameter() || (v.tensor()->dim() != 0 && spec.empty())) {
      if (!spec.empty())
        return typeError(
            "unsupported format string passed to Parameter.__format__");
      out = str(v);
      return okStatus();
    }
    ErrorKind kind;
    std::string message;
    if (!formatTensorSpec(tensorOf(v), spec, out, kind, message))
      return statusFromTensorError(TensorError(kind, message));
    return okStatus();
  }
  default:
    if (!spec.empty())
      return typeError(std::string("unsupported format string passed to ") +
                       typeName(v) + ".__format__");
    return strChecked(v, out);
  }
  return ok ? okStatus() : statusOf(err);
}

namespace {

int digitValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

} // namespace

bool janus::rt::isPySpace(char32_t c) {
  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  return c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

size_t janus::rt::spaceAt(std::string_view s, size_t pos) {
  if (pos >= s.size())
    return 0;
  size_t next = pos;
  return isPySpace(detail::decodeUtf8(s, next)) ? next - pos : 0;
}

size_t janus::rt::spaceBefore(std::string_view s, size_t end) {
  if (end == 0)
    return 0;
  size_t start = end - 1;
  while (start > 0 && end - start < 4 &&
         (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  size_t n = spaceAt(s, start);
  return start + n == end ? n : 0;
}

std::string_view janus::rt::stripSpace(std::string_view s) {
  while (size_t n = spaceAt(s, 0))
    s.remove_prefix(n);
  while (size_t n = spaceBefore(s, s.size()))
    s.remove_suffix(n);
  return s;
}

Status janus::rt::parseIntLiteral(const std::string &text, int base,
                                  int64_t &out) {
  auto invalid = [&] {
    return valueError("invalid literal for int() with base " +
                      std::to_string(base) + ": " + reprStr(text));
  };
  std::string_view s = stripSpace(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int b = base;
  // After a 0x/0o/0b prefix an underscore may come first ("0x_1f").
  bool afterPrefix = false;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefixBase && (base == 0 || base == prefixBase)) {
      b = prefixBase;
      s.remove_prefix(2);
      afterPrefix = true;
    }
  }
  if (b == 0) {
    // Base 0 without a prefix is decimal, and a leading 0 allows only zeros.
    b = 10;
    if (!s.empty() && s[0] == '0')
      for (char c : s)
        if (c != '0' && c != '_')
          return invalid();
  }
  unsigned __int128 value = 0;
  bool sawDigit = false, lastUnderscore = afterPrefix;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (lastUnderscore && !(afterPrefix && i == 0))
        return invalid();
      if (!sawDigit && !afterPrefix)
        return invalid();
      lastUnderscore = true;
      continue;
    }
    int d = digitValue(s[i]);
    if (d >= b)
      return invalid();
    sawDigit = true;
    lastUnderscore = false;
    value = value * b + d;
    if (value > (static_cast<unsigned __int128>(1) << 64))
      value = static_cast<unsigned __int128>(1) << 64; // saturate: overflow
  }
  if (!sawDigit || lastUnderscore)
    return invalid();
  unsigned __int128 limit =
      static_cast<unsigned __int128>(INT64_MAX) + (negative ? 1 : 0);
  if (value > limit)
    return intOverflow();
  out = negative ? static_cast<int64_t>(-static_cast<__int128>(value))
                 : static_cast<int64_t>(value);
  return okStatus();
}

Status janus::rt::parseFloatLiteral(const std::string &text, double &out) {
  auto invalid = [&] {
    return valueError("could not convert string to float: " + reprStr(text));
  };
  std::string_view s = stripSpace(text);
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  std::string lower;
  for (char c : body)
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  if (lower == "inf" || lower == "infinity") {
    out = negative ? -HUGE_VAL : HUGE_VAL;
    return okStatus();
  }
  if (lower == "nan") {
    out = negative ? -NAN : NAN;
    return okStatus();
  }
  // Check the decimal grammar, dropping underscores that sit between two
  // digits (any other underscore is an error), then let strtod round.
  std::string clean;
  size_t i = 0;
  auto digits = [&](bool &any) {
    while (i < body.size()) {
      char c = body[i];
      if (c >= '0' && c <= '9') {
        clean += c;
        any = true;
      } else if (c == '_' && any && i + 1 < body.size() && body[i + 1] >= '0' &&
                 body[i + 1] <= '9') {
        // skipped
      } else {
        break;
      }
      ++i;
    }
  };
  bool intDigits = false, fracDigits = false;
  digits(intDigits);
  if (i < body.size() && body[i] == '.') {
    clean += '.';
    ++i;
    digits(fracDigits);
  }
  if (!intDigits && !fracDigits)
    return invalid();
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    clean += 'e';
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-'))
      clean += body[i++];
    bool expDigits = false;
    digits(expDigits);
    if (!expDigits)
      return invalid();
  }
  if (i != body.size())
    return invalid();
  errno = 0;
  double v = std::strtod(clean.c_str(), nullptr); // overflow gives inf, as
  out = negative ? -v : v;                        // CPython's float() does
  return okStatus();
}
