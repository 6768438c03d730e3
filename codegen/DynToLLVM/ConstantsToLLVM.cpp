//===- ConstantsToLLVM.cpp - dyn.none/ellipsis/constant/from_bool ---------===//
//
// None, bools, ints and floats are built inline as {kind, bits}; a str
// constant calls janus_rt_const_str with a module-level cache slot and the
// UTF-8 bytes; Ellipsis comes from janus_rt_ellipsis.
//
//   %0 = dyn.constant 42 : i64   →  {2, 42}
//   %1 = dyn.constant "hi"       →  janus_rt_const_str(@__janus.strcache.0,
//                                                      @__janus.str.0, 2)
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

struct NoneLowering : DynConversionPattern<dyn::NoneOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::NoneOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, abi().makeValue(rewriter, op.getLoc(), NoneKind, 0));
    return success();
  }
};

struct EllipsisLowering : DynConversionPattern<dyn::EllipsisOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::EllipsisOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, abi().call(rewriter, op.getLoc(), "janus_rt_ellipsis", {}));
    return success();
  }
};

struct ConstantLowering : DynConversionPattern<dyn::ConstantOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::ConstantOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Attribute value = op.getValue();
    Value result;
    if (auto b = dyn_cast<BoolAttr>(value)) {
      result = abi().makeValue(rewriter, loc, BoolKind, b.getValue());
    } else if (auto f = dyn_cast<FloatAttr>(value)) {
      int64_t bits = f.getValue().bitcastToAPInt().getSExtValue();
      result = abi().makeValue(rewriter, loc, FloatKind, bits);
    } else if (auto i = dyn_cast<IntegerAttr>(value)) {
      if (i.getType().isInteger(1))
        result = abi().makeValue(rewriter, loc, BoolKind, i.getInt() & 1);
      else
        result = abi().makeValue(rewriter, loc, IntKind, i.getInt());
    } else {
      StringRef text = cast<StringAttr>(value).getValue();
      result = abi().call(rewriter, loc, "janus_rt_const_str",
                          {abi().stringCache(rewriter, loc, text),
                           abi().cString(rewriter, loc, text),
                           abi().i64(rewriter, loc, text.size())});
      checkValue(rewriter, op, result);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct FromBoolLowering : DynConversionPattern<dyn::FromBoolOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::FromBoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value bits = LLVM::ZExtOp::create(rewriter, loc, abi().i64Type(),
                                      adaptor.getOperand());
    rewriter.replaceOp(op, abi().makeValue(rewriter, loc,
                                           abi().i64(rewriter, loc, BoolKind),
                                           bits));
    return success();
  }
};

} // namespace

void janus::codegen::populateConstantsToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns
      .add<NoneLowering, EllipsisLowering, ConstantLowering, FromBoolLowering>(
          converter, state);
}
