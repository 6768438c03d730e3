//===- CallsToLLVM.cpp - dyn.call/call_method/call_library/call_direct ----===//
//
// Calls pass their arguments as an array in the frame's scratch slots and a
// per-op janus_rt_site with the method or library name and the keyword
// names; dyn.call_direct calls the lowered function directly (arguments
// borrowed, result owned).
//
//   %r = dyn.call_method %x "view"(%a) →
//     store %a, %scratch[0]
//     %r = janus_rt_call_method(@__janus.site.0, %x, %scratch, 1)
//     cond_br (%r.kind == 255), ^error, ^next
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

struct CallLowering : DynConversionPattern<dyn::CallOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::CallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value site = abi().site(rewriter, loc, "", op.getKwnames());
    Value args = storeScratch(rewriter, op, adaptor.getArgs());
    Value result =
        abi().call(rewriter, loc, "janus_rt_call",
                   {site, adaptor.getCallee(), args,
                    abi().i64(rewriter, loc, adaptor.getArgs().size())});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct CallMethodLowering : DynConversionPattern<dyn::CallMethodOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::CallMethodOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value site = abi().site(rewriter, loc, op.getName(), op.getKwnames());
    Value args = storeScratch(rewriter, op, adaptor.getArgs());
    Value result =
        abi().call(rewriter, loc, "janus_rt_call_method",
                   {site, adaptor.getReceiver(), args,
                    abi().i64(rewriter, loc, adaptor.getArgs().size())});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct CallLibraryLowering : DynConversionPattern<dyn::CallLibraryOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::CallLibraryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value site = abi().site(rewriter, loc, op.getName(), op.getKwnames());
    Value args = storeScratch(rewriter, op, adaptor.getArgs());
    Value result = abi().call(
        rewriter, loc, "janus_rt_call_library",
        {site, args, abi().i64(rewriter, loc, adaptor.getArgs().size())});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct LibraryValueLowering : DynConversionPattern<dyn::LibraryValueOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::LibraryValueOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value site = abi().site(rewriter, loc, op.getName(), ArrayAttr());
    Value result = abi().call(rewriter, loc, "janus_rt_library_value", {site});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct CallDirectLowering : DynConversionPattern<dyn::CallDirectOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::CallDirectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto call =
        LLVM::CallOp::create(rewriter, loc, TypeRange{abi().valueType()},
                             op.getCalleeAttr(), adaptor.getArgs());
    Value result = call.getResult();
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void janus::codegen::populateCallsToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<CallLowering, CallMethodLowering, CallLibraryLowering,
               LibraryValueLowering, CallDirectLowering>(converter, state);
}
