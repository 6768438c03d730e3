// A for loop: the iterator lives in a hidden local; iter_next yields
// (has_item, item) from janus_rt_iter_next's 1 / 0 / -1.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK-LABEL: llvm.func internal @loop
func.func @loop(%xs: !dyn.value) -> !dyn.value {
  // CHECK: llvm.call @janus_rt_get_iter(%{{.*}}, %{{.*}}) : (i64, i64) -> !llvm.struct<(i64, i64)>
  %it = dyn.get_iter %xs
  dyn.store_local "$for.0" = %it
  cf.br ^head
^head:
  // CHECK: %[[S:.*]] = llvm.call @janus_rt_iter_next(%{{.*}}, %{{.*}}, %[[OUT:.*]]) : (i64, i64, !llvm.ptr) -> i32
  // CHECK: llvm.icmp "eq" %[[S]], %{{.*}} : i32
  // CHECK: llvm.cond_br
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i32)
  // CHECK: %[[MORE:.*]] = llvm.icmp "eq" %[[S]], %[[ONE]] : i32
  // CHECK: %[[ITEM:.*]] = llvm.load %[[OUT]]
  %i = dyn.load_local "$for.0"
  %more, %x = dyn.iter_next %i
  dyn.store_local "x" = %x
  // The iterator dies at iter_next, the item after its store.
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.call @janus_rt_store_slot
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.cond_br %[[MORE]], ^{{.*}}, ^{{.*}}
  cf.cond_br %more, ^head, ^done
^done:
  %n = dyn.none
  return %n : !dyn.value
}
