//===- Pipeline.h - From a dyn module to LLVM IR, objects, libraries -*- C++
//-*-===//
//
// The code generation pipeline of the accurate path as a small library, for
// janusc, `janus run` and tests: lower a `dyn` module to the LLVM dialect
// (convert-dyn-to-llvm), translate it to LLVM IR, optimise it with LLVM's
// new pass manager, emit an object file or assembly for the host, and link
// objects into a shared library against the runtime with the system C++
// driver.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_PIPELINE_PIPELINE_H
#define JANUS_CODEGEN_PIPELINE_PIPELINE_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>
#include <vector>

namespace janus::codegen {

/// Registers the dialects and translations that the pipeline needs with
/// `registry` (LLVM dialect and its translation to LLVM IR).
void registerPipelineDialects(mlir::DialectRegistry &registry);

/// Runs convert-dyn-to-llvm on `module` (in place). `moduleName` names the
/// exported `__janus_init_<moduleName>`; empty takes the stem of the
/// module's dyn.source_file. Diagnostics go to the context's handler.
mlir::LogicalResult lowerDynToLLVMDialect(mlir::ModuleOp module,
                                          llvm::StringRef moduleName = "");

/// Translates a module of LLVM dialect ops to LLVM IR (null on failure,
/// with a diagnostic). Sets the host triple and data layout when `machine`
/// is given.
std::unique_ptr<llvm::Module>
translateToLLVMIR(mlir::ModuleOp module, llvm::LLVMContext &context,
                  llvm::TargetMachine *machine = nullptr);

/// A TargetMachine for the host (the native target is initialised on first
/// use), position-independent so its objects can go into shared libraries.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(unsigned optLevel = 2);

/// Runs LLVM's default module pipeline for -O<optLevel> (0 to 3).
llvm::Error optimizeLLVMIR(llvm::Module &module, unsigned optLevel,
                           llvm::TargetMachine *machine = nullptr);

/// Writes `module` as an object file / assembly for `machine`.
llvm::Error emitObjectFile(llvm::Module &module, llvm::TargetMachine &machine,
                           llvm::StringRef path);
llvm::Error emitAssembly(llvm::Module &module, llvm::TargetMachine &machine,
                         llvm::StringRef path);

/// How linkSharedLibrary finds the runtime.
struct LinkOptions {
  /// Directory holding libjanus_runtime.so (or a PIC libjanus_runtime.a);
  /// empty links no runtime (its symbols stay undefined in the library and
  /// are resolved by the process that loads it).
  std::string runtimeDir;
  /// The C++ driver; empty finds `c++` on PATH.
  std::string driver;
  std::vector<std::string> extraArgs;
};

/// Links `objectPaths` into the shared library `outputPath` with
///   c++ -shared OBJ... -o OUT [-L DIR -ljanus_runtime -Wl,-rpath,DIR]
llvm::Error linkSharedLibrary(llvm::ArrayRef<std::string> objectPaths,
                              llvm::StringRef outputPath,
                              const LinkOptions &options = {});

} // namespace janus::codegen

#endif // JANUS_CODEGEN_PIPELINE_PIPELINE_H
