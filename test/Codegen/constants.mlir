// Constants: None, bools, ints and floats are built inline (no call, no
// release); str constants call janus_rt_const_str with a cache slot and are
// checked for errors; Ellipsis comes from the runtime.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @[[HI:__janus.str.[0-9]+]]("hi\00")
// CHECK-DAG: llvm.mlir.global internal @[[CACHE:__janus.strcache.[0-9]+]]() {{.*}} : !llvm.struct<(i64, i64)>
// CHECK-DAG: llvm.func @janus_rt_const_str(!llvm.ptr, !llvm.ptr, i64) -> !llvm.struct<(i64, i64)>

// CHECK-LABEL: llvm.func internal @consts
func.func @consts() -> !dyn.value {
  // CHECK: %[[K:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK: llvm.insertvalue %[[K]], %{{.*}}[0]
  %i = dyn.constant 42 : i64
  // CHECK: llvm.mlir.constant(4612811918334230528 : i64)
  %f = dyn.constant 2.5 : f64
  %b = dyn.constant true
  %n = dyn.none
  // CHECK: %[[C:.*]] = llvm.mlir.addressof @[[CACHE]]
  // CHECK: %[[D:.*]] = llvm.mlir.addressof @[[HI]]
  // CHECK: %[[S:.*]] = llvm.call @janus_rt_const_str(%[[C]], %[[D]], %{{.*}})
  // CHECK: %[[SK:.*]] = llvm.extractvalue %[[S]][0]
  // CHECK: %[[ERR:.*]] = llvm.icmp "eq" %[[SK]], %{{.*}} : i64
  // CHECK: llvm.cond_br %[[ERR]] weights([1, 1000]), ^[[ERRBB:bb[0-9]+]], ^[[OK:bb[0-9]+]]
  %s = dyn.constant "hi"
  // CHECK: ^[[OK]]:
  // The unused str is released right away; inline values never are.
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.call @janus_rt_ellipsis()
  // CHECK-NOT: llvm.call @janus_rt_release
  %e = dyn.ellipsis
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.br ^[[RET:bb[0-9]+]]
  return %n : !dyn.value
  // CHECK: ^[[ERRBB]]:
  // CHECK: llvm.call @janus_rt_traceback_add
}

// CHECK-LABEL: llvm.func internal @from_bool
// CHECK: %[[Z:.*]] = llvm.zext %{{.*}} : i1 to i64
// CHECK: %[[K:.*]] = llvm.mlir.constant(1 : i64)
// CHECK: llvm.insertvalue %[[K]], %{{.*}}[0]
// CHECK: llvm.insertvalue %[[Z]], %{{.*}}[1]
func.func @from_bool(%x: !dyn.value) -> !dyn.value {
  %0 = dyn.is %x, %x
  %1 = dyn.from_bool %0
  return %1 : !dyn.value
}
