//===- OperatorsToLLVM.cpp - dyn.binary/unary/compare/is/truth ------------===//
//
// Operators call the runtime with the dyn dialect's enum value as the op
// number (janus_exec.h uses the same numbering); truth and identity return
// int32_t and become i1.
//
//   %2 = dyn.binary add %0, %1  →  %r = janus_rt_binary(0, 0, %0, %1)
//                                  cond_br (%r.kind == 255), ^error, ^next
//   %t = dyn.truth %2           →  %s = janus_rt_truth(%2); %s == -1 → ^error
//                                  %t = %s != 0
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

struct BinaryLowering : DynConversionPattern<dyn::BinaryOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::BinaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result = abi().call(
        rewriter, loc, "janus_rt_binary",
        {abi().i32(rewriter, loc, static_cast<int32_t>(op.getKind())),
         abi().i32(rewriter, loc, op.getInplace() ? 1 : 0), adaptor.getLhs(),
         adaptor.getRhs()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct UnaryLowering : DynConversionPattern<dyn::UnaryOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::UnaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result = abi().call(
        rewriter, loc, "janus_rt_unary",
        {abi().i32(rewriter, loc, static_cast<int32_t>(op.getKind())),
         adaptor.getOperand()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct CompareLowering : DynConversionPattern<dyn::CompareOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::CompareOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value result = abi().call(
        rewriter, loc, "janus_rt_compare",
        {abi().i32(rewriter, loc, static_cast<int32_t>(op.getKind())),
         adaptor.getLhs(), adaptor.getRhs()});
    checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct IsLowering : DynConversionPattern<dyn::IsOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::IsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value same = abi().call(rewriter, loc, "janus_rt_is",
                            {adaptor.getLhs(), adaptor.getRhs()});
    rewriter.replaceOpWithNewOp<LLVM::ICmpOp>(op, LLVM::ICmpPredicate::ne, same,
                                              abi().i32(rewriter, loc, 0));
    return success();
  }
};

struct TruthLowering : DynConversionPattern<dyn::TruthOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::TruthOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value status =
        abi().call(rewriter, loc, "janus_rt_truth", {adaptor.getOperand()});
    checkStatus(rewriter, op, status);
    rewriter.replaceOpWithNewOp<LLVM::ICmpOp>(
        op, LLVM::ICmpPredicate::ne, status, abi().i32(rewriter, loc, 0));
    return success();
  }
};

} // namespace

void janus::codegen::populateOperatorsToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<BinaryLowering, UnaryLowering, CompareLowering, IsLowering,
               TruthLowering>(converter, state);
}
