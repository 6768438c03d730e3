//===- ASTBuilderStmt.cpp - Statements of the parse tree to AST -----------===//
//
// Builds Stmt nodes: simple statements, compound statements with their
// blocks, and the parameter lists of `def` and `lambda`. Statements outside
// Janus Python (try, raise, nonlocal, decorators, async, annotations, loop
// `else`, ...) are reported here with what to write instead, and dropped.
//
//===----------------------------------------------------------------------===//

#include "ASTBuilder.h"

using janus::grammar::JanusParser;

namespace janus {

void ASTBuilder::buildStmt(P::StmtContext *ctx, StmtList &out) {
  startStatement();
  if (P::Simple_stmtsContext *simple = ctx->simple_stmts()) {
    buildSimpleStmts(simple, out);
    return;
  }
  if (StmtPtr stmt = buildCompoundStmt(ctx->compound_stmt()))
    out.push_back(std::move(stmt));
}

void ASTBuilder::buildSimpleStmts(P::Simple_stmtsContext *ctx, StmtList &out) {
  for (P::Simple_stmtContext *simple : ctx->simple_stmt()) {
    startStatement();
    if (StmtPtr stmt = buildSimpleStmt(simple))
      out.push_back(std::move(stmt));
  }
}

StmtList ASTBuilder::buildBlock(P::BlockContext *ctx) {
  StmtList body;
  if (P::Simple_stmtsContext *simple = ctx->simple_stmts()) {
    buildSimpleStmts(simple, body);
    return body;
  }
  for (P::StmtContext *stmt : ctx->stmt())
    buildStmt(stmt, body);
  return body;
}

static const char *const yieldMessage =
    "'yield' is not supported in Janus Python; build a list and return it "
    "instead";

StmtPtr ASTBuilder::buildSimpleStmt(P::Simple_stmtContext *ctx) {
  SourceRange range = rangeOf(ctx);
  if (auto *s = ctx->expr_stmt())
    return buildExprStmt(s);
  if (auto *s = ctx->del_stmt())
    return buildDel(s);
  if (ctx->pass_stmt())
    return std::make_unique<PassStmt>(range);
  if (ctx->break_stmt())
    return std::make_unique<BreakStmt>(range);
  if (ctx->continue_stmt())
    return std::make_unique<ContinueStmt>(range);
  if (auto *s = ctx->return_stmt()) {
    ExprPtr value;
    if (auto *list = s->testlist_star_expr())
      value = buildTestlistStar(list);
    return std::make_unique<ReturnStmt>(range, std::move(value));
  }
  if (auto *s = ctx->raise_stmt()) {
    error(s->RAISE()->getSymbol(),
          "'raise' is not supported in Janus Python; check conditions with "
          "'if' or 'assert' instead");
    return nullptr;
  }
  if (auto *s = ctx->global_stmt()) {
    std::vector<std::string> names;
    for (antlr4::tree::TerminalNode *name : s->NAME())
      names.push_back(name->getText());
    return std::make_unique<GlobalStmt>(range, std::move(names));
  }
  if (auto *s = ctx->nonlocal_stmt()) {
    error(s->NONLOCAL()->getSymbol(),
          "'nonlocal' is not supported in Janus Python; keep shared state in "
          "a global or an object attribute instead");
    return nullptr;
  }
  if (auto *s = ctx->assert_stmt()) {
    ExprPtr test = buildTest(s->test(0));
    ExprPtr msg = s->test().size() > 1 ? buildTest(s->test(1)) : nullptr;
    return std::make_unique<AssertStmt>(range, std::move(test), std::move(msg));
  }
  if (auto *s = ctx->yield_stmt()) {
    error(s->getStart(), yieldMessage);
    return nullptr;
  }
  if (auto *s = ctx->import_name())
    return buildImport(s);
  return buildImportFrom(ctx->import_from());
}

StmtPtr ASTBuilder::buildExprStmt(P::Expr_stmtContext *ctx) {
  SourceRange range = rangeOf(ctx);
  if (P::AnnassignContext *ann = ctx->annassign()) {
    error(ann->COLON()->getSymbol(),
          "type annotations are not supported in Janus Python; write "
          "'name = value' without ': type'");
    return nullptr;
  }
  if (ctx->augassign())
    return buildAugAssign(ctx);

  // `t1 = t2 = value`: every part but the last is a target.
  std::vector<antlr4::ParserRuleContext *> parts;
  for (antlr4::tree::ParseTree *child : ctx->children)
    if (auto *rule = dynamic_cast<antlr4::ParserRuleContext *>(child))
      parts.push_back(rule);
  auto buildPart = [&](antlr4::ParserRuleContext *part) -> ExprPtr {
    if (auto *y = dynamic_cast<P::Yield_exprContext *>(part))
      return unsupported(y->getStart(), yieldMessage, rangeOf(y));
    return buildTestlistStar(static_cast<P::Testlist_star_exprContext *>(part));
  };

  if (parts.size() == 1)
    return std::make_unique<ExprStmt>(range, buildPart(parts[0]));

  ExprList targets;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    unsigned before = session.diags.errorCount();
    ExprPtr target = buildPart(parts[i]);
    if (session.diags.errorCount() == before)
      checkTarget(*target, TargetKind::Assign);
    targets.push_back(std::move(target));
  }
  ExprPtr value = buildPart(parts.back());
  return std::make_unique<AssignStmt>(range, std::move(targets),
                                      std::move(value));
}

StmtPtr ASTBuilder::buildAugAssign(P::Expr_stmtContext *ctx) {
  antlr4::Token *opTok = ctx->augassign()->getStart();
  std::optional<BinaryOp> op;
  switch (opTok->getType()) {
  case JanusParser::PLUSEQUAL:
    op = BinaryOp::Add;
    break;
  case JanusParser::MINEQUAL:
    op = BinaryOp::Sub;
    break;
  case JanusParser::STAREQUAL:
    op = BinaryOp::Mul;
    break;
  case JanusParser::SLASHEQUAL:
    op = BinaryOp::Div;
    break;
  case JanusParser::DOUBLESLASHEQUAL:
    op = BinaryOp::FloorDiv;
    break;
  case JanusParser::PERCENTEQUAL:
    op = BinaryOp::Mod;
    break;
  case JanusParser::DOUBLESTAREQUAL:
    op = BinaryOp::Pow;
    break;
  case JanusParser::ATEQUAL:
    op = BinaryOp::MatMul;
    break;
  case JanusParser::LEFTSHIFTEQUAL:
  case JanusParser::RIGHTSHIFTEQUAL:
    error(opTok, "shift operators ('" + opTok->getText() +
                     "') are not supported in Janus Python; multiply or "
                     "floor-divide by a power of two instead");
    return nullptr;
  default:
    error(opTok, "bitwise operators ('" + opTok->getText() +
                     "') are not supported in Janus Python; use 'and'/'or' "
                     "for booleans or torch.logical_and/torch.logical_or/"
                     "torch.logical_xor for tensors");
    return nullptr;
  }

  unsigned before = session.diags.errorCount();
  ExprPtr target = buildTestlistStar(ctx->testlist_star_expr(0));
  if (session.diags.errorCount() == before &&
      !checkTarget(*target, TargetKind::AugAssign))
    return nullptr;
  ExprPtr value;
  if (P::Yield_exprContext *y = ctx->yield_expr(0))
    value = unsupported(y->getStart(), yieldMessage, rangeOf(y));
  else
    value = buildTestlist(ctx->testlist());
  return std::make_unique<AugAssignStmt>(rangeOf(ctx), std::move(target), *op,
                                         std::move(value));
}

StmtPtr ASTBuilder::buildDel(P::Del_stmtContext *ctx) {
  ExprList targets;
  auto add = [&](ExprPtr target) {
    if (checkTarget(*target, TargetKind::Del))
      targets.push_back(std::move(target));
  };
  unsigned before = session.diags.errorCount();
  ExprPtr list = buildExprlist(ctx->exprlist());
  if (session.diags.errorCount() != before)
    return nullptr;
  // `del a, b` and `del (a, b)` delete each element.
  if (auto *tuple = llvm::dyn_cast<TupleExpr>(list.get())) {
    for (ExprPtr &elt : tuple->elts)
      add(std::move(elt));
  } else {
    add(std::move(list));
  }
  return std::make_unique<DelStmt>(rangeOf(ctx), std::move(targets));
}

static std::string dottedName(JanusParser::Dotted_nameContext *ctx) {
  std::string name;
  for (antlr4::tree::TerminalNode *part : ctx->NAME()) {
    if (!name.empty())
      name += '.';
    name += part->getText();
  }
  return name;
}

StmtPtr ASTBuilder::buildImport(P::Import_nameContext *ctx) {
  std::vector<ImportAlias> names;
  for (P::Dotted_as_nameContext *item : ctx->dotted_as_name()) {
    ImportAlias alias;
    alias.name = dottedName(item->dotted_name());
    if (antlr4::tree::TerminalNode *as = item->NAME())
      alias.asName = as->getText();
    alias.range = rangeOf(item);
    names.push_back(std::move(alias));
  }
  return std::make_unique<ImportStmt>(rangeOf(ctx), std::move(names));
}

StmtPtr ASTBuilder::buildImportFrom(P::Import_fromContext *ctx) {
  if (!ctx->DOT().empty() || !ctx->ELLIPSIS().empty()) {
    error(ctx->getStart(), "relative imports are not supported in Janus "
                           "Python; import the module by its full name");
    return nullptr;
  }
  P::Import_targetsContext *targets = ctx->import_targets();
  if (targets->STAR()) {
    error(targets->STAR()->getSymbol(),
          "'from ... import *' is not supported in Janus Python; import the "
          "names you use explicitly");
    return nullptr;
  }
  std::vector<ImportAlias> names;
  for (P::Import_as_nameContext *item : targets->import_as_name()) {
    ImportAlias alias;
    alias.name = item->NAME(0)->getText();
    if (item->NAME().size() > 1)
      alias.asName = item->NAME(1)->getText();
    alias.range = rangeOf(item);
    names.push_back(std::move(alias));
  }
  P::Dotted_nameContext *module = ctx->dotted_name();
  return std::make_unique<ImportFromStmt>(rangeOf(ctx), dottedName(module),
                                          rangeOf(module), std::move(names));
}

StmtPtr ASTBuilder::buildCompoundStmt(P::Compound_stmtContext *ctx) {
  if (auto *s = ctx->if_stmt())
    return buildIf(s);
  if (auto *s = ctx->while_stmt())
    return buildWhile(s);
  if (auto *s = ctx->for_stmt())
    return buildFor(s);
  if (auto *s = ctx->with_stmt())
    return buildWith(s);
  if (auto *s = ctx->funcdef())
    return buildFuncDef(s);
  if (auto *s = ctx->classdef())
    return buildClassDef(s);
  if (auto *s = ctx->try_stmt()) {
    error(s->TRY()->getSymbol(),
          "'try' is not supported in Janus Python; check conditions with "
          "'if' or 'assert' instead");
    return nullptr;
  }
  if (auto *s = ctx->decorated()) {
    error(s->getStart(),
          "decorators are not supported in Janus Python; remove the "
          "decorator and call the wrapping function explicitly");
    return nullptr;
  }
  error(ctx->getStart(), "'async' is not supported in Janus Python; write "
                         "ordinary synchronous code");
  return nullptr;
}

StmtPtr ASTBuilder::buildIf(P::If_stmtContext *ctx) {
  SourceRange range = rangeOf(ctx);
  ExprPtr test = buildNamedExpr(ctx->namedexpr_test());
  StmtList body = buildBlock(ctx->block(0));

  // Build in source order (so diagnostics come out in order), then chain
  // each `elif` as the lone statement of the previous branch's orelse.
  struct Elif {
    SourceLoc begin;
    ExprPtr test;
    StmtList body;
  };
  std::vector<Elif> elifs;
  // Each `elif` nests one IfStmt deeper; bound the depth like nested blocks.
  constexpr size_t maxElifs = 1000;
  if (ctx->elif_clause().size() > maxElifs) {
    error(ctx->elif_clause(maxElifs)->getStart(),
          "too many 'elif' branches (more than " + std::to_string(maxElifs) +
              "); use a dict or a list lookup instead");
    return nullptr;
  }
  for (P::Elif_clauseContext *clause : ctx->elif_clause())
    elifs.push_back({beginOf(clause->getStart()),
                     buildNamedExpr(clause->namedexpr_test()),
                     buildBlock(clause->block())});
  StmtList orelse;
  if (ctx->ELSE())
    orelse = buildBlock(ctx->block(1));
  for (size_t i = elifs.size(); i-- > 0;) {
    auto node = std::make_unique<IfStmt>(
        SourceRange(elifs[i].begin, range.end), std::move(elifs[i].test),
        std::move(elifs[i].body), std::move(orelse));
    orelse.clear();
    orelse.push_back(std::move(node));
  }
  return std::make_unique<IfStmt>(range, std::move(test), std::move(body),
                                  std::move(orelse));
}

static std::string loopElseMessage(const char *loop) {
  return std::string("'else' on a '") + loop +
         "' loop is not supported in Janus Python; set a flag before "
         "'break' and test it after the loop instead";
}

StmtPtr ASTBuilder::buildWhile(P::While_stmtContext *ctx) {
  ExprPtr test = buildNamedExpr(ctx->namedexpr_test());
  StmtList body = buildBlock(ctx->block(0));
  if (ctx->ELSE()) {
    error(ctx->ELSE()->getSymbol(), loopElseMessage("while"));
    return nullptr;
  }
  return std::make_unique<WhileStmt>(rangeOf(ctx), std::move(test),
                                     std::move(body));
}

StmtPtr ASTBuilder::buildFor(P::For_stmtContext *ctx) {
  unsigned before = session.diags.errorCount();
  ExprPtr target = buildExprlist(ctx->exprlist());
  if (session.diags.errorCount() == before)
    checkTarget(*target, TargetKind::For);
  ExprPtr iter = buildTestlist(ctx->testlist());
  StmtList body = buildBlock(ctx->block(0));
  if (ctx->ELSE()) {
    error(ctx->ELSE()->getSymbol(), loopElseMessage("for"));
    return nullptr;
  }
  return std::make_unique<ForStmt>(rangeOf(ctx), std::move(target),
                                   std::move(iter), std::move(body));
}

StmtPtr ASTBuilder::buildWith(P::With_stmtContext *ctx) {
  SourceRange range = rangeOf(ctx);
  // `with a, b:` is `with a:` containing `with b:`.
  struct Item {
    SourceLoc begin;
    ExprPtr context, target;
  };
  std::vector<Item> items;
  for (P::With_itemContext *item : ctx->with_item()) {
    Item built{beginOf(item->getStart()), buildTest(item->test()), nullptr};
    if (P::ExprContext *target = item->expr()) {
      unsigned before = session.diags.errorCount();
      built.target = buildExpr(target);
      if (session.diags.errorCount() == before)
        checkTarget(*built.target, TargetKind::With);
    }
    items.push_back(std::move(built));
  }
  StmtList body = buildBlock(ctx->block());
  for (size_t i = items.size(); i-- > 0;) {
    SourceRange r = i == 0 ? range : SourceRange(items[i].begin, range.end);
    auto with =
        std::make_unique<WithStmt>(r, std::move(items[i].context),
                                   std::move(items[i].target), std::move(body));
    body.clear();
    body.push_back(std::move(with));
  }
  return std::move(body.front());
}

StmtPtr ASTBuilder::buildFuncDef(P::FuncdefContext *ctx) {
  std::vector<Param> params;
  if (P::ParamlistContext *list = ctx->paramlist())
    params = buildParams(list);
  if (ctx->ARROW())
    error(ctx->ARROW()->getSymbol(),
          "return type annotations are not supported in Janus Python; "
          "remove '-> type'");
  StmtList body = buildBlock(ctx->block());
  antlr4::Token *name = ctx->NAME()->getSymbol();
  return std::make_unique<FunctionDef>(rangeOf(ctx), name->getText(),
                                       beginOf(name), std::move(params),
                                       std::move(body));
}

StmtPtr ASTBuilder::buildClassDef(P::ClassdefContext *ctx) {
  ExprList bases;
  if (P::ArglistContext *args = ctx->arglist()) {
    for (P::ArgumentContext *arg : args->argument()) {
      if (arg->EQUAL()) {
        error(arg->getStart(),
              "class keyword arguments (such as 'metaclass=') are not "
              "supported in Janus Python; write 'class Name(Base):'");
      } else if (arg->STAR() || arg->POWER() || arg->WALRUS() ||
                 arg->comp_for()) {
        error(arg->getStart(), "only a plain base class is supported in a "
                               "Janus Python class definition; write "
                               "'class Name(Base):'");
      } else {
        bases.push_back(buildTest(arg->test(0)));
      }
    }
  }
  StmtList body = buildBlock(ctx->block());
  antlr4::Token *name = ctx->NAME()->getSymbol();
  return std::make_unique<ClassDef>(rangeOf(ctx), name->getText(),
                                    beginOf(name), std::move(bases),
                                    std::move(body));
}

/// The checks shared by `def` and `lambda` parameter lists: order of
/// defaults, a single bare `*` that is followed by a name.
struct ASTBuilder::ParamOrder {
  bool seenDefault = false;
  bool keywordOnly = false;
  antlr4::Token *star = nullptr;
};

void ASTBuilder::appendParam(std::vector<Param> &params, ParamOrder &order,
                             antlr4::Token *name, ExprPtr defaultValue) {
  Param param;
  param.name = name->getText();
  param.range = rangeOf(name);
  param.kind = order.keywordOnly ? Param::KeywordOnly : Param::Positional;
  param.defaultValue = std::move(defaultValue);
  if (!order.keywordOnly) {
    if (param.defaultValue)
      order.seenDefault = true;
    else if (order.seenDefault)
      error(name, "non-default argument follows default argument");
  }
  order.star = nullptr;
  params.push_back(std::move(param));
}

std::vector<Param> ASTBuilder::buildParams(P::ParamlistContext *ctx) {
  std::vector<Param> params;
  ParamOrder order;
  for (P::ParamContext *p : ctx->param()) {
    if (p->SLASH()) {
      error(p->SLASH()->getSymbol(),
            "positional-only parameters ('/') are not supported in Janus "
            "Python; remove the '/'");
      continue;
    }
    if (p->POWER()) {
      error(p->POWER()->getSymbol(),
            "'**kwargs' parameters are not supported in Janus Python; declare "
            "keyword parameters with defaults instead");
      continue;
    }
    if (p->STAR()) {
      if (p->NAME()) {
        error(p->STAR()->getSymbol(),
              "'*args' parameters are not supported in Janus Python; take a "
              "list or tuple parameter instead");
      } else if (order.keywordOnly) {
        error(p->STAR()->getSymbol(), "* argument may appear only once");
      } else {
        order.keywordOnly = true;
        order.star = p->STAR()->getSymbol();
      }
      continue;
    }
    if (p->COLON())
      error(p->COLON()->getSymbol(),
            "parameter annotations are not supported in Janus Python; remove "
            "': type'");
    appendParam(params, order, p->NAME()->getSymbol(),
                p->EQUAL() ? buildTest(p->test().back()) : nullptr);
  }
  if (order.star)
    error(order.star, "named arguments must follow bare *");
  return params;
}

std::vector<Param>
ASTBuilder::buildLambdaParams(P::Lambda_paramlistContext *ctx) {
  std::vector<Param> params;
  ParamOrder order;
  for (P::Lambda_paramContext *p : ctx->lambda_param()) {
    if (p->SLASH() || p->POWER() || (p->STAR() && p->NAME())) {
      error(p->getStart(), "lambda parameters may only be plain names with "
                           "optional defaults in Janus Python; remove '" +
                               p->getStart()->getText() + "'");
      continue;
    }
    if (p->STAR()) {
      if (order.keywordOnly) {
        error(p->STAR()->getSymbol(), "* argument may appear only once");
      } else {
        order.keywordOnly = true;
        order.star = p->STAR()->getSymbol();
      }
      continue;
    }
    P::TestContext *def = p->test();
    appendParam(params, order, p->NAME()->getSymbol(),
                def ? buildTest(def) : nullptr);
  }
  if (order.star)
    error(order.star, "named arguments must follow bare *");
  return params;
}

} // namespace janus
