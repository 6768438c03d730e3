//===- MLIRGen.h - Janus Python AST to the dyn dialect ----------*- C++ -*-===//
//
// MLIRGen turns a module that Sema accepted into the `dyn` dialect: one
// builtin.module per source file holding a `dyn.global` per module-level
// name, `func.func @__janus_init` for the module's code and one func.func
// per `def`, method and lambda, whose bodies are an unstructured CFG
// (cf.br / cf.cond_br) of dyn ops with a FileLineColLoc each. The layout is
// the contract of docs/compiler.md ("What MLIRGen produces"); the
// per-construct choices are in its "MLIRGen" section.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_MLIRGEN_MLIRGEN_H
#define JANUS_MLIRGEN_MLIRGEN_H

#include "janus/Frontend/AST.h"
#include "janus/Frontend/Diagnostics.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

namespace janus {

/// Loads the dialects that generated modules use (dyn, func, cf) into
/// `context`.
void loadDynDialects(mlir::MLIRContext &context);

/// Generates the dyn dialect for `module`, which must have passed Sema
/// without errors. Constructs MLIRGen cannot generate are reported through
/// `diags` at their location; a generated module that does not verify is
/// reported as an internal error. Returns null when anything was reported,
/// else a module that verifies (see verifyDynModule).
mlir::OwningOpRef<mlir::ModuleOp> generateDyn(mlir::MLIRContext &context,
                                              const Module &module,
                                              DiagnosticEngine &diags);

/// Checks what the lowering relies on: mlir::verify, every `!dyn.value`
/// used only in its defining block (dyn::verifyBlockLocalValues on each
/// function) and a FileLineColLoc on every op. Failures are reported through
/// `diags` as internal errors, at the offending op's location.
mlir::LogicalResult verifyDynModule(mlir::ModuleOp module,
                                    DiagnosticEngine &diags);

} // namespace janus

#endif // JANUS_MLIRGEN_MLIRGEN_H
