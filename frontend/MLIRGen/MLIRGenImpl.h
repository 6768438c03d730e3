//===- MLIRGenImpl.h - State shared by the MLIRGen source files -*- C++ -*-===//
//
// MLIRGen is one class split over several files by construct family:
// MLIRGenModule.cpp (module layout, globals, functions, classes, the
// verifier), MLIRGenStmt.cpp (statements and their CFG), MLIRGenExpr.cpp
// (expressions), MLIRGenCall.cpp (calls, f-strings, containers) and
// MLIRGenScope.cpp (name resolution, lambdas and their captures,
// comprehensions). This header is private to frontend/MLIRGen.
//
// Invariants every generator keeps:
//  * The builder always has an insertion block. After a terminator that
//    ends a path (return, break, continue) generation goes on in a fresh
//    block that has no predecessors; finishFunction erases such blocks.
//  * A `!dyn.value` never leaves the block that defines it. An expression
//    whose evaluation branches (`and`/`or`, `x if c else y`, a chained
//    comparison, a comprehension) is evaluated with genOperands or
//    genExprKeeping, which spill the values computed before it into hidden
//    locals (`$t.N`) and reload them in the block where evaluation
//    continues.
//  * Every op gets the FileLineColLoc of the AST node it comes from.
//  * A null mlir::Value means an error was reported; callers stop.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_MLIRGEN_MLIRGENIMPL_H
#define JANUS_MLIRGEN_MLIRGENIMPL_H

#include "MLIRGen/MLIRGen.h"

#include "Dyn/DynOps.h"

#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace janus {
namespace mlirgen {

struct FunctionState;

/// Names in insertion order, without repeats.
using NameSet = llvm::SetVector<std::string, std::vector<std::string>,
                                std::set<std::string>>;

/// One lexical scope, mapping the Python names it binds to the local slots
/// that hold them in its function.
struct Scope {
  enum Kind { ModuleScope, ClassScope, FunctionScope, LambdaScope, CompScope };
  Kind kind;
  Scope *parent;
  FunctionState *function; ///< The func.func whose slots the names live in.
  llvm::StringMap<std::string> slots;
  /// For a class body: its name and the names it binds, in order.
  std::string className;
  std::vector<std::string> classNames;

  Scope(Kind kind, Scope *parent, FunctionState *function)
      : kind(kind), parent(parent), function(function) {}
};

/// Where `break` and `continue` go, and how many `with` blocks were open
/// when the loop started (those opened inside are exited on the way out).
struct LoopTargets {
  mlir::Block *continueBlock;
  mlir::Block *breakBlock;
  size_t withDepth;
};

/// The func.func being generated.
struct FunctionState {
  mlir::func::FuncOp op;
  std::string qualname;
  /// For a method: its class and its first parameter (for `super()`).
  std::string className, selfName;
  /// Counters of hidden locals ($t.N, $for.N, $comp.N, $with.N).
  unsigned numTemps = 0, numFors = 0, numComps = 0, numWiths = 0;
  /// Locals that a lambda captures (the `dyn.cells` attribute).
  NameSet cells;
  /// Names that are the function's captured cells (a lambda's free
  /// variables): they are cells already.
  llvm::StringSet<> freeVars;
  std::vector<LoopTargets> loops;
  /// Slots holding the context managers of the open `with` blocks.
  std::vector<std::string> withSlots;
  /// Blocks created but not yet placed in the body.
  std::vector<mlir::Block *> pending;
};

/// The dyn operator of a Python binary operator.
dyn::BinaryKind binaryKindOf(BinaryOp op);

class MLIRGen {
public:
  MLIRGen(mlir::MLIRContext &context, DiagnosticEngine &diags,
          const std::string &fileName);
  mlir::OwningOpRef<mlir::ModuleOp> run(const Module &module);

  //===--- MLIRGenModule.cpp: module, functions, classes ---------------===//
  mlir::Location loc(SourceLoc l);
  void error(SourceLoc l, const std::string &message);
  mlir::Type valueType() const { return valueTy; }
  /// The `dyn.global` for `name`, declared on first use.
  void declareGlobal(llvm::StringRef name, SourceLoc l);
  std::string uniqueSymbol(const std::string &base);
  /// Creates a func.func taking `params` then `freeVars` and makes it the
  /// current function, its entry block storing the parameters.
  FunctionState *beginFunction(const std::string &symbol,
                               const std::string &qualname,
                               const std::vector<Param> &params,
                               llvm::ArrayRef<std::string> freeVars,
                               SourceLoc l);
  /// Returns None where the body falls off its end, places pending blocks,
  /// erases unreachable ones and sets `dyn.cells`.
  void finishFunction(FunctionState &state, SourceLoc end);
  /// Evaluates the defaults of `params` (in the current block) for
  /// dyn.make_function; false on error.
  bool genDefaults(const std::vector<Param> &params,
                   llvm::SmallVectorImpl<mlir::Value> &values,
                   llvm::SmallVectorImpl<int64_t> &indices);
  /// A `def` (module level or method): generates its func.func and returns
  /// the function object built where the `def` runs.
  mlir::Value genFunctionDef(FunctionDef &def, const std::string &qualname);
  void genClassDef(ClassDef &cls);

  //===--- MLIRGenStmt.cpp: statements and control flow -----------------===//
  void genStmts(const StmtList &body);
  void genStmt(Stmt &s);
  void genAssign(AssignStmt &s);
  void genAugAssign(AugAssignStmt &s);
  void genIf(IfStmt &s);
  void genWhile(WhileStmt &s);
  void genFor(ForStmt &s);
  void genReturn(ReturnStmt &s);
  void genLoopJump(Stmt &s, bool isBreak);
  void genAssert(AssertStmt &s);
  void genDel(DelStmt &s);
  void genWith(WithStmt &s);
  /// Binds a value to an assignment target: `value` of the current block,
  /// or when `slot` is given the value kept there (read where it is
  /// stored, so evaluating the target may branch).
  bool assignTo(Expr *target, mlir::Value value, llvm::StringRef slot = {});
  /// Branches to `ifTrue` or `ifFalse` on the truth of `e`, evaluating
  /// `and`/`or`/`not` and chained comparisons by jumps as CPython does.
  /// `contextLoc` is where CPython 3.11 reports an error of a truth test in
  /// the condition (the statement, or the conditional expression or
  /// comprehension the condition belongs to) until a comparison of the
  /// condition has run; from then on it reports that comparison's location
  /// (CPython's compiler leaves the location of the last comparison it
  /// compiled in place for the jumps that follow it).
  void genCondition(Expr *e, mlir::Block *ifTrue, mlir::Block *ifFalse,
                    mlir::Location contextLoc);
  void genConditionPart(Expr *e, mlir::Block *ifTrue, mlir::Block *ifFalse);
  /// The location of the next truth test of the condition being generated.
  std::optional<mlir::Location> conditionJumpLoc;
  /// Calls dyn.exit on the open `with` blocks above `depth`, innermost
  /// first.
  void exitWiths(size_t depth, mlir::Location l);

  // CFG helpers.
  mlir::Block *newBlock();
  /// Places `block` at the end of the current function and continues there.
  void enterBlock(mlir::Block *block);
  void branch(mlir::Block *dest, mlir::Location l);
  /// Marks every branch that enters the loop body `body` from the loop's
  /// test (all of its predecessors so far) with `dyn.loop_body`, the index
  /// of `body` among the branch's successors, so passes can tell a loop's
  /// test from its body (janus-insert-profile-probes counts iterations).
  void markLoopBody(mlir::Block *body);
  /// Continues in a fresh block with no predecessors (after a jump).
  void startDeadBlock();

  //===--- MLIRGenExpr.cpp: expressions ----------------------------------===//
  mlir::Value genExpr(Expr *e);
  /// Evaluates `e` keeping `live` (values of the current block) usable
  /// afterwards: when `e` branches, they are spilled and reloaded.
  mlir::Value genExprKeeping(Expr *e, llvm::MutableArrayRef<mlir::Value> live);
  /// Evaluates `exprs` left to right; false on error.
  bool genOperands(llvm::ArrayRef<Expr *> exprs,
                   llvm::SmallVectorImpl<mlir::Value> &values);
  /// Whether evaluating `e` creates blocks.
  bool branches(Expr *e);
  mlir::Value genName(NameExpr &n);
  mlir::Value genAttribute(AttributeExpr &a);
  mlir::Value genBoolOp(BoolOpExpr &e);
  mlir::Value genCompare(CompareExpr &e);
  mlir::Value genCompareStep(CmpOp op, mlir::Value lhs, mlir::Value rhs,
                             mlir::Location l);
  mlir::Value genIfExp(IfExpExpr &e);
  mlir::Value constantStr(llvm::StringRef s, mlir::Location l);
  mlir::Value none(mlir::Location l);
  mlir::Value truth(mlir::Value v, mlir::Location l);

  //===--- MLIRGenCall.cpp: calls, f-strings, containers ----------------===//
  mlir::Value genCall(CallExpr &call);
  mlir::Value genSuperCall(CallExpr &call, AttributeExpr &attr);
  mlir::Value genFString(FString &f);
  mlir::Value genContainer(Expr &e);

  //===--- MLIRGenScope.cpp: names, lambdas, comprehensions --------------===//
  /// The slot of a Local/Enclosing name, or "" (reported) if none.
  std::string slotOf(NameExpr &n);
  bool storeName(NameExpr &n, mlir::Value value);
  void delName(NameExpr &n);
  mlir::Value loadLocal(llvm::StringRef slot, mlir::Location l);
  void storeLocal(llvm::StringRef slot, mlir::Value v, mlir::Location l);
  std::string newTemp(llvm::StringRef prefix, unsigned &counter);
  /// Stores `v` in a fresh `$t.N` and returns the slot.
  std::string spill(mlir::Value v, mlir::Location l);
  mlir::Value genLambda(LambdaExpr &l);
  mlir::Value genComprehension(Expr &e, std::vector<Comprehension> &gens,
                               Expr *elt, Expr *key, Expr *value);
  /// The outer names a lambda body reads (its free variables).
  void collectFreeVars(Expr *e, std::vector<llvm::StringSet<>> &bound,
                       NameSet &free);

  //===--- State
  //-----------------------------------------------------------===//
  mlir::MLIRContext &context;
  DiagnosticEngine &diags;
  mlir::OpBuilder builder;
  mlir::StringAttr file;
  mlir::Type valueTy;
  mlir::ModuleOp module;
  /// The last dyn.global, after which the next one is inserted.
  mlir::Operation *lastGlobal = nullptr;
  llvm::StringSet<> globals;
  llvm::StringSet<> symbols;
  llvm::StringMap<unsigned> lambdaCounts;
  std::vector<std::unique_ptr<FunctionState>> functions;
  std::vector<std::unique_ptr<Scope>> scopes;
  FunctionState *fn = nullptr;
  Scope *scope = nullptr;
  /// The location of the statement being generated, for ops without a
  /// node of their own.
  SourceLoc stmtLoc;
  llvm::DenseMap<const Expr *, bool> branchCache;
  bool failed = false;
};

/// Saves and restores the current function, scope and insertion point
/// around the generation of another function's body.
class FunctionContextGuard {
public:
  explicit FunctionContextGuard(MLIRGen &gen)
      : gen(gen), guard(gen.builder), fn(gen.fn), scope(gen.scope),
        stmtLoc(gen.stmtLoc) {}
  ~FunctionContextGuard() {
    gen.fn = fn;
    gen.scope = scope;
    gen.stmtLoc = stmtLoc;
  }

private:
  MLIRGen &gen;
  mlir::OpBuilder::InsertionGuard guard;
  FunctionState *fn;
  Scope *scope;
  SourceLoc stmtLoc;
};

} // namespace mlirgen
} // namespace janus

#endif // JANUS_MLIRGEN_MLIRGENIMPL_H
