//===- DoubleToString.h - CPython's float-to-decimal-string core ----------===//
//
// Internal to the Format library. CPython turns every float into text with
// David Gay's _Py_dg_dtoa (shortest digits, N significant digits, or N
// digits after the point; correctly rounded, ties to even) followed by
// format_float_short, which lays the digits out. We get the same digits
// from std::to_chars (Ryu: also exact with ties to even) and port the layout
// step verbatim, so repr(), format() and round() all agree with CPython.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_FORMAT_DOUBLETOSTRING_H
#define JANUS_RUNTIME_FORMAT_DOUBLETOSTRING_H

#include <string>

namespace janus::rt::detail {

/// The digit modes of _Py_dg_dtoa that CPython uses.
enum class DtoaMode {
  Shortest = 0,    ///< shortest digits that round-trip (repr)
  Significant = 2, ///< `ndigits` significant digits ('e', 'g')
  Fixed = 3,       ///< `ndigits` digits after the point, may be < 0 ('f')
};

/// _Py_dg_dtoa's result: the value is 0.DIGITS * 10**decpt with trailing
/// zeros stripped. Zero is "0" with decpt 1; a nonzero value that rounds to
/// nothing in Fixed mode is "" with decpt -ndigits, as in dtoa.
struct DecimalDigits {
  std::string digits;
  int decpt = 0;
  bool negative = false;
  bool isInf = false;
  bool isNan = false;
};

DecimalDigits toDecimalDigits(double x, DtoaMode mode, int ndigits);

/// Flags of PyOS_double_to_string.
enum : unsigned {
  DtsfSign = 1,    ///< always write a sign
  DtsfAddDot0 = 2, ///< "2" becomes "2.0" (repr and the '' format type)
  DtsfAlt = 4,     ///< '#': keep trailing zeros and the point
  DtsfNoNeg0 = 8,  ///< 'z': a negative zero result loses its sign
};

/// PyOS_double_to_string: `code` is one of e E f F g G r ('r' is repr and
/// needs precision 0).
std::string doubleToString(double x, char code, int precision, unsigned flags);

} // namespace janus::rt::detail

#endif // JANUS_RUNTIME_FORMAT_DOUBLETOSTRING_H
