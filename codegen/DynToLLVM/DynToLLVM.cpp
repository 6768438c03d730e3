//===- DynToLLVM.cpp - The convert-dyn-to-llvm pass -----------------------===//
//
// Drives the three steps of the generic lowering (see Lowering.h): prepare
// frames on the dyn IR, convert every dyn/func/cf/arith op to the LLVM
// dialect in one full conversion, then add code entries, function
// descriptors and the exported init.
//
// Assumes: the module is as MLIRGen emits it (docs/compiler.md); every
// !dyn.value is used only in its defining block and only entry blocks take
// !dyn.value arguments (checked; the pass fails otherwise); each func.func
// returns one !dyn.value.
// Guarantees: only LLVM dialect ops remain; each owned value is released
// exactly once on every path (after its last use, or in the error block of
// the op that failed while it was live); every failing runtime call adds
// its op's location to the traceback and unwinds the frame, which releases
// all local slots; the only external symbols are __janus_init_<module>,
// __janus_global_<module> (a global by name) and the C entry points
// (<module>_init, <module>_<f>: CEntryPoints.h).
//
//   func.func @f(%x: !dyn.value) -> !dyn.value attributes {dyn.params = ["x"]}
//   {
//     %0 = dyn.binary add %x, %x
//     return %0 : !dyn.value
//   }
// becomes (abridged)
//   llvm.func internal @f(%x: !llvm.struct<(i64, i64)>) -> !llvm.struct<(i64,
//   i64)> {
//     %0 = llvm.call @janus_rt_binary(0, 0, %x.kind, %x.bits, %x.kind, %x.bits)
//     llvm.cond_br (%0.kind == 255), ^error, ^ok
//   ^ok:     llvm.br ^ret(%0)
//   ^error:  llvm.call @janus_rt_traceback_add(@__janus.loc.0); llvm.br ^unwind
//   ^unwind: llvm.br ^ret({255, 0})
//   ^ret(%r): (release every frame slot) llvm.return %r
//   }
//   llvm.func internal @__janus.code.f(%args: !llvm.ptr) -> !llvm.struct<(i64,
//   i64)> llvm.mlir.global internal constant @__janus.desc.f() :
//   !llvm.struct<(...)>
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

    // Read before the conversion: it looks at func.func and dyn ops.
    CInterface interface = collectCInterface(module, name);
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
    populateProbesToLLVMPatterns(converter, state, patterns);
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

    if (failed(finishFunctions(module, state, interface)) ||
        failed(buildCEntryPoints(module, state.abi, interface)))
      return signalPassFailure();
    module->removeAttr("dyn.source_file");
  }
};

} // namespace
