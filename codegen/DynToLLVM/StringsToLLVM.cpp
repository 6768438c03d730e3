//===- StringsToLLVM.cpp - f-strings, assert, context managers ------------===//
//
// dyn.format / dyn.join_strings build f-strings; dyn.assert_fail records an
// AssertionError and always takes its error path; dyn.enter / dyn.exit are
// `with` (torch.no_grad()).
//
//   %s = dyn.format %x "r" ".3f"  →  janus_rt_format(%x, 114, @str, 3)
//   dyn.assert_fail(%m)           →  janus_rt_assert_fail(%m); br ^error
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

struct FormatLowering : DynConversionPattern<dyn::FormatOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::FormatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    StringRef conv = op.getConversion();
    StringRef spec = op.getSpec();
    Value result =
        abi().call(rewriter, loc, "janus_rt_format",
                   {adaptor.getOperand(),
                    abi().i32(rewriter, loc, conv.empty() ? 0 : conv[0]),
                    spec.empty() ? abi().nullPtr(rewriter, loc)
                                 : abi().cString(rewriter, loc, spec),
                    abi().i64(rewriter, loc, spec.size())});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct JoinStringsLowering : DynConversionPattern<dyn::JoinStringsOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::JoinStringsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value parts = storeScratch(rewriter, op, adaptor.getParts());
    Value result = abi().call(
        rewriter, loc, "janus_rt_join_strings",
        {parts, abi().i64(rewriter, loc, adaptor.getParts().size())});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct AssertFailLowering : DynConversionPattern<dyn::AssertFailOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::AssertFailOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value message = adaptor.getMessage()
                        ? adaptor.getMessage()
                        : abi().makeValue(rewriter, loc, UnboundKind, 0);
    abi().call(rewriter, loc, "janus_rt_assert_fail", {message});
    rewriter.replaceOpWithNewOp<LLVM::BrOp>(op, ValueRange(),
                                            state.errorBlockOf.at(op));
    return success();
  }
};

struct EnterLowering : DynConversionPattern<dyn::EnterOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::EnterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = abi().call(rewriter, op.getLoc(), "janus_rt_enter",
                              {adaptor.getContext()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ExitLowering : DynConversionPattern<dyn::ExitOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::ExitOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value status = abi().call(rewriter, op.getLoc(), "janus_rt_exit",
                              {adaptor.getContext()});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void janus::codegen::populateStringsToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<FormatLowering, JoinStringsLowering, AssertFailLowering,
               EnterLowering, ExitLowering>(converter, state);
}
