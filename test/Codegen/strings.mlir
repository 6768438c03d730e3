// f-strings, assert and with: format passes the conversion as a char and
// the spec as bytes; assert_fail always takes its error path; enter/exit.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK-LABEL: llvm.func internal @strings
func.func @strings(%x: !dyn.value, %ctx: !dyn.value) -> !dyn.value {
  // 'r' = 114, spec ".3f" of 3 bytes
  // CHECK: %[[CONV:.*]] = llvm.mlir.constant(114 : i32)
  // CHECK: %[[SPEC:.*]] = llvm.mlir.addressof
  // CHECK: %[[LEN:.*]] = llvm.mlir.constant(3 : i64)
  // CHECK: llvm.call @janus_rt_format(%{{.*}}, %{{.*}}, %[[CONV]], %[[SPEC]], %[[LEN]]) : (i64, i64, i32, !llvm.ptr, i64) -> !llvm.struct<(i64, i64)>
  %f = dyn.format %x "r" ".3f"
  // CHECK: llvm.call @janus_rt_join_strings(%{{.*}}, %{{.*}}) : (!llvm.ptr, i64) -> !llvm.struct<(i64, i64)>
  %s = dyn.join_strings(%f, %f)
  // CHECK: llvm.call @janus_rt_enter(%{{.*}}) : (i64, i64) -> !llvm.struct<(i64, i64)>
  %e = dyn.enter %ctx
  // CHECK: llvm.call @janus_rt_exit(%{{.*}}) : (i64, i64) -> i32
  dyn.exit %ctx
  %t = dyn.truth %s
  cf.cond_br %t, ^ok, ^fail
^ok:
  %n = dyn.none
  return %n : !dyn.value
^fail:
  // Without a message the runtime gets an unbound value.
  // CHECK: llvm.mlir.constant(254 : i64)
  // CHECK: llvm.call @janus_rt_assert_fail(%{{.*}}, %{{.*}}) : (i64, i64) -> ()
  // CHECK-NEXT: llvm.br ^[[ERR:bb[0-9]+]]
  // CHECK: ^[[ERR]]:
  // CHECK-NEXT: llvm.mlir.addressof @__janus.loc
  // CHECK-NEXT: llvm.call @janus_rt_traceback_add
  dyn.assert_fail()
}
