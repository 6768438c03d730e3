//===- CEntryPoints.h - The C interface of a janusc module -----*- C++ -*-===//
//
// What a shared library built by `janusc model.py -o libmodel.so` exports
// for C and C++ applications (docs/compiler.md, "C entry points"):
//
//   janus_status_t model_init(void);
//   janus_status_t model_<f>(janus_value_t p1, ..., janus_value_t *out_result);
//
// one function per top-level `def f`, taking its parameters that have no
// default and are not keyword-only. collectCInterface decides, from the
// `dyn` module as MLIRGen emits it, which functions get an entry point and
// under which C names; convert-dyn-to-llvm generates the entry points from
// it and janusc's --header declares the same list, so the two agree.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_DYNTOLLVM_CENTRYPOINTS_H
#define JANUS_CODEGEN_DYNTOLLVM_CENTRYPOINTS_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace janus::codegen {

/// One top-level function of the module.
struct CEntryPoint {
  /// The Python name, which is also the global the entry point calls.
  std::string pythonName;
  /// `<module>_<pythonName>`; empty when the function has no entry point.
  std::string cName;
  /// The C parameter names of the parameters the entry point passes
  /// (positional, without a default), in order.
  std::vector<std::string> params;
  /// Parameters left to their defaults (positional with a default, and
  /// keyword-only with a default).
  std::vector<std::string> defaulted;
  /// Why there is no entry point, when cName is empty.
  std::string omittedBecause;
};

/// The C interface of one module.
struct CInterface {
  /// The C identifier of the module (cIdentifier of its name).
  std::string moduleName;
  /// `<module>_init`.
  std::string initName;
  /// Top-level functions in the order of their first definition.
  std::vector<CEntryPoint> functions;
  /// The pylib modules ("torch.nn", "torch.optim") the module names: its
  /// init loads them (janus_rt_require_pylib) before running.
  std::vector<std::string> pylibModules;
};

/// A C identifier for a module name: other characters than [A-Za-z0-9_]
/// become '_', and a leading digit (or an empty name) gets a '_' prefix
/// ("my-model" → "my_model").
std::string cIdentifier(llvm::StringRef name);

/// The C interface of `module`, a `dyn` module before convert-dyn-to-llvm.
CInterface collectCInterface(mlir::ModuleOp module, llvm::StringRef moduleName);

} // namespace janus::codegen

#endif // JANUS_CODEGEN_DYNTOLLVM_CENTRYPOINTS_H
