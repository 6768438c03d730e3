//===- ASTPrinter.h - A stable, readable AST dump ---------------*- C++ -*-===//
//
// `janusc --emit=ast` prints the AST with this printer: one node per line,
// indented two spaces per level, the node kind, its scalar fields and its
// location as <line:col>. The format is stable so lit tests can FileCheck it.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_ASTPRINTER_H
#define JANUS_FRONTEND_ASTPRINTER_H

#include "janus/Frontend/AST.h"

#include "llvm/Support/raw_ostream.h"

namespace janus {

void printAST(const Module &module, llvm::raw_ostream &os);

} // namespace janus

#endif // JANUS_FRONTEND_ASTPRINTER_H
