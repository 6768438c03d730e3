// Profile probes lower to janus_rt_profile_* calls on one static
// janus_rt_profile_site per key ({key, function, record = null}); they are
// not fallible (no error branch). Loop probes use a frame counter that
// starts at -1; entering records the previous count and restarts at 0, an
// iteration adds 1 inline, and the epilogue records the last entry.
// RUN: janus-opt --convert-dyn-to-llvm %s | FileCheck %s

// CHECK-DAG: llvm.mlir.global internal @__janus.probe.{{[0-9]+}}() {{.*}} : !llvm.struct<(ptr, ptr, ptr)>
// CHECK-DAG: llvm.mlir.global private unnamed_addr constant @{{.*}}("m.py:6:4 loop\00")

// CHECK-LABEL: llvm.func internal @probes
func.func @probes(%x: !dyn.value) -> !dyn.value
    attributes {dyn.params = ["x"], dyn.qualname = "probes"} {
  %c = dyn.is %x, %x
  // The counter array: one i64 per loop site, -1 until entered.
  // CHECK:      %[[COUNTERS:.*]] = llvm.alloca %{{.*}} x i64
  // CHECK:      %[[M1:.*]] = llvm.mlir.constant(-1 : i64)
  // CHECK-NEXT: llvm.store %[[M1]], %[[COUNTERS]]
  // CHECK:      llvm.call @janus_rt_profile_value(%{{.*}}) : (!llvm.ptr, i64, i64) -> ()
  // CHECK-NOT:  llvm.cond_br
  dyn.probe_value %x "m.py:1:1 arg x"
  // CHECK:      %[[TAKEN:.*]] = llvm.zext %{{.*}} : i1 to i32
  // CHECK:      llvm.call @janus_rt_profile_branch(%{{.*}}, %[[TAKEN]]) : (!llvm.ptr, i32) -> ()
  dyn.probe_branch %c "m.py:2:4 branch"
  // CHECK:      llvm.call @janus_rt_profile_call(%{{.*}}) : (!llvm.ptr, i64, i64) -> ()
  dyn.probe_call %x "m.py:3:4 call target"
  // CHECK:      llvm.call @janus_rt_profile_method(%{{.*}}) : (!llvm.ptr, i64, i64, !llvm.ptr) -> ()
  dyn.probe_call %x "m.py:4:4 call target" method "forward"
  // CHECK:      llvm.call @janus_rt_profile_attrs(%{{.*}}) : (!llvm.ptr, i64, i64) -> ()
  dyn.probe_attrs %x "m.py:5:4 attrs w"
  // CHECK:      %[[OLD:.*]] = llvm.load %[[COUNTERS]] : !llvm.ptr -> i64
  // CHECK-NEXT: %[[SITE:.*]] = llvm.mlir.addressof @[[LOOP:__janus.probe.[0-9]+]]
  // CHECK-NEXT: llvm.call @janus_rt_profile_loop(%[[SITE]], %[[OLD]]) : (!llvm.ptr, i64) -> ()
  // CHECK-NEXT: %[[ZERO:.*]] = llvm.mlir.constant(0 : i64)
  // CHECK-NEXT: llvm.store %[[ZERO]], %[[COUNTERS]]
  dyn.probe_loop_enter "m.py:6:4 loop"
  cf.br ^body
^body:
  // CHECK:      %[[N:.*]] = llvm.load %[[COUNTERS]] : !llvm.ptr -> i64
  // CHECK-NEXT: %[[ONE:.*]] = llvm.mlir.constant(1 : i64)
  // CHECK-NEXT: %[[N1:.*]] = llvm.add %[[N]], %[[ONE]]
  // CHECK-NEXT: llvm.store %[[N1]], %[[COUNTERS]]
  dyn.probe_loop_iter "m.py:6:4 loop"
  // The epilogue records the last entry's count, with the same site.
  // CHECK:      %[[LAST:.*]] = llvm.load %[[COUNTERS]] : !llvm.ptr -> i64
  // CHECK-NEXT: %[[SITE2:.*]] = llvm.mlir.addressof @[[LOOP]]
  // CHECK-NEXT: llvm.call @janus_rt_profile_loop(%[[SITE2]], %[[LAST]])
  // CHECK:      llvm.return
  return %x : !dyn.value
}
