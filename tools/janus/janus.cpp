//===- janus.cpp - `janus run`: compile a Janus Python file and run it ----===//
//
// `janus run model.py` runs the accurate path: the front end and MLIRGen
// produce `dyn`, codegen/Pipeline lowers and compiles it to a temporary
// shared library linked against libjanus_runtime.so (the same library this
// process is linked with, so both share one runtime), which is loaded with
// dlopen and whose `__janus_init_<stem>("__main__")` runs the program. A
// Python error prints its traceback (janus_rt_format_error) and exits 1.
// Before it runs, the compiled pylib (libjanus_pylib_torch_nn.so and
// libjanus_pylib_torch_optim.so, built with janus into JANUS_PYLIB_DIR, or
// $JANUS_PYLIB_DIR) is loaded when the program names torch.nn or
// torch.optim: each module's init runs with __name__ "torch.nn" /
// "torch.optim", and every global that is a class or function with a row of
// that Library.def module is registered under its qualified name
// (janus_rt_register_library_value), so `nn.Linear` is the pylib's class.
// `--profile-out=FILE` adds profile probes and merges the profile into FILE
// at the end; `janus profile FILE` prints one (ProfileCommand.cpp). The
// speculative JIT is a later stage; an in-process ORC JIT would replace the
// temporary library.
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"
#include "MLIRGen/MLIRGen.h"
#include "Pipeline/Pipeline.h"
#include "ProfileCommand.h"
#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/Parser.h"
#include "janus/Frontend/Sema.h"
#include "janus/janus_exec.h"
#include "Signature/LibraryRows.h"

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
llvm::cl::opt<std::string> command(llvm::cl::Positional,
                                   llvm::cl::desc("run | profile"),
                                   llvm::cl::Required,
                                   llvm::cl::cat(janusCategory));
llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                     llvm::cl::desc("<input .py file, or "
                                                    "profile for 'profile'>"),
                                     llvm::cl::Required,
                                     llvm::cl::cat(janusCategory));
llvm::cl::opt<std::string> profileOut(
    "profile-out",
    llvm::cl::desc("run: add profile probes and merge the profile into FILE "
                   "when the program ends"),
    llvm::cl::value_desc("FILE"), llvm::cl::cat(janusCategory));
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

/// One pylib module: its file stem and the Library.def module it implements.
struct PylibModule {
  const char *stem;
  LibModule module;
};
constexpr PylibModule pylibModules[] = {{"torch_nn", LibModule::TorchNN},
                                        {"torch_optim", LibModule::TorchOptim}};

/// Whether the program names something of Library.def module `module`.
bool usesLibraryModule(mlir::ModuleOp dyn, LibModule module) {
  std::string prefix = std::string(libModuleName(module)) + ".";
  bool used = false;
  dyn.walk([&](mlir::Operation *op) {
    llvm::StringRef opName = op->getName().getStringRef();
    if (opName != "dyn.call_library" && opName != "dyn.library_value")
      return;
    auto name = op->getAttrOfType<mlir::StringAttr>("name");
    if (!name || !name.getValue().starts_with(prefix))
      return;
    // torch.nn.functional.relu is not torch.nn's.
    if (name.getValue().drop_front(prefix.size()).contains('.'))
      return;
    used = true;
  });
  return used;
}

/// Loads libjanus_pylib_<stem>.so, runs its init and registers its classes
/// and functions that are rows of `pylib.module`. Returns 0, else the exit
/// code after reporting the error.
int loadPylib(const PylibModule &pylib) {
  const char *dir = std::getenv("JANUS_PYLIB_DIR");
  std::string path = std::string(dir && *dir ? dir : JANUS_PYLIB_DIR) +
                     "/libjanus_pylib_" + pylib.stem + ".so";
  void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return error(llvm::Twine("cannot load the pylib: ") + dlerror());
  using InitFn = janus_rt_value (*)(janus_rt_value);
  using GlobalFn = janus_rt_value (*)(const char *);
  std::string stem = pylib.stem;
  auto init =
      reinterpret_cast<InitFn>(dlsym(handle, ("__janus_init_" + stem).c_str()));
  auto global = reinterpret_cast<GlobalFn>(
      dlsym(handle, ("__janus_global_" + stem).c_str()));
  if (!init || !global)
    return error(path + " lacks __janus_init_" + stem + " or __janus_global_" +
                 stem);

  const char *dotted = libModuleName(pylib.module);
  janus_rt_value cache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value name =
      janus_rt_const_str(&cache, dotted, int64_t(std::strlen(dotted)));
  janus_rt_value result = init(name);
  janus_rt_release(name);
  janus_rt_release(cache);
  if (result.kind == JANUS_RT_ERROR_KIND)
    return pythonError();
  janus_rt_release(result);

  const LibRow *rows = libraryRows();
  for (size_t i = 0, e = numLibraryRows(); i < e; ++i) {
    const LibRow &row = rows[i];
    if (row.module != pylib.module)
      continue;
    janus_rt_value value = global(row.name);
    if (value.kind == JANUS_VALUE_CLASS || value.kind == JANUS_VALUE_FUNCTION) {
      if (janus_rt_register_library_value(libQualifiedName(row).c_str(),
                                          value) != 0) {
        janus_rt_release(value);
        return pythonError();
      }
    }
    janus_rt_release(value);
  }
  return 0; // the library stays loaded: its classes are registered
}
} // namespace

int main(int argc, char **argv) {
  llvm::cl::HideUnrelatedOptions(janusCategory);
  llvm::cl::ParseCommandLineOptions(argc, argv, "janus: run Janus Python\n");
  if (command == "profile")
    return driver::runProfileCommand(inputFile);
  if (command != "run")
    return error("unknown command '" + command +
                 "' (expected 'run' or 'profile')");

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
  llvm::SmallVector<const PylibModule *> pylibsUsed;
  for (const PylibModule &pylib : pylibModules)
    if (usesLibraryModule(*dyn, pylib.module))
      pylibsUsed.push_back(&pylib);
  if (!profileOut.empty() && !driver::addProfileProbes(*dyn))
    return 1;
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

  for (const PylibModule *pylib : pylibsUsed)
    if (int status = loadPylib(*pylib))
      return status;

  void *entry = janus_rt_entry_begin();
  janus_rt_value cache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value name = janus_rt_const_str(&cache, "__main__", 8);
  janus_rt_value result = init(name);
  janus_rt_entry_end(entry);
  std::fflush(stdout);
  // The profile is written also when the program raised.
  int profileStatus =
      profileOut.empty() ? 0 : driver::writeProfile(profileOut);
  if (result.kind == JANUS_RT_ERROR_KIND)
    return pythonError();
  if (profileStatus)
    return profileStatus;
  janus_rt_release(result);
  janus_rt_release(name);
  janus_rt_release(cache);
  return 0;
}
