//===- DynToLLVM.cpp - The convert-dyn-to-llvm pass -----------------------===//
//
// Drives the three steps of the generic lowering (see Lowering.h and the
// pass description in Passes.td): prepare frames on the dyn IR, convert
// every dyn/func/cf/arith op to the LLVM dialect in one full conversion,
// then add code entries, function descriptors and the exported init.
//
//===----------------------------------------------------------------------===//

#include "DynToLLVM/Passes.h"
#include "Lowering.h"

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace janus::codegen {
#define GEN_PASS_DEF_CONVERTDYNTOLLVMPASS
#include "DynToLLVM/Passes.h.inc"
} // namespace janus::codegen

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

/// A C identifier from a module name ("my-model" → "my_model").
std::string sanitize(StringRef name) {
  std::string out;
  for (char c : name)
    out.push_back(llvm::isAlnum(c) || c == '_' ? c : '_');
  if (out.empty() || llvm::isDigit(out[0]))
    out.insert(out.begin(), '_');
  return out;
}

struct ConvertDynToLLVMPass
    : janus::codegen::impl::ConvertDynToLLVMPassBase<ConvertDynToLLVMPass> {
  using ConvertDynToLLVMPassBase::ConvertDynToLLVMPassBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();

    std::string name = moduleName;
    if (name.empty()) {
      name = "main";
      if (auto file = module->getAttrOfType<StringAttr>("dyn.source_file"))
        name = llvm::sys::path::stem(file.getValue()).str();
    }

    LoweringState state(module);
    if (failed(prepareFunctions(module, state)))
      return signalPassFailure();
    recordPythonFunctions(module, state);

    LLVMTypeConverter converter(ctx);
    converter.addConversion(
        [&](dyn::ValueType) { return state.abi.valueType(); });

    RewritePatternSet patterns(ctx);
    populateConstantsToLLVMPatterns(converter, state, patterns);
    populateOperatorsToLLVMPatterns(converter, state, patterns);
    populateCallsToLLVMPatterns(converter, state, patterns);
    populateFunctionsToLLVMPatterns(converter, state, patterns);
    populateAttributesItemsToLLVMPatterns(converter, state, patterns);
    populateContainersToLLVMPatterns(converter, state, patterns);
    populateIterationToLLVMPatterns(converter, state, patterns);
    populateVariablesToLLVMPatterns(converter, state, patterns);
    populateStringsToLLVMPatterns(converter, state, patterns);
    populateFuncToLLVMConversionPatterns(converter, patterns);
    cf::populateControlFlowToLLVMConversionPatterns(converter, patterns);
    arith::populateArithToLLVMConversionPatterns(converter, patterns);

    LLVMConversionTarget target(*ctx);
    target.addLegalOp<ModuleOp, UnrealizedConversionCastOp>();
    target.addIllegalDialect<dyn::DynDialect, func::FuncDialect,
                             cf::ControlFlowDialect, arith::ArithDialect>();
    if (failed(applyFullConversion(module, target, std::move(patterns))))
      return signalPassFailure();

    SmallVector<UnrealizedConversionCastOp> casts;
    module.walk([&](UnrealizedConversionCastOp op) { casts.push_back(op); });
    SmallVector<UnrealizedConversionCastOp> remaining;
    reconcileUnrealizedCasts(casts, &remaining);
    if (!remaining.empty()) {
      remaining.front().emitOpError() << "is left after convert-dyn-to-llvm";
      return signalPassFailure();
    }

    if (failed(finishFunctions(module, state, sanitize(name))))
      return signalPassFailure();
    module->removeAttr("dyn.source_file");
  }
};

} // namespace
