//===- DynOps.cpp - Verifiers of the dyn dialect's ops --------------------===//
//
// Op verifiers (names, keyword names, operand counts, probe sites),
// symbol-use checks and the block-locality check of `!dyn.value`s (see
// DynOps.td for the conventions they enforce).
//
//===----------------------------------------------------------------------===//

#include "Dyn/DynOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"

using namespace mlir;
using namespace janus::dyn;

#include "Dyn/DynOpsEnums.cpp.inc"

#define GET_OP_CLASSES
#include "Dyn/DynOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//

/// The keyword names name the trailing arguments, so there can be at most as
/// many as there are arguments, and a name may be passed once.
static LogicalResult verifyKeywordNames(Operation *op, size_t numArgs,
                                        ArrayAttr kwnames) {
  if (kwnames.size() > numArgs)
    return op->emitOpError()
           << "has " << kwnames.size() << " keyword names for " << numArgs
           << " arguments";
  llvm::StringSet<> seen;
  for (Attribute a : kwnames) {
    StringRef name = llvm::cast<StringAttr>(a).getValue();
    if (name.empty())
      return op->emitOpError() << "has an empty keyword name";
    if (!seen.insert(name).second)
      return op->emitOpError() << "passes keyword '" << name << "' twice";
  }
  return success();
}

/// An attribute, method or class name comes from a NAME token of the
/// source, so it is a Python identifier: a letter or `_`, then letters,
/// digits or `_`. The lexer already checked non-ASCII characters against
/// Unicode's XID_Start/XID_Continue; LLVM has no such table, so here a
/// non-ASCII character is accepted as long as the name is valid UTF-8.
static bool isPythonIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  for (char c : name) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && !llvm::isAlnum(c) && c != '_')
      return false;
  }
  const auto *begin = reinterpret_cast<const llvm::UTF8 *>(name.data());
  return llvm::isLegalUTF8String(&begin, begin + name.size());
}

/// `what` (e.g. "attribute") names what the op's `name` is.
static LogicalResult verifyIdentifier(Operation *op, StringRef name,
                                      StringRef what) {
  if (name.empty())
    return op->emitOpError() << "needs a non-empty " << what << " name";
  if (!isPythonIdentifier(name))
    return op->emitOpError()
           << what << " name '" << name << "' is not a Python identifier";
  return success();
}

/// A local slot's name: MLIRGen's hidden slots (`$t.0`) are not
/// identifiers, but an empty name would alias no variable of the source.
static LogicalResult verifySlotName(Operation *op, StringRef name) {
  if (name.empty())
    return op->emitOpError() << "needs a non-empty local name";
  return success();
}

/// A symbol use must name an op of the expected kind in the nearest symbol
/// table (the module).
template <typename TargetOp>
static LogicalResult verifySymbol(Operation *op, SymbolTableCollection &tables,
                                  FlatSymbolRefAttr ref, StringRef what) {
  Operation *target = tables.lookupNearestSymbolFrom(op, ref.getAttr());
  if (!target)
    return op->emitOpError() << "refers to unknown " << what << " " << ref;
  if (!isa<TargetOp>(target))
    return op->emitOpError() << "expects " << ref << " to be a " << what;
  return success();
}

//===----------------------------------------------------------------------===//
// Op verifiers
//===----------------------------------------------------------------------===//

LogicalResult CallOp::verify() {
  return verifyKeywordNames(*this, getArgs().size(), getKwnames());
}

LogicalResult CallMethodOp::verify() {
  if (failed(verifyIdentifier(*this, getName(), "method")))
    return failure();
  return verifyKeywordNames(*this, getArgs().size(), getKwnames());
}

LogicalResult MakeClassOp::verify() {
  return verifyIdentifier(*this, getName(), "class");
}

LogicalResult SuperAttrOp::verify() {
  return verifyIdentifier(*this, getName(), "attribute");
}

LogicalResult GetAttrOp::verify() {
  return verifyIdentifier(*this, getName(), "attribute");
}

LogicalResult SetAttrOp::verify() {
  return verifyIdentifier(*this, getName(), "attribute");
}

LogicalResult LoadLocalOp::verify() { return verifySlotName(*this, getName()); }

LogicalResult StoreLocalOp::verify() {
  return verifySlotName(*this, getName());
}

LogicalResult DelLocalOp::verify() { return verifySlotName(*this, getName()); }

LogicalResult LocalCellOp::verify() { return verifySlotName(*this, getName()); }

LogicalResult CallLibraryOp::verify() {
  if (getName().empty())
    return emitOpError() << "needs a library name";
  return verifyKeywordNames(*this, getArgs().size(), getKwnames());
}

LogicalResult MakeDictOp::verify() {
  if (getKeysAndValues().size() % 2 != 0)
    return emitOpError() << "needs alternating keys and values, got "
                         << getKeysAndValues().size() << " operands";
  return success();
}

LogicalResult FormatOp::verify() {
  StringRef conv = getConversion();
  if (conv != "" && conv != "s" && conv != "r" && conv != "a")
    return emitOpError() << "conversion must be \"\", \"s\", \"r\" or \"a\"";
  return success();
}

LogicalResult MakeFunctionOp::verify() {
  ArrayRef<int64_t> indices = getDefaultParams();
  if (indices.size() != getDefaults().size())
    return emitOpError() << "has " << getDefaults().size() << " defaults for "
                         << indices.size() << " parameter indices";
  for (size_t i = 0; i < indices.size(); ++i)
    if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1]))
      return emitOpError() << "parameter indices must increase";
  return success();
}

//===----------------------------------------------------------------------===//
// Profile probes
//===----------------------------------------------------------------------===//

/// A probe's site key names the source construct; an empty one would merge
/// unrelated sites in the profile.
static LogicalResult verifySite(Operation *op, StringRef site) {
  if (site.empty())
    return op->emitOpError() << "needs a non-empty site key";
  return success();
}

/// A loop's counter is set by its probe_loop_enter; counting or recording
/// without one would read a counter nobody started.
static LogicalResult verifyLoopProbe(Operation *op, StringRef site) {
  if (failed(verifySite(op, site)))
    return failure();
  auto fn = op->getParentOfType<func::FuncOp>();
  if (!fn)
    return op->emitOpError() << "must be inside a func.func";
  bool entered = false;
  fn.walk([&](ProbeLoopEnterOp enter) { entered |= enter.getSite() == site; });
  if (!entered)
    return op->emitOpError()
           << "has no dyn.probe_loop_enter \"" << site << "\" in its function";
  return success();
}

LogicalResult ProbeValueOp::verify() { return verifySite(*this, getSite()); }
LogicalResult ProbeBranchOp::verify() { return verifySite(*this, getSite()); }
LogicalResult ProbeAttrsOp::verify() { return verifySite(*this, getSite()); }

LogicalResult ProbeCallOp::verify() {
  if (getMethod() && getMethod()->empty())
    return emitOpError() << "needs a non-empty method name";
  return verifySite(*this, getSite());
}

LogicalResult ProbeLoopEnterOp::verify() {
  if (!(*this)->getParentOfType<func::FuncOp>())
    return emitOpError() << "must be inside a func.func";
  return verifySite(*this, getSite());
}

LogicalResult ProbeLoopIterOp::verify() {
  return verifyLoopProbe(*this, getSite());
}

//===----------------------------------------------------------------------===//
// Symbol uses
//===----------------------------------------------------------------------===//

LogicalResult CallDirectOp::verifySymbolUses(SymbolTableCollection &tables) {
  if (failed(verifySymbol<func::FuncOp>(*this, tables, getCalleeAttr(),
                                        "function")))
    return failure();
  auto fn =
      tables.lookupNearestSymbolFrom<func::FuncOp>(*this, getCalleeAttr());
  FunctionType type = fn.getFunctionType();
  if (type.getNumInputs() != getArgs().size() || type.getNumResults() != 1)
    return emitOpError() << "passes " << getArgs().size() << " arguments to "
                         << getCalleeAttr() << " of type " << type;
  return success();
}

LogicalResult MakeFunctionOp::verifySymbolUses(SymbolTableCollection &tables) {
  if (failed(verifySymbol<func::FuncOp>(*this, tables, getCalleeAttr(),
                                        "function")))
    return failure();
  auto fn =
      tables.lookupNearestSymbolFrom<func::FuncOp>(*this, getCalleeAttr());
  auto params = fn->getAttrOfType<ArrayAttr>("dyn.params");
  if (!params)
    return emitOpError() << "expects " << getCalleeAttr()
                         << " to carry a 'dyn.params' attribute";
  size_t expected = params.size() + getCaptures().size();
  if (fn.getFunctionType().getNumInputs() != expected)
    return emitOpError() << "expects " << getCalleeAttr() << " to take "
                         << expected << " values (parameters and captures)";
  for (int64_t index : getDefaultParams())
    if (static_cast<size_t>(index) >= params.size())
      return emitOpError() << "default for parameter " << index << " of "
                           << params.size();
  return success();
}

LogicalResult LoadGlobalOp::verifySymbolUses(SymbolTableCollection &tables) {
  return verifySymbol<GlobalOp>(*this, tables, getGlobalAttr(), "global");
}

LogicalResult StoreGlobalOp::verifySymbolUses(SymbolTableCollection &tables) {
  return verifySymbol<GlobalOp>(*this, tables, getGlobalAttr(), "global");
}

LogicalResult DelGlobalOp::verifySymbolUses(SymbolTableCollection &tables) {
  return verifySymbol<GlobalOp>(*this, tables, getGlobalAttr(), "global");
}

//===----------------------------------------------------------------------===//
// Function-level conventions
//===----------------------------------------------------------------------===//

LogicalResult janus::dyn::verifyBlockLocalValues(Operation *function) {
  LogicalResult result = success();
  function->walk([&](Operation *op) {
    for (Value v : op->getResults()) {
      if (!llvm::isa<ValueType>(v.getType()))
        continue;
      for (OpOperand &use : v.getUses()) {
        Operation *user = use.getOwner();
        // Uses nested in a region of an op of the same block are fine.
        Operation *ancestor = op->getBlock()->findAncestorOpInBlock(*user);
        if (!ancestor) {
          user->emitOpError()
              << "uses a !dyn.value defined in another block; values that "
                 "cross blocks must go through dyn.store_local/load_local";
          result = failure();
        }
      }
    }
  });
  return result;
}
