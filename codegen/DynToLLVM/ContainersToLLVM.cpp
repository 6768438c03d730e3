//===- ContainersToLLVM.cpp - tuples, lists, dicts, unpacking -------------===//
//
// Container builders pass their items as an array in the frame's scratch
// slots; dyn.unpack has the runtime write its results there and loads them.
//
//   %t = dyn.make_tuple(%a, %b)  →  store %a, %scratch[0]; store %b,
//   %scratch[1]
//                                   %t = janus_rt_make_tuple(%scratch, 2)
//   %x, %y = dyn.unpack %t       →  %s = janus_rt_unpack(%t, %scratch, 2)
//                                   %x = load %scratch[0]; %y = load
//                                   %scratch[1]
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

/// make_tuple, make_list and make_dict: (items, count) → value.
template <typename SourceOp>
struct MakeContainerLowering : DynConversionPattern<SourceOp> {
  MakeContainerLowering(const LLVMTypeConverter &converter,
                        LoweringState &state, StringRef function,
                        unsigned itemsPerEntry)
      : DynConversionPattern<SourceOp>(converter, state), function(function),
        itemsPerEntry(itemsPerEntry) {}

  LogicalResult
  matchAndRewrite(SourceOp op, typename SourceOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange items = adaptor.getOperands();
    Value array = this->storeScratch(rewriter, op, items);
    Value result = this->abi().call(
        rewriter, loc, function,
        {array, this->abi().i64(rewriter, loc, items.size() / itemsPerEntry)});
    this->checkValue(rewriter, op, result);
    rewriter.replaceOp(op, result);
    return success();
  }

  StringRef function;
  unsigned itemsPerEntry;
};

struct ListAppendLowering : DynConversionPattern<dyn::ListAppendOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::ListAppendOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value status = abi().call(rewriter, op.getLoc(), "janus_rt_list_append",
                              {adaptor.getList(), adaptor.getItem()});
    checkStatus(rewriter, op, status);
    rewriter.eraseOp(op);
    return success();
  }
};

struct UnpackLowering : DynConversionPattern<dyn::UnpackOp> {
  using DynConversionPattern::DynConversionPattern;
  LogicalResult
  matchAndRewrite(dyn::UnpackOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t n = op.getNumResults();
    Value out = frame(op).scratch;
    Value status =
        abi().call(rewriter, loc, "janus_rt_unpack",
                   {adaptor.getOperand(), out, abi().i64(rewriter, loc, n)});
    checkStatus(rewriter, op, status);
    SmallVector<Value> results;
    for (int64_t i = 0; i < n; ++i)
      results.push_back(
          LLVM::LoadOp::create(rewriter, loc, abi().valueType(),
                               abi().slotAddress(rewriter, loc, out, i)));
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void janus::codegen::populateContainersToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns.add<MakeContainerLowering<dyn::MakeTupleOp>>(
      converter, state, "janus_rt_make_tuple", 1);
  patterns.add<MakeContainerLowering<dyn::MakeListOp>>(converter, state,
                                                       "janus_rt_make_list", 1);
  patterns.add<MakeContainerLowering<dyn::MakeDictOp>>(converter, state,
                                                       "janus_rt_make_dict", 2);
  patterns.add<ListAppendLowering, UnpackLowering>(converter, state);
}
