//===- SemaScope.cpp - Scopes and name resolution -------------------------===//
//
// Python decides a name's scope per function, not per statement: a name
// assigned anywhere in a function body (or a loop target, a `del` target, a
// parameter) is local to the whole body unless the body declares it
// `global`. So each function is prescanned once for what it binds before
// its body is walked. The prescan also finds what CPython's symbol table
// rejects about `global` (a name used or assigned before its `global`
// statement, a parameter declared global).
//
// Resolution then walks the scope stack from the innermost scope out:
// comprehension and lambda scopes, the function's locals, the class body
// (only for code directly in it, as in Python), module globals, builtins.
// Module-level code runs top to bottom, so there a global must already be
// bound; inside functions and lambdas it may be bound anywhere.
//
//===----------------------------------------------------------------------===//

#include "SemaInternal.h"

#include <fmt/format.h>

using namespace janus;
using namespace janus::sema;

namespace {
enum SeenFlags { Used = 1, Assigned = 2, IsParam = 4 };
} // namespace

bool janus::sema::acceptsGeneratorArgument(llvm::StringRef name) {
  return llvm::is_contained(llvm::ArrayRef<llvm::StringRef>{
                                "sum", "any", "all", "min", "max", "list",
                                "tuple", "sorted"},
                            name);
}

bool janus::sema::isPythonBuiltin(llvm::StringRef name) {
  // dir(builtins) of CPython 3.11, without the dunder names.
  static const llvm::StringSet<> names = {
      "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
      "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError",
      "BufferError", "BytesWarning", "ChildProcessError",
      "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
      "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis",
      "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup",
      "FileExistsError", "FileNotFoundError", "FloatingPointError",
      "FutureWarning", "GeneratorExit", "IOError", "ImportError",
      "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
      "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError",
      "MemoryError", "ModuleNotFoundError", "NameError", "NotADirectoryError",
      "NotImplemented", "NotImplementedError", "OSError", "OverflowError",
      "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
      "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
      "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError",
      "SyntaxWarning", "SystemError", "SystemExit", "TabError",
      "TimeoutError", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
      "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
      "UnicodeWarning", "UserWarning", "ValueError", "Warning",
      "ZeroDivisionError", "abs", "aiter", "all", "anext", "any", "ascii",
      "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
      "classmethod", "compile", "complex", "copyright", "credits", "delattr",
      "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter",
      "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash",
      "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter",
      "len", "license", "list", "locals", "map", "max", "memoryview", "min",
      "next", "object", "oct", "open", "ord", "pow", "print", "property",
      "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
      "sorted", "staticmethod", "str", "sum", "super", "tuple", "type",
      "vars", "zip"};
  return names.contains(name);
}

//===----------------------------------------------------------------------===//
// Function prescan
//===----------------------------------------------------------------------===//

FunctionInfo &Sema::prescanFunction(FunctionDef &fn) {
  auto &slot = functionInfos[&fn];
  slot = std::make_unique<FunctionInfo>();
  FunctionInfo &info = *slot;
  llvm::StringMap<int> seen;
  for (const Param &p : fn.params) {
    if (info.localSet.insert(p.name).second)
      info.locals.push_back(p.name);
    info.ctorClass[p.name] = "";
    ++info.bindingCount[p.name];
    seen[p.name] |= IsParam;
  }
  prescanStmts(fn.body, info, seen);

  // Declared-global names are not locals; the ones the function assigns
  // become module globals that may be bound at any time.
  if (!info.globals.empty()) {
    std::vector<std::string> locals;
    for (const std::string &name : info.locals)
      if (!info.globalSet.contains(name))
        locals.push_back(name);
    info.locals = std::move(locals);
    for (const std::string &name : info.globals) {
      info.localSet.erase(name);
      if (!(seen.lookup(name) & Assigned))
        continue;
      GlobalInfo &g = globals[name];
      ++g.numOthers;
      g.assignedByFunction = true;
      g.onlyCtorAssignments = false;
    }
  }
  return info;
}

void Sema::prescanBind(llvm::StringRef name, Expr *value, FunctionInfo &info,
                       llvm::StringMap<int> &seen) {
  seen[name] |= Assigned;
  if (info.localSet.insert(name).second)
    info.locals.push_back(name.str());
  unsigned count = ++info.bindingCount[name];
  // `x = C(...)` everywhere keeps x's class known.
  auto *call = llvm::dyn_cast_or_null<CallExpr>(value);
  auto *callee = call ? llvm::dyn_cast<NameExpr>(call->callee.get()) : nullptr;
  std::string &ctor = info.ctorClass[name];
  if (!callee || (count > 1 && ctor != callee->name))
    ctor.clear();
  else
    ctor = callee->name;
}

void Sema::prescanTarget(Expr *target, Expr *value, FunctionInfo &info,
                         llvm::StringMap<int> &seen) {
  if (!target)
    return;
  if (auto *name = llvm::dyn_cast<NameExpr>(target)) {
    prescanBind(name->name, value, info, seen);
  } else if (auto *tuple = llvm::dyn_cast<TupleExpr>(target)) {
    for (ExprPtr &e : tuple->elts)
      prescanTarget(e.get(), nullptr, info, seen);
  } else if (auto *list = llvm::dyn_cast<ListExpr>(target)) {
    for (ExprPtr &e : list->elts)
      prescanTarget(e.get(), nullptr, info, seen);
  } else {
    noteStoredAttributes(target);
    prescanUses(target, seen);
  }
}

void Sema::noteStoredAttributes(Expr *target) {
  if (auto *attr = llvm::dyn_cast_or_null<AttributeExpr>(target))
    storedAttributes.insert(attr->attr);
}

void Sema::prescanUses(Expr *e, llvm::StringMap<int> &seen) {
  if (!e)
    return;
  if (auto *name = llvm::dyn_cast<NameExpr>(e)) {
    seen[name->name] |= Used;
    return;
  }
  // Lambda bodies and comprehensions are scopes of their own; only what is
  // evaluated in the function itself counts as a use here.
  if (auto *lambda = llvm::dyn_cast<LambdaExpr>(e)) {
    for (Param &p : lambda->params)
      prescanUses(p.defaultValue.get(), seen);
    return;
  }
  if (auto *comp = llvm::dyn_cast<ListCompExpr>(e))
    return prescanUses(comp->generators.front().iter.get(), seen);
  if (auto *comp = llvm::dyn_cast<DictCompExpr>(e))
    return prescanUses(comp->generators.front().iter.get(), seen);
  if (auto *comp = llvm::dyn_cast<GeneratorExpr>(e))
    return prescanUses(comp->generators.front().iter.get(), seen);
  forEachChild(*e, [&](Expr *child) { prescanUses(child, seen); });
}

void Sema::prescanStmts(StmtList &body, FunctionInfo &info,
                        llvm::StringMap<int> &seen) {
  for (StmtPtr &sp : body) {
    Stmt &s = *sp;
    switch (s.getKind()) {
    case Node::ExprStmtKind:
      prescanUses(llvm::cast<ExprStmt>(s).value.get(), seen);
      break;
    case Node::AssignKind: {
      auto &assign = llvm::cast<AssignStmt>(s);
      prescanUses(assign.value.get(), seen);
      for (ExprPtr &t : assign.targets)
        prescanTarget(t.get(), assign.value.get(), info, seen);
      break;
    }
    case Node::AugAssignKind: {
      auto &aug = llvm::cast<AugAssignStmt>(s);
      if (auto *name = llvm::dyn_cast<NameExpr>(aug.target.get())) {
        seen[name->name] |= Used;
        prescanBind(name->name, nullptr, info, seen);
      } else {
        prescanTarget(aug.target.get(), nullptr, info, seen);
      }
      prescanUses(aug.value.get(), seen);
      break;
    }
    case Node::ReturnKind:
      prescanUses(llvm::cast<ReturnStmt>(s).value.get(), seen);
      break;
    case Node::IfKind: {
      auto &ifs = llvm::cast<IfStmt>(s);
      prescanUses(ifs.test.get(), seen);
      prescanStmts(ifs.body, info, seen);
      prescanStmts(ifs.orelse, info, seen);
      break;
    }
    case Node::WhileKind: {
      auto &loop = llvm::cast<WhileStmt>(s);
      prescanUses(loop.test.get(), seen);
      prescanStmts(loop.body, info, seen);
      break;
    }
    case Node::ForKind: {
      auto &loop = llvm::cast<ForStmt>(s);
      prescanUses(loop.iter.get(), seen);
      prescanTarget(loop.target.get(), nullptr, info, seen);
      prescanStmts(loop.body, info, seen);
      break;
    }
    case Node::AssertKind:
      prescanUses(llvm::cast<AssertStmt>(s).test.get(), seen);
      prescanUses(llvm::cast<AssertStmt>(s).msg.get(), seen);
      break;
    case Node::DelKind:
      for (ExprPtr &t : llvm::cast<DelStmt>(s).targets) {
        if (auto *name = llvm::dyn_cast<NameExpr>(t.get()))
          prescanBind(name->name, nullptr, info, seen);
        else
          prescanUses(t.get(), seen);
      }
      break;
    case Node::WithKind: {
      auto &with = llvm::cast<WithStmt>(s);
      prescanUses(with.context.get(), seen);
      prescanTarget(with.target.get(), nullptr, info, seen);
      prescanStmts(with.body, info, seen);
      break;
    }
    case Node::GlobalKind: {
      auto &global = llvm::cast<GlobalStmt>(s);
      std::vector<std::string> &errors = info.globalErrors[&global];
      for (const std::string &name : global.names) {
        int flags = seen.lookup(name);
        // CPython's symbol table checks in this order.
        if (flags & IsParam)
          errors.push_back(fmt::format("name '{}' is parameter and global",
                                       name));
        else if (flags & Used)
          errors.push_back(fmt::format(
              "name '{}' is used prior to global declaration", name));
        else if (flags & Assigned)
          errors.push_back(fmt::format(
              "name '{}' is assigned to before global declaration", name));
        if (info.globalSet.insert(name).second)
          info.globals.push_back(name);
      }
      break;
    }
    // Nested definitions and imports are rejected by the walk; binding
    // their names here keeps uses of them from cascading into more errors.
    case Node::FunctionDefKind:
      prescanBind(llvm::cast<FunctionDef>(s).name, nullptr, info, seen);
      break;
    case Node::ClassDefKind:
      prescanBind(llvm::cast<ClassDef>(s).name, nullptr, info, seen);
      break;
    case Node::ImportKind:
      for (ImportAlias &alias : llvm::cast<ImportStmt>(s).names)
        prescanBind(alias.asName.empty()
                        ? llvm::StringRef(alias.name).split('.').first
                        : llvm::StringRef(alias.asName),
                    nullptr, info, seen);
      break;
    case Node::ImportFromKind:
      for (ImportAlias &alias : llvm::cast<ImportFromStmt>(s).names)
        prescanBind(alias.asName.empty() ? alias.name : alias.asName, nullptr,
                    info, seen);
      break;
    default:
      break;
    }
  }
}

//===----------------------------------------------------------------------===//
// Resolution
//===----------------------------------------------------------------------===//

Scope &Sema::reportScope() {
  Scope *s = scope;
  while (s->kind == Scope::LambdaScope || s->kind == Scope::CompScope)
    s = s->parent;
  return *s;
}

bool Sema::inMethodBody() const {
  return scope->kind == Scope::FunctionScope && scope->functionDef &&
         scope->functionDef->enclosingClass;
}

void Sema::reportUndefined(NameExpr &n) {
  if (!reportScope().reportedUndefined.insert(n.name).second)
    return;
  if (isPythonBuiltin(n.name))
    diags.error(n.getLoc(), fmt::format("builtin '{}' is not supported in "
                                        "Janus Python",
                                        n.name));
  else
    diags.error(n.getLoc(), fmt::format("name '{}' is not defined", n.name));
}

void Sema::resolveLoad(NameExpr &n) {
  // `immediate` stays true while the use runs when the enclosing module or
  // class statement runs (comprehensions and class bodies run at once;
  // functions and lambdas later).
  bool immediate = true;
  for (Scope *s = scope; s; s = s->parent) {
    switch (s->kind) {
    case Scope::FunctionScope:
      if (s->function->globalSet.contains(n.name))
        return (void)resolveInModule(n, /*immediate=*/false);
      if (s->function->localSet.contains(n.name)) {
        n.binding = s == scope ? NameBinding::Local : NameBinding::Enclosing;
        return;
      }
      immediate = false;
      break;
    case Scope::LambdaScope:
    case Scope::CompScope:
      if (s->locals.contains(n.name)) {
        n.binding = s == scope ? NameBinding::Local : NameBinding::Enclosing;
        return;
      }
      if (s->kind == Scope::LambdaScope)
        immediate = false;
      break;
    case Scope::ClassScope:
      // A class body's names are visible to the body itself only, not to
      // methods, lambdas or comprehensions inside it.
      if (s == scope && s->locals.contains(n.name)) {
        n.binding = NameBinding::Local;
        return;
      }
      break;
    case Scope::ModuleScope:
      resolveInModule(n, immediate);
      return;
    }
  }
}

bool Sema::resolveInModule(NameExpr &n, bool immediate) {
  auto it = globals.find(n.name);
  if (it != globals.end()) {
    GlobalInfo &g = it->second;
    if (!immediate || moduleBound.contains(n.name) || g.assignedByFunction) {
      if (g.isOnlyImport() && !g.module.empty()) {
        n.binding = NameBinding::Module;
        n.qualifiedName = g.module;
      } else if (g.isOnlyImport() && g.entry) {
        n.binding = NameBinding::Library;
        n.qualifiedName = g.entry->qualifiedName();
        entries[&n] = g.entry;
      } else {
        n.binding = NameBinding::Global;
      }
      return true;
    }
    // Not bound yet at this point of the module: a builtin of the same name
    // is still visible, otherwise this is Python's NameError.
  }
  // `__name__` and `super` are part of the language here, not library
  // entries.
  if (n.name == "__name__") {
    n.binding = NameBinding::Builtin;
    return true;
  }
  if (n.name == "super") {
    n.binding = NameBinding::Builtin;
    if (&n != allowedSuper)
      diags.error(n.getLoc(), "'super' is only supported as "
                              "'super().method(...)' inside a method");
    else if (!inMethodBody())
      diags.error(n.getLoc(), "'super()' is only supported directly inside "
                              "a method body");
    return true;
  }
  if (const LibraryEntry *entry = lib.lookup(LibModule::Builtins, n.name)) {
    n.binding = NameBinding::Builtin;
    n.qualifiedName = entry->qualifiedName();
    entries[&n] = entry;
    return true;
  }
  reportUndefined(n);
  return false;
}

void Sema::resolveStore(NameExpr &n) {
  bool global = false;
  switch (scope->kind) {
  case Scope::FunctionScope:
    global = scope->function->globalSet.contains(n.name);
    n.binding = global ? NameBinding::Global : NameBinding::Local;
    break;
  case Scope::LambdaScope:
  case Scope::CompScope:
    n.binding = NameBinding::Local;
    break;
  case Scope::ClassScope:
    n.binding = NameBinding::Local;
    scope->locals.insert(n.name);
    break;
  case Scope::ModuleScope:
    global = true;
    n.binding = NameBinding::Global;
    moduleBound.insert(n.name);
    break;
  }
  if (!global)
    return;
  auto it = globals.find(n.name);
  // Import aliases are resolved statically (torch.nn.Linear is looked up in
  // the library table), which needs them never to be rebound.
  if (it != globals.end() && it->second.numImports > 0)
    diags.error(n.getLoc(),
                fmt::format("cannot assign to '{}', which names an imported "
                            "{}; choose another name",
                            n.name,
                            it->second.entry ? "library name" : "module"));
}

ClassInfo *Sema::globalClass(llvm::StringRef name) {
  auto it = globals.find(name);
  if (it == globals.end() || !it->second.isOnlyClass())
    return nullptr;
  return classOf.lookup(it->second.cls);
}

ClassInfo *Sema::staticClassOf(Expr &e, bool &exact) {
  auto *name = llvm::dyn_cast<NameExpr>(&e);
  if (!name)
    return nullptr;
  if (name->binding == NameBinding::Local &&
      scope->kind == Scope::FunctionScope) {
    FunctionInfo &info = *scope->function;
    FunctionDef &fn = *scope->functionDef;
    // The receiver of a method is an instance of its class or a subclass.
    if (fn.enclosingClass && !fn.params.empty() &&
        fn.params.front().name == name->name &&
        info.bindingCount.lookup(name->name) == 1) {
      exact = false;
      return scope->cls;
    }
    auto it = info.ctorClass.find(name->name);
    if (it == info.ctorClass.end() || it->second.empty() ||
        info.localSet.contains(it->second))
      return nullptr;
    exact = true;
    return globalClass(it->second);
  }
  if (name->binding == NameBinding::Global) {
    auto it = globals.find(name->name);
    if (it == globals.end())
      return nullptr;
    GlobalInfo &g = it->second;
    if (g.numOthers == 0 || !g.onlyCtorAssignments || g.numDefs ||
        g.numClasses || g.numImports || g.assignedByFunction ||
        g.ctorClass.empty())
      return nullptr;
    // A local of the same name as the class would shadow it in a function.
    if (scope->kind == Scope::FunctionScope &&
        scope->function->localSet.contains(g.ctorClass))
      return nullptr;
    exact = true;
    return globalClass(g.ctorClass);
  }
  return nullptr;
}
