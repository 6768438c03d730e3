//===- ASTBuilder.h - ANTLR parse tree to Janus AST -------------*- C++ -*-===//
//
// ASTBuilder walks the parse tree of JanusParser and builds the typed AST of
// AST.h. It is the only code (besides Parser.cpp) that sees parse-tree types.
// It walks with typed build functions, one per grammar rule, instead of the
// generated visit*() methods, so that results are typed unique_ptrs rather
// than antlrcpp::Any.
//
// Besides building nodes it
//  - gives every node its SourceRange from the JanusTokens' byte offsets;
//  - decodes literals (numbers, escapes, implicit concatenation, f-strings,
//    whose fields are parsed by a nested parser on the field's text);
//  - rejects the syntax outside Janus Python (try, yield, decorators,
//    *args, walrus, sets, bitwise operators, annotations, ...) with a
//    diagnostic that names the construct and says what to write instead,
//    and the syntax errors CPython reports after parsing (invalid
//    assignment targets, positional argument after keyword argument, ...).
// After an error it keeps going (with a placeholder node) so that several
// unsupported constructs are reported in one run; the module must then not
// be compiled. Semantic checks (names, scopes, arity) belong to Sema.
//
// The implementation is split by rule family: ASTBuilderStmt.cpp,
// ASTBuilderExpr.cpp and ASTBuilderLiteral.cpp; ASTBuilder.cpp has the
// shared helpers.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_LIB_ASTBUILDER_H
#define JANUS_FRONTEND_LIB_ASTBUILDER_H

#include "IndentingTokenSource.h"

#include "janus/Frontend/AST.h"
#include "janus/Frontend/Diagnostics.h"

#include "JanusParser.h"

#include <memory>
#include <string>

namespace janus {

/// Everything one parse of a file shares: its text, its line table and the
/// diagnostics. Field parsers of f-strings share their file's session.
struct ParseSession {
  llvm::StringRef fileText;
  const LineTable &lines;
  DiagnosticEngine &diags;
  /// Left-folded operators and trailers (`a + b + c`, `a.b.c`) in the
  /// current statement. Each deepens the AST by one without deepening the
  /// parse tree, so they are capped separately (see ASTBuilder::countFold).
  unsigned foldSteps = 0;
};

/// Parses the expression of an f-string replacement field: `text` is the
/// field's expression, found at byte `offset` of the file. `baseDepth` is the
/// parse-tree depth of the string literal, which counts towards the nesting
/// limit of the field's own parse. Returns null after reporting an error.
/// Implemented in Parser.cpp, which owns the parser set-up.
ExprPtr parseFStringField(llvm::StringRef text, size_t offset,
                          ParseSession &session, size_t baseDepth);

class ASTBuilder {
  using P = grammar::JanusParser;

public:
  /// `tokens` is the stream the tree was parsed from (used to find the last
  /// real token of a construct, skipping NEWLINE/INDENT/DEDENT).
  /// `depthBase` is the nesting depth at which the tree was parsed (non-zero
  /// for f-string fields).
  ASTBuilder(ParseSession &session, antlr4::TokenStream &tokens,
             size_t depthBase = 0)
      : session(session), tokens(tokens), depthBase(depthBase) {}

  std::unique_ptr<Module> buildModule(P::File_inputContext *ctx);
  ExprPtr buildFieldExpr(P::Fstring_exprContext *ctx);

private:
  //===--- Statements (ASTBuilderStmt.cpp) --------------------------------===//
  void buildStmt(P::StmtContext *ctx, StmtList &out);
  void buildSimpleStmts(P::Simple_stmtsContext *ctx, StmtList &out);
  StmtPtr buildSimpleStmt(P::Simple_stmtContext *ctx);
  StmtPtr buildExprStmt(P::Expr_stmtContext *ctx);
  StmtPtr buildAugAssign(P::Expr_stmtContext *ctx);
  StmtPtr buildDel(P::Del_stmtContext *ctx);
  StmtPtr buildImport(P::Import_nameContext *ctx);
  StmtPtr buildImportFrom(P::Import_fromContext *ctx);
  StmtPtr buildCompoundStmt(P::Compound_stmtContext *ctx);
  StmtPtr buildIf(P::If_stmtContext *ctx);
  StmtPtr buildWhile(P::While_stmtContext *ctx);
  StmtPtr buildFor(P::For_stmtContext *ctx);
  StmtPtr buildWith(P::With_stmtContext *ctx);
  StmtPtr buildFuncDef(P::FuncdefContext *ctx);
  StmtPtr buildClassDef(P::ClassdefContext *ctx);
  StmtList buildBlock(P::BlockContext *ctx);
  std::vector<Param> buildParams(P::ParamlistContext *ctx);
  std::vector<Param> buildLambdaParams(P::Lambda_paramlistContext *ctx);
  /// State shared by the checks of `def` and `lambda` parameter lists.
  struct ParamOrder;
  /// Appends parameter `name` and checks that no non-default parameter
  /// follows a default one (keyword-only parameters are exempt).
  void appendParam(std::vector<Param> &params, ParamOrder &order,
                   antlr4::Token *name, ExprPtr defaultValue);

  //===--- Expressions (ASTBuilderExpr.cpp) -------------------------------===//
  ExprPtr buildNamedExpr(P::Namedexpr_testContext *ctx);
  ExprPtr buildTest(P::TestContext *ctx);
  ExprPtr buildLambda(P::LambdefContext *ctx);
  ExprPtr buildOrTest(P::Or_testContext *ctx);
  ExprPtr buildAndTest(P::And_testContext *ctx);
  ExprPtr buildNotTest(P::Not_testContext *ctx);
  ExprPtr buildComparison(P::ComparisonContext *ctx);
  ExprPtr buildExpr(P::ExprContext *ctx);
  ExprPtr buildXorExpr(P::Xor_exprContext *ctx);
  ExprPtr buildAndExpr(P::And_exprContext *ctx);
  ExprPtr buildShiftExpr(P::Shift_exprContext *ctx);
  ExprPtr buildArithExpr(P::Arith_exprContext *ctx);
  ExprPtr buildTerm(P::TermContext *ctx);
  ExprPtr buildFactor(P::FactorContext *ctx);
  ExprPtr buildPower(P::PowerContext *ctx);
  ExprPtr buildAtomExpr(P::Atom_exprContext *ctx);
  ExprPtr buildAtom(P::AtomContext *ctx);
  ExprPtr buildParenAtom(P::ParenAtomContext *ctx);
  ExprPtr buildListAtom(P::ListAtomContext *ctx);
  ExprPtr buildDictAtom(P::DictAtomContext *ctx);
  ExprPtr buildCall(ExprPtr callee, P::CallTrailerContext *ctx);
  ExprPtr buildSubscript(ExprPtr base, P::SubscriptTrailerContext *ctx);
  ExprPtr buildSliceOrIndex(P::SubscriptContext *ctx);
  ExprPtr buildStarExpr(P::Star_exprContext *ctx);
  std::vector<Comprehension> buildComprehension(P::Comp_forContext *ctx);
  /// `a, b` lists: a tuple when there is a comma, else the single element.
  ExprPtr buildTestlist(P::TestlistContext *ctx);
  ExprPtr buildTestlistStar(P::Testlist_star_exprContext *ctx);
  ExprPtr buildExprlist(P::ExprlistContext *ctx);
  ExprPtr buildTupleOrSingle(antlr4::ParserRuleContext *ctx, ExprList elts);

  //===--- Targets (ASTBuilder.cpp) ---------------------------------------===//
  enum class TargetKind { Assign, AugAssign, Del, For, With, Comprehension };
  /// Checks that `e` can be assigned to (or deleted); reports otherwise.
  bool checkTarget(const Expr &e, TargetKind kind);

  //===--- Literals (ASTBuilderLiteral.cpp) -------------------------------===//
  ExprPtr buildIntLiteral(antlr4::Token *tok, bool negated = false);
  ExprPtr buildFloatLiteral(antlr4::Token *tok);
  ExprPtr buildStrings(P::StringAtomContext *ctx);
  /// Decodes the escapes of a non-raw literal body; `bodyOffset` is the
  /// body's byte offset in the file, for diagnostics.
  std::string decodeEscapes(llvm::StringRef body, size_t bodyOffset,
                            bool isRaw);
  /// Splits an f-string body into literal parts and replacement fields.
  void buildFStringParts(llvm::StringRef body, size_t bodyOffset, bool isRaw,
                         std::vector<FString::Part> &parts);

  //===--- Limits (ASTBuilder.cpp) ----------------------------------------===//
  /// Counts one left-fold step at `tok`; false (after one diagnostic per
  /// statement) when the statement has too many. Together with the parser's
  /// rule-depth limit this bounds the depth of the AST, which every later
  /// stage (and the AST's own destructor) walks recursively.
  bool countFold(antlr4::Token *tok);
  void startStatement() { session.foldSteps = 0; }

  //===--- Locations and diagnostics (ASTBuilder.cpp) ---------------------===//
  SourceLoc locOf(size_t byteOffset) const {
    return session.lines.locForOffset(byteOffset);
  }
  SourceLoc beginOf(antlr4::Token *tok) const;
  SourceLoc endOf(antlr4::Token *tok) const;
  SourceRange rangeOf(antlr4::Token *tok) const {
    return SourceRange(beginOf(tok), endOf(tok));
  }
  /// From the first token of `ctx` to the end of its last real token.
  SourceRange rangeOf(antlr4::ParserRuleContext *ctx) const;
  static SourceRange join(SourceRange a, SourceRange b) {
    return SourceRange(a.begin, b.end);
  }
  void error(SourceLoc loc, const std::string &message);
  void error(antlr4::Token *tok, const std::string &message) {
    error(beginOf(tok), message);
  }
  /// Reports an unsupported construct and returns a placeholder expression.
  ExprPtr unsupported(antlr4::Token *tok, const std::string &message,
                      SourceRange range);

  ParseSession &session;
  antlr4::TokenStream &tokens;
  size_t depthBase;
  /// Nesting depth of the string literal whose f-string fields are parsed.
  size_t fieldDepth = 0;
};

} // namespace janus

#endif // JANUS_FRONTEND_LIB_ASTBUILDER_H
