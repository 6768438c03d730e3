//===- Library.cpp - The library surface of Janus Python ------------------===//
//
// Turns the X-macro table in runtime/include/janus/Library.def into parsed
// entries, name lookups and a call checker. Signatures are parsed once, the
// first time Library::get() is called; a malformed row is a bug in the table
// and stops the compiler at once rather than checking calls against a wrong
// signature. checkCall binds a call's shape (how many positionals, which
// keywords) with the binder the runtime also uses (runtime/lib/Signature),
// which follows CPython's initialize_locals and reports failures in
// CPython's words, so a Janus user sees the message the same program would
// get from Python.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/Library.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

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

std::string Library::parseSignature(llvm::StringRef text,
                                    std::vector<LibraryParam> &out) {
  return sig::parseSignature(std::string_view(text.data(), text.size()), out);
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
  return sig::bindCall(
      std::string_view(callee.data(), callee.size()),
      std::vector<LibraryParam>(params.begin(), params.end()), numPositional,
      std::vector<std::string>(keywords.begin(), keywords.end()));
}
