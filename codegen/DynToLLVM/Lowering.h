//===- Lowering.h - Shared state of the dyn-to-LLVM conversion --*- C++ -*-===//
//
// What the conversion files of DynToLLVM share: the frame of each function
// (where its local slots and temporaries live), the error block that each
// fallible op branches to, the base class of their conversion patterns and
// the populate functions, one per op family.
//
// The pass (DynToLLVM.cpp) works in three steps: Frames.cpp prepares every
// function on the `dyn` IR (frame, epilogue, unwind, error blocks, releases
// after last uses); the patterns of the *ToLLVM.cpp files then replace each
// dyn op by runtime calls, splitting its block after a fallible call with a
// branch to the op's error block; FunctionsToLLVM.cpp finally adds the code
// entries, function descriptors and the module's exported init function.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_DYNTOLLVM_LOWERING_H
#define JANUS_CODEGEN_DYNTOLLVM_LOWERING_H

#include "DynToLLVM/CEntryPoints.h"
#include "RuntimeABI.h"

#include "Dyn/DynOps.h"

#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <string>
#include <vector>

namespace janus::codegen {

/// The frame of one function: an array of janus_rt_value slots for its
/// locals (by name; cells for captured names) and a scratch array that one
/// op at a time uses for argument lists and out-values.
struct Frame {
  mlir::Value slots;   // !llvm.ptr to numSlots values
  mlir::Value scratch; // !llvm.ptr to numScratch values
  llvm::StringMap<int64_t> slotOf;
  /// janus_rt_load_slot's is_cell: 0 a plain local, 1 a local captured
  /// by a lambda (dyn.cells), 2 a free variable of a lambda (dyn.free_vars).
  llvm::StringMap<int32_t> cellKind;
  unsigned numScratch = 0;
  std::string functionName; // dyn.qualname, or "<module>"
  /// Profiling builds: one int64_t iteration counter per loop site of the
  /// function's dyn.probe_loop_* ops (-1 until the loop is entered), in
  /// order of first appearance. The epilogue records every counter.
  mlir::Value loopCounters; // !llvm.ptr to loopSites.size() i64
  std::vector<std::string> loopSites;
  llvm::StringMap<int64_t> loopCounterOf;
};

/// State shared by the steps of the conversion of one module.
struct LoweringState {
  explicit LoweringState(mlir::ModuleOp module) : abi(module) {}

  RuntimeABI abi;
  std::vector<std::unique_ptr<Frame>> frames;
  /// The frame of the function each dyn op is in.
  llvm::DenseMap<mlir::Operation *, Frame *> frameOf;
  /// The error block of each fallible dyn op.
  llvm::DenseMap<mlir::Operation *, mlir::Block *> errorBlockOf;
  /// Per function symbol: the names of its dyn.params etc., recorded before
  /// func.func becomes llvm.func (see FunctionsToLLVM.cpp).
  struct FunctionInfo {
    std::string symbol, name, qualname;
    std::vector<std::string> params;
    int64_t numPositional = 0;
    int64_t numCaptures = 0;
  };
  std::vector<FunctionInfo> pythonFunctions;
};

/// Whether the runtime call `op` lowers to may fail (raise).
bool isFallible(mlir::Operation *op);

/// Whether `v` is a !dyn.value that is always an inline kind (None, bool,
/// int, float), so releasing it is a no-op the lowering can leave out.
bool isInlineValue(mlir::Value v);

/// The symbol of the LLVM global that holds dyn.global @name.
std::string globalSlotSymbol(llvm::StringRef name);
/// The symbol of the janus_rt_function_desc of func.func @name.
std::string functionDescSymbol(llvm::StringRef name);
/// The symbol of the janus_rt_code_t entry of func.func @name.
std::string codeEntrySymbol(llvm::StringRef name);

/// Base of the dyn op conversion patterns: the type converter maps
/// !dyn.value to !llvm.struct<(i64, i64)>, and the state gives the frame
/// and error block of the op being converted.
template <typename SourceOp>
class DynConversionPattern : public mlir::ConvertOpToLLVMPattern<SourceOp> {
public:
  DynConversionPattern(const mlir::LLVMTypeConverter &converter,
                       LoweringState &state)
      : mlir::ConvertOpToLLVMPattern<SourceOp>(converter), state(state) {}

protected:
  RuntimeABI &abi() const { return state.abi; }
  Frame &frame(mlir::Operation *op) const { return *state.frameOf.at(op); }

  /// Splits the block at the rewriter's insertion point and branches to
  /// `op`'s error block when `failed` is true; the rest of the block
  /// (including `op`, about to be replaced) continues on success.
  void branchOnError(mlir::ConversionPatternRewriter &rewriter,
                     mlir::Operation *op, mlir::Value failed) const {
    mlir::Block *errorBlock = state.errorBlockOf.at(op);
    mlir::Block *current = rewriter.getInsertionBlock();
    mlir::Block *rest =
        rewriter.splitBlock(current, rewriter.getInsertionPoint());
    rewriter.setInsertionPointToEnd(current);
    mlir::LLVM::CondBrOp::create(rewriter, op->getLoc(), failed, errorBlock,
                                 mlir::ValueRange(), rest, mlir::ValueRange(),
                                 std::make_pair(uint32_t(1), uint32_t(1000)));
    rewriter.setInsertionPointToStart(rest);
  }

  /// Checks a returned janus_rt_value for the error kind.
  void checkValue(mlir::ConversionPatternRewriter &rewriter,
                  mlir::Operation *op, mlir::Value result) const {
    branchOnError(rewriter, op, abi().isError(rewriter, op->getLoc(), result));
  }
  /// Checks a returned int32_t status for -1.
  void checkStatus(mlir::ConversionPatternRewriter &rewriter,
                   mlir::Operation *op, mlir::Value status) const {
    branchOnError(rewriter, op,
                  abi().isStatusError(rewriter, op->getLoc(), status));
  }

  /// Stores `values` into the frame's scratch array from `offset` on and
  /// returns the address of the first (the scratch array itself when empty).
  mlir::Value storeScratch(mlir::ConversionPatternRewriter &rewriter,
                           mlir::Operation *op, mlir::ValueRange values,
                           int64_t offset = 0) const {
    mlir::Location loc = op->getLoc();
    mlir::Value base = frame(op).scratch;
    for (auto [i, v] : llvm::enumerate(values))
      mlir::LLVM::StoreOp::create(
          rewriter, loc, v,
          abi().slotAddress(rewriter, loc, base, offset + int64_t(i)));
    return abi().slotAddress(rewriter, loc, base, offset);
  }

  LoweringState &state;
};

//===----------------------------------------------------------------------===//
// Steps and pattern families
//===----------------------------------------------------------------------===//

/// Step 1 (Frames.cpp): on the dyn IR of every func.func, builds the frame,
/// the epilogue and unwind blocks, one error block per fallible op, and the
/// release of every owned value after its last use.
mlir::LogicalResult prepareFunctions(mlir::ModuleOp module,
                                     LoweringState &state);

/// The address of the frame's loop counter number `index`.
mlir::Value loopCounterAddress(mlir::OpBuilder &b, mlir::Location loc,
                               RuntimeABI &abi, const Frame &frame,
                               int64_t index);

/// The number of scratch slots `op` needs (argument arrays, out-values).
unsigned scratchSlotsFor(mlir::Operation *op);

void populateConstantsToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                     LoweringState &state,
                                     mlir::RewritePatternSet &patterns);
void populateOperatorsToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                     LoweringState &state,
                                     mlir::RewritePatternSet &patterns);
void populateCallsToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                 LoweringState &state,
                                 mlir::RewritePatternSet &patterns);
void populateFunctionsToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                     LoweringState &state,
                                     mlir::RewritePatternSet &patterns);
void populateAttributesItemsToLLVMPatterns(
    const mlir::LLVMTypeConverter &converter, LoweringState &state,
    mlir::RewritePatternSet &patterns);
void populateContainersToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                      LoweringState &state,
                                      mlir::RewritePatternSet &patterns);
void populateIterationToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                     LoweringState &state,
                                     mlir::RewritePatternSet &patterns);
void populateVariablesToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                     LoweringState &state,
                                     mlir::RewritePatternSet &patterns);
void populateProbesToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                  LoweringState &state,
                                  mlir::RewritePatternSet &patterns);
void populateStringsToLLVMPatterns(const mlir::LLVMTypeConverter &converter,
                                   LoweringState &state,
                                   mlir::RewritePatternSet &patterns);

/// Records the Python functions (func.func with dyn.params) before the
/// conversion turns them into llvm.func.
void recordPythonFunctions(mlir::ModuleOp module, LoweringState &state);

/// Step 3 (FunctionsToLLVM.cpp): after the conversion, gives the converted
/// functions internal linkage, adds each Python function's code entry and
/// descriptor, and exports the module's init function as
/// `__janus_init_<moduleName>` and its globals by name through
/// `__janus_global_<moduleName>`.
/// Before that, the export calls janus_rt_require_pylib for each of
/// `interface.pylibModules`.
mlir::LogicalResult finishFunctions(mlir::ModuleOp module, LoweringState &state,
                                    const CInterface &interface);

/// CEntryPointsToLLVM.cpp, after finishFunctions: the C entry points of
/// `interface` (`<module>_init` and one per exported top-level function).
mlir::LogicalResult buildCEntryPoints(mlir::ModuleOp module, RuntimeABI &abi,
                                      const CInterface &interface);

} // namespace janus::codegen

#endif // JANUS_CODEGEN_DYNTOLLVM_LOWERING_H
