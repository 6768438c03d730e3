//===- Defaults.cpp - Default values of Library.def signatures ------------===//
//
// Library.def writes defaults as Python source ("None", "-100", "1e-05",
// "'mean'", "' '", "'\n'", "(0.9, 0.999)", "torch.int64"). They are
// evaluated once, when the dispatch table is built, with exactly the
// literal forms the table uses; anything else is a table bug reported then.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/Dispatch.h"
#include "Tensor/Tensor.h"

#include <cerrno>
#include <cstdlib>

using namespace janus::rt;

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return s;
}

Status parseString(std::string_view text, Value &out) {
  char quote = text.front();
  if (text.size() < 2 || text.back() != quote)
    return valueError("unterminated string");
  std::string decoded;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (c != '\\') {
      decoded += c;
      continue;
    }
    if (i + 2 >= text.size())
      return valueError("dangling backslash");
    switch (char e = text[++i]) {
    case 'n':
      decoded += '\n';
      break;
    case 't':
      decoded += '\t';
      break;
    case '\\':
    case '\'':
    case '"':
      decoded += e;
      break;
    default:
      return valueError(std::string("unsupported escape \\") + e);
    }
  }
  out = makeStr(decoded);
  return okStatus();
}

Status parseNumber(std::string_view text, Value &out) {
  std::string s(text);
  bool isFloat =
      s.find_first_of(".eE") != std::string::npos || s == "inf" || s == "-inf";
  char *end = nullptr;
  errno = 0;
  if (isFloat) {
    double d = std::strtod(s.c_str(), &end);
    if (*end || errno)
      return valueError("bad float '" + s + "'");
    out = Value::fromFloat(d);
  } else {
    long long i = std::strtoll(s.c_str(), &end, 10);
    if (*end || errno || s.empty())
      return valueError("bad literal '" + s + "'");
    out = Value::fromInt(i);
  }
  return okStatus();
}

/// Splits a tuple body at top-level commas (the table's tuples hold plain
/// numbers, so there is no nesting to handle).
Status parseTuple(std::string_view text, Value &out) {
  std::string_view body = trim(text.substr(1, text.size() - 2));
  std::vector<Value> items;
  while (!body.empty()) {
    size_t comma = body.find(',');
    Value item;
    JANUS_RETURN_IF_ERROR(parseDefaultValue(trim(body.substr(0, comma)), item));
    items.push_back(std::move(item));
    if (comma == std::string_view::npos)
      break;
    body = trim(body.substr(comma + 1));
  }
  out = makeTuple(std::move(items));
  return okStatus();
}

} // namespace

Status janus::rt::parseDefaultValue(std::string_view text, Value &out) {
  text = trim(text);
  if (text.empty())
    return valueError("empty default");
  if (text == "None") {
    out = Value();
    return okStatus();
  }
  if (text == "True" || text == "False") {
    out = Value::fromBool(text == "True");
    return okStatus();
  }
  if (text.front() == '\'' || text.front() == '"')
    return parseString(text, out);
  if (text.front() == '(' && text.back() == ')')
    return parseTuple(text, out);
  if (text.substr(0, 6) == "torch.") {
    std::string_view name = text.substr(6);
    for (DType t : {DType::Bool, DType::Int64, DType::Float32, DType::Float64})
      if (name == dtypePythonName(t)) {
        out = Value::fromDType(static_cast<uint8_t>(t));
        return okStatus();
      }
    return valueError("unknown torch constant '" + std::string(text) + "'");
  }
  return parseNumber(text, out);
}
