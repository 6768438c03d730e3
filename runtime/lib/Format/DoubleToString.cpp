//===- DoubleToString.cpp - CPython's float-to-decimal-string core --------===//
//
// toDecimalDigits stands in for _Py_dg_dtoa and doubleToString is a line by
// line port of CPython's format_float_short (Python/pystrtod.c), so that the
// layout rules (when to use an exponent, where zeros are padded, what '#'
// keeps) are CPython's own rather than a re-derivation.
//
//===----------------------------------------------------------------------===//

#include "Format/DoubleToString.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace janus::rt::detail {

namespace {

/// Enough significant digits to write any double exactly (the longest,
/// 2**-1074's neighbours, need 767).
constexpr int kExactDigits = 770;

/// Splits to_chars' scientific output "d.ddde+XX" into digits and decpt.
void parseScientific(const char *first, const char *last, DecimalDigits &r) {
  const char *p = first;
  for (; p != last && *p != 'e'; ++p)
    if (*p != '.')
      r.digits.push_back(*p);
  int exp = 0;
  if (p != last)
    std::from_chars(p + 1 + (p[1] == '+'), last, exp);
  r.decpt = exp + 1;
}

/// Splits to_chars' fixed output "123.456" into digits and decpt.
void parseFixed(const char *first, const char *last, DecimalDigits &r) {
  int intDigits = -1;
  for (const char *p = first; p != last; ++p) {
    if (*p == '.')
      intDigits = static_cast<int>(r.digits.size());
    else
      r.digits.push_back(*p);
  }
  r.decpt = intDigits < 0 ? static_cast<int>(r.digits.size()) : intDigits;
  size_t lead = 0;
  while (lead < r.digits.size() && r.digits[lead] == '0')
    ++lead;
  r.digits.erase(0, lead);
  r.decpt -= static_cast<int>(lead);
}

void stripTrailingZeros(std::string &digits) {
  while (!digits.empty() && digits.back() == '0')
    digits.pop_back();
}

/// Rounds the exact digits of a value half-to-even so that only `keep`
/// leading digit positions remain (keep may be <= 0: the value rounds to
/// 0 or to one unit of the first kept position).
void roundHalfEven(DecimalDigits &r, int keep) {
  std::string &d = r.digits;
  if (keep >= static_cast<int>(d.size()))
    return;
  if (keep < 0) {
    d.clear();
    return;
  }
  char next = d[keep];
  bool up = next > '5';
  if (next == '5') {
    bool sticky = d.find_first_not_of('0', keep + 1) != std::string::npos;
    bool prevOdd = keep > 0 && ((d[keep - 1] - '0') & 1);
    up = sticky || prevOdd;
  }
  d.resize(keep);
  if (!up)
    return;
  int i = keep - 1;
  for (; i >= 0 && d[i] == '9'; --i)
    d[i] = '0';
  if (i >= 0) {
    ++d[i];
  } else {
    d.insert(d.begin(), '1');
    ++r.decpt;
  }
}

} // namespace

DecimalDigits toDecimalDigits(double x, DtoaMode mode, int ndigits) {
  DecimalDigits r;
  r.negative = std::signbit(x);
  if (std::isnan(x)) {
    r.isNan = true;
    return r;
  }
  if (std::isinf(x)) {
    r.isInf = true;
    return r;
  }
  double a = std::fabs(x);
  if (a == 0) {
    r.digits = "0";
    r.decpt = 1;
    return r;
  }
  std::string buf;
  std::to_chars_result res{};
  switch (mode) {
  case DtoaMode::Shortest:
    buf.resize(64);
    res = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                        std::chars_format::scientific);
    parseScientific(buf.data(), res.ptr, r);
    break;
  case DtoaMode::Significant:
    ndigits = ndigits < 1 ? 1 : ndigits;
    buf.resize(static_cast<size_t>(ndigits) + 32);
    res = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                        std::chars_format::scientific, ndigits - 1);
    parseScientific(buf.data(), res.ptr, r);
    break;
  case DtoaMode::Fixed:
    if (ndigits >= 0) {
      buf.resize(static_cast<size_t>(ndigits) + 340);
      res = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                          std::chars_format::fixed, ndigits);
      parseFixed(buf.data(), res.ptr, r);
    } else {
      // to_chars cannot round left of the point; take the exact digits and
      // round once, so that no double rounding happens.
      buf.resize(kExactDigits + 32);
      res = std::to_chars(buf.data(), buf.data() + buf.size(), a,
                          std::chars_format::scientific, kExactDigits);
      parseScientific(buf.data(), res.ptr, r);
      roundHalfEven(r, r.decpt + ndigits);
    }
    break;
  }
  assert(res.ec == std::errc());
  stripTrailingZeros(r.digits);
  if (r.digits.empty())
    r.decpt = -ndigits;
  return r;
}

std::string doubleToString(double x, char code, int precision, unsigned flags) {
  // PyOS_double_to_string: map the code to a dtoa mode.
  bool upper = false;
  DtoaMode mode = DtoaMode::Shortest;
  switch (code) {
  case 'E':
    upper = true;
    code = 'e';
    [[fallthrough]];
  case 'e':
    mode = DtoaMode::Significant;
    ++precision;
    break;
  case 'F':
    upper = true;
    code = 'f';
    [[fallthrough]];
  case 'f':
    mode = DtoaMode::Fixed;
    break;
  case 'G':
    upper = true;
    code = 'g';
    [[fallthrough]];
  case 'g':
    mode = DtoaMode::Significant;
    if (precision == 0)
      precision = 1;
    break;
  default:
    assert(code == 'r' && precision == 0);
    mode = DtoaMode::Shortest;
    break;
  }
  bool alwaysSign = flags & DtsfSign;
  bool addDot0 = flags & DtsfAddDot0;
  bool alt = flags & DtsfAlt;

  // format_float_short.
  DecimalDigits dd = toDecimalDigits(x, mode, precision);
  bool negative = dd.negative;
  const std::string &digits = dd.digits;
  long digitsLen = static_cast<long>(digits.size());
  // (dtoa spells infinities and nans out, so 'z' never applies to them.)
  if ((flags & DtsfNoNeg0) && negative && !dd.isInf && !dd.isNan &&
      (digitsLen == 0 || (digitsLen == 1 && digits[0] == '0')))
    negative = false;

  std::string out;
  if (dd.isNan || dd.isInf) {
    if (dd.isNan)
      negative = false; // the sign of a nan is never shown
    if (negative)
      out += '-';
    else if (alwaysSign)
      out += '+';
    out += dd.isNan ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out;
  }

  long decpt = dd.decpt;
  long vdigitsEnd = digitsLen;
  bool useExp = false;
  int exp = 0;
  switch (code) {
  case 'e':
    useExp = true;
    vdigitsEnd = precision;
    break;
  case 'f':
    vdigitsEnd = decpt + precision;
    break;
  case 'g':
    if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision))
      useExp = true;
    if (alt)
      vdigitsEnd = precision;
    break;
  default: // 'r': an exponent from 1e16 on
    if (decpt <= -4 || decpt > 16)
      useExp = true;
    break;
  }
  if (useExp) {
    exp = static_cast<int>(decpt) - 1;
    decpt = 1;
  }
  long vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0)
    vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else
    vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  out.reserve(static_cast<size_t>(vdigitsEnd - vdigitsStart) + 8);
  if (negative)
    out += '-';
  else if (alwaysSign)
    out += '+';
  // Zeros left of the digits; exactly one branch below writes the point.
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigitsStart), '0');
    out += '.';
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigitsStart), '0');
  }
  if (0 < decpt && decpt <= digitsLen) {
    out.append(digits, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(digits, static_cast<size_t>(decpt), std::string::npos);
  } else {
    out += digits;
  }
  // Zeros right of the digits.
  if (digitsLen < decpt) {
    out.append(static_cast<size_t>(decpt - digitsLen), '0');
    out += '.';
    out.append(static_cast<size_t>(vdigitsEnd - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigitsEnd - digitsLen), '0');
  }
  if (out.back() == '.' && !alt)
    out.pop_back();
  if (useExp) {
    char expBuf[16];
    std::snprintf(expBuf, sizeof(expBuf), "%c%+.02d", upper ? 'E' : 'e', exp);
    out += expBuf;
  }
  return out;
}

} // namespace janus::rt::detail
