//===- Sema.cpp - Module collection, statements, functions, classes -------===//
//
// The entry point of Sema and the statement half of the walk. The first
// pass (collect*) records what the module binds at top level, every class
// with its methods and class attributes, and each function's locals; the
// second pass (visit*) walks statements in source order in a stack of
// scopes and checks the subset rules that belong to statements: where
// `return`, `break`, `continue`, `def`, `class`, `import` and `global` may
// appear, what `with` and `del` accept, and the shape of parameter lists and
// class bases. Errors never stop the walk: each is reported and the next
// statement is checked, so one run lists every problem.
//
//===----------------------------------------------------------------------===//

#include "SemaInternal.h"

#include "janus/Frontend/Sema.h"

#include "llvm/ADT/StringSet.h"

#include <fmt/format.h>

#include <functional>

using namespace janus;
using namespace janus::sema;

bool janus::runSema(Module &module, DiagnosticEngine &diags) {
  Sema sema(module, diags);
  return sema.run();
}

Sema::Sema(Module &module, DiagnosticEngine &diags)
    : module(module), diags(diags), lib(Library::get()) {}

bool Sema::run() {
  unsigned errorsBefore = diags.errorCount();
  collectModule(module.body);
  resolveClassBases();
  visitStmts(module.body);
  return diags.errorCount() == errorsBefore;
}

//===----------------------------------------------------------------------===//
// First pass: what the module binds
//===----------------------------------------------------------------------===//

void Sema::collectModule(StmtList &body) {
  for (StmtPtr &s : body)
    collectModuleStmt(*s);
}

void Sema::collectModuleTarget(Expr *target, Expr *value) {
  if (auto *name = llvm::dyn_cast<NameExpr>(target)) {
    GlobalInfo &g = globals[name->name];
    ++g.numOthers;
    // `x = C(...)` keeps x's static class known; anything else forgets it.
    auto *call = llvm::dyn_cast_or_null<CallExpr>(value);
    auto *callee = call ? llvm::dyn_cast<NameExpr>(call->callee.get()) : nullptr;
    if (!callee || (!g.ctorClass.empty() && g.ctorClass != callee->name))
      g.onlyCtorAssignments = false;
    else
      g.ctorClass = callee->name;
    return;
  }
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(target)) {
    for (ExprPtr &elt : tuple->elts)
      collectModuleTarget(elt.get(), nullptr);
  } else if (auto *list = llvm::dyn_cast<ListExpr>(target)) {
    for (ExprPtr &elt : list->elts)
      collectModuleTarget(elt.get(), nullptr);
  } else {
    noteStoredAttributes(target);
  }
}

void Sema::collectModuleStmt(Stmt &s) {
  switch (s.getKind()) {
  case Node::AssignKind: {
    auto &assign = llvm::cast<AssignStmt>(s);
    for (ExprPtr &t : assign.targets)
      collectModuleTarget(t.get(), assign.value.get());
    break;
  }
  case Node::AugAssignKind:
    collectModuleTarget(llvm::cast<AugAssignStmt>(s).target.get(), nullptr);
    break;
  case Node::ForKind: {
    auto &loop = llvm::cast<ForStmt>(s);
    collectModuleTarget(loop.target.get(), nullptr);
    collectModule(loop.body);
    break;
  }
  case Node::WhileKind:
    collectModule(llvm::cast<WhileStmt>(s).body);
    break;
  case Node::IfKind:
    collectModule(llvm::cast<IfStmt>(s).body);
    collectModule(llvm::cast<IfStmt>(s).orelse);
    break;
  case Node::WithKind: {
    auto &with = llvm::cast<WithStmt>(s);
    if (with.target)
      collectModuleTarget(with.target.get(), nullptr);
    collectModule(with.body);
    break;
  }
  case Node::DelKind:
    for (ExprPtr &t : llvm::cast<DelStmt>(s).targets)
      if (llvm::isa<NameExpr>(t.get()))
        collectModuleTarget(t.get(), nullptr);
    break;
  case Node::FunctionDefKind: {
    auto &fn = llvm::cast<FunctionDef>(s);
    GlobalInfo &g = globals[fn.name];
    ++g.numDefs;
    g.function = &fn;
    g.onlyCtorAssignments = false;
    prescanFunction(fn);
    break;
  }
  case Node::ClassDefKind: {
    auto &cls = llvm::cast<ClassDef>(s);
    GlobalInfo &g = globals[cls.name];
    ++g.numClasses;
    g.cls = &cls;
    g.onlyCtorAssignments = false;
    collectClass(cls);
    break;
  }
  case Node::ImportKind:
    for (ImportAlias &alias : llvm::cast<ImportStmt>(s).names) {
      llvm::StringRef dotted = alias.name;
      std::string bound =
          alias.asName.empty() ? dotted.split('.').first.str() : alias.asName;
      GlobalInfo &g = globals[bound];
      ++g.numImports;
      g.onlyCtorAssignments = false;
      std::string path;
      const LibraryEntry *entry = nullptr;
      if (!importTarget("", dotted, path, entry)) {
        g.badImport = true;
        continue;
      }
      // `import torch.nn` binds `torch`, as in Python.
      g.module = alias.asName.empty() ? bound : path;
    }
    break;
  case Node::ImportFromKind: {
    auto &from = llvm::cast<ImportFromStmt>(s);
    for (ImportAlias &alias : from.names) {
      std::string bound = alias.asName.empty() ? alias.name : alias.asName;
      GlobalInfo &g = globals[bound];
      ++g.numImports;
      g.onlyCtorAssignments = false;
      std::string path;
      const LibraryEntry *entry = nullptr;
      if (!importTarget(from.module, alias.name, path, entry)) {
        g.badImport = true;
        continue;
      }
      g.module = path;
      g.entry = entry;
    }
    break;
  }
  default:
    break;
  }
}

void Sema::collectClass(ClassDef &cls) {
  classInfos.push_back(std::make_unique<ClassInfo>());
  ClassInfo &info = *classInfos.back();
  info.def = &cls;
  classOf[&cls] = &info;
  for (StmtPtr &s : cls.body) {
    if (auto *fn = llvm::dyn_cast<FunctionDef>(s.get())) {
      info.methods[fn->name] = fn;
      prescanFunction(*fn);
    } else if (auto *assign = llvm::dyn_cast<AssignStmt>(s.get())) {
      for (ExprPtr &t : assign->targets)
        if (auto *name = llvm::dyn_cast<NameExpr>(t.get()))
          info.attributes.insert(name->name);
    }
  }
  // A method and a class attribute of the same name: the later one wins in
  // Python; treating the name as an attribute keeps call checks off it.
  for (auto &entry : info.attributes)
    info.methods.erase(entry.getKey());
}

void Sema::resolveClassBases() {
  for (auto &infoPtr : classInfos) {
    ClassInfo &info = *infoPtr;
    ClassDef &cls = *info.def;
    if (cls.bases.empty()) {
      info.baseKind = ClassInfo::NoBase;
      continue;
    }
    info.baseKind = ClassInfo::Invalid;
    if (cls.bases.size() != 1)
      continue;
    Expr &base = *cls.bases.front();
    if (auto *name = llvm::dyn_cast<NameExpr>(&base)) {
      auto it = globals.find(name->name);
      if (it == globals.end()) {
        if (name->name == "object")
          info.baseKind = ClassInfo::Object;
        continue;
      }
      GlobalInfo &g = it->second;
      if (g.isOnlyClass()) {
        ClassInfo *baseInfo = classOf.lookup(g.cls);
        // Only a class defined earlier can be a base (otherwise Python
        // raises NameError); this also rules out inheritance cycles.
        if (baseInfo && g.cls->getLoc() < cls.getLoc()) {
          info.baseKind = ClassInfo::User;
          info.base = baseInfo;
          baseInfo->subclasses.push_back(&info);
        }
      } else if (g.isOnlyImport() && g.entry &&
                 g.entry->qualifiedName() == "torch.nn.Module") {
        info.baseKind = ClassInfo::NNModule;
      }
    } else if (auto *attr = llvm::dyn_cast<AttributeExpr>(&base)) {
      if (attr->attr == "Module" && modulePathOf(*attr->base) == "torch.nn")
        info.baseKind = ClassInfo::NNModule;
    }
  }
}

//===----------------------------------------------------------------------===//
// Second pass: statements in order
//===----------------------------------------------------------------------===//

void Sema::visitStmts(StmtList &body) {
  for (StmtPtr &s : body)
    visitStmt(*s);
}

/// Calls `fn` on every name a module-level loop body binds.
static void forEachBoundName(StmtList &body,
                             llvm::function_ref<void(llvm::StringRef)> fn) {
  std::function<void(Expr *)> target = [&](Expr *t) {
    if (auto *name = llvm::dyn_cast_or_null<NameExpr>(t))
      fn(name->name);
    else if (auto *tuple = llvm::dyn_cast_or_null<TupleExpr>(t))
      for (ExprPtr &e : tuple->elts)
        target(e.get());
    else if (auto *list = llvm::dyn_cast_or_null<ListExpr>(t))
      for (ExprPtr &e : list->elts)
        target(e.get());
  };
  for (StmtPtr &s : body) {
    if (auto *assign = llvm::dyn_cast<AssignStmt>(s.get())) {
      for (ExprPtr &t : assign->targets)
        target(t.get());
    } else if (auto *aug = llvm::dyn_cast<AugAssignStmt>(s.get())) {
      target(aug->target.get());
    } else if (auto *loop = llvm::dyn_cast<ForStmt>(s.get())) {
      target(loop->target.get());
      forEachBoundName(loop->body, fn);
    } else if (auto *loop = llvm::dyn_cast<WhileStmt>(s.get())) {
      forEachBoundName(loop->body, fn);
    } else if (auto *ifs = llvm::dyn_cast<IfStmt>(s.get())) {
      forEachBoundName(ifs->body, fn);
      forEachBoundName(ifs->orelse, fn);
    } else if (auto *with = llvm::dyn_cast<WithStmt>(s.get())) {
      forEachBoundName(with->body, fn);
    } else if (auto *def = llvm::dyn_cast<FunctionDef>(s.get())) {
      fn(def->name);
    } else if (auto *cls = llvm::dyn_cast<ClassDef>(s.get())) {
      fn(cls->name);
    }
  }
}

void Sema::preBindLoop(StmtList &body) {
  // A module-level loop may read in one iteration what it binds later in
  // the previous one; only names bound nowhere in the loop are suspect.
  if (scope->kind != Scope::ModuleScope)
    return;
  forEachBoundName(body, [&](llvm::StringRef name) {
    auto it = globals.find(name);
    if (it != globals.end() && !it->second.badImport)
      moduleBound.insert(name);
  });
}

void Sema::visitStmt(Stmt &s) {
  switch (s.getKind()) {
  case Node::ExprStmtKind:
    visitExpr(llvm::cast<ExprStmt>(s).value.get());
    return;
  case Node::AssignKind:
    visitAssign(llvm::cast<AssignStmt>(s));
    return;
  case Node::AugAssignKind: {
    auto &aug = llvm::cast<AugAssignStmt>(s);
    Expr *target = aug.target.get();
    if (auto *name = llvm::dyn_cast<NameExpr>(target)) {
      // Read, then written: the read needs the name bound (at module level),
      // the write decides its scope.
      resolveLoad(*name);
      resolveStore(*name);
    } else if (llvm::isa<AttributeExpr>(target)) {
      visitAttribute(llvm::cast<AttributeExpr>(*target), /*isStore=*/true);
    } else if (llvm::isa<SubscriptExpr>(target)) {
      visitExpr(target);
    } else {
      diags.error(target->getLoc(),
                  "illegal expression for augmented assignment; the target "
                  "must be a name, an attribute or a subscript");
    }
    visitExpr(aug.value.get());
    return;
  }
  case Node::ReturnKind:
    if (scope->kind != Scope::FunctionScope)
      diags.error(s.getLoc(), "'return' outside function");
    visitExpr(llvm::cast<ReturnStmt>(s).value.get());
    return;
  case Node::PassKind:
    return;
  case Node::BreakKind:
    if (loopDepth == 0)
      diags.error(s.getLoc(), "'break' outside loop");
    return;
  case Node::ContinueKind:
    if (loopDepth == 0)
      diags.error(s.getLoc(), "'continue' not properly in loop");
    return;
  case Node::IfKind: {
    auto &ifs = llvm::cast<IfStmt>(s);
    visitExpr(ifs.test.get());
    visitStmts(ifs.body);
    visitStmts(ifs.orelse);
    return;
  }
  case Node::WhileKind: {
    auto &loop = llvm::cast<WhileStmt>(s);
    preBindLoop(loop.body);
    visitExpr(loop.test.get());
    ++loopDepth;
    visitStmts(loop.body);
    --loopDepth;
    return;
  }
  case Node::ForKind: {
    auto &loop = llvm::cast<ForStmt>(s);
    visitExpr(loop.iter.get());
    preBindLoop(loop.body);
    visitTarget(loop.target.get());
    ++loopDepth;
    visitStmts(loop.body);
    --loopDepth;
    return;
  }
  case Node::GlobalKind:
    visitGlobal(llvm::cast<GlobalStmt>(s));
    return;
  case Node::AssertKind:
    visitExpr(llvm::cast<AssertStmt>(s).test.get());
    visitExpr(llvm::cast<AssertStmt>(s).msg.get());
    return;
  case Node::DelKind:
    for (ExprPtr &t : llvm::cast<DelStmt>(s).targets) {
      if (auto *name = llvm::dyn_cast<NameExpr>(t.get())) {
        resolveLoad(*name);
      } else if (llvm::isa<SubscriptExpr>(t.get())) {
        visitExpr(t.get());
      } else if (llvm::isa<AttributeExpr>(t.get())) {
        diags.error(t->getLoc(), "'del' of an attribute is not supported; "
                                 "only names and subscripts can be deleted");
      } else {
        diags.error(t->getLoc(), "cannot delete this expression; only names "
                                 "and subscripts can be deleted");
      }
    }
    return;
  case Node::WithKind:
    visitWith(llvm::cast<WithStmt>(s));
    return;
  case Node::FunctionDefKind:
    visitFunctionDef(llvm::cast<FunctionDef>(s));
    return;
  case Node::ClassDefKind:
    visitClassDef(llvm::cast<ClassDef>(s));
    return;
  case Node::ImportKind:
    visitImport(llvm::cast<ImportStmt>(s));
    return;
  case Node::ImportFromKind:
    visitImportFrom(llvm::cast<ImportFromStmt>(s));
    return;
  default:
    return;
  }
}

void Sema::visitAssign(AssignStmt &s) {
  // Python evaluates the value first, then assigns targets left to right.
  visitExpr(s.value.get());
  for (ExprPtr &t : s.targets)
    visitTarget(t.get());
}

void Sema::visitWith(WithStmt &s) {
  visitExpr(s.context.get());
  if (!isNoGradCall(*s.context))
    diags.error(s.context->getLoc(),
                "only 'with torch.no_grad():' is supported");
  if (s.target)
    diags.error(s.target->getLoc(),
                "'with ... as' is not supported; write 'with "
                "torch.no_grad():' without 'as'");
  visitStmts(s.body);
}

void Sema::visitGlobal(GlobalStmt &s) {
  if (scope->kind == Scope::ClassScope) {
    diags.error(s.getLoc(), "'global' in a class body is not supported; "
                            "assign module-level names outside the class");
    return;
  }
  if (scope->kind != Scope::FunctionScope || !scope->function)
    return; // `global` at module level is allowed and has no effect.
  auto it = scope->function->globalErrors.find(&s);
  if (it == scope->function->globalErrors.end())
    return;
  for (const std::string &message : it->second)
    diags.error(s.getLoc(), message);
}

void Sema::checkParams(const std::vector<Param> &params, bool isMethod,
                       const std::string &fnName, SourceLoc fnLoc) {
  llvm::StringSet<> seen;
  bool sawDefault = false;
  for (const Param &p : params) {
    if (!seen.insert(p.name).second)
      diags.error(p.range.begin, fmt::format("duplicate argument '{}' in "
                                             "function definition",
                                             p.name));
    if (p.kind != Param::Positional)
      continue;
    if (p.defaultValue)
      sawDefault = true;
    else if (sawDefault)
      diags.error(p.range.begin, "non-default argument follows default "
                                 "argument");
  }
  if (isMethod && (params.empty() || params.front().kind != Param::Positional))
    diags.error(fnLoc, fmt::format("method '{}' must take 'self' as its first "
                                   "parameter",
                                   fnName));
}

void Sema::visitFunctionDef(FunctionDef &fn) {
  bool nested = scope->kind != Scope::ModuleScope &&
                scope->kind != Scope::ClassScope;
  if (nested) {
    diags.error(fn.getLoc(),
                fmt::format("nested functions are not supported; define '{}' "
                            "at module level or use a lambda",
                            fn.name));
    return;
  }
  bool isMethod = scope->kind == Scope::ClassScope;
  if (isMethod)
    fn.enclosingClass = scope->cls->def;
  checkParams(fn.params, isMethod, fn.name, fn.nameLoc);
  // Defaults are evaluated once, where the `def` runs.
  for (Param &p : fn.params)
    visitExpr(p.defaultValue.get());

  FunctionInfo *info = functionInfos.count(&fn) ? functionInfos[&fn].get()
                                                : &prescanFunction(fn);
  fn.locals = info->locals;
  fn.globals = info->globals;

  Scope fnScope(Scope::FunctionScope, scope);
  fnScope.function = info;
  fnScope.functionDef = &fn;
  fnScope.cls = isMethod ? scope->cls : nullptr;
  Scope *saved = scope;
  unsigned savedLoops = loopDepth;
  scope = &fnScope;
  loopDepth = 0;
  visitStmts(fn.body);
  scope = saved;
  loopDepth = savedLoops;

  if (isMethod)
    scope->locals.insert(fn.name);
  else
    moduleBound.insert(fn.name);
}

/// The special methods the runtime calls implicitly (docs/runtime.md,
/// "Special methods of user classes"), and those of the bitwise operators,
/// which Janus Python cannot write (so CPython would not call them
/// implicitly either). Any other `__name__` method would be called
/// implicitly by CPython (`hash()`, attribute fallbacks, `next()`,
/// `format()`, `int()`, ...) and silently not by Janus: it is rejected.
static bool isSupportedSpecialMethod(llvm::StringRef name) {
  static const llvm::StringSet<> supported = {
      "__init__", "__call__", "__len__", "__iter__", "__getitem__",
      "__setitem__", "__delitem__", "__contains__", "__bool__", "__repr__",
      "__str__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
      "__neg__", "__pos__", "__invert__",
      // Arithmetic: binary, reflected and in-place forms.
      "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__",
      "__mul__", "__rmul__", "__imul__", "__truediv__", "__rtruediv__",
      "__itruediv__", "__floordiv__", "__rfloordiv__", "__ifloordiv__",
      "__mod__", "__rmod__", "__imod__", "__pow__", "__rpow__", "__ipow__",
      "__matmul__", "__rmatmul__", "__imatmul__",
      // Bitwise operators are rejected where they are written.
      "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__",
      "__xor__", "__rxor__", "__ixor__", "__lshift__", "__rlshift__",
      "__ilshift__", "__rshift__", "__rrshift__", "__irshift__"};
  return supported.contains(name);
}

void Sema::checkSpecialMethod(FunctionDef &method) {
  llvm::StringRef name = method.name;
  if (name.size() < 5 || !name.starts_with("__") || !name.ends_with("__") ||
      isSupportedSpecialMethod(name))
    return;
  diags.error(method.nameLoc,
              fmt::format("special method '{}' is not supported in Janus "
                          "Python: Janus would not call it where Python does; "
                          "use an ordinary method name",
                          name.str()));
}

void Sema::visitClassDef(ClassDef &cls) {
  if (scope->kind != Scope::ModuleScope) {
    diags.error(cls.getLoc(),
                fmt::format("nested classes are not supported; define '{}' at "
                            "module level",
                            cls.name));
    return;
  }
  ClassInfo *info = classOf.lookup(&cls);
  for (ExprPtr &base : cls.bases) {
    unsigned errorsBefore = diags.errorCount();
    // `object` is not a library entry: Janus accepts it only as a base.
    auto *name = llvm::dyn_cast<NameExpr>(base.get());
    if (name && name->name == "object" && !globals.count("object"))
      name->binding = NameBinding::Builtin;
    else
      visitExpr(base.get());
    bool resolved = diags.errorCount() == errorsBefore;
    if (base != cls.bases.front())
      diags.error(base->getLoc(),
                  fmt::format("multiple inheritance is not supported; give "
                              "'{}' a single base class",
                              cls.name));
    else if (resolved && cls.bases.size() == 1 &&
             info->baseKind == ClassInfo::Invalid)
      diags.error(base->getLoc(),
                  fmt::format("the base class of '{}' must be a class defined "
                              "earlier in this file, nn.Module or object",
                              cls.name));
  }

  Scope classScope(Scope::ClassScope, scope);
  classScope.cls = info;
  Scope *saved = scope;
  unsigned savedLoops = loopDepth;
  scope = &classScope;
  loopDepth = 0;
  for (StmtPtr &s : cls.body) {
    bool docString = false;
    if (auto *es = llvm::dyn_cast<ExprStmt>(s.get()))
      docString = llvm::isa<StrLit>(es->value.get());
    bool simpleAssign = false;
    if (auto *assign = llvm::dyn_cast<AssignStmt>(s.get())) {
      simpleAssign = true;
      for (ExprPtr &t : assign->targets)
        simpleAssign &= llvm::isa<NameExpr>(t.get());
    }
    // Nested classes and `global` go through visitStmt for their own
    // messages.
    if (auto *method = llvm::dyn_cast<FunctionDef>(s.get()))
      checkSpecialMethod(*method);
    if (llvm::isa<FunctionDef>(s.get()) || llvm::isa<PassStmt>(s.get()) ||
        llvm::isa<ClassDef>(s.get()) || llvm::isa<GlobalStmt>(s.get()) ||
        docString || simpleAssign)
      visitStmt(*s);
    else
      diags.error(s->getLoc(), "only methods, class attributes ('name = "
                               "value') and 'pass' are supported in a class "
                               "body");
  }
  scope = saved;
  loopDepth = savedLoops;
  moduleBound.insert(cls.name);
}
