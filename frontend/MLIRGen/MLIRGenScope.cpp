//===- MLIRGenScope.cpp - Names, lambdas and comprehensions ---------------===//
//
// Sema says how a name binds (Local, Enclosing, Global, ...); MLIRGen keeps
// a stack of scopes that says which local slot holds a Local or Enclosing
// name:
//   - a function's locals are slots named after them;
//   - a class body's names are `$Net.x` in the function running the body
//     (@__janus_init), turned into class attributes at the end of the body;
//   - a comprehension runs inline in its function: its targets are the
//     hidden slots `$comp.N.x`, so they neither leak nor clobber a local of
//     the same name, and its list or dict is built in `$comp.N`;
//   - a lambda is a func.func of its own. The names of enclosing functions
//     it reads are its free variables: it takes their cells after its
//     parameters (`dyn.free_vars`), the creating function lists its locals
//     that are captured in `dyn.cells` and passes them with dyn.local_cell.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenImpl.h"

using namespace janus;
using namespace janus::mlirgen;
using namespace mlir;

//===----------------------------------------------------------------------===//
// Slots
//===----------------------------------------------------------------------===//

Value MLIRGen::loadLocal(llvm::StringRef slot, Location l) {
  return dyn::LoadLocalOp::create(builder, l, valueTy, slot);
}

void MLIRGen::storeLocal(llvm::StringRef slot, Value v, Location l) {
  dyn::StoreLocalOp::create(builder, l, slot, v);
}

std::string MLIRGen::newTemp(llvm::StringRef prefix, unsigned &counter) {
  return prefix.str() + std::to_string(counter++);
}

std::string MLIRGen::spill(Value v, Location l) {
  std::string slot = newTemp("$t.", fn->numTemps);
  storeLocal(slot, v, l);
  return slot;
}

/// The scope that holds `name` as seen from `from`: class bodies are
/// visible only to their own code (`classVisible` for the innermost one).
static Scope *findScope(Scope *from, llvm::StringRef name, bool classVisible) {
  for (Scope *s = from; s && s->kind != Scope::ModuleScope; s = s->parent) {
    if (s->kind == Scope::ClassScope && !(classVisible && s == from))
      continue;
    if (s->slots.count(name))
      return s;
  }
  return nullptr;
}

std::string MLIRGen::slotOf(NameExpr &n) {
  Scope *s = findScope(scope, n.name, /*classVisible=*/true);
  if (!s || s->function != fn) {
    error(n.getLoc(),
          "internal error: MLIRGen found no local slot for '" + n.name + "'");
    return "";
  }
  return s->slots[n.name];
}

bool MLIRGen::storeName(NameExpr &n, Value value) {
  Location l = loc(n.getLoc());
  switch (n.binding) {
  case NameBinding::Local: {
    if (scope->kind == Scope::ClassScope) {
      std::string &slot = scope->slots[n.name];
      if (slot.empty()) {
        slot = "$" + scope->className + "." + n.name;
        scope->classNames.push_back(n.name);
      }
      storeLocal(slot, value, l);
      return true;
    }
    std::string slot = slotOf(n);
    if (slot.empty())
      return false;
    storeLocal(slot, value, l);
    return true;
  }
  case NameBinding::Global:
    declareGlobal(n.name, n.getLoc());
    dyn::StoreGlobalOp::create(builder, l, n.name, value);
    return true;
  default:
    error(n.getLoc(),
          "internal error: MLIRGen cannot assign to '" + n.name + "'");
    return false;
  }
}

void MLIRGen::delName(NameExpr &n) {
  Location l = loc(n.getLoc());
  if (n.binding == NameBinding::Local) {
    std::string slot = slotOf(n);
    if (!slot.empty())
      dyn::DelLocalOp::create(builder, l, slot);
  } else if (n.binding == NameBinding::Global) {
    declareGlobal(n.name, n.getLoc());
    dyn::DelGlobalOp::create(builder, l, n.name);
  } else {
    error(n.getLoc(), "MLIRGen cannot delete '" + n.name + "'");
  }
}

//===----------------------------------------------------------------------===//
// Lambdas
//===----------------------------------------------------------------------===//

/// Adds the names a comprehension or assignment target binds to `names`.
static void addTargetNames(Expr *target, llvm::StringSet<> &names) {
  if (auto *name = llvm::dyn_cast_or_null<NameExpr>(target))
    names.insert(name->name);
  else if (auto *tuple = llvm::dyn_cast_or_null<TupleExpr>(target))
    for (ExprPtr &e : tuple->elts)
      addTargetNames(e.get(), names);
  else if (auto *list = llvm::dyn_cast_or_null<ListExpr>(target))
    for (ExprPtr &e : list->elts)
      addTargetNames(e.get(), names);
}

void MLIRGen::collectFreeVars(Expr *e, std::vector<llvm::StringSet<>> &bound,
                              NameSet &free) {
  if (!e)
    return;
  auto isBound = [&](llvm::StringRef name) {
    return llvm::any_of(bound, [&](auto &set) { return set.contains(name); });
  };
  std::vector<Comprehension> *gens = nullptr;
  switch (e->getKind()) {
  case Node::NameKind: {
    auto *n = llvm::cast<NameExpr>(e);
    if ((n->binding == NameBinding::Local ||
         n->binding == NameBinding::Enclosing) &&
        !isBound(n->name))
      free.insert(n->name);
    return;
  }
  case Node::LambdaKind: {
    auto *lambda = llvm::cast<LambdaExpr>(e);
    llvm::StringSet<> params;
    for (Param &p : lambda->params) {
      collectFreeVars(p.defaultValue.get(), bound, free);
      params.insert(p.name);
    }
    bound.push_back(std::move(params));
    collectFreeVars(lambda->body.get(), bound, free);
    bound.pop_back();
    return;
  }
  case Node::ListCompKind:
    gens = &llvm::cast<ListCompExpr>(e)->generators;
    break;
  case Node::DictCompKind:
    gens = &llvm::cast<DictCompExpr>(e)->generators;
    break;
  case Node::GeneratorKind:
    gens = &llvm::cast<GeneratorExpr>(e)->generators;
    break;
  default:
    forEachChild(*e, [&](Expr *child) { collectFreeVars(child, bound, free); });
    return;
  }
  // A comprehension: the first iterable is read outside its scope.
  collectFreeVars(gens->front().iter.get(), bound, free);
  llvm::StringSet<> targets;
  for (Comprehension &c : *gens)
    addTargetNames(c.target.get(), targets);
  bound.push_back(std::move(targets));
  bool first = true;
  forEachChild(*e, [&](Expr *child) {
    if (first && child == gens->front().iter.get()) {
      first = false;
      return;
    }
    collectFreeVars(child, bound, free);
  });
  bound.pop_back();
}

Value MLIRGen::genLambda(LambdaExpr &lambda) {
  Location l = loc(lambda.getLoc());
  SmallVector<Value> defaults;
  SmallVector<int64_t> indices;
  if (!genDefaults(lambda.params, defaults, indices))
    return nullptr;

  std::vector<llvm::StringSet<>> bound(1);
  for (Param &p : lambda.params)
    bound.front().insert(p.name);
  NameSet free;
  collectFreeVars(lambda.body.get(), bound, free);

  // The cells of the free variables, from the creating function.
  SmallVector<Value> captures;
  for (const std::string &name : free) {
    Scope *s = findScope(scope, name, /*classVisible=*/false);
    if (!s || s->function != fn) {
      error(lambda.getLoc(), "internal error: MLIRGen cannot find '" + name +
                                 "' for the lambda to capture");
      return nullptr;
    }
    std::string slot = s->slots[name];
    if (!fn->freeVars.contains(slot))
      fn->cells.insert(slot);
    captures.push_back(dyn::LocalCellOp::create(builder, l, valueTy, slot));
  }

  // `f.<lambda>`, `Net.<lambda>` in a class body, `<lambda>` at module level.
  std::string prefix = fn->qualname;
  for (Scope *s = scope; s && s->function == fn; s = s->parent)
    if (s->kind == Scope::ClassScope) {
      prefix = s->className;
      break;
    }
  std::string qualname = prefix.empty() ? "<lambda>" : prefix + ".<lambda>";
  unsigned &count = lambdaCounts[qualname];
  std::string symbol = uniqueSymbol(qualname + "." + std::to_string(count++));
  std::vector<std::string> freeNames(free.begin(), free.end());
  {
    FunctionContextGuard guard(*this);
    Scope *outer = scope;
    FunctionState *state = beginFunction(symbol, qualname, lambda.params,
                                         freeNames, lambda.getLoc());
    scopes.push_back(std::make_unique<Scope>(Scope::LambdaScope, outer, state));
    scope = scopes.back().get();
    for (Param &p : lambda.params)
      scope->slots[p.name] = p.name;
    for (const std::string &name : freeNames)
      scope->slots[name] = name;
    Value result = genExpr(lambda.body.get());
    if (result)
      func::ReturnOp::create(builder, loc(lambda.body->getLoc()), result);
    finishFunction(*state, lambda.getRange().end);
  }
  return dyn::MakeFunctionOp::create(builder, l, valueTy, symbol, "<lambda>",
                                     defaults, indices, captures);
}

//===----------------------------------------------------------------------===//
// Comprehensions
//===----------------------------------------------------------------------===//

Value MLIRGen::genComprehension(Expr &e, std::vector<Comprehension> &gens,
                                Expr *elt, Expr *key, Expr *value) {
  Location l = loc(e.getLoc());
  std::string base = newTemp("$comp.", fn->numComps);
  // The first iterable is evaluated in the enclosing scope.
  Value first = genExpr(gens.front().iter.get());
  if (!first)
    return nullptr;
  Location iterLoc = loc(gens.front().iter->getLoc());
  storeLocal(base + ".iter0",
             dyn::GetIterOp::create(builder, iterLoc, valueTy, first), iterLoc);
  Value result =
      key ? dyn::MakeDictOp::create(builder, l, valueTy, ValueRange{})
                .getResult()
          : dyn::MakeListOp::create(builder, l, valueTy, ValueRange{})
                .getResult();
  storeLocal(base, result, l);

  scopes.push_back(std::make_unique<Scope>(Scope::CompScope, scope, fn));
  Scope *compScope = scopes.back().get();
  llvm::StringSet<> targets;
  for (Comprehension &c : gens)
    addTargetNames(c.target.get(), targets);
  for (auto &entry : targets)
    compScope->slots[entry.getKey()] = base + "." + entry.getKey().str();
  // The enclosing scope comes back however generation ends.
  struct RestoreScope {
    MLIRGen &gen;
    Scope *saved;
    ~RestoreScope() { gen.scope = saved; }
  } restore{*this, scope};
  scope = compScope;

  Block *done = newBlock();
  Block *exhausted = done; // Where the current clause goes when it ends.
  for (size_t i = 0; i < gens.size(); ++i) {
    Comprehension &c = gens[i];
    Location clauseLoc =
        loc(c.range.begin.isValid() ? c.range.begin : c.iter->getLoc());
    std::string iterSlot = base + ".iter" + std::to_string(i);
    std::string itemSlot = base + ".item" + std::to_string(i);
    if (i > 0) {
      Value iterable = genExpr(c.iter.get());
      if (!iterable)
        return nullptr;
      storeLocal(iterSlot,
                 dyn::GetIterOp::create(builder, loc(c.iter->getLoc()), valueTy,
                                        iterable),
                 clauseLoc);
    }
    Block *head = newBlock();
    Block *body = newBlock();
    branch(head, clauseLoc);
    enterBlock(head);
    auto next =
        dyn::IterNextOp::create(builder, clauseLoc, builder.getI1Type(),
                                valueTy, loadLocal(iterSlot, clauseLoc));
    storeLocal(itemSlot, next.getItem(), clauseLoc);
    cf::CondBranchOp::create(builder, clauseLoc, next.getHasItem(), body,
                             exhausted);
    markLoopBody(body);
    enterBlock(body);
    if (!assignTo(c.target.get(), nullptr, itemSlot))
      return nullptr;
    for (const ExprPtr &cond : c.ifs) {
      Block *pass = newBlock();
      genCondition(cond.get(), pass, head, loc(e.getLoc()));
      enterBlock(pass);
    }
    exhausted = head;
  }

  // The innermost clause adds one element and goes for the next item.
  if (key) {
    SmallVector<Value> values;
    if (!genOperands({key, value}, values))
      return nullptr;
    Value dict = loadLocal(base, l);
    dyn::SetItemOp::create(builder, l, dict, values[0], values[1]);
  } else {
    Value item = genExpr(elt);
    if (!item)
      return nullptr;
    Value list = loadLocal(base, l);
    dyn::ListAppendOp::create(builder, l, list, item);
  }
  branch(exhausted, l);
  enterBlock(done);
  return loadLocal(base, l);
}
