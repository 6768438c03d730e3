//===- Frames.cpp - Frames, unwinding and releases on the dyn IR ----------===//
//
// Step 1 of convert-dyn-to-llvm, run on each func.func while its body is
// still `dyn`. It makes everything that is not local to one op explicit, so
// that the op patterns stay one-op rewrites:
//  * the frame: an alloca of one janus_rt_value slot per local name (the
//    names of dyn.load_local/store_local/del_local/local_cell and of
//    dyn.cells/dyn.free_vars), stored unbound at entry; captured locals
//    (dyn.cells) get a new cell, free variables (dyn.free_vars) the cell
//    passed as the trailing argument; and a scratch array for the argument
//    lists of one op at a time;
//  * in profiling builds, one int64_t counter per loop site of the
//    function's dyn.probe_loop_* ops, -1 at entry, which the epilogue
//    records (janus_rt_profile_loop) before it releases the slots;
//  * the epilogue ^ret(%result): releases every slot and returns; each
//    func.return becomes a branch to it (retaining a returned parameter,
//    which is borrowed);
//  * the unwind block: branches to the epilogue with an error value;
//  * one error block per fallible op: janus_rt_traceback_add(&loc), the
//    release of every owned value live at the op (its operands included),
//    then the unwind block. The op's pattern branches there;
//  * a janus_rt_release after the last use of every owned !dyn.value
//    (right after its definition if it is unused). Values of inline kinds
//    (dyn.none, int/float/bool constants, dyn.from_bool) are not released.
// !dyn.values are reached from LLVM ops through unrealized casts, which
// the conversion resolves.
//
//===----------------------------------------------------------------------===//

#include "Lowering.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace janus;
using namespace janus::codegen;

bool janus::codegen::isFallible(Operation *op) {
  if (auto c = dyn_cast<dyn::ConstantOp>(op))
    return isa<StringAttr>(c.getValue());
  return isa<dyn::BinaryOp, dyn::UnaryOp, dyn::CompareOp, dyn::TruthOp,
             dyn::CallOp, dyn::CallMethodOp, dyn::CallLibraryOp,
             dyn::LibraryValueOp, dyn::CallDirectOp, dyn::MakeFunctionOp,
             dyn::MakeClassOp, dyn::SuperAttrOp, dyn::GetAttrOp, dyn::SetAttrOp,
             dyn::GetItemOp, dyn::SetItemOp, dyn::DelItemOp, dyn::MakeSliceOp,
             dyn::MakeTupleOp, dyn::MakeListOp, dyn::MakeDictOp,
             dyn::ListAppendOp, dyn::UnpackOp, dyn::GetIterOp, dyn::IterNextOp,
             dyn::LoadGlobalOp, dyn::DelGlobalOp, dyn::LoadLocalOp,
             dyn::DelLocalOp, dyn::FormatOp, dyn::JoinStringsOp,
             dyn::AssertFailOp, dyn::EnterOp, dyn::ExitOp>(op);
}

bool janus::codegen::isInlineValue(Value v) {
  Operation *def = v.getDefiningOp();
  if (!def)
    return false;
  if (auto c = dyn_cast<dyn::ConstantOp>(def))
    return !isa<StringAttr>(c.getValue());
  return isa<dyn::NoneOp, dyn::FromBoolOp>(def);
}

unsigned janus::codegen::scratchSlotsFor(Operation *op) {
  return llvm::TypeSwitch<Operation *, unsigned>(op)
      .Case<dyn::CallOp, dyn::CallMethodOp, dyn::CallLibraryOp>(
          [](auto call) { return call.getArgs().size(); })
      .Case<dyn::MakeTupleOp, dyn::MakeListOp>(
          [](auto make) { return make.getItems().size(); })
      .Case([](dyn::MakeDictOp d) { return d.getKeysAndValues().size(); })
      .Case([](dyn::UnpackOp u) { return u.getNumResults(); })
      .Case([](dyn::IterNextOp) { return 1u; })
      .Case([](dyn::MakeFunctionOp f) {
        return f.getDefaults().size() + f.getCaptures().size();
      })
      .Case([](dyn::JoinStringsOp j) { return j.getParts().size(); })
      .Default([](Operation *) { return 0u; });
}

Value janus::codegen::loopCounterAddress(OpBuilder &b, Location loc,
                                         RuntimeABI &abi, const Frame &frame,
                                         int64_t index) {
  if (index == 0)
    return frame.loopCounters;
  return LLVM::GEPOp::create(
      b, loc, abi.ptrType(), abi.i64Type(), frame.loopCounters,
      ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(index)});
}

namespace {

/// Prepares one func.func (see the file comment).
class FramePreparer {
public:
  FramePreparer(func::FuncOp fn, LoweringState &state)
      : fn(fn), state(state), abi(state.abi), b(fn.getContext()) {}

  LogicalResult run();

private:
  Value toLLVM(Value v, Location loc) {
    return UnrealizedConversionCastOp::create(b, loc, abi.valueType(), v)
        .getResult(0);
  }
  void buildFrame(Frame &frame);
  void buildExits(Frame &frame);
  void prepareBlock(Block *block, Frame &frame);

  func::FuncOp fn;
  LoweringState &state;
  RuntimeABI &abi;
  OpBuilder b;
  Block *retBlock = nullptr;
  Block *unwindBlock = nullptr;
};

} // namespace

LogicalResult FramePreparer::run() {
  if (failed(dyn::verifyBlockLocalValues(fn)))
    return failure();
  for (Block &block : llvm::drop_begin(fn.getBody()))
    for (BlockArgument arg : block.getArguments())
      if (isa<dyn::ValueType>(arg.getType()))
        return fn.emitOpError()
               << "has a !dyn.value block argument; values that cross "
                  "blocks must go through locals";
  if (fn.getNumResults() != 1 || !isa<dyn::ValueType>(fn.getResultTypes()[0]))
    return fn.emitOpError() << "must return one !dyn.value to be lowered";

  state.frames.push_back(std::make_unique<Frame>());
  Frame &frame = *state.frames.back();
  if (auto qualname = fn->getAttrOfType<StringAttr>("dyn.qualname"))
    frame.functionName = qualname.getValue().str();
  else if (fn.getSymName() == "__janus_init")
    frame.functionName = "<module>";
  else
    frame.functionName = fn.getSymName().str();

  // Slots: captured names first, then every other local in order of use.
  auto addSlot = [&](StringRef name, int32_t cellKind) {
    if (frame.slotOf.count(name))
      return;
    int64_t index = frame.slotOf.size();
    frame.slotOf[name] = index;
    frame.cellKind[name] = cellKind;
  };
  if (auto names = fn->getAttrOfType<ArrayAttr>("dyn.cells"))
    for (Attribute a : names)
      addSlot(cast<StringAttr>(a).getValue(), 1);
  if (auto names = fn->getAttrOfType<ArrayAttr>("dyn.free_vars"))
    for (Attribute a : names)
      addSlot(cast<StringAttr>(a).getValue(), 2);
  fn.walk([&](Operation *op) {
    if (isa<dyn::DynDialect>(op->getDialect()))
      state.frameOf[op] = &frame;
    frame.numScratch = std::max(frame.numScratch, scratchSlotsFor(op));
    if (auto enter = dyn_cast<dyn::ProbeLoopEnterOp>(op)) {
      StringRef site = enter.getSite();
      if (!frame.loopCounterOf.count(site)) {
        frame.loopCounterOf[site] = frame.loopSites.size();
        frame.loopSites.push_back(site.str());
      }
    }
    if (auto name = op->getAttrOfType<StringAttr>("name"))
      if (isa<dyn::LoadLocalOp, dyn::StoreLocalOp, dyn::DelLocalOp,
              dyn::LocalCellOp>(op))
        addSlot(name.getValue(), 0);
  });

  SmallVector<Block *> blocks;
  for (Block &block : fn.getBody())
    blocks.push_back(&block);
  buildFrame(frame);
  buildExits(frame);
  for (Block *block : blocks)
    prepareBlock(block, frame);
  return success();
}

void FramePreparer::buildFrame(Frame &frame) {
  Block &entry = fn.getBody().front();
  Location loc = fn.getLoc();
  b.setInsertionPointToStart(&entry);
  auto allocate = [&](unsigned n) {
    return LLVM::AllocaOp::create(b, loc, abi.ptrType(), abi.valueType(),
                                  abi.i64(b, loc, std::max(n, 1u)))
        .getResult();
  };
  frame.slots = allocate(frame.slotOf.size());
  frame.scratch = allocate(frame.numScratch);
  if (!frame.loopSites.empty()) {
    frame.loopCounters =
        LLVM::AllocaOp::create(b, loc, abi.ptrType(), abi.i64Type(),
                               abi.i64(b, loc, frame.loopSites.size()));
    Value notEntered = abi.i64(b, loc, -1);
    for (int64_t i = 0, e = frame.loopSites.size(); i < e; ++i)
      LLVM::StoreOp::create(b, loc, notEntered,
                            loopCounterAddress(b, loc, abi, frame, i));
  }
  Value unbound = abi.makeValue(b, loc, UnboundKind, 0);
  for (int64_t i = 0, e = frame.slotOf.size(); i < e; ++i)
    LLVM::StoreOp::create(b, loc, unbound,
                          abi.slotAddress(b, loc, frame.slots, i));

  if (auto cells = fn->getAttrOfType<ArrayAttr>("dyn.cells"))
    for (Attribute a : cells) {
      Value cell = abi.call(b, loc, "janus_rt_cell_new", {});
      int64_t slot = frame.slotOf.lookup(cast<StringAttr>(a).getValue());
      LLVM::StoreOp::create(b, loc, cell,
                            abi.slotAddress(b, loc, frame.slots, slot));
    }
  if (auto freeVars = fn->getAttrOfType<ArrayAttr>("dyn.free_vars")) {
    auto params = fn->getAttrOfType<ArrayAttr>("dyn.params");
    unsigned first = params ? params.size() : 0;
    for (auto [i, a] : llvm::enumerate(freeVars)) {
      if (first + i >= entry.getNumArguments())
        break;
      Value cell = toLLVM(entry.getArgument(first + i), loc);
      abi.retain(b, loc, cell);
      int64_t slot = frame.slotOf.lookup(cast<StringAttr>(a).getValue());
      LLVM::StoreOp::create(b, loc, cell,
                            abi.slotAddress(b, loc, frame.slots, slot));
    }
  }
}

void FramePreparer::buildExits(Frame &frame) {
  Location loc = fn.getLoc();
  Region &body = fn.getBody();
  // ^ret(%result): release every slot, return %result.
  retBlock = b.createBlock(&body, body.end(), {abi.valueType()}, {loc});
  // Profiling: the last entry of each loop is recorded here (earlier ones
  // by the next dyn.probe_loop_enter), on normal returns and unwinding.
  for (auto [i, site] : llvm::enumerate(frame.loopSites)) {
    Value count = LLVM::LoadOp::create(
        b, loc, abi.i64Type(), loopCounterAddress(b, loc, abi, frame, i));
    abi.call(b, loc, "janus_rt_profile_loop",
             {abi.profileSite(b, loc, site, frame.functionName), count});
  }
  for (int64_t i = 0, e = frame.slotOf.size(); i < e; ++i) {
    Value slot = abi.slotAddress(b, loc, frame.slots, i);
    abi.release(b, loc, LLVM::LoadOp::create(b, loc, abi.valueType(), slot));
  }
  // Already llvm.return: this block may have no predecessor until the
  // conversion patterns branch to the error blocks (a `while True:` left only
  // by an exception), and the conversion driver skips ops in blocks that are
  // unreachable when it starts, so a func.return here could stay unconverted.
  LLVM::ReturnOp::create(b, loc, retBlock->getArgument(0));

  // ^unwind: return an error value (the exception is pending).
  unwindBlock = b.createBlock(retBlock);
  LLVM::BrOp::create(b, loc, ValueRange{abi.makeValue(b, loc, ErrorKind, 0)},
                     retBlock);
}

void FramePreparer::prepareBlock(Block *block, Frame &frame) {
  // Order the block's ops and find the last use of each owned value.
  llvm::DenseMap<Operation *, unsigned> index;
  for (auto [i, op] : llvm::enumerate(*block))
    index[&op] = i;
  llvm::MapVector<Value, unsigned> lastUse; // owned values, by definition
  for (Operation &op : *block)
    for (Value r : op.getResults()) {
      if (!isa<dyn::ValueType>(r.getType()) || isInlineValue(r))
        continue;
      unsigned last = index[&op];
      for (Operation *user : r.getUsers())
        if (Operation *inBlock = block->findAncestorOpInBlock(*user))
          last = std::max(last, index[inBlock]);
      lastUse[r] = last;
    }

  SmallVector<Operation *> ops;
  for (Operation &op : *block)
    ops.push_back(&op);
  for (Operation *op : ops) {
    unsigned at = index[op];
    Location loc = op->getLoc();
    auto defined = [&](Value v) {
      Operation *def = v.getDefiningOp();
      return def && def->getBlock() == block && index[def] < at;
    };

    if (isFallible(op)) {
      Block *errorBlock = b.createBlock(unwindBlock);
      state.errorBlockOf[op] = errorBlock;
      abi.call(b, loc, "janus_rt_traceback_add",
               abi.location(b, loc, frame.functionName));
      for (auto [v, last] : lastUse)
        if (defined(v) && last >= at)
          abi.release(b, loc, toLLVM(v, loc));
      LLVM::BrOp::create(b, loc, ValueRange(), unwindBlock);
    }

    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      b.setInsertionPoint(ret);
      Value result = toLLVM(ret.getOperand(0), loc);
      if (isa<BlockArgument>(ret.getOperand(0)))
        abi.retain(b, loc, result); // parameters are borrowed
      LLVM::BrOp::create(b, loc, ValueRange{result}, retBlock);
      ret.erase();
      continue;
    }
    if (op->hasTrait<OpTrait::IsTerminator>())
      continue;

    // Release what dies here: unused results, then operands used last.
    b.setInsertionPointAfter(op);
    for (Value r : op->getResults())
      if (lastUse.count(r) && r.use_empty())
        abi.release(b, loc, toLLVM(r, loc));
    for (auto [v, last] : lastUse)
      if (defined(v) && last == at)
        abi.release(b, loc, toLLVM(v, loc));
  }
}

LogicalResult janus::codegen::prepareFunctions(ModuleOp module,
                                               LoweringState &state) {
  bool ok = true;
  for (auto fn : module.getOps<func::FuncOp>())
    if (!fn.isExternal() && failed(FramePreparer(fn, state).run()))
      ok = false;
  return success(ok);
}
