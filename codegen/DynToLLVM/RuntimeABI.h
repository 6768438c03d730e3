//===- RuntimeABI.h - janus_exec.h as seen from the LLVM dialect -*- C++
//-*-===//
//
// The lowering's one view of the runtime's execution ABI
// (runtime/include/janus/janus_exec.h): declares the janus_rt_* functions as
// llvm.func with the C ABI of that header (a janus_rt_value parameter is two
// i64 arguments (kind, bits), a returned one is !llvm.struct<(i64, i64)>),
// emits calls to them, builds and deduplicates the module-level data the
// generated code points to (C strings, janus_rt_site, janus_rt_location,
// slots), and builds and inspects boxed values inline.
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_DYNTOLLVM_RUNTIMEABI_H
#define JANUS_CODEGEN_DYNTOLLVM_RUNTIMEABI_H

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <string>

namespace janus::codegen {

/// Kinds of janus_rt_value that generated code builds or tests inline
/// (janus.h's janus_value_kind_t and janus_exec.h's special kinds).
enum ValueKind : uint64_t {
  NoneKind = 0,
  BoolKind = 1,
  IntKind = 2,
  FloatKind = 3,
  UnboundKind = 254,
  ErrorKind = 255,
};

/// Declarations, calls and module data of the runtime ABI for one module.
/// Every helper that creates a module-level op does so with the builder it
/// is given (so a ConversionPatternRewriter tracks it) under an insertion
/// guard, at the start of the module body.
class RuntimeABI {
public:
  explicit RuntimeABI(mlir::ModuleOp module);

  mlir::ModuleOp getModule() { return module; }
  mlir::MLIRContext *getContext() { return module.getContext(); }

  /// !llvm.struct<(i64, i64)>: janus_rt_value.
  mlir::Type valueType();
  mlir::Type ptrType();
  mlir::Type i64Type();
  mlir::Type i32Type();

  /// Declares (once) and returns runtime function `name`; aborts on a name
  /// that janus_exec.h does not have.
  mlir::LLVM::LLVMFuncOp getFunction(mlir::OpBuilder &b, llvm::StringRef name);

  /// Calls runtime function `name`. `args` are given in C order; a value of
  /// valueType() is passed as its two i64 halves. Returns the result, or a
  /// null Value for a void function.
  mlir::Value call(mlir::OpBuilder &b, mlir::Location loc, llvm::StringRef name,
                   mlir::ValueRange args);

  // --- Constants and inline values ----------------------------------------
  mlir::Value i64(mlir::OpBuilder &b, mlir::Location loc, int64_t v);
  mlir::Value i32(mlir::OpBuilder &b, mlir::Location loc, int32_t v);
  mlir::Value nullPtr(mlir::OpBuilder &b, mlir::Location loc);
  /// The janus_rt_value {kind, bits}.
  mlir::Value makeValue(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value kind, mlir::Value bits);
  mlir::Value makeValue(mlir::OpBuilder &b, mlir::Location loc, uint64_t kind,
                        int64_t bits);
  mlir::Value kindOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v);
  mlir::Value bitsOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v);
  /// i1: v.kind == JANUS_RT_ERROR_KIND.
  mlir::Value isError(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v);
  /// i1: status == -1 (functions returning int32_t).
  mlir::Value isStatusError(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value status);
  void release(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v);
  void retain(mlir::OpBuilder &b, mlir::Location loc, mlir::Value v);

  /// &array[index] for an array of janus_rt_value.
  mlir::Value slotAddress(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value array, int64_t index);

  // --- Module data ----------------------------------------------------------
  /// A private, NUL-terminated constant holding `text`; returns its address.
  mlir::Value cString(mlir::OpBuilder &b, mlir::Location loc,
                      llvm::StringRef text);
  /// A janus_rt_site for an op that names `name` (may be empty) with
  /// keyword names `kwnames`; one per op, as janus_exec.h asks.
  mlir::Value site(mlir::OpBuilder &b, mlir::Location loc, llvm::StringRef name,
                   mlir::ArrayAttr kwnames);
  /// The janus_rt_profile_site of probe site `key` in function `function`:
  /// one per key in the module, so the probes of one loop share it.
  mlir::Value profileSite(mlir::OpBuilder &b, mlir::Location loc,
                          llvm::StringRef key, llvm::StringRef function);
  /// A janus_rt_location for `loc` in function `function`.
  mlir::Value location(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::StringRef function);
  /// The cache slot of the str constant `text` (janus_rt_const_str).
  mlir::Value stringCache(mlir::OpBuilder &b, mlir::Location loc,
                          llvm::StringRef text);
  /// A global janus_rt_value slot named `symbol`, initialised unbound.
  mlir::LLVM::GlobalOp slotGlobal(mlir::OpBuilder &b, mlir::Location loc,
                                  llvm::StringRef symbol);
  /// A private constant array of i64.
  mlir::Value i64Array(mlir::OpBuilder &b, mlir::Location loc,
                       llvm::ArrayRef<int64_t> values);
  /// A private constant array of C strings (const char *const[]).
  mlir::Value cStringArray(mlir::OpBuilder &b, mlir::Location loc,
                           llvm::ArrayRef<llvm::StringRef> strings);

  /// A private constant array of the addresses of the globals `symbols`
  /// (void *const[]).
  mlir::Value addressArray(mlir::OpBuilder &b, mlir::Location loc,
                           llvm::ArrayRef<std::string> symbols);

  /// A symbol name with `prefix` that is not used in the module yet.
  std::string uniqueName(llvm::StringRef prefix);

private:
  /// Creates a global at the start of the module and an initializer block
  /// for it; the caller fills the block (ending in llvm.return).
  mlir::LLVM::GlobalOp createGlobal(mlir::OpBuilder &b, mlir::Location loc,
                                    mlir::Type type, llvm::StringRef name,
                                    bool constant, mlir::Block *&init);

  mlir::ModuleOp module;
  llvm::StringMap<mlir::LLVM::GlobalOp> cStrings;
  llvm::StringMap<mlir::LLVM::GlobalOp> stringCaches;
  llvm::StringMap<mlir::LLVM::GlobalOp> profileSites;
  llvm::StringMap<unsigned> nextSuffix;
};

} // namespace janus::codegen

#endif // JANUS_CODEGEN_DYNTOLLVM_RUNTIMEABI_H
