//===- AST.h - The typed abstract syntax tree of Janus Python ---*- C++ -*-===//
//
// The AST is what the front end hands to every later stage: the ANTLR parse
// tree never leaks past ASTBuilder. Nodes use LLVM-style RTTI (a kind enum and
// `classof`, so `llvm::isa/cast/dyn_cast` work), own their children through
// std::unique_ptr, and carry a SourceRange. Sema fills in the resolution
// fields (NameExpr::binding, FunctionDef scope lists); before Sema they hold
// their "unresolved" defaults.
//
// Only constructs of the Janus subset have nodes; everything else is rejected
// by ASTBuilder with a diagnostic, so later stages never see it.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_AST_H
#define JANUS_FRONTEND_AST_H

#include "janus/Frontend/SourceLocation.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Casting.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace janus {

struct LibraryEntry;
class FunctionDef;
class ClassDef;

//===----------------------------------------------------------------------===//
// Base classes
//===----------------------------------------------------------------------===//

class Node {
public:
  enum Kind {
    // Expressions.
    FirstExpr,
    IntLitKind = FirstExpr,
    FloatLitKind,
    BoolLitKind,
    NoneLitKind,
    StrLitKind,
    EllipsisLitKind,
    FStringKind,
    NameKind,
    AttributeKind,
    SubscriptKind,
    SliceKind,
    CallKind,
    UnaryKind,
    BinaryKind,
    BoolOpKind,
    CompareKind,
    IfExpKind,
    LambdaKind,
    ListKind,
    TupleKind,
    DictKind,
    ListCompKind,
    DictCompKind,
    GeneratorKind,
    LastExpr = GeneratorKind,
    // Statements.
    FirstStmt,
    ExprStmtKind = FirstStmt,
    AssignKind,
    AugAssignKind,
    ReturnKind,
    PassKind,
    BreakKind,
    ContinueKind,
    IfKind,
    WhileKind,
    ForKind,
    GlobalKind,
    AssertKind,
    DelKind,
    WithKind,
    FunctionDefKind,
    ClassDefKind,
    ImportKind,
    ImportFromKind,
    LastStmt = ImportFromKind,
  };

  virtual ~Node() = default;
  Kind getKind() const { return kind; }
  SourceRange getRange() const { return range; }
  SourceLoc getLoc() const { return range.begin; }
  void setRange(SourceRange r) { range = r; }

protected:
  Node(Kind kind, SourceRange range) : kind(kind), range(range) {}

private:
  const Kind kind;
  SourceRange range;
};

class Expr : public Node {
public:
  static bool classof(const Node *n) {
    return n->getKind() >= FirstExpr && n->getKind() <= LastExpr;
  }

protected:
  using Node::Node;
};

class Stmt : public Node {
public:
  static bool classof(const Node *n) {
    return n->getKind() >= FirstStmt && n->getKind() <= LastStmt;
  }

protected:
  using Node::Node;
};

using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

#define JANUS_AST_CLASSOF(NAME)                                                \
  static bool classof(const Node *n) { return n->getKind() == NAME##Kind; }

//===----------------------------------------------------------------------===//
// Literals
//===----------------------------------------------------------------------===//

/// An integer literal. Python ints are unbounded; Janus ints are 64-bit, so
/// ASTBuilder rejects literals that do not fit in int64.
class IntLit : public Expr {
public:
  IntLit(SourceRange r, int64_t value) : Expr(IntLitKind, r), value(value) {}
  JANUS_AST_CLASSOF(IntLit)
  int64_t value;
};

class FloatLit : public Expr {
public:
  FloatLit(SourceRange r, double value) : Expr(FloatLitKind, r), value(value) {}
  JANUS_AST_CLASSOF(FloatLit)
  double value;
};

class BoolLit : public Expr {
public:
  BoolLit(SourceRange r, bool value) : Expr(BoolLitKind, r), value(value) {}
  JANUS_AST_CLASSOF(BoolLit)
  bool value;
};

class NoneLit : public Expr {
public:
  explicit NoneLit(SourceRange r) : Expr(NoneLitKind, r) {}
  JANUS_AST_CLASSOF(NoneLit)
};

class EllipsisLit : public Expr {
public:
  explicit EllipsisLit(SourceRange r) : Expr(EllipsisLitKind, r) {}
  JANUS_AST_CLASSOF(EllipsisLit)
};

/// A string literal after escape processing and implicit concatenation of
/// adjacent literals ("a" "b" is one StrLit "ab"). `value` is UTF-8.
class StrLit : public Expr {
public:
  StrLit(SourceRange r, std::string value)
      : Expr(StrLitKind, r), value(std::move(value)) {}
  JANUS_AST_CLASSOF(StrLit)
  std::string value;
};

/// An f-string: literal text interleaved with replacement fields
/// `{expr!conv:spec}`. Adjacent literals (plain and f-) are merged into one
/// FString when any of them is an f-string.
class FString : public Expr {
public:
  struct Part {
    /// Literal text (escapes processed, `{{`/`}}` collapsed) when `expr` is
    /// null; otherwise a replacement field.
    std::string text;
    ExprPtr expr;
    /// 0, 'r', 's' or 'a' for `!r` / `!s` / `!a`.
    char conversion = 0;
    /// The format spec after ':' (empty when absent). Nested fields inside
    /// a spec are not supported and are rejected by ASTBuilder.
    std::string formatSpec;
  };
  FString(SourceRange r, std::vector<Part> parts)
      : Expr(FStringKind, r), parts(std::move(parts)) {}
  JANUS_AST_CLASSOF(FString)
  std::vector<Part> parts;
};

//===----------------------------------------------------------------------===//
// Names, attributes, subscripts, calls
//===----------------------------------------------------------------------===//

/// How Sema resolved a name.
enum class NameBinding {
  Unresolved, ///< Before Sema, or a name Sema rejected.
  Local,      ///< A local of the innermost function or lambda.
  Enclosing,  ///< A local of an enclosing function, read from a lambda or
              ///< comprehension.
  Global,     ///< A module-level name (incl. functions and classes).
  Builtin,    ///< print, len, range, ...
  Module,     ///< An imported module alias: torch, nn, F, math, ...
  Library,    ///< A name imported with `from torch import nn` etc. that
              ///< resolves to a library entry.
};

class NameExpr : public Expr {
public:
  NameExpr(SourceRange r, std::string name)
      : Expr(NameKind, r), name(std::move(name)) {}
  JANUS_AST_CLASSOF(Name)
  std::string name;
  NameBinding binding = NameBinding::Unresolved;
  /// For Module bindings: the dotted module the alias stands for
  /// ("torch.nn.functional"). For Builtin/Library: the qualified name.
  std::string qualifiedName;
};

class AttributeExpr : public Expr {
public:
  AttributeExpr(SourceRange r, ExprPtr base, std::string attr, SourceLoc attrLoc)
      : Expr(AttributeKind, r), base(std::move(base)), attr(std::move(attr)),
        attrLoc(attrLoc) {}
  JANUS_AST_CLASSOF(Attribute)
  ExprPtr base;
  std::string attr;
  SourceLoc attrLoc;
  /// Set by Sema when `base` is a module path and the attribute names a
  /// library function, class or constant: "torch.nn.functional.relu".
  std::string qualifiedName;
};

/// `base[index]`. A multi-dimensional index `x[i, :, None]` is a TupleExpr
/// index whose elements may be SliceExpr, EllipsisLit and NoneLit.
class SubscriptExpr : public Expr {
public:
  SubscriptExpr(SourceRange r, ExprPtr base, ExprPtr index)
      : Expr(SubscriptKind, r), base(std::move(base)), index(std::move(index)) {}
  JANUS_AST_CLASSOF(Subscript)
  ExprPtr base;
  ExprPtr index;
};

/// `lower:upper:step`; each part may be null. Only valid as a subscript index
/// or an element of one.
class SliceExpr : public Expr {
public:
  SliceExpr(SourceRange r, ExprPtr lower, ExprPtr upper, ExprPtr step)
      : Expr(SliceKind, r), lower(std::move(lower)), upper(std::move(upper)),
        step(std::move(step)) {}
  JANUS_AST_CLASSOF(Slice)
  ExprPtr lower, upper, step;
};

struct Keyword {
  std::string name;
  SourceLoc nameLoc;
  ExprPtr value;
};

class CallExpr : public Expr {
public:
  CallExpr(SourceRange r, ExprPtr callee, ExprList args,
           std::vector<Keyword> keywords)
      : Expr(CallKind, r), callee(std::move(callee)), args(std::move(args)),
        keywords(std::move(keywords)) {}
  JANUS_AST_CLASSOF(Call)
  ExprPtr callee;
  ExprList args;
  std::vector<Keyword> keywords;
  /// Set by Sema when the callee is a library function or class.
  const LibraryEntry *libraryCallee = nullptr;
};

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

enum class UnaryOp { Neg, Pos, Not, Invert };
enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul };
enum class BoolOp { And, Or };
enum class CmpOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char *spelling(UnaryOp op);
const char *spelling(BinaryOp op);
const char *spelling(BoolOp op);
const char *spelling(CmpOp op);

class UnaryExpr : public Expr {
public:
  UnaryExpr(SourceRange r, UnaryOp op, ExprPtr operand)
      : Expr(UnaryKind, r), op(op), operand(std::move(operand)) {}
  JANUS_AST_CLASSOF(Unary)
  UnaryOp op;
  ExprPtr operand;
};

class BinaryExpr : public Expr {
public:
  BinaryExpr(SourceRange r, BinaryOp op, ExprPtr lhs, ExprPtr rhs,
             SourceLoc opLoc = {})
      : Expr(BinaryKind, r), op(op), lhs(std::move(lhs)), rhs(std::move(rhs)),
        opLoc(opLoc) {}
  JANUS_AST_CLASSOF(Binary)
  BinaryOp op;
  ExprPtr lhs, rhs;
  /// The operator token (`+` in `a + b`), where MLIRGen locates the op.
  SourceLoc opLoc;
};

/// `a and b and c`: one node with all operands, as in CPython's ast.
class BoolOpExpr : public Expr {
public:
  BoolOpExpr(SourceRange r, BoolOp op, ExprList values)
      : Expr(BoolOpKind, r), op(op), values(std::move(values)) {}
  JANUS_AST_CLASSOF(BoolOp)
  BoolOp op;
  ExprList values;
};

/// `a < b <= c`: `left` then (op, operand) pairs, as in CPython's ast.
class CompareExpr : public Expr {
public:
  CompareExpr(SourceRange r, ExprPtr left, std::vector<CmpOp> ops,
              ExprList comparators)
      : Expr(CompareKind, r), left(std::move(left)), ops(std::move(ops)),
        comparators(std::move(comparators)) {}
  JANUS_AST_CLASSOF(Compare)
  ExprPtr left;
  std::vector<CmpOp> ops;
  ExprList comparators;
};

/// `body if test else orelse`.
class IfExpExpr : public Expr {
public:
  IfExpExpr(SourceRange r, ExprPtr test, ExprPtr body, ExprPtr orelse)
      : Expr(IfExpKind, r), test(std::move(test)), body(std::move(body)),
        orelse(std::move(orelse)) {}
  JANUS_AST_CLASSOF(IfExp)
  ExprPtr test, body, orelse;
};

//===----------------------------------------------------------------------===//
// Functions: parameters are shared by `def` and `lambda`.
//===----------------------------------------------------------------------===//

struct Param {
  enum Kind { Positional, KeywordOnly };
  std::string name;
  SourceRange range;
  ExprPtr defaultValue; ///< May be null.
  Kind kind = Positional;
};

class LambdaExpr : public Expr {
public:
  LambdaExpr(SourceRange r, std::vector<Param> params, ExprPtr body)
      : Expr(LambdaKind, r), params(std::move(params)), body(std::move(body)) {}
  JANUS_AST_CLASSOF(Lambda)
  std::vector<Param> params;
  ExprPtr body;
};

//===----------------------------------------------------------------------===//
// Containers and comprehensions
//===----------------------------------------------------------------------===//

class ListExpr : public Expr {
public:
  ListExpr(SourceRange r, ExprList elts)
      : Expr(ListKind, r), elts(std::move(elts)) {}
  JANUS_AST_CLASSOF(List)
  ExprList elts;
};

class TupleExpr : public Expr {
public:
  TupleExpr(SourceRange r, ExprList elts)
      : Expr(TupleKind, r), elts(std::move(elts)) {}
  JANUS_AST_CLASSOF(Tuple)
  ExprList elts;
};

class DictExpr : public Expr {
public:
  DictExpr(SourceRange r, ExprList keys, ExprList values)
      : Expr(DictKind, r), keys(std::move(keys)), values(std::move(values)) {}
  JANUS_AST_CLASSOF(Dict)
  ExprList keys, values;
};

/// One `for target in iter if cond...` clause of a comprehension.
struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  ExprList ifs;
  SourceRange range;
};

class ListCompExpr : public Expr {
public:
  ListCompExpr(SourceRange r, ExprPtr elt, std::vector<Comprehension> gens)
      : Expr(ListCompKind, r), elt(std::move(elt)), generators(std::move(gens)) {}
  JANUS_AST_CLASSOF(ListComp)
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

class DictCompExpr : public Expr {
public:
  DictCompExpr(SourceRange r, ExprPtr key, ExprPtr value,
               std::vector<Comprehension> gens)
      : Expr(DictCompKind, r), key(std::move(key)), value(std::move(value)),
        generators(std::move(gens)) {}
  JANUS_AST_CLASSOF(DictComp)
  ExprPtr key, value;
  std::vector<Comprehension> generators;
};

/// A generator expression. Janus accepts it only as the sole argument of
/// sum/any/all/min/max/list/tuple/sorted (checked by Sema).
class GeneratorExpr : public Expr {
public:
  GeneratorExpr(SourceRange r, ExprPtr elt, std::vector<Comprehension> gens)
      : Expr(GeneratorKind, r), elt(std::move(elt)),
        generators(std::move(gens)) {}
  JANUS_AST_CLASSOF(Generator)
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

class ExprStmt : public Stmt {
public:
  ExprStmt(SourceRange r, ExprPtr value)
      : Stmt(ExprStmtKind, r), value(std::move(value)) {}
  JANUS_AST_CLASSOF(ExprStmt)
  ExprPtr value;
};

/// `t1 = t2 = value`. Targets are NameExpr, AttributeExpr, SubscriptExpr, or
/// Tuple/List of targets (unpacking).
class AssignStmt : public Stmt {
public:
  AssignStmt(SourceRange r, ExprList targets, ExprPtr value)
      : Stmt(AssignKind, r), targets(std::move(targets)),
        value(std::move(value)) {}
  JANUS_AST_CLASSOF(Assign)
  ExprList targets;
  ExprPtr value;
};

/// `target op= value`; target is a Name, Attribute or Subscript.
class AugAssignStmt : public Stmt {
public:
  AugAssignStmt(SourceRange r, ExprPtr target, BinaryOp op, ExprPtr value)
      : Stmt(AugAssignKind, r), target(std::move(target)), op(op),
        value(std::move(value)) {}
  JANUS_AST_CLASSOF(AugAssign)
  ExprPtr target;
  BinaryOp op;
  ExprPtr value;
};

class ReturnStmt : public Stmt {
public:
  ReturnStmt(SourceRange r, ExprPtr value)
      : Stmt(ReturnKind, r), value(std::move(value)) {}
  JANUS_AST_CLASSOF(Return)
  ExprPtr value; ///< May be null.
};

class PassStmt : public Stmt {
public:
  explicit PassStmt(SourceRange r) : Stmt(PassKind, r) {}
  JANUS_AST_CLASSOF(Pass)
};

class BreakStmt : public Stmt {
public:
  explicit BreakStmt(SourceRange r) : Stmt(BreakKind, r) {}
  JANUS_AST_CLASSOF(Break)
};

class ContinueStmt : public Stmt {
public:
  explicit ContinueStmt(SourceRange r) : Stmt(ContinueKind, r) {}
  JANUS_AST_CLASSOF(Continue)
};

/// `if`/`elif`/`else`: an `elif` is an IfStmt alone in `orelse`.
class IfStmt : public Stmt {
public:
  IfStmt(SourceRange r, ExprPtr test, StmtList body, StmtList orelse)
      : Stmt(IfKind, r), test(std::move(test)), body(std::move(body)),
        orelse(std::move(orelse)) {}
  JANUS_AST_CLASSOF(If)
  ExprPtr test;
  StmtList body, orelse;
};

class WhileStmt : public Stmt {
public:
  WhileStmt(SourceRange r, ExprPtr test, StmtList body)
      : Stmt(WhileKind, r), test(std::move(test)), body(std::move(body)) {}
  JANUS_AST_CLASSOF(While)
  ExprPtr test;
  StmtList body;
};

class ForStmt : public Stmt {
public:
  ForStmt(SourceRange r, ExprPtr target, ExprPtr iter, StmtList body)
      : Stmt(ForKind, r), target(std::move(target)), iter(std::move(iter)),
        body(std::move(body)) {}
  JANUS_AST_CLASSOF(For)
  ExprPtr target, iter;
  StmtList body;
};

class GlobalStmt : public Stmt {
public:
  GlobalStmt(SourceRange r, std::vector<std::string> names)
      : Stmt(GlobalKind, r), names(std::move(names)) {}
  JANUS_AST_CLASSOF(Global)
  std::vector<std::string> names;
};

class AssertStmt : public Stmt {
public:
  AssertStmt(SourceRange r, ExprPtr test, ExprPtr msg)
      : Stmt(AssertKind, r), test(std::move(test)), msg(std::move(msg)) {}
  JANUS_AST_CLASSOF(Assert)
  ExprPtr test;
  ExprPtr msg; ///< May be null.
};

/// `del a, b[i]`: targets are names or subscripts.
class DelStmt : public Stmt {
public:
  DelStmt(SourceRange r, ExprList targets)
      : Stmt(DelKind, r), targets(std::move(targets)) {}
  JANUS_AST_CLASSOF(Del)
  ExprList targets;
};

/// `with ctx [as target]:`. Sema accepts only `torch.no_grad()` as ctx.
class WithStmt : public Stmt {
public:
  WithStmt(SourceRange r, ExprPtr context, ExprPtr target, StmtList body)
      : Stmt(WithKind, r), context(std::move(context)),
        target(std::move(target)), body(std::move(body)) {}
  JANUS_AST_CLASSOF(With)
  ExprPtr context;
  ExprPtr target; ///< May be null.
  StmtList body;
};

class FunctionDef : public Stmt {
public:
  FunctionDef(SourceRange r, std::string name, SourceLoc nameLoc,
              std::vector<Param> params, StmtList body)
      : Stmt(FunctionDefKind, r), name(std::move(name)), nameLoc(nameLoc),
        params(std::move(params)), body(std::move(body)) {}
  JANUS_AST_CLASSOF(FunctionDef)
  std::string name;
  SourceLoc nameLoc;
  std::vector<Param> params;
  StmtList body;

  // Filled by Sema.
  ClassDef *enclosingClass = nullptr; ///< Non-null for methods.
  std::vector<std::string> locals;    ///< Parameters first, in order.
  std::vector<std::string> globals;   ///< Names declared `global`.
};

class ClassDef : public Stmt {
public:
  ClassDef(SourceRange r, std::string name, SourceLoc nameLoc, ExprList bases,
           StmtList body)
      : Stmt(ClassDefKind, r), name(std::move(name)), nameLoc(nameLoc),
        bases(std::move(bases)), body(std::move(body)) {}
  JANUS_AST_CLASSOF(ClassDef)
  std::string name;
  SourceLoc nameLoc;
  ExprList bases; ///< At most one (single inheritance), checked by Sema.
  StmtList body;  ///< FunctionDef, Assign (class attributes), Pass.
};

struct ImportAlias {
  std::string name;   ///< Dotted module name, or the imported member.
  std::string asName; ///< Empty when there is no `as`.
  SourceRange range;
};

/// `import a.b as c, d`.
class ImportStmt : public Stmt {
public:
  ImportStmt(SourceRange r, std::vector<ImportAlias> names)
      : Stmt(ImportKind, r), names(std::move(names)) {}
  JANUS_AST_CLASSOF(Import)
  std::vector<ImportAlias> names;
};

/// `from a.b import c as d, e`.
class ImportFromStmt : public Stmt {
public:
  ImportFromStmt(SourceRange r, std::string module, SourceRange moduleRange,
                 std::vector<ImportAlias> names)
      : Stmt(ImportFromKind, r), module(std::move(module)),
        moduleRange(moduleRange), names(std::move(names)) {}
  JANUS_AST_CLASSOF(ImportFrom)
  std::string module;
  SourceRange moduleRange;
  std::vector<ImportAlias> names;
};

#undef JANUS_AST_CLASSOF

/// Calls `fn` on every direct sub-expression of `e` in source order. Lambda
/// defaults and bodies and comprehension clauses count as children; absent
/// optional parts are skipped.
void forEachChild(Expr &e, llvm::function_ref<void(Expr *)> fn);

/// A whole source file.
struct Module {
  std::string fileName;
  StmtList body;
};

} // namespace janus

#endif // JANUS_FRONTEND_AST_H
