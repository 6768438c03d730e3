//===- BuiltinsUtil.h - Helpers shared by the builtin implementations ----===//
//
// Small pieces that several implementation files need with identical
// CPython wording: integer arguments (__index__), calling a key function,
// the stable sort behind sorted() and list.sort(), dict.update's merge,
// format(value, spec), str parsing for int() and float(), and turning a
// Format-layer PyError into a Status. Internal to runtime/lib/Dispatch.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_RUNTIME_DISPATCH_BUILTINSUTIL_H
#define JANUS_RUNTIME_DISPATCH_BUILTINSUTIL_H

#include "Dispatch/Dispatch.h"
#include "Format/PyFormat.h"

namespace janus::rt {

/// An int argument where CPython calls __index__: int or bool, else
/// "'str' object cannot be interpreted as an integer".
Status indexArg(const Value &v, int64_t &out);

/// The Status for a PyError of the Format layer.
Status statusOf(const PyError &err);

/// key(v), or v itself when `key` is None.
Status applyKey(const Value &key, const Value &v, Value &out);

/// Sorts `items` in place as list.sort(key=key, reverse=reverse) does:
/// stable, comparing with `<` only; the first failing comparison is
/// returned and `items` is then left in some permutation of itself.
Status sortValues(std::vector<Value> &items, const Value &key, bool reverse);

/// dict.update(other): `other` a dict, or an iterable of key/value pairs
/// ("dictionary update sequence element #0 has length 3; 2 is required").
Status dictMerge(const Value &dict, const Value &other);

/// format(value, spec) for the subset's scalars; other values accept only
/// an empty spec (str(value)), as object.__format__ does.
Status formatValue(const Value &v, std::string_view spec, std::string &out);

/// int(text, base) with CPython's literal rules (whitespace, sign, 0x/0o/0b
/// prefixes, single underscores between digits). `base` is 0 or 2..36.
Status parseIntLiteral(const std::string &text, int base, int64_t &out);
/// float(text): decimal literals, "inf"/"infinity"/"nan" in any case.
Status parseFloatLiteral(const std::string &text, double &out);

/// Python's str.isspace() for one code point (Unicode's White_Space plus
/// the ASCII separators 0x1c-0x1f, as CPython defines it).
bool isPySpace(char32_t c);
/// The byte length of the whitespace code point starting at s[pos], or 0.
size_t spaceAt(std::string_view s, size_t pos);
/// The byte length of the whitespace code point ending just before s[end],
/// or 0.
size_t spaceBefore(std::string_view s, size_t end);
/// `s` without leading and trailing whitespace (str.strip()).
std::string_view stripSpace(std::string_view s);

/// str.format's implementation (StrFormat.cpp), listed by StrMethods.cpp.
LibImpl strFormatMethod();

/// `a == b` as list.index/count/remove test it: identity, then `==`.
Status itemEquals(const Value &a, const Value &b, bool &out);

/// The TypeError for an unbound method called on the wrong receiver type:
/// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
Status wrongReceiver(LibId id, const char *receiverType, const Value &self);

/// Wraps the implementation `F` of method `Id` of receivers of kind `K` so
/// that slot 0 is checked first (list.append(1, 2) reaches it unbound).
template <Kind K, LibId Id, LibImpl F>
Status methodOf(const LibArgs &args, Value &out) {
  if (args[0].kind() != K) {
    const char *type = K == Kind::List   ? "list"
                       : K == Kind::Dict ? "dict"
                                         : "str";
    return wrongReceiver(Id, type, args[0]);
  }
  return F(args, out);
}

} // namespace janus::rt

#endif // JANUS_RUNTIME_DISPATCH_BUILTINSUTIL_H
