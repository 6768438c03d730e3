//===- janus-opt.cpp - mlir-opt with Janus's dialects and passes ----------===//
//
// Parses, verifies, transforms and prints MLIR that uses Janus's dialects,
// for lit tests of each dialect and pass (`janus-opt %s | FileCheck %s`).
//
//===----------------------------------------------------------------------===//

#include "Dyn/DynDialect.h"
#include "DynToLLVM/Passes.h"
#include "Profile/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<janus::dyn::DynDialect, mlir::func::FuncDialect,
                  mlir::cf::ControlFlowDialect, mlir::arith::ArithDialect,
                  mlir::LLVM::LLVMDialect>();
  mlir::registerTransformsPasses();
  janus::codegen::registerJanusDynToLLVMPasses();
  janus::passes::registerJanusProfilePasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Janus optimizer driver\n", registry));
}
