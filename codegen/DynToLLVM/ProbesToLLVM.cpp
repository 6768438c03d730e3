//===- ProbesToLLVM.cpp - dyn.probe_* ops ---------------------------------===//
//
// The probes of a profiling build (janus-insert-profile-probes). Each one
// passes its site's static janus_rt_profile_site (one per key in the
// module; the runtime caches the site's record in it) to one
// janus_rt_profile_* call that never fails. Loop probes touch only the
// frame's counter of their site (Frames.cpp): entering records the
// previous entry's count (ignored while it is still -1) and restarts at 0,
// an iteration adds one inline.
//
//   dyn.probe_branch %c "m.py:3:4 branch"
//     →  janus_rt_profile_branch(@__janus.probe.0, zext %c)
//   dyn.probe_loop_iter "m.py:2:1 loop"
//     →  %n = load %counter; store (%n + 1), %counter
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

namespace {

template <typename ProbeOp>
struct ProbeLowering : DynConversionPattern<ProbeOp> {
  using DynConversionPattern<ProbeOp>::DynConversionPattern;
  using OpAdaptor = typename ProbeOp::Adaptor;

  Value site(ConversionPatternRewriter &rewriter, ProbeOp op) const {
    return this->abi().profileSite(rewriter, op.getLoc(), op.getSite(),
                                   this->frame(op).functionName);
  }
  /// The address of the frame's counter of `op`'s loop site.
  Value counter(ConversionPatternRewriter &rewriter, ProbeOp op) const {
    Frame &f = this->frame(op);
    return loopCounterAddress(rewriter, op.getLoc(), this->abi(), f,
                              f.loopCounterOf.lookup(op.getSite()));
  }
};

struct ProbeValueLowering : ProbeLowering<dyn::ProbeValueOp> {
  using ProbeLowering::ProbeLowering;
  LogicalResult
  matchAndRewrite(dyn::ProbeValueOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi().call(rewriter, op.getLoc(), "janus_rt_profile_value",
               {site(rewriter, op), adaptor.getValue()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ProbeBranchLowering : ProbeLowering<dyn::ProbeBranchOp> {
  using ProbeLowering::ProbeLowering;
  LogicalResult
  matchAndRewrite(dyn::ProbeBranchOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value taken = LLVM::ZExtOp::create(rewriter, op.getLoc(), abi().i32Type(),
                                       adaptor.getCondition());
    abi().call(rewriter, op.getLoc(), "janus_rt_profile_branch",
               {site(rewriter, op), taken});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ProbeCallLowering : ProbeLowering<dyn::ProbeCallOp> {
  using ProbeLowering::ProbeLowering;
  LogicalResult
  matchAndRewrite(dyn::ProbeCallOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    if (auto method = op.getMethod())
      abi().call(rewriter, loc, "janus_rt_profile_method",
                 {site(rewriter, op), adaptor.getCallee(),
                  abi().cString(rewriter, loc, *method)});
    else
      abi().call(rewriter, loc, "janus_rt_profile_call",
                 {site(rewriter, op), adaptor.getCallee()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ProbeAttrsLowering : ProbeLowering<dyn::ProbeAttrsOp> {
  using ProbeLowering::ProbeLowering;
  LogicalResult
  matchAndRewrite(dyn::ProbeAttrsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    abi().call(rewriter, op.getLoc(), "janus_rt_profile_attrs",
               {site(rewriter, op), adaptor.getObject()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ProbeLoopEnterLowering : ProbeLowering<dyn::ProbeLoopEnterOp> {
  using ProbeLowering::ProbeLowering;
  LogicalResult
  matchAndRewrite(dyn::ProbeLoopEnterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value address = counter(rewriter, op);
    Value previous =
        LLVM::LoadOp::create(rewriter, loc, abi().i64Type(), address);
    abi().call(rewriter, loc, "janus_rt_profile_loop",
               {site(rewriter, op), previous});
    LLVM::StoreOp::create(rewriter, loc, abi().i64(rewriter, loc, 0), address);
    rewriter.eraseOp(op);
    return success();
  }
};

struct ProbeLoopIterLowering : ProbeLowering<dyn::ProbeLoopIterOp> {
  using ProbeLowering::ProbeLowering;
  LogicalResult
  matchAndRewrite(dyn::ProbeLoopIterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value address = counter(rewriter, op);
    Value count = LLVM::LoadOp::create(rewriter, loc, abi().i64Type(), address);
    Value next =
        LLVM::AddOp::create(rewriter, loc, count, abi().i64(rewriter, loc, 1));
    LLVM::StoreOp::create(rewriter, loc, next, address);
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void janus::codegen::populateProbesToLLVMPatterns(
    const LLVMTypeConverter &converter, LoweringState &state,
    RewritePatternSet &patterns) {
  patterns
      .add<ProbeValueLowering, ProbeBranchLowering, ProbeCallLowering,
           ProbeAttrsLowering, ProbeLoopEnterLowering, ProbeLoopIterLowering>(
          converter, state);
}
