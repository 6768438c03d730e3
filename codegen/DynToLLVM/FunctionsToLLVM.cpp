//===- FunctionsToLLVM.cpp - Python functions, classes, the module entry --===//
//
// func.func itself is converted by MLIR's func-to-llvm patterns (a
// !dyn.value argument or result becomes !llvm.struct<(i64, i64)>); this
// file adds what makes a Python function out of it:
//  * dyn.make_function passes the function's janus_rt_function_desc
//    (@__janus.desc.<f>), its defaults (and their parameter indices) and
//    captured cells to janus_rt_make_function;
//  * after the conversion, every converted function gets internal linkage,
//    and each one with `dyn.params` gets a janus_rt_code_t entry
//    `{i64, i64} @__janus.code.<f>(ptr %args)` that loads its arguments and
//    calls it, plus the descriptor;
//  * @__janus_init is exported as the C function
//    `janus_rt_value __janus_init_<module>(janus_rt_value name)`, i.e.
//    `{i64, i64} @__janus_init_<module>(i64, i64)`, which calls it between
//    janus_rt_entry_begin / janus_rt_entry_end, after installing the pylib
//    modules the module names (janus_rt_require_pylib);
//  * the module's globals are readable by name through the exported
//    `janus_rt_value __janus_global_<module>(const char *name)`, i.e.
//    `{i64, i64} @__janus_global_<module>(ptr)`, which passes a table of
//    the global names and slots to janus_rt_global_lookup (how `janus run`
//    finds the classes of a compiled pylib module).
// dyn.make_class and dyn.super_attr are plain calls.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

std::string janus::codegen::functionDescSymbol(StringRef name) {
  return ("__janus.desc." + name).str();
}

std::string janus::codegen::codeEntrySymbol(StringRef name) {
  return ("__janus.code." + name).str();
}

namespace {

struct MakeFunctionLowering : DynConversionPattern<dyn::MakeFunctionOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::MakeFunctionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value desc = LLVM::AddressOfOp::create(rewriter, loc, abi().ptrType(),
                                           functionDescSymbol(op.getCallee()));
    ValueRange defaults = adaptor.getDefaults();
    Value defaultsPtr = storeScratch(rewriter, op, defaults);
    Value capturesPtr =
        storeScratch(rewriter, op, adaptor.getCaptures(), defaults.size());
    Value indices = defaults.empty()
                        ? abi().nullPtr(rewriter, loc)
                        : abi().i64Array(rewriter, loc, op.getDefaultParams());
    Value result =
        abi().call(rewriter, loc, "janus_rt_make_function",
                   {desc, defaultsPtr, indices,
                    abi().i64(rewriter, loc, defaults.size()), capturesPtr});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct MakeClassLowering : DynConversionPattern<dyn::MakeClassOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::MakeClassOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value base = adaptor.getBase()
                     ? adaptor.getBase()
                     : abi().makeValue(rewriter, loc, UnboundKind, 0);
    Value result =
        abi().call(rewriter, loc, "janus_rt_make_class",
                   {abi().cString(rewriter, loc, op.getName()),
                    abi().i64(rewriter, loc, op.getName().size()), base});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SuperAttrLowering : DynConversionPattern<dyn::SuperAttrOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::SuperAttrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result =
        abi().call(rewriter, loc, "janus_rt_super_attr",
                   {abi().site(rewriter, loc, op.getName(), ArrayAttr()),
                    adaptor.getCls(), adaptor.getSelf()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void janus::codegen::populateFunctionsToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<MakeFunctionLowering, MakeClassLowering, SuperAttrLowering>(
      converter, state);
}

void janus::codegen::recordPythonFunctions(ModuleOp module,
                                           LoweringState &state) {
  for (auto fn : module.getOps<func::FuncOp>()) {
    if (fn.isExternal())
      continue;
    LoweringState::FunctionInfo info;
    info.symbol = fn.getSymName().str();
    info.numCaptures = -1; // not a Python function (no dyn.params)
    if (auto params = fn->getAttrOfType<ArrayAttr>("dyn.params")) {
      for (Attribute a : params)
        info.params.push_back(cast<StringAttr>(a).getValue().str());
      info.numCaptures =
          int64_t(fn.getNumArguments()) - int64_t(info.params.size());
      info.numPositional = info.params.size();
      if (auto n = fn->getAttrOfType<IntegerAttr>("dyn.num_positional"))
        info.numPositional = n.getInt();
      auto qualname = fn->getAttrOfType<StringAttr>("dyn.qualname");
      info.qualname = qualname ? qualname.getValue().str() : info.symbol;
      StringRef q(info.qualname);
      // __name__ is the last component ("forward" of "Net.forward"), except
      // inside "<lambda>" which holds no dot.
      size_t dot = q.rfind('.');
      info.name = (dot == StringRef::npos ? q : q.substr(dot + 1)).str();
    }
    state.pythonFunctions.push_back(std::move(info));
  }
}

/// {i64, i64} @__janus.code.<f>(ptr %args): loads the arguments and calls f.
static LLVM::LLVMFuncOp buildCodeEntry(OpBuilder &b, RuntimeABI &abi,
                                       LLVM::LLVMFuncOp fn) {
  Location loc = fn.getLoc();
  auto type = LLVM::LLVMFunctionType::get(abi.valueType(), {abi.ptrType()});
  b.setInsertionPointAfter(fn);
  auto entry = LLVM::LLVMFuncOp::create(b, loc, codeEntrySymbol(fn.getName()),
                                        type, LLVM::Linkage::Internal);
  Block *body = entry.addEntryBlock(b);
  b.setInsertionPointToStart(body);
  SmallVector<Value> args;
  for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
    args.push_back(
        LLVM::LoadOp::create(b, loc, abi.valueType(),
                             abi.slotAddress(b, loc, body->getArgument(0), i)));
  auto call = LLVM::CallOp::create(b, loc, fn, args);
  LLVM::ReturnOp::create(b, loc, call.getResult());
  return entry;
}

/// The janus_rt_function_desc of a Python function.
static void buildDescriptor(OpBuilder &b, RuntimeABI &abi,
                            const LoweringState::FunctionInfo &info,
                            LLVM::LLVMFuncOp code) {
  Location loc = code.getLoc();
  Type p = abi.ptrType(), l = abi.i64Type();
  auto type =
      LLVM::LLVMStructType::getLiteral(b.getContext(), {p, p, p, l, p, l, l});
  b.setInsertionPointAfter(code);
  auto global = LLVM::GlobalOp::create(
      b, loc, type, /*isConstant=*/true, LLVM::Linkage::Internal,
      functionDescSymbol(info.symbol), Attribute());
  b.setInsertionPointToStart(b.createBlock(&global.getInitializerRegion()));
  SmallVector<StringRef> params(info.params.begin(), info.params.end());
  Value fields[] = {abi.cString(b, loc, info.name),
                    abi.cString(b, loc, info.qualname),
                    LLVM::AddressOfOp::create(b, loc, code),
                    abi.i64(b, loc, info.params.size()),
                    params.empty() ? abi.nullPtr(b, loc)
                                   : abi.cStringArray(b, loc, params),
                    abi.i64(b, loc, info.numPositional),
                    abi.i64(b, loc, info.numCaptures)};
  Value v = LLVM::UndefOp::create(b, loc, type);
  for (auto [i, f] : llvm::enumerate(fields))
    v = LLVM::InsertValueOp::create(b, loc, v, f,
                                    ArrayRef<int64_t>{int64_t(i)});
  LLVM::ReturnOp::create(b, loc, v);
}

/// {i64, i64} @__janus_init_<module>(i64 %kind, i64 %bits).
static void buildModuleInit(OpBuilder &b, RuntimeABI &abi,
                            LLVM::LLVMFuncOp init, StringRef moduleName,
                            ArrayRef<std::string> pylibModules) {
  Location loc = init.getLoc();
  auto type = LLVM::LLVMFunctionType::get(abi.valueType(),
                                          {abi.i64Type(), abi.i64Type()});
  b.setInsertionPointAfter(init);
  auto exported = LLVM::LLVMFuncOp::create(
      b, loc, ("__janus_init_" + moduleName).str(), type);
  Block *body = exported.addEntryBlock(b);
  b.setInsertionPointToStart(body);
  Value name =
      abi.makeValue(b, loc, body->getArgument(0), body->getArgument(1));
  // janus_exec.h: exported entry points restore the grad mode and recursion
  // depth of their caller, so a failing call leaves no torch.no_grad().
  Value token = abi.call(b, loc, "janus_rt_entry_begin", {});
  // The pylib modules the module names are installed before its body runs
  // (a site resolves its library name once); a failure returns the error.
  for (const std::string &pylib : pylibModules) {
    Value status =
        abi.call(b, loc, "janus_rt_require_pylib", abi.cString(b, loc, pylib));
    Block *fail = b.createBlock(&exported.getBody());
    Block *next = b.createBlock(&exported.getBody());
    b.setInsertionPointToEnd(body);
    LLVM::CondBrOp::create(b, loc, abi.isStatusError(b, loc, status), fail,
                           next);
    b.setInsertionPointToStart(fail);
    abi.call(b, loc, "janus_rt_entry_end", token);
    LLVM::ReturnOp::create(b, loc,
                           abi.makeValue(b, loc, ErrorKind, uint64_t(0)));
    body = next;
    b.setInsertionPointToStart(next);
  }
  auto call = LLVM::CallOp::create(b, loc, init, ValueRange{name});
  abi.call(b, loc, "janus_rt_entry_end", token);
  LLVM::ReturnOp::create(b, loc, call.getResult());
}

/// {i64, i64} @__janus_global_<module>(ptr %name): a new reference to the
/// global `name` (kind JANUS_RT_UNBOUND_KIND if it is unbound or not a
/// global of the module).
static void buildGlobalAccessor(OpBuilder &b, RuntimeABI &abi, ModuleOp module,
                                StringRef moduleName) {
  constexpr StringLiteral prefix = "__janus.global.";
  SmallVector<StringRef> names;
  SmallVector<std::string> slots;
  for (auto global : module.getOps<LLVM::GlobalOp>())
    if (global.getSymName().starts_with(prefix)) {
      names.push_back(global.getSymName().drop_front(prefix.size()));
      slots.push_back(global.getSymName().str());
    }
  Location loc = module.getLoc();
  b.setInsertionPointToEnd(module.getBody());
  auto type = LLVM::LLVMFunctionType::get(abi.valueType(), {abi.ptrType()});
  auto accessor = LLVM::LLVMFuncOp::create(
      b, loc, ("__janus_global_" + moduleName).str(), type);
  Block *body = accessor.addEntryBlock(b);
  b.setInsertionPointToStart(body);
  Value namesPtr = names.empty() ? abi.nullPtr(b, loc)
                                 : abi.cStringArray(b, loc, names);
  Value slotsPtr =
      slots.empty() ? abi.nullPtr(b, loc) : abi.addressArray(b, loc, slots);
  Value result =
      abi.call(b, loc, "janus_rt_global_lookup",
               {namesPtr, slotsPtr, abi.i64(b, loc, names.size()),
                body->getArgument(0)});
  LLVM::ReturnOp::create(b, loc, result);
}

LogicalResult janus::codegen::finishFunctions(ModuleOp module,
                                              LoweringState &state,
                                              const CInterface &interface) {
  StringRef moduleName = interface.moduleName;
  OpBuilder b(module.getContext());
  RuntimeABI &abi = state.abi;
  for (const LoweringState::FunctionInfo &info : state.pythonFunctions) {
    auto fn = module.lookupSymbol<LLVM::LLVMFuncOp>(info.symbol);
    if (!fn)
      return module.emitError()
             << "function @" << info.symbol << " was not converted";
    fn.setLinkage(LLVM::Linkage::Internal);
    SmallVector<StringAttr> dynAttrs;
    for (NamedAttribute a : fn->getDiscardableAttrs())
      if (a.getName().getValue().starts_with("dyn."))
        dynAttrs.push_back(a.getName());
    for (StringAttr name : dynAttrs)
      fn->removeAttr(name);

    if (info.numCaptures >= 0)
      buildDescriptor(b, abi, info, buildCodeEntry(b, abi, fn));
    if (info.symbol == "__janus_init")
      buildModuleInit(b, abi, fn, moduleName, interface.pylibModules);
  }
  buildGlobalAccessor(b, abi, module, moduleName);
  return success();
}
