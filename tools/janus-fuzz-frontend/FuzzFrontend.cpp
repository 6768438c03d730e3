//===- FuzzFrontend.cpp - libFuzzer entry point for the front end ---------===//
//
// Feeds arbitrary bytes through everything janusc does before code
// generation: UTF-8/NUL checks, the indentation-aware lexer, the ANTLR parser,
// ASTBuilder, Sema, and the AST printer. Diagnostics go to a null stream. Any
// crash, sanitizer report, uncaught exception or timeout is a bug: the front
// end must turn every input into an AST or a diagnostic.
//
//===----------------------------------------------------------------------===//

#include "janus/Frontend/ASTPrinter.h"
#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/Parser.h"
#include "janus/Frontend/Sema.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string source(reinterpret_cast<const char *>(data), size);
  janus::DiagnosticEngine diags("fuzz.py", source, llvm::nulls());
  std::unique_ptr<janus::Module> module = janus::parseModule(source, diags);
  if (!diags.hasErrors() && janus::runSema(*module, diags))
    janus::printAST(*module, llvm::nulls());
  return 0;
}
