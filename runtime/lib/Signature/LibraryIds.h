//===- LibraryIds.h - Identifiers of the library table's rows ---*- C++ -*-===//
//
// The enums generated from runtime/include/janus/Library.def, shared by the
// front end (which resolves names to them) and the runtime (whose dispatch
// table is indexed by them), so both agree on every row by construction.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_SIGNATURE_LIBRARYIDS_H
#define JANUS_SIGNATURE_LIBRARYIDS_H

namespace janus {

/// Modules (namespaces of free functions, classes and constants).
enum class LibModule {
#define JANUS_LIB_MODULE(ID, DOTTED) ID,
#include "janus/Library.def"
};

/// Built-in types whose methods and attributes the table declares.
enum class LibReceiver {
#define JANUS_LIB_RECEIVER(ID, PYNAME) ID,
#include "janus/Library.def"
};

/// One identifier per table row, in table order.
enum class LibId {
#define JANUS_LIB_FUNCTION(ID, MODULE, NAME, SIG) ID,
#define JANUS_LIB_CLASS(ID, MODULE, NAME, SIG) ID,
#define JANUS_LIB_CONSTANT(ID, MODULE, NAME) ID,
#define JANUS_LIB_METHOD(ID, RECEIVER, NAME, SIG) ID,
#define JANUS_LIB_ATTRIBUTE(ID, RECEIVER, NAME) ID,
#include "janus/Library.def"
};

enum class LibEntryKind { Function, Class, Constant, Method, Attribute };

} // namespace janus

#endif // JANUS_SIGNATURE_LIBRARYIDS_H
