//===- StrMethods.cpp - Methods of str ------------------------------------===//
//
// str.join/split/strip/startswith/endswith/replace/upper/lower with CPython
// 3.11's semantics and messages (str.format is in StrFormat.cpp). Strings
// are UTF-8; positions that Python counts (startswith's start/end,
// replace("", ...)) are counted in code points.
//
// Whitespace for split() and strip() is CPython's (Unicode White_Space);
// upper() and lower() use the full Unicode case mappings (UnicodeCase.inc)
// except lower()'s Final_Sigma rule.
//
//===----------------------------------------------------------------------===//

#include "Dispatch/BuiltinsUtil.h"
#include "Format/Utf8.h"

#include <algorithm>

using namespace janus;
using namespace janus::rt;

namespace {

const std::string &selfText(const LibArgs &args) {
  return args[0].as<StrObject>()->text;
}

/// Byte offsets of the code point boundaries of `s`: entry i is where code
/// point i starts, and the last entry is s.size().
std::vector<size_t> codePointOffsets(const std::string &s) {
  std::vector<size_t> offsets;
  for (size_t pos = 0; pos < s.size();) {
    offsets.push_back(pos);
    detail::decodeUtf8(s, pos);
  }
  offsets.push_back(s.size());
  return offsets;
}

Status strJoin(const LibArgs &args, Value &out) {
  std::vector<Value> items;
  if (Status s = collectItems(args[1], items); !s.ok()) {
    if (s.message().find("is not iterable") != std::string::npos)
      return typeError("can only join an iterable");
    return s;
  }
  std::string text;
  const std::string &sep = selfText(args);
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind() != Kind::Str)
      return typeError("sequence item " + std::to_string(i) +
                       ": expected str instance, " + typeName(items[i]) +
                       " found");
    if (i)
      text += sep;
    text += items[i].as<StrObject>()->text;
  }
  out = makeStr(text);
  return okStatus();
}

Status strSplit(const LibArgs &args, Value &out) {
  // "sep=None, maxsplit=-1"
  const std::string &s = selfText(args);
  int64_t maxsplit;
  if (!args[1].isNone() && args[1].kind() != Kind::Str)
    return typeError(std::string("must be str or None, not ") +
                     typeName(args[1]));
  JANUS_RETURN_IF_ERROR(indexArg(args[2], maxsplit));
  if (maxsplit < 0)
    maxsplit = INT64_MAX;
  std::vector<Value> parts;
  const size_t n = s.size();
  if (args[1].isNone()) {
    // Runs of whitespace separate; none is kept at either end, but text
    // after the last split keeps its trailing whitespace.
    size_t i = 0;
    auto skipSpace = [&] {
      while (size_t w = spaceAt(s, i))
        i += w;
    };
    for (; maxsplit > 0; --maxsplit) {
      skipSpace();
      if (i == n)
        break;
      size_t j = i;
      while (i < n && !spaceAt(s, i))
        detail::decodeUtf8(s, i);
      parts.push_back(makeStr(std::string_view(s).substr(j, i - j)));
    }
    skipSpace();
    if (i < n)
      parts.push_back(makeStr(std::string_view(s).substr(i)));
  } else {
    const std::string &sep = args[1].as<StrObject>()->text;
    if (sep.empty())
      return valueError("empty separator");
    size_t i = 0;
    for (; maxsplit > 0; --maxsplit) {
      size_t pos = s.find(sep, i);
      if (pos == std::string::npos)
        break;
      parts.push_back(makeStr(std::string_view(s).substr(i, pos - i)));
      i = pos + sep.size();
    }
    parts.push_back(makeStr(std::string_view(s).substr(i)));
  }
  out = makeList(std::move(parts));
  return okStatus();
}

Status strStrip(const LibArgs &args, Value &out) {
  const std::string &s = selfText(args);
  const Value &chars = args[1];
  if (!chars.isNone() && chars.kind() != Kind::Str)
    return typeError("strip arg must be None or str");
  if (chars.isNone()) {
    out = makeStr(stripSpace(s));
    return okStatus();
  }
  // Strip whole code points that occur in `chars`.
  std::vector<char32_t> set;
  const std::string &c = chars.as<StrObject>()->text;
  for (size_t pos = 0; pos < c.size();)
    set.push_back(detail::decodeUtf8(c, pos));
  auto inSet = [&](char32_t cp) {
    return std::find(set.begin(), set.end(), cp) != set.end();
  };
  std::vector<size_t> offsets = codePointOffsets(s);
  size_t b = 0, e = offsets.size() - 1; // code point indices
  auto at = [&](size_t i) {
    size_t pos = offsets[i];
    return detail::decodeUtf8(s, pos);
  };
  while (b < e && inSet(at(b)))
    ++b;
  while (e > b && inSet(at(e - 1)))
    --e;
  out =
      makeStr(std::string_view(s).substr(offsets[b], offsets[e] - offsets[b]));
  return okStatus();
}

/// A start/end argument of startswith/endswith: None or an int.
Status sliceIndex(const Value &v, int64_t fallback, int64_t &out) {
  if (v.isNone()) {
    out = fallback;
    return okStatus();
  }
  if (!v.isIntLike())
    return typeError("slice indices must be integers or None or have an "
                     "__index__ method");
  out = v.asInt();
  return okStatus();
}

/// CPython's tailmatch: does s[start:end] start (or end) with `affix`?
bool tailMatch(const std::string &s, const std::vector<size_t> &offsets,
               const std::string &affix, int64_t start, int64_t end,
               bool atEnd) {
  const int64_t len = static_cast<int64_t>(offsets.size()) - 1;
  // ADJUST_INDICES
  if (end > len)
    end = len;
  else if (end < 0)
    end = std::max<int64_t>(end + len, 0);
  if (start < 0)
    start = std::max<int64_t>(start + len, 0);
  const int64_t affixLen = static_cast<int64_t>(detail::countCodePoints(affix));
  if (end - affixLen < start)
    return false;
  if (affixLen == 0)
    return true;
  size_t from = atEnd ? offsets[end - affixLen] : offsets[start];
  return s.compare(from, affix.size(), affix) == 0;
}

Status startsOrEnds(const LibArgs &args, bool atEnd, Value &out) {
  // "prefix, start=None, end=None, /"
  const char *name = atEnd ? "endswith" : "startswith";
  const std::string &s = selfText(args);
  std::vector<size_t> offsets = codePointOffsets(s);
  int64_t start, end;
  JANUS_RETURN_IF_ERROR(sliceIndex(args[2], 0, start));
  JANUS_RETURN_IF_ERROR(sliceIndex(args[3], INT64_MAX, end));
  const Value &affix = args[1];
  if (affix.kind() == Kind::Str) {
    out = Value::fromBool(
        tailMatch(s, offsets, affix.as<StrObject>()->text, start, end, atEnd));
    return okStatus();
  }
  if (affix.kind() != Kind::Tuple)
    return typeError(std::string(name) +
                     " first arg must be str or a tuple of str, not " +
                     typeName(affix));
  for (const Value &item : affix.as<TupleObject>()->items) {
    if (item.kind() != Kind::Str)
      return typeError(std::string("tuple for ") + name +
                       " must only contain str, not " + typeName(item));
    if (tailMatch(s, offsets, item.as<StrObject>()->text, start, end, atEnd)) {
      out = Value::fromBool(true);
      return okStatus();
    }
  }
  out = Value::fromBool(false);
  return okStatus();
}

Status strStartswith(const LibArgs &args, Value &out) {
  return startsOrEnds(args, false, out);
}
Status strEndswith(const LibArgs &args, Value &out) {
  return startsOrEnds(args, true, out);
}

Status strReplace(const LibArgs &args, Value &out) {
  // "old, new, count=-1, /"
  for (uint32_t i = 1; i <= 2; ++i)
    if (args[i].kind() != Kind::Str)
      return typeError("replace() argument " + std::to_string(i) +
                       " must be str, not " + typeName(args[i]));
  int64_t count;
  JANUS_RETURN_IF_ERROR(indexArg(args[3], count));
  if (count < 0)
    count = INT64_MAX;
  const std::string &s = selfText(args);
  const std::string &from = args[1].as<StrObject>()->text;
  const std::string &to = args[2].as<StrObject>()->text;
  std::string result;
  if (from.empty()) {
    // "" matches before every code point and at the end.
    std::vector<size_t> offsets = codePointOffsets(s);
    for (size_t i = 0; i + 1 < offsets.size(); ++i) {
      if (count > 0) {
        result += to;
        --count;
      }
      result.append(s, offsets[i], offsets[i + 1] - offsets[i]);
    }
    if (count > 0)
      result += to;
  } else {
    size_t i = 0;
    for (; count > 0; --count) {
      size_t pos = s.find(from, i);
      if (pos == std::string::npos)
        break;
      result.append(s, i, pos - i);
      result += to;
      i = pos + from.size();
    }
    result.append(s, i, std::string::npos);
  }
  out = makeStr(result);
  return okStatus();
}

struct CaseRange {
  char32_t first, last;
  int stride; // 1, or 2 for alternating upper/lower pairs
  int delta;
};
struct CaseSpecial {
  char32_t cp;
  const char *mapped; // UTF-8, several code points ("SS" for U+00DF)
};

#include "Dispatch/UnicodeCase.inc"

/// Appends the upper- or lowercase of the non-ASCII code point `c`.
template <size_t NR, size_t NS>
void appendMapped(std::string &out, char32_t c, const CaseRange (&ranges)[NR],
                  const CaseSpecial (&specials)[NS]) {
  // The last range starting at or before c.
  const CaseRange *r = std::upper_bound(
      ranges, ranges + NR, c,
      [](char32_t x, const CaseRange &range) { return x < range.first; });
  if (r != ranges) {
    --r;
    if (c <= r->last && (c - r->first) % r->stride == 0) {
      detail::appendUtf8(out, static_cast<char32_t>(c + r->delta));
      return;
    }
  }
  for (const CaseSpecial &s : specials)
    if (s.cp == c) {
      out += s.mapped;
      return;
    }
  detail::appendUtf8(out, c);
}

/// str.upper()/lower() with the full Unicode mappings of the oracle's
/// unicodedata (UnicodeCase.inc), including the one-to-many ones ("ß" to
/// "SS"). Not reproduced: lower()'s Final_Sigma rule, which turns a
/// word-final "Σ" into "ς"; here it always becomes "σ".
Status changeCase(const LibArgs &args, bool upper, Value &out) {
  const std::string &s = selfText(args);
  std::string result;
  result.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      if (upper && b >= 'a' && b <= 'z')
        b = static_cast<unsigned char>(b - 'a' + 'A');
      else if (!upper && b >= 'A' && b <= 'Z')
        b = static_cast<unsigned char>(b - 'A' + 'a');
      result += static_cast<char>(b);
      ++pos;
      continue;
    }
    size_t start = pos;
    char32_t c = detail::decodeUtf8(s, pos);
    if (c >= 0xDC80 && c <= 0xDCFF) { // an undecodable byte: kept as is
      result.append(s, start, pos - start);
      continue;
    }
    if (upper)
      appendMapped(result, c, UpperRanges, UpperSpecials);
    else
      appendMapped(result, c, LowerRanges, LowerSpecials);
  }
  out = makeStr(result);
  return okStatus();
}

Status strUpper(const LibArgs &args, Value &out) {
  return changeCase(args, true, out);
}
Status strLower(const LibArgs &args, Value &out) {
  return changeCase(args, false, out);
}

Status strFormatChecked(const LibArgs &args, Value &out) {
  return strFormatMethod()(args, out);
}

} // namespace

#define STR_METHOD(ID, FN)                                                     \
  { LibId::ID, methodOf<Kind::Str, LibId::ID, FN> }

std::vector<LibImplRow> janus::rt::strMethodImpls() {
  return {
      STR_METHOD(StrFormat, strFormatChecked),
      STR_METHOD(StrJoin, strJoin),
      STR_METHOD(StrSplit, strSplit),
      STR_METHOD(StrStrip, strStrip),
      STR_METHOD(StrStartswith, strStartswith),
      STR_METHOD(StrEndswith, strEndswith),
      STR_METHOD(StrReplace, strReplace),
      STR_METHOD(StrUpper, strUpper),
      STR_METHOD(StrLower, strLower),
  };
}
