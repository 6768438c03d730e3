//===- IndentingTokenSource.cpp - Python layout on top of JanusLexer ------===//
//
// Implements the layout rules of CPython's tokenizer (logical lines, INDENT
// and DEDENT, bracket matching) over the tokens of the ANTLR lexer, and turns
// the lexer's error tokens into diagnostics. Errors that leave the layout in
// an unknown state (indentation, brackets, unterminated strings) stop the
// token stream with EOF so that no cascade of follow-up errors is reported;
// errors confined to one token (an invalid character or number) are reported
// and the token dropped, so several of them can be reported in one run.
//
//===----------------------------------------------------------------------===//

#include "IndentingTokenSource.h"

#include "JanusLexer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using janus::grammar::JanusLexer;

namespace janus {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

namespace {

bool isOpener(size_t type) {
  return type == JanusLexer::LPAREN || type == JanusLexer::LBRACK ||
         type == JanusLexer::LBRACE;
}

bool isCloser(size_t type) {
  return type == JanusLexer::RPAREN || type == JanusLexer::RBRACK ||
         type == JanusLexer::RBRACE;
}

char bracketChar(size_t type) {
  switch (type) {
  case JanusLexer::LPAREN:
    return '(';
  case JanusLexer::RPAREN:
    return ')';
  case JanusLexer::LBRACK:
    return '[';
  case JanusLexer::RBRACK:
    return ']';
  case JanusLexer::LBRACE:
    return '{';
  default:
    return '}';
  }
}

size_t matchingCloser(size_t opener) {
  if (opener == JanusLexer::LPAREN)
    return JanusLexer::RPAREN;
  if (opener == JanusLexer::LBRACK)
    return JanusLexer::RBRACK;
  return JanusLexer::RBRACE;
}

/// What CPython calls the statement in "expected an indented block after
/// ..."; null for lines that do not start a compound statement.
const char *headerDescription(size_t type) {
  switch (type) {
  case JanusLexer::IF:
    return "'if' statement";
  case JanusLexer::ELIF:
    return "'elif' statement";
  case JanusLexer::ELSE:
    return "'else' statement";
  case JanusLexer::WHILE:
    return "'while' statement";
  case JanusLexer::FOR:
    return "'for' statement";
  case JanusLexer::WITH:
    return "'with' statement";
  case JanusLexer::TRY:
    return "'try' statement";
  case JanusLexer::EXCEPT:
    return "'except' statement";
  case JanusLexer::FINALLY:
    return "'finally' statement";
  case JanusLexer::DEF:
    return "function definition";
  case JanusLexer::CLASS:
    return "class definition";
  default:
    return nullptr;
  }
}

/// Decodes the UTF-8 sequence at the start of `s` (known to be valid).
uint32_t decodeCodePoint(llvm::StringRef s) {
  if (s.empty())
    return 0;
  unsigned char c = static_cast<unsigned char>(s[0]);
  unsigned len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (len == 1 || s.size() < len)
    return c;
  uint32_t cp = c & (0x7F >> len);
  for (unsigned i = 1; i < len; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

bool isNonPrintable(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
         (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
         (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

std::string hexCodePoint(uint32_t cp) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << "U+" << llvm::format_hex_no_prefix(cp, 4, /*Upper=*/true);
  return out;
}

/// CPython's message for a malformed number token such as "0b12" or "1abc",
/// and the byte (relative to the token) it points at.
std::pair<std::string, size_t> invalidNumberMessage(llvm::StringRef s) {
  auto lower = [](char c) { return static_cast<char>(c | 0x20); };
  if (s.size() >= 2 && s[0] == '0' && lower(s[1]) == 'x')
    return {"invalid hexadecimal literal", 0};
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'o' || lower(s[1]) == 'b')) {
    bool octal = lower(s[1]) == 'o';
    const char *kind = octal ? "octal" : "binary";
    char maxDigit = octal ? '7' : '1';
    for (size_t i = 2; i < s.size(); ++i) {
      if (s[i] > maxDigit && s[i] <= '9')
        return {std::string("invalid digit '") + s[i] + "' in " + kind +
                    " literal",
                i};
      if (s[i] != '_' && !(s[i] >= '0' && s[i] <= maxDigit))
        break;
    }
    return {std::string("invalid ") + kind + " literal", 0};
  }
  if (s.size() >= 2 && s[0] == '0' && llvm::all_of(s, [](char c) {
        return (c >= '0' && c <= '9') || c == '_';
      }))
    return {"leading zeros in decimal integer literals are not permitted; use "
            "an 0o prefix for octal integers",
            0};
  return {"invalid decimal literal", 0};
}

} // namespace

//===----------------------------------------------------------------------===//
// IndentingTokenSource
//===----------------------------------------------------------------------===//

IndentingTokenSource::IndentingTokenSource(llvm::StringRef text,
                                           size_t baseOffset,
                                           const LineTable &lines,
                                           DiagnosticEngine &diags,
                                           bool inBrackets)
    : text(text), baseOffset(baseOffset), lines(lines), diags(diags),
      inBrackets(inBrackets) {
  // The caller has checked that `text` is valid UTF-8, so ANTLR's code point
  // indices line up with this table.
  codePointToByte.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      codePointToByte.push_back(static_cast<uint32_t>(i));
  codePointToByte.push_back(static_cast<uint32_t>(text.size()));

  input = std::make_unique<antlr4::ANTLRInputStream>(text.str());
  lexer = std::make_unique<JanusLexer>(input.get());
  // ERROR_CHAR matches any code point, so the lexer should never fail; if
  // it ever does, report it here rather than let ANTLR print to stderr.
  lexer->removeErrorListeners();
  lexerListener = std::make_unique<LexerFailureListener>(*this);
  lexer->addErrorListener(lexerListener.get());
}

void IndentingTokenSource::LexerFailureListener::syntaxError(
    antlr4::Recognizer *, antlr4::Token *, size_t, size_t, const std::string &,
    std::exception_ptr) {
  size_t index =
      std::min(source.lexer->getCharIndex(), source.codePointToByte.size() - 1);
  source.error(source.baseOffset + source.codePointToByte[index],
               "invalid syntax");
}

IndentingTokenSource::~IndentingTokenSource() = default;

void IndentingTokenSource::error(size_t byteOffset,
                                 const std::string &message) {
  ++errors;
  diags.error(loc(byteOffset), message);
}

std::unique_ptr<JanusToken> IndentingTokenSource::convert(antlr4::Token &raw) {
  auto tok = std::make_unique<JanusToken>(raw.getType(), raw.getText());
  size_t start = std::min(raw.getStartIndex(), codePointToByte.size() - 1);
  size_t stop = raw.getStopIndex() + 1; // One past, as a code point index.
  if (raw.getType() == antlr4::Token::EOF || stop < start)
    stop = start;
  stop = std::min(stop, codePointToByte.size() - 1);
  tok->byteBegin = baseOffset + codePointToByte[start];
  tok->byteEnd = baseOffset + codePointToByte[stop];
  tok->setStartIndex(raw.getStartIndex());
  tok->setStopIndex(raw.getStopIndex());
  SourceLoc l = loc(tok->byteBegin);
  tok->setLine(l.line);
  tok->setCharPositionInLine(l.col - 1);
  return tok;
}

std::unique_ptr<JanusToken>
IndentingTokenSource::synthesize(size_t type, size_t byteOffset) {
  auto tok = std::make_unique<JanusToken>(type, "");
  tok->byteBegin = tok->byteEnd = byteOffset;
  SourceLoc l = loc(byteOffset);
  tok->setLine(l.line);
  tok->setCharPositionInLine(l.col - 1);
  return tok;
}

std::unique_ptr<antlr4::Token> IndentingTokenSource::nextToken() {
  while (pending.empty())
    fill();
  std::unique_ptr<JanusToken> tok = std::move(pending.front());
  pending.pop_front();
  return tok;
}

void IndentingTokenSource::fill() {
  if (done) {
    // The parser may ask again after EOF; keep answering EOF.
    push(synthesize(antlr4::Token::EOF, baseOffset + text.size()));
    return;
  }
  std::unique_ptr<antlr4::Token> raw = lexer->nextToken();
  handleToken(convert(*raw));
}

void IndentingTokenSource::handleToken(std::unique_ptr<JanusToken> tok) {
  size_t type = tok->getType();
  if (type == antlr4::Token::EOF) {
    finish(tok->byteBegin);
    return;
  }

  if (type == JanusLexer::NEWLINE) {
    physLineStart = tok->byteEnd - baseOffset;
    if (inBrackets || !brackets.empty() || atLineStart)
      return; // Implicit line joining, or a blank/comment-only line.
    atLineStart = true;
    blockExpected = lastType == JanusLexer::COLON;
    pendingHeaderType = blockExpected ? headerType : 0;
    pendingHeaderLine = headerLine;
    push(std::move(tok));
    return;
  }

  // A significant token (or an error token standing where one would be).
  if (atLineStart && !inBrackets) {
    if (!handleIndentation(*tok))
      return;
    atLineStart = false;
    headerType = type;
    headerLine = loc(tok->byteBegin).line;
  } else if (headerType == JanusLexer::ASYNC && lastType == JanusLexer::ASYNC) {
    headerType = type; // `async def`/`async for`: describe the statement.
  }
  lastType = type;

  switch (type) {
  case JanusLexer::UNTERMINATED_STRING:
  case JanusLexer::UNTERMINATED_LONG_STRING:
    // The rest of the file is in an unknown state: stop here.
    reportErrorToken(*tok);
    stop(baseOffset + text.size());
    return;
  case JanusLexer::INVALID_NUMBER:
  case JanusLexer::STRAY_BACKSLASH:
  case JanusLexer::ERROR_CHAR:
    reportErrorToken(*tok);
    return;
  default:
    break;
  }

  if ((isOpener(type) || isCloser(type)) && !handleBracket(*tok))
    return;
  push(std::move(tok));
}

bool IndentingTokenSource::handleIndentation(const JanusToken &first) {
  // Measure the indentation both with tab stops of 8 and of 1, like CPython.
  unsigned col = 0, altCol = 0;
  size_t end = first.byteBegin - baseOffset;
  for (size_t i = physLineStart; i < end && i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ') {
      ++col;
      ++altCol;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      ++altCol;
    } else if (c == '\f') {
      col = altCol = 0;
    } else {
      break; // A backslash continuation in the indentation; stop measuring.
    }
  }

  size_t at = first.byteBegin;
  auto inconsistent = [&] {
    error(at, "inconsistent use of tabs and spaces in indentation");
    stop(at);
    return false;
  };
  auto missingBlock = [&] {
    const char *what = headerDescription(pendingHeaderType);
    if (!what)
      return true; // Not a compound statement: let the parser complain.
    error(at, std::string("expected an indented block after ") + what +
                  " on line " + std::to_string(pendingHeaderLine));
    stop(at);
    return false;
  };

  if (col > indents.back()) {
    // An INDENT where no block may start is reported by the parser
    // ("unexpected indent"), which can first say "expected ':'" when the
    // previous line lacks its colon.
    if (altCol <= altIndents.back())
      return inconsistent();
    if (indents.size() > maxIndentDepth) {
      error(at, "too many levels of indentation");
      stop(at);
      return false;
    }
    indents.push_back(col);
    altIndents.push_back(altCol);
    push(synthesize(JanusLexer::INDENT, at));
  } else if (col == indents.back()) {
    if (altCol != altIndents.back())
      return inconsistent();
    if (blockExpected && !missingBlock())
      return false;
  } else {
    while (col < indents.back()) {
      indents.pop_back();
      altIndents.pop_back();
      push(synthesize(JanusLexer::DEDENT, at));
    }
    if (col != indents.back()) {
      error(at, "unindent does not match any outer indentation level");
      stop(at);
      return false;
    }
    if (altCol != altIndents.back())
      return inconsistent();
    if (blockExpected && !missingBlock())
      return false;
  }
  blockExpected = false;
  return true;
}

bool IndentingTokenSource::handleBracket(const JanusToken &tok) {
  size_t type = tok.getType();
  if (isOpener(type)) {
    if (brackets.size() >= maxBracketDepth) {
      error(tok.byteBegin, "too many nested parentheses");
      stop(tok.byteBegin);
      return false;
    }
    brackets.push_back({type, tok.byteBegin});
    return true;
  }
  std::string closer(1, bracketChar(type));
  if (brackets.empty()) {
    error(tok.byteBegin,
          (inBrackets ? "f-string: unmatched '" : "unmatched '") + closer +
              "'");
    stop(tok.byteBegin);
    return false;
  }
  OpenBracket open = brackets.back();
  if (matchingCloser(open.type) != type) {
    std::string msg = "closing parenthesis '" + closer +
                      "' does not match opening parenthesis '" +
                      std::string(1, bracketChar(open.type)) + "'";
    uint32_t openLine = loc(open.byteOffset).line;
    if (openLine != loc(tok.byteBegin).line)
      msg += " on line " + std::to_string(openLine);
    error(tok.byteBegin, msg);
    stop(tok.byteBegin);
    return false;
  }
  brackets.pop_back();
  return true;
}

void IndentingTokenSource::reportErrorToken(const JanusToken &tok) {
  llvm::StringRef spelling =
      text.slice(tok.byteBegin - baseOffset, tok.byteEnd - baseOffset);
  switch (tok.getType()) {
  case JanusLexer::UNTERMINATED_STRING:
  case JanusLexer::UNTERMINATED_LONG_STRING: {
    bool isLong = tok.getType() == JanusLexer::UNTERMINATED_LONG_STRING;
    // "Detected" on the line of the literal's last character.
    size_t last = tok.byteEnd > tok.byteBegin ? tok.byteEnd - 1 : tok.byteBegin;
    error(tok.byteBegin,
          std::string(isLong ? "unterminated triple-quoted string literal"
                             : "unterminated string literal") +
              " (detected at line " + std::to_string(loc(last).line) + ")");
    return;
  }
  case JanusLexer::INVALID_NUMBER: {
    auto [message, offset] = invalidNumberMessage(spelling);
    error(tok.byteBegin + offset, message);
    return;
  }
  case JanusLexer::STRAY_BACKSLASH:
    error(tok.byteBegin, "unexpected character after line continuation "
                         "character");
    return;
  default: {
    uint32_t cp = decodeCodePoint(spelling);
    if (isNonPrintable(cp))
      error(tok.byteBegin,
            "invalid non-printable character " + hexCodePoint(cp));
    else
      error(tok.byteBegin, "invalid character '" + spelling.str() + "' (" +
                               hexCodePoint(cp) + ")");
    return;
  }
  }
}

void IndentingTokenSource::finish(size_t eofByte) {
  if (!brackets.empty()) {
    OpenBracket open = brackets.back();
    error(open.byteOffset,
          std::string("'") + bracketChar(open.type) + "' was never closed");
    stop(eofByte);
    return;
  }
  if (!inBrackets) {
    if (!atLineStart) {
      // The last line has no newline: end it.
      blockExpected = lastType == JanusLexer::COLON;
      pendingHeaderType = blockExpected ? headerType : 0;
      pendingHeaderLine = headerLine;
      push(synthesize(JanusLexer::NEWLINE, eofByte));
      atLineStart = true;
    }
    if (blockExpected && headerDescription(pendingHeaderType)) {
      error(eofByte, std::string("expected an indented block after ") +
                         headerDescription(pendingHeaderType) + " on line " +
                         std::to_string(pendingHeaderLine));
      stop(eofByte);
      return;
    }
    for (size_t i = 1; i < indents.size(); ++i)
      push(synthesize(JanusLexer::DEDENT, eofByte));
    indents.resize(1);
    altIndents.resize(1);
  }
  push(synthesize(antlr4::Token::EOF, eofByte));
  done = true;
}

void IndentingTokenSource::stop(size_t eofByte) {
  // After an error that leaves the layout unknown, end the stream: the
  // caller does not parse a stream with lexical errors anyway.
  push(synthesize(antlr4::Token::EOF, eofByte));
  done = true;
}

size_t IndentingTokenSource::getLine() const { return lexer->getLine(); }

size_t IndentingTokenSource::getCharPositionInLine() {
  return lexer->getCharPositionInLine();
}

antlr4::CharStream *IndentingTokenSource::getInputStream() {
  return input.get();
}

std::string IndentingTokenSource::getSourceName() { return diags.fileName(); }

antlr4::TokenFactory<antlr4::CommonToken> *
IndentingTokenSource::getTokenFactory() {
  return lexer->getTokenFactory();
}

} // namespace janus
