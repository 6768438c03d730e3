//===- janus.cpp - `janus run`: compile a Janus Python file and run it ----===//
//
// `janus run model.py` runs the accurate path: the front end and MLIRGen
// produce `dyn`, codegen/Pipeline lowers and compiles it to a temporary
// shared library linked against libjanus_runtime.so (the same library this
// process is linked with, so both share one runtime), which is loaded with
// dlopen and whose `__janus_init_<stem>("__main__")` runs the program. A
// Python error prints its traceback (janus_rt_format_error) and exits 1.
// The compiled pylib (torch.nn and torch.optim written in Janus Python) is
// installed by the module's own init when the program names torch.nn or
// torch.optim (janus_rt_require_pylib, docs/runtime.md).
// Profiling and the speculative JIT are later stages; an in-process ORC
// JIT would replace the temporary library.
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"
#include "MLIRGen/MLIRGen.h"
#include "Pipeline/Pipeline.h"
#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/Parser.h"
#include "janus/Frontend/Sema.h"
#include "janus/janus_exec.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>

using namespace janus;

namespace {
llvm::cl::OptionCategory janusCategory("janus options");
llvm::cl::opt<std::string> command(llvm::cl::Positional, llvm::cl::desc("run"),
                                   llvm::cl::Required,
                                   llvm::cl::cat(janusCategory));
llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                     llvm::cl::desc("<input .py file>"),
                                     llvm::cl::Required,
                                     llvm::cl::cat(janusCategory));
llvm::cl::opt<unsigned> optLevel("O", llvm::cl::desc("Optimisation level"),
                                 llvm::cl::Prefix, llvm::cl::init(1),
                                 llvm::cl::cat(janusCategory));

int error(const llvm::Twine &message) {
  llvm::errs() << "janus: error: " << message << "\n";
  return 2;
}

/// Prints the pending Python exception; returns 1.
int pythonError() {
  char *message = janus_rt_format_error();
  llvm::errs() << (message ? message : "janus: error without exception\n");
  janus_string_free(message);
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  llvm::cl::HideUnrelatedOptions(janusCategory);
  llvm::cl::ParseCommandLineOptions(argc, argv, "janus: run Janus Python\n");
  if (command != "run")
    return error("unknown command '" + command + "' (expected 'run')");

  auto buffer = llvm::MemoryBuffer::getFile(inputFile, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return error("cannot open '" + inputFile +
                 "': " + buffer.getError().message());
  std::string source = (*buffer)->getBuffer().str();
  DiagnosticEngine diags(inputFile, source);
  std::unique_ptr<Module> module = parseModule(source, diags);
  if (!diags.hasErrors())
    runSema(*module, diags);
  if (diags.hasErrors())
    return 1;

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> dyn = generateDyn(context, *module, diags);
  if (!dyn)
    return 1;
  std::string stem = llvm::sys::path::stem(inputFile).str();
  if (failed(codegen::lowerDynToLLVMDialect(*dyn, "main")))
    return 1;
  auto machine = codegen::createHostTargetMachine(optLevel);
  if (!machine)
    return error(llvm::toString(machine.takeError()));
  llvm::LLVMContext llvmContext;
  auto llvmModule =
      codegen::translateToLLVMIR(*dyn, llvmContext, machine->get());
  if (!llvmModule)
    return 1;
  if (auto err = codegen::optimizeLLVMIR(*llvmModule, optLevel, machine->get()))
    return error(llvm::toString(std::move(err)));

  llvm::SmallString<128> object, library;
  if (llvm::sys::fs::createTemporaryFile("janus-" + stem, "o", object) ||
      llvm::sys::fs::createTemporaryFile("janus-" + stem, "so", library))
    return error("cannot create temporary files");
  llvm::FileRemover removeObject(object), removeLibrary(library);
  if (auto err = codegen::emitObjectFile(*llvmModule, **machine, object))
    return error(llvm::toString(std::move(err)));
  codegen::LinkOptions options;
  options.runtimeDir = JANUS_RUNTIME_DIR;
  if (auto err =
          codegen::linkSharedLibrary({std::string(object)}, library, options))
    return error(llvm::toString(std::move(err)));

  void *handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return error(dlerror());
  using InitFn = janus_rt_value (*)(janus_rt_value);
  auto init = reinterpret_cast<InitFn>(dlsym(handle, "__janus_init_main"));
  if (!init)
    return error("the compiled module has no __janus_init_main");

  void *entry = janus_rt_entry_begin();
  janus_rt_value cache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value name = janus_rt_const_str(&cache, "__main__", 8);
  janus_rt_value result = init(name);
  janus_rt_entry_end(entry);
  std::fflush(stdout);
  if (result.kind == JANUS_RT_ERROR_KIND)
    return pythonError();
  janus_rt_release(result);
  janus_rt_release(name);
  janus_rt_release(cache);
  return 0;
}
