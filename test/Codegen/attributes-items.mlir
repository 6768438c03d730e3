// Attribute access goes through a site naming the attribute; setters and
// del return an int32_t status checked against -1.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK-LABEL: llvm.func internal @attrs
func.func @attrs(%o: !dyn.value, %k: !dyn.value) -> !dyn.value {
  // CHECK: %[[R:.*]] = llvm.call @janus_rt_get_attr(%{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64) -> !llvm.struct<(i64, i64)>
  // CHECK: llvm.extractvalue %[[R]][0]
  // CHECK: llvm.cond_br
  %w = dyn.get_attr %o "weight"
  // CHECK: %[[S:.*]] = llvm.call @janus_rt_set_attr(%{{.*}}) : (!llvm.ptr, i64, i64, i64, i64) -> i32
  // CHECK: %[[M1:.*]] = llvm.mlir.constant(-1 : i32)
  // CHECK: llvm.icmp "eq" %[[S]], %[[M1]] : i32
  // CHECK: llvm.cond_br
  dyn.set_attr %o "weight" = %w
  // %w dies at set_attr.
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.call @janus_rt_get_item(%{{.*}}) : (i64, i64, i64, i64) -> !llvm.struct<(i64, i64)>
  %i = dyn.get_item %o[%k]
  // CHECK: llvm.call @janus_rt_set_item(%{{.*}}) : (i64, i64, i64, i64, i64, i64) -> i32
  dyn.set_item %o[%k] = %i
  // CHECK: llvm.call @janus_rt_del_item(%{{.*}}) : (i64, i64, i64, i64) -> i32
  dyn.del_item %o[%k]
  %n = dyn.none
  // CHECK: llvm.call @janus_rt_make_slice(%{{.*}}) : (i64, i64, i64, i64, i64, i64) -> !llvm.struct<(i64, i64)>
  %s = dyn.make_slice %n, %k, %n
  return %s : !dyn.value
}
