//===- Pipeline.cpp - From a dyn module to LLVM IR, objects, libraries ----===//
//
// Implements Pipeline.h on MLIR's LLVM IR export, LLVM's new pass manager
// (optimisation), the legacy pass manager (code emission, which has no
// new-PM equivalent yet) and llvm::sys::ExecuteAndWait for linking.
//
//===----------------------------------------------------------------------===//

#include "Pipeline/Pipeline.h"

#include "DynToLLVM/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <mutex>

using namespace mlir;

namespace janus::codegen {

void registerPipelineDialects(DialectRegistry &registry) {
  registry.insert<LLVM::LLVMDialect>();
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}

LogicalResult lowerDynToLLVMDialect(ModuleOp module, StringRef moduleName) {
  PassManager pm(module.getContext());
  ConvertDynToLLVMPassOptions options;
  options.moduleName = moduleName.str();
  pm.addPass(createConvertDynToLLVMPass(options));
  return pm.run(module);
}

std::unique_ptr<llvm::Module> translateToLLVMIR(ModuleOp module,
                                                llvm::LLVMContext &context,
                                                llvm::TargetMachine *machine) {
  DialectRegistry registry;
  registerPipelineDialects(registry);
  module.getContext()->appendDialectRegistry(registry);
  std::unique_ptr<llvm::Module> result =
      translateModuleToLLVMIR(module, context, "janus");
  if (result && machine) {
    result->setTargetTriple(machine->getTargetTriple());
    result->setDataLayout(machine->createDataLayout());
  }
  return result;
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine(unsigned optLevel) {
  static std::once_flag initialised;
  std::call_once(initialised, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
  llvm::Triple triple(llvm::sys::getProcessTriple());
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return llvm::createStringError(error);
  llvm::CodeGenOptLevel level = llvm::CodeGenOptLevel::Default;
  if (optLevel == 0)
    level = llvm::CodeGenOptLevel::None;
  else if (optLevel == 1)
    level = llvm::CodeGenOptLevel::Less;
  else if (optLevel >= 3)
    level = llvm::CodeGenOptLevel::Aggressive;
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), "", llvm::TargetOptions(),
      llvm::Reloc::PIC_, std::nullopt, level));
  if (!machine)
    return llvm::createStringError("cannot create a target machine for " +
                                   triple.str());
  return machine;
}

llvm::Error optimizeLLVMIR(llvm::Module &module, unsigned optLevel,
                           llvm::TargetMachine *machine) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);

  llvm::OptimizationLevel level = llvm::OptimizationLevel::O2;
  switch (optLevel) {
  case 0:
    level = llvm::OptimizationLevel::O0;
    break;
  case 1:
    level = llvm::OptimizationLevel::O1;
    break;
  case 2:
    break;
  default:
    level = llvm::OptimizationLevel::O3;
  }
  llvm::ModulePassManager mpm =
      optLevel == 0 ? builder.buildO0DefaultPipeline(level)
                    : builder.buildPerModuleDefaultPipeline(level);
  mpm.run(module, mam);
  return llvm::Error::success();
}

static llvm::Error emit(llvm::Module &module, llvm::TargetMachine &machine,
                        StringRef path, llvm::CodeGenFileType type) {
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return llvm::createStringError(ec, "cannot write " + path);
  module.setTargetTriple(machine.getTargetTriple());
  module.setDataLayout(machine.createDataLayout());
  llvm::legacy::PassManager pm;
  if (machine.addPassesToEmitFile(pm, out, nullptr, type))
    return llvm::createStringError("the target cannot emit this file type");
  pm.run(module);
  out.flush();
  return llvm::Error::success();
}

llvm::Error emitObjectFile(llvm::Module &module, llvm::TargetMachine &machine,
                           StringRef path) {
  return emit(module, machine, path, llvm::CodeGenFileType::ObjectFile);
}

llvm::Error emitAssembly(llvm::Module &module, llvm::TargetMachine &machine,
                         StringRef path) {
  return emit(module, machine, path, llvm::CodeGenFileType::AssemblyFile);
}

llvm::Error linkSharedLibrary(ArrayRef<std::string> objectPaths,
                              StringRef outputPath,
                              const LinkOptions &options) {
  std::string driver = options.driver;
  if (driver.empty()) {
    llvm::ErrorOr<std::string> found = llvm::sys::findProgramByName("c++");
    if (!found)
      return llvm::createStringError("no C++ driver (c++) on PATH");
    driver = *found;
  }
  std::vector<std::string> args = {driver, "-shared"};
  args.insert(args.end(), objectPaths.begin(), objectPaths.end());
  args.push_back("-o");
  args.push_back(outputPath.str());
  if (!options.runtimeDir.empty()) {
    args.push_back("-L" + options.runtimeDir);
    args.push_back("-ljanus_runtime");
    args.push_back("-Wl,-rpath," + options.runtimeDir);
  }
  args.insert(args.end(), options.extraArgs.begin(), options.extraArgs.end());

  SmallVector<StringRef> argRefs(args.begin(), args.end());
  std::string message;
  int rc = llvm::sys::ExecuteAndWait(driver, argRefs, std::nullopt, {}, 0, 0,
                                     &message);
  if (rc != 0) {
    std::string command = llvm::join(args, " ");
    return llvm::createStringError(
        "linking failed (" +
        (message.empty() ? "exit code " + std::to_string(rc) : message) +
        "): " + command);
  }
  return llvm::Error::success();
}

} // namespace janus::codegen
