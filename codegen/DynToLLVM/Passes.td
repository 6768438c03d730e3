//===- Passes.td - Passes of the generic lowering (dyn → LLVM) ------------===//
//
// Declares convert-dyn-to-llvm; the registration and the options struct
// are generated (GEN_PASS_DECL / GEN_PASS_DEF / GEN_PASS_REGISTRATION).
//
//===----------------------------------------------------------------------===//

#ifndef JANUS_CODEGEN_DYNTOLLVM_PASSES
#define JANUS_CODEGEN_DYNTOLLVM_PASSES

include "mlir/Pass/PassBase.td"

def ConvertDynToLLVMPass : Pass<"convert-dyn-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lowers dyn (with func and cf) to the LLVM dialect as calls "
                "of the runtime's execution ABI (janus_exec.h)";
  let description = [{
    The accurate path's code generator. Assumes a module as MLIRGen emits it
    (docs/compiler.md): func.func bodies of dyn, cf and arith ops in which
    every `!dyn.value` is used only in its defining block and no block other
    than the entry takes a `!dyn.value` argument (the pass checks both and
    fails otherwise). Guarantees a module of LLVM dialect ops only, in which
    every owned value is released exactly once on every path, every failing
    runtime call adds the op's location to the traceback and unwinds the
    frame, and each Python function has a janus_rt_code_t entry and a
    janus_rt_function_desc. @__janus_init is exported as
    `__janus_init_<module-name>`.

    ```mlir
    func.func @f(%x: !dyn.value) -> !dyn.value
        attributes {dyn.params = ["x"], dyn.num_positional = 1 : i64} {
      dyn.store_local "x" = %x
      %0 = dyn.load_local "x"
      %1 = dyn.binary add %0, %0
      return %1 : !dyn.value
    }
    ```
    becomes (abridged)
    ```mlir
    llvm.func internal @f(%arg0: !llvm.struct<(i64, i64)>) -> !llvm.struct<(i64, i64)> {
      %slots = llvm.alloca %c1 x !llvm.struct<(i64, i64)>   // "x", unbound
      llvm.call @janus_rt_store_slot(%slots, %k, %b, %c0_i32)
      %0 = llvm.call @janus_rt_load_slot(%slots, @"x", 0, 0)
      llvm.cond_br %0.kind == 255, ^error0, ^next
    ^next:
      %1 = llvm.call @janus_rt_binary(0, 0, %0.kind, %0.bits, ...)
      llvm.cond_br %1.kind == 255, ^error1, ^next2
    ^next2:
      llvm.call @janus_rt_release(%0.kind, %0.bits)
      llvm.br ^ret(%1)
    ^error1:
      llvm.call @janus_rt_traceback_add(@__janus.loc.1)
      llvm.call @janus_rt_release(%0.kind, %0.bits)
      llvm.br ^unwind
    ^unwind:
      llvm.br ^ret({255, 0})
    ^ret(%r: !llvm.struct<(i64, i64)>):   // releases every slot
      llvm.return %r
    }
    llvm.func internal @__janus.code.f(%args: !llvm.ptr) -> !llvm.struct<(i64, i64)>
    llvm.mlir.global internal constant @__janus.desc.f() : !llvm.struct<(...)>
    ```
  }];
  let options = [
    Option<"moduleName", "module-name", "std::string", /*default=*/"\"\"",
           "Name in the exported __janus_init_<name> (default: the stem of "
           "the module's dyn.source_file, else \"main\")">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // JANUS_CODEGEN_DYNTOLLVM_PASSES
