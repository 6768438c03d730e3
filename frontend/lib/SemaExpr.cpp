//===- SemaExpr.cpp - Expressions, imports and module attributes ----------===//
//
// The expression half of Sema's walk: assignment targets, attributes (where
// `torch.nn.functional.relu` is resolved against the library table),
// lambdas and comprehensions (scopes of their own), generator expressions
// (accepted only as the sole argument of a reducing builtin), and imports,
// which decide which names stand for library modules. Calls are in
// SemaCalls.cpp.
//
//===----------------------------------------------------------------------===//

#include "SemaInternal.h"

#include "llvm/ADT/Twine.h"

#include <fmt/format.h>

using namespace janus;
using namespace janus::sema;

static const char *const kSupportedModules =
    "Janus supports torch, torch.nn, torch.nn.functional, torch.optim, math, "
    "random and time";


//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

void Sema::visitExprs(ExprList &list) {
  for (ExprPtr &e : list)
    visitExpr(e.get());
}

void Sema::visitExpr(Expr *e) {
  if (!e)
    return;
  switch (e->getKind()) {
  case Node::NameKind:
    resolveLoad(llvm::cast<NameExpr>(*e));
    return;
  case Node::AttributeKind:
    visitAttribute(llvm::cast<AttributeExpr>(*e), /*isStore=*/false);
    return;
  case Node::CallKind:
    visitCall(llvm::cast<CallExpr>(*e));
    return;
  case Node::LambdaKind:
    visitLambda(llvm::cast<LambdaExpr>(*e));
    return;
  case Node::ListCompKind: {
    auto &comp = llvm::cast<ListCompExpr>(*e);
    visitComprehension(*e, comp.generators, {comp.elt.get()});
    return;
  }
  case Node::DictCompKind: {
    auto &comp = llvm::cast<DictCompExpr>(*e);
    visitComprehension(*e, comp.generators,
                       {comp.key.get(), comp.value.get()});
    return;
  }
  case Node::GeneratorKind: {
    auto &gen = llvm::cast<GeneratorExpr>(*e);
    if (e != allowedGenerator)
      diags.error(e->getLoc(),
                  "generator expressions are only supported as the sole "
                  "argument of sum(), any(), all(), min(), max(), list(), "
                  "tuple() or sorted(); use a list comprehension instead");
    visitComprehension(*e, gen.generators, {gen.elt.get()});
    return;
  }
  default:
    forEachChild(*e, [&](Expr *child) { visitExpr(child); });
    return;
  }
}

void Sema::visitTarget(Expr *target) {
  if (!target)
    return;
  switch (target->getKind()) {
  case Node::NameKind:
    resolveStore(llvm::cast<NameExpr>(*target));
    return;
  case Node::AttributeKind:
    visitAttribute(llvm::cast<AttributeExpr>(*target), /*isStore=*/true);
    return;
  case Node::SubscriptKind:
    visitExpr(target);
    return;
  case Node::TupleKind:
    for (ExprPtr &e : llvm::cast<TupleExpr>(*target).elts)
      visitTarget(e.get());
    return;
  case Node::ListKind:
    for (ExprPtr &e : llvm::cast<ListExpr>(*target).elts)
      visitTarget(e.get());
    return;
  case Node::IntLitKind:
  case Node::FloatLitKind:
  case Node::StrLitKind:
  case Node::FStringKind:
  case Node::BoolLitKind:
  case Node::NoneLitKind:
  case Node::EllipsisLitKind:
    diags.error(target->getLoc(), "cannot assign to literal");
    return;
  case Node::CallKind:
    diags.error(target->getLoc(), "cannot assign to function call");
    return;
  default:
    diags.error(target->getLoc(), "cannot assign to expression");
    return;
  }
}

void Sema::visitAttribute(AttributeExpr &a, bool isStore) {
  visitExpr(a.base.get());
  std::string module = modulePathOf(*a.base);
  if (module.empty())
    return;
  if (isStore) {
    diags.error(a.getLoc(), fmt::format("cannot assign to attribute '{}' of "
                                        "module '{}'",
                                        a.attr, module));
    return;
  }
  std::string dotted = module + "." + a.attr;
  if (Library::lookupModule(dotted)) {
    a.qualifiedName = dotted;
    return;
  }
  std::optional<LibModule> mod = Library::lookupModule(module);
  if (const LibraryEntry *entry = mod ? lib.lookup(*mod, a.attr) : nullptr) {
    a.qualifiedName = entry->qualifiedName();
    entries[&a] = entry;
    return;
  }
  // Report each missing member once per function, like undefined names.
  if (reportScope().reportedUndefined.insert(dotted).second)
    diags.error(a.attrLoc, fmt::format("module '{}' has no attribute '{}' in "
                                       "Janus Python",
                                       module, a.attr));
}

void Sema::visitLambda(LambdaExpr &l) {
  checkParams(l.params, /*isMethod=*/false, "<lambda>", l.getLoc());
  for (Param &p : l.params)
    visitExpr(p.defaultValue.get());
  Scope lambdaScope(Scope::LambdaScope, scope);
  for (Param &p : l.params)
    lambdaScope.locals.insert(p.name);
  Scope *saved = scope;
  scope = &lambdaScope;
  visitExpr(l.body.get());
  scope = saved;
}

/// Adds the names bound by a comprehension target to `locals`.
static void addTargetNames(Expr *target, llvm::StringSet<> &locals) {
  if (auto *name = llvm::dyn_cast_or_null<NameExpr>(target))
    locals.insert(name->name);
  else if (auto *tuple = llvm::dyn_cast_or_null<TupleExpr>(target))
    for (ExprPtr &e : tuple->elts)
      addTargetNames(e.get(), locals);
  else if (auto *list = llvm::dyn_cast_or_null<ListExpr>(target))
    for (ExprPtr &e : list->elts)
      addTargetNames(e.get(), locals);
}

void Sema::visitComprehension(Expr &e, std::vector<Comprehension> &gens,
                              llvm::ArrayRef<Expr *> results) {
  if (gens.empty())
    return;
  // The first iterable is evaluated in the enclosing scope; everything else
  // in the comprehension's own scope, where all its targets are local.
  visitExpr(gens.front().iter.get());
  Scope compScope(Scope::CompScope, scope);
  for (Comprehension &c : gens)
    addTargetNames(c.target.get(), compScope.locals);
  Scope *saved = scope;
  const Expr *savedGenerator = allowedGenerator;
  allowedGenerator = nullptr;
  scope = &compScope;
  for (size_t i = 0; i < gens.size(); ++i) {
    if (i > 0)
      visitExpr(gens[i].iter.get());
    visitTarget(gens[i].target.get());
    visitExprs(gens[i].ifs);
  }
  for (Expr *r : results)
    visitExpr(r);
  scope = saved;
  allowedGenerator = savedGenerator;
}

//===----------------------------------------------------------------------===//
// Modules and imports
//===----------------------------------------------------------------------===//

std::string Sema::modulePathOf(const Expr &e) const {
  if (auto *name = llvm::dyn_cast<NameExpr>(&e)) {
    if (name->binding == NameBinding::Module)
      return name->qualifiedName;
    // Before the walk (class bases are classified first) a module-level
    // name is a module when it is bound only by imports.
    if (name->binding == NameBinding::Unresolved) {
      auto it = globals.find(name->name);
      if (it != globals.end() && it->second.isOnlyImport())
        return it->second.module;
    }
    return "";
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(&e)) {
    if (!attr->qualifiedName.empty())
      return Library::lookupModule(attr->qualifiedName) ? attr->qualifiedName
                                                        : "";
    std::string base = modulePathOf(*attr->base);
    if (base.empty())
      return "";
    std::string dotted = base + "." + attr->attr;
    return Library::lookupModule(dotted) ? dotted : "";
  }
  return "";
}

const LibraryEntry *Sema::libraryEntryOf(const Expr &e) const {
  return entries.lookup(&e);
}

bool Sema::isNoGradCall(const Expr &e) const {
  auto *call = llvm::dyn_cast<CallExpr>(&e);
  if (!call || !call->args.empty() || !call->keywords.empty())
    return false;
  const LibraryEntry *entry = libraryEntryOf(*call->callee);
  return entry && entry->qualifiedName() == "torch.no_grad";
}

bool Sema::importTarget(llvm::StringRef fromModule, llvm::StringRef name,
                        std::string &modulePath, const LibraryEntry *&entry) {
  entry = nullptr;
  auto isModule = [](llvm::StringRef dotted) {
    std::optional<LibModule> m = Library::lookupModule(dotted);
    return m && *m != LibModule::Builtins;
  };
  if (fromModule.empty()) {
    if (!isModule(name))
      return false;
    modulePath = name.str();
    return true;
  }
  if (!isModule(fromModule))
    return false;
  std::string dotted = (llvm::Twine(fromModule) + "." + name).str();
  if (isModule(dotted)) {
    modulePath = dotted;
    return true;
  }
  entry = Library::get().lookup(*Library::lookupModule(fromModule), name);
  return entry != nullptr;
}

void Sema::visitImport(ImportStmt &s) {
  if (scope->kind != Scope::ModuleScope) {
    diags.error(s.getLoc(), "imports are only supported at module level; "
                            "move the import to the top of the file");
    return;
  }
  for (ImportAlias &alias : s.names) {
    llvm::StringRef dotted = alias.name;
    std::string bound =
        alias.asName.empty() ? dotted.split('.').first.str() : alias.asName;
    moduleBound.insert(bound);
    std::string path;
    const LibraryEntry *entry = nullptr;
    if (!importTarget("", dotted, path, entry)) {
      diags.error(alias.range.begin,
                  fmt::format("module '{}' is not available in Janus Python; "
                              "{}",
                              alias.name, kSupportedModules));
      continue;
    }
    std::string target = alias.asName.empty() ? bound : path;
    auto [it, inserted] = importedAs.try_emplace(bound, target);
    if (!inserted && it->second != target)
      diags.error(alias.range.begin,
                  fmt::format("'{}' already names '{}'; import '{}' under "
                              "another name",
                              bound, it->second, target));
  }
}

void Sema::visitImportFrom(ImportFromStmt &s) {
  if (scope->kind != Scope::ModuleScope) {
    diags.error(s.getLoc(), "imports are only supported at module level; "
                            "move the import to the top of the file");
    return;
  }
  std::optional<LibModule> mod = Library::lookupModule(s.module);
  for (ImportAlias &alias : s.names)
    moduleBound.insert(alias.asName.empty() ? alias.name : alias.asName);
  if (!mod || *mod == LibModule::Builtins) {
    diags.error(s.moduleRange.begin,
                fmt::format("module '{}' is not available in Janus Python; {}",
                            s.module, kSupportedModules));
    return;
  }
  for (ImportAlias &alias : s.names) {
    if (alias.name == "*") {
      diags.error(alias.range.begin,
                  fmt::format("'from {} import *' is not supported; import "
                              "the module or the names you use",
                              s.module));
      continue;
    }
    std::string bound = alias.asName.empty() ? alias.name : alias.asName;
    std::string path;
    const LibraryEntry *entry = nullptr;
    if (!importTarget(s.module, alias.name, path, entry)) {
      diags.error(alias.range.begin,
                  fmt::format("cannot import name '{}' from '{}' in Janus "
                              "Python",
                              alias.name, s.module));
      continue;
    }
    std::string target = entry ? entry->qualifiedName() : path;
    auto [it, inserted] = importedAs.try_emplace(bound, target);
    if (!inserted && it->second != target)
      diags.error(alias.range.begin,
                  fmt::format("'{}' already names '{}'; import '{}' under "
                              "another name",
                              bound, it->second, target));
  }
}
