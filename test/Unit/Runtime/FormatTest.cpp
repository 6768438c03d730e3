//===- FormatTest.cpp - CPython-identical formatting of scalars -----------===//
//
// Checks runtime/lib/Format against CPython's own answers: every vector in
// FormatVectors.inc (written by scripts/gen-format-vectors.py from
// /usr/bin/python3) must match exactly, text and error message alike. A few
// hand-written cases below document the headline rules and guard the parts
// the vectors cannot reach (UTF-8 edge cases, the MemoryError cap).
//
//===----------------------------------------------------------------------===//

#include "Format/PyFormat.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

using namespace janus::rt;
using namespace std::literals;

namespace {

struct FloatReprVector {
  uint64_t bits;
  std::string_view repr;
};
struct FloatFormatVector {
  uint64_t bits;
  std::string_view spec;
  bool ok;
  std::string_view text;
};
struct IntFormatVector {
  int64_t value;
  std::string_view spec;
  bool ok;
  std::string_view text;
};
struct StrFormatVector {
  std::string_view value;
  std::string_view spec;
  bool ok;
  std::string_view text;
};
struct BoolFormatVector {
  bool value;
  std::string_view spec;
  bool ok;
  std::string_view text;
};
struct StrReprVector {
  std::string_view value, repr, ascii;
};
struct FStringVector {
  char kind; // 'i' int, 'f' float, 's' str, 'b' bool
  int64_t intValue;
  uint64_t floatBits;
  std::string_view strValue;
  char conversion; // 'r', 's', 'a', or '-' for none
  std::string_view spec;
  std::string_view text;
};
struct RoundToIntVector {
  uint64_t bits;
  bool ok;
  int64_t result;
  std::string_view error;
};
struct RoundFloatVector {
  uint64_t bits;
  int64_t ndigits;
  bool ok;
  uint64_t resultBits;
  std::string_view error;
};
struct RoundIntVector {
  int64_t value, ndigits;
  bool ok;
  int64_t result;
  std::string_view error;
};
struct IntArithVector {
  char op;
  int64_t a, b;
  bool ok;
  int64_t result, result2;
  std::string_view error;
};
struct IntPowNegVector {
  int64_t base, exp;
  bool ok;
  uint64_t resultBits;
  std::string_view error;
};
struct FloatArithVector {
  char op;
  uint64_t a, b;
  bool ok;
  uint64_t result, result2;
  std::string_view error;
};

#include "FormatVectors.inc"

double fromBits(uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

uint64_t toBits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

/// Floats are equal bit for bit (so -0.0 != 0.0), except that any nan
/// matches any nan.
bool sameFloat(double got, uint64_t want) {
  double w = fromBits(want);
  if (std::isnan(w))
    return std::isnan(got);
  return toBits(got) == want;
}

/// "ok:text" or "err:Type: message", so one CHECK shows both sides.
std::string outcome(bool ok, const std::string &text, const PyError &err) {
  return ok ? "ok:" + text : "err:" + err.str();
}

std::string expected(bool ok, std::string_view text) {
  return (ok ? "ok:" : "err:") + std::string(text);
}

template <typename Vector, typename Fn>
void checkFormatVectors(const Vector &vectors, Fn format) {
  size_t failures = 0;
  for (const auto &v : vectors) {
    std::string out;
    PyError err;
    bool ok = format(v, out, err);
    std::string got = outcome(ok, out, err), want = expected(v.ok, v.text);
    if (got != want && ++failures <= 20) {
      INFO("spec '" << std::string(v.spec) << "'");
      CHECK(got == want);
    }
  }
  CHECK(failures == 0);
}

} // namespace

TEST_CASE("repr(float) matches CPython") {
  size_t failures = 0;
  for (const auto &v : kFloatReprVectors) {
    std::string got = reprFloat(fromBits(v.bits));
    if (got != v.repr && ++failures <= 20)
      CHECK(got == std::string(v.repr));
  }
  CHECK(failures == 0);
  CHECK(reprFloat(1e16) == "1e+16");
  CHECK(reprFloat(1e-5) == "1e-05");
  CHECK(reprFloat(0.0001) == "0.0001");
  CHECK(reprFloat(123456789012345.6) == "123456789012345.6");
  CHECK(reprFloat(2.0) == "2.0");
  CHECK(reprFloat(-0.0) == "-0.0");
  CHECK(reprFloat(-INFINITY) == "-inf");
  CHECK(reprFloat(NAN) == "nan");
}

TEST_CASE("str of int, bool and None") {
  CHECK(strInt(INT64_MIN) == "-9223372036854775808");
  CHECK(strInt(0) == "0");
  CHECK(strBool(true) == "True");
  CHECK(strBool(false) == "False");
  CHECK(strNone() == "None");
}

TEST_CASE("repr(str) and ascii(str) match CPython") {
  for (const auto &v : kStrReprVectors) {
    INFO("value " << std::string(v.value));
    CHECK(reprStr(v.value) == std::string(v.repr));
    CHECK(asciiStr(v.value) == std::string(v.ascii));
  }
  CHECK(reprStr("it's") == "\"it's\"");
  CHECK(reprStr(std::string_view("\0", 1)) == "'\\x00'");
  // Bytes that are not UTF-8 read as surrogateescape would decode them.
  CHECK(reprStr("\xff") == "'\\udcff'");
  CHECK(reprStr("a\xe4") == "'a\\udce4'");
}

TEST_CASE("format(float, spec) matches CPython") {
  checkFormatVectors(kFloatFormatVectors, [](const FloatFormatVector &v,
                                             std::string &out, PyError &err) {
    return formatFloat(fromBits(v.bits), v.spec, out, err);
  });
}

TEST_CASE("format(int, spec) matches CPython") {
  checkFormatVectors(kIntFormatVectors, [](const IntFormatVector &v,
                                           std::string &out, PyError &err) {
    return formatInt(v.value, v.spec, out, err);
  });
}

TEST_CASE("format(str, spec) matches CPython") {
  checkFormatVectors(kStrFormatVectors, [](const StrFormatVector &v,
                                           std::string &out, PyError &err) {
    return formatStr(v.value, v.spec, out, err);
  });
}

TEST_CASE("format(bool, spec) matches CPython") {
  checkFormatVectors(kBoolFormatVectors, [](const BoolFormatVector &v,
                                            std::string &out, PyError &err) {
    return formatBool(v.value, v.spec, out, err);
  });
}

TEST_CASE("format errors carry CPython's exception and message") {
  std::string out;
  PyError err;
  CHECK_FALSE(formatFloat(1.0, "d", out, err));
  CHECK(err.str() ==
        "ValueError: Unknown format code 'd' for object of type 'float'");
  CHECK_FALSE(formatInt(1, "abc", out, err));
  CHECK(err.str() ==
        "ValueError: Invalid format specifier 'abc' for object of type 'int'");
  CHECK_FALSE(formatInt(0x110000, "c", out, err));
  CHECK(err.kind == PyErrorKind::OverflowError);
  CHECK_FALSE(formatInt(1, "99999999999", out, err));
  CHECK(err.kind == PyErrorKind::MemoryError);
}

TEST_CASE("f-string conversions and specs match CPython") {
  for (const auto &v : kFStringVectors) {
    INFO("kind " << v.kind << " conversion " << v.conversion << " spec "
                 << std::string(v.spec));
    std::string out;
    PyError err;
    bool ok = false;
    if (v.conversion != '-') {
      // !r/!s/!a produce a str, which the spec then formats.
      std::string converted;
      double f = fromBits(v.floatBits);
      switch (v.kind) {
      case 'f':
        converted = reprFloat(f);
        break;
      case 'i':
        converted = strInt(v.intValue);
        break;
      case 'b':
        converted = strBool(v.intValue != 0);
        break;
      default:
        converted = v.conversion == 's'   ? std::string(v.strValue)
                    : v.conversion == 'r' ? reprStr(v.strValue)
                                          : asciiStr(v.strValue);
        break;
      }
      ok = formatStr(converted, v.spec, out, err);
    } else if (v.kind == 'f') {
      ok = formatFloat(fromBits(v.floatBits), v.spec, out, err);
    } else if (v.kind == 'i') {
      ok = formatInt(v.intValue, v.spec, out, err);
    } else if (v.kind == 'b') {
      ok = formatBool(v.intValue != 0, v.spec, out, err);
    } else {
      ok = formatStr(v.strValue, v.spec, out, err);
    }
    CHECK(ok);
    CHECK(out == std::string(v.text));
  }
}

TEST_CASE("round() matches CPython") {
  size_t failures = 0;
  for (const auto &v : kRoundToIntVectors) {
    int64_t got = 0;
    PyError err;
    bool ok = roundFloatToInt(fromBits(v.bits), got, err);
    bool same = ok == v.ok && (ok ? got == v.result : err.str() == v.error);
    if (!same && ++failures <= 20) {
      INFO("round(" << reprFloat(fromBits(v.bits)) << ") error " << err.str());
      CHECK(same);
    }
  }
  for (const auto &v : kRoundFloatVectors) {
    double got = 0;
    PyError err;
    bool ok = roundFloat(fromBits(v.bits), v.ndigits, got, err);
    bool same = ok == v.ok &&
                (ok ? sameFloat(got, v.resultBits) : err.str() == v.error);
    if (!same && ++failures <= 20) {
      INFO("round(" << reprFloat(fromBits(v.bits)) << ", " << v.ndigits
                    << ") got " << reprFloat(got) << " want "
                    << reprFloat(fromBits(v.resultBits)) << " error "
                    << err.str());
      CHECK(same);
    }
  }
  for (const auto &v : kRoundIntVectors) {
    int64_t got = 0;
    PyError err;
    bool ok = roundInt(v.value, v.ndigits, got, err);
    bool same = ok == v.ok && (ok ? got == v.result : err.str() == v.error);
    if (!same && ++failures <= 20) {
      INFO("round(" << v.value << ", " << v.ndigits << ")");
      CHECK(same);
    }
  }
  CHECK(failures == 0);
  double d = 0;
  PyError err;
  CHECK(roundFloat(2.675, 2, d, err));
  CHECK(d == 2.67);
  CHECK(roundFloat(1234.5, -2, d, err));
  CHECK(d == 1200.0);
}

TEST_CASE("int //, %, divmod, + - * ** match CPython") {
  size_t failures = 0;
  for (const auto &v : kIntArithVectors) {
    int64_t got = 0, got2 = 0;
    PyError err;
    bool ok = false;
    switch (v.op) {
    case '/':
      ok = floorDivInt(v.a, v.b, got, err);
      break;
    case '%':
      ok = modInt(v.a, v.b, got, err);
      break;
    case 'd':
      ok = divmodInt(v.a, v.b, got, got2, err);
      break;
    case '^': {
      double unused;
      bool isFloat;
      ok = powInt(v.a, v.b, got, unused, isFloat, err);
      break;
    }
    default: {
      ok = v.op == '+'   ? checkedAdd(v.a, v.b, got)
           : v.op == '-' ? checkedSub(v.a, v.b, got)
                         : checkedMul(v.a, v.b, got);
      if (!ok) {
        err.kind = PyErrorKind::OverflowError;
        err.message = kIntOverflowMessage;
      }
    }
    }
    bool same = ok == v.ok && (ok ? got == v.result && got2 == v.result2
                                  : err.str() == v.error);
    if (!same && ++failures <= 20) {
      INFO(v.a << " " << v.op << " " << v.b << " got " << got << " error "
               << err.str());
      CHECK(same);
    }
  }
  for (const auto &v : kIntPowNegVectors) {
    double got = 0;
    PyError err;
    bool ok = powIntNegative(v.base, v.exp, got, err);
    bool same = ok == v.ok &&
                (ok ? sameFloat(got, v.resultBits) : err.str() == v.error);
    if (!same && ++failures <= 20) {
      INFO(v.base << " ** " << v.exp << " got " << reprFloat(got));
      CHECK(same);
    }
  }
  CHECK(failures == 0);
  int64_t q = 0, r = 0;
  PyError err;
  CHECK(divmodInt(-7, 2, q, r, err));
  CHECK(q == -4);
  CHECK(r == 1);
}

TEST_CASE("float //, % and divmod match CPython") {
  size_t failures = 0;
  for (const auto &v : kFloatArithVectors) {
    double a = fromBits(v.a), b = fromBits(v.b), got = 0, got2 = 0;
    PyError err;
    bool ok = v.op == '/'   ? floorDivFloat(a, b, got, err)
              : v.op == '%' ? modFloat(a, b, got, err)
                            : divmodFloat(a, b, got, got2, err);
    bool same =
        ok == v.ok && (ok ? sameFloat(got, v.result) &&
                                (v.op != 'd' || sameFloat(got2, v.result2))
                          : err.str() == v.error);
    if (!same && ++failures <= 20) {
      INFO(reprFloat(a) << " " << v.op << " " << reprFloat(b) << " got "
                        << reprFloat(got) << " << " << reprFloat(got2));
      CHECK(same);
    }
  }
  CHECK(failures == 0);
  double m = 0;
  PyError err;
  CHECK(modFloat(7.5, -2, m, err));
  CHECK(m == -0.5);
}
