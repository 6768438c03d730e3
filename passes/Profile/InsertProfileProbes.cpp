//===- InsertProfileProbes.cpp - The janus-insert-profile-probes pass -----===//
//
// Adds the probes of a profiling build to a dyn module (Passes.td says
// which probe goes where). Value, call, attribute and branch probes sit
// next to the op they observe. Loops are found on the CFG: a back edge is
// an edge to a block that dominates its source, the natural loop of a
// header is the header plus every block that reaches one of its back edges
// without passing through it, and a block belongs to the innermost (the
// smallest) loop that contains it. Each loop gets a probe_loop_enter on
// every edge into its header from outside and a probe_loop_iter where its
// body starts: the successors that MLIRGen's test branches mark with
// `dyn.loop_body`, or the header itself for a loop without a test.
//
//   ^bb0:  cf.br ^head                       ^bb0:  dyn.probe_loop_enter
//   "m.py:2:1 loop"
//                                                   cf.br ^head
//   ^head: %more, %x = dyn.iter_next %it  →  ^head: %more, %x = dyn.iter_next
//   %it
//          cf.cond_br %more, ^body, ^exit           cf.cond_br %more, ^body,
//          ^exit {dyn.loop_body = 0 : i32}
//   ^body: ...                               ^body: dyn.probe_loop_iter
//   "m.py:2:1 loop"
//
//===----------------------------------------------------------------------===//

#include "Profile/Passes.h"

#include "Dyn/DynOps.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Dominance.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"

namespace janus::passes {
#define GEN_PASS_DEF_INSERTPROFILEPROBESPASS
#include "Profile/Passes.h.inc"
} // namespace janus::passes

using namespace mlir;
using namespace janus;

namespace {

/// The first file:line:col location inside `loc`, if any.
FileLineColLoc fileLocation(Location loc) {
  FileLineColLoc found;
  loc->walk([&](Location inner) {
    if (auto fileLoc = dyn_cast<FileLineColLoc>(inner)) {
      found = fileLoc;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

/// Hands out site keys "FILE:LINE:COL WHAT", unique within the module.
class SiteKeys {
public:
  StringAttr get(OpBuilder &b, Location loc, const Twine &what) {
    std::string base = "<unknown>:0:0";
    if (FileLineColLoc fileLoc = fileLocation(loc))
      base = (llvm::sys::path::filename(fileLoc.getFilename().getValue()) +
              ":" + Twine(fileLoc.getLine()) + ":" + Twine(fileLoc.getColumn()))
                 .str();
    base += " " + what.str();
    unsigned n = ++used[base];
    if (n > 1)
      base += " #" + std::to_string(n);
    return b.getStringAttr(base);
  }

private:
  llvm::StringMap<unsigned> used;
};

/// Probes next to the ops they observe (everything but loops).
void insertOpProbes(func::FuncOp fn, SiteKeys &keys) {
  OpBuilder b(fn.getContext());
  Block &entry = fn.getBody().front();
  if (auto params = fn->getAttrOfType<ArrayAttr>("dyn.params")) {
    b.setInsertionPointToStart(&entry);
    for (auto [i, name] : llvm::enumerate(params))
      if (i < entry.getNumArguments())
        dyn::ProbeValueOp::create(
            b, fn.getLoc(), entry.getArgument(i),
            keys.get(b, fn.getLoc(),
                     "arg " + cast<StringAttr>(name).getValue()));
  }

  SmallVector<Operation *> ops;
  fn.walk([&](Operation *op) { ops.push_back(op); });
  for (Operation *op : ops) {
    Location loc = op->getLoc();
    auto probeResultAfter = [&](Value result, const Twine &what) {
      b.setInsertionPointAfter(op);
      dyn::ProbeValueOp::create(b, loc, result, keys.get(b, loc, what));
    };
    if (auto call = dyn_cast<dyn::CallOp>(op)) {
      b.setInsertionPoint(op);
      dyn::ProbeCallOp::create(b, loc, call.getCallee(),
                               keys.get(b, loc, "call target"), StringAttr());
      probeResultAfter(call.getResult(), "call");
    } else if (auto method = dyn_cast<dyn::CallMethodOp>(op)) {
      b.setInsertionPoint(op);
      dyn::ProbeCallOp::create(b, loc, method.getReceiver(),
                               keys.get(b, loc, "call target"),
                               method.getNameAttr());
      probeResultAfter(method.getResult(), "call");
    } else if (auto library = dyn_cast<dyn::CallLibraryOp>(op)) {
      probeResultAfter(library.getResult(), "call");
    } else if (auto direct = dyn_cast<dyn::CallDirectOp>(op)) {
      probeResultAfter(direct.getResult(), "call");
    } else if (auto get = dyn_cast<dyn::GetAttrOp>(op)) {
      b.setInsertionPoint(op);
      dyn::ProbeAttrsOp::create(b, loc, get.getObject(),
                                keys.get(b, loc, "attrs " + get.getName()));
      probeResultAfter(get.getResult(), "attr " + get.getName());
    } else if (auto set = dyn_cast<dyn::SetAttrOp>(op)) {
      b.setInsertionPoint(op);
      dyn::ProbeAttrsOp::create(b, loc, set.getObject(),
                                keys.get(b, loc, "attrs " + set.getName()));
    } else if (auto item = dyn_cast<dyn::GetItemOp>(op)) {
      probeResultAfter(item.getResult(), "item");
    } else if (auto branch = dyn_cast<cf::CondBranchOp>(op)) {
      // A for loop's has_item is the loop's business (trip counts).
      if (branch.getCondition().getDefiningOp<dyn::IterNextOp>())
        continue;
      b.setInsertionPoint(op);
      dyn::ProbeBranchOp::create(b, loc, branch.getCondition(),
                                 keys.get(b, loc, "branch"));
    }
  }
}

/// One natural loop of a function.
struct Loop {
  Block *header;
  llvm::SmallPtrSet<Block *, 16> blocks;
};

void insertLoopProbes(func::FuncOp fn, SiteKeys &keys) {
  Region &body = fn.getBody();
  llvm::SmallPtrSet<Block *, 32> reachable;
  SmallVector<Block *> stack{&body.front()};
  while (!stack.empty()) {
    Block *block = stack.pop_back_val();
    if (reachable.insert(block).second)
      for (Block *succ : block->getSuccessors())
        stack.push_back(succ);
  }

  DominanceInfo dominance(fn);
  llvm::MapVector<Block *, SmallVector<Block *>> latchesOf;
  for (Block &block : body)
    if (reachable.contains(&block))
      for (Block *succ : block.getSuccessors())
        if (dominance.dominates(succ, &block))
          latchesOf[succ].push_back(&block);

  std::vector<Loop> loops;
  for (auto &[header, latches] : latchesOf) {
    Loop loop{header, {}};
    loop.blocks.insert(header);
    SmallVector<Block *> work(latches.begin(), latches.end());
    while (!work.empty()) {
      Block *block = work.pop_back_val();
      if (!loop.blocks.insert(block).second)
        continue;
      for (Block *pred : block->getPredecessors())
        if (reachable.contains(pred))
          work.push_back(pred);
    }
    loops.push_back(std::move(loop));
  }
  auto innermost = [&](Block *block) -> const Loop * {
    const Loop *best = nullptr;
    for (const Loop &loop : loops)
      if (loop.blocks.contains(block) &&
          (!best || loop.blocks.size() < best->blocks.size()))
        best = &loop;
    return best;
  };

  OpBuilder b(fn.getContext());
  for (const Loop &loop : loops) {
    // The edges into the header from outside; each must be a cf.br, where
    // the enter probe can go before the branch.
    llvm::SetVector<Block *> entering;
    for (Block *pred : loop.header->getPredecessors())
      if (reachable.contains(pred) && !loop.blocks.contains(pred))
        entering.insert(pred);
    if (entering.empty() || llvm::any_of(entering, [](Block *pred) {
          return !isa<cf::BranchOp>(pred->getTerminator());
        }))
      continue;

    // Where the body starts: the marked successors of this loop's tests.
    llvm::SetVector<Block *> bodyStarts;
    for (Block *block : loop.blocks) {
      Operation *terminator = block->getTerminator();
      auto index = terminator->getAttrOfType<IntegerAttr>("dyn.loop_body");
      if (!index || innermost(block) != &loop ||
          index.getInt() >= terminator->getNumSuccessors())
        continue;
      Block *start = terminator->getSuccessor(index.getInt());
      if (loop.blocks.contains(start))
        bodyStarts.insert(start);
    }
    if (bodyStarts.empty())
      bodyStarts.insert(loop.header);

    Operation *firstEntry = entering.front()->getTerminator();
    StringAttr site = keys.get(b, firstEntry->getLoc(), "loop");
    for (Block *pred : entering) {
      b.setInsertionPoint(pred->getTerminator());
      dyn::ProbeLoopEnterOp::create(b, pred->getTerminator()->getLoc(), site);
    }
    // Visit in block order so that the IR does not depend on pointer order.
    for (Block &block : body)
      if (bodyStarts.contains(&block)) {
        b.setInsertionPointToStart(&block);
        dyn::ProbeLoopIterOp::create(b, firstEntry->getLoc(), site);
      }
  }
}

struct InsertProfileProbesPass
    : janus::passes::impl::InsertProfileProbesPassBase<
          InsertProfileProbesPass> {
  void runOnOperation() override {
    SiteKeys keys;
    for (auto fn : getOperation().getOps<func::FuncOp>()) {
      if (fn.isExternal())
        continue;
      insertOpProbes(fn, keys);
      insertLoopProbes(fn, keys);
    }
  }
};

} // namespace
