//===- Signature.h - Python signatures and CPython's argument binding -----===//
//
// The one implementation of CPython's call binding in Janus. The front end
// checks every call against it at compile time (library entries from
// Library.def and user `def`s alike), and the runtime binds calls it only
// sees at run time (through the C API) with it, so both report the same
// CPython messages ("f() missing 1 required positional argument: 'x'").
//
// It depends on the C++ standard library only, so that libjanus_runtime
// stays free of LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_SIGNATURE_SIGNATURE_H
#define JANUS_SIGNATURE_SIGNATURE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace janus::sig {

/// A parameter of a signature written in Python's syntax
/// ("input, dim=None, *, keepdim=False").
struct Param {
  enum Kind {
    PositionalOnly,      ///< Before a `/` marker.
    PositionalOrKeyword, ///< The common case.
    VarPositional,       ///< `*size`: absorbs any number of positionals.
    KeywordOnly,         ///< After `*` or `*name`.
    VarKeyword,          ///< `**kwargs`: absorbs any other keywords.
  };
  std::string name;
  Kind kind = PositionalOrKeyword;
  /// Python source text of the default (e.g. "None", "1e-05", "(1, 1)");
  /// absent for required parameters. "..." marks a parameter that may be
  /// omitted but has no default value (CPython's `[, default]` notation).
  std::optional<std::string> defaultValue;
  bool isOptional() const { return defaultValue.has_value(); }
  bool hasDefaultValue() const {
    return defaultValue && *defaultValue != "...";
  }
};

/// Parses signature text into parameters; returns "" or what is wrong with
/// the text.
std::string parseSignature(std::string_view text, std::vector<Param> &out);

/// Where each parameter's value comes from after binding a call.
struct Binding {
  /// Not given: the parameter's default (or, for "...", absent).
  static constexpr int32_t Unbound = -1;
  /// Per parameter: the index of the argument bound to it (positionals
  /// first, then keywords in call order: numPositional + k), or Unbound.
  /// Var-positional and var-keyword parameters are Unbound here; their
  /// arguments are listed in `extraPositional` / `extraKeywords`.
  std::vector<int32_t> source;
  std::vector<int32_t> extraPositional;
  std::vector<int32_t> extraKeywords;
};

/// CPython's argument binding: binds a call with `numPositional` positional
/// arguments and the keyword names `keywords` to `params`. Returns "" (and
/// fills `out` when given) or CPython's message, naming the function
/// `callee` ("f" gives "f() takes 2 positional arguments but 3 were given").
std::string bindCall(std::string_view callee, const std::vector<Param> &params,
                     unsigned numPositional,
                     const std::vector<std::string> &keywords,
                     Binding *out = nullptr);

} // namespace janus::sig

#endif // JANUS_SIGNATURE_SIGNATURE_H
