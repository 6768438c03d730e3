//===- SemaCalls.cpp - Checking calls against signatures ------------------===//
//
// A call is checked when Sema knows statically what it reaches:
//   - a library function or class (a builtin, `torch.zeros`, `nn.Linear`):
//     against the signature in Library.def, and CallExpr::libraryCallee is
//     set;
//   - a module-level `def` bound exactly once, or a class constructor
//     (against the `__init__` found along the user base classes);
//   - a method through `self.m(...)` (when no subclass overrides m),
//     through `C.m(...)`, through `super().m(...)`, or through a variable
//     that is only ever assigned `C(...)`; calling such a variable checks
//     its `__call__`, or `forward` for an nn.Module.
// Anything else (a method of a value whose type is not known, a callable
// stored in an attribute) is left to run time: Sema does not guess.
//
// User and library calls share one binder, Library::checkBinding, which
// binds the way CPython does and reports in CPython's words; a `def` is
// described to it as library parameters, with a bound `self` counted like
// CPython ("A.m() takes 2 positional arguments but 3 were given").
//
//===----------------------------------------------------------------------===//

#include "SemaInternal.h"

#include <fmt/format.h>

using namespace janus;
using namespace janus::sema;

void Sema::visitCall(CallExpr &call) {
  // `super().m(...)`: the only accepted use of super.
  const Expr *savedSuper = allowedSuper;
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(call.callee.get()))
    if (auto *inner = llvm::dyn_cast<CallExpr>(attr->base.get()))
      if (auto *name = llvm::dyn_cast<NameExpr>(inner->callee.get()))
        if (name->name == "super" && inner->args.empty() &&
            inner->keywords.empty())
          allowedSuper = name;
  visitExpr(call.callee.get());
  allowedSuper = savedSuper;

  const Expr *savedGenerator = allowedGenerator;
  allowedGenerator = nullptr;
  if (auto *name = llvm::dyn_cast<NameExpr>(call.callee.get()))
    if (name->binding == NameBinding::Builtin &&
        acceptsGeneratorArgument(name->name) && call.args.size() == 1 &&
        llvm::isa<GeneratorExpr>(call.args.front().get()))
      allowedGenerator = call.args.front().get();
  visitExprs(call.args);
  allowedGenerator = nullptr;
  for (Keyword &k : call.keywords)
    visitExpr(k.value.get());
  allowedGenerator = savedGenerator;

  // After a repeated keyword, binding would only repeat the complaint.
  bool checkArity = checkKeywordsUnique(call);
  if (visitSuperCall(call, checkArity))
    return;

  Expr &callee = *call.callee;
  if (const LibraryEntry *entry = libraryEntryOf(callee)) {
    if (entry->kind == LibEntryKind::Constant ||
        entry->kind == LibEntryKind::Attribute) {
      diags.error(call.getLoc(), fmt::format("'{}' is not callable",
                                             entry->qualifiedName()));
      return;
    }
    call.libraryCallee = entry;
    if (checkArity)
      checkLibraryCall(call, *entry);
    return;
  }
  if (auto *name = llvm::dyn_cast<NameExpr>(&callee)) {
    if (name->binding == NameBinding::Module) {
      diags.error(call.getLoc(), fmt::format("module '{}' is not callable",
                                             name->qualifiedName));
      return;
    }
    if (!checkArity)
      return;
    // Calling an instance: its __call__, or for an nn.Module its forward.
    bool exact = false;
    if (ClassInfo *cls = staticClassOf(*name, exact)) {
      ClassInfo *owner = nullptr;
      bool hasCall = findMethod(*cls, "__call__", &owner) != nullptr;
      ClassInfo *root = cls;
      while (root->baseKind == ClassInfo::User)
        root = root->base;
      if (hasCall || root->baseKind == ClassInfo::NNModule)
        checkMethodCall(call, *cls, hasCall ? "__call__" : "forward", exact,
                        /*boundSelf=*/true);
      return;
    }
    if (name->binding != NameBinding::Global)
      return;
    auto it = globals.find(name->name);
    if (it == globals.end())
      return;
    if (it->second.isOnlyFunction())
      checkUserCall(call, *it->second.function, name->name, false);
    else if (ClassInfo *cls = globalClass(name->name))
      checkConstructorCall(call, *cls);
    return;
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(&callee)) {
    std::string module = modulePathOf(callee);
    if (!module.empty()) {
      diags.error(call.getLoc(),
                  fmt::format("module '{}' is not callable", module));
      return;
    }
    if (!checkArity)
      return;
    bool exact = false;
    if (ClassInfo *cls = staticClassOf(*attr->base, exact)) {
      checkMethodCall(call, *cls, attr->attr, exact, /*boundSelf=*/true);
      return;
    }
    // `C.m(obj, ...)`: the plain function, `self` passed explicitly.
    if (auto *base = llvm::dyn_cast<NameExpr>(attr->base.get()))
      if (base->binding == NameBinding::Global)
        if (ClassInfo *cls = globalClass(base->name))
          checkMethodCall(call, *cls, attr->attr, /*exact=*/true,
                          /*boundSelf=*/false);
  }
}

bool Sema::checkKeywordsUnique(CallExpr &call) {
  llvm::StringSet<> seen;
  for (Keyword &k : call.keywords) {
    if (seen.insert(k.name).second)
      continue;
    diags.error(k.nameLoc, fmt::format("keyword argument repeated: {}",
                                       k.name));
    return false;
  }
  return true;
}

void Sema::checkLibraryCall(CallExpr &call, const LibraryEntry &entry) {
  reportBindingError(call, Library::checkCall(entry, call.args.size(),
                                              keywordNames(call)));
}

void Sema::checkUserCall(CallExpr &call, const FunctionDef &fn,
                         const std::string &qualName, bool boundSelf) {
  // A `def` binds like a library signature with no positional-only or
  // variadic parameters; the default's text is irrelevant to binding.
  std::vector<LibraryParam> params;
  for (const Param &p : fn.params) {
    LibraryParam lp;
    lp.name = p.name;
    lp.kind = p.kind == Param::KeywordOnly ? LibraryParam::KeywordOnly
                                           : LibraryParam::PositionalOrKeyword;
    if (p.defaultValue)
      lp.defaultValue = "...";
    params.push_back(std::move(lp));
  }
  // CPython counts a bound `self` among the positional arguments.
  unsigned given = call.args.size() + (boundSelf ? 1 : 0);
  reportBindingError(call, Library::checkBinding(qualName, params, given,
                                                 keywordNames(call)));
}

std::vector<std::string> Sema::keywordNames(const CallExpr &call) {
  std::vector<std::string> names;
  for (const Keyword &k : call.keywords)
    names.push_back(k.name);
  return names;
}

void Sema::reportBindingError(CallExpr &call, const std::string &message) {
  if (message.empty())
    return;
  // Point at the keyword the message is about, when there is one.
  SourceLoc loc = call.getLoc();
  for (Keyword &k : call.keywords)
    if (llvm::StringRef(message).ends_with("'" + k.name + "'") &&
        llvm::StringRef(message).contains("argument")) {
      loc = k.nameLoc;
      break;
    }
  diags.error(loc, message);
}

FunctionDef *Sema::findMethod(ClassInfo &cls, llvm::StringRef name,
                              ClassInfo **owner) {
  for (ClassInfo *c = &cls; c; c = c->base) {
    // A class attribute of the same name may hold anything.
    if (c->attributes.contains(name))
      return nullptr;
    if (FunctionDef *fn = c->methods.lookup(name)) {
      *owner = c;
      return fn;
    }
    if (c->baseKind != ClassInfo::User)
      return nullptr;
  }
  return nullptr;
}

bool Sema::overriddenBelow(ClassInfo &cls, llvm::StringRef name) {
  for (ClassInfo *sub : cls.subclasses)
    if (sub->methods.count(name) || sub->attributes.contains(name) ||
        overriddenBelow(*sub, name))
      return true;
  return false;
}

void Sema::checkMethodCall(CallExpr &call, ClassInfo &cls,
                           llvm::StringRef method, bool exact,
                           bool boundSelf) {
  // An instance attribute of the same name (`self.m = ...` anywhere) would
  // hide the method.
  if (boundSelf && storedAttributes.contains(method))
    return;
  ClassInfo *owner = nullptr;
  FunctionDef *fn = findMethod(cls, method, &owner);
  if (!fn || (!exact && overriddenBelow(cls, method)))
    return;
  checkUserCall(call, *fn, owner->def->name + "." + method.str(), boundSelf);
}

void Sema::checkConstructorCall(CallExpr &call, ClassInfo &cls) {
  ClassInfo *owner = nullptr;
  if (FunctionDef *init = findMethod(cls, "__init__", &owner)) {
    checkUserCall(call, *init, owner->def->name + ".__init__", true);
    return;
  }
  // No user __init__: what the root of the user hierarchy inherits.
  ClassInfo *root = &cls;
  for (; root; root = root->base) {
    if (root->attributes.contains("__init__"))
      return;
    if (root->baseKind != ClassInfo::User)
      break;
  }
  if (!root || (call.args.empty() && call.keywords.empty()))
    return;
  if (root->baseKind == ClassInfo::NoBase ||
      root->baseKind == ClassInfo::Object) {
    diags.error(call.getLoc(),
                fmt::format("{}() takes no arguments", cls.def->name));
  } else if (root->baseKind == ClassInfo::NNModule) {
    if (!call.keywords.empty())
      diags.error(call.keywords.front().nameLoc,
                  fmt::format("Module.__init__() got an unexpected keyword "
                              "argument '{}'",
                              call.keywords.front().name));
    else
      diags.error(call.getLoc(),
                  fmt::format("Module.__init__() takes 1 positional argument "
                              "but {} were given",
                              call.args.size() + 1));
  }
}

bool Sema::visitSuperCall(CallExpr &call, bool checkArity) {
  auto *attr = llvm::dyn_cast<AttributeExpr>(call.callee.get());
  auto *inner = attr ? llvm::dyn_cast<CallExpr>(attr->base.get()) : nullptr;
  auto *name = inner ? llvm::dyn_cast<NameExpr>(inner->callee.get()) : nullptr;
  if (!name || name->name != "super" ||
      name->binding != NameBinding::Builtin || !inMethodBody())
    return false;
  ClassInfo *cls = scope->cls;
  if (!cls || !inner->args.empty() || !inner->keywords.empty() ||
      !checkArity)
    return true;
  if (cls->baseKind == ClassInfo::User) {
    checkMethodCall(call, *cls->base, attr->attr, /*exact=*/true,
                    /*boundSelf=*/true);
    return true;
  }
  // object.__init__ and nn.Module.__init__ take no arguments but self.
  if (attr->attr == "__init__" &&
      (cls->baseKind == ClassInfo::NNModule ||
       cls->baseKind == ClassInfo::NoBase ||
       cls->baseKind == ClassInfo::Object) &&
      (!call.args.empty() || !call.keywords.empty())) {
    const char *owner =
        cls->baseKind == ClassInfo::NNModule ? "Module" : "object";
    if (!call.keywords.empty())
      diags.error(call.keywords.front().nameLoc,
                  fmt::format("{}.__init__() got an unexpected keyword "
                              "argument '{}'",
                              owner, call.keywords.front().name));
    else
      diags.error(call.getLoc(),
                  fmt::format("{}.__init__() takes 1 positional argument but "
                              "{} were given",
                              owner, call.args.size() + 1));
  }
  return true;
}
