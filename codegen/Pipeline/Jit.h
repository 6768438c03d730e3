//===- Jit.h - In-process ORC JIT for compiled modules ----------*- C++ -*-===//
//
// The in-process JIT of the accurate path (`janus run`, tests): an LLVM ORC
// LLJIT for the host that takes optimised LLVM IR modules (Pipeline.h,
// optimizeLLVMIR), compiles them to machine code in this process and returns
// the addresses of their symbols. Undefined symbols of the JIT'd code (the
// janus_rt_* entry points, libm) resolve against the symbols already loaded
// in this process, so JIT'd code uses the one libjanus_runtime.so that the
// host program is linked with, and with it every library the host dlopens
// against that runtime (the compiled pylib). Compilation is lazy in the
// sense ORC uses: a module is compiled when one of its symbols is first
// looked up, on the calling thread. Code stays valid for the lifetime of the
// Jit object.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_PIPELINE_JIT_H
#define JANUS_CODEGEN_PIPELINE_JIT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace llvm::orc {
class LLJIT;
} // namespace llvm::orc

namespace janus::codegen {

class Jit {
public:
  /// A JIT for the host CPU whose code generator runs at -O<optLevel> (0
  /// to 3; the IR optimisation itself is optimizeLLVMIR's job).
  static llvm::Expected<std::unique_ptr<Jit>> create(unsigned optLevel = 2);
  ~Jit();

  /// The data layout modules must have (the host's); translateToLLVMIR with
  /// createHostTargetMachine's machine produces the same one.
  const llvm::DataLayout &getDataLayout() const;

  /// Adds `module`, which must belong to `context`; the Jit takes both.
  /// Its code is generated on the first lookup of one of its symbols.
  llvm::Error addModule(std::unique_ptr<llvm::Module> module,
                        std::unique_ptr<llvm::LLVMContext> context);

  /// Compiles what is needed and returns the address of the (unmangled)
  /// symbol `name`; an error if it is undefined or an undefined symbol of
  /// its module cannot be resolved in this process. Runs the module's
  /// static initialisers (llvm.global_ctors) before the first lookup.
  llvm::Expected<void *> lookup(llvm::StringRef name);

private:
  explicit Jit(std::unique_ptr<llvm::orc::LLJIT> jit);
  std::unique_ptr<llvm::orc::LLJIT> jit;
  bool initialised = false;
};

} // namespace janus::codegen

#endif // JANUS_CODEGEN_PIPELINE_JIT_H
