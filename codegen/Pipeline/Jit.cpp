//===- Jit.cpp - Run compiled Janus modules in process with ORC LLJIT -----===//
//
// Implements Jit.h on llvm::orc::LLJIT. LLJIT's default set-up already links
// a "process symbols" JITDylib (a DynamicLibrarySearchGenerator over this
// process) into the main JITDylib, which is what makes the JIT'd code share
// the host's runtime; the target machine builder is the host's, with the
// requested code generation level (jitCodeGenLevel: fast instruction
// selection below -O3, since Janus code is calls into the runtime).
//
//===----------------------------------------------------------------------===//

#include "Pipeline/Jit.h"

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/Support/TargetSelect.h"

#include <mutex>

namespace janus::codegen {

llvm::CodeGenOptLevel jitCodeGenLevel(unsigned optLevel) {
  return optLevel >= 3 ? llvm::CodeGenOptLevel::Aggressive
                       : llvm::CodeGenOptLevel::None;
}

Jit::Jit(std::unique_ptr<llvm::orc::LLJIT> jit) : jit(std::move(jit)) {}

Jit::~Jit() = default;

llvm::Expected<std::unique_ptr<Jit>>
Jit::create(llvm::CodeGenOptLevel codeGenLevel) {
  static std::once_flag initialised;
  std::call_once(initialised, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  machineBuilder->setCodeGenOptLevel(codeGenLevel);
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*machineBuilder))
                 .create();
  if (!jit)
    return jit.takeError();
  std::unique_ptr<Jit> result(new Jit(std::move(*jit)));
  // Materialisation failures (an unresolved symbol) are reported to the
  // session, not in the lookup's error; collect them for lookup, instead of
  // ORC's default of printing them to stderr.
  Jit *self = result.get();
  self->jit->getExecutionSession().setErrorReporter([self](llvm::Error err) {
    if (!self->sessionErrors.empty())
      self->sessionErrors += "; ";
    self->sessionErrors += llvm::toString(std::move(err));
  });
  return result;
}

const llvm::DataLayout &Jit::getDataLayout() const {
  return jit->getDataLayout();
}

llvm::Error Jit::addModule(std::unique_ptr<llvm::Module> module,
                           std::unique_ptr<llvm::LLVMContext> context) {
  return jit->addIRModule(llvm::orc::ThreadSafeModule(
      std::move(module), llvm::orc::ThreadSafeContext(std::move(context))));
}

llvm::Error Jit::withSessionErrors(llvm::Error err) {
  if (sessionErrors.empty())
    return err;
  std::string message =
      sessionErrors + " (" + llvm::toString(std::move(err)) + ")";
  sessionErrors.clear();
  return llvm::createStringError(message);
}

llvm::Expected<void *> Jit::lookup(llvm::StringRef name) {
  if (!initialised) {
    // Runs the main JITDylib's llvm.global_ctors (Janus modules have none
    // today; the pylib's libraries are not JIT'd).
    if (llvm::Error err = jit->initialize(jit->getMainJITDylib()))
      return withSessionErrors(std::move(err));
    initialised = true;
  }
  auto address = jit->lookup(name);
  if (!address)
    return withSessionErrors(address.takeError());
  return address->toPtr<void *>();
}

} // namespace janus::codegen
