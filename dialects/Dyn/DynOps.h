//===- DynOps.h - Operations of the dyn dialect -----------------*- C++ -*-===//
//
// The ops of the `dyn` dialect, generated from DynOps.td, and the check of
// the function-level conventions the lowering relies on.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_DIALECT_DYN_DYNOPS_H
#define JANUS_DIALECT_DYN_DYNOPS_H

#include "Dyn/DynDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "Dyn/DynOpsEnums.h.inc"

#define GET_OP_CLASSES
#include "Dyn/DynOps.h.inc"

namespace janus::dyn {

/// Checks the conventions of DynOps.td on one function: every `!dyn.value`
/// result is used only in its defining block. Reports an error on the
/// offending use and fails otherwise. The lowering calls it first.
mlir::LogicalResult verifyBlockLocalValues(mlir::Operation *function);

} // namespace janus::dyn

#endif // JANUS_DIALECT_DYN_DYNOPS_H
