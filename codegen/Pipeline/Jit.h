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
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>

namespace llvm::orc {
class LLJIT;
} // namespace llvm::orc

namespace janus::codegen {

/// The code generation level for IR optimised at -O<optLevel>: None (fast
/// instruction selection and register allocation) below -O3, Aggressive at
/// -O3. Compiled Janus code is mostly calls into the runtime, where the run
/// time is spent, so the slower code generator of -O1/-O2 buys nothing
/// measurable; it cost about 0.3 s of CPU time per example model (ppo,
/// treernn: JIT code generation 80 ms at None against 350-380 ms at
/// Default and Less, run time the same within the noise;
/// docs/performance.md, "Examples on the accurate path").
llvm::CodeGenOptLevel jitCodeGenLevel(unsigned optLevel);

class Jit {
public:
  /// A JIT for the host CPU whose code generator (instruction selection,
  /// register allocation) runs at `codeGenLevel`; the IR optimisation is
  /// optimizeLLVMIR's job, before addModule. jitCodeGenLevel gives the level
  /// `janus run -O<n>` uses.
  static llvm::Expected<std::unique_ptr<Jit>>
  create(llvm::CodeGenOptLevel codeGenLevel);
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
  /// its module cannot be resolved in this process (the message names the
  /// unresolved symbols). Runs the module's
  /// static initialisers (llvm.global_ctors) before the first lookup.
  llvm::Expected<void *> lookup(llvm::StringRef name);

private:
  explicit Jit(std::unique_ptr<llvm::orc::LLJIT> jit);
  /// `err`, prefixed with (and clearing) the session's reported errors.
  llvm::Error withSessionErrors(llvm::Error err);
  std::unique_ptr<llvm::orc::LLJIT> jit;
  bool initialised = false;
  /// Errors the ExecutionSession reported since the last failed lookup.
  std::string sessionErrors;
};

} // namespace janus::codegen

#endif // JANUS_CODEGEN_PIPELINE_JIT_H
