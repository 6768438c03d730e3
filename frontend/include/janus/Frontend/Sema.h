//===- Sema.h - Name resolution and subset checks ---------------*- C++ -*-===//
//
// Sema walks a parsed Module, resolves every name (locals, globals, class
// attributes, builtins, imported modules and the library table), checks the
// arity and keywords of calls to user functions and library entries, and
// rejects what the Janus subset does not accept with a diagnostic that says
// what to write instead. It annotates the AST in place (NameExpr::binding,
// AttributeExpr::qualifiedName, CallExpr::libraryCallee, FunctionDef scope
// lists).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_SEMA_H
#define JANUS_FRONTEND_SEMA_H

#include "janus/Frontend/AST.h"
#include "janus/Frontend/Diagnostics.h"

namespace janus {

/// Returns true when the module is valid Janus Python. Reports every error
/// it finds (it recovers at statement granularity).
bool runSema(Module &module, DiagnosticEngine &diags);

} // namespace janus

#endif // JANUS_FRONTEND_SEMA_H
