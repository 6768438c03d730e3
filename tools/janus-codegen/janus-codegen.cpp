//===- janus-codegen.cpp - The code generation pipeline as a tool ---------===//
//
// Runs codegen/Pipeline on a .mlir file of `dyn` (or already LLVM dialect)
// and writes one stage: the LLVM dialect, LLVM IR, assembly, an object file
// or a shared library. The lit tests of test/Codegen drive it; janusc uses
// the same library behind its --emit and -o flags.
//
//   janus-codegen m.mlir --emit=llvm -O2 -o m.ll
//   janus-codegen m.mlir --emit=so --runtime-dir=build/runtime -o libm.so
//
//===----------------------------------------------------------------------===//

#include "Pipeline/Pipeline.h"

#include "Dyn/DynDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

enum class Emit { LLVMDialect, LLVM, Asm, Obj, SharedLib };

static cl::opt<std::string> inputFile(cl::Positional, cl::desc("<input.mlir>"),
                                      cl::init("-"));
static cl::opt<std::string> outputFile("o", cl::desc("Output file"),
                                       cl::init("-"));
static cl::opt<Emit>
    emit("emit", cl::desc("What to write"), cl::init(Emit::LLVM),
         cl::values(clEnumValN(Emit::LLVMDialect, "llvm-dialect",
                               "the module lowered to the LLVM dialect"),
                    clEnumValN(Emit::LLVM, "llvm", "LLVM IR"),
                    clEnumValN(Emit::Asm, "asm", "host assembly"),
                    clEnumValN(Emit::Obj, "obj", "a host object file"),
                    clEnumValN(Emit::SharedLib, "so", "a shared library")));
static cl::opt<unsigned> optLevel("O", cl::desc("Optimisation level 0-3"),
                                  cl::Prefix, cl::init(2));
static cl::opt<std::string>
    moduleName("module-name",
               cl::desc("Name of the exported __janus_init_<name>"),
               cl::init(""));
static cl::opt<std::string>
    runtimeDir("runtime-dir",
               cl::desc("Directory of libjanus_runtime for --emit=so"),
               cl::init(""));

static int fail(llvm::Error error) {
  llvm::errs() << "janus-codegen: " << llvm::toString(std::move(error)) << "\n";
  return 1;
}

static int fail(const llvm::Twine &message) {
  return fail(llvm::createStringError(message.str()));
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "Janus code generation pipeline\n");

  DialectRegistry registry;
  registry.insert<janus::dyn::DynDialect, func::FuncDialect,
                  cf::ControlFlowDialect, arith::ArithDialect>();
  janus::codegen::registerPipelineDialects(registry);
  MLIRContext context(registry);

  llvm::SourceMgr sourceMgr;
  std::string error;
  auto file = openInputFile(inputFile, &error);
  if (!file)
    return fail(error);
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;

  bool hasDyn = false;
  module->walk([&](Operation *op) {
    if (isa<janus::dyn::DynDialect, func::FuncDialect>(op->getDialect()))
      hasDyn = true;
  });
  if (hasDyn &&
      failed(janus::codegen::lowerDynToLLVMDialect(*module, moduleName)))
    return 1;

  if (emit == Emit::LLVMDialect) {
    auto out = openOutputFile(outputFile, &error);
    if (!out)
      return fail(error);
    module->print(out->os());
    out->keep();
    return 0;
  }

  auto machine = janus::codegen::createHostTargetMachine(optLevel);
  if (!machine)
    return fail(machine.takeError());
  llvm::LLVMContext llvmContext;
  auto llvmModule =
      janus::codegen::translateToLLVMIR(*module, llvmContext, machine->get());
  if (!llvmModule)
    return fail("translation to LLVM IR failed");
  if (auto err =
          janus::codegen::optimizeLLVMIR(*llvmModule, optLevel, machine->get()))
    return fail(std::move(err));

  switch (emit) {
  case Emit::LLVM: {
    auto out = openOutputFile(outputFile, &error);
    if (!out)
      return fail(error);
    llvmModule->print(out->os(), nullptr);
    out->keep();
    return 0;
  }
  case Emit::Asm:
    if (auto err =
            janus::codegen::emitAssembly(*llvmModule, **machine, outputFile))
      return fail(std::move(err));
    return 0;
  case Emit::Obj:
    if (auto err =
            janus::codegen::emitObjectFile(*llvmModule, **machine, outputFile))
      return fail(std::move(err));
    return 0;
  case Emit::SharedLib: {
    if (outputFile == "-")
      return fail("--emit=so needs -o");
    std::string object = outputFile + ".o";
    if (auto err =
            janus::codegen::emitObjectFile(*llvmModule, **machine, object))
      return fail(std::move(err));
    janus::codegen::LinkOptions options;
    options.runtimeDir = runtimeDir;
    llvm::Error err =
        janus::codegen::linkSharedLibrary({object}, outputFile, options);
    llvm::sys::fs::remove(object);
    if (err)
      return fail(std::move(err));
    return 0;
  }
  case Emit::LLVMDialect:
    break;
  }
  return 0;
}
