//===- ProfileJson.cpp - Profiles as JSON text ----------------------------===//
//
// The file format of Janus profiles (docs/runtime.md, "Profiles"):
//
//   {"janus_profile": 1,
//    "sites": {
//      "m.py:3:5 loop": {"kind": "loop", "function": "f", "count": 2,
//                        "trips": [{"iterations": 3, "count": 2}]}, ...}}
//
// The writer emits one site per line, in key order, so profiles diff well.
// The reader is a small JSON parser that keeps the line and column of every
// value, so a malformed file or a value of the wrong shape is reported as
// "LINE:COL: message". Numbers must be non-negative integers (shapes,
// counts, trip counts), except trip counts and dims which are int64.
//
//===----------------------------------------------------------------------===//

#include "Profile/Profile.h"

#include <cstdio>
#include <memory>
#include <utility>

using namespace janus::profile;

//===----------------------------------------------------------------------===//
// Writer
//===----------------------------------------------------------------------===//

namespace {

void quote(std::string &out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void writeSite(std::string &out, const SiteProfile &site) {
  out += "{\"kind\": ";
  quote(out, siteKindName(site.kind));
  out += ", \"function\": ";
  quote(out, site.function);
  out += ", \"count\": " + std::to_string(site.count);
  switch (site.kind) {
  case SiteKind::Value:
    out += ", \"types\": [";
    for (size_t i = 0; i < site.types.size(); ++i) {
      const TypeSeen &t = site.types[i];
      out += i ? ", {\"type\": " : "{\"type\": ";
      quote(out, t.type);
      if (t.isTensor) {
        out += ", \"dtype\": ";
        quote(out, t.dtype);
        out += ", \"shape\": [";
        for (size_t d = 0; d < t.shape.size(); ++d)
          out += (d ? ", " : "") + std::to_string(t.shape[d]);
        out += "]";
      }
      out += ", \"count\": " + std::to_string(t.count) + "}";
    }
    out += "]";
    break;
  case SiteKind::Branch:
    out += ", \"taken\": " + std::to_string(site.taken) +
           ", \"not_taken\": " + std::to_string(site.notTaken);
    break;
  case SiteKind::Loop: {
    out += ", \"trips\": [";
    bool first = true;
    for (const auto &[trips, n] : site.trips) {
      out += first ? "" : ", ";
      first = false;
      out += "{\"iterations\": " + std::to_string(trips) +
             ", \"count\": " + std::to_string(n) + "}";
    }
    out += "]";
    break;
  }
  case SiteKind::Call: {
    out += ", \"targets\": [";
    bool first = true;
    for (const auto &[target, n] : site.targets) {
      out += first ? "{\"target\": " : ", {\"target\": ";
      first = false;
      quote(out, target);
      out += ", \"count\": " + std::to_string(n) + "}";
    }
    out += "]";
    break;
  }
  case SiteKind::Attrs:
    out += ", \"sets\": [";
    for (size_t i = 0; i < site.attrSets.size(); ++i) {
      const AttrSetSeen &s = site.attrSets[i];
      out += i ? ", {\"type\": " : "{\"type\": ";
      quote(out, s.type);
      out += ", \"attributes\": [";
      for (size_t a = 0; a < s.attributes.size(); ++a) {
        if (a)
          out += ", ";
        quote(out, s.attributes[a]);
      }
      out += "], \"count\": " + std::to_string(s.count) + "}";
    }
    out += "]";
    break;
  }
  out += "}";
}

} // namespace

std::string janus::profile::writeJson(const Profile &profile) {
  std::string out = "{\"janus_profile\": 1,\n \"sites\": {";
  bool first = true;
  for (const auto &[key, site] : profile.sites) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    quote(out, key);
    out += ": ";
    writeSite(out, site);
  }
  out += "\n }\n}\n";
  return out;
}

//===----------------------------------------------------------------------===//
// Reader: JSON with positions
//===----------------------------------------------------------------------===//

namespace {

struct Json {
  enum Type { Null, Bool, Number, String, Array, Object } type = Null;
  bool boolean = false;
  bool isInteger = false;
  int64_t integer = 0;
  std::string text; // String
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;
  unsigned line = 1, column = 1;
};

/// A recursive-descent JSON parser (RFC 8259; \u escapes are decoded to
/// UTF-8, surrogate pairs included).
class Parser {
public:
  explicit Parser(std::string_view text) : text(text) {}

  bool parseDocument(Json &out, std::string &error) {
    skipSpace();
    if (!parseValue(out, 0))
      return fail(error);
    skipSpace();
    if (pos != text.size()) {
      message = "unexpected text after the JSON value";
      return fail(error);
    }
    return true;
  }

private:
  bool fail(std::string &error) {
    error = std::to_string(errLine) + ":" + std::to_string(errColumn) + ": " +
            message;
    return false;
  }
  bool error(const std::string &what) {
    errLine = line;
    errColumn = column;
    message = what;
    return false;
  }
  bool atEnd() const { return pos >= text.size(); }
  char peek() const { return atEnd() ? '\0' : text[pos]; }
  void advance() {
    if (text[pos] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    ++pos;
  }
  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' ||
                        peek() == '\r'))
      advance();
  }
  bool expectWord(std::string_view word) {
    if (text.substr(pos, word.size()) != word)
      return error("invalid token (expected a JSON value)");
    for (size_t i = 0; i < word.size(); ++i)
      advance();
    return true;
  }

  bool parseValue(Json &out, int depth) {
    if (depth > 64)
      return error("nesting is too deep");
    out.line = line;
    out.column = column;
    if (atEnd())
      return error("unexpected end of file (expected a JSON value)");
    char c = peek();
    if (c == '{')
      return parseObject(out, depth);
    if (c == '[')
      return parseArray(out, depth);
    if (c == '"') {
      out.type = Json::String;
      return parseString(out.text);
    }
    if (c == '-' || (c >= '0' && c <= '9'))
      return parseNumber(out);
    if (c == 't' || c == 'f') {
      out.type = Json::Bool;
      out.boolean = c == 't';
      return expectWord(c == 't' ? "true" : "false");
    }
    if (c == 'n') {
      out.type = Json::Null;
      return expectWord("null");
    }
    return error(std::string("unexpected character '") + c +
                 "' (expected a JSON value)");
  }

  bool parseObject(Json &out, int depth) {
    out.type = Json::Object;
    advance(); // {
    skipSpace();
    if (peek() == '}') {
      advance();
      return true;
    }
    while (true) {
      skipSpace();
      if (peek() != '"')
        return error("expected a string key in an object");
      std::string key;
      if (!parseString(key))
        return false;
      skipSpace();
      if (peek() != ':')
        return error("expected ':' after an object key");
      advance();
      skipSpace();
      Json value;
      if (!parseValue(value, depth + 1))
        return false;
      out.members.emplace_back(std::move(key), std::move(value));
      skipSpace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '}') {
        advance();
        return true;
      }
      return error("expected ',' or '}' in an object");
    }
  }

  bool parseArray(Json &out, int depth) {
    out.type = Json::Array;
    advance(); // [
    skipSpace();
    if (peek() == ']') {
      advance();
      return true;
    }
    while (true) {
      skipSpace();
      Json value;
      if (!parseValue(value, depth + 1))
        return false;
      out.items.push_back(std::move(value));
      skipSpace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == ']') {
        advance();
        return true;
      }
      return error("expected ',' or ']' in an array");
    }
  }

  static void appendUtf8(std::string &out, uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(char(cp));
    } else if (cp < 0x800) {
      out.push_back(char(0xC0 | (cp >> 6)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(char(0xE0 | (cp >> 12)));
      out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(char(0xF0 | (cp >> 18)));
      out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    }
  }

  bool parseHex4(uint32_t &cp) {
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      char c = peek();
      int digit = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
      if (digit < 0)
        return error("expected four hex digits after \\u");
      cp = cp * 16 + uint32_t(digit);
      advance();
    }
    return true;
  }

  bool parseString(std::string &out) {
    advance(); // "
    while (true) {
      if (atEnd())
        return error("unterminated string");
      char c = peek();
      if (c == '"') {
        advance();
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return error("control character in a string");
      if (c != '\\') {
        out.push_back(c);
        advance();
        continue;
      }
      advance();
      if (atEnd())
        return error("unterminated string");
      char e = peek();
      advance();
      switch (e) {
      case '"':
      case '\\':
      case '/':
        out.push_back(e);
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        uint32_t cp;
        if (!parseHex4(cp))
          return false;
        if (cp >= 0xD800 && cp < 0xDC00 && peek() == '\\') {
          advance();
          if (peek() != 'u')
            return error("expected a low surrogate after a high one");
          advance();
          uint32_t low;
          if (!parseHex4(low))
            return false;
          if (low < 0xDC00 || low >= 0xE000)
            return error("expected a low surrogate after a high one");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, cp);
        break;
      }
      default:
        return error(std::string("invalid escape '\\") + e + "'");
      }
    }
  }

  bool parseNumber(Json &out) {
    out.type = Json::Number;
    size_t start = pos;
    bool negative = peek() == '-';
    if (negative)
      advance();
    if (!(peek() >= '0' && peek() <= '9'))
      return error("expected a digit");
    uint64_t magnitude = 0;
    bool overflow = false;
    while (peek() >= '0' && peek() <= '9') {
      uint64_t digit = uint64_t(peek() - '0');
      if (magnitude > (UINT64_MAX - digit) / 10)
        overflow = true;
      magnitude = magnitude * 10 + digit;
      advance();
    }
    bool fraction = false;
    if (peek() == '.') {
      fraction = true;
      advance();
      if (!(peek() >= '0' && peek() <= '9'))
        return error("expected a digit after '.'");
      while (peek() >= '0' && peek() <= '9')
        advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      fraction = true;
      advance();
      if (peek() == '+' || peek() == '-')
        advance();
      if (!(peek() >= '0' && peek() <= '9'))
        return error("expected a digit in the exponent");
      while (peek() >= '0' && peek() <= '9')
        advance();
    }
    (void)start;
    out.isInteger =
        !fraction && !overflow &&
        magnitude <= (negative ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX));
    if (out.isInteger)
      out.integer = negative ? int64_t(0 - magnitude) : int64_t(magnitude);
    return true;
  }

  std::string_view text;
  size_t pos = 0;
  unsigned line = 1, column = 1;
  unsigned errLine = 1, errColumn = 1;
  std::string message;
};

//===----------------------------------------------------------------------===//
// Reader: the profile schema
//===----------------------------------------------------------------------===//

/// Converts parsed JSON to a Profile, reporting the first value of the
/// wrong shape with its position.
class SchemaReader {
public:
  explicit SchemaReader(std::string &error) : errorOut(error) {}

  bool read(const Json &root, Profile &profile) {
    if (!expect(root, Json::Object, "the profile"))
      return false;
    const Json *version = nullptr, *sites = nullptr;
    for (const auto &[key, value] : root.members) {
      if (key == "janus_profile")
        version = &value;
      else if (key == "sites")
        sites = &value;
      else
        return fail(value, "unknown member '" + key + "' in the profile");
    }
    if (!version)
      return fail(root, "not a Janus profile (no \"janus_profile\" member)");
    if (version->type != Json::Number || !version->isInteger ||
        version->integer != 1)
      return fail(*version, "unsupported profile version (expected 1)");
    if (!sites)
      return fail(root, "missing member \"sites\"");
    if (!expect(*sites, Json::Object, "\"sites\""))
      return false;
    for (const auto &[key, value] : sites->members) {
      if (profile.sites.count(key))
        return fail(value, "duplicate site '" + key + "'");
      SiteProfile site;
      if (!readSite(value, site))
        return false;
      profile.sites.emplace(key, std::move(site));
    }
    return true;
  }

private:
  bool fail(const Json &at, const std::string &message) {
    errorOut = std::to_string(at.line) + ":" + std::to_string(at.column) +
               ": " + message;
    return false;
  }
  static const char *typeName(Json::Type type) {
    constexpr const char *names[] = {"null",     "a boolean", "a number",
                                     "a string", "an array",  "an object"};
    return names[type];
  }
  bool expect(const Json &v, Json::Type type, const std::string &what) {
    if (v.type == type)
      return true;
    return fail(v, what + " must be " + typeName(type) + ", not " +
                       typeName(v.type));
  }
  bool readCount(const Json &v, const std::string &what, uint64_t &out) {
    if (v.type != Json::Number || !v.isInteger || v.integer < 0)
      return fail(v, what + " must be a non-negative integer");
    out = uint64_t(v.integer);
    return true;
  }
  bool readInt(const Json &v, const std::string &what, int64_t &out) {
    if (v.type != Json::Number || !v.isInteger)
      return fail(v, what + " must be an integer");
    out = v.integer;
    return true;
  }
  bool readString(const Json &v, const std::string &what, std::string &out) {
    if (!expect(v, Json::String, what))
      return false;
    out = v.text;
    return true;
  }

  /// Calls `member(key, value)` for each member of object `v`, which must
  /// have every name in `required`.
  template <typename Fn>
  bool members(const Json &v, const std::string &what,
               std::initializer_list<const char *> required, Fn member) {
    if (!expect(v, Json::Object, what))
      return false;
    for (const char *name : required) {
      bool found = false;
      for (const auto &m : v.members)
        found |= m.first == name;
      if (!found)
        return fail(v, what + " lacks member \"" + name + "\"");
    }
    for (const auto &[key, value] : v.members)
      if (!member(key, value))
        return false;
    return true;
  }

  bool readSite(const Json &v, SiteProfile &site) {
    // The kind decides which members are allowed, so read it first.
    for (const auto &[key, value] : v.members)
      if (key == "kind") {
        std::string name;
        if (!readString(value, "\"kind\"", name))
          return false;
        if (!parseSiteKind(name, site.kind))
          return fail(value, "unknown site kind '" + name + "'");
      }
    return members(
        v, "a site", {"kind", "count"},
        [&](const std::string &key, const Json &value) {
          if (key == "kind")
            return true;
          if (key == "function")
            return readString(value, "\"function\"", site.function);
          if (key == "count")
            return readCount(value, "\"count\"", site.count);
          switch (site.kind) {
          case SiteKind::Value:
            if (key == "types")
              return readArray(value, "\"types\"", [&](const Json &item) {
                TypeSeen t;
                if (!readType(item, t))
                  return false;
                site.addType(t);
                return true;
              });
            break;
          case SiteKind::Branch:
            if (key == "taken")
              return readCount(value, "\"taken\"", site.taken);
            if (key == "not_taken")
              return readCount(value, "\"not_taken\"", site.notTaken);
            break;
          case SiteKind::Loop:
            if (key == "trips")
              return readArray(value, "\"trips\"", [&](const Json &item) {
                int64_t iterations = 0;
                uint64_t n = 0;
                if (!members(item, "a trip count", {"iterations", "count"},
                             [&](const std::string &k, const Json &x) {
                               if (k == "iterations")
                                 return readInt(x, "\"iterations\"",
                                                iterations);
                               if (k == "count")
                                 return readCount(x, "\"count\"", n);
                               return fail(x, "unknown member '" + k + "'");
                             }))
                  return false;
                site.trips[iterations] += n;
                return true;
              });
            break;
          case SiteKind::Call:
            if (key == "targets")
              return readArray(value, "\"targets\"", [&](const Json &item) {
                std::string target;
                uint64_t n = 0;
                if (!members(item, "a call target", {"target", "count"},
                             [&](const std::string &k, const Json &x) {
                               if (k == "target")
                                 return readString(x, "\"target\"", target);
                               if (k == "count")
                                 return readCount(x, "\"count\"", n);
                               return fail(x, "unknown member '" + k + "'");
                             }))
                  return false;
                site.targets[target] += n;
                return true;
              });
            break;
          case SiteKind::Attrs:
            if (key == "sets")
              return readArray(value, "\"sets\"", [&](const Json &item) {
                AttrSetSeen s;
                if (!readAttrSet(item, s))
                  return false;
                site.addAttrSet(s);
                return true;
              });
            break;
          }
          return fail(value, "unknown member '" + key + "' in a " +
                                 siteKindName(site.kind) + " site");
        });
  }

  template <typename Fn>
  bool readArray(const Json &v, const std::string &what, Fn item) {
    if (!expect(v, Json::Array, what))
      return false;
    for (const Json &x : v.items)
      if (!item(x))
        return false;
    return true;
  }

  bool readType(const Json &v, TypeSeen &t) {
    return members(v, "a type", {"type", "count"},
                   [&](const std::string &key, const Json &value) {
                     if (key == "type")
                       return readString(value, "\"type\"", t.type);
                     if (key == "count")
                       return readCount(value, "\"count\"", t.count);
                     if (key == "dtype") {
                       t.isTensor = true;
                       return readString(value, "\"dtype\"", t.dtype);
                     }
                     if (key == "shape") {
                       t.isTensor = true;
                       return readArray(value, "\"shape\"", [&](const Json &d) {
                         int64_t dim;
                         if (!readInt(d, "a dimension", dim))
                           return false;
                         t.shape.push_back(dim);
                         return true;
                       });
                     }
                     return fail(value,
                                 "unknown member '" + key + "' in a type");
                   });
  }

  bool readAttrSet(const Json &v, AttrSetSeen &s) {
    return members(
        v, "an attribute set", {"type", "attributes", "count"},
        [&](const std::string &key, const Json &value) {
          if (key == "type")
            return readString(value, "\"type\"", s.type);
          if (key == "count")
            return readCount(value, "\"count\"", s.count);
          if (key == "attributes")
            return readArray(value, "\"attributes\"", [&](const Json &a) {
              std::string name;
              if (!readString(a, "an attribute name", name))
                return false;
              s.attributes.push_back(std::move(name));
              return true;
            });
          return fail(value,
                      "unknown member '" + key + "' in an attribute set");
        });
  }

  std::string &errorOut;
};

} // namespace

bool janus::profile::readJson(std::string_view text, Profile &profile,
                              std::string &error) {
  Json root;
  if (!Parser(text).parseDocument(root, error))
    return false;
  Profile parsed;
  if (!SchemaReader(error).read(root, parsed))
    return false;
  profile = std::move(parsed);
  return true;
}
