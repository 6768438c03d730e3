//===- PyArith.cpp - round(), //, %, divmod and ** with Python's rules ----===//
//
// The scalar arithmetic whose results formatting code prints and whose
// rules differ from C++: floor division and modulo take the sign of the
// divisor, round() rounds half to even (round(x, n) through the correctly
// rounded decimal string, like CPython's double_round), int ** negative int
// is a float, and int results that do not fit 64 bits are an OverflowError
// (Janus ints are int64 where CPython's are unbounded). The float versions
// follow CPython 3.11's floatobject.c step by step so that signed zeros and
// the snapping of near-integral quotients come out the same.
//
//===----------------------------------------------------------------------===//

#include "Format/DoubleToString.h"
#include "Format/PyFormat.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace janus::rt {

const char *const kIntOverflowMessage =
    "integer result does not fit in 64 bits";

namespace {

bool fail(PyError &err, PyErrorKind kind, const char *message) {
  err.kind = kind;
  err.message = message;
  return false;
}

bool overflow(PyError &err) {
  return fail(err, PyErrorKind::OverflowError, kIntOverflowMessage);
}

} // namespace

//===----------------------------------------------------------------------===//
// round()
//===----------------------------------------------------------------------===//

bool roundFloatToInt(double x, int64_t &out, PyError &err) {
  if (std::isnan(x))
    return fail(err, PyErrorKind::ValueError,
                "cannot convert float NaN to integer");
  if (std::isinf(x))
    return fail(err, PyErrorKind::OverflowError,
                "cannot convert float infinity to integer");
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5)
    rounded = 2.0 * std::round(x / 2.0); // halfway: to even
  if (!(rounded >= -0x1p63 && rounded < 0x1p63))
    return overflow(err);
  out = static_cast<int64_t>(rounded);
  return true;
}

bool roundFloat(double x, int64_t ndigits, double &out, PyError &err) {
  // Beyond these, x is already a multiple of 10**-ndigits, or every finite
  // x rounds to zero (0.30103 bounds log10(2) from above).
  constexpr int kNdigitsMax = static_cast<int>((53 + 1021) * 0.30103);
  constexpr int kNdigitsMin = -static_cast<int>((1024 + 1) * 0.30103);
  if (!std::isfinite(x) || ndigits > kNdigitsMax) {
    out = x;
    return true;
  }
  if (ndigits < kNdigitsMin) {
    out = 0.0 * x;
    return true;
  }
  // double_round: round to a decimal string, then read it back.
  detail::DecimalDigits dd = detail::toDecimalDigits(x, detail::DtoaMode::Fixed,
                                                     static_cast<int>(ndigits));
  std::string text = dd.negative ? "-0" : "0";
  text += dd.digits;
  text += 'e';
  text += std::to_string(dd.decpt - static_cast<int>(dd.digits.size()));
  errno = 0;
  double rounded = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE && std::fabs(rounded) >= 1.0)
    return fail(err, PyErrorKind::OverflowError,
                "rounded value too large to represent");
  out = rounded;
  return true;
}

bool roundInt(int64_t n, int64_t ndigits, int64_t &out, PyError &err) {
  if (ndigits >= 0) {
    out = n;
    return true;
  }
  // 10**20 / 2 exceeds every int64, so from there on everything rounds to 0.
  if (ndigits < -19) {
    out = 0;
    return true;
  }
  __int128 unit = 1;
  for (int64_t i = 0; i < -ndigits; ++i)
    unit *= 10;
  __int128 q = n / unit, r = n % unit;
  if (r < 0) { // floor division
    --q;
    r += unit;
  }
  if (2 * r > unit || (2 * r == unit && (q & 1)))
    ++q;
  __int128 result = q * unit;
  if (result < INT64_MIN || result > INT64_MAX)
    return overflow(err);
  out = static_cast<int64_t>(result);
  return true;
}

//===----------------------------------------------------------------------===//
// int arithmetic
//===----------------------------------------------------------------------===//

bool checkedAdd(int64_t a, int64_t b, int64_t &out) {
  return !__builtin_add_overflow(a, b, &out);
}

bool checkedSub(int64_t a, int64_t b, int64_t &out) {
  return !__builtin_sub_overflow(a, b, &out);
}

bool checkedMul(int64_t a, int64_t b, int64_t &out) {
  return !__builtin_mul_overflow(a, b, &out);
}

bool checkedPow(int64_t base, int64_t exp, int64_t &out) {
  if (exp < 0)
    return false;
  int64_t result = 1;
  // Squaring can only overflow when a later bit of exp needs the square,
  // and then the result overflows too (|result| >= 1 unless base is 0).
  for (;;) {
    if ((exp & 1) && !checkedMul(result, base, result))
      return false;
    exp >>= 1;
    if (!exp)
      break;
    if (!checkedMul(base, base, base))
      return false;
  }
  out = result;
  return true;
}

bool floorDivInt(int64_t a, int64_t b, int64_t &out, PyError &err) {
  int64_t rem;
  return divmodInt(a, b, out, rem, err);
}

bool modInt(int64_t a, int64_t b, int64_t &out, PyError &err) {
  if (b == 0)
    return fail(err, PyErrorKind::ZeroDivisionError, "integer modulo by zero");
  if (b == -1) { // INT64_MIN % -1 traps in C++
    out = 0;
    return true;
  }
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  out = r;
  return true;
}

bool divmodInt(int64_t a, int64_t b, int64_t &quot, int64_t &rem,
               PyError &err) {
  if (b == 0)
    return fail(err, PyErrorKind::ZeroDivisionError,
                "integer division or modulo by zero");
  if (a == INT64_MIN && b == -1)
    return overflow(err);
  int64_t q = a / b, r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) {
    --q;
    r += b;
  }
  quot = q;
  rem = r;
  return true;
}

bool powIntNegative(int64_t base, int64_t exp, double &out, PyError &err) {
  if (base == 0)
    return fail(err, PyErrorKind::ZeroDivisionError,
                "0.0 cannot be raised to a negative power");
  // float_pow for a finite nonzero base and an integral exponent, which
  // CPython reaches by converting both ints to float.
  double iv = static_cast<double>(base), iw = static_cast<double>(exp);
  bool negate = false;
  if (iv < 0) {
    iv = -iv;
    negate = std::fmod(std::fabs(iw), 2.0) == 1.0;
  }
  double ix = iv == 1.0 ? 1.0 : std::pow(iv, iw);
  out = negate ? -ix : ix;
  return true;
}

bool powInt(int64_t base, int64_t exp, int64_t &intOut, double &floatOut,
            bool &isFloat, PyError &err) {
  isFloat = exp < 0;
  if (isFloat)
    return powIntNegative(base, exp, floatOut, err);
  if (!checkedPow(base, exp, intOut))
    return overflow(err);
  return true;
}

//===----------------------------------------------------------------------===//
// float arithmetic
//===----------------------------------------------------------------------===//

namespace {

/// _float_div_mod.
void floatDivMod(double vx, double wx, double &floordiv, double &mod) {
  mod = std::fmod(vx, wx);
  // fmod is exact, so vx - mod is a multiple of wx up to rounding.
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5)
      floordiv += 1.0; // snap to the nearest integral value
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

} // namespace

bool floorDivFloat(double a, double b, double &out, PyError &err) {
  if (b == 0.0)
    return fail(err, PyErrorKind::ZeroDivisionError,
                "float floor division by zero");
  double mod;
  floatDivMod(a, b, out, mod);
  return true;
}

bool modFloat(double a, double b, double &out, PyError &err) {
  if (b == 0.0)
    return fail(err, PyErrorKind::ZeroDivisionError, "float modulo");
  double mod = std::fmod(a, b);
  if (mod) {
    if ((b < 0) != (mod < 0))
      mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  out = mod;
  return true;
}

bool divmodFloat(double a, double b, double &quot, double &rem, PyError &err) {
  if (b == 0.0)
    return fail(err, PyErrorKind::ZeroDivisionError, "float divmod()");
  floatDivMod(a, b, quot, rem);
  return true;
}

} // namespace janus::rt
