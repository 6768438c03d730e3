//===- AST.cpp - Operator spellings and child traversal for the AST -------===//
//
// The Python spelling of each operator enum, shared by the AST printer and by
// diagnostics that quote an operator, and forEachChild, the one place that
// knows which sub-expressions each expression node has.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/AST.h"

namespace janus {

const char *spelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Neg:
    return "-";
  case UnaryOp::Pos:
    return "+";
  case UnaryOp::Not:
    return "not";
  case UnaryOp::Invert:
    return "~";
  }
  return "?";
}

const char *spelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::FloorDiv:
    return "//";
  case BinaryOp::Mod:
    return "%";
  case BinaryOp::Pow:
    return "**";
  case BinaryOp::MatMul:
    return "@";
  }
  return "?";
}

const char *spelling(BoolOp op) { return op == BoolOp::And ? "and" : "or"; }

const char *spelling(CmpOp op) {
  switch (op) {
  case CmpOp::Eq:
    return "==";
  case CmpOp::NotEq:
    return "!=";
  case CmpOp::Lt:
    return "<";
  case CmpOp::LtE:
    return "<=";
  case CmpOp::Gt:
    return ">";
  case CmpOp::GtE:
    return ">=";
  case CmpOp::Is:
    return "is";
  case CmpOp::IsNot:
    return "is not";
  case CmpOp::In:
    return "in";
  case CmpOp::NotIn:
    return "not in";
  }
  return "?";
}

void forEachChild(Expr &e, llvm::function_ref<void(Expr *)> fn) {
  auto all = [&](ExprList &list) {
    for (ExprPtr &x : list)
      fn(x.get());
  };
  auto generators = [&](std::vector<Comprehension> &gens) {
    for (Comprehension &c : gens) {
      fn(c.target.get());
      fn(c.iter.get());
      all(c.ifs);
    }
  };
  switch (e.getKind()) {
  case Node::FStringKind:
    for (FString::Part &p : llvm::cast<FString>(e).parts)
      if (p.expr)
        fn(p.expr.get());
    return;
  case Node::AttributeKind:
    fn(llvm::cast<AttributeExpr>(e).base.get());
    return;
  case Node::SubscriptKind:
    fn(llvm::cast<SubscriptExpr>(e).base.get());
    fn(llvm::cast<SubscriptExpr>(e).index.get());
    return;
  case Node::SliceKind: {
    auto &slice = llvm::cast<SliceExpr>(e);
    for (Expr *part : {slice.lower.get(), slice.upper.get(), slice.step.get()})
      if (part)
        fn(part);
    return;
  }
  case Node::CallKind: {
    auto &call = llvm::cast<CallExpr>(e);
    fn(call.callee.get());
    all(call.args);
    for (Keyword &k : call.keywords)
      fn(k.value.get());
    return;
  }
  case Node::UnaryKind:
    fn(llvm::cast<UnaryExpr>(e).operand.get());
    return;
  case Node::BinaryKind:
    fn(llvm::cast<BinaryExpr>(e).lhs.get());
    fn(llvm::cast<BinaryExpr>(e).rhs.get());
    return;
  case Node::BoolOpKind:
    all(llvm::cast<BoolOpExpr>(e).values);
    return;
  case Node::CompareKind:
    fn(llvm::cast<CompareExpr>(e).left.get());
    all(llvm::cast<CompareExpr>(e).comparators);
    return;
  case Node::IfExpKind: {
    auto &ifexp = llvm::cast<IfExpExpr>(e);
    fn(ifexp.body.get());
    fn(ifexp.test.get());
    fn(ifexp.orelse.get());
    return;
  }
  case Node::LambdaKind: {
    auto &lambda = llvm::cast<LambdaExpr>(e);
    for (Param &p : lambda.params)
      if (p.defaultValue)
        fn(p.defaultValue.get());
    fn(lambda.body.get());
    return;
  }
  case Node::ListKind:
    all(llvm::cast<ListExpr>(e).elts);
    return;
  case Node::TupleKind:
    all(llvm::cast<TupleExpr>(e).elts);
    return;
  case Node::DictKind: {
    auto &dict = llvm::cast<DictExpr>(e);
    for (size_t i = 0; i < dict.keys.size(); ++i) {
      fn(dict.keys[i].get());
      if (i < dict.values.size())
        fn(dict.values[i].get());
    }
    return;
  }
  case Node::ListCompKind:
    fn(llvm::cast<ListCompExpr>(e).elt.get());
    generators(llvm::cast<ListCompExpr>(e).generators);
    return;
  case Node::DictCompKind:
    fn(llvm::cast<DictCompExpr>(e).key.get());
    fn(llvm::cast<DictCompExpr>(e).value.get());
    generators(llvm::cast<DictCompExpr>(e).generators);
    return;
  case Node::GeneratorKind:
    fn(llvm::cast<GeneratorExpr>(e).elt.get());
    generators(llvm::cast<GeneratorExpr>(e).generators);
    return;
  default:
    return;
  }
}

} // namespace janus
