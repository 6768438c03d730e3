//===- HeaderWriter.h - janusc --header: a module's C header --*- C++ -*-===//
//
// Writes the C header of a module built by `janusc -o lib.so`: the C entry
// points that codegen/DynToLLVM generates for it (CEntryPoints.h), in the
// conventions of janus.h, plus the low-level exports of janus_exec.h.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_TOOLS_JANUSC_HEADERWRITER_H
#define JANUS_TOOLS_JANUSC_HEADERWRITER_H

#include "DynToLLVM/CEntryPoints.h"

#include "llvm/Support/raw_ostream.h"

namespace janus {

/// Writes the header of `interface`, compiled from `sourceFile`, to `os`.
/// The header compiles as C11 and as C++17.
void writeCHeader(llvm::raw_ostream &os, const codegen::CInterface &interface,
                  llvm::StringRef sourceFile);

} // namespace janus

#endif // JANUS_TOOLS_JANUSC_HEADERWRITER_H
