//===- MLIRGenStmt.cpp - Statements and their control flow ----------------===//
//
// Statements become dyn ops in an unstructured CFG. `if`/`while`/`for`,
// `assert` and the jumps of `break`/`continue`/`return` are cf.br /
// cf.cond_br between blocks placed in source order; conditions branch on
// dyn.truth (or directly on dyn.is), with `and`/`or`/`not` and chained
// comparisons evaluated by jumps as CPython does, so each operand's truth
// is tested once. A `for` keeps its iterator in `$for.N` and hands each
// item to the body through `$for.N.item`, since no `!dyn.value` crosses a
// block. `with torch.no_grad():` keeps its context manager in `$with.N`
// and calls dyn.exit on every edge that leaves the body.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenImpl.h"

using namespace janus;
using namespace janus::mlirgen;
using namespace mlir;

//===----------------------------------------------------------------------===//
// CFG helpers
//===----------------------------------------------------------------------===//

Block *MLIRGen::newBlock() {
  auto *block = new Block();
  fn->pending.push_back(block);
  return block;
}

void MLIRGen::enterBlock(Block *block) {
  fn->op.getBody().push_back(block);
  builder.setInsertionPointToEnd(block);
}

void MLIRGen::branch(Block *dest, Location l) {
  cf::BranchOp::create(builder, l, dest);
}

void MLIRGen::startDeadBlock() { enterBlock(newBlock()); }

void MLIRGen::markLoopBody(Block *body) {
  for (Block *pred : body->getPredecessors()) {
    Operation *terminator = pred->getTerminator();
    for (unsigned i = 0, e = terminator->getNumSuccessors(); i < e; ++i)
      if (terminator->getSuccessor(i) == body)
        terminator->setAttr("dyn.loop_body", builder.getI32IntegerAttr(i));
  }
}

void MLIRGen::exitWiths(size_t depth, Location l) {
  for (size_t i = fn->withSlots.size(); i > depth; --i) {
    Value context = loadLocal(fn->withSlots[i - 1], l);
    dyn::ExitOp::create(builder, l, context);
  }
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void MLIRGen::genStmts(const StmtList &body) {
  for (const StmtPtr &s : body)
    genStmt(*s);
}

/// A literal statement (a docstring, `...`) has no effect.
static bool isLiteral(const Expr &e) {
  switch (e.getKind()) {
  case Node::IntLitKind:
  case Node::FloatLitKind:
  case Node::BoolLitKind:
  case Node::NoneLitKind:
  case Node::StrLitKind:
  case Node::EllipsisLitKind:
    return true;
  default:
    return false;
  }
}

void MLIRGen::genStmt(Stmt &s) {
  stmtLoc = s.getLoc();
  switch (s.getKind()) {
  case Node::ExprStmtKind: {
    Expr &value = *llvm::cast<ExprStmt>(s).value;
    if (!isLiteral(value))
      (void)genExpr(&value);
    return;
  }
  case Node::AssignKind:
    return genAssign(llvm::cast<AssignStmt>(s));
  case Node::AugAssignKind:
    return genAugAssign(llvm::cast<AugAssignStmt>(s));
  case Node::ReturnKind:
    return genReturn(llvm::cast<ReturnStmt>(s));
  case Node::PassKind:
  case Node::ImportKind:
  case Node::ImportFromKind:
    return; // Imports are resolved at compile time by Sema.
  case Node::BreakKind:
    return genLoopJump(s, /*isBreak=*/true);
  case Node::ContinueKind:
    return genLoopJump(s, /*isBreak=*/false);
  case Node::IfKind:
    return genIf(llvm::cast<IfStmt>(s));
  case Node::WhileKind:
    return genWhile(llvm::cast<WhileStmt>(s));
  case Node::ForKind:
    return genFor(llvm::cast<ForStmt>(s));
  case Node::GlobalKind:
    for (const std::string &name : llvm::cast<GlobalStmt>(s).names)
      declareGlobal(name, s.getLoc());
    return;
  case Node::AssertKind:
    return genAssert(llvm::cast<AssertStmt>(s));
  case Node::DelKind:
    return genDel(llvm::cast<DelStmt>(s));
  case Node::WithKind:
    return genWith(llvm::cast<WithStmt>(s));
  case Node::FunctionDefKind: {
    auto &def = llvm::cast<FunctionDef>(s);
    if (scope->kind != Scope::ModuleScope)
      return error(s.getLoc(), "MLIRGen cannot generate a nested 'def'");
    Value f = genFunctionDef(def, def.name);
    if (!f)
      return;
    declareGlobal(def.name, def.nameLoc);
    dyn::StoreGlobalOp::create(builder, loc(def.getLoc()), def.name, f);
    return;
  }
  case Node::ClassDefKind:
    if (scope->kind != Scope::ModuleScope)
      return error(s.getLoc(), "MLIRGen cannot generate a nested 'class'");
    return genClassDef(llvm::cast<ClassDef>(s));
  default:
    return error(s.getLoc(), "MLIRGen cannot generate this statement");
  }
}

void MLIRGen::genAssign(AssignStmt &s) {
  Value value = genExpr(s.value.get());
  if (!value)
    return;
  // `a = b[i if c else j] = v`: the value must outlive the targets' blocks.
  bool spilled =
      s.targets.size() > 1 && llvm::any_of(s.targets, [&](const ExprPtr &t) {
        return branches(t.get());
      });
  std::string slot = spilled ? spill(value, loc(s.value->getLoc())) : "";
  for (const ExprPtr &t : s.targets)
    if (!assignTo(t.get(), value, slot))
      return;
}

bool MLIRGen::assignTo(Expr *target, Value value, llvm::StringRef slot) {
  Location l = loc(target->getLoc());
  std::string kept = slot.str();
  // The value, read from its slot where it is kept there.
  auto get = [&]() { return kept.empty() ? value : loadLocal(kept, l); };
  auto keep = [&]() {
    if (kept.empty())
      kept = spill(value, l);
  };
  if (auto *name = llvm::dyn_cast<NameExpr>(target))
    return storeName(*name, get());
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(target)) {
    if (branches(attr->base.get()))
      keep();
    Value object = genExpr(attr->base.get());
    if (!object)
      return false;
    dyn::SetAttrOp::create(builder, loc(attr->attrLoc), object, attr->attr,
                           get());
    return true;
  }
  if (auto *sub = llvm::dyn_cast<SubscriptExpr>(target)) {
    if (branches(target))
      keep();
    SmallVector<Value> values;
    if (!genOperands({sub->base.get(), sub->index.get()}, values))
      return false;
    dyn::SetItemOp::create(builder, l, values[0], values[1], get());
    return true;
  }
  ExprList *elts = nullptr;
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(target))
    elts = &tuple->elts;
  else if (auto *list = llvm::dyn_cast<ListExpr>(target))
    elts = &list->elts;
  if (!elts) {
    error(target->getLoc(), "MLIRGen cannot assign to this target");
    return false;
  }
  if (elts->empty()) {
    // dyn.unpack with no results does not survive printing and parsing.
    error(target->getLoc(), "assigning to an empty tuple or list is not "
                            "supported in Janus Python; check that the "
                            "sequence is empty with 'len' instead");
    return false;
  }
  SmallVector<Type> types(elts->size(), valueTy);
  auto unpack = dyn::UnpackOp::create(builder, l, types, get());
  // Items are kept in slots when binding an earlier one branches.
  bool spilled = branches(target);
  SmallVector<std::string> slots;
  for (Value item : unpack.getResults())
    slots.push_back(spilled ? spill(item, l) : "");
  for (size_t i = 0; i < elts->size(); ++i)
    if (!assignTo((*elts)[i].get(), unpack.getResult(i), slots[i]))
      return false;
  return true;
}

void MLIRGen::genAugAssign(AugAssignStmt &s) {
  // The target's object and index are evaluated once: read, operate in
  // place (`__iadd__` ...), write back, as CPython does.
  Location l = loc(s.getLoc());
  Expr *target = s.target.get();
  auto inplace = [&](Value old, Value rhs) {
    return dyn::BinaryOp::create(builder, l, valueTy, binaryKindOf(s.op),
                                 /*inplace=*/true, old, rhs)
        .getResult();
  };
  if (auto *name = llvm::dyn_cast<NameExpr>(target)) {
    SmallVector<Value> live{genName(*name)};
    if (!live[0])
      return;
    Value rhs = genExprKeeping(s.value.get(), live);
    if (rhs)
      (void)storeName(*name, inplace(live[0], rhs));
    return;
  }
  if (auto *attr = llvm::dyn_cast<AttributeExpr>(target)) {
    Value object = genExpr(attr->base.get());
    if (!object)
      return;
    Value old = dyn::GetAttrOp::create(builder, loc(attr->attrLoc), valueTy,
                                       object, attr->attr);
    SmallVector<Value> live{object, old};
    Value rhs = genExprKeeping(s.value.get(), live);
    if (rhs)
      dyn::SetAttrOp::create(builder, loc(attr->attrLoc), live[0], attr->attr,
                             inplace(live[1], rhs));
    return;
  }
  if (auto *sub = llvm::dyn_cast<SubscriptExpr>(target)) {
    SmallVector<Value> live{genExpr(sub->base.get())};
    if (!live[0])
      return;
    Value key = genExprKeeping(sub->index.get(), live);
    if (!key)
      return;
    live.push_back(key);
    Location subLoc = loc(sub->getLoc());
    live.push_back(
        dyn::GetItemOp::create(builder, subLoc, valueTy, live[0], key));
    Value rhs = genExprKeeping(s.value.get(), live);
    if (rhs)
      dyn::SetItemOp::create(builder, subLoc, live[0], live[1],
                             inplace(live[2], rhs));
    return;
  }
  error(target->getLoc(), "MLIRGen cannot generate this augmented assignment");
}

void MLIRGen::genReturn(ReturnStmt &s) {
  Location l = loc(s.getLoc());
  Value value = s.value ? genExpr(s.value.get()) : none(l);
  if (!value)
    return;
  exitWiths(0, l);
  func::ReturnOp::create(builder, l, value);
  startDeadBlock();
}

void MLIRGen::genLoopJump(Stmt &s, bool isBreak) {
  if (fn->loops.empty())
    return error(s.getLoc(), isBreak ? "'break' outside loop"
                                     : "'continue' not properly in loop");
  LoopTargets &loop = fn->loops.back();
  Location l = loc(s.getLoc());
  exitWiths(loop.withDepth, l);
  branch(isBreak ? loop.breakBlock : loop.continueBlock, l);
  startDeadBlock();
}

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

void MLIRGen::genIf(IfStmt &s) {
  Block *thenBlock = newBlock();
  Block *end = newBlock();
  Block *elseBlock = s.orelse.empty() ? end : newBlock();
  genCondition(s.test.get(), thenBlock, elseBlock, loc(s.getLoc()));
  enterBlock(thenBlock);
  genStmts(s.body);
  branch(end, loc(s.getLoc()));
  if (elseBlock != end) {
    enterBlock(elseBlock);
    genStmts(s.orelse);
    branch(end, loc(s.getLoc()));
  }
  enterBlock(end);
}

void MLIRGen::genWhile(WhileStmt &s) {
  Location l = loc(s.getLoc());
  // `while True:` has no test block: the body is the loop head.
  auto *lit = llvm::dyn_cast<BoolLit>(s.test.get());
  bool forever = lit && lit->value;
  Block *body = newBlock();
  Block *cond = forever ? body : newBlock();
  Block *exit = newBlock();
  branch(cond, l);
  if (!forever) {
    enterBlock(cond);
    genCondition(s.test.get(), body, exit, l);
    markLoopBody(body);
  }
  enterBlock(body);
  fn->loops.push_back({cond, exit, fn->withSlots.size()});
  genStmts(s.body);
  fn->loops.pop_back();
  branch(cond, l);
  enterBlock(exit);
}

void MLIRGen::genFor(ForStmt &s) {
  Location l = loc(s.getLoc());
  Value iterable = genExpr(s.iter.get());
  if (!iterable)
    return;
  Value iterator =
      dyn::GetIterOp::create(builder, loc(s.iter->getLoc()), valueTy, iterable);
  std::string slot = newTemp("$for.", fn->numFors);
  std::string itemSlot = slot + ".item";
  storeLocal(slot, iterator, l);
  Block *head = newBlock();
  Block *body = newBlock();
  Block *exit = newBlock();
  branch(head, l);

  // head: fetch the next item; the body binds it to the target.
  enterBlock(head);
  auto next = dyn::IterNextOp::create(builder, l, builder.getI1Type(), valueTy,
                                      loadLocal(slot, l));
  storeLocal(itemSlot, next.getItem(), l);
  cf::CondBranchOp::create(builder, l, next.getHasItem(), body, exit);
  markLoopBody(body);

  enterBlock(body);
  stmtLoc = s.getLoc();
  if (!assignTo(s.target.get(), nullptr, itemSlot))
    return;
  fn->loops.push_back({head, exit, fn->withSlots.size()});
  genStmts(s.body);
  fn->loops.pop_back();
  branch(head, l);
  enterBlock(exit);
}

void MLIRGen::genAssert(AssertStmt &s) {
  Block *fail = newBlock();
  Block *ok = newBlock();
  genCondition(s.test.get(), ok, fail, loc(s.getLoc()));
  // The message is evaluated only when the test fails.
  enterBlock(fail);
  stmtLoc = s.getLoc();
  Value message;
  if (s.msg && !(message = genExpr(s.msg.get())))
    return;
  // At the test, where CPython 3.11 reports an AssertionError.
  dyn::AssertFailOp::create(builder, loc(s.test->getLoc()), message);
  enterBlock(ok);
}

void MLIRGen::genDel(DelStmt &s) {
  for (const ExprPtr &t : s.targets) {
    if (auto *name = llvm::dyn_cast<NameExpr>(t.get())) {
      delName(*name);
    } else if (auto *sub = llvm::dyn_cast<SubscriptExpr>(t.get())) {
      SmallVector<Value> live{genExpr(sub->base.get())};
      if (!live[0])
        return;
      Value key = genExprKeeping(sub->index.get(), live);
      if (!key)
        return;
      dyn::DelItemOp::create(builder, loc(sub->getLoc()), live[0], key);
    } else {
      return error(t->getLoc(), "MLIRGen cannot delete this target");
    }
  }
}

void MLIRGen::genWith(WithStmt &s) {
  Location l = loc(s.getLoc());
  Value context = genExpr(s.context.get());
  if (!context)
    return;
  std::string slot = newTemp("$with.", fn->numWiths);
  Value entered = dyn::EnterOp::create(builder, l, valueTy, context);
  storeLocal(slot, context, l);
  if (s.target && !assignTo(s.target.get(), entered))
    return;
  fn->withSlots.push_back(slot);
  genStmts(s.body);
  fn->withSlots.pop_back();
  Value reloaded = loadLocal(slot, l);
  dyn::ExitOp::create(builder, l, reloaded);
}

//===----------------------------------------------------------------------===//
// Conditions
//===----------------------------------------------------------------------===//

void MLIRGen::genCondition(Expr *e, Block *ifTrue, Block *ifFalse,
                           Location contextLoc) {
  std::optional<Location> saved = conditionJumpLoc;
  conditionJumpLoc = contextLoc;
  genConditionPart(e, ifTrue, ifFalse);
  conditionJumpLoc = saved;
}

void MLIRGen::genConditionPart(Expr *e, Block *ifTrue, Block *ifFalse) {
  Location l = loc(e->getLoc());
  if (auto *lit = llvm::dyn_cast<BoolLit>(e)) {
    // `while True:` needs no test.
    branch(lit->value ? ifTrue : ifFalse, l);
    return;
  }
  if (auto *unary = llvm::dyn_cast<UnaryExpr>(e);
      unary && unary->op == UnaryOp::Not)
    return genConditionPart(unary->operand.get(), ifFalse, ifTrue);
  if (auto *boolOp = llvm::dyn_cast<BoolOpExpr>(e)) {
    bool isAnd = boolOp->op == BoolOp::And;
    for (size_t i = 0; i + 1 < boolOp->values.size(); ++i) {
      Block *next = newBlock();
      genConditionPart(boolOp->values[i].get(), isAnd ? next : ifTrue,
                   isAnd ? ifFalse : next);
      enterBlock(next);
    }
    return genConditionPart(boolOp->values.back().get(), ifTrue, ifFalse);
  }
  if (auto *cmp = llvm::dyn_cast<CompareExpr>(e)) {
    // Each operand is evaluated once; a middle one is kept in `$t.N` for
    // the next comparison's block. From here on, truth tests of this
    // condition report the comparison's location (see genCondition).
    conditionJumpLoc = l;
    Value lhs = genExpr(cmp->left.get());
    if (!lhs)
      return;
    for (size_t i = 0; i < cmp->ops.size(); ++i) {
      Expr *rhsExpr = cmp->comparators[i].get();
      SmallVector<Value> live{lhs};
      Value rhs = genExprKeeping(rhsExpr, live);
      if (!rhs)
        return;
      bool last = i + 1 == cmp->ops.size();
      std::string rhsSlot = last ? "" : spill(rhs, loc(rhsExpr->getLoc()));
      Block *next = last ? ifTrue : newBlock();
      CmpOp op = cmp->ops[i];
      if (op == CmpOp::Is || op == CmpOp::IsNot) {
        Value same =
            dyn::IsOp::create(builder, l, builder.getI1Type(), live[0], rhs);
        if (op == CmpOp::Is)
          cf::CondBranchOp::create(builder, l, same, next, ifFalse);
        else
          cf::CondBranchOp::create(builder, l, same, ifFalse, next);
      } else {
        Value result = genCompareStep(op, live[0], rhs, l);
        cf::CondBranchOp::create(builder, l, truth(result, l), next, ifFalse);
      }
      if (last)
        return;
      enterBlock(next);
      lhs = loadLocal(rhsSlot, loc(rhsExpr->getLoc()));
    }
    return;
  }
  Value v = genExpr(e);
  if (!v)
    return;
  Location jump = conditionJumpLoc.value_or(l);
  cf::CondBranchOp::create(builder, jump, truth(v, jump), ifTrue, ifFalse);
}
