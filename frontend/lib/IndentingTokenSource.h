//===- IndentingTokenSource.h - Python layout over JanusLexer --*- C++ -*-===//
//
// The ANTLR lexer (grammar/JanusLexer.g4) only cuts text into tokens. This
// token source wraps it and adds what CPython's tokenizer does beyond that:
//
//  - NEWLINE only at the end of a logical line: newlines inside (), [], {}
//    and those of blank or comment-only lines are dropped; a NEWLINE is
//    synthesized before EOF when the last line lacks one;
//  - INDENT/DEDENT from the indentation of each logical line, with CPython's
//    tab rule (columns compared with tab stops of 8 and of 1);
//  - bracket matching, and caps on bracket and block nesting so that the
//    recursive-descent parser can never overflow the stack;
//  - diagnostics for the lexer's error tokens (unterminated strings, invalid
//    characters and number literals, ...), reported at 1-based line and byte
//    column through the DiagnosticEngine.
//
// Tokens are JanusTokens, which also carry their byte range in the file, so
// that ASTBuilder can give every node an exact SourceRange. A token source
// may lex a piece of the file (an f-string field), given the piece's byte
// offset; it then behaves as if inside brackets (no layout tokens at all).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_LIB_INDENTINGTOKENSOURCE_H
#define JANUS_FRONTEND_LIB_INDENTINGTOKENSOURCE_H

#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/LineTable.h"
#include "janus/Frontend/SourceLocation.h"

#include "llvm/ADT/StringRef.h"

#include "antlr4-runtime.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace janus {

namespace grammar {
class JanusLexer;
} // namespace grammar

/// A token that also knows the bytes [byteBegin, byteEnd) it spans in the
/// file. Synthesized tokens (NEWLINE at EOF, INDENT, DEDENT, EOF) are empty.
class JanusToken : public antlr4::CommonToken {
public:
  using antlr4::CommonToken::CommonToken;
  size_t byteBegin = 0;
  size_t byteEnd = 0;
};

class IndentingTokenSource : public antlr4::TokenSource {
public:
  /// Limits that keep every later recursive stage within the stack; the
  /// values are CPython's.
  static constexpr unsigned maxBracketDepth = 200;
  static constexpr unsigned maxIndentDepth = 100;

  /// Lexes `text`, which starts at byte `baseOffset` of the file that
  /// `lines` describes. `inBrackets` lexes an f-string field: newlines are
  /// insignificant and no NEWLINE/INDENT/DEDENT tokens are produced.
  IndentingTokenSource(llvm::StringRef text, size_t baseOffset,
                       const LineTable &lines, DiagnosticEngine &diags,
                       bool inBrackets = false);
  ~IndentingTokenSource() override;

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override;
  size_t getCharPositionInLine() override;
  antlr4::CharStream *getInputStream() override;
  std::string getSourceName() override;
  antlr4::TokenFactory<antlr4::CommonToken> *getTokenFactory() override;

  /// True once any lexical error was reported by this source.
  bool hadError() const { return errors != 0; }

private:
  class LexerFailureListener : public antlr4::BaseErrorListener {
  public:
    explicit LexerFailureListener(IndentingTokenSource &source)
        : source(source) {}
    void syntaxError(antlr4::Recognizer *, antlr4::Token *, size_t, size_t,
                     const std::string &, std::exception_ptr) override;

  private:
    IndentingTokenSource &source;
  };

  struct OpenBracket {
    size_t type;
    size_t byteOffset;
  };

  void fill();
  void handleToken(std::unique_ptr<JanusToken> tok);
  bool handleIndentation(const JanusToken &first);
  bool handleBracket(const JanusToken &tok);
  void reportErrorToken(const JanusToken &tok);
  void finish(size_t eofByte);
  void stop(size_t eofByte);

  std::unique_ptr<JanusToken> convert(antlr4::Token &raw);
  std::unique_ptr<JanusToken> synthesize(size_t type, size_t byteOffset);
  void push(std::unique_ptr<JanusToken> tok) {
    pending.push_back(std::move(tok));
  }
  SourceLoc loc(size_t byteOffset) const {
    return lines.locForOffset(byteOffset);
  }
  void error(size_t byteOffset, const std::string &message);

  llvm::StringRef text;
  size_t baseOffset;
  const LineTable &lines;
  DiagnosticEngine &diags;
  bool inBrackets;

  std::unique_ptr<antlr4::ANTLRInputStream> input;
  std::unique_ptr<grammar::JanusLexer> lexer;
  std::unique_ptr<LexerFailureListener> lexerListener;
  /// Byte offset (relative to `text`) of each code point, plus the end:
  /// ANTLR indexes code points, diagnostics want bytes.
  std::vector<uint32_t> codePointToByte;

  std::deque<std::unique_ptr<JanusToken>> pending;
  /// Indentation columns of the open blocks with tab stops of 8 and of 1.
  std::vector<unsigned> indents{0}, altIndents{0};
  std::vector<OpenBracket> brackets;
  /// The next significant token starts a logical line.
  bool atLineStart = true;
  /// Byte offset (relative to `text`) where the current physical line starts.
  size_t physLineStart = 0;
  /// About the current logical line: its first keyword (for "expected an
  /// indented block after 'if' statement"), its line, and its last token.
  size_t headerType = 0;
  uint32_t headerLine = 0;
  size_t lastType = 0;
  /// The previous logical line ended with ':' (an indented block may follow).
  bool blockExpected = false;
  size_t pendingHeaderType = 0;
  uint32_t pendingHeaderLine = 0;
  bool done = false;
  unsigned errors = 0;
};

} // namespace janus

#endif // JANUS_FRONTEND_LIB_INDENTINGTOKENSOURCE_H
