//===- IndentingTokenSourceTest.cpp - Unit tests for the layout tokens ----===//
//
// Checks the token stream that IndentingTokenSource gives the parser:
// NEWLINE/INDENT/DEDENT for nested blocks, blank and comment-only lines,
// implicit line joining in brackets, backslash continuation, EOF without a
// final newline, tabs (consistent and inconsistent), CRLF line ends, byte
// offsets of tokens, and the lexical errors it reports.
//
//===----------------------------------------------------------------------===//

#include "IndentingTokenSource.h"

#include "JanusLexer.h"

#include <doctest/doctest.h>

using namespace janus;
using janus::grammar::JanusLexer;

namespace {

struct Lexed {
  /// Tokens joined by spaces: NAME/number/operator tokens by their text,
  /// layout tokens as NL, IN and DE; EOF is left out.
  std::string tokens;
  /// Everything the DiagnosticEngine printed.
  std::string errors;
};

Lexed lex(const std::string &src, bool inBrackets = false) {
  Lexed result;
  llvm::raw_string_ostream os(result.errors);
  DiagnosticEngine diags("t.py", src, os);
  LineTable lines(src);
  IndentingTokenSource source(src, 0, lines, diags, inBrackets);
  for (unsigned guard = 0; guard < 10000; ++guard) {
    std::unique_ptr<antlr4::Token> tok = source.nextToken();
    size_t type = tok->getType();
    if (type == antlr4::Token::EOF)
      break;
    if (!result.tokens.empty())
      result.tokens += ' ';
    if (type == JanusLexer::NEWLINE)
      result.tokens += "NL";
    else if (type == JanusLexer::INDENT)
      result.tokens += "IN";
    else if (type == JanusLexer::DEDENT)
      result.tokens += "DE";
    else
      result.tokens += tok->getText();
  }
  os.flush();
  return result;
}

} // namespace

TEST_CASE("nested blocks produce INDENT and DEDENT") {
  Lexed l = lex("if a:\n"
                "    if b:\n"
                "        x = 1\n"
                "    y = 2\n"
                "z = 3\n");
  CHECK(l.tokens ==
        "if a : NL IN if b : NL IN x = 1 NL DE y = 2 NL DE z = 3 NL");
  CHECK(l.errors.empty());
}

TEST_CASE("several blocks close at once, mid-file and at EOF") {
  Lexed l = lex("def f():\n"
                "  if a:\n"
                "    while b:\n"
                "      x\n"
                "y\n"
                "if c:\n"
                "  if d:\n"
                "    z\n");
  CHECK(l.tokens == "def f ( ) : NL IN if a : NL IN while b : NL IN x NL DE DE "
                    "DE y NL if c : NL IN if d : NL IN z NL DE DE");
}

TEST_CASE("blank and comment-only lines produce no tokens") {
  Lexed l = lex("x = 1\n"
                "\n"
                "# a comment\n"
                "        # an indented comment\n"
                "   \n"
                "y = 2  # trailing comment\n");
  CHECK(l.tokens == "x = 1 NL y = 2 NL");
  // Comment lines inside a block do not end it.
  l = lex("if a:\n  x\n# c\n\n  y\n");
  CHECK(l.tokens == "if a : NL IN x NL y NL DE");
}

TEST_CASE("empty and comment-only files are just EOF") {
  CHECK(lex("").tokens.empty());
  CHECK(lex("\n\n").tokens.empty());
  CHECK(lex("# nothing here\n   # or here").tokens.empty());
  CHECK(lex("").errors.empty());
}

TEST_CASE("newlines inside brackets are ignored") {
  Lexed l = lex("x = (1,\n"
                "  2)\n"
                "y = [\n"
                "3,\n"
                "        4]\n"
                "z = {'a':\n"
                "  1}\n");
  CHECK(l.tokens == "x = ( 1 , 2 ) NL y = [ 3 , 4 ] NL z = { 'a' : 1 } NL");
}

TEST_CASE("backslash continuation joins lines") {
  Lexed l = lex("x = 1 + \\\n    2\ny = 3\n");
  CHECK(l.tokens == "x = 1 + 2 NL y = 3 NL");
  l = lex("if a and \\\n        b:\n  pass\n");
  CHECK(l.tokens == "if a and b : NL IN pass NL DE");
}

TEST_CASE("a missing final newline is synthesized") {
  CHECK(lex("x = 1").tokens == "x = 1 NL");
  CHECK(lex("if a:\n  x").tokens == "if a : NL IN x NL DE");
  CHECK(lex("x = 1  # comment").tokens == "x = 1 NL");
}

TEST_CASE("consistent tabs are accepted") {
  Lexed l = lex("if a:\n\tx = 1\n\tif b:\n\t\ty = 2\n");
  CHECK(l.tokens == "if a : NL IN x = 1 NL if b : NL IN y = 2 NL DE DE");
  CHECK(l.errors.empty());
}

TEST_CASE("inconsistent tabs and spaces are an error") {
  // A tab and eight spaces reach the same column only with tab stops of 8.
  Lexed l = lex("if a:\n\tx = 1\n        y = 2\n");
  CHECK(l.errors.find("t.py:3:9: error: inconsistent use of tabs and spaces "
                      "in indentation") != std::string::npos);
}

TEST_CASE("CRLF and CR line ends behave like LF") {
  CHECK(lex("if a:\r\n  x = 1\r\ny = 2\r\n").tokens ==
        "if a : NL IN x = 1 NL DE y = 2 NL");
  CHECK(lex("x = (1,\r\n2)\r\n").tokens == "x = ( 1 , 2 ) NL");
  CHECK(lex("x = 1\ry = 2\r").tokens == "x = 1 NL y = 2 NL");
}

TEST_CASE("tokens carry byte offsets") {
  // "é" is two bytes, so '=' is at byte 3 (column 4).
  std::string src = "\xC3\xA9 = 1\n";
  DiagnosticEngine diags("t.py", src, llvm::nulls());
  LineTable lines(src);
  IndentingTokenSource source(src, 0, lines, diags);
  auto name = source.nextToken();
  auto eq = source.nextToken();
  auto *jt = dynamic_cast<JanusToken *>(eq.get());
  REQUIRE(jt);
  CHECK(name->getType() == JanusLexer::NAME);
  CHECK(jt->byteBegin == 3);
  CHECK(jt->byteEnd == 4);
  CHECK(lines.locForOffset(jt->byteBegin) == SourceLoc{1, 4});
}

TEST_CASE("f-string fields are lexed as if inside brackets") {
  Lexed l = lex("a +\n b", /*inBrackets=*/true);
  CHECK(l.tokens == "a + b");
}

TEST_CASE("indentation errors") {
  CHECK(
      lex("def f():\n  if x:\n      y\n    z\n")
          .errors.find(
              "t.py:4:5: error: unindent does not match any outer indentation "
              "level") != std::string::npos);
  CHECK(
      lex("if x:\ny = 1\n")
          .errors.find("t.py:2:1: error: expected an indented block after 'if' "
                       "statement on line 1") != std::string::npos);
  CHECK(
      lex("def f():\n")
          .errors.find(
              "error: expected an indented block after function definition on "
              "line 1") != std::string::npos);
}

TEST_CASE("bracket errors") {
  CHECK(lex("x = (1,\n2\n")
            .errors.find("t.py:1:5: error: '(' was never "
                         "closed") != std::string::npos);
  CHECK(
      lex("x = (1]\n")
          .errors.find(
              "t.py:1:7: error: closing parenthesis ']' does not match opening "
              "parenthesis '('") != std::string::npos);
  CHECK(lex("x = 1)\n").errors.find("t.py:1:6: error: unmatched ')'") !=
        std::string::npos);
  std::string deep(IndentingTokenSource::maxBracketDepth + 1, '(');
  CHECK(lex(deep).errors.find("too many nested parentheses") !=
        std::string::npos);
}

TEST_CASE("lexical errors in tokens") {
  CHECK(
      lex("x = 'abc\n")
          .errors.find(
              "t.py:1:5: error: unterminated string literal (detected at line "
              "1)") != std::string::npos);
  CHECK(lex("x = \"\"\"abc\n\ndef\n")
            .errors.find(
                "t.py:1:5: error: unterminated triple-quoted string literal "
                "(detected at line 3)") != std::string::npos);
  // Errors confined to one token do not stop the lexer.
  Lexed l = lex("x = $ + 1abc\n");
  CHECK(l.errors.find("t.py:1:5: error: invalid character '$' (U+0024)") !=
        std::string::npos);
  CHECK(l.errors.find("t.py:1:9: error: invalid decimal literal") !=
        std::string::npos);
}

TEST_CASE("terminated triple-quoted strings are single tokens") {
  Lexed l = lex("x = '''a\n'b'\n''' + \"\"\"c\"\"\"\n");
  CHECK(l.tokens == "x = '''a\n'b'\n''' + \"\"\"c\"\"\" NL");
  CHECK(l.errors.empty());
}
