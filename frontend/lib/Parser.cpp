//===- Parser.cpp - Source text to AST ------------------------------------===//
//
// parseModule runs the front end's first half: it checks the encoding (no
// NUL bytes, strict UTF-8), lexes the whole file with IndentingTokenSource
// (stopping if there are lexical errors, so the parser never reports their
// consequences), parses with the ANTLR parser and builds the AST.
//
// ANTLR never prints: its console listeners are replaced by one that turns
// the first syntax error into a CPython-like diagnostic ("expected ':'",
// "invalid syntax"), and the error strategy stops at that first error rather
// than recovering into a cascade. Recursion is bounded: the token source caps
// bracket and block nesting, and the parser counts rule depth and gives up
// with a diagnostic before the stack can overflow. Any exception from the
// ANTLR runtime becomes a diagnostic too.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/Parser.h"

#include "ASTBuilder.h"
#include "IndentingTokenSource.h"

#include "JanusParser.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using janus::grammar::JanusParser;

namespace janus {

namespace {

/// Thrown by DepthLimitedParser when rules nest deeper than the limit.
struct NestingTooDeep : std::exception {
  const char *what() const noexcept override { return "nesting too deep"; }
};

/// The generated parser with a bound on rule nesting: every level of
/// parentheses costs about twenty rule frames, and long chains of prefix
/// operators (`- - - x`, `not not x`) or of `**` one each, so this also
/// bounds the recursion of ASTBuilder and of later passes over the AST.
class DepthLimitedParser : public JanusParser {
public:
  /// Sized so that 200 nested brackets (the token source's own limit) fit.
  static constexpr size_t maxRuleDepth = 4500;

  DepthLimitedParser(antlr4::TokenStream *input, size_t baseDepth)
      : JanusParser(input), baseDepth(baseDepth) {}

  void enterRule(antlr4::ParserRuleContext *ctx, size_t state,
                 size_t ruleIndex) override {
    // exitRule is not virtual, so track the open rules lazily: everything
    // above this rule's parent has been exited.
    while (!open.empty() && open.back() != ctx->parent)
      open.pop_back();
    open.push_back(ctx);
    if (baseDepth + open.size() > maxRuleDepth)
      throw NestingTooDeep();
    JanusParser::enterRule(ctx, state, ruleIndex);
  }

private:
  size_t baseDepth;
  std::vector<antlr4::tree::ParseTree *> open;
};

/// Stops at the first syntax error (after reporting it) instead of
/// recovering: recovery in a whitespace-sensitive language mostly produces
/// follow-up errors that confuse more than they help.
class FirstErrorStrategy : public antlr4::BailErrorStrategy {
public:
  antlr4::Token *recoverInline(antlr4::Parser *recognizer) override {
    antlr4::InputMismatchException e(recognizer);
    reportError(recognizer, e);
    return antlr4::BailErrorStrategy::recoverInline(recognizer);
  }
};

/// Turns ANTLR's syntax error into a CPython-style diagnostic.
class SyntaxErrorReporter : public antlr4::BaseErrorListener {
public:
  SyntaxErrorReporter(ParseSession &session, antlr4::TokenStream &tokens)
      : session(session), tokens(tokens) {}

  void syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offending,
                   size_t, size_t, const std::string &,
                   std::exception_ptr e) override {
    if (reported)
      return;
    reported = true;
    session.diags.error(locOf(offending), describe(recognizer, offending, e));
  }

  SourceLoc locOf(antlr4::Token *tok) const {
    if (auto *jt = dynamic_cast<JanusToken *>(tok))
      return session.lines.locForOffset(jt->byteBegin);
    return SourceLoc{1, 1};
  }

  bool reported = false;

private:
  std::string describe(antlr4::Recognizer *recognizer, antlr4::Token *offending,
                       std::exception_ptr e) {
    if (!offending)
      return "invalid syntax";
    size_t type = offending->getType();
    if (type == JanusParser::INDENT)
      return "unexpected indent";
    // Python 2's print statement is the classic.
    size_t index = offending->getTokenIndex();
    if (index != INVALID_INDEX && index > 0) {
      antlr4::Token *prev = tokens.get(index - 1);
      if (prev->getType() == JanusParser::NAME &&
          (prev->getText() == "print" || prev->getText() == "exec") &&
          type != JanusParser::LPAREN)
        return "Missing parentheses in call to '" + prev->getText() +
               "'. Did you mean " + prev->getText() + "(...)?";
    }
    // When exactly one token could come next, say which.
    try {
      if (e)
        std::rethrow_exception(e);
    } catch (antlr4::InputMismatchException &mismatch) {
      antlr4::misc::IntervalSet expected = mismatch.getExpectedTokens();
      if (expected.size() == 1) {
        ssize_t want = expected.getSingleElement();
        if (want == JanusParser::INDENT)
          return "expected an indented block";
        auto *parser = dynamic_cast<antlr4::Parser *>(recognizer);
        std::string literal =
            parser && want > 0
                ? std::string(parser->getVocabulary().getLiteralName(want))
                : std::string();
        if (!literal.empty())
          return "expected " + literal;
      }
    } catch (...) {
    }
    return "invalid syntax";
  }

  ParseSession &session;
  antlr4::TokenStream &tokens;
};

/// One lexer + parser over a piece of the file: the whole file, or the
/// expression of an f-string field.
class ParserDriver {
public:
  ParserDriver(llvm::StringRef text, size_t offset, ParseSession &session,
               bool field, size_t baseDepth)
      : session(session),
        source(text, offset, session.lines, session.diags, field),
        stream(&source), parser(&stream, baseDepth), reporter(session, stream) {
    parser.removeErrorListeners();
    parser.addErrorListener(&reporter);
    parser.setErrorHandler(std::make_shared<FirstErrorStrategy>());
  }

  /// Lexes everything up front; false if there were lexical errors.
  bool lex() {
    stream.fill();
    return !source.hadError();
  }

  /// Runs `rule`; null after a syntax error (which has been reported).
  template <typename Ctx> Ctx *parse(Ctx *(JanusParser::*rule)()) {
    try {
      return (parser.*rule)();
    } catch (antlr4::ParseCancellationException &) {
      if (!reporter.reported)
        session.diags.error(reporter.locOf(parser.getCurrentToken()),
                            "invalid syntax");
    } catch (NestingTooDeep &) {
      session.diags.error(reporter.locOf(parser.getCurrentToken()),
                          "too many nested parentheses or operators; split "
                          "the expression into smaller ones");
    }
    return nullptr;
  }

  antlr4::TokenStream &tokens() { return stream; }

private:
  ParseSession &session;
  IndentingTokenSource source;
  antlr4::CommonTokenStream stream;
  DepthLimitedParser parser;
  SyntaxErrorReporter reporter;
};

/// Rejects NUL bytes and malformed UTF-8 (overlong forms, surrogates and
/// code points past U+10FFFF included), like CPython, before ANTLR's UTF-8
/// decoder sees the text.
bool checkEncoding(llvm::StringRef text, const LineTable &lines,
                   DiagnosticEngine &diags) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  auto bad = [&](size_t i) {
    std::string hex;
    llvm::raw_string_ostream os(hex);
    os << llvm::format_hex(byte(i), 4);
    diags.error(lines.locForOffset(i),
                "invalid UTF-8 byte " + hex + " in source");
    return false;
  };
  for (size_t i = 0, n = text.size(); i < n;) {
    unsigned char c = byte(i);
    if (c == 0) {
      diags.error(lines.locForOffset(i), "source code cannot contain null "
                                         "bytes");
      return false;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0)
      return bad(i);
    for (size_t k = 1; k < len; ++k)
      if (i + k >= n || (byte(i + k) & 0xC0) != 0x80)
        return bad(i); // A truncated sequence: blame its first byte.
    unsigned char second = byte(i + 1);
    if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) ||
        (c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90))
      return bad(i);
    i += len;
  }
  return true;
}

} // namespace

ExprPtr parseFStringField(llvm::StringRef text, size_t offset,
                          ParseSession &session, size_t baseDepth) {
  ParserDriver driver(text, offset, session, /*field=*/true, baseDepth);
  if (!driver.lex())
    return nullptr;
  JanusParser::Fstring_exprContext *tree =
      driver.parse(&JanusParser::fstring_expr);
  if (!tree)
    return nullptr;
  ASTBuilder builder(session, driver.tokens(), baseDepth);
  return builder.buildFieldExpr(tree);
}

std::unique_ptr<Module> parseModule(llvm::StringRef source,
                                    DiagnosticEngine &diags) {
  auto module = std::make_unique<Module>();
  module->fileName = diags.fileName();
  LineTable lines(source);
  if (!checkEncoding(source, lines, diags))
    return module;
  ParseSession session{source, lines, diags};
  // A UTF-8 byte order mark is allowed (and ignored) at the very start.
  size_t start = source.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  try {
    ParserDriver driver(source.drop_front(start), start, session,
                        /*field=*/false, /*baseDepth=*/0);
    if (!driver.lex())
      return module;
    JanusParser::File_inputContext *tree =
        driver.parse(&JanusParser::file_input);
    if (!tree)
      return module;
    ASTBuilder builder(session, driver.tokens());
    return builder.buildModule(tree);
  } catch (std::exception &e) {
    diags.fileError(std::string("internal error in the parser: ") + e.what());
  } catch (...) {
    diags.fileError("internal error in the parser");
  }
  return module;
}

} // namespace janus
