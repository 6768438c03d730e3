//===- Library.h - The library surface of Janus Python ----------*- C++ -*-===//
//
// Everything a Janus program may call that it does not define itself —
// builtins, methods of list/dict/str, math, random, time, torch, torch.nn,
// torch.nn.functional, torch.optim, Tensor methods and attributes — is
// declared once, in runtime/include/janus/Library.def. This header turns that
// X-macro table into data that Sema checks calls against. Later stages
// generate their dispatch from the same table, so adding an operation touches
// one place.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_LIBRARY_H
#define JANUS_FRONTEND_LIBRARY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include "Signature/LibraryIds.h"
#include "Signature/Signature.h"

#include <optional>
#include <string>
#include <vector>

namespace janus {

/// A parameter of a library signature, parsed from the table's Python-like
/// signature text ("input, dim=None, *, keepdim=False"). The parser and the
/// binder are shared with the runtime (runtime/lib/Signature).
using LibraryParam = sig::Param;

struct LibraryEntry {
  LibId id;
  LibEntryKind kind;
  /// For Function/Class/Constant: the owning module; for Method/Attribute:
  /// the receiver type.
  std::optional<LibModule> module;
  std::optional<LibReceiver> receiver;
  const char *name;      ///< Python name, e.g. "relu".
  const char *signature; ///< Signature text; "" for constants/attributes.
  std::vector<LibraryParam> params; ///< Parsed `signature`.

  /// "torch.nn.functional.relu", "Tensor.sum", "list.append", "print".
  std::string qualifiedName() const;
};

class Library {
public:
  /// The table, parsed once. Thread-safe after first use.
  static const Library &get();

  /// The dotted name of a module ("torch.nn.functional"); "builtins" for
  /// LibModule::Builtins.
  static llvm::StringRef moduleName(LibModule m);
  static llvm::StringRef receiverName(LibReceiver r);
  /// The module whose dotted name is `dotted`, if the table declares one.
  static std::optional<LibModule> lookupModule(llvm::StringRef dotted);

  /// A function, class or constant of `module` named `name`, or null.
  const LibraryEntry *lookup(LibModule module, llvm::StringRef name) const;
  /// A method or attribute of a built-in type, or null.
  const LibraryEntry *lookupMember(LibReceiver receiver,
                                   llvm::StringRef name) const;
  /// Every method/attribute with this name on any receiver (for checking
  /// calls whose receiver type is not known statically).
  std::vector<const LibraryEntry *> membersNamed(llvm::StringRef name) const;

  llvm::ArrayRef<LibraryEntry> entries() const { return table; }

  /// Checks a call with `numPositional` positional arguments and the given
  /// keyword names against `entry`'s signature. Returns an empty string when
  /// the call binds, else a message in CPython's words, e.g.
  /// "relu() got an unexpected keyword argument 'foo'".
  static std::string checkCall(const LibraryEntry &entry,
                               unsigned numPositional,
                               llvm::ArrayRef<std::string> keywords);

  /// CPython's argument binding, shared by library entries and user
  /// functions (Sema describes a `def` as LibraryParams): checks the call
  /// against `params` and returns "" or CPython's message, naming the
  /// function `callee` ("f" gives "f() takes ...").
  static std::string checkBinding(llvm::StringRef callee,
                                  llvm::ArrayRef<LibraryParam> params,
                                  unsigned numPositional,
                                  llvm::ArrayRef<std::string> keywords);

  /// Parses signature text into parameters; returns an error message on a
  /// malformed signature (a bug in Library.def, caught by unit tests).
  static std::string parseSignature(llvm::StringRef text,
                                    std::vector<LibraryParam> &out);

private:
  Library();
  std::vector<LibraryEntry> table;
  /// Name -> entry, one map per module / receiver (indexed by the enum).
  std::vector<llvm::StringMap<const LibraryEntry *>> byModule, byReceiver;
  llvm::StringMap<std::vector<const LibraryEntry *>> membersByName;
};

} // namespace janus

#endif // JANUS_FRONTEND_LIBRARY_H
