// Container builders pass their items in the scratch array; dyn.unpack
// reads its results back from it after the runtime fills it.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK-LABEL: llvm.func internal @containers
func.func @containers(%a: !dyn.value, %b: !dyn.value) -> !dyn.value {
  // CHECK: %[[FOUR:.*]] = llvm.mlir.constant(4 : i64) : i64
  // CHECK: %[[SCRATCH:.*]] = llvm.alloca %[[FOUR]] x
  // CHECK: llvm.call @janus_rt_make_tuple(%[[SCRATCH]], %{{.*}}) : (!llvm.ptr, i64) -> !llvm.struct<(i64, i64)>
  %t = dyn.make_tuple(%a, %b)
  // CHECK: llvm.call @janus_rt_make_list(%[[SCRATCH]], %{{.*}})
  %l = dyn.make_list()
  // CHECK: llvm.call @janus_rt_list_append(%{{.*}}) : (i64, i64, i64, i64) -> i32
  dyn.list_append %l, %a
  // Two pairs: the count passed is 2 for 4 items.
  // CHECK: %[[PAIRS:.*]] = llvm.mlir.constant(2 : i64)
  // CHECK: llvm.call @janus_rt_make_dict(%[[SCRATCH]], %[[PAIRS]])
  %d = dyn.make_dict(%a, %b, %b, %a)
  // CHECK: %[[THREE:.*]] = llvm.mlir.constant(3 : i64)
  // CHECK: llvm.call @janus_rt_unpack(%{{.*}}, %{{.*}}, %[[SCRATCH]], %[[THREE]]) : (i64, i64, !llvm.ptr, i64) -> i32
  // CHECK: llvm.cond_br
  // CHECK: llvm.load %[[SCRATCH]]
  // CHECK: llvm.getelementptr %[[SCRATCH]][1]
  // CHECK: llvm.load
  // CHECK: llvm.getelementptr %[[SCRATCH]][2]
  // CHECK: llvm.load
  %x, %y, %z = dyn.unpack %t : !dyn.value, !dyn.value, !dyn.value
  return %y : !dyn.value
}
