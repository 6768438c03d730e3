//===- Diagnostics.cpp - clang-style diagnostics --------------------------===//
//
// Formats `FILE:LINE:COL: error: message`, the source line and a caret under
// the column. Tabs before the column are echoed so the caret lines up in a
// terminal; bytes that are not printable (NUL, invalid UTF-8 start bytes) are
// shown as '?' so a diagnostic about bad input cannot itself emit bad output.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/Diagnostics.h"

#include "llvm/Support/WithColor.h"

namespace janus {

DiagnosticEngine::DiagnosticEngine(std::string fileName, std::string source,
                                   llvm::raw_ostream &os)
    : file(std::move(fileName)), text(std::move(source)), lines(text), os(os) {}

llvm::StringRef DiagnosticEngine::lineText(uint32_t line) const {
  if (line == 0 || line > lines.numLines())
    return {};
  size_t begin = lines.lineStart(line);
  if (begin > text.size())
    return {};
  size_t end = begin;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r')
    ++end;
  return llvm::StringRef(text).slice(begin, end);
}

static const char *severityName(Severity s) {
  switch (s) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

void DiagnosticEngine::report(Severity severity, SourceLoc loc,
                              const std::string &message) {
  if (severity == Severity::Error) {
    ++numErrors;
    if (numErrors > errorLimit) {
      if (!limitNoticePrinted) {
        os << file << ": fatal error: too many errors emitted, stopping now\n";
        limitNoticePrinted = true;
      }
      return;
    }
  } else if (numErrors > errorLimit) {
    return; // Notes of suppressed errors are suppressed too.
  }

  os << file;
  if (loc.isValid())
    os << ':' << loc.line << ':' << loc.col;
  os << ": " << severityName(severity) << ": " << message << '\n';
  if (!loc.isValid())
    return;

  llvm::StringRef line = lineText(loc.line);
  std::string shown, caret;
  shown.reserve(line.size());
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    shown.push_back((u < 0x20 && c != '\t') || u == 0x7f ? '?' : c);
  }
  // Keep the caret line aligned: copy tabs, replace everything else by a
  // space, and count a UTF-8 sequence as one column on screen.
  size_t col = loc.col - 1;
  for (size_t i = 0; i < col && i < line.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(line[i]);
    if ((u & 0xC0) == 0x80)
      continue; // UTF-8 continuation byte.
    caret.push_back(line[i] == '\t' ? '\t' : ' ');
  }
  if (col > line.size())
    caret.append(col - line.size(), ' ');
  caret.push_back('^');
  os << shown << '\n' << caret << '\n';
}

void DiagnosticEngine::fileError(const std::string &message) {
  report(Severity::Error, SourceLoc(), message);
}

} // namespace janus
