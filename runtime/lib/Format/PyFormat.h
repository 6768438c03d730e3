//===- PyFormat.h - CPython-identical text and arithmetic for scalars -----===//
//
// The runtime's formatting core: repr()/str() of int, float, bool, None and
// str, format(value, spec) with the format-spec mini-language (which is also
// what f-strings use for "{x:spec}", "{x!r}" and "{x!s}"), round(), and the
// int/float floor division, modulo and power rules that formatting code
// needs. Every result is meant to be byte-for-byte what CPython 3.11 prints;
// scripts/gen-format-vectors.py records CPython's answers and
// test/Unit/Runtime/FormatTest.cpp checks them.
//
// The value model does not exist yet, so the API takes plain C++ values:
// int64_t for int, double for float, bool, and UTF-8 std::string_view for
// str (widths and precisions count code points, as Python does). Python
// exceptions are returned, never thrown: fallible functions return false
// and fill a PyError with the exception type and CPython's message. Janus
// ints are 64-bit and overflow is an error, so where CPython would return a
// bigger int these functions report an OverflowError instead.
//
// All functions are pure and thread-safe.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_FORMAT_PYFORMAT_H
#define JANUS_RUNTIME_FORMAT_PYFORMAT_H

#include <cstdint>
#include <string>
#include <string_view>

namespace janus::rt {

/// The Python exception a fallible operation would raise.
enum class PyErrorKind {
  None,
  ValueError,
  OverflowError,
  ZeroDivisionError,
  MemoryError,
};

/// An exception as data: the type and CPython's message text.
struct PyError {
  PyErrorKind kind = PyErrorKind::None;
  std::string message;

  /// "ValueError: Invalid format specifier ..." as a traceback shows it.
  std::string str() const;
};

/// "ValueError", "OverflowError", ...
const char *pyErrorKindName(PyErrorKind kind);

/// The message used wherever a result does not fit Janus's 64-bit int.
extern const char *const kIntOverflowMessage;

//===----------------------------------------------------------------------===//
// repr() and str()
//===----------------------------------------------------------------------===//

/// repr(x) == str(x) for a float: the shortest string that round-trips,
/// laid out as CPython does ("1e-05", "1e+16", "0.0001", "2.0", "-0.0",
/// "inf", "nan").
std::string reprFloat(double x);
/// str(n) for an int.
std::string strInt(int64_t n);
/// "True" / "False".
std::string strBool(bool b);
/// "None".
std::string strNone();
/// repr(s) for a UTF-8 str: CPython's quote choice and escapes; printable
/// non-ASCII is kept. A byte that is not UTF-8 reads as surrogateescape
/// decodes it, so it shows as "\udcHH".
std::string reprStr(std::string_view s);
/// ascii(s): like reprStr, but every non-ASCII code point is escaped.
std::string asciiStr(std::string_view s);

//===----------------------------------------------------------------------===//
// format(value, spec)
//===----------------------------------------------------------------------===//
// Each returns true and sets `out`, or returns false and sets `err` to the
// ValueError/OverflowError CPython raises for that spec. `spec` is UTF-8 and
// may use any code point as the fill character.

bool formatInt(int64_t value, std::string_view spec, std::string &out,
               PyError &err);
bool formatFloat(double value, std::string_view spec, std::string &out,
                 PyError &err);
bool formatStr(std::string_view value, std::string_view spec, std::string &out,
               PyError &err);
/// bool formats as "True"/"False" with an empty spec and as the int 0/1
/// with any other spec (so format(True, 's') is an error, as in CPython).
bool formatBool(bool value, std::string_view spec, std::string &out,
                PyError &err);

//===----------------------------------------------------------------------===//
// round()
//===----------------------------------------------------------------------===//

/// round(x): round half to even, to int. NaN is a ValueError, infinities
/// and values outside int64 an OverflowError.
bool roundFloatToInt(double x, int64_t &out, PyError &err);
/// round(x, ndigits): correctly rounded through the decimal string, so
/// round(2.675, 2) == 2.67 and round(1234.5, -2) == 1200.0. Fails only
/// when the result overflows to infinity.
bool roundFloat(double x, int64_t ndigits, double &out, PyError &err);
/// round(n, ndigits) for an int: n itself when ndigits >= 0, else n
/// rounded half-to-even to a multiple of 10**-ndigits.
bool roundInt(int64_t n, int64_t ndigits, int64_t &out, PyError &err);

//===----------------------------------------------------------------------===//
// Python int and float arithmetic
//===----------------------------------------------------------------------===//

/// Overflow-checked int64 arithmetic: false (and `out` unspecified) when
/// the exact result does not fit.
bool checkedAdd(int64_t a, int64_t b, int64_t &out);
bool checkedSub(int64_t a, int64_t b, int64_t &out);
bool checkedMul(int64_t a, int64_t b, int64_t &out);
/// a ** b for b >= 0; false on overflow or when b < 0 (use powIntNegative).
bool checkedPow(int64_t base, int64_t exp, int64_t &out);

/// a // b, a % b and divmod(a, b) with the result's sign following b.
/// Division by zero is a ZeroDivisionError; INT64_MIN // -1 overflows.
bool floorDivInt(int64_t a, int64_t b, int64_t &out, PyError &err);
bool modInt(int64_t a, int64_t b, int64_t &out, PyError &err);
bool divmodInt(int64_t a, int64_t b, int64_t &quot, int64_t &rem, PyError &err);
/// Float versions, following CPython's float_floor_div/float_rem/divmod
/// step by step (signed zeros included).
bool floorDivFloat(double a, double b, double &out, PyError &err);
bool modFloat(double a, double b, double &out, PyError &err);
bool divmodFloat(double a, double b, double &quot, double &rem, PyError &err);

/// a ** b for an int base and a negative int exponent: a float, as in
/// CPython (0 ** -1 is a ZeroDivisionError).
bool powIntNegative(int64_t base, int64_t exp, double &out, PyError &err);
/// a ** b for any int operands: exactly one of `intOut` (b >= 0) or
/// `floatOut` (b < 0) is set and `isFloat` says which.
bool powInt(int64_t base, int64_t exp, int64_t &intOut, double &floatOut,
            bool &isFloat, PyError &err);

} // namespace janus::rt

#endif // JANUS_RUNTIME_FORMAT_PYFORMAT_H
