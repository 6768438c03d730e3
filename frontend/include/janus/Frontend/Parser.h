//===- Parser.h - Source text to AST ----------------------------*- C++ -*-===//
//
// The front end's entry point: lexes Janus Python with the indentation-aware
// token source, parses it with the ANTLR4-generated parser and builds the
// typed AST. Lexical errors, syntax errors and syntactic constructs outside
// the subset are reported through the DiagnosticEngine; the ANTLR parse tree
// never escapes this call.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_FRONTEND_PARSER_H
#define JANUS_FRONTEND_PARSER_H

#include "janus/Frontend/AST.h"
#include "janus/Frontend/Diagnostics.h"

#include "llvm/ADT/StringRef.h"

#include <memory>

namespace janus {

/// Parses `source` (the contents of diags.fileName()). Always returns a
/// Module; when diags.hasErrors() afterwards it may be partial and must not
/// be compiled. Never throws, aborts or prints a stack trace on any input.
std::unique_ptr<Module> parseModule(llvm::StringRef source,
                                    DiagnosticEngine &diags);

} // namespace janus

#endif // JANUS_FRONTEND_PARSER_H
