// Globals become internal LLVM slots initialised unbound; locals are frame
// slots initialised unbound and released by the epilogue; captured locals
// hold cells (is_cell 1), a lambda's free variables are bound to its
// trailing cell arguments (is_cell 2).
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK: llvm.mlir.global internal @__janus.global.counter() {{.*}} : !llvm.struct<(i64, i64)>
// CHECK-NEXT: %[[U:.*]] = llvm.mlir.constant(254 : i64)
// CHECK-NEXT: %[[Z:.*]] = llvm.mlir.constant(0 : i64)
dyn.global @counter

// CHECK-LABEL: llvm.func internal @globals
func.func @globals(%v: !dyn.value) -> !dyn.value {
  // CHECK: %[[G:.*]] = llvm.mlir.addressof @__janus.global.counter
  // CHECK: llvm.call @janus_rt_store_slot(%[[G]], %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, i64, i64, i32) -> ()
  dyn.store_global @counter = %v
  // CHECK: %[[G2:.*]] = llvm.mlir.addressof @__janus.global.counter
  // CHECK: %[[NAME:.*]] = llvm.mlir.addressof @{{.*}}
  // CHECK: %[[ISG:.*]] = llvm.mlir.constant(1 : i32)
  // CHECK: llvm.call @janus_rt_load_slot(%[[G2]], %[[NAME]], %[[ISG]], %{{.*}})
  // CHECK: llvm.cond_br
  %0 = dyn.load_global @counter
  // CHECK: llvm.call @janus_rt_del_slot
  dyn.del_global @counter
  return %0 : !dyn.value
}

// CHECK-LABEL: llvm.func internal @locals
func.func @locals(%x: !dyn.value, %k: !dyn.value) -> !dyn.value
    attributes {dyn.params = ["x", "k"], dyn.cells = ["k"]} {
  // Two slots ("k" a cell, "x"), both unbound; then a new cell for "k".
  // CHECK: %[[TWO:.*]] = llvm.mlir.constant(2 : i64)
  // CHECK: %[[SLOTS:.*]] = llvm.alloca %[[TWO]] x !llvm.struct<(i64, i64)>
  // CHECK: llvm.store %[[UNBOUND:.*]], %[[SLOTS]]
  // CHECK: %[[X:.*]] = llvm.getelementptr %[[SLOTS]][1]
  // CHECK: llvm.store %[[UNBOUND]], %[[X]]
  // CHECK: %[[CELL:.*]] = llvm.call @janus_rt_cell_new()
  // CHECK: llvm.store %[[CELL]], %[[SLOTS]]
  // Storing "k" goes through its cell.
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i32)
  // CHECK: llvm.call @janus_rt_store_slot(%[[SLOTS]], %{{.*}}, %{{.*}}, %[[ONE]])
  dyn.store_local "k" = %k
  // CHECK: %[[XS:.*]] = llvm.getelementptr %[[SLOTS]][1]
  // CHECK: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32)
  // CHECK: llvm.call @janus_rt_store_slot(%[[XS]], %{{.*}}, %{{.*}}, %[[ZERO]])
  dyn.store_local "x" = %x
  // dyn.local_cell: the cell itself, retained.
  // CHECK: %[[C:.*]] = llvm.load %[[SLOTS]] : !llvm.ptr -> !llvm.struct<(i64, i64)>
  // CHECK: llvm.call @janus_rt_retain
  %c = dyn.local_cell "k"
  // CHECK: llvm.call @janus_rt_make_function(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
  %f = dyn.make_function @lambda "<lambda>" defaults() [] captures(%c)
  // CHECK: llvm.call @janus_rt_del_slot
  dyn.del_local "x"
  // The epilogue releases both slots.
  // CHECK: ^{{bb[0-9]+}}(%[[R:.*]]: !llvm.struct<(i64, i64)>):
  // CHECK: llvm.load %[[SLOTS]]
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.getelementptr %[[SLOTS]][1]
  // CHECK: llvm.load
  // CHECK: llvm.call @janus_rt_release
  // CHECK: llvm.return %[[R]]
  return %f : !dyn.value
}

// CHECK-LABEL: llvm.func internal @lambda
func.func @lambda(%y: !dyn.value, %kcell: !dyn.value) -> !dyn.value
    attributes {dyn.params = ["y"], dyn.free_vars = ["k"],
                dyn.qualname = "locals.<lambda>"} {
  // The free variable's slot holds the cell argument (retained).
  // CHECK: llvm.call @janus_rt_retain(%{{.*}}, %{{.*}})
  // CHECK: llvm.store %[[ARG:.*]], %[[SLOTS:.*]] :
  // CHECK: %[[TWO:.*]] = llvm.mlir.constant(2 : i32)
  // CHECK: llvm.call @janus_rt_load_slot(%[[SLOTS]], %{{.*}}, %{{.*}}, %[[TWO]])
  %k = dyn.load_local "k"
  return %k : !dyn.value
}

// The code entry and descriptor of the lambda.
// CHECK-LABEL: llvm.func internal @__janus.code.lambda(%arg0: !llvm.ptr)
// CHECK: llvm.load %arg0
// CHECK: llvm.getelementptr %arg0[1]
// CHECK: llvm.call @lambda(
// CHECK-LABEL: llvm.mlir.global internal constant @__janus.desc.lambda()
// CHECK: llvm.mlir.addressof @__janus.code.lambda
