//===- LineTable.h - Byte offsets to lines and columns ----------*- C++ -*-===//
//
// One rule for where lines start, shared by the lexer (which turns token byte
// offsets into SourceLocs) and the DiagnosticEngine (which echoes the source
// line of a location): lines end at "\n", "\r\n" or a lone "\r", as in
// CPython.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_LINETABLE_H
#define JANUS_FRONTEND_LINETABLE_H

#include "janus/Frontend/SourceLocation.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace janus {

class LineTable {
public:
  explicit LineTable(llvm::StringRef text);

  /// The 1-based line and byte column of byte `offset`.
  SourceLoc locForOffset(size_t offset) const;
  /// The byte offset where 1-based `line` starts; `line` must be in
  /// [1, numLines()].
  size_t lineStart(uint32_t line) const { return lineStarts[line - 1]; }
  /// Lines in the text; an empty text has one (empty) line.
  uint32_t numLines() const { return static_cast<uint32_t>(lineStarts.size()); }

private:
  std::vector<size_t> lineStarts;
};

} // namespace janus

#endif // JANUS_FRONTEND_LINETABLE_H
