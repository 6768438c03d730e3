//===- StrFormat.cpp - str.format -----------------------------------------===//
//
// str.format(*args, **kwargs) as CPython 3.11's Objects/stringlib/
// unicode_format.h does it: literal text with "{{"/"}}" escapes,
// replacement fields "{name!conv:spec}" whose name is empty (automatic
// numbering), an index or a keyword, followed by ".attr" and "[key]"
// accessors; the spec may itself contain replacement fields, expanded
// first. Each value is formatted with format(value, spec) (BuiltinsUtil.h),
// which uses the Format layer's mini-language. The messages are CPython's.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"

using namespace janus;
using namespace janus::rt;

namespace {

/// The state shared by a format string and the specs nested in it.
struct FormatContext {
  const std::vector<Value> &positional;
  const DictObject *keywords;
  enum class Numbering { Unknown, Auto, Manual } numbering = Numbering::Unknown;
  int64_t nextAuto = 0;
};

bool allDigits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s)
    if (c < '0' || c > '9')
      return false;
  return true;
}

/// The object a field name ("", "0", "name", "0.x", "a[k]") refers to.
Status resolveField(FormatContext &ctx, std::string_view name, Value &out) {
  size_t end = name.find_first_of(".[");
  std::string_view first = name.substr(0, end);
  if (first.empty() || allDigits(first)) {
    int64_t index;
    if (first.empty()) {
      if (ctx.numbering == FormatContext::Numbering::Manual)
        return valueError("cannot switch from manual field specification to "
                          "automatic field numbering");
      ctx.numbering = FormatContext::Numbering::Auto;
      index = ctx.nextAuto++;
    } else {
      if (ctx.numbering == FormatContext::Numbering::Auto)
        return valueError("cannot switch from automatic field numbering to "
                          "manual field specification");
      ctx.numbering = FormatContext::Numbering::Manual;
      if (first.size() > 18)
        return valueError("Too many decimal digits in format string");
      index = std::stoll(std::string(first));
    }
    if (index >= static_cast<int64_t>(ctx.positional.size()))
      return indexError("Replacement index " + std::to_string(index) +
                        " out of range for positional args tuple");
    out = ctx.positional[index];
  } else {
    Value key = makeStr(first);
    const Value *found = nullptr;
    JANUS_RETURN_IF_ERROR(ctx.keywords->find(key, found));
    if (!found)
      return Status(ErrorCode::KeyError, repr(key));
    out = *found;
  }
  // Accessors: ".attr" and "[key]" (a key of digits is an int).
  while (end != std::string_view::npos && end < name.size()) {
    if (name[end] == '.') {
      size_t next = name.find_first_of(".[", end + 1);
      std::string_view attr = name.substr(end + 1, next - end - 1);
      if (attr.empty())
        return valueError("Empty attribute in format string");
      Value v;
      JANUS_RETURN_IF_ERROR(getAttr(out, attr, v));
      out = std::move(v);
      end = next;
      continue;
    }
    size_t close = name.find(']', end + 1);
    if (close == std::string_view::npos)
      return valueError("Missing ']' in format string");
    std::string_view keyText = name.substr(end + 1, close - end - 1);
    if (keyText.empty())
      return valueError("Empty attribute in format string");
    Value key = allDigits(keyText) && keyText.size() <= 18
                    ? Value::fromInt(std::stoll(std::string(keyText)))
                    : makeStr(keyText);
    Value v;
    JANUS_RETURN_IF_ERROR(getItem(out, key, v));
    out = std::move(v);
    end = close + 1;
    if (end < name.size() && name[end] != '.' && name[end] != '[')
      return valueError("Only '.' or '[' may follow ']' in format field "
                        "specifier");
  }
  return okStatus();
}

Status formatString(FormatContext &ctx, std::string_view text, int depth,
                    std::string &out);

/// One replacement field; `i` is just past its '{' and ends past its '}'.
Status formatField(FormatContext &ctx, std::string_view text, size_t &i,
                   int depth, std::string &out) {
  const size_t n = text.size(), start = i;
  char last = 0;
  while (i < n) {
    last = text[i++];
    if (last == '{')
      return valueError("unexpected '{' in field name");
    if (last == '[') {
      while (i < n && text[i] != ']')
        ++i;
      continue;
    }
    if (last == '}' || last == ':' || last == '!')
      break;
  }
  std::string_view name = text.substr(start, i - start - (i > start ? 1 : 0));
  char conversion = 0;
  std::string_view spec;
  if (last != '!' && last != ':') {
    if (last != '}' || i > n)
      return valueError("expected '}' before end of string");
  } else {
    bool needSpec = last == ':';
    if (last == '!') {
      if (i >= n)
        return valueError("end of string while looking for conversion "
                          "specifier");
      conversion = text[i++];
      if (i >= n)
        return valueError("unmatched '{' in format spec");
      last = text[i++];
      if (last != '}' && last != ':')
        return valueError("expected ':' after conversion specifier");
      needSpec = last == ':';
    }
    if (needSpec) {
      size_t specStart = i;
      int braces = 1;
      for (; i < n; ++i) {
        if (text[i] == '{')
          ++braces;
        else if (text[i] == '}' && --braces == 0)
          break;
      }
      if (i >= n)
        return valueError("unmatched '{' in format spec");
      spec = text.substr(specStart, i - specStart);
      ++i;
    }
  }
  Value value;
  JANUS_RETURN_IF_ERROR(resolveField(ctx, name, value));
  if (conversion) {
    switch (conversion) {
    case 'r':
    case 's': {
      std::string text;
      JANUS_RETURN_IF_ERROR(conversion == 'r' ? reprChecked(value, text)
                                              : strChecked(value, text));
      value = makeStr(text);
      break;
    }
    case 'a':
      value = makeStr(value.kind() == Kind::Str
                          ? asciiStr(value.as<StrObject>()->text)
                          : repr(value));
      break;
    default:
      return valueError(std::string("Unknown conversion specifier ") +
                        conversion);
    }
  }
  std::string expandedSpec;
  if (spec.find('{') != std::string_view::npos) {
    if (depth >= 2)
      return valueError("Max string recursion exceeded");
    JANUS_RETURN_IF_ERROR(formatString(ctx, spec, depth + 1, expandedSpec));
    spec = expandedSpec;
  }
  std::string piece;
  JANUS_RETURN_IF_ERROR(formatValue(value, spec, piece));
  out += piece;
  return okStatus();
}

Status formatString(FormatContext &ctx, std::string_view text, int depth,
                    std::string &out) {
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    char c = text[i++];
    if (c != '{' && c != '}') {
      out += c;
      continue;
    }
    bool atEnd = i >= n;
    if (c == '}' && (atEnd || text[i] != '}'))
      return valueError("Single '}' encountered in format string");
    if (c == '{' && atEnd)
      return valueError("Single '{' encountered in format string");
    if (text[i] == c) { // "{{" or "}}"
      out += c;
      ++i;
      continue;
    }
    JANUS_RETURN_IF_ERROR(formatField(ctx, text, i, depth, out));
  }
  return okStatus();
}

Status strFormatImpl(const LibArgs &args, Value &out) {
  // "*args, **kwargs"
  FormatContext ctx{args[1].as<TupleObject>()->items, args[2].as<DictObject>()};
  std::string text;
  JANUS_RETURN_IF_ERROR(
      formatString(ctx, args[0].as<StrObject>()->text, 0, text));
  out = makeStr(text);
  return okStatus();
}

} // namespace

namespace janus::rt {
/// str.format, used by StrMethods.cpp's list.
LibImpl strFormatMethod() { return strFormatImpl; }
} // namespace janus::rt
