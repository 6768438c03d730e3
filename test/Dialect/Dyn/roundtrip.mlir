// Every dyn op parses, verifies and prints back in its custom form; printing
// the printed form again gives the same text (janus-opt | janus-opt).
// RUN: janus-opt %s | janus-opt | FileCheck %s

// CHECK: dyn.global @counter
dyn.global @counter

// CHECK-LABEL: func.func @scale
// CHECK-SAME: dyn.params = ["x", "factor"]
func.func @scale(%x: !dyn.value, %factor: !dyn.value) -> !dyn.value
    attributes {dyn.params = ["x", "factor"], dyn.num_positional = 2 : i64} {
  // CHECK: dyn.store_local "x" = %{{.*}}
  dyn.store_local "x" = %x
  dyn.store_local "factor" = %factor
  // CHECK: %[[X:.*]] = dyn.load_local "x"
  %0 = dyn.load_local "x"
  %1 = dyn.load_local "factor"
  // CHECK: dyn.binary mul %[[X]], %{{.*}}
  %2 = dyn.binary mul %0, %1
  // CHECK: dyn.binary add inplace
  %3 = dyn.binary add inplace %2, %1
  return %3 : !dyn.value
}

// CHECK-LABEL: func.func @everything
func.func @everything() -> !dyn.value {
  // CHECK: dyn.none
  %none = dyn.none
  // CHECK: dyn.ellipsis
  %ell = dyn.ellipsis
  // CHECK: dyn.constant 42 : i64
  %i = dyn.constant 42 : i64
  // CHECK: dyn.constant 2.500000e+00 : f64
  %f = dyn.constant 2.5 : f64
  // CHECK: dyn.constant true
  %b = dyn.constant true
  // CHECK: dyn.constant "hi"
  %s = dyn.constant "hi"
  // CHECK: dyn.unary neg
  %neg = dyn.unary neg %i
  // CHECK: dyn.unary not
  %not = dyn.unary not %b
  // CHECK: dyn.compare not_in
  %cmp = dyn.compare not_in %i, %s
  // CHECK: dyn.compare le
  %le = dyn.compare le %i, %f
  // CHECK: dyn.is %{{.*}}, %{{.*}}
  %is = dyn.is %none, %ell
  // CHECK: dyn.from_bool
  %isv = dyn.from_bool %is
  // CHECK: dyn.truth
  %t = dyn.truth %le
  // CHECK: dyn.call_library "torch.zeros"(%{{.*}}, %{{.*}}) {kwnames = ["requires_grad"]}
  %z = dyn.call_library "torch.zeros"(%i, %b) {kwnames = ["requires_grad"]}
  // CHECK: dyn.library_value "torch.float32"
  %dt = dyn.library_value "torch.float32"
  // CHECK: dyn.call_method %{{.*}} "view"(%{{.*}})
  %v = dyn.call_method %z "view"(%neg)
  // CHECK: dyn.make_function @scale "scale" defaults(%{{.*}}) [1] captures()
  %fn = dyn.make_function @scale "scale" defaults(%f) [1] captures()
  // CHECK: dyn.call %{{.*}}(%{{.*}})
  %r = dyn.call %fn(%i)
  // CHECK: dyn.call_direct @scale(%{{.*}}, %{{.*}})
  %rd = dyn.call_direct @scale(%i, %f)
  // CHECK: dyn.make_class "Point"()
  %cls = dyn.make_class "Point"()
  // CHECK: dyn.make_class "Sub"(%{{.*}})
  %sub = dyn.make_class "Sub"(%cls)
  // CHECK: dyn.super_attr %{{.*}}, %{{.*}} "__init__"
  %sup = dyn.super_attr %sub, %r "__init__"
  // CHECK: dyn.set_attr %{{.*}} "scale" = %{{.*}}
  dyn.set_attr %cls "scale" = %fn
  // CHECK: dyn.get_attr %{{.*}} "scale"
  %ga = dyn.get_attr %cls "scale"
  // CHECK: dyn.make_slice
  %sl = dyn.make_slice %none, %i, %none
  // CHECK: dyn.get_item %{{.*}}[%{{.*}}]
  %gi = dyn.get_item %z[%sl]
  // CHECK: dyn.set_item %{{.*}}[%{{.*}}] = %{{.*}}
  dyn.set_item %z[%i] = %f
  // CHECK: dyn.del_item %{{.*}}[%{{.*}}]
  dyn.del_item %z[%i]
  // CHECK: dyn.make_tuple(%{{.*}}, %{{.*}})
  %tup = dyn.make_tuple(%i, %f)
  // CHECK: dyn.make_list()
  %lst = dyn.make_list()
  // CHECK: dyn.list_append
  dyn.list_append %lst, %i
  // CHECK: dyn.make_dict(%{{.*}}, %{{.*}})
  %d = dyn.make_dict(%s, %i)
  // CHECK: dyn.unpack %{{.*}} : !dyn.value, !dyn.value
  %a0, %a1 = dyn.unpack %tup : !dyn.value, !dyn.value
  // CHECK: dyn.get_iter
  %it = dyn.get_iter %lst
  // CHECK: dyn.iter_next
  %more, %item = dyn.iter_next %it
  // CHECK: dyn.load_global @counter
  %g = dyn.load_global @counter
  // CHECK: dyn.store_global @counter = %{{.*}}
  dyn.store_global @counter = %i
  // CHECK: dyn.del_global @counter
  dyn.del_global @counter
  // CHECK: dyn.local_cell "x"
  %cell = dyn.local_cell "x"
  // CHECK: dyn.del_local "x"
  dyn.del_local "x"
  // CHECK: dyn.format %{{.*}} "r" ".3f"
  %fmt = dyn.format %f "r" ".3f"
  // CHECK: dyn.join_strings(%{{.*}}, %{{.*}})
  %js = dyn.join_strings(%s, %fmt)
  // CHECK: dyn.enter
  %ctx = dyn.enter %z
  // CHECK: dyn.exit
  dyn.exit %z
  cf.cond_br %t, ^ok, ^fail
^ok:
  %out = dyn.none
  return %out : !dyn.value
^fail:
  // CHECK: dyn.assert_fail(%{{.*}})
  %msg = dyn.constant "boom"
  dyn.assert_fail(%msg)
}

// The profile probes (janus-insert-profile-probes adds them).
// CHECK-LABEL: func.func @probes
func.func @probes(%x: !dyn.value, %c: i1) -> !dyn.value {
  // CHECK: dyn.probe_value %{{.*}} "m.py:1:1 arg x"
  dyn.probe_value %x "m.py:1:1 arg x"
  // CHECK: dyn.probe_branch %{{.*}} "m.py:2:4 branch"
  dyn.probe_branch %c "m.py:2:4 branch"
  // CHECK: dyn.probe_call %{{.*}} "m.py:3:4 call target"{{$}}
  dyn.probe_call %x "m.py:3:4 call target"
  // CHECK: dyn.probe_call %{{.*}} "m.py:4:4 call target" method "forward"
  dyn.probe_call %x "m.py:4:4 call target" method "forward"
  // CHECK: dyn.probe_attrs %{{.*}} "m.py:5:4 attrs w"
  dyn.probe_attrs %x "m.py:5:4 attrs w"
  // CHECK: dyn.probe_loop_enter "m.py:6:4 loop"
  dyn.probe_loop_enter "m.py:6:4 loop"
  cf.br ^body
^body:
  // CHECK: dyn.probe_loop_iter "m.py:6:4 loop"
  dyn.probe_loop_iter "m.py:6:4 loop"
  return %x : !dyn.value
}
