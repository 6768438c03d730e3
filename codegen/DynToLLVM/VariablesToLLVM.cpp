//===- VariablesToLLVM.cpp - globals, locals and cells --------------------===//
//
// dyn.global @x becomes an internal LLVM global slot @__janus.global.x
// initialised unbound; locals are slots of the function's frame (see
// Frames.cpp). Loads, stores and dels go through janus_rt_load_slot /
// store_slot / del_slot, which raise NameError / UnboundLocalError and read
// captured locals through their cells.
//
//   dyn.global @n               →  llvm.mlir.global internal @__janus.global.n
//   %0 = dyn.load_global @n     →  janus_rt_load_slot(@__janus.global.n, "n",
//   1, 0) dyn.store_local "x" = %0    →  janus_rt_store_slot(%frame[k], %0, 0)
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

std::string janus::codegen::globalSlotSymbol(StringRef name) {
  return ("__janus.global." + name).str();
}

namespace {

Value globalAddress(RuntimeABI &abi, OpBuilder &b, Location loc,
                    FlatSymbolRefAttr global) {
  return LLVM::AddressOfOp::create(b, loc, abi.ptrType(),
                                   globalSlotSymbol(global.getValue()));
}

struct GlobalLowering : DynConversionPattern<dyn::GlobalOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::GlobalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi().slotGlobal(rewriter, op.getLoc(), globalSlotSymbol(op.getSymName()));
    rewriter.eraseOp(op);
    return success();
  }
};

struct LoadGlobalLowering : DynConversionPattern<dyn::LoadGlobalOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::LoadGlobalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result =
        abi().call(rewriter, loc, "janus_rt_load_slot",
                   {globalAddress(abi(), rewriter, loc, op.getGlobalAttr()),
                    abi().cString(rewriter, loc, op.getGlobal()),
                    abi().i32(rewriter, loc, 1), abi().i32(rewriter, loc, 0)});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct StoreGlobalLowering : DynConversionPattern<dyn::StoreGlobalOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::StoreGlobalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    abi().call(rewriter, loc, "janus_rt_store_slot",
               {globalAddress(abi(), rewriter, loc, op.getGlobalAttr()),
                adaptor.getValue(), abi().i32(rewriter, loc, 0)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct DelGlobalLowering : DynConversionPattern<dyn::DelGlobalOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::DelGlobalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value status =
        abi().call(rewriter, loc, "janus_rt_del_slot",
                   {globalAddress(abi(), rewriter, loc, op.getGlobalAttr()),
                    abi().cString(rewriter, loc, op.getGlobal()),
                    abi().i32(rewriter, loc, 1), abi().i32(rewriter, loc, 0)});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

/// Base of the local-slot patterns: the slot's address and whether it
/// holds a cell.
template <typename SourceOp>
struct LocalPattern : DynConversionPattern<SourceOp> {
  using DynConversionPattern<SourceOp>::DynConversionPattern;
  Value slot(OpBuilder &b, SourceOp op) const {
    Frame &f = this->frame(op);
    return this->abi().slotAddress(b, op.getLoc(), f.slots,
                                   f.slotOf.lookup(op.getName()));
  }
  Value isCell(OpBuilder &b, SourceOp op) const {
    return this->abi().i32(b, op.getLoc(),
                           this->frame(op).cellKind.lookup(op.getName()));
  }
};

struct LoadLocalLowering : LocalPattern<dyn::LoadLocalOp> {
  using LocalPattern::LocalPattern;
  LogicalResult
  matchAndRewrite(dyn::LoadLocalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result = abi().call(
        rewriter, loc, "janus_rt_load_slot",
        {slot(rewriter, op), abi().cString(rewriter, loc, op.getName()),
         abi().i32(rewriter, loc, 0), isCell(rewriter, op)});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct StoreLocalLowering : LocalPattern<dyn::StoreLocalOp> {
  using LocalPattern::LocalPattern;
  LogicalResult
  matchAndRewrite(dyn::StoreLocalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi().call(rewriter, op.getLoc(), "janus_rt_store_slot",
               {slot(rewriter, op), adaptor.getValue(), isCell(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct DelLocalLowering : LocalPattern<dyn::DelLocalOp> {
  using LocalPattern::LocalPattern;
  LogicalResult
  matchAndRewrite(dyn::DelLocalOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value status = abi().call(
        rewriter, loc, "janus_rt_del_slot",
        {slot(rewriter, op), abi().cString(rewriter, loc, op.getName()),
         abi().i32(rewriter, loc, 0), isCell(rewriter, op)});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

/// The cell itself (not its contents), as a new reference.
struct LocalCellLowering : LocalPattern<dyn::LocalCellOp> {
  using LocalPattern::LocalPattern;
  LogicalResult
  matchAndRewrite(dyn::LocalCellOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (!frame(op).cellKind.lookup(op.getName()))
      return rewriter.notifyMatchFailure(op, "local is not a cell");
    Value cell = LLVM::LoadOp::create(rewriter, loc, abi().valueType(),
                                      slot(rewriter, op));
    abi().retain(rewriter, loc, cell);
    rewriter.replaceOp(op, cell);
    return success();
  }
};

} // namespace

void janus::codegen::populateVariablesToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<GlobalLowering, LoadGlobalLowering, StoreGlobalLowering,
               DelGlobalLowering, LoadLocalLowering, StoreLocalLowering,
               DelLocalLowering, LocalCellLowering>(converter, state);
}
