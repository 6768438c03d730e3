// Placeholder (being written).
#include "janus/Frontend/ASTPrinter.h"
namespace janus { void printAST(const Module &, llvm::raw_ostream &) {} }
