// Calls pass their arguments in the frame's scratch array and a per-op
// janus_rt_site with the name and keyword names; call_direct calls the
// lowered function itself.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s --check-prefix=DECL

// DECL-DAG: llvm.func @janus_rt_call(!llvm.ptr, i64, i64, !llvm.ptr, i64) -> !llvm.struct<(i64, i64)>
// DECL-DAG: llvm.func @janus_rt_call_method(!llvm.ptr, i64, i64, !llvm.ptr, i64) -> !llvm.struct<(i64, i64)>
// DECL-DAG: llvm.func @janus_rt_call_library(!llvm.ptr, !llvm.ptr, i64) -> !llvm.struct<(i64, i64)>
// DECL-DAG: llvm.func @janus_rt_library_value(!llvm.ptr) -> !llvm.struct<(i64, i64)>
// The site of the library call: its name, size, keyword names and a
// zeroed cache.
// DECL-DAG: llvm.mlir.global private unnamed_addr constant @[[ZEROS:.*]]("torch.zeros\00")
// DECL-DAG: llvm.mlir.global private unnamed_addr constant @[[RG:.*]]("requires_grad\00")
// DECL-DAG: llvm.mlir.global internal @{{__janus.site.[0-9]+}}() {{.*}} : !llvm.struct<(ptr, i64, ptr, i64, array<4 x ptr>)>

// CHECK-LABEL: llvm.func internal @calls
func.func @calls(%f: !dyn.value, %a: !dyn.value) -> !dyn.value {
  // The scratch array holds up to two arguments.
  // CHECK: %[[TWO:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK: %[[SCRATCH:.*]] = llvm.alloca %[[TWO]] x !llvm.struct<(i64, i64)>

  // CHECK: %[[SITE:.*]] = llvm.mlir.addressof @__janus.site.{{[0-9]+}}
  // CHECK: llvm.store %{{.*}}, %[[SCRATCH]]
  // CHECK: %[[N:.*]] = llvm.mlir.constant(1 : i64)
  // CHECK: %[[R:.*]] = llvm.call @janus_rt_call(%[[SITE]], %{{.*}}, %{{.*}}, %[[SCRATCH]], %[[N]])
  // CHECK: llvm.cond_br
  %r = dyn.call %f(%a)

  // CHECK: %[[S1:.*]] = llvm.getelementptr %[[SCRATCH]][1]
  // CHECK: llvm.store %{{.*}}, %[[S1]]
  // CHECK: llvm.call @janus_rt_call_method(%{{.*}}, %{{.*}}, %{{.*}}, %[[SCRATCH]], %{{.*}})
  %m = dyn.call_method %r "view"(%a, %a)
  // CHECK: llvm.call @janus_rt_call_library(%{{.*}}, %[[SCRATCH]], %{{.*}})
  %z = dyn.call_library "torch.zeros"(%a, %a) {kwnames = ["requires_grad"]}
  // CHECK: llvm.call @janus_rt_library_value(%{{.*}})
  %d = dyn.library_value "torch.float32"
  // CHECK: %[[D:.*]] = llvm.call @direct(%{{.*}}) : (!llvm.struct<(i64, i64)>) -> !llvm.struct<(i64, i64)>
  // CHECK: llvm.extractvalue %[[D]][0]
  // CHECK: llvm.cond_br
  %x = dyn.call_direct @direct(%m)
  return %x : !dyn.value
}

// CHECK-LABEL: llvm.func internal @direct(
func.func @direct(%a: !dyn.value) -> !dyn.value {
  // A returned parameter is borrowed: it is retained before the return.
  // CHECK: llvm.call @janus_rt_retain
  // CHECK-NEXT: llvm.br
  return %a : !dyn.value
}
