//===- ASTBuilderLiteral.cpp - Number, string and f-string literals -------===//
//
// Decodes literal tokens the way CPython does: integers in four bases with
// underscores (checked to fit Janus's 64-bit ints), floats, string escapes
// (unknown escapes are kept verbatim, as in CPython), implicit concatenation
// of adjacent literals, and f-strings. An f-string body is split here into
// literal text and replacement fields; each field's expression is parsed by
// a nested parser on its own text (parseFStringField) at its real offset in
// the file, so diagnostics and node locations inside fields are exact.
//
//===----------------------------------------------------------------------===//

#include "ASTBuilder.h"

#include "llvm/ADT/StringExtras.h"

#include <cerrno>
#include <cstdlib>

using janus::grammar::JanusParser;

namespace janus {

//===----------------------------------------------------------------------===//
// Numbers
//===----------------------------------------------------------------------===//

ExprPtr ASTBuilder::buildIntLiteral(antlr4::Token *tok, bool negated) {
  std::string digits;
  for (char c : tok->getText())
    if (c != '_')
      digits.push_back(c);
  unsigned radix = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    char kind = static_cast<char>(digits[1] | 0x20);
    if (kind == 'x' || kind == 'o' || kind == 'b') {
      radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
      start = 2;
    }
  }
  // The magnitude may reach 2^63 only for the folded `-9223372036854775808`.
  uint64_t limit = negated ? uint64_t(1) << 63 : uint64_t(INT64_MAX);
  uint64_t value = 0;
  bool tooLarge = false;
  for (size_t i = start; i < digits.size() && !tooLarge; ++i) {
    unsigned digit = 0;
    llvm::StringRef(&digits[i], 1).getAsInteger(16, digit);
    if (value > (limit - digit) / radix)
      tooLarge = true;
    else
      value = value * radix + digit;
  }
  SourceRange range = rangeOf(tok);
  if (tooLarge) {
    error(tok, "integer literal too large for Janus (64-bit ints)");
    return std::make_unique<IntLit>(range, 0);
  }
  int64_t result =
      negated ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
  return std::make_unique<IntLit>(range, result);
}

ExprPtr ASTBuilder::buildFloatLiteral(antlr4::Token *tok) {
  std::string text;
  for (char c : tok->getText())
    if (c != '_')
      text.push_back(c);
  // Like CPython, a literal beyond the double range is inf, not an error.
  double value = std::strtod(text.c_str(), nullptr);
  return std::make_unique<FloatLit>(rangeOf(tok), value);
}

//===----------------------------------------------------------------------===//
// Strings
//===----------------------------------------------------------------------===//

static void appendUTF8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string ASTBuilder::decodeEscapes(llvm::StringRef body, size_t bodyOffset,
                                      bool isRaw) {
  std::string out;
  out.reserve(body.size());
  size_t n = body.size();
  for (size_t i = 0; i < n; ++i) {
    char c = body[i];
    // Newlines in the source are "\n" in the value, whatever the file uses.
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < n && body[i + 1] == '\n')
        ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= n) {
      out.push_back(c);
      continue;
    }
    char next = body[i + 1];
    if (isRaw) {
      // A raw string keeps the backslash, but it still protects a quote.
      out.push_back('\\');
      continue;
    }
    size_t at = bodyOffset + i;
    ++i; // Now at `next`.
    switch (next) {
    case '\n':
      continue; // Line continuation inside the literal.
    case '\r':
      if (i + 1 < n && body[i + 1] == '\n')
        ++i;
      continue;
    case '\\':
      out.push_back('\\');
      continue;
    case '\'':
      out.push_back('\'');
      continue;
    case '"':
      out.push_back('"');
      continue;
    case 'a':
      out.push_back('\a');
      continue;
    case 'b':
      out.push_back('\b');
      continue;
    case 'f':
      out.push_back('\f');
      continue;
    case 'n':
      out.push_back('\n');
      continue;
    case 'r':
      out.push_back('\r');
      continue;
    case 't':
      out.push_back('\t');
      continue;
    case 'v':
      out.push_back('\v');
      continue;
    case 'N':
      error(locOf(at), "'\\N{...}' escapes are not supported in Janus "
                       "Python; write the character itself");
      continue;
    default:
      break;
    }
    if (next >= '0' && next <= '7') {
      uint32_t cp = 0;
      size_t len = 0;
      while (len < 3 && i < n && body[i] >= '0' && body[i] <= '7') {
        cp = cp * 8 + static_cast<uint32_t>(body[i] - '0');
        ++i;
        ++len;
      }
      --i;
      appendUTF8(out, cp);
      continue;
    }
    if (next == 'x' || next == 'u' || next == 'U') {
      size_t len = next == 'x' ? 2 : next == 'u' ? 4 : 8;
      uint32_t cp = 0;
      size_t got = 0;
      while (got < len && i + 1 + got < n &&
             llvm::isHexDigit(body[i + 1 + got])) {
        cp = cp * 16 + llvm::hexDigitValue(body[i + 1 + got]);
        ++got;
      }
      if (got < len) {
        std::string form = next == 'x'   ? "\\xXX"
                           : next == 'u' ? "\\uXXXX"
                                         : "\\UXXXXXXXX";
        error(locOf(at), "truncated " + form + " escape");
        i += got;
        continue;
      }
      i += len;
      if (cp > 0x10FFFF) {
        error(locOf(at), "illegal Unicode character in escape");
        continue;
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        error(locOf(at), "lone surrogates cannot be represented in Janus "
                         "strings (UTF-8)");
        continue;
      }
      appendUTF8(out, cp);
      continue;
    }
    // Unknown escape: CPython keeps it verbatim.
    out.push_back('\\');
    --i;
  }
  return out;
}

namespace {
struct StringPieces {
  bool isRaw = false, isBytes = false, isFormat = false;
  llvm::StringRef body;
  size_t bodyOffset = 0;
};

StringPieces splitString(const JanusToken &tok, llvm::StringRef text) {
  StringPieces p;
  size_t prefix = 0;
  while (prefix < text.size() && text[prefix] != '\'' && text[prefix] != '"') {
    char c = static_cast<char>(text[prefix] | 0x20);
    p.isRaw |= c == 'r';
    p.isBytes |= c == 'b';
    p.isFormat |= c == 'f';
    ++prefix;
  }
  llvm::StringRef rest = text.drop_front(prefix);
  size_t quote = 1;
  if (rest.size() >= 6 &&
      (rest.starts_with("'''") || rest.starts_with("\"\"\"")))
    quote = 3;
  p.body = rest.drop_front(quote).drop_back(quote);
  p.bodyOffset = tok.byteBegin + prefix + quote;
  return p;
}

void appendText(std::vector<FString::Part> &parts, const std::string &text) {
  if (text.empty())
    return;
  if (!parts.empty() && !parts.back().expr) {
    parts.back().text += text;
    return;
  }
  FString::Part part;
  part.text = text;
  parts.push_back(std::move(part));
}
} // namespace

ExprPtr ASTBuilder::buildStrings(P::StringAtomContext *ctx) {
  SourceRange range = rangeOf(ctx);
  std::vector<antlr4::tree::TerminalNode *> strings = ctx->STRING();
  std::vector<StringPieces> pieces;
  bool anyFormat = false, ok = true;
  for (antlr4::tree::TerminalNode *node : strings) {
    auto *tok = dynamic_cast<JanusToken *>(node->getSymbol());
    if (!tok)
      return std::make_unique<StrLit>(range, "");
    // Slice the file's bytes rather than re-encode ANTLR's UTF-32 text.
    StringPieces p =
        splitString(*tok, session.fileText.slice(tok->byteBegin, tok->byteEnd));
    if (p.isBytes) {
      error(node->getSymbol(), "bytes literals are not supported in Janus "
                               "Python; use a str literal instead");
      ok = false;
    }
    anyFormat |= p.isFormat;
    pieces.push_back(p);
  }
  if (!ok)
    return std::make_unique<StrLit>(range, "");

  if (!anyFormat) {
    std::string value;
    for (const StringPieces &p : pieces)
      value += decodeEscapes(p.body, p.bodyOffset, p.isRaw);
    return std::make_unique<StrLit>(range, std::move(value));
  }
  // Fields are parsed at the literal's depth (computed only here: it walks
  // up the tree).
  fieldDepth = depthBase + ctx->depth();
  std::vector<FString::Part> parts;
  for (const StringPieces &p : pieces) {
    if (p.isFormat)
      buildFStringParts(p.body, p.bodyOffset, p.isRaw, parts);
    else
      appendText(parts, decodeEscapes(p.body, p.bodyOffset, p.isRaw));
  }
  return std::make_unique<FString>(range, std::move(parts));
}

//===----------------------------------------------------------------------===//
// f-strings
//===----------------------------------------------------------------------===//

void ASTBuilder::buildFStringParts(llvm::StringRef body, size_t bodyOffset,
                                   bool isRaw,
                                   std::vector<FString::Part> &parts) {
  size_t n = body.size(), i = 0, chunkStart = 0;
  std::string text;
  auto flushChunk = [&](size_t end) {
    text += decodeEscapes(body.slice(chunkStart, end), bodyOffset + chunkStart,
                          isRaw);
  };
  auto fail = [&](size_t at, const std::string &message) {
    error(locOf(bodyOffset + at), message);
  };

  while (i < n) {
    char c = body[i];
    if (c == '\\' && i + 1 < n && body[i + 1] != '{' && body[i + 1] != '}') {
      i += 2; // Decoded with its chunk; skipping keeps `\'` out of the scan.
      continue;
    }
    if ((c == '{' || c == '}') && i + 1 < n && body[i + 1] == c) {
      flushChunk(i);
      text.push_back(c);
      i += 2;
      chunkStart = i;
      continue;
    }
    if (c == '}')
      return fail(i, "f-string: single '}' is not allowed");
    if (c != '{') {
      ++i;
      continue;
    }

    // A replacement field: find where its expression ends. Brackets and
    // strings inside the expression may contain ':', '!' and '}'.
    flushChunk(i);
    size_t open = i, j = i + 1;
    int depth = 0;
    char quote = 0;
    for (; j < n; ++j) {
      char d = body[j];
      if (quote) {
        if (d == quote)
          quote = 0;
        else if (d == '\\')
          return fail(j, "f-string expression part cannot include a "
                         "backslash");
        continue;
      }
      if (d == '\'' || d == '"') {
        quote = d;
      } else if (d == '\\') {
        return fail(j, "f-string expression part cannot include a backslash");
      } else if (d == '#') {
        return fail(j, "f-string expression part cannot include '#'");
      } else if (d == '(' || d == '[' || d == '{') {
        ++depth;
      } else if (d == ')' || d == ']' || d == '}') {
        if (depth == 0 && d == '}')
          break;
        if (depth > 0)
          --depth;
      } else if (depth == 0) {
        char after = j + 1 < n ? body[j + 1] : 0;
        char before = body[j - 1];
        if (d == '!' && after != '=')
          break;
        if (d == ':')
          break;
        if (d == '=' && after != '=' && !llvm::is_contained("=!<>", before))
          break;
      }
    }
    if (j >= n)
      return fail(open, "f-string: expecting '}'");
    llvm::StringRef exprText = body.slice(open + 1, j);
    if (exprText.trim().empty())
      return fail(open, "f-string: empty expression not allowed");

    FString::Part field;
    std::string debugText;
    if (body[j] == '=') {
      // `{x=}`: the text "x=" (and any spaces after '=') precedes the value.
      size_t k = j + 1;
      while (k < n && body[k] == ' ')
        ++k;
      debugText = body.slice(open + 1, k).str();
      j = k;
    }
    if (j < n && body[j] == '!') {
      if (j + 2 < n && llvm::is_contained("rsa", body[j + 1]) &&
          (body[j + 2] == ':' || body[j + 2] == '}')) {
        field.conversion = body[j + 1];
        j += 2;
      } else {
        return fail(j + 1, "f-string: invalid conversion character: expected "
                           "'s', 'r', or 'a'");
      }
    }
    if (j < n && body[j] == ':') {
      size_t specStart = ++j;
      for (; j < n && body[j] != '}'; ++j)
        if (body[j] == '{')
          return fail(j, "nested replacement fields in f-string format specs "
                         "are not supported");
      field.formatSpec = body.slice(specStart, j).str();
    }
    if (j >= n || body[j] != '}')
      return fail(j < n ? j : open, "f-string: expecting '}'");

    field.expr =
        parseFStringField(exprText, bodyOffset + open + 1, session, fieldDepth);
    if (!field.expr)
      return;
    if (!debugText.empty()) {
      text += debugText;
      if (!field.conversion && field.formatSpec.empty())
        field.conversion = 'r';
    }
    appendText(parts, text);
    text.clear();
    parts.push_back(std::move(field));
    i = chunkStart = j + 1;
  }
  flushChunk(n);
  appendText(parts, text);
}

} // namespace janus
