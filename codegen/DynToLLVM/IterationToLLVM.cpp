//===- IterationToLLVM.cpp - dyn.get_iter / dyn.iter_next -----------------===//
//
// janus_rt_iter_next writes the next item into a scratch slot and returns
// 1 (an item), 0 (exhausted; the item is None) or -1 (an error).
//
//   %more, %x = dyn.iter_next %it  →
//     %s = janus_rt_iter_next(%it, %scratch); %s == -1 → ^error
//     %more = %s == 1; %x = load %scratch[0]
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

struct GetIterLowering : DynConversionPattern<dyn::GetIterOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::GetIterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value result = abi().call(rewriter, op.getLoc(), "janus_rt_get_iter",
                              {adaptor.getIterable()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct IterNextLowering : DynConversionPattern<dyn::IterNextOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::IterNextOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value out = frame(op).scratch;
    Value status = abi().call(rewriter, loc, "janus_rt_iter_next",
                              {adaptor.getIterator(), out});
    checkStatus(rewriter, op, status);
    Value more = LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::eq,
                                      status, abi().i32(rewriter, loc, 1));
    Value item = LLVM::LoadOp::create(rewriter, loc, abi().valueType(), out);
    rewriter.replaceOp(op, {more, item});
    return success();
  }
};

} // namespace

void janus::codegen::populateIterationToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<GetIterLowering, IterNextLowering>(converter, state);
}
