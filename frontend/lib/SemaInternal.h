//===- SemaInternal.h - State shared by the Sema source files ---*- C++ -*-===//
//
// Sema is one class split over several files by concern: Sema.cpp (module
// collection, statements, classes and functions), SemaScope.cpp (scopes,
// function prescans and name resolution), SemaExpr.cpp (expressions,
// lambdas, comprehensions, imports and module attributes) and SemaCalls.cpp
// (call checking against user signatures and the library table). This header
// is private to frontend/lib.
//
// Sema works in two passes. The first (collect*) records every module-level
// binding, every class and every function's locals, so that a function body
// may use a global or call a class defined further down, as Python allows.
// The second (visit*) walks the module in order, resolves each name use and
// checks the subset rules; module-level code is checked against the names
// bound so far, because it runs top to bottom.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_LIB_SEMAINTERNAL_H
#define JANUS_FRONTEND_LIB_SEMAINTERNAL_H

#include "janus/Frontend/AST.h"
#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/Library.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <string>
#include <vector>

namespace janus {
namespace sema {

/// Everything known about one module-level name, over the whole program.
struct GlobalInfo {
  unsigned numDefs = 0;    ///< `def name` at module level.
  unsigned numClasses = 0; ///< `class name` at module level.
  unsigned numImports = 0; ///< Import aliases binding the name.
  unsigned numOthers = 0;  ///< Assignments, loop targets, `del`, `global`.
  FunctionDef *function = nullptr; ///< The last `def` of this name.
  ClassDef *cls = nullptr;         ///< The last `class` of this name.
  /// For import bindings: the dotted module ("torch.nn"), or the library
  /// member imported with `from M import name`.
  std::string module;
  const LibraryEntry *entry = nullptr;
  /// Set while every non-import binding is `name = C(...)` for one class
  /// name C; then the name statically holds an instance of exactly C.
  std::string ctorClass;
  bool onlyCtorAssignments = true;
  /// Bound by a function through `global`: may be bound at any time.
  bool assignedByFunction = false;
  /// An import of this name failed (already reported); uses of the name are
  /// not resolved further so that one bad import gives one error.
  bool badImport = false;

  bool isOnlyFunction() const {
    return numDefs == 1 && numClasses == 0 && numImports == 0 &&
           numOthers == 0;
  }
  bool isOnlyClass() const {
    return numClasses == 1 && numDefs == 0 && numImports == 0 &&
           numOthers == 0;
  }
  bool isOnlyImport() const {
    return numImports > 0 && numDefs == 0 && numClasses == 0 &&
           numOthers == 0;
  }
};

/// A user class and what its body defines.
struct ClassInfo {
  enum BaseKind { NoBase, Object, NNModule, User, Invalid };
  ClassDef *def = nullptr;
  BaseKind baseKind = NoBase;
  ClassInfo *base = nullptr; ///< For User bases.
  llvm::StringMap<FunctionDef *> methods; ///< Last `def` of each name.
  llvm::StringSet<> attributes;           ///< Names assigned in the body.
  std::vector<ClassInfo *> subclasses;
};

/// What the prescan of a function body found.
struct FunctionInfo {
  std::vector<std::string> locals; ///< Parameters first, then in order.
  llvm::StringSet<> localSet;
  std::vector<std::string> globals; ///< Declared `global`, in order.
  llvm::StringSet<> globalSet;
  /// For each local, the class name C when every binding of it is
  /// `name = C(...)`, else "" (parameters, loop targets, other values).
  llvm::StringMap<std::string> ctorClass;
  /// How many times each local is bound (a parameter counts once).
  llvm::StringMap<unsigned> bindingCount;
  /// Errors of each `global` statement, found by the ordered prescan and
  /// reported when the walk reaches the statement (keeps source order).
  llvm::DenseMap<const GlobalStmt *, std::vector<std::string>> globalErrors;
};

/// One lexical scope during the ordered walk.
struct Scope {
  enum Kind { ModuleScope, ClassScope, FunctionScope, LambdaScope, CompScope };
  Kind kind;
  Scope *parent = nullptr;
  llvm::StringSet<> locals;        ///< Lambda params, comprehension targets,
                                   ///< class attributes bound so far.
  FunctionInfo *function = nullptr; ///< For FunctionScope.
  FunctionDef *functionDef = nullptr;
  ClassInfo *cls = nullptr; ///< The class of a class body or of a method.
  /// Names already reported undefined in this scope (no cascades).
  llvm::StringSet<> reportedUndefined;

  Scope(Kind kind, Scope *parent) : kind(kind), parent(parent) {}
};

/// The names a comprehension's generator may appear as the sole argument of.
bool acceptsGeneratorArgument(llvm::StringRef builtinName);

/// Whether `name` is a CPython builtin (so that an unsupported one gets a
/// better message than "not defined").
bool isPythonBuiltin(llvm::StringRef name);

class Sema {
public:
  Sema(Module &module, DiagnosticEngine &diags);
  bool run();

  //===--- Sema.cpp: collection, statements, functions, classes ---------===//
  void collectModule(StmtList &body);
  void collectModuleStmt(Stmt &s);
  void collectModuleTarget(Expr *target, Expr *value);
  void collectClass(ClassDef &cls);
  void resolveClassBases();
  void visitStmts(StmtList &body);
  void visitStmt(Stmt &s);
  void visitAssign(AssignStmt &s);
  void visitFunctionDef(FunctionDef &fn);
  void visitClassDef(ClassDef &cls);
  /// Rejects a `__name__` method that Janus would not call implicitly.
  void checkSpecialMethod(FunctionDef &method);
  void visitWith(WithStmt &s);
  void visitGlobal(GlobalStmt &s);
  void checkParams(const std::vector<Param> &params, bool isMethod,
                   const std::string &fnName, SourceLoc fnLoc);
  void preBindLoop(StmtList &body);

  //===--- SemaScope.cpp: prescans and name resolution ------------------===//
  FunctionInfo &prescanFunction(FunctionDef &fn);
  void prescanStmts(StmtList &body, FunctionInfo &info,
                    llvm::StringMap<int> &seen);
  void prescanTarget(Expr *target, Expr *value, FunctionInfo &info,
                     llvm::StringMap<int> &seen);
  void prescanBind(llvm::StringRef name, Expr *value, FunctionInfo &info,
                   llvm::StringMap<int> &seen);
  void prescanUses(Expr *e, llvm::StringMap<int> &seen);
  void noteStoredAttributes(Expr *target);
  void resolveLoad(NameExpr &n);
  void resolveStore(NameExpr &n);
  bool resolveInModule(NameExpr &n, bool immediate);
  void reportUndefined(NameExpr &n);
  Scope &reportScope();
  bool inMethodBody() const;
  /// The user class that the static type of `e` is exactly (or, for the
  /// method receiver, at least) known to be; `exact` says which.
  ClassInfo *staticClassOf(Expr &e, bool &exact);
  ClassInfo *globalClass(llvm::StringRef name);

  //===--- SemaExpr.cpp: expressions, imports, module attributes --------===//
  void visitExpr(Expr *e);
  void visitExprs(ExprList &list);
  void visitTarget(Expr *target);
  void visitAttribute(AttributeExpr &a, bool isStore);
  void visitLambda(LambdaExpr &l);
  void visitComprehension(Expr &e, std::vector<Comprehension> &gens,
                          llvm::ArrayRef<Expr *> results);
  void visitImport(ImportStmt &s);
  void visitImportFrom(ImportFromStmt &s);
  /// What `import module` (fromModule empty) or `from fromModule import
  /// name` binds: a module path or a library entry. False when Janus has no
  /// such module or member; nothing is reported.
  static bool importTarget(llvm::StringRef fromModule, llvm::StringRef name,
                           std::string &modulePath,
                           const LibraryEntry *&entry);
  /// The dotted module that `e` denotes (`torch.nn` for the Attribute
  /// `torch.nn` when `torch` is an imported module), or "".
  std::string modulePathOf(const Expr &e) const;
  /// The library entry `e` (a Name or Attribute) was resolved to, or null.
  const LibraryEntry *libraryEntryOf(const Expr &e) const;
  bool isNoGradCall(const Expr &e) const;

  //===--- SemaCalls.cpp: calls ------------------------------------------===//
  void visitCall(CallExpr &call);
  bool checkKeywordsUnique(CallExpr &call);
  void checkLibraryCall(CallExpr &call, const LibraryEntry &entry);
  /// The keyword names of `call`, in order.
  static std::vector<std::string> keywordNames(const CallExpr &call);
  /// Reports a binding message (if any) at the keyword it names, else at the
  /// call.
  void reportBindingError(CallExpr &call, const std::string &message);
  void checkUserCall(CallExpr &call, const FunctionDef &fn,
                     const std::string &qualName, bool boundSelf);
  void checkConstructorCall(CallExpr &call, ClassInfo &cls);
  void checkMethodCall(CallExpr &call, ClassInfo &cls, llvm::StringRef method,
                       bool exact, bool boundSelf);
  bool visitSuperCall(CallExpr &call, bool checkArity);
  FunctionDef *findMethod(ClassInfo &cls, llvm::StringRef name,
                          ClassInfo **owner);
  bool overriddenBelow(ClassInfo &cls, llvm::StringRef name);

  //===--- State ----------------------------------------------------------===//
  Module &module;
  DiagnosticEngine &diags;
  const Library &lib;

  llvm::StringMap<GlobalInfo> globals;
  std::vector<std::unique_ptr<ClassInfo>> classInfos;
  llvm::DenseMap<const ClassDef *, ClassInfo *> classOf;
  llvm::DenseMap<const FunctionDef *, std::unique_ptr<FunctionInfo>>
      functionInfos;
  /// Attribute names assigned anywhere (`x.name = ...`): such an attribute
  /// may hide a method, so calls through it are not checked.
  llvm::StringSet<> storedAttributes;
  /// Module-level names bound so far in the ordered walk.
  llvm::StringSet<> moduleBound;
  /// Library entries that names and attributes resolved to.
  llvm::DenseMap<const Expr *, const LibraryEntry *> entries;

  Scope moduleScope{Scope::ModuleScope, nullptr};
  Scope *scope = &moduleScope;
  unsigned loopDepth = 0;
  /// The generator expression currently allowed (sole argument of sum etc.).
  const Expr *allowedGenerator = nullptr;
  /// The `super` name currently allowed (in `super().m(...)`).
  const Expr *allowedSuper = nullptr;
  /// Import aliases seen so far in the walk and what they stand for.
  llvm::StringMap<std::string> importedAs;
};

} // namespace sema
} // namespace janus

#endif // JANUS_FRONTEND_LIB_SEMAINTERNAL_H
