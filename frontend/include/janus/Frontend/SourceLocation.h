//===- SourceLocation.h - Positions in Janus source files -------*- C++ -*-===//
//
// A SourceLoc is a 1-based line and a 1-based byte column, the convention of
// clang diagnostics and of MLIR's FileLineColLoc. Every AST node carries a
// SourceRange [begin, end) so that diagnostics can point at the node and later
// stages can attach locations to the IR they generate.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_SOURCELOCATION_H
#define JANUS_FRONTEND_SOURCELOCATION_H

#include <cstdint>

namespace janus {

struct SourceLoc {
  uint32_t line = 0; ///< 1-based; 0 means "no location".
  uint32_t col = 0;  ///< 1-based byte column.

  bool isValid() const { return line != 0; }
  friend bool operator==(SourceLoc a, SourceLoc b) {
    return a.line == b.line && a.col == b.col;
  }
  friend bool operator!=(SourceLoc a, SourceLoc b) { return !(a == b); }
  friend bool operator<(SourceLoc a, SourceLoc b) {
    return a.line < b.line || (a.line == b.line && a.col < b.col);
  }
};

struct SourceRange {
  SourceLoc begin; ///< First byte of the construct.
  SourceLoc end;   ///< One past its last byte (may equal begin).

  SourceRange() = default;
  SourceRange(SourceLoc b, SourceLoc e) : begin(b), end(e) {}
  explicit SourceRange(SourceLoc b) : begin(b), end(b) {}
};

} // namespace janus

#endif // JANUS_FRONTEND_SOURCELOCATION_H
