//===- ASTBuilderExpr.cpp - Expressions of the parse tree to AST ----------===//
//
// Builds Expr nodes, one function per precedence level of the grammar.
// Binary levels are flat loops in the grammar and are folded left here;
// `a and b and c` becomes one BoolOpExpr and `a < b < c` one CompareExpr, as
// in CPython's ast. Also checks assignment, `for`, `with` and `del` targets
// and rejects the expression forms outside Janus Python (walrus, starred
// expressions, set displays, bitwise operators, await, ...).
//
//===----------------------------------------------------------------------===//

#include "ASTBuilder.h"

#include "llvm/ADT/StringSet.h"

#include <algorithm>

using janus::grammar::JanusParser;

namespace janus {

namespace {
const char *const walrusMessage =
    "assignment expressions (':=') are not supported in Janus Python; assign "
    "the value in a separate statement first";
const char *const starMessage =
    "starred expressions ('*x') are not supported in Janus Python; write the "
    "elements out or index the sequence instead";
const char *const bitwiseMessage =
    "') are not supported in Janus Python; use 'and'/'or'/'not' for booleans "
    "or torch.logical_and/torch.logical_or/torch.logical_xor/"
    "torch.logical_not for tensors";

bool hasComma(antlr4::ParserRuleContext *ctx) {
  for (antlr4::tree::ParseTree *child : ctx->children)
    if (auto *t = dynamic_cast<antlr4::tree::TerminalNode *>(child))
      if (t->getSymbol()->getType() == JanusParser::COMMA)
        return true;
  return false;
}
} // namespace

ExprPtr ASTBuilder::buildNamedExpr(P::Namedexpr_testContext *ctx) {
  if (ctx->WALRUS())
    return unsupported(ctx->WALRUS()->getSymbol(), walrusMessage, rangeOf(ctx));
  return buildTest(ctx->test(0));
}

ExprPtr ASTBuilder::buildTest(P::TestContext *ctx) {
  if (P::LambdefContext *lambda = ctx->lambdef())
    return buildLambda(lambda);
  ExprPtr body = buildOrTest(ctx->or_test(0));
  if (!ctx->IF())
    return body;
  ExprPtr test = buildOrTest(ctx->or_test(1));
  ExprPtr orelse = buildTest(ctx->test());
  return std::make_unique<IfExpExpr>(rangeOf(ctx), std::move(test),
                                     std::move(body), std::move(orelse));
}

ExprPtr ASTBuilder::buildLambda(P::LambdefContext *ctx) {
  std::vector<Param> params;
  if (P::Lambda_paramlistContext *list = ctx->lambda_paramlist())
    params = buildLambdaParams(list);
  ExprPtr body = buildTest(ctx->test());
  return std::make_unique<LambdaExpr>(rangeOf(ctx), std::move(params),
                                      std::move(body));
}

ExprPtr ASTBuilder::buildOrTest(P::Or_testContext *ctx) {
  auto operands = ctx->and_test();
  if (operands.size() == 1)
    return buildAndTest(operands[0]);
  ExprList values;
  for (P::And_testContext *operand : operands)
    values.push_back(buildAndTest(operand));
  return std::make_unique<BoolOpExpr>(rangeOf(ctx), BoolOp::Or,
                                      std::move(values));
}

ExprPtr ASTBuilder::buildAndTest(P::And_testContext *ctx) {
  auto operands = ctx->not_test();
  if (operands.size() == 1)
    return buildNotTest(operands[0]);
  ExprList values;
  for (P::Not_testContext *operand : operands)
    values.push_back(buildNotTest(operand));
  return std::make_unique<BoolOpExpr>(rangeOf(ctx), BoolOp::And,
                                      std::move(values));
}

ExprPtr ASTBuilder::buildNotTest(P::Not_testContext *ctx) {
  if (ctx->NOT())
    return std::make_unique<UnaryExpr>(rangeOf(ctx), UnaryOp::Not,
                                       buildNotTest(ctx->not_test()));
  return buildComparison(ctx->comparison());
}

static CmpOp compareOp(JanusParser::Comp_opContext *ctx) {
  switch (ctx->getStart()->getType()) {
  case JanusParser::LESS:
    return CmpOp::Lt;
  case JanusParser::GREATER:
    return CmpOp::Gt;
  case JanusParser::EQEQUAL:
    return CmpOp::Eq;
  case JanusParser::GREATEREQUAL:
    return CmpOp::GtE;
  case JanusParser::LESSEQUAL:
    return CmpOp::LtE;
  case JanusParser::NOTEQUAL:
    return CmpOp::NotEq;
  case JanusParser::IN:
    return CmpOp::In;
  case JanusParser::NOT:
    return CmpOp::NotIn;
  default:
    return ctx->NOT() ? CmpOp::IsNot : CmpOp::Is;
  }
}

ExprPtr ASTBuilder::buildComparison(P::ComparisonContext *ctx) {
  auto operands = ctx->expr();
  if (operands.size() == 1)
    return buildExpr(operands[0]);
  ExprPtr left = buildExpr(operands[0]);
  std::vector<CmpOp> ops;
  ExprList comparators;
  for (size_t i = 1; i < operands.size(); ++i) {
    ops.push_back(compareOp(ctx->comp_op(i - 1)));
    comparators.push_back(buildExpr(operands[i]));
  }
  return std::make_unique<CompareExpr>(rangeOf(ctx), std::move(left),
                                       std::move(ops), std::move(comparators));
}

// The bitwise levels (| ^ & << >>) exist in the grammar only to be
// rejected: their operands are still built, to report errors inside them.

ExprPtr ASTBuilder::buildExpr(P::ExprContext *ctx) {
  auto operands = ctx->xor_expr();
  if (operands.size() == 1)
    return buildXorExpr(operands[0]);
  for (P::Xor_exprContext *operand : operands)
    (void)buildXorExpr(operand);
  antlr4::Token *op = ctx->VBAR(0)->getSymbol();
  return unsupported(op, "bitwise operators ('|" + std::string(bitwiseMessage),
                     rangeOf(ctx));
}

ExprPtr ASTBuilder::buildXorExpr(P::Xor_exprContext *ctx) {
  auto operands = ctx->and_expr();
  if (operands.size() == 1)
    return buildAndExpr(operands[0]);
  for (P::And_exprContext *operand : operands)
    (void)buildAndExpr(operand);
  antlr4::Token *op = ctx->CIRCUMFLEX(0)->getSymbol();
  return unsupported(op, "bitwise operators ('^" + std::string(bitwiseMessage),
                     rangeOf(ctx));
}

ExprPtr ASTBuilder::buildAndExpr(P::And_exprContext *ctx) {
  auto operands = ctx->shift_expr();
  if (operands.size() == 1)
    return buildShiftExpr(operands[0]);
  for (P::Shift_exprContext *operand : operands)
    (void)buildShiftExpr(operand);
  antlr4::Token *op = ctx->AMPER(0)->getSymbol();
  return unsupported(op, "bitwise operators ('&" + std::string(bitwiseMessage),
                     rangeOf(ctx));
}

ExprPtr ASTBuilder::buildShiftExpr(P::Shift_exprContext *ctx) {
  auto operands = ctx->arith_expr();
  if (operands.size() == 1)
    return buildArithExpr(operands[0]);
  for (P::Arith_exprContext *operand : operands)
    (void)buildArithExpr(operand);
  auto *op = static_cast<antlr4::tree::TerminalNode *>(ctx->children[1]);
  return unsupported(op->getSymbol(),
                     "shift operators ('" + op->getText() +
                         "') are not supported in Janus Python; multiply or "
                         "floor-divide by a power of two instead",
                     rangeOf(ctx));
}

ExprPtr ASTBuilder::buildArithExpr(P::Arith_exprContext *ctx) {
  auto operands = ctx->term();
  ExprPtr result = buildTerm(operands[0]);
  // Children alternate: term, operator, term, ...
  for (size_t i = 1; i < operands.size(); ++i) {
    auto *op =
        static_cast<antlr4::tree::TerminalNode *>(ctx->children[2 * i - 1]);
    if (!countFold(op->getSymbol()))
      break;
    BinaryOp kind = op->getSymbol()->getType() == JanusParser::PLUS
                        ? BinaryOp::Add
                        : BinaryOp::Sub;
    ExprPtr rhs = buildTerm(operands[i]);
    // Ranges come from the parse tree so that they include parentheses
    // around the operands, as in CPython: `(a + b) / 2` starts at '('.
    SourceRange r = join(rangeOf(operands[0]), rangeOf(operands[i]));
    result = std::make_unique<BinaryExpr>(
        r, kind, std::move(result), std::move(rhs), beginOf(op->getSymbol()));
  }
  return result;
}

ExprPtr ASTBuilder::buildTerm(P::TermContext *ctx) {
  auto operands = ctx->factor();
  ExprPtr result = buildFactor(operands[0]);
  for (size_t i = 1; i < operands.size(); ++i) {
    auto *op =
        static_cast<antlr4::tree::TerminalNode *>(ctx->children[2 * i - 1]);
    if (!countFold(op->getSymbol()))
      break;
    BinaryOp kind = BinaryOp::Mul;
    switch (op->getSymbol()->getType()) {
    case JanusParser::SLASH:
      kind = BinaryOp::Div;
      break;
    case JanusParser::PERCENT:
      kind = BinaryOp::Mod;
      break;
    case JanusParser::FLOORDIV:
      kind = BinaryOp::FloorDiv;
      break;
    case JanusParser::AT:
      kind = BinaryOp::MatMul;
      break;
    default:
      break;
    }
    ExprPtr rhs = buildFactor(operands[i]);
    SourceRange r = join(rangeOf(operands[0]), rangeOf(operands[i]));
    result = std::make_unique<BinaryExpr>(
        r, kind, std::move(result), std::move(rhs), beginOf(op->getSymbol()));
  }
  return result;
}

ExprPtr ASTBuilder::buildFactor(P::FactorContext *ctx) {
  if (!ctx->factor())
    return buildPower(ctx->power());
  antlr4::Token *op = ctx->getStart();
  if (op->getType() == JanusParser::TILDE) {
    (void)buildFactor(ctx->factor());
    return unsupported(op,
                       "bitwise operators ('~" + std::string(bitwiseMessage),
                       rangeOf(ctx));
  }
  if (op->getType() == JanusParser::MINUS) {
    // -9223372036854775808 is the one int64 whose magnitude is not an
    // int64; fold it so that it is not rejected as too large.
    P::PowerContext *power = ctx->factor()->power();
    if (power && !power->POWER() && power->atom_expr()->trailer().empty() &&
        !power->atom_expr()->AWAIT()) {
      auto *intAtom =
          dynamic_cast<P::IntAtomContext *>(power->atom_expr()->atom());
      if (intAtom &&
          intAtom->getStart()->getType() == JanusParser::DECIMAL_INTEGER) {
        std::string digits = intAtom->getText();
        digits.erase(std::remove(digits.begin(), digits.end(), '_'),
                     digits.end());
        if (digits == "9223372036854775808") {
          ExprPtr lit = buildIntLiteral(intAtom->getStart(), /*negated=*/true);
          lit->setRange(rangeOf(ctx));
          return lit;
        }
      }
    }
  }
  UnaryOp kind =
      op->getType() == JanusParser::PLUS ? UnaryOp::Pos : UnaryOp::Neg;
  return std::make_unique<UnaryExpr>(rangeOf(ctx), kind,
                                     buildFactor(ctx->factor()));
}

ExprPtr ASTBuilder::buildPower(P::PowerContext *ctx) {
  ExprPtr base = buildAtomExpr(ctx->atom_expr());
  if (!ctx->POWER())
    return base;
  ExprPtr exponent = buildFactor(ctx->factor());
  return std::make_unique<BinaryExpr>(rangeOf(ctx), BinaryOp::Pow,
                                      std::move(base), std::move(exponent),
                                      beginOf(ctx->POWER()->getSymbol()));
}

ExprPtr ASTBuilder::buildAtomExpr(P::Atom_exprContext *ctx) {
  if (ctx->AWAIT())
    return unsupported(ctx->AWAIT()->getSymbol(),
                       "'await' is not supported in Janus Python; write "
                       "ordinary synchronous code",
                       rangeOf(ctx));
  ExprPtr result = buildAtom(ctx->atom());
  SourceLoc atomBegin = rangeOf(ctx->atom()).begin;
  for (P::TrailerContext *trailer : ctx->trailer()) {
    if (!countFold(trailer->getStart()))
      break;
    if (auto *call = dynamic_cast<P::CallTrailerContext *>(trailer)) {
      result = buildCall(std::move(result), call);
    } else if (auto *sub =
                   dynamic_cast<P::SubscriptTrailerContext *>(trailer)) {
      result = buildSubscript(std::move(result), sub);
    } else {
      auto *attr = static_cast<P::AttributeTrailerContext *>(trailer);
      antlr4::Token *name = attr->NAME()->getSymbol();
      SourceRange r(result->getRange().begin, endOf(name));
      result = std::make_unique<AttributeExpr>(r, std::move(result),
                                               name->getText(), beginOf(name));
    }
    // `(a).b` starts at '(' like the atom, not at `a`.
    result->setRange(SourceRange(atomBegin, result->getRange().end));
  }
  return result;
}

ExprPtr ASTBuilder::buildAtom(P::AtomContext *ctx) {
  SourceRange range = rangeOf(ctx);
  if (auto *paren = dynamic_cast<P::ParenAtomContext *>(ctx))
    return buildParenAtom(paren);
  if (auto *list = dynamic_cast<P::ListAtomContext *>(ctx))
    return buildListAtom(list);
  if (auto *dict = dynamic_cast<P::DictAtomContext *>(ctx))
    return buildDictAtom(dict);
  if (dynamic_cast<P::NameAtomContext *>(ctx))
    return std::make_unique<NameExpr>(range, ctx->getStart()->getText());
  if (dynamic_cast<P::IntAtomContext *>(ctx))
    return buildIntLiteral(ctx->getStart());
  if (dynamic_cast<P::FloatAtomContext *>(ctx))
    return buildFloatLiteral(ctx->getStart());
  if (dynamic_cast<P::ImagAtomContext *>(ctx))
    return unsupported(ctx->getStart(),
                       "complex literals ('1j') are not supported in Janus "
                       "Python; use real numbers or tensors instead",
                       range);
  if (auto *strings = dynamic_cast<P::StringAtomContext *>(ctx))
    return buildStrings(strings);
  if (dynamic_cast<P::EllipsisAtomContext *>(ctx))
    return std::make_unique<EllipsisLit>(range);
  if (dynamic_cast<P::NoneAtomContext *>(ctx))
    return std::make_unique<NoneLit>(range);
  return std::make_unique<BoolLit>(range,
                                   dynamic_cast<P::TrueAtomContext *>(ctx));
}

/// The elements of a testlist_comp, each a namedexpr_test or a star_expr.
static std::vector<antlr4::ParserRuleContext *>
elementsOf(JanusParser::Testlist_compContext *ctx) {
  std::vector<antlr4::ParserRuleContext *> elts;
  for (antlr4::tree::ParseTree *child : ctx->children)
    if (dynamic_cast<JanusParser::Namedexpr_testContext *>(child) ||
        dynamic_cast<JanusParser::Star_exprContext *>(child))
      elts.push_back(static_cast<antlr4::ParserRuleContext *>(child));
  return elts;
}

ExprPtr ASTBuilder::buildStarExpr(P::Star_exprContext *ctx) {
  (void)buildExpr(ctx->expr());
  return unsupported(ctx->STAR()->getSymbol(), starMessage, rangeOf(ctx));
}

ExprPtr ASTBuilder::buildParenAtom(P::ParenAtomContext *ctx) {
  SourceRange range = rangeOf(ctx);
  if (P::Yield_exprContext *y = ctx->yield_expr())
    return unsupported(y->getStart(),
                       "'yield' is not supported in Janus Python; build a "
                       "list and return it instead",
                       range);
  P::Testlist_compContext *list = ctx->testlist_comp();
  if (!list)
    return std::make_unique<TupleExpr>(range, ExprList());
  auto buildElt = [&](antlr4::ParserRuleContext *elt) -> ExprPtr {
    if (auto *star = dynamic_cast<P::Star_exprContext *>(elt))
      return buildStarExpr(star);
    return buildNamedExpr(static_cast<P::Namedexpr_testContext *>(elt));
  };
  std::vector<antlr4::ParserRuleContext *> elts = elementsOf(list);
  if (P::Comp_forContext *gen = list->comp_for()) {
    ExprPtr elt = buildElt(elts[0]);
    return std::make_unique<GeneratorExpr>(range, std::move(elt),
                                           buildComprehension(gen));
  }
  if (elts.size() == 1 && !hasComma(list))
    return buildElt(elts[0]); // Just parentheses.
  ExprList built;
  for (antlr4::ParserRuleContext *elt : elts)
    built.push_back(buildElt(elt));
  return std::make_unique<TupleExpr>(range, std::move(built));
}

ExprPtr ASTBuilder::buildListAtom(P::ListAtomContext *ctx) {
  SourceRange range = rangeOf(ctx);
  P::Testlist_compContext *list = ctx->testlist_comp();
  if (!list)
    return std::make_unique<ListExpr>(range, ExprList());
  ExprList built;
  for (antlr4::ParserRuleContext *elt : elementsOf(list)) {
    if (auto *star = dynamic_cast<P::Star_exprContext *>(elt))
      built.push_back(buildStarExpr(star));
    else
      built.push_back(
          buildNamedExpr(static_cast<P::Namedexpr_testContext *>(elt)));
  }
  if (P::Comp_forContext *gen = list->comp_for())
    return std::make_unique<ListCompExpr>(range, std::move(built[0]),
                                          buildComprehension(gen));
  return std::make_unique<ListExpr>(range, std::move(built));
}

ExprPtr ASTBuilder::buildDictAtom(P::DictAtomContext *ctx) {
  SourceRange range = rangeOf(ctx);
  P::DictorsetmakerContext *maker = ctx->dictorsetmaker();
  if (!maker)
    return std::make_unique<DictExpr>(range, ExprList(), ExprList());
  // The first item decides between a dict and a set, as in CPython.
  std::vector<P::Dict_or_set_itemContext *> items = maker->dict_or_set_item();
  P::Comp_forContext *gen = maker->comp_for();
  if (!items[0]->COLON() && !items[0]->POWER())
    return unsupported(ctx->getStart(),
                       gen ? "set comprehensions are not supported in Janus "
                             "Python; use a list or dict comprehension instead"
                           : "set literals are not supported in Janus Python; "
                             "use a list or a dict instead",
                       range);
  ExprList keys, values;
  for (P::Dict_or_set_itemContext *item : items) {
    if (item->POWER()) {
      error(item->POWER()->getSymbol(),
            "dict unpacking ('**d') is not supported in Janus Python; copy "
            "the entries with a loop instead");
      continue;
    }
    if (!item->COLON()) {
      error(item->getStart(), "':' expected after dictionary key");
      continue;
    }
    keys.push_back(buildTest(item->test(0)));
    values.push_back(buildTest(item->test(1)));
  }
  if (keys.size() != items.size())
    return std::make_unique<NoneLit>(range);
  if (gen)
    return std::make_unique<DictCompExpr>(range, std::move(keys[0]),
                                          std::move(values[0]),
                                          buildComprehension(gen));
  return std::make_unique<DictExpr>(range, std::move(keys), std::move(values));
}

ExprPtr ASTBuilder::buildCall(ExprPtr callee, P::CallTrailerContext *ctx) {
  SourceRange range(callee->getRange().begin, endOf(ctx->getStop()));
  ExprList args;
  std::vector<Keyword> keywords;
  llvm::StringSet<> seen;
  P::ArglistContext *list = ctx->arglist();
  std::vector<P::ArgumentContext *> arguments;
  if (list)
    arguments = list->argument();
  for (P::ArgumentContext *arg : arguments) {
    antlr4::Token *first = arg->getStart();
    if (arg->STAR()) {
      error(first, "'*' argument unpacking is not supported in Janus Python; "
                   "pass the arguments one by one");
    } else if (arg->POWER()) {
      error(first, "'**' argument unpacking is not supported in Janus "
                   "Python; pass keyword arguments explicitly");
    } else if (arg->WALRUS()) {
      error(arg->WALRUS()->getSymbol(), walrusMessage);
    } else if (arg->EQUAL()) {
      // `name=value`: the left side must be a bare name.
      P::TestContext *lhs = arg->test(0);
      if (lhs->getStart() != lhs->getStop() ||
          first->getType() != JanusParser::NAME) {
        error(first, "expression cannot contain assignment, perhaps you "
                     "meant \"==\"?");
        continue;
      }
      std::string name = first->getText();
      if (!seen.insert(name).second)
        error(first, "keyword argument repeated: " + name);
      keywords.push_back({name, beginOf(first), buildTest(arg->test(1))});
    } else if (!keywords.empty()) {
      error(first, "positional argument follows keyword argument");
    } else if (P::Comp_forContext *gen = arg->comp_for()) {
      if (arguments.size() != 1 || hasComma(list)) {
        error(first, "Generator expression must be parenthesized");
        continue;
      }
      // As in CPython, the generator's range is the call's parentheses.
      ExprPtr elt = buildTest(arg->test(0));
      args.push_back(std::make_unique<GeneratorExpr>(
          rangeOf(ctx), std::move(elt), buildComprehension(gen)));
    } else {
      args.push_back(buildTest(arg->test(0)));
    }
  }
  return std::make_unique<CallExpr>(range, std::move(callee), std::move(args),
                                    std::move(keywords));
}

ExprPtr ASTBuilder::buildSubscript(ExprPtr base,
                                   P::SubscriptTrailerContext *ctx) {
  SourceRange range(base->getRange().begin, endOf(ctx->getStop()));
  P::SubscriptlistContext *list = ctx->subscriptlist();
  auto subscripts = list->subscript();
  ExprPtr index;
  if (subscripts.size() == 1 && !hasComma(list)) {
    index = buildSliceOrIndex(subscripts[0]);
  } else {
    ExprList elts;
    for (P::SubscriptContext *s : subscripts)
      elts.push_back(buildSliceOrIndex(s));
    SourceRange r(rangeOf(subscripts.front()).begin,
                  rangeOf(subscripts.back()).end);
    index = std::make_unique<TupleExpr>(r, std::move(elts));
  }
  return std::make_unique<SubscriptExpr>(range, std::move(base),
                                         std::move(index));
}

ExprPtr ASTBuilder::buildSliceOrIndex(P::SubscriptContext *ctx) {
  if (auto *star = dynamic_cast<P::StarSubscriptContext *>(ctx))
    return buildStarExpr(star->star_expr());
  if (auto *index = dynamic_cast<P::TestSubscriptContext *>(ctx))
    if (!index->COLON(0))
      return buildTest(index->test(0));
  // lower? ':' upper? (':' step?)?: which part a test is depends on how
  // many colons precede it.
  ExprPtr parts[3];
  unsigned colons = 0;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (auto *test = dynamic_cast<P::TestContext *>(child))
      parts[colons] = buildTest(test);
    else
      ++colons;
  }
  return std::make_unique<SliceExpr>(rangeOf(ctx), std::move(parts[0]),
                                     std::move(parts[1]), std::move(parts[2]));
}

std::vector<Comprehension>
ASTBuilder::buildComprehension(P::Comp_forContext *ctx) {
  std::vector<Comprehension> generators;
  auto addClause = [&](antlr4::tree::TerminalNode *async,
                       antlr4::tree::TerminalNode *forTok,
                       P::ExprlistContext *targetCtx, P::Or_testContext *iter) {
    if (async)
      error(async->getSymbol(), "asynchronous comprehensions are not "
                                "supported in Janus Python; use 'for'");
    Comprehension c;
    unsigned before = session.diags.errorCount();
    c.target = buildExprlist(targetCtx);
    if (session.diags.errorCount() == before)
      checkTarget(*c.target, TargetKind::Comprehension);
    c.iter = buildOrTest(iter);
    c.range = SourceRange(beginOf(forTok->getSymbol()), rangeOf(iter).end);
    generators.push_back(std::move(c));
  };
  addClause(ctx->ASYNC(), ctx->FOR(), ctx->exprlist(), ctx->or_test());
  for (P::Comp_iterContext *iter : ctx->comp_iter()) {
    if (P::Comp_for_clauseContext *f = iter->comp_for_clause()) {
      addClause(f->ASYNC(), f->FOR(), f->exprlist(), f->or_test());
      continue;
    }
    P::Or_testContext *cond = iter->comp_if()->or_test();
    generators.back().ifs.push_back(buildOrTest(cond));
    generators.back().range.end = rangeOf(cond).end;
  }
  return generators;
}

ExprPtr ASTBuilder::buildTupleOrSingle(antlr4::ParserRuleContext *ctx,
                                       ExprList elts) {
  if (elts.size() == 1 && !hasComma(ctx))
    return std::move(elts[0]);
  return std::make_unique<TupleExpr>(rangeOf(ctx), std::move(elts));
}

ExprPtr ASTBuilder::buildTestlist(P::TestlistContext *ctx) {
  ExprList elts;
  for (P::TestContext *test : ctx->test())
    elts.push_back(buildTest(test));
  return buildTupleOrSingle(ctx, std::move(elts));
}

ExprPtr ASTBuilder::buildTestlistStar(P::Testlist_star_exprContext *ctx) {
  ExprList elts;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (auto *test = dynamic_cast<P::TestContext *>(child))
      elts.push_back(buildTest(test));
    else if (auto *star = dynamic_cast<P::Star_exprContext *>(child))
      elts.push_back(buildStarExpr(star));
  }
  return buildTupleOrSingle(ctx, std::move(elts));
}

ExprPtr ASTBuilder::buildExprlist(P::ExprlistContext *ctx) {
  ExprList elts;
  for (antlr4::tree::ParseTree *child : ctx->children) {
    if (auto *e = dynamic_cast<P::ExprContext *>(child))
      elts.push_back(buildExpr(e));
    else if (auto *star = dynamic_cast<P::Star_exprContext *>(child))
      elts.push_back(buildStarExpr(star));
  }
  return buildTupleOrSingle(ctx, std::move(elts));
}

} // namespace janus
