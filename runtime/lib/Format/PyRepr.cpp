//===- PyRepr.cpp - repr() and str() of scalars ---------------------------===//
//
// repr()/str() of float, int, bool, None and str. The str repr follows
// CPython's unicode_repr: single quotes unless the text holds a single quote
// and no double quote, backslash escapes for \t \n \r, the quote and the
// backslash, \xHH for the other ASCII controls, and for non-ASCII code
// points that str.isprintable() rejects \xHH, \uHHHH or \UHHHHHHHH; every
// other code point is copied as is. The set of non-printable code points is
// generated from CPython's Unicode database into UnicodePrintable.inc.
//
//===----------------------------------------------------------------------===//

#include "Format/DoubleToString.h"
#include "Format/PyFormat.h"
#include "Format/Utf8.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

namespace janus::rt {

namespace {

struct CodePointRange {
  char32_t first, last;
};

const CodePointRange kNonPrintable[] = {
#include "Format/UnicodePrintable.inc"
};

/// Py_UNICODE_ISPRINTABLE for code points >= U+0080.
bool isPrintableNonAscii(char32_t cp) {
  const CodePointRange *end = std::end(kNonPrintable);
  const CodePointRange *it = std::upper_bound(
      std::begin(kNonPrintable), end, cp,
      [](char32_t c, const CodePointRange &r) { return c < r.first; });
  if (it == std::begin(kNonPrintable))
    return true;
  --it;
  return cp > it->last;
}

void appendHexEscape(std::string &out, char32_t cp) {
  char buf[12];
  if (cp <= 0xFF)
    std::snprintf(buf, sizeof(buf), "\\x%02x", static_cast<unsigned>(cp));
  else if (cp <= 0xFFFF)
    std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(cp));
  else
    std::snprintf(buf, sizeof(buf), "\\U%08x", static_cast<unsigned>(cp));
  out += buf;
}

std::string reprStrImpl(std::string_view s, bool asciiOnly) {
  bool hasSingle = s.find('\'') != std::string_view::npos;
  bool hasDouble = s.find('"') != std::string_view::npos;
  char quote = hasSingle && !hasDouble ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += quote;
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    char32_t cp = detail::decodeUtf8(s, pos);
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < ' ' || cp == 0x7F) {
      appendHexEscape(out, cp);
    } else if (cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (asciiOnly || !isPrintableNonAscii(cp)) {
      appendHexEscape(out, cp);
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  out += quote;
  return out;
}

} // namespace

std::string reprFloat(double x) {
  return detail::doubleToString(x, 'r', 0, detail::DtsfAddDot0);
}

std::string strInt(int64_t n) { return std::to_string(n); }

std::string strBool(bool b) { return b ? "True" : "False"; }

std::string strNone() { return "None"; }

std::string reprStr(std::string_view s) { return reprStrImpl(s, false); }

std::string asciiStr(std::string_view s) { return reprStrImpl(s, true); }

} // namespace janus::rt
