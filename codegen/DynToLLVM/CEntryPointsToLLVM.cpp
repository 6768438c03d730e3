//===- CEntryPointsToLLVM.cpp - The exported C functions of a module ------===//
//
// After the conversion (finishFunctions), adds the C entry points that
// collectCInterface chose (CEntryPoints.h):
//
//   ptr @<module>_init()  → janus_rt_export_init(@__janus.c_init_state,
//                                                @__janus_init_<module>,
//                                                "<module>")
//   ptr @<module>_<f>(ptr %p1, ..., ptr %out_result)
//                         → janus_rt_export_call(@__janus.c_init_state,
//                               "<module>", @__janus.global.<f>, "<f>",
//                               {%p1, ...}, n, %out_result)
//
// (a janus_status_t and janus_value_t are pointers). The entry points only
// gather their arguments: the runtime does the call through the global
// and turns a Python exception into a janus_status_t, so what a C caller
// sees follows janus.h whatever the generated code does.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

LogicalResult janus::codegen::buildCEntryPoints(ModuleOp module,
                                                RuntimeABI &abi,
                                                const CInterface &interface) {
  OpBuilder b(module.getContext());
  Location loc = module.getLoc();
  Type ptr = abi.ptrType();
  std::string exportedInit = "__janus_init_" + interface.moduleName;
  auto initFn = module.lookupSymbol<LLVM::LLVMFuncOp>(exportedInit);
  // A module without @__janus_init (hand-written dyn, as in the lowering's
  // tests) has no body to run, so no C entry points either; MLIRGen always
  // emits one.
  if (!initFn)
    return success();

  b.setInsertionPointToEnd(module.getBody());
  auto state = LLVM::GlobalOp::create(
      b, loc, abi.i32Type(), /*isConstant=*/false, LLVM::Linkage::Internal,
      "__janus.c_init_state", b.getI32IntegerAttr(0));

  // janus_status_t <module>_init(void)
  {
    b.setInsertionPointToEnd(module.getBody());
    auto fn = LLVM::LLVMFuncOp::create(b, loc, interface.initName,
                                       LLVM::LLVMFunctionType::get(ptr, {}));
    b.setInsertionPointToStart(fn.addEntryBlock(b));
    Value status = abi.call(b, loc, "janus_rt_export_init",
                            {LLVM::AddressOfOp::create(b, loc, state),
                             LLVM::AddressOfOp::create(b, loc, initFn),
                             abi.cString(b, loc, interface.moduleName)});
    LLVM::ReturnOp::create(b, loc, status);
  }

  for (const CEntryPoint &entry : interface.functions) {
    if (entry.cName.empty())
      continue;
    std::string slotName = "__janus.global." + entry.pythonName;
    auto slot = module.lookupSymbol<LLVM::GlobalOp>(slotName);
    if (!slot)
      return module.emitError() << "no global slot @" << slotName;
    if (module.lookupSymbol(entry.cName))
      return module.emitError()
             << "the C entry point @" << entry.cName << " is taken";

    SmallVector<Type> params(entry.params.size() + 1, ptr);
    b.setInsertionPointToEnd(module.getBody());
    auto fn = LLVM::LLVMFuncOp::create(
        b, loc, entry.cName, LLVM::LLVMFunctionType::get(ptr, params));
    Block *body = fn.addEntryBlock(b);
    b.setInsertionPointToStart(body);
    int64_t n = int64_t(entry.params.size());
    Value args = abi.nullPtr(b, loc);
    if (n > 0) {
      args = LLVM::AllocaOp::create(b, loc, ptr, ptr, abi.i64(b, loc, n));
      for (int64_t i = 0; i < n; ++i) {
        Value address =
            i == 0 ? args
                   : LLVM::GEPOp::create(
                         b, loc, ptr, ptr, args,
                         ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)})
                         .getResult();
        LLVM::StoreOp::create(b, loc, body->getArgument(i), address);
      }
    }
    Value status = abi.call(b, loc, "janus_rt_export_call",
                            {LLVM::AddressOfOp::create(b, loc, state),
                             abi.cString(b, loc, interface.moduleName),
                             LLVM::AddressOfOp::create(b, loc, slot),
                             abi.cString(b, loc, entry.pythonName), args,
                             abi.i64(b, loc, n), body->getArgument(n)});
    LLVM::ReturnOp::create(b, loc, status);
  }
  return success();
}
