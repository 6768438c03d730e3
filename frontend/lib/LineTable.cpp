//===- LineTable.cpp - Byte offsets to lines and columns ------------------===//
//
// Builds the table of line starts once per file; lookups are a binary search.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/LineTable.h"

#include <algorithm>

namespace janus {

LineTable::LineTable(llvm::StringRef text) {
  lineStarts.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      lineStarts.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      lineStarts.push_back(i + 1);
    }
  }
}

SourceLoc LineTable::locForOffset(size_t offset) const {
  auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
  size_t line = static_cast<size_t>(it - lineStarts.begin()); // >= 1
  SourceLoc loc;
  loc.line = static_cast<uint32_t>(line);
  loc.col = static_cast<uint32_t>(offset - lineStarts[line - 1] + 1);
  return loc;
}

} // namespace janus
