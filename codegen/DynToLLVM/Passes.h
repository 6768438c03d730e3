//===- Passes.h - Passes of the generic lowering (dyn → LLVM) ---*- C++ -*-===//
//
// convert-dyn-to-llvm (see Passes.td) and its registration.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_DYNTOLLVM_PASSES_H
#define JANUS_CODEGEN_DYNTOLLVM_PASSES_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>
#include <string>

namespace janus::codegen {

#define GEN_PASS_DECL
#include "DynToLLVM/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "DynToLLVM/Passes.h.inc"

} // namespace janus::codegen

#endif // JANUS_CODEGEN_DYNTOLLVM_PASSES_H
