//===- ASTBuilder.cpp - Entry points, locations and diagnostics -----------===//
//
// The parts of ASTBuilder shared by the statement, expression and literal
// builders: the module and f-string-field entry points, the mapping from
// JanusTokens (which carry byte offsets) to SourceLocs and SourceRanges, the
// AST depth limit, and the checks of assignment targets.
//
//===----------------------------------------------------------------------===//

#include "ASTBuilder.h"

using janus::grammar::JanusParser;

namespace janus {

std::unique_ptr<Module> ASTBuilder::buildModule(P::File_inputContext *ctx) {
  auto module = std::make_unique<Module>();
  module->fileName = session.diags.fileName();
  for (P::StmtContext *stmt : ctx->stmt())
    buildStmt(stmt, module->body);
  return module;
}

ExprPtr ASTBuilder::buildFieldExpr(P::Fstring_exprContext *ctx) {
  return buildTestlistStar(ctx->testlist_star_expr());
}

static const JanusToken *asJanus(antlr4::Token *tok) {
  return dynamic_cast<const JanusToken *>(tok);
}

SourceLoc ASTBuilder::beginOf(antlr4::Token *tok) const {
  if (const JanusToken *jt = asJanus(tok))
    return locOf(jt->byteBegin);
  return SourceLoc();
}

SourceLoc ASTBuilder::endOf(antlr4::Token *tok) const {
  if (const JanusToken *jt = asJanus(tok))
    return locOf(jt->byteEnd);
  return SourceLoc();
}

static bool isLayoutToken(antlr4::Token *tok) {
  size_t type = tok->getType();
  return type == JanusParser::NEWLINE || type == JanusParser::INDENT ||
         type == JanusParser::DEDENT || type == antlr4::Token::EOF;
}

SourceRange ASTBuilder::rangeOf(antlr4::ParserRuleContext *ctx) const {
  antlr4::Token *first = ctx->getStart();
  antlr4::Token *last = ctx->getStop();
  // An empty match has its stop token before its start token.
  if (!last || last->getTokenIndex() < first->getTokenIndex())
    last = first;
  // A compound statement ends with the NEWLINE/DEDENT of its block; its
  // range ends with the last token of its last statement instead.
  size_t index = last->getTokenIndex();
  while (isLayoutToken(last) && index > first->getTokenIndex() &&
         index != INVALID_INDEX) {
    --index;
    last = tokens.get(index);
  }
  return SourceRange(beginOf(first), endOf(last));
}

bool ASTBuilder::countFold(antlr4::Token *tok) {
  // CPython gives up on such statements too ("too complex" or a
  // RecursionError); no real program comes close.
  constexpr unsigned maxFoldSteps = 2000;
  if (++session.foldSteps <= maxFoldSteps)
    return true;
  if (session.foldSteps == maxFoldSteps + 1)
    error(tok, "statement is too complex (more than " +
                   std::to_string(maxFoldSteps) +
                   " chained operators, calls or subscripts); split it into "
                   "several statements");
  return false;
}

void ASTBuilder::error(SourceLoc loc, const std::string &message) {
  session.diags.error(loc, message);
}

ExprPtr ASTBuilder::unsupported(antlr4::Token *tok, const std::string &message,
                                SourceRange range) {
  error(tok, message);
  return std::make_unique<NoneLit>(range);
}

//===----------------------------------------------------------------------===//
// Assignment, augmented assignment, del, for, with and comprehension targets
//===----------------------------------------------------------------------===//

/// How CPython names an expression that cannot be a target.
static const char *describeForTarget(const Expr &e) {
  switch (e.getKind()) {
  case Node::CallKind:
    return "function call";
  case Node::IntLitKind:
  case Node::FloatLitKind:
  case Node::StrLitKind:
    return "literal";
  case Node::FStringKind:
    return "f-string expression";
  case Node::NoneLitKind:
    return "None";
  case Node::EllipsisLitKind:
    return "ellipsis";
  case Node::BoolLitKind:
    return llvm::cast<BoolLit>(e).value ? "True" : "False";
  case Node::CompareKind:
    return "comparison";
  case Node::IfExpKind:
    return "conditional expression";
  case Node::LambdaKind:
    return "lambda";
  case Node::ListCompKind:
    return "list comprehension";
  case Node::DictCompKind:
    return "dict comprehension";
  case Node::GeneratorKind:
    return "generator expression";
  case Node::DictKind:
    return "dict literal";
  case Node::TupleKind:
    return "tuple";
  case Node::ListKind:
    return "list";
  case Node::SliceKind:
    return "slice";
  default:
    return "expression";
  }
}

bool ASTBuilder::checkTarget(const Expr &e, TargetKind kind) {
  switch (e.getKind()) {
  case Node::NameKind:
  case Node::SubscriptKind:
    return true;
  case Node::AttributeKind:
    if (kind != TargetKind::Del)
      return true;
    error(e.getLoc(), "deleting attributes ('del obj.attr') is not supported "
                      "in Janus Python; assign None to the attribute instead");
    return false;
  case Node::TupleKind:
  case Node::ListKind: {
    if (kind == TargetKind::AugAssign)
      break;
    const ExprList &elts = e.getKind() == Node::TupleKind
                               ? llvm::cast<TupleExpr>(e).elts
                               : llvm::cast<ListExpr>(e).elts;
    bool ok = true;
    for (const ExprPtr &elt : elts)
      ok &= checkTarget(*elt, kind);
    return ok;
  }
  default:
    break;
  }
  const char *what = describeForTarget(e);
  if (kind == TargetKind::AugAssign)
    error(e.getLoc(), std::string("'") + what +
                          "' is an illegal expression for augmented "
                          "assignment");
  else if (kind == TargetKind::Del)
    error(e.getLoc(), std::string("cannot delete ") + what);
  else
    error(e.getLoc(), std::string("cannot assign to ") + what);
  return false;
}

} // namespace janus
