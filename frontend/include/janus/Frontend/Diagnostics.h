//===- Diagnostics.h - clang-style diagnostics for Janus --------*- C++ -*-===//
//
// The DiagnosticEngine prints messages in clang's format on a stream
// (stderr by default):
//
//   model.py:3:7: error: 'try' is not supported; ...
//       x = try
//           ^
//
// It owns a copy of the source text so it can print the offending line, counts
// errors so that the driver can exit with status 1, and stops printing after a
// limit so that a garbage file cannot flood the terminal.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_DIAGNOSTICS_H
#define JANUS_FRONTEND_DIAGNOSTICS_H

#include "janus/Frontend/LineTable.h"
#include "janus/Frontend/SourceLocation.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace janus {

enum class Severity { Error, Warning, Note };

class DiagnosticEngine {
public:
  /// `fileName` is what is printed before `:LINE:COL`; `source` is the text
  /// the locations refer to (may be empty for file-level errors).
  DiagnosticEngine(std::string fileName, std::string source,
                   llvm::raw_ostream &os = llvm::errs());

  void report(Severity severity, SourceLoc loc, const std::string &message);
  void error(SourceLoc loc, const std::string &message) {
    report(Severity::Error, loc, message);
  }
  void warning(SourceLoc loc, const std::string &message) {
    report(Severity::Warning, loc, message);
  }
  void note(SourceLoc loc, const std::string &message) {
    report(Severity::Note, loc, message);
  }
  /// An error about the file as a whole (missing, unreadable): no line/col.
  void fileError(const std::string &message);

  unsigned errorCount() const { return numErrors; }
  bool hasErrors() const { return numErrors != 0; }
  const std::string &fileName() const { return file; }

  /// After this many errors further errors are counted but not printed.
  void setErrorLimit(unsigned limit) { errorLimit = limit; }

  /// Returns the text of 1-based line `line` without its terminator, or an
  /// empty string when out of range.
  llvm::StringRef lineText(uint32_t line) const;

private:
  std::string file;
  std::string text;
  LineTable lines;
  llvm::raw_ostream &os;
  unsigned numErrors = 0;
  unsigned errorLimit = 50;
  bool limitNoticePrinted = false;
};

} // namespace janus

#endif // JANUS_FRONTEND_DIAGNOSTICS_H
