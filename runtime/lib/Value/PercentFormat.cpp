//===- PercentFormat.cpp - printf-style `str % args` ----------------------===//
//
// CPython 3.11's PyUnicode_Format, step for step: a tuple right operand is
// the argument list, a mapping (anything with __getitem__ but a tuple or a
// str: dict, list, range, tensor, an instance whose class defines
// __getitem__) feeds "%(key)s" specifiers and is otherwise one argument,
// and any other value is the single argument. Each specifier is
// "%[(key)][flags][width][.precision][h|l|L]conversion" with flags `-+ #0`,
// `*` taking a width or precision from the arguments, and the conversions
// d i u o x X e E f F g G c r s a and %%. The order of the steps matters
// for which error a bad format reports (the argument is taken before the
// conversion character is checked, so "%q" % () is "not enough arguments
// for format string"), so the parse mirrors CPython's
// unicode_format_arg_parse/_format/_output rather than a grammar.
//
// Text goes through the runtime's str()/repr() (user __str__/__repr__,
// tensors) and floats through detail::doubleToString, the same
// PyOS_double_to_string port that format() and f-strings use, so the
// digits are CPython's. Widths, precisions and error indices count code
// points. Janus ints are 64-bit: where CPython would print the digits of a
// bigger int (int(1e30) for "%d"), this reports the runtime's int overflow
// error instead.
//
//===----------------------------------------------------------------------===//

#include "Value/Ops.h"

#include "Dispatch/TensorArgs.h"
#include "Dispatch/TorchOps.h"
#include "Format/DoubleToString.h"
#include "Format/PyFormat.h"
#include "Format/Utf8.h"

#include <climits>
#include <cmath>
#include <cstdio>

namespace janus::rt {

namespace {

/// Results (and paddings) beyond this many code points are a MemoryError,
/// as binaryOp's repetition treats them.
constexpr int64_t kMaxResultChars = int64_t(1) << 32;

constexpr unsigned FlagLeftJustify = 1; // '-'
constexpr unsigned FlagSign = 2;        // '+'
constexpr unsigned FlagBlank = 4;       // ' '
constexpr unsigned FlagAlternate = 8;   // '#'
constexpr unsigned FlagZeroPad = 16;    // '0'

/// One parsed "%..." specifier. width/precision -1 mean "not given".
struct Specifier {
  unsigned flags = 0;
  int64_t width = -1;
  int64_t precision = -1;
  char32_t conversion = 0;
  /// Whether the text is a number whose sign the flags may change.
  bool numeric = false;
};

bool isIntConversion(char32_t c) {
  return c == 'd' || c == 'i' || c == 'u' || c == 'o' || c == 'x' || c == 'X';
}

bool isFloatConversion(char32_t c) {
  return c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G';
}

/// PyTuple_Check: plain tuples, torch.Size and torch.return_types (tuple
/// subclasses in PyTorch); a device or grad_fn, which Janus stores as a
/// tuple, is no tuple to Python.
bool isPythonTuple(const Value &v) {
  if (v.kind() != Kind::Tuple)
    return false;
  TupleFlavor flavor = v.as<TupleObject>()->flavor;
  return flavor != TupleFlavor::TorchDevice && flavor != TupleFlavor::GradFn;
}

/// PyMapping_Check minus the tuple and str exclusions PyUnicode_Format
/// makes: the types whose values can be subscripted with a key.
bool isMapping(const Value &v) {
  switch (v.kind()) {
  case Kind::Dict:
  case Kind::List:
  case Kind::Range:
  case Kind::Tensor:
    return true;
  case Kind::Instance:
    return v.as<InstanceObject>()->classObject()->lookup("__getitem__");
  default:
    return false;
  }
}

/// ascii(v): repr(v) with every non-ASCII code point escaped as \xhh,
/// \uhhhh or \Uhhhhhhhh (CPython's backslashreplace of the repr).
std::string asciiOf(const std::string &reprText) {
  std::string out;
  for (size_t pos = 0; pos < reprText.size();) {
    char32_t cp = detail::decodeUtf8(reprText, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    char buf[16];
    if (cp < 0x100)
      std::snprintf(buf, sizeof(buf), "\\x%02x", static_cast<unsigned>(cp));
    else if (cp < 0x10000)
      std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(cp));
    else
      std::snprintf(buf, sizeof(buf), "\\U%08x", static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

/// PyNumber_Check: a value %d/%f may convert. The subset rejects
/// __int__/__float__/__index__ in user classes, so only numbers and
/// tensors qualify.
bool isNumberLike(const Value &v) {
  return v.isNumber() || v.kind() == Kind::Tensor;
}

/// A one-element tensor's item (tensorScalarValue), tensor errors caught.
Status tensorItem(const Value &t, Value &out) {
  return guardTensorOp([&]() -> Status { return tensorScalarValue(t, out); });
}

/// operator.index(v). A TypeError means "not an integer" to the callers.
Status toIndex(const Value &v, int64_t &out) {
  if (v.isIntLike()) {
    out = v.asInt();
    return okStatus();
  }
  if (v.kind() == Kind::Tensor) {
    Value item;
    JANUS_RETURN_IF_ERROR(tensorItem(v, item));
    if (!item.isIntLike())
      return typeError("only integer tensors of a single element can be "
                       "converted to an index");
    out = item.asInt();
    return okStatus();
  }
  return typeError(std::string("'") + typeName(v) +
                   "' object cannot be interpreted as an integer");
}

/// int(v) for a float: truncation toward zero.
Status truncateFloat(double x, int64_t &out) {
  if (std::isnan(x))
    return valueError("cannot convert float NaN to integer");
  if (std::isinf(x))
    return Status(ErrorCode::OverflowError,
                  "cannot convert float infinity to integer");
  double t = std::trunc(x);
  if (t < -9223372036854775808.0 || t >= 9223372036854775808.0)
    return intOverflow();
  out = static_cast<int64_t>(t);
  return okStatus();
}

/// PyNumber_Long(v) for a value isNumberLike accepted.
Status toInt(const Value &v, int64_t &out) {
  if (v.isIntLike()) {
    out = v.asInt();
    return okStatus();
  }
  if (v.isFloat())
    return truncateFloat(v.asFloat(), out);
  if (v.kind() == Kind::Tensor) {
    Value item;
    JANUS_RETURN_IF_ERROR(tensorItem(v, item));
    return toInt(item, out);
  }
  return typeError(std::string("int() argument must be a string, a "
                               "bytes-like object or a real number, not '") +
                   typeName(v) + "'");
}

/// PyFloat_AsDouble(v).
Status toDouble(const Value &v, double &out) {
  if (v.isNumber()) {
    out = v.toDouble();
    return okStatus();
  }
  if (v.kind() == Kind::Tensor) {
    Value item;
    JANUS_RETURN_IF_ERROR(tensorItem(v, item));
    out = item.toDouble();
    return okStatus();
  }
  return typeError(std::string("must be real number, not ") + typeName(v));
}

/// _PyUnicode_FormatLong: sign, "0x"/"0X"/"0o" with '#', the digits
/// zero-extended to `precision`.
std::string formatIntText(int64_t value, const Specifier &spec) {
  char32_t conv = spec.conversion;
  unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value)
                                 : static_cast<uint64_t>(value);
  std::string digits;
  do {
    digits += "0123456789abcdef"[magnitude % base];
    magnitude /= base;
  } while (magnitude);
  std::string out = value < 0 ? "-" : "";
  if ((spec.flags & FlagAlternate) && base != 10)
    out += base == 8 ? "0o" : "0x";
  if (spec.precision > static_cast<int64_t>(digits.size()))
    out.append(static_cast<size_t>(spec.precision) - digits.size(), '0');
  out.append(digits.rbegin(), digits.rend());
  if (conv == 'X')
    for (char &c : out)
      if (c >= 'a' && c <= 'x')
        c = static_cast<char>(c - 'a' + 'A');
  return out;
}

/// The state of one PyUnicode_Format call.
class PercentFormatter {
public:
  PercentFormatter(std::string_view format, const Value &args)
      : format(format), args(args) {
    if (isPythonTuple(args)) {
      argCount = static_cast<int64_t>(args.as<TupleObject>()->items.size());
      argIndex = 0;
    }
    if (isMapping(args))
      mapping = &args;
  }

  Status run(std::string &out);

private:
  std::string_view format;
  /// The byte offset of the next character, and its code point index.
  size_t pos = 0;
  int64_t index = 0;
  /// The argument list: a tuple, or one value (count -1, index -2 until it
  /// is taken, as in CPython).
  Value args;
  int64_t argCount = -1;
  int64_t argIndex = -2;
  const Value *mapping = nullptr;
  std::string result;
  int64_t resultChars = 0;

  bool atEnd() const { return pos >= format.size(); }
  /// Consumes the next character; false at the end of the format.
  bool read(char32_t &c) {
    if (atEnd())
      return false;
    c = detail::decodeUtf8(format, pos);
    ++index;
    return true;
  }

  Status nextArg(Value &out);
  Status starArg(int64_t &out);
  Status readNumber(char32_t &c, bool &more, int64_t limit, const char *tooBig,
                    int64_t &out);
  Status parse(Specifier &spec);
  Status convert(Specifier &spec, std::string &text);
  Status emit(const Specifier &spec, std::string_view text);
  Status append(std::string_view text, int64_t chars);
};

Status PercentFormatter::append(std::string_view text, int64_t chars) {
  resultChars += chars;
  if (resultChars > kMaxResultChars)
    return Status(ErrorCode::MemoryError, "");
  result += text;
  return okStatus();
}

Status PercentFormatter::nextArg(Value &out) {
  if (argIndex >= argCount)
    return typeError("not enough arguments for format string");
  int64_t i = argIndex++;
  out = argCount < 0 ? args : args.as<TupleObject>()->items[i];
  return okStatus();
}

/// A `*` width or precision: an int (or bool) argument.
Status PercentFormatter::starArg(int64_t &out) {
  Value v;
  JANUS_RETURN_IF_ERROR(nextArg(v));
  if (!v.isIntLike())
    return typeError("* wants int");
  out = v.asInt();
  return okStatus();
}

/// Digits of a width or precision; `c` holds the first digit and is left
/// at the character after them (`more` false when the format ended).
Status PercentFormatter::readNumber(char32_t &c, bool &more, int64_t limit,
                                    const char *tooBig, int64_t &out) {
  out = c - '0';
  while ((more = read(c))) {
    if (c < '0' || c > '9')
      break;
    int64_t digit = c - '0';
    if (out > (limit - digit) / 10)
      return valueError(tooBig);
    out = out * 10 + digit;
  }
  return okStatus();
}

/// unicode_format_arg_parse: everything after '%' up to and including the
/// conversion character, which ends up in spec.conversion.
Status PercentFormatter::parse(Specifier &spec) {
  char32_t c = 0;
  if (!atEnd() && format[pos] == '(') {
    if (!mapping)
      return typeError("format requires a mapping");
    char32_t ignored;
    read(ignored);
    size_t keyStart = pos;
    int depth = 1;
    while (depth > 0) {
      if (!read(c))
        return valueError("incomplete format key");
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    Value key = makeStr(format.substr(keyStart, pos - 1 - keyStart));
    JANUS_RETURN_IF_ERROR(getItem(*mapping, key, args));
    argCount = -1;
    argIndex = -2;
  }
  // From here a format that ends is "incomplete format"; CPython checks
  // that last, after any `*` argument was taken.
  bool more;
  while ((more = read(c))) {
    unsigned flag = c == '-'   ? FlagLeftJustify
                    : c == '+' ? FlagSign
                    : c == ' ' ? FlagBlank
                    : c == '#' ? FlagAlternate
                    : c == '0' ? FlagZeroPad
                               : 0u;
    if (!flag)
      break;
    spec.flags |= flag;
  }
  if (more && c == '*') {
    JANUS_RETURN_IF_ERROR(starArg(spec.width));
    if (spec.width < 0) {
      spec.flags |= FlagLeftJustify;
      spec.width = spec.width == INT64_MIN ? INT64_MAX : -spec.width;
    }
    more = read(c);
  } else if (more && c >= '0' && c <= '9') {
    JANUS_RETURN_IF_ERROR(
        readNumber(c, more, INT64_MAX, "width too big", spec.width));
  }
  if (more && c == '.') {
    spec.precision = 0;
    more = read(c);
    if (more && c == '*') {
      int64_t precision;
      JANUS_RETURN_IF_ERROR(starArg(precision));
      if (precision > INT_MAX || precision < INT_MIN)
        return Status(ErrorCode::OverflowError,
                      "Python int too large to convert to C int");
      spec.precision = precision < 0 ? 0 : precision;
      more = read(c);
    } else if (more && c >= '0' && c <= '9') {
      JANUS_RETURN_IF_ERROR(
          readNumber(c, more, INT_MAX, "precision too big", spec.precision));
    }
  }
  if (more && (c == 'h' || c == 'l' || c == 'L'))
    more = read(c);
  if (!more)
    return valueError("incomplete format");
  spec.conversion = c;
  return okStatus();
}

/// unicode_format_arg_format: the text of the next argument.
Status PercentFormatter::convert(Specifier &spec, std::string &text) {
  Value v;
  JANUS_RETURN_IF_ERROR(nextArg(v));
  char32_t conv = spec.conversion;
  if (conv == 's')
    return strChecked(v, text);
  if (conv == 'r' || conv == 'a') {
    JANUS_RETURN_IF_ERROR(reprChecked(v, text));
    if (conv == 'a')
      text = asciiOf(text);
    return okStatus();
  }
  if (isIntConversion(conv)) {
    bool needIndex = conv == 'o' || conv == 'x' || conv == 'X';
    auto wrongType = [&] {
      return typeError(
          std::string("%") + static_cast<char>(conv) +
          " format: " + (needIndex ? "an integer" : "a real number") +
          " is required, not " + typeName(v));
    };
    if (!isNumberLike(v))
      return wrongType();
    int64_t n;
    Status status = needIndex ? toIndex(v, n) : toInt(v, n);
    if (status.code() == ErrorCode::TypeError)
      return wrongType();
    JANUS_RETURN_IF_ERROR(std::move(status));
    if (spec.precision > INT_MAX - 3)
      return Status(ErrorCode::OverflowError, "precision too large");
    if (spec.precision > kMaxResultChars)
      return Status(ErrorCode::MemoryError, "");
    text = formatIntText(n, spec);
    spec.numeric = true;
    return okStatus();
  }
  if (isFloatConversion(conv)) {
    double x = 0;
    JANUS_RETURN_IF_ERROR(toDouble(v, x));
    int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
    text = detail::doubleToString(
        x, static_cast<char>(conv), precision,
        (spec.flags & FlagAlternate) ? unsigned(detail::DtsfAlt) : 0u);
    spec.numeric = true;
    return okStatus();
  }
  if (conv == 'c') {
    char32_t ch;
    if (v.kind() == Kind::Str) {
      const std::string &s = v.as<StrObject>()->text;
      size_t end = 0;
      if (s.empty() || (detail::decodeUtf8(s, end), end != s.size()))
        return typeError("%c requires int or char");
      text = s;
      return okStatus();
    }
    int64_t n;
    Status status = toIndex(v, n);
    if (status.code() == ErrorCode::TypeError)
      return typeError("%c requires int or char");
    JANUS_RETURN_IF_ERROR(std::move(status));
    if (n < 0 || n > 0x10FFFF)
      return Status(ErrorCode::OverflowError, "%c arg not in range(0x110000)");
    ch = static_cast<char32_t>(n);
    text.clear();
    detail::appendUtf8(text, ch);
    return okStatus();
  }
  char shown = conv >= 31 && conv <= 126 ? static_cast<char>(conv) : '?';
  char buf[96];
  std::snprintf(buf, sizeof(buf),
                "unsupported format character '%c' (0x%x) at index %lld", shown,
                static_cast<unsigned>(conv), static_cast<long long>(index - 1));
  return valueError(buf);
}

/// unicode_format_arg_output: precision truncation for s/r/a, the sign,
/// the '#' prefix of o/x/X and the padding.
Status PercentFormatter::emit(const Specifier &spec, std::string_view text) {
  int64_t len = static_cast<int64_t>(detail::countCodePoints(text));
  int64_t width = spec.width;
  unsigned flags = spec.flags;
  if ((width == -1 || width <= len) &&
      (spec.precision == -1 || spec.precision >= len) &&
      !(flags & (FlagSign | FlagBlank)))
    return append(text, len);
  char32_t conv = spec.conversion;
  if ((conv == 's' || conv == 'r' || conv == 'a') && spec.precision >= 0 &&
      len > spec.precision) {
    len = spec.precision;
    text = text.substr(0, detail::prefixBytes(text, static_cast<size_t>(len)));
  }
  if (width > kMaxResultChars)
    return Status(ErrorCode::MemoryError, "");
  bool signed_ = spec.numeric;
  char fill = signed_ && (flags & FlagZeroPad) ? '0' : ' ';
  char signChar = 0;
  if (signed_) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
      signChar = text[0];
      text.remove_prefix(1);
      --len;
    } else if (flags & FlagSign) {
      signChar = '+';
    } else if (flags & FlagBlank) {
      signChar = ' ';
    } else {
      signed_ = false;
    }
  }
  if (width < len)
    width = len;
  std::string out;
  if (signed_) {
    if (fill != ' ')
      out += signChar;
    if (width > len)
      --width;
  }
  bool prefixed =
      (flags & FlagAlternate) && (conv == 'x' || conv == 'X' || conv == 'o');
  std::string_view prefix;
  if (prefixed) {
    prefix = text.substr(0, 2);
    text.remove_prefix(2);
    if (fill != ' ')
      out += prefix;
    width = width - 2 < 0 ? 0 : width - 2;
    len -= 2;
  }
  if (width > len && !(flags & FlagLeftJustify)) {
    out.append(static_cast<size_t>(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (signed_)
      out += signChar;
    if (prefixed)
      out += prefix;
  }
  out += text;
  if (width > len)
    out.append(static_cast<size_t>(width - len), ' ');
  return append(out, static_cast<int64_t>(detail::countCodePoints(out)));
}

Status PercentFormatter::run(std::string &out) {
  while (!atEnd()) {
    size_t percent = format.find('%', pos);
    if (percent == std::string_view::npos)
      percent = format.size();
    if (percent > pos) {
      std::string_view literal = format.substr(pos, percent - pos);
      int64_t chars = static_cast<int64_t>(detail::countCodePoints(literal));
      JANUS_RETURN_IF_ERROR(append(literal, chars));
      index += chars;
      pos = percent;
      continue;
    }
    ++pos; // the '%'
    ++index;
    if (!atEnd() && format[pos] == '%') {
      ++pos;
      ++index;
      JANUS_RETURN_IF_ERROR(append("%", 1));
      continue;
    }
    Specifier spec;
    JANUS_RETURN_IF_ERROR(parse(spec));
    std::string text;
    JANUS_RETURN_IF_ERROR(convert(spec, text));
    JANUS_RETURN_IF_ERROR(emit(spec, text));
  }
  if (argIndex < argCount && !mapping)
    return typeError("not all arguments converted during string formatting");
  out = std::move(result);
  return okStatus();
}

} // namespace

Status percentFormat(const Value &format, const Value &args, Value &out) {
  std::string text;
  JANUS_RETURN_IF_ERROR(
      PercentFormatter(format.as<StrObject>()->text, args).run(text));
  out = makeStr(text);
  return okStatus();
}

} // namespace janus::rt
