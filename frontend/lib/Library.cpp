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
#include "Signature/LibraryRows.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace janus;

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

llvm::StringRef Library::moduleName(LibModule m) {
  return libModuleName(m);
}

llvm::StringRef Library::receiverName(LibReceiver r) {
  return libReceiverName(r);
}

std::optional<LibModule> Library::lookupModule(llvm::StringRef dotted) {
  // Eight modules: a scan is as fast as a hash and needs no state.
  for (unsigned i = 0; i < numLibModules(); ++i)
    if (dotted == libModuleName(static_cast<LibModule>(i)))
      return static_cast<LibModule>(i);
  return std::nullopt;
}

std::string LibraryEntry::qualifiedName() const {
  return libQualifiedName(LibRow{id, kind, module, receiver, name, signature});
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
  for (size_t i = 0; i < numLibraryRows(); ++i) {
    const LibRow &row = libraryRows()[i];
    LibraryEntry e{row.id,   row.kind,      row.module, row.receiver,
                   row.name, row.signature, {}};
    if (std::string err = parseSignature(row.signature, e.params);
        !err.empty())
      llvm::report_fatal_error(llvm::Twine("Library.def: bad signature for ") +
                               e.qualifiedName() + ": " + err);
    table.push_back(std::move(e));
  }

  // The maps point into `table`, which no longer grows.
  byModule.resize(numLibModules());
  byReceiver.resize(numLibReceivers());
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
