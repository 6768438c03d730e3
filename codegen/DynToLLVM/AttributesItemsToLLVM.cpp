//===- AttributesItemsToLLVM.cpp - dyn.get/set_attr, items, slices --------===//
//
// Attribute access goes through a per-op janus_rt_site naming the
// attribute (the runtime caches the lookup there); subscripts and slices
// are plain calls. Setters and del return an int32_t status.
//
//   dyn.set_attr %o "w" = %v  →  %s = janus_rt_set_attr(@__janus.site.0, %o,
//   %v)
//                                cond_br (%s == -1), ^error, ^next
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

struct GetAttrLowering : DynConversionPattern<dyn::GetAttrOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::GetAttrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result =
        abi().call(rewriter, loc, "janus_rt_get_attr",
                   {abi().site(rewriter, loc, op.getName(), ArrayAttr()),
                    adaptor.getObject()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SetAttrLowering : DynConversionPattern<dyn::SetAttrOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::SetAttrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value status =
        abi().call(rewriter, loc, "janus_rt_set_attr",
                   {abi().site(rewriter, loc, op.getName(), ArrayAttr()),
                    adaptor.getObject(), adaptor.getValue()});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

struct GetItemLowering : DynConversionPattern<dyn::GetItemOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::GetItemOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = abi().call(rewriter, op.getLoc(), "janus_rt_get_item",
                              {adaptor.getObject(), adaptor.getKey()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SetItemLowering : DynConversionPattern<dyn::SetItemOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::SetItemOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value status =
        abi().call(rewriter, op.getLoc(), "janus_rt_set_item",
                   {adaptor.getObject(), adaptor.getKey(), adaptor.getValue()});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

struct DelItemLowering : DynConversionPattern<dyn::DelItemOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::DelItemOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value status = abi().call(rewriter, op.getLoc(), "janus_rt_del_item",
                              {adaptor.getObject(), adaptor.getKey()});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

struct MakeSliceLowering : DynConversionPattern<dyn::MakeSliceOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::MakeSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result =
        abi().call(rewriter, op.getLoc(), "janus_rt_make_slice",
                   {adaptor.getLower(), adaptor.getUpper(), adaptor.getStep()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void janus::codegen::populateAttributesItemsToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<GetAttrLowering, SetAttrLowering, GetItemLowering,
               SetItemLowering, DelItemLowering, MakeSliceLowering>(converter,
                                                                    state);
}
