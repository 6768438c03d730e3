// janus-insert-profile-probes puts each probe next to the op it observes,
// with a site key "FILE:LINE:COL WHAT" taken from the op's location (the
// file without its directory). A second op at the same location and of the
// same kind gets " #2". The has_item branch of a for loop is not probed as
// a branch. Loops: see insert-profile-probes-loops.py.
// RUN: janus-opt %s --janus-insert-profile-probes | FileCheck %s
// RUN: janus-opt %s --janus-insert-profile-probes | janus-opt | FileCheck %s

// CHECK-LABEL: func.func @forward
// CHECK-NEXT:  dyn.probe_value %arg0 "m.py:1:1 arg self"
// CHECK-NEXT:  dyn.probe_value %arg1 "m.py:1:1 arg x"
func.func @forward(%self: !dyn.value, %x: !dyn.value) -> !dyn.value
    attributes {dyn.params = ["self", "x"], dyn.num_positional = 2 : i64} {
  // CHECK-NEXT: dyn.probe_attrs %arg0 "m.py:2:9 attrs w"
  // CHECK-NEXT: %[[W:.*]] = dyn.get_attr %arg0 "w"
  // CHECK-NEXT: dyn.probe_value %[[W]] "m.py:2:9 attr w"
  %w = dyn.get_attr %self "w" loc("/some/dir/m.py":2:9)
  // CHECK-NEXT: dyn.probe_call %arg0 "m.py:3:9 call target" method "lin"
  // CHECK-NEXT: %[[Y:.*]] = dyn.call_method %arg0 "lin"(%arg1)
  // CHECK-NEXT: dyn.probe_value %[[Y]] "m.py:3:9 call"
  %y = dyn.call_method %self "lin"(%x) loc("m.py":3:9)
  // CHECK-NEXT: dyn.probe_call %[[W]] "m.py:4:9 call target"{{$}}
  // CHECK-NEXT: %[[Z:.*]] = dyn.call %[[W]](%[[Y]])
  // CHECK-NEXT: dyn.probe_value %[[Z]] "m.py:4:9 call"
  // CHECK-NEXT: dyn.probe_call %[[W]] "m.py:4:9 call target #2"
  // CHECK-NEXT: %[[Z2:.*]] = dyn.call %[[W]](%[[Z]])
  // CHECK-NEXT: dyn.probe_value %[[Z2]] "m.py:4:9 call #2"
  %z = dyn.call %w(%y) loc("m.py":4:9)
  %z2 = dyn.call %w(%z) loc("m.py":4:9)
  // CHECK:      %[[L:.*]] = dyn.call_library "torch.relu"
  // CHECK-NEXT: dyn.probe_value %[[L]] "m.py:5:9 call"
  %l = dyn.call_library "torch.relu"(%z2) loc("m.py":5:9)
  // CHECK-NEXT: %[[I:.*]] = dyn.get_item
  // CHECK-NEXT: dyn.probe_value %[[I]] "m.py:6:9 item"
  %i = dyn.get_item %l[%x] loc("m.py":6:9)
  // CHECK-NEXT: dyn.probe_attrs %arg0 "m.py:7:5 attrs out"
  // CHECK-NEXT: dyn.set_attr %arg0 "out"
  dyn.set_attr %self "out" = %i loc("m.py":7:5)
  // CHECK-NEXT: %[[T:.*]] = dyn.truth
  // CHECK-NEXT: dyn.probe_branch %[[T]] "m.py:8:8 branch"
  // CHECK-NEXT: cf.cond_br %[[T]]
  %t = dyn.truth %i loc("m.py":8:8)
  cf.cond_br %t, ^then, ^else loc("m.py":8:8)
^then:
  return %x : !dyn.value
^else:
  // CHECK: %{{.*}}, %[[ITEM:.*]] = dyn.iter_next
  // CHECK-NOT: dyn.probe_branch
  // CHECK: cf.cond_br
  %it = dyn.get_iter %x
  %more, %item = dyn.iter_next %it loc("m.py":9:5)
  cf.cond_br %more, ^then, ^else loc("m.py":9:5)
} loc("m.py":1:1)
