//===- Signature.cpp - Python signatures and CPython's argument binding ---===//
//
// parseSignature reads the Python-like parameter lists of Library.def;
// bindCall binds a call's shape (how many positionals, which keywords) to a
// parameter list the way CPython's initialize_locals does, checking in
// CPython's order so that the first error reported is CPython's.
//
//===----------------------------------------------------------------------===//

#include "Signature/Signature.h"

#include <algorithm>
#include <set>

using namespace janus::sig;

namespace {

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos)
    return {};
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

/// Splits `text` at commas outside brackets and string literals, so that
/// defaults such as "(1, 1)" or "', '" stay whole.
std::string splitTopLevel(std::string_view text,
                          std::vector<std::string_view> &pieces) {
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\')
        ++i; // The escaped character cannot end the literal.
      else if (c == quote)
        quote = 0;
      continue;
    }
    switch (c) {
    case '\'':
    case '"':
      quote = c;
      break;
    case '(':
    case '[':
    case '{':
      ++depth;
      break;
    case ')':
    case ']':
    case '}':
      if (--depth < 0)
        return std::string("unbalanced '") + c + "'";
      break;
    case ',':
      if (depth == 0) {
        pieces.push_back(trim(text.substr(start, i - start)));
        start = i + 1;
      }
      break;
    default:
      break;
    }
  }
  if (quote)
    return "unterminated string literal";
  if (depth != 0)
    return "unbalanced brackets";
  pieces.push_back(trim(text.substr(start)));
  return "";
}

bool isIdentifier(std::string_view s) {
  auto alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  };
  if (s.empty() || !alpha(s[0]))
    return false;
  return std::all_of(s.begin() + 1, s.end(), [&](char c) {
    return alpha(c) || (c >= '0' && c <= '9');
  });
}

const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/// 'a' | 'a' and 'b' | 'a', 'b', and 'c', as CPython lists missing names.
std::string quotedList(const std::vector<std::string> &names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += names.size() == 2 ? " and " : ", ";
    if (i > 0 && i + 1 == names.size() && names.size() > 2)
      out += "and ";
    out += "'" + names[i] + "'";
  }
  return out;
}

bool isPositional(const Param &p) {
  return p.kind == Param::PositionalOnly ||
         p.kind == Param::PositionalOrKeyword;
}

} // namespace

std::string janus::sig::parseSignature(std::string_view text,
                                       std::vector<Param> &out) {
  out.clear();
  if (trim(text).empty())
    return "";
  std::vector<std::string_view> pieces;
  if (std::string err = splitTopLevel(text, pieces); !err.empty())
    return err;

  bool sawSlash = false, sawStar = false, sawVarKeyword = false;
  bool sawPositionalDefault = false;
  bool bareStarPending = false; // A bare `*` needs a keyword-only after it.
  std::set<std::string_view> names;
  for (std::string_view piece : pieces) {
    if (piece.empty())
      return "empty parameter";
    if (sawVarKeyword)
      return "parameter after **" + out.back().name;

    if (piece == "/") {
      if (sawSlash || sawStar)
        return "'/' must come once, before '*'";
      if (out.empty())
        return "'/' needs a parameter before it";
      for (Param &p : out)
        p.kind = Param::PositionalOnly;
      sawSlash = true;
      continue;
    }

    Param param;
    std::string_view nameText = piece;
    if (piece.substr(0, 2) == "**") {
      param.kind = Param::VarKeyword;
      nameText = piece.substr(2);
      sawVarKeyword = true;
    } else if (piece[0] == '*') {
      if (sawStar)
        return "'*' must come once";
      sawStar = true;
      nameText = trim(piece.substr(1));
      if (nameText.empty()) {
        bareStarPending = true;
        continue;
      }
      param.kind = Param::VarPositional;
    } else {
      size_t eq = piece.find('=');
      nameText = trim(piece.substr(0, eq));
      if (eq != std::string_view::npos) {
        std::string_view def = trim(piece.substr(eq + 1));
        if (def.empty())
          return "empty default for '" + std::string(nameText) + "'";
        param.defaultValue = std::string(def);
      }
      if (sawStar) {
        param.kind = Param::KeywordOnly;
        bareStarPending = false;
      } else if (param.defaultValue) {
        sawPositionalDefault = true;
      } else if (sawPositionalDefault) {
        return "non-default parameter '" + std::string(nameText) +
               "' follows default parameter";
      }
    }
    if (!isIdentifier(nameText))
      return "bad parameter name '" + std::string(nameText) + "'";
    if (!names.insert(nameText).second)
      return "duplicate parameter '" + std::string(nameText) + "'";
    param.name = std::string(nameText);
    out.push_back(std::move(param));
  }
  if (bareStarPending)
    return "named parameters must follow bare '*'";
  return "";
}

std::string janus::sig::bindCall(std::string_view callee,
                                 const std::vector<Param> &params,
                                 unsigned numPositional,
                                 const std::vector<std::string> &keywords,
                                 Binding *out) {
  std::string fn = std::string(callee) + "()";

  // CPython rejects a repeated keyword before the call is even made.
  std::set<std::string_view> seen;
  for (const std::string &k : keywords)
    if (!seen.insert(k).second)
      return "keyword argument repeated: " + k;

  bool hasVarPositional = false, hasVarKeyword = false;
  size_t numPositionalParams = 0, numPositionalDefaults = 0;
  for (const Param &p : params) {
    if (isPositional(p)) {
      ++numPositionalParams;
      numPositionalDefaults += p.isOptional();
    }
    hasVarPositional |= p.kind == Param::VarPositional;
    hasVarKeyword |= p.kind == Param::VarKeyword;
  }

  Binding binding;
  binding.source.assign(params.size(), Binding::Unbound);
  // Positionals fill the positional parameters in order; the rest go to
  // *args (or are too many, reported below).
  size_t n = 0;
  for (size_t i = 0; i < params.size() && n < numPositional; ++i)
    if (isPositional(params[i]))
      binding.source[i] = static_cast<int32_t>(n++);
  for (; n < numPositional; ++n)
    binding.extraPositional.push_back(static_cast<int32_t>(n));

  // Keywords, in the order CPython checks them.
  size_t keywordOnlyGiven = 0;
  for (size_t k = 0; k < keywords.size(); ++k) {
    const std::string &name = keywords[k];
    auto it = std::find_if(params.begin(), params.end(), [&](const Param &p) {
      return p.name == name && (p.kind == Param::PositionalOrKeyword ||
                                p.kind == Param::KeywordOnly);
    });
    int32_t argIndex = static_cast<int32_t>(numPositional + k);
    if (it == params.end()) {
      if (hasVarKeyword) {
        binding.extraKeywords.push_back(argIndex);
        continue;
      }
      // Like CPython, blame positional-only names used as keywords (all of
      // them, in parameter order) before the unknown keyword itself.
      std::string positionalOnly;
      for (const Param &p : params)
        if (p.kind == Param::PositionalOnly &&
            std::find(keywords.begin(), keywords.end(), p.name) !=
                keywords.end())
          positionalOnly += (positionalOnly.empty() ? "" : ", ") + p.name;
      if (!positionalOnly.empty())
        return fn +
               " got some positional-only arguments passed as keyword "
               "arguments: '" +
               positionalOnly + "'";
      return fn + " got an unexpected keyword argument '" + name + "'";
    }
    size_t index = it - params.begin();
    if (binding.source[index] != Binding::Unbound)
      return fn + " got multiple values for argument '" + name + "'";
    binding.source[index] = argIndex;
    keywordOnlyGiven += it->kind == Param::KeywordOnly;
  }

  if (numPositional > numPositionalParams && !hasVarPositional) {
    std::string takes =
        numPositionalDefaults
            ? "from " +
                  std::to_string(numPositionalParams - numPositionalDefaults) +
                  " to " + std::to_string(numPositionalParams) +
                  " positional arguments"
            : std::to_string(numPositionalParams) + " positional argument" +
                  plural(numPositionalParams);
    std::string keywordOnly;
    if (keywordOnlyGiven)
      keywordOnly = std::string(" positional argument") +
                    plural(numPositional) + " (and " +
                    std::to_string(keywordOnlyGiven) +
                    " keyword-only argument" + plural(keywordOnlyGiven) + ")";
    return fn + " takes " + takes + " but " + std::to_string(numPositional) +
           keywordOnly + " " +
           (numPositional == 1 && !keywordOnlyGiven ? "was" : "were") +
           " given";
  }

  std::vector<std::string> missingPositional, missingKeywordOnly;
  for (size_t i = 0; i < params.size(); ++i) {
    const Param &p = params[i];
    if (binding.source[i] != Binding::Unbound || p.isOptional())
      continue;
    if (p.kind == Param::KeywordOnly)
      missingKeywordOnly.push_back(p.name);
    else if (p.kind != Param::VarPositional && p.kind != Param::VarKeyword)
      missingPositional.push_back(p.name);
  }
  auto missing = [&](const std::vector<std::string> &names, const char *what) {
    return fn + " missing " + std::to_string(names.size()) + " required " +
           what + " argument" + plural(names.size()) + ": " + quotedList(names);
  };
  if (!missingPositional.empty())
    return missing(missingPositional, "positional");
  if (!missingKeywordOnly.empty())
    return missing(missingKeywordOnly, "keyword-only");
  if (out)
    *out = std::move(binding);
  return "";
}
