//===- janus.cpp - `janus run`: compile a Janus Python file and run it ----===//
//
// `janus run model.py` runs the accurate path: the front end and MLIRGen
// produce `dyn`, codegen/Pipeline lowers it to LLVM IR and optimises it, and
// the in-process ORC JIT (codegen/Pipeline/Jit.h) compiles it; its runtime
// calls resolve to the libjanus_runtime.so this process is linked with, so
// the program, the pylib and the driver share one runtime. No file is
// written and no C++ driver runs. `__janus_init_main("__main__")` then runs
// the program; a Python error prints its traceback (janus_rt_format_error)
// and exits 1. Janus Python has no `sys`, so a program cannot read
// arguments: `janus run model.py ARG...` is rejected rather than ignoring
// them. --time-report prints the milliseconds spent in each stage to stderr.
// The compiled pylib (torch.nn and torch.optim written in Janus Python) is
// installed by the module's own init when the program names torch.nn or
// torch.optim (janus_rt_require_pylib, docs/runtime.md); janus loads it
// just before the run so --time-report can show that time apart.
// `--profile-out=FILE` adds profile probes and merges the profile into FILE
// at the end (also when the program raised); `janus profile FILE` prints one
// (ProfileCommand.cpp). The speculative JIT is a later stage.
//
//===----------------------------------------------------------------------===//

#include "janus/janus.h"
#include "DynToLLVM/CEntryPoints.h"
#include "MLIRGen/MLIRGen.h"
#include "Pipeline/Jit.h"
#include "Pipeline/Pipeline.h"
#include "ProfileCommand.h"
#include "janus/Frontend/Diagnostics.h"
#include "janus/Frontend/Parser.h"
#include "janus/Frontend/Sema.h"
#include "janus/janus_exec.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

using namespace janus;

namespace {
llvm::cl::OptionCategory janusCategory("janus options");
llvm::cl::opt<std::string> command(llvm::cl::Positional, llvm::cl::desc("run"),
                                   llvm::cl::Required,
                                   llvm::cl::cat(janusCategory));
llvm::cl::opt<std::string> inputFile(llvm::cl::Positional,
                                     llvm::cl::desc("<input .py file, or "
                                                    "profile for 'profile'>"),
                                     llvm::cl::Required,
                                     llvm::cl::cat(janusCategory));
llvm::cl::list<std::string> programArgs(llvm::cl::Positional,
                                        llvm::cl::desc("[program args]"),
                                        llvm::cl::cat(janusCategory));
llvm::cl::opt<std::string> profileOut(
    "profile-out",
    llvm::cl::desc("run: add profile probes and merge the profile into FILE "
                   "when the program ends"),
    llvm::cl::value_desc("FILE"), llvm::cl::cat(janusCategory));
llvm::cl::opt<unsigned> optLevel("O", llvm::cl::desc("Optimisation level"),
                                 llvm::cl::Prefix, llvm::cl::init(1),
                                 llvm::cl::cat(janusCategory));
llvm::cl::opt<bool> timeReport(
    "time-report",
    llvm::cl::desc("Print the time spent in each compile stage and in the "
                   "run to stderr (ms)"),
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

/// Wall-clock and CPU milliseconds spent in each stage of `janus run`, for
/// --time-report. CPU time (std::clock, all threads of the process) lets a
/// benchmark on a loaded machine see the work apart from the waiting.
struct StageTimes {
  struct Stage {
    double wall = 0, cpu = 0;
  };
  using Clock = std::chrono::steady_clock;
  Clock::time_point lastWall = Clock::now();
  std::clock_t lastCpu = std::clock();
  Stage frontEnd, lowering, optimisation, codegen, pylib, run;
  /// Adds the time since the previous call to `stage`.
  void charge(Stage &stage) {
    Clock::time_point now = Clock::now();
    std::clock_t cpuNow = std::clock();
    stage.wall +=
        std::chrono::duration<double, std::milli>(now - lastWall).count();
    stage.cpu += 1000.0 * double(cpuNow - lastCpu) / CLOCKS_PER_SEC;
    lastWall = now;
    lastCpu = cpuNow;
  }
  void print(llvm::raw_ostream &os) const {
    auto row = [&](const char *name, Stage stage) {
      os << llvm::format("  %-20s %10.1f ms  (cpu %.1f ms)\n", name, stage.wall,
                         stage.cpu);
    };
    os << "janus: time report\n";
    row("front end", frontEnd);
    row("MLIR lowering", lowering);
    row("LLVM optimisation", optimisation);
    row("JIT code generation", codegen);
    row("pylib loading", pylib);
    row("run", run);
    Stage compile;
    for (const Stage *stage : {&frontEnd, &lowering, &optimisation, &codegen}) {
      compile.wall += stage->wall;
      compile.cpu += stage->cpu;
    }
    row("compile total", compile);
  }
};

/// Compiles `inputFile` and runs it as `__main__`; returns the exit code.
int compileAndRun(StageTimes &times) {
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
  // The pylib modules the init will require, loaded before the run below.
  std::vector<std::string> pylibsUsed =
      codegen::collectCInterface(*dyn, "main").pylibModules;
  if (!profileOut.empty() && !driver::addProfileProbes(*dyn))
    return 1;
  times.charge(times.frontEnd);

  if (failed(codegen::lowerDynToLLVMDialect(*dyn, "main")))
    return 1;
  auto machine = codegen::createHostTargetMachine(optLevel);
  if (!machine)
    return error(llvm::toString(machine.takeError()));
  auto llvmContext = std::make_unique<llvm::LLVMContext>();
  auto llvmModule =
      codegen::translateToLLVMIR(*dyn, *llvmContext, machine->get());
  if (!llvmModule)
    return 1;
  times.charge(times.lowering);
  if (auto err = codegen::optimizeLLVMIR(*llvmModule, optLevel, machine->get()))
    return error(llvm::toString(std::move(err)));
  times.charge(times.optimisation);

  auto jit = codegen::Jit::create(codegen::jitCodeGenLevel(optLevel));
  if (!jit)
    return error(llvm::toString(jit.takeError()));
  if (auto err =
          (*jit)->addModule(std::move(llvmModule), std::move(llvmContext)))
    return error(llvm::toString(std::move(err)));
  auto initAddress = (*jit)->lookup("__janus_init_main");
  if (!initAddress)
    return error("cannot compile the program: " +
                 llvm::toString(initAddress.takeError()));
  using InitFn = janus_rt_value (*)(janus_rt_value);
  auto init = reinterpret_cast<InitFn>(*initAddress);
  // The JIT'd code must stay mapped until the process ends: the runtime's
  // exit-time cleanup may still release objects whose methods it holds.
  (void)jit->release();
  times.charge(times.codegen);

  for (const std::string &pylib : pylibsUsed)
    if (janus_rt_require_pylib(pylib.c_str()) != 0)
      return pythonError();
  times.charge(times.pylib);

  void *entry = janus_rt_entry_begin();
  janus_rt_value cache = {JANUS_RT_UNBOUND_KIND, 0};
  janus_rt_value name = janus_rt_const_str(&cache, "__main__", 8);
  janus_rt_value result = init(name);
  janus_rt_entry_end(entry);
  std::fflush(stdout);
  times.charge(times.run);
  // The profile is written also when the program raised.
  int profileStatus = profileOut.empty() ? 0 : driver::writeProfile(profileOut);
  if (result.kind == JANUS_RT_ERROR_KIND)
    return pythonError();
  if (profileStatus)
    return profileStatus;
  janus_rt_release(result);
  janus_rt_release(name);
  janus_rt_release(cache);
  return 0;
}
} // namespace

int main(int argc, char **argv) {
  llvm::cl::HideUnrelatedOptions(janusCategory);
  llvm::cl::ParseCommandLineOptions(argc, argv, "janus: run Janus Python\n");
  if (command == "profile" && programArgs.empty())
    return driver::runProfileCommand(inputFile);
  if (command != "run" && command != "profile")
    return error("unknown command '" + command +
                 "' (expected 'run' or 'profile')");
  if (optLevel > 3)
    return error("invalid optimisation level '-O" + llvm::Twine(optLevel) +
                 "' (expected -O0 to -O3)");
  // `--profile-out=` would otherwise run without probes and write nothing.
  if (profileOut.getNumOccurrences() && profileOut.empty())
    return error("--profile-out needs a file name");
  if (command == "profile")
    return error("'janus profile' takes one profile file ('" +
                 programArgs.front() + "' is extra)");
  if (!programArgs.empty())
    return error("program arguments are not supported ('" +
                 programArgs.front() +
                 "'): Janus Python has no 'sys' module, so a program "
                 "cannot read them");
  StageTimes times;
  int status = compileAndRun(times);
  if (timeReport)
    times.print(llvm::errs());
  return status;
}
