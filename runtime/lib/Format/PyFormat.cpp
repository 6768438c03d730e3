//===- PyFormat.cpp - format(value, spec) for int, float, str, bool -------===//
//
// The format-spec mini-language, ported from CPython 3.11's
// Python/formatter_unicode.c: the spec parser with its error messages, the
// int/float/str formatters, and the number layout (sign, 0x prefix, padding,
// ',' and '_' grouping, which also spreads '0' padding through the groups:
// format(1234, '09,') is '0,001,234'). Keeping CPython's structure, down to
// the names of the width fields, makes it checkable against the original
// line by line. Float digits come from DoubleToString. The 'n' type is
// formatted for the C locale (no grouping), which is what CPython does
// unless the program calls locale.setlocale.
//
//===----------------------------------------------------------------------===//

#include "Format/PyFormat.h"
#include "Format/DoubleToString.h"
#include "Format/Utf8.h"

#include <algorithm>
#include <climits>
#include <cstdio>

namespace janus::rt {

std::string PyError::str() const {
  return std::string(pyErrorKindName(kind)) + ": " + message;
}

const char *pyErrorKindName(PyErrorKind kind) {
  switch (kind) {
  case PyErrorKind::None:
    return "None";
  case PyErrorKind::ValueError:
    return "ValueError";
  case PyErrorKind::OverflowError:
    return "OverflowError";
  case PyErrorKind::ZeroDivisionError:
    return "ZeroDivisionError";
  case PyErrorKind::MemoryError:
    return "MemoryError";
  }
  return "Exception";
}

namespace {

/// Widths beyond this are refused as a MemoryError instead of trying to
/// allocate them (CPython would try, and usually fail the same way).
constexpr int64_t kMaxWidth = int64_t(1) << 31;

enum class Grouping { None, Comma, Underscore, UnderscoreFour };

/// InternalFormatSpec.
struct FormatSpec {
  char32_t fill = ' ';
  char32_t align = '>';
  bool alternate = false;
  bool noNeg0 = false;
  char sign = 0;
  int64_t width = -1;
  Grouping grouping = Grouping::None;
  int64_t precision = -1;
  char32_t type = 0;
};

bool fail(PyError &err, PyErrorKind kind, std::string message) {
  err.kind = kind;
  err.message = std::move(message);
  return false;
}

/// A presentation type in a message: 'x', or '\xe9' outside printable
/// ASCII (CPython's two cases).
std::string typeInMessage(char32_t type) {
  char buf[16];
  if (type > 32 && type < 128)
    std::snprintf(buf, sizeof(buf), "'%c'", static_cast<char>(type));
  else
    std::snprintf(buf, sizeof(buf), "'\\x%x'", static_cast<unsigned>(type));
  return buf;
}

bool unknownType(char32_t type, const char *typeName, PyError &err) {
  return fail(err, PyErrorKind::ValueError,
              "Unknown format code " + typeInMessage(type) +
                  " for object of type '" + typeName + "'");
}

/// get_integer: reads decimal digits; -1 on overflow of int64.
int getInteger(const std::u32string &s, size_t &pos, int64_t &result,
               PyError &err) {
  int64_t acc = 0;
  int numDigits = 0;
  for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++numDigits) {
    int64_t digit = s[pos] - '0';
    if (acc > (INT64_MAX - digit) / 10) {
      fail(err, PyErrorKind::ValueError,
           "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + digit;
  }
  result = acc;
  return numDigits;
}

bool isAlign(char32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

/// parse_internal_render_format_spec.
bool parseSpec(std::string_view specUtf8, const char *typeName,
               char32_t defaultType, char32_t defaultAlign, FormatSpec &f,
               PyError &err) {
  std::u32string s;
  for (size_t pos = 0; pos < specUtf8.size();)
    s += detail::decodeUtf8(specUtf8, pos);
  size_t end = s.size(), pos = 0;
  f = FormatSpec();
  f.align = defaultAlign;
  f.type = defaultType;
  bool alignSpecified = false, fillSpecified = false;

  if (end - pos >= 2 && isAlign(s[pos + 1])) {
    f.align = s[pos + 1];
    f.fill = s[pos];
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(s[pos])) {
    f.align = s[pos];
    alignSpecified = true;
    ++pos;
  }
  if (pos < end && (s[pos] == ' ' || s[pos] == '+' || s[pos] == '-'))
    f.sign = static_cast<char>(s[pos++]);
  if (pos < end && s[pos] == 'z') {
    f.noNeg0 = true;
    ++pos;
  }
  if (pos < end && s[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  // '0' before the width: zero fill and, for numbers, '=' alignment.
  if (!fillSpecified && pos < end && s[pos] == '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign == '>')
      f.align = '=';
    ++pos;
  }
  int consumed = getInteger(s, pos, f.width, err);
  if (consumed < 0)
    return false;
  if (consumed == 0)
    f.width = -1;
  if (pos < end && s[pos] == ',') {
    f.grouping = Grouping::Comma;
    ++pos;
  }
  if (pos < end && s[pos] == '_') {
    if (f.grouping != Grouping::None)
      return fail(err, PyErrorKind::ValueError,
                  "Cannot specify both ',' and '_'.");
    f.grouping = Grouping::Underscore;
    ++pos;
  }
  if (pos < end && s[pos] == ',' && f.grouping == Grouping::Underscore)
    return fail(err, PyErrorKind::ValueError,
                "Cannot specify both ',' and '_'.");
  if (pos < end && s[pos] == '.') {
    ++pos;
    consumed = getInteger(s, pos, f.precision, err);
    if (consumed < 0)
      return false;
    if (consumed == 0)
      return fail(err, PyErrorKind::ValueError,
                  "Format specifier missing precision");
  }
  if (end - pos > 1)
    return fail(err, PyErrorKind::ValueError,
                "Invalid format specifier '" + std::string(specUtf8) +
                    "' for object of type '" + typeName + "'");
  if (end - pos == 1)
    f.type = s[pos++];

  if (f.grouping != Grouping::None) {
    switch (f.type) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case 0:
      break;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
      // PEP 515: '_' groups bin/oct/hex digits by four.
      if (f.grouping == Grouping::Underscore) {
        f.grouping = Grouping::UnderscoreFour;
        break;
      }
      [[fallthrough]];
    default:
      return fail(err, PyErrorKind::ValueError,
                  std::string("Cannot specify '") +
                      (f.grouping == Grouping::Comma ? ',' : '_') + "' with " +
                      typeInMessage(f.type) + ".");
    }
  }
  if (f.width > kMaxWidth)
    return fail(err, PyErrorKind::MemoryError, "");
  return true;
}

/// _PyUnicode_InsertThousandsGrouping: groups `digits` from the right and
/// pads them with '0's up to minWidth, separators included.
std::string groupDigits(std::string_view digits, int64_t minWidth,
                        Grouping grouping) {
  int64_t groupLen = grouping == Grouping::None             ? 0
                     : grouping == Grouping::UnderscoreFour ? 4
                                                            : 3;
  char sep = grouping == Grouping::Comma ? ',' : '_';
  minWidth = std::max<int64_t>(0, minWidth);
  int64_t remaining = static_cast<int64_t>(digits.size());
  std::string rev; // built right to left
  bool useSep = false;
  auto emit = [&](int64_t len) {
    int64_t nZeros = std::max<int64_t>(0, len - remaining);
    int64_t nChars = std::max<int64_t>(0, std::min(remaining, len));
    if (useSep)
      rev += sep;
    for (int64_t i = 0; i < nChars; ++i)
      rev += digits[remaining - 1 - i];
    rev.append(nZeros, '0');
    remaining -= nChars;
  };
  if (groupLen > 0) {
    for (;;) {
      int64_t len =
          std::min(groupLen, std::max({remaining, minWidth, int64_t(1)}));
      emit(len);
      useSep = true;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0)
        break;
      minWidth -= 1; // the separator's width
    }
  } else {
    emit(std::max({remaining, minWidth, int64_t(1)}));
  }
  return std::string(rev.rbegin(), rev.rend());
}

void appendFill(std::string &out, char32_t fill, int64_t n) {
  if (fill < 0x80) {
    out.append(static_cast<size_t>(n), static_cast<char>(fill));
    return;
  }
  for (int64_t i = 0; i < n; ++i)
    detail::appendUtf8(out, fill);
}

/// calc_number_widths + fill_number. The number is
///   <lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>
/// where the remainder (fraction, exponent, '%', or the 'c' character) is
/// copied as is and counts `remainderWidth` code points.
std::string layoutNumber(const FormatSpec &f, bool negative,
                         std::string_view prefix, std::string_view digits,
                         bool hasDecimal, std::string_view remainder,
                         int64_t remainderWidth) {
  char sign = 0;
  if (f.sign == '+')
    sign = negative ? '-' : '+';
  else if (f.sign == ' ')
    sign = negative ? '-' : ' ';
  else if (negative)
    sign = '-';
  int64_t nonDigit = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size()) +
                     (hasDecimal ? 1 : 0) + remainderWidth;
  int64_t minWidth = f.fill == '0' && f.align == '=' ? f.width - nonDigit : 0;
  // Only 'c' has no digits; grouping would invent a '0' for it.
  std::string grouped = digits.empty()
                            ? std::string()
                            : groupDigits(digits, minWidth, f.grouping);
  int64_t padding = f.width - (nonDigit + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f.align) {
    case '<':
      rpad = padding;
      break;
    case '^':
      lpad = padding / 2;
      rpad = padding - lpad;
      break;
    case '=':
      spad = padding;
      break;
    default:
      lpad = padding;
      break;
    }
  }
  std::string out;
  appendFill(out, f.fill, lpad);
  if (sign)
    out += sign;
  out += prefix;
  appendFill(out, f.fill, spad);
  out += grouped;
  if (hasDecimal)
    out += '.';
  out += remainder;
  appendFill(out, f.fill, rpad);
  return out;
}

/// format_float_internal.
bool formatFloatSpec(double value, const FormatSpec &f, std::string &out,
                     PyError &err) {
  if (f.precision > INT_MAX)
    return fail(err, PyErrorKind::ValueError, "precision too big");
  int precision = static_cast<int>(f.precision);
  unsigned flags = 0;
  if (f.alternate)
    flags |= detail::DtsfAlt;
  if (f.noNeg0)
    flags |= detail::DtsfNoNeg0;
  char type = static_cast<char>(f.type);
  int defaultPrecision = 6;
  if (type == 0) {
    // No type: repr without a precision, else 'g' keeping a ".0".
    flags |= detail::DtsfAddDot0;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type == 'n')
    type = 'g';
  bool addPercent = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    addPercent = true;
  }
  if (precision < 0)
    precision = defaultPrecision;
  else if (type == 'r')
    type = 'g';
  std::string buf = detail::doubleToString(value, type, precision, flags);
  if (addPercent)
    buf += '%';

  std::string_view num(buf);
  bool negative = !num.empty() && num[0] == '-';
  if (negative)
    num.remove_prefix(1);
  // parse_number: leading digits, then an optional point, then the rest.
  size_t nDigits = 0;
  while (nDigits < num.size() && num[nDigits] >= '0' && num[nDigits] <= '9')
    ++nDigits;
  bool hasDecimal = nDigits < num.size() && num[nDigits] == '.';
  std::string_view remainder = num.substr(nDigits + (hasDecimal ? 1 : 0));
  out = layoutNumber(f, negative, "", num.substr(0, nDigits), hasDecimal,
                     remainder, static_cast<int64_t>(remainder.size()));
  return true;
}

/// Digits of |value| in base 2, 8, 10 or 16.
std::string magnitudeDigits(int64_t value, unsigned base, bool upper) {
  uint64_t mag = value < 0 ? 0 - static_cast<uint64_t>(value)
                           : static_cast<uint64_t>(value);
  const char *digitChars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string rev;
  do {
    rev += digitChars[mag % base];
    mag /= base;
  } while (mag);
  return std::string(rev.rbegin(), rev.rend());
}

/// format_long_internal.
bool formatIntSpec(int64_t value, const FormatSpec &f, std::string &out,
                   PyError &err) {
  if (f.precision != -1)
    return fail(err, PyErrorKind::ValueError,
                "Precision not allowed in integer format specifier");
  if (f.noNeg0)
    return fail(err, PyErrorKind::ValueError,
                "Negative zero coercion (z) not allowed in integer format "
                "specifier");
  if (f.type == 'c') {
    if (f.sign)
      return fail(err, PyErrorKind::ValueError,
                  "Sign not allowed with integer format specifier 'c'");
    if (f.alternate)
      return fail(err, PyErrorKind::ValueError,
                  "Alternate form (#) not allowed with integer format "
                  "specifier 'c'");
    if (value < 0 || value > 0x10FFFF)
      return fail(err, PyErrorKind::OverflowError,
                  "%c arg not in range(0x110000)");
    std::string ch;
    detail::appendUtf8(ch, static_cast<char32_t>(value));
    out = layoutNumber(f, false, "", "", false, ch, 1);
    return true;
  }
  unsigned base = 10;
  const char *prefix = "";
  switch (f.type) {
  case 'b':
    base = 2;
    prefix = "0b";
    break;
  case 'o':
    base = 8;
    prefix = "0o";
    break;
  case 'x':
    base = 16;
    prefix = "0x";
    break;
  case 'X':
    base = 16;
    prefix = "0X";
    break;
  default:
    break;
  }
  out = layoutNumber(f, value < 0, f.alternate ? prefix : "",
                     magnitudeDigits(value, base, f.type == 'X'), false, "", 0);
  return true;
}

/// _PyLong_FormatAdvancedWriter after the empty-spec case.
bool formatIntLike(int64_t value, std::string_view spec, const char *typeName,
                   std::string &out, PyError &err) {
  FormatSpec f;
  if (!parseSpec(spec, typeName, 'd', '>', f, err))
    return false;
  switch (f.type) {
  case 'b':
  case 'c':
  case 'd':
  case 'o':
  case 'x':
  case 'X':
  case 'n':
    return formatIntSpec(value, f, out, err);
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G':
  case '%':
    return formatFloatSpec(static_cast<double>(value), f, out, err);
  default:
    return unknownType(f.type, typeName, err);
  }
}

} // namespace

bool formatInt(int64_t value, std::string_view spec, std::string &out,
               PyError &err) {
  if (spec.empty()) {
    out = strInt(value);
    return true;
  }
  return formatIntLike(value, spec, "int", out, err);
}

bool formatBool(bool value, std::string_view spec, std::string &out,
                PyError &err) {
  if (spec.empty()) {
    out = strBool(value);
    return true;
  }
  return formatIntLike(value ? 1 : 0, spec, "bool", out, err);
}

bool formatFloat(double value, std::string_view spec, std::string &out,
                 PyError &err) {
  if (spec.empty()) {
    out = reprFloat(value);
    return true;
  }
  FormatSpec f;
  if (!parseSpec(spec, "float", 0, '>', f, err))
    return false;
  switch (f.type) {
  case 0:
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G':
  case 'n':
  case '%':
    return formatFloatSpec(value, f, out, err);
  default:
    return unknownType(f.type, "float", err);
  }
}

bool formatStr(std::string_view value, std::string_view spec, std::string &out,
               PyError &err) {
  if (spec.empty()) {
    out = std::string(value);
    return true;
  }
  FormatSpec f;
  if (!parseSpec(spec, "str", 's', '<', f, err))
    return false;
  if (f.type != 's')
    return unknownType(f.type, "str", err);
  // format_string_internal.
  if (f.sign == ' ')
    return fail(err, PyErrorKind::ValueError,
                "Space not allowed in string format specifier");
  if (f.sign)
    return fail(err, PyErrorKind::ValueError,
                "Sign not allowed in string format specifier");
  if (f.noNeg0)
    return fail(err, PyErrorKind::ValueError,
                "Negative zero coercion (z) not allowed in string format "
                "specifier");
  if (f.alternate)
    return fail(err, PyErrorKind::ValueError,
                "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=')
    return fail(err, PyErrorKind::ValueError,
                "'=' alignment not allowed in string format specifier");
  int64_t len = static_cast<int64_t>(detail::countCodePoints(value));
  if (f.precision >= 0 && len >= f.precision) {
    value = value.substr(
        0, detail::prefixBytes(value, static_cast<size_t>(f.precision)));
    len = f.precision;
  }
  // calc_padding.
  int64_t total = f.width >= 0 && f.width > len ? f.width : len;
  int64_t lpad = f.align == '>'   ? total - len
                 : f.align == '^' ? (total - len) / 2
                                  : 0;
  out.clear();
  appendFill(out, f.fill, lpad);
  out += value;
  appendFill(out, f.fill, total - len - lpad);
  return true;
}

} // namespace janus::rt
