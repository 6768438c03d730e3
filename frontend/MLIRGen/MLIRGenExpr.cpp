//===- MLIRGenExpr.cpp - Expressions --------------------------------------===//
//
// Expressions evaluate left to right, as in CPython, into `!dyn.value`s of
// the current block. Names are read according to Sema's binding (a local
// slot, a global, a library row); `and`/`or`, `x if c else y` and chained
// comparisons branch and leave their result in a hidden local (`$t.N`)
// that the join block reloads, so their value is the operand itself, as in
// Python. Operands computed before a branching sub-expression are kept
// alive across it by genOperands / genExprKeeping.
//
//===----------------------------------------------------------------------===//

#include "MLIRGenImpl.h"

#include "janus/Frontend/Library.h"

using namespace janus;
using namespace janus::mlirgen;
using namespace mlir;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

Value MLIRGen::none(Location l) {
  return dyn::NoneOp::create(builder, l, valueTy);
}

Value MLIRGen::constantStr(llvm::StringRef s, Location l) {
  return dyn::ConstantOp::create(builder, l, valueTy, builder.getStringAttr(s));
}

Value MLIRGen::truth(Value v, Location l) {
  return dyn::TruthOp::create(builder, l, builder.getI1Type(), v);
}

bool MLIRGen::branches(Expr *e) {
  if (!e)
    return false;
  auto it = branchCache.find(e);
  if (it != branchCache.end())
    return it->second;
  bool result = false;
  switch (e->getKind()) {
  case Node::BoolOpKind:
  case Node::IfExpKind:
  case Node::ListCompKind:
  case Node::DictCompKind:
  case Node::GeneratorKind:
    result = true;
    break;
  case Node::LambdaKind:
    // The body is another function; only the defaults run here.
    for (Param &p : llvm::cast<LambdaExpr>(e)->params)
      result |= branches(p.defaultValue.get());
    break;
  case Node::CompareKind:
    result = llvm::cast<CompareExpr>(e)->ops.size() > 1;
    [[fallthrough]];
  default:
    forEachChild(*e, [&](Expr *child) { result = result || branches(child); });
    break;
  }
  branchCache[e] = result;
  return result;
}

Value MLIRGen::genExprKeeping(Expr *e, MutableArrayRef<Value> live) {
  if (live.empty() || !branches(e))
    return genExpr(e);
  Location l = loc(e->getLoc());
  SmallVector<std::string> slots;
  for (Value v : live)
    slots.push_back(spill(v, l));
  Value result = genExpr(e);
  if (!result)
    return nullptr;
  for (size_t i = 0; i < live.size(); ++i)
    live[i] = loadLocal(slots[i], l);
  return result;
}

bool MLIRGen::genOperands(ArrayRef<Expr *> exprs,
                          SmallVectorImpl<Value> &values) {
  // from[i]: whether evaluating exprs[i..] branches. A value that must
  // outlive a branching operand after it is spilled once and reloaded at
  // the end; `values` may start with operands evaluated already.
  SmallVector<bool> from(exprs.size() + 1, false);
  for (size_t i = exprs.size(); i-- > 0;)
    from[i] = from[i + 1] || branches(exprs[i]);
  SmallVector<std::string> slots(values.size());
  if (from[0])
    for (size_t i = 0; i < values.size(); ++i)
      slots[i] = spill(values[i], loc(exprs.front()->getLoc()));
  for (size_t i = 0; i < exprs.size(); ++i) {
    Value v = genExpr(exprs[i]);
    if (!v)
      return false;
    values.push_back(v);
    slots.push_back(from[i + 1] ? spill(v, loc(exprs[i]->getLoc())) : "");
  }
  if (!from[0])
    return true;
  Location l = loc(exprs.back()->getLoc());
  for (size_t i = 0; i < values.size(); ++i)
    if (!slots[i].empty())
      values[i] = loadLocal(slots[i], l);
  return true;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

dyn::BinaryKind janus::mlirgen::binaryKindOf(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return dyn::BinaryKind::Add;
  case BinaryOp::Sub:
    return dyn::BinaryKind::Sub;
  case BinaryOp::Mul:
    return dyn::BinaryKind::Mul;
  case BinaryOp::Div:
    return dyn::BinaryKind::Truediv;
  case BinaryOp::FloorDiv:
    return dyn::BinaryKind::Floordiv;
  case BinaryOp::Mod:
    return dyn::BinaryKind::Mod;
  case BinaryOp::Pow:
    return dyn::BinaryKind::Pow;
  case BinaryOp::MatMul:
    return dyn::BinaryKind::Matmul;
  }
  return dyn::BinaryKind::Add;
}

Value MLIRGen::genExpr(Expr *e) {
  Location l = loc(e->getLoc());
  switch (e->getKind()) {
  case Node::IntLitKind:
    return dyn::ConstantOp::create(
        builder, l, valueTy,
        builder.getI64IntegerAttr(llvm::cast<IntLit>(e)->value));
  case Node::FloatLitKind:
    return dyn::ConstantOp::create(
        builder, l, valueTy,
        builder.getF64FloatAttr(llvm::cast<FloatLit>(e)->value));
  case Node::BoolLitKind:
    return dyn::ConstantOp::create(
        builder, l, valueTy,
        builder.getBoolAttr(llvm::cast<BoolLit>(e)->value));
  case Node::NoneLitKind:
    return none(l);
  case Node::StrLitKind:
    return constantStr(llvm::cast<StrLit>(e)->value, l);
  case Node::EllipsisLitKind:
    return dyn::EllipsisOp::create(builder, l, valueTy);
  case Node::FStringKind:
    return genFString(*llvm::cast<FString>(e));
  case Node::NameKind:
    return genName(*llvm::cast<NameExpr>(e));
  case Node::AttributeKind:
    return genAttribute(*llvm::cast<AttributeExpr>(e));
  case Node::SubscriptKind: {
    auto *sub = llvm::cast<SubscriptExpr>(e);
    SmallVector<Value> values;
    if (!genOperands({sub->base.get(), sub->index.get()}, values))
      return nullptr;
    return dyn::GetItemOp::create(builder, l, valueTy, values[0], values[1]);
  }
  case Node::SliceKind: {
    // Absent parts are None; present ones are evaluated left to right.
    auto *slice = llvm::cast<SliceExpr>(e);
    Expr *parts[] = {slice->lower.get(), slice->upper.get(), slice->step.get()};
    SmallVector<Expr *> present;
    for (Expr *part : parts)
      if (part)
        present.push_back(part);
    SmallVector<Value> values;
    if (!genOperands(present, values))
      return nullptr;
    Value bounds[3];
    size_t next = 0;
    for (size_t i = 0; i < 3; ++i)
      bounds[i] = parts[i] ? values[next++] : none(l);
    return dyn::MakeSliceOp::create(builder, l, valueTy, bounds[0], bounds[1],
                                    bounds[2]);
  }
  case Node::CallKind:
    return genCall(*llvm::cast<CallExpr>(e));
  case Node::UnaryKind: {
    auto *unary = llvm::cast<UnaryExpr>(e);
    dyn::UnaryKind kind;
    switch (unary->op) {
    case UnaryOp::Neg:
      kind = dyn::UnaryKind::Neg;
      break;
    case UnaryOp::Pos:
      kind = dyn::UnaryKind::Pos;
      break;
    case UnaryOp::Not:
      kind = dyn::UnaryKind::Not;
      break;
    default:
      error(e->getLoc(), "MLIRGen cannot generate the operator '~'");
      return nullptr;
    }
    Value operand = genExpr(unary->operand.get());
    if (!operand)
      return nullptr;
    return dyn::UnaryOp::create(builder, l, valueTy, kind, operand);
  }
  case Node::BinaryKind: {
    auto *binary = llvm::cast<BinaryExpr>(e);
    SmallVector<Value> values;
    if (!genOperands({binary->lhs.get(), binary->rhs.get()}, values))
      return nullptr;
    // At the expression's start, where CPython 3.11 reports an error.
    return dyn::BinaryOp::create(builder, l, valueTy,
                                 binaryKindOf(binary->op),
                                 /*inplace=*/false, values[0], values[1]);
  }
  case Node::BoolOpKind:
    return genBoolOp(*llvm::cast<BoolOpExpr>(e));
  case Node::CompareKind:
    return genCompare(*llvm::cast<CompareExpr>(e));
  case Node::IfExpKind:
    return genIfExp(*llvm::cast<IfExpExpr>(e));
  case Node::LambdaKind:
    return genLambda(*llvm::cast<LambdaExpr>(e));
  case Node::ListKind:
  case Node::TupleKind:
  case Node::DictKind:
    return genContainer(*e);
  case Node::ListCompKind: {
    auto *comp = llvm::cast<ListCompExpr>(e);
    return genComprehension(*e, comp->generators, comp->elt.get(), nullptr,
                            nullptr);
  }
  case Node::DictCompKind: {
    auto *comp = llvm::cast<DictCompExpr>(e);
    return genComprehension(*e, comp->generators, nullptr, comp->key.get(),
                            comp->value.get());
  }
  case Node::GeneratorKind: {
    // Only the sole argument of sum/any/all/min/max/list/tuple/sorted
    // (Sema): built as a list, which the builtin then consumes.
    auto *gen = llvm::cast<GeneratorExpr>(e);
    return genComprehension(*e, gen->generators, gen->elt.get(), nullptr,
                            nullptr);
  }
  default:
    error(e->getLoc(), "MLIRGen cannot generate this expression");
    return nullptr;
  }
}

Value MLIRGen::genName(NameExpr &n) {
  Location l = loc(n.getLoc());
  switch (n.binding) {
  case NameBinding::Local:
  case NameBinding::Enclosing: {
    std::string slot = slotOf(n);
    if (slot.empty())
      return nullptr;
    return loadLocal(slot, l);
  }
  case NameBinding::Global:
    declareGlobal(n.name, n.getLoc());
    return dyn::LoadGlobalOp::create(builder, l, valueTy, n.name);
  case NameBinding::Builtin:
    if (n.name == "__name__") {
      declareGlobal(n.name, n.getLoc());
      return dyn::LoadGlobalOp::create(builder, l, valueTy, n.name);
    }
    if (!n.qualifiedName.empty())
      return dyn::LibraryValueOp::create(builder, l, valueTy, n.qualifiedName);
    error(n.getLoc(), "'" + n.name +
                          "' cannot be used as a value in Janus "
                          "Python");
    return nullptr;
  case NameBinding::Library:
    return dyn::LibraryValueOp::create(builder, l, valueTy, n.qualifiedName);
  case NameBinding::Module:
    error(n.getLoc(), "module '" + n.qualifiedName +
                          "' cannot be used as a value in Janus Python; use "
                          "its functions, classes and constants directly "
                          "(e.g. '" +
                          n.name + ".name')");
    return nullptr;
  case NameBinding::Unresolved:
    break;
  }
  error(n.getLoc(),
        "internal error: name '" + n.name + "' was not resolved by Sema");
  return nullptr;
}

Value MLIRGen::genAttribute(AttributeExpr &a) {
  Location l = loc(a.attrLoc.isValid() ? a.attrLoc : a.getLoc());
  if (!a.qualifiedName.empty()) {
    if (Library::lookupModule(a.qualifiedName)) {
      error(a.getLoc(), "module '" + a.qualifiedName +
                            "' cannot be used as a value in Janus Python; "
                            "use its functions, classes and constants "
                            "directly");
      return nullptr;
    }
    return dyn::LibraryValueOp::create(builder, l, valueTy, a.qualifiedName);
  }
  Value object = genExpr(a.base.get());
  if (!object)
    return nullptr;
  // At the expression's start (`p` of `p.z`), where CPython 3.11 reports an
  // AttributeError.
  return dyn::GetAttrOp::create(builder, loc(a.getLoc()), valueTy, object,
                                a.attr);
}

//===----------------------------------------------------------------------===//
// Operators with control flow
//===----------------------------------------------------------------------===//

Value MLIRGen::genBoolOp(BoolOpExpr &e) {
  // `a and b` is `a` when a is false, else `b`: the result is an operand.
  Location l = loc(e.getLoc());
  std::string slot = newTemp("$t.", fn->numTemps);
  Block *end = newBlock();
  for (size_t i = 0; i < e.values.size(); ++i) {
    Expr *operand = e.values[i].get();
    Value v = genExpr(operand);
    if (!v)
      return nullptr;
    Location opLoc = loc(operand->getLoc());
    storeLocal(slot, v, opLoc);
    if (i + 1 == e.values.size()) {
      branch(end, opLoc);
      break;
    }
    Block *next = newBlock();
    // CPython reports a failing truth test of an operand at the whole
    // `and`/`or` expression.
    Value t = truth(v, l);
    if (e.op == BoolOp::And)
      cf::CondBranchOp::create(builder, l, t, next, end);
    else
      cf::CondBranchOp::create(builder, l, t, end, next);
    enterBlock(next);
  }
  enterBlock(end);
  return loadLocal(slot, l);
}

static dyn::CompareKind compareKind(CmpOp op) {
  switch (op) {
  case CmpOp::Eq:
    return dyn::CompareKind::Eq;
  case CmpOp::NotEq:
    return dyn::CompareKind::Ne;
  case CmpOp::Lt:
    return dyn::CompareKind::Lt;
  case CmpOp::LtE:
    return dyn::CompareKind::Le;
  case CmpOp::Gt:
    return dyn::CompareKind::Gt;
  case CmpOp::GtE:
    return dyn::CompareKind::Ge;
  case CmpOp::In:
    return dyn::CompareKind::In;
  case CmpOp::NotIn:
  default:
    return dyn::CompareKind::NotIn;
  }
}

Value MLIRGen::genCompareStep(CmpOp op, Value lhs, Value rhs, Location l) {
  if (op == CmpOp::Is || op == CmpOp::IsNot) {
    Value same = dyn::IsOp::create(builder, l, builder.getI1Type(), lhs, rhs);
    Value boxed = dyn::FromBoolOp::create(builder, l, valueTy, same);
    if (op == CmpOp::Is)
      return boxed;
    return dyn::UnaryOp::create(builder, l, valueTy, dyn::UnaryKind::Not,
                                boxed);
  }
  return dyn::CompareOp::create(builder, l, valueTy, compareKind(op), lhs, rhs);
}

Value MLIRGen::genCompare(CompareExpr &e) {
  Location l = loc(e.getLoc());
  if (e.ops.size() == 1) {
    SmallVector<Value> values;
    if (!genOperands({e.left.get(), e.comparators[0].get()}, values))
      return nullptr;
    return genCompareStep(e.ops[0], values[0], values[1], l);
  }
  // `a < b < c`: b is evaluated once and kept for the second comparison,
  // which runs only when the first result is true; the value is the first
  // false result or the last one.
  std::string result = newTemp("$t.", fn->numTemps);
  Block *end = newBlock();
  Value lhs = genExpr(e.left.get());
  if (!lhs)
    return nullptr;
  for (size_t i = 0; i < e.ops.size(); ++i) {
    Expr *rhsExpr = e.comparators[i].get();
    SmallVector<Value> live{lhs};
    Value rhs = genExprKeeping(rhsExpr, live);
    if (!rhs)
      return nullptr;
    bool last = i + 1 == e.ops.size();
    std::string rhsSlot = last ? "" : spill(rhs, loc(rhsExpr->getLoc()));
    Value r = genCompareStep(e.ops[i], live[0], rhs, l);
    storeLocal(result, r, l);
    if (last) {
      branch(end, l);
      break;
    }
    Block *next = newBlock();
    cf::CondBranchOp::create(builder, l, truth(r, l), next, end);
    enterBlock(next);
    lhs = loadLocal(rhsSlot, loc(rhsExpr->getLoc()));
  }
  enterBlock(end);
  return loadLocal(result, l);
}

Value MLIRGen::genIfExp(IfExpExpr &e) {
  Location l = loc(e.getLoc());
  std::string slot = newTemp("$t.", fn->numTemps);
  Block *thenBlock = newBlock();
  Block *elseBlock = newBlock();
  Block *end = newBlock();
  genCondition(e.test.get(), thenBlock, elseBlock, l);
  enterBlock(thenBlock);
  Value body = genExpr(e.body.get());
  if (!body)
    return nullptr;
  storeLocal(slot, body, loc(e.body->getLoc()));
  branch(end, l);
  enterBlock(elseBlock);
  Value orelse = genExpr(e.orelse.get());
  if (!orelse)
    return nullptr;
  storeLocal(slot, orelse, loc(e.orelse->getLoc()));
  branch(end, l);
  enterBlock(end);
  return loadLocal(slot, l);
}
