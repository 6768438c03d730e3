//===- LibraryRows.h - The rows of Library.def as data ----------*- C++ -*-===//
//
// Library.def expanded once into an array of plain rows, with the module and
// receiver names and the one rule for spelling a row's qualified name. The
// front end's Library and the runtime's dispatch table both build their
// lookups from these rows, so the X-macro is expanded in one place.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_SIGNATURE_LIBRARYROWS_H
#define JANUS_SIGNATURE_LIBRARYROWS_H

#include "Signature/LibraryIds.h"

#include <cstddef>
#include <optional>
#include <string>

namespace janus {

/// One row of Library.def. Exactly one of `module` (functions, classes,
/// constants) and `receiver` (methods, attributes) is set. `signature` is
/// CPython signature text, empty for constants and attributes.
struct LibRow {
  LibId id;
  LibEntryKind kind;
  std::optional<LibModule> module;
  std::optional<LibReceiver> receiver;
  const char *name;
  const char *signature;
};

/// Every row, in table order: libraryRows()[i].id == LibId(i).
const LibRow *libraryRows();
size_t numLibraryRows();

/// The dotted module name ("torch.nn.functional") and the receiver's Python
/// type name ("Tensor").
const char *libModuleName(LibModule module);
const char *libReceiverName(LibReceiver receiver);
size_t numLibModules();
size_t numLibReceivers();

/// "torch.zeros", "Tensor.view", and bare names for builtins ("print"), as
/// Python programs and CPython's messages spell them.
std::string libQualifiedName(const LibRow &row);

} // namespace janus

#endif // JANUS_SIGNATURE_LIBRARYROWS_H
