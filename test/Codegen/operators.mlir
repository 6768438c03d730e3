// Operators pass the dyn enum value as the op number; every call is checked
// and branches to an error block that adds the op's location to the
// traceback. Truth and identity return int32_t.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s --check-prefix=DECL

// DECL-DAG: llvm.func @janus_rt_binary(i32, i32, i64, i64, i64, i64) -> !llvm.struct<(i64, i64)>
// DECL-DAG: llvm.func @janus_rt_truth(i64, i64) -> i32
// DECL-DAG: llvm.func @janus_rt_is(i64, i64, i64, i64) -> i32
// DECL-DAG: llvm.mlir.global private unnamed_addr constant @{{.*}}("m.py\00")

// The traceback location of the binary op (globals come first).
// CHECK: llvm.mlir.global internal constant @[[LOC1:__janus.loc.0]]()
// CHECK: llvm.mlir.addressof
// CHECK-NEXT: llvm.mlir.addressof
// CHECK-NEXT: llvm.mlir.constant(3 : i32)
// CHECK-NEXT: llvm.mlir.constant(7 : i32)

// CHECK-LABEL: llvm.func internal @ops
func.func @ops(%a: !dyn.value, %b: !dyn.value) -> !dyn.value {
  // floordiv = 4, inplace = 1
  // CHECK: %[[OP:.*]] = llvm.mlir.constant(4 : i32)
  // CHECK: %[[INPL:.*]] = llvm.mlir.constant(1 : i32)
  // CHECK: %[[R:.*]] = llvm.call @janus_rt_binary(%[[OP]], %[[INPL]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
  // CHECK: llvm.cond_br %{{.*}} weights([1, 1000]), ^[[E1:bb[0-9]+]], ^[[N1:bb[0-9]+]]
  %0 = dyn.binary floordiv inplace %a, %b loc("m.py":3:7)
  // CHECK: ^[[N1]]:
  // neg = 0
  // CHECK: llvm.call @janus_rt_unary(%{{.*}}, %{{.*}}, %{{.*}})
  // CHECK: llvm.cond_br %{{.*}}, ^[[E2:bb[0-9]+]], ^[[N2:bb[0-9]+]]
  %1 = dyn.unary neg %0 loc("m.py":4:7)
  // CHECK: ^[[N2]]:
  // %0 dies at the unary op: released on success.
  // CHECK: llvm.call @janus_rt_release
  // not_in = 7
  // CHECK: %[[CMPK:.*]] = llvm.mlir.constant(7 : i32)
  // CHECK: llvm.call @janus_rt_compare(%[[CMPK]],
  %2 = dyn.compare not_in %1, %b loc("m.py":5:7)
  // CHECK: %[[T:.*]] = llvm.call @janus_rt_truth
  // CHECK: %[[M1:.*]] = llvm.mlir.constant(-1 : i32)
  // CHECK: llvm.icmp "eq" %[[T]], %[[M1]] : i32
  // CHECK: llvm.cond_br
  // CHECK: llvm.icmp "ne" %[[T]], %{{.*}} : i32
  %3 = dyn.truth %2 loc("m.py":6:7)
  // CHECK: llvm.call @janus_rt_is
  // CHECK-NEXT: llvm.mlir.constant(0 : i32)
  // CHECK-NEXT: llvm.icmp "ne"
  %4 = dyn.is %a, %b
  dyn.store_local "r" = %1
  cf.cond_br %3, ^yes, ^no
^yes:
  %r = dyn.load_local "r"
  return %r : !dyn.value
^no:
  return %a : !dyn.value

  // The error block of the binary op: its location, nothing owned yet.
  // CHECK: ^[[E1]]:
  // CHECK-NEXT: %[[L1:.*]] = llvm.mlir.addressof @[[LOC1]]
  // CHECK-NEXT: llvm.call @janus_rt_traceback_add(%[[L1]])
  // CHECK-NEXT: llvm.br ^[[UNWIND:bb[0-9]+]]
  // The unary op's error block releases its operand %0.
  // CHECK: ^[[E2]]:
  // CHECK: llvm.call @janus_rt_traceback_add
  // CHECK-NEXT: llvm.extractvalue
  // CHECK-NEXT: llvm.extractvalue
  // CHECK-NEXT: llvm.call @janus_rt_release
  // CHECK-NEXT: llvm.br ^[[UNWIND]]
}

