//===- Library.cpp - The library surface of Janus Python ------------------===//
//
// Turns the X-macro table in runtime/include/janus/Library.def into parsed
// entries, name lookups and a call checker. Signatures are parsed once, the
// first time Library::get() is called; a malformed row is a bug in the table
// and stops the compiler at once rather than checking calls against a wrong
// signature. checkCall binds a call's shape (how many positionals, which
// keywords) to a signature the way CPython's initialize_locals does, and
// reports failures in CPython's words so a Janus user sees the message the
// same program would get from Python.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/Library.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

#include <fmt/format.h>

using namespace janus;

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

static const char *const moduleNames[] = {
#define JANUS_LIB_MODULE(ID, DOTTED) DOTTED,
#include "janus/Library.def"
};

static const char *const receiverNames[] = {
#define JANUS_LIB_RECEIVER(ID, PYNAME) PYNAME,
#include "janus/Library.def"
};

llvm::StringRef Library::moduleName(LibModule m) {
  return moduleNames[static_cast<unsigned>(m)];
}

llvm::StringRef Library::receiverName(LibReceiver r) {
  return receiverNames[static_cast<unsigned>(r)];
}

std::optional<LibModule> Library::lookupModule(llvm::StringRef dotted) {
  // Eight modules: a scan is as fast as a hash and needs no state.
  for (unsigned i = 0; i < std::size(moduleNames); ++i)
    if (dotted == moduleNames[i])
      return static_cast<LibModule>(i);
  return std::nullopt;
}

std::string LibraryEntry::qualifiedName() const {
  if (receiver)
    return (llvm::Twine(Library::receiverName(*receiver)) + "." + name).str();
  // Builtins are spelled bare, as Python programs (and CPython's messages)
  // spell them.
  if (*module == LibModule::Builtins)
    return name;
  return (llvm::Twine(Library::moduleName(*module)) + "." + name).str();
}

//===----------------------------------------------------------------------===//
// Signature parsing
//===----------------------------------------------------------------------===//

/// Splits `text` at commas outside brackets and string literals, so that
/// defaults such as "(1, 1)" or "', '" stay whole.
static std::string splitTopLevel(llvm::StringRef text,
                                 std::vector<llvm::StringRef> &pieces) {
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
        return fmt::format("unbalanced '{}'", c);
      break;
    case ',':
      if (depth == 0) {
        pieces.push_back(text.slice(start, i).trim());
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
  pieces.push_back(text.substr(start).trim());
  return "";
}

static bool isIdentifier(llvm::StringRef s) {
  if (s.empty() || !(llvm::isAlpha(s[0]) || s[0] == '_'))
    return false;
  return llvm::all_of(s.drop_front(),
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

std::string Library::parseSignature(llvm::StringRef text,
                                    std::vector<LibraryParam> &out) {
  out.clear();
  if (text.trim().empty())
    return "";
  std::vector<llvm::StringRef> pieces;
  if (std::string err = splitTopLevel(text, pieces); !err.empty())
    return err;

  bool sawSlash = false, sawStar = false, sawVarKeyword = false;
  bool sawPositionalDefault = false;
  bool bareStarPending = false; // A bare `*` needs a keyword-only after it.
  llvm::StringSet<> names;
  for (llvm::StringRef piece : pieces) {
    if (piece.empty())
      return "empty parameter";
    if (sawVarKeyword)
      return "parameter after **" + out.back().name;

    if (piece == "/") {
      if (sawSlash || sawStar)
        return "'/' must come once, before '*'";
      if (out.empty())
        return "'/' needs a parameter before it";
      for (LibraryParam &p : out)
        p.kind = LibraryParam::PositionalOnly;
      sawSlash = true;
      continue;
    }

    LibraryParam param;
    llvm::StringRef nameText = piece;
    if (piece.starts_with("**")) {
      param.kind = LibraryParam::VarKeyword;
      nameText = piece.drop_front(2);
      sawVarKeyword = true;
    } else if (piece.starts_with("*")) {
      if (sawStar)
        return "'*' must come once";
      sawStar = true;
      nameText = piece.drop_front(1).trim();
      if (nameText.empty()) {
        bareStarPending = true;
        continue;
      }
      param.kind = LibraryParam::VarPositional;
    } else {
      auto [name, def] = piece.split('=');
      nameText = name.trim();
      if (piece.contains('=')) {
        def = def.trim();
        if (def.empty())
          return "empty default for '" + nameText.str() + "'";
        param.defaultValue = def.str();
      }
      if (sawStar) {
        param.kind = LibraryParam::KeywordOnly;
        bareStarPending = false;
      } else if (param.defaultValue) {
        sawPositionalDefault = true;
      } else if (sawPositionalDefault) {
        return "non-default parameter '" + nameText.str() +
               "' follows default parameter";
      }
    }
    if (!isIdentifier(nameText))
      return "bad parameter name '" + nameText.str() + "'";
    if (!names.insert(nameText).second)
      return "duplicate parameter '" + nameText.str() + "'";
    param.name = nameText.str();
    out.push_back(std::move(param));
  }
  if (bareStarPending)
    return "named parameters must follow bare '*'";
  return "";
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

Library::Library() {
  auto add = [&](LibId id, LibEntryKind kind, std::optional<LibModule> module,
                 std::optional<LibReceiver> receiver, const char *name,
                 const char *signature) {
    LibraryEntry e{id, kind, module, receiver, name, signature, {}};
    if (std::string err = parseSignature(signature, e.params); !err.empty())
      llvm::report_fatal_error(llvm::Twine("Library.def: bad signature for ") +
                               e.qualifiedName() + ": " + err);
    table.push_back(std::move(e));
  };
#define JANUS_LIB_FUNCTION(ID, MODULE, NAME, SIG)                              \
  add(LibId::ID, LibEntryKind::Function, LibModule::MODULE, std::nullopt,      \
      NAME, SIG);
#define JANUS_LIB_CLASS(ID, MODULE, NAME, SIG)                                 \
  add(LibId::ID, LibEntryKind::Class, LibModule::MODULE, std::nullopt, NAME,   \
      SIG);
#define JANUS_LIB_CONSTANT(ID, MODULE, NAME)                                   \
  add(LibId::ID, LibEntryKind::Constant, LibModule::MODULE, std::nullopt,      \
      NAME, "");
#define JANUS_LIB_METHOD(ID, RECEIVER, NAME, SIG)                              \
  add(LibId::ID, LibEntryKind::Method, std::nullopt, LibReceiver::RECEIVER,    \
      NAME, SIG);
#define JANUS_LIB_ATTRIBUTE(ID, RECEIVER, NAME)                                \
  add(LibId::ID, LibEntryKind::Attribute, std::nullopt, LibReceiver::RECEIVER, \
      NAME, "");
#include "janus/Library.def"

  // The maps point into `table`, which no longer grows.
  byModule.resize(std::size(moduleNames));
  byReceiver.resize(std::size(receiverNames));
  for (const LibraryEntry &e : table) {
    auto &map = e.module ? byModule[static_cast<unsigned>(*e.module)]
                         : byReceiver[static_cast<unsigned>(*e.receiver)];
    if (!map.try_emplace(e.name, &e).second)
      llvm::report_fatal_error(llvm::Twine("Library.def: duplicate entry ") +
                               e.qualifiedName());
    if (e.receiver)
      membersByName[e.name].push_back(&e);
  }
}

const Library &Library::get() {
  // C++11 guarantees one thread runs the constructor; the rest wait for it.
  static const Library library;
  return library;
}

const LibraryEntry *Library::lookup(LibModule module,
                                    llvm::StringRef name) const {
  return byModule[static_cast<unsigned>(module)].lookup(name);
}

const LibraryEntry *Library::lookupMember(LibReceiver receiver,
                                          llvm::StringRef name) const {
  return byReceiver[static_cast<unsigned>(receiver)].lookup(name);
}

std::vector<const LibraryEntry *>
Library::membersNamed(llvm::StringRef name) const {
  auto it = membersByName.find(name);
  if (it == membersByName.end())
    return {};
  return it->second;
}

//===----------------------------------------------------------------------===//
// Call checking
//===----------------------------------------------------------------------===//

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/// 'a' | 'a' and 'b' | 'a', 'b', and 'c', as CPython lists missing names.
static std::string quotedList(llvm::ArrayRef<std::string> names) {
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

std::string Library::checkCall(const LibraryEntry &entry,
                               unsigned numPositional,
                               llvm::ArrayRef<std::string> keywords) {
  if (entry.kind == LibEntryKind::Constant ||
      entry.kind == LibEntryKind::Attribute)
    return "'" + entry.qualifiedName() + "' is not callable";
  return checkBinding(entry.qualifiedName(), entry.params, numPositional,
                      keywords);
}

std::string Library::checkBinding(llvm::StringRef callee,
                                  llvm::ArrayRef<LibraryParam> params,
                                  unsigned numPositional,
                                  llvm::ArrayRef<std::string> keywords) {
  std::string fn = callee.str() + "()";

  // CPython rejects a repeated keyword before the call is even made.
  llvm::StringSet<> seen;
  for (const std::string &k : keywords)
    if (!seen.insert(k).second)
      return "keyword argument repeated: " + k;

  bool hasVarPositional = false, hasVarKeyword = false;
  size_t numPositionalParams = 0, numPositionalDefaults = 0;
  for (const LibraryParam &p : params) {
    if (p.kind == LibraryParam::PositionalOnly ||
        p.kind == LibraryParam::PositionalOrKeyword) {
      ++numPositionalParams;
      numPositionalDefaults += p.isOptional();
    }
    hasVarPositional |= p.kind == LibraryParam::VarPositional;
    hasVarKeyword |= p.kind == LibraryParam::VarKeyword;
  }

  // Which parameters are bound; positionals fill the first slots.
  std::vector<bool> bound(params.size(), false);
  for (size_t i = 0, n = 0; i < params.size() && n < numPositional; ++i) {
    if (params[i].kind == LibraryParam::PositionalOnly ||
        params[i].kind == LibraryParam::PositionalOrKeyword) {
      bound[i] = true;
      ++n;
    }
  }

  // Keywords, in the order CPython checks them.
  size_t keywordOnlyGiven = 0;
  for (const std::string &k : keywords) {
    auto it = llvm::find_if(params, [&](const LibraryParam &p) {
      return p.name == k && (p.kind == LibraryParam::PositionalOrKeyword ||
                             p.kind == LibraryParam::KeywordOnly);
    });
    if (it == params.end()) {
      if (hasVarKeyword)
        continue;
      // Like CPython, blame positional-only names used as keywords (all of
      // them, in parameter order) before the unknown keyword itself.
      std::string positionalOnly;
      for (const LibraryParam &p : params)
        if (p.kind == LibraryParam::PositionalOnly &&
            llvm::is_contained(keywords, p.name))
          positionalOnly += (positionalOnly.empty() ? "" : ", ") + p.name;
      if (!positionalOnly.empty())
        return fn +
               " got some positional-only arguments passed as keyword "
               "arguments: '" +
               positionalOnly + "'";
      return fn + " got an unexpected keyword argument '" + k + "'";
    }
    size_t index = it - params.begin();
    if (bound[index])
      return fn + " got multiple values for argument '" + k + "'";
    bound[index] = true;
    keywordOnlyGiven += it->kind == LibraryParam::KeywordOnly;
  }

  if (numPositional > numPositionalParams && !hasVarPositional) {
    std::string takes =
        numPositionalDefaults
            ? fmt::format("from {} to {} positional arguments",
                          numPositionalParams - numPositionalDefaults,
                          numPositionalParams)
            : fmt::format("{} positional argument{}", numPositionalParams,
                          plural(numPositionalParams));
    std::string keywordOnly;
    if (keywordOnlyGiven)
      keywordOnly = fmt::format(
          " positional argument{} (and {} keyword-only argument{})",
          plural(numPositional), keywordOnlyGiven, plural(keywordOnlyGiven));
    return fmt::format(
        "{} takes {} but {}{} {} given", fn, takes, numPositional, keywordOnly,
        numPositional == 1 && !keywordOnlyGiven ? "was" : "were");
  }

  std::vector<std::string> missingPositional, missingKeywordOnly;
  for (size_t i = 0; i < params.size(); ++i) {
    const LibraryParam &p = params[i];
    if (bound[i] || p.isOptional())
      continue;
    if (p.kind == LibraryParam::KeywordOnly)
      missingKeywordOnly.push_back(p.name);
    else if (p.kind != LibraryParam::VarPositional &&
             p.kind != LibraryParam::VarKeyword)
      missingPositional.push_back(p.name);
  }
  if (!missingPositional.empty())
    return fmt::format("{} missing {} required positional argument{}: {}", fn,
                       missingPositional.size(),
                       plural(missingPositional.size()),
                       quotedList(missingPositional));
  if (!missingKeywordOnly.empty())
    return fmt::format("{} missing {} required keyword-only argument{}: {}", fn,
                       missingKeywordOnly.size(),
                       plural(missingKeywordOnly.size()),
                       quotedList(missingKeywordOnly));
  return "";
}
