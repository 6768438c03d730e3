# Assignments: chained targets get the one value left to right, unpacking
# (nested) is dyn.unpack per level, a value is kept in $t.N when a target
# branches, augmented assignment evaluates the target's object and index
# once (get, dyn.binary ... inplace, set), and del of locals and items.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
def assign(xs, obj, c):
    a = b = xs[0]
    x, [y, z] = 1, (2, 3)
    xs[c if c else 0] = w = 5
    obj.total += c
    xs[c] *= 2
    first, xs[0] = xs
    del a, xs[0]
    return x, y, z, w, b, first

# CHECK-LABEL: func.func @assign.def
# CHECK:      %[[V:.*]] = dyn.get_item
# CHECK-NEXT: dyn.store_local "a" = %[[V]]
# CHECK-NEXT: dyn.store_local "b" = %[[V]]
# CHECK:      dyn.make_tuple
# CHECK-NEXT: %[[T:.*]] = dyn.make_tuple
# CHECK-NEXT: %[[U:.*]]:2 = dyn.unpack %[[T]] : !dyn.value, !dyn.value
# CHECK-NEXT: dyn.store_local "x" = %[[U]]#0
# CHECK-NEXT: %[[U2:.*]]:2 = dyn.unpack %[[U]]#1 : !dyn.value, !dyn.value
# CHECK-NEXT: dyn.store_local "y" = %[[U2]]#0
# CHECK-NEXT: dyn.store_local "z" = %[[U2]]#1
# xs[c if c else 0] = w = 5: the value and xs survive the branch.
# CHECK-NEXT: %[[FIVE:.*]] = dyn.constant 5 : i64
# CHECK-NEXT: dyn.store_local "$t.0" = %[[FIVE]]
# CHECK-NEXT: %[[XS:.*]] = dyn.load_local "xs"
# CHECK-NEXT: dyn.store_local "$t.1" = %[[XS]]
# CHECK:      ^bb3:
# CHECK-NEXT: %[[KEY:.*]] = dyn.load_local "$t.2"
# CHECK-NEXT: %[[OBJ:.*]] = dyn.load_local "$t.1"
# CHECK-NEXT: %[[VAL:.*]] = dyn.load_local "$t.0"
# CHECK-NEXT: dyn.set_item %[[OBJ]][%[[KEY]]] = %[[VAL]]
# CHECK-NEXT: %[[VAL2:.*]] = dyn.load_local "$t.0"
# CHECK-NEXT: dyn.store_local "w" = %[[VAL2]]
# obj.total += c
# CHECK-NEXT: %[[O:.*]] = dyn.load_local "obj"
# CHECK-NEXT: %[[OLD:.*]] = dyn.get_attr %[[O]] "total"
# CHECK-NEXT: %[[C:.*]] = dyn.load_local "c"
# CHECK-NEXT: %[[NEW:.*]] = dyn.binary add inplace %[[OLD]], %[[C]]
# CHECK-NEXT: dyn.set_attr %[[O]] "total" = %[[NEW]]
# xs[c] *= 2
# CHECK-NEXT: %[[L:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[I:.*]] = dyn.load_local "c"
# CHECK-NEXT: %[[ITEM:.*]] = dyn.get_item %[[L]][%[[I]]]
# CHECK-NEXT: %[[TWO:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: %[[PROD:.*]] = dyn.binary mul inplace %[[ITEM]], %[[TWO]]
# CHECK-NEXT: dyn.set_item %[[L]][%[[I]]] = %[[PROD]]
# first, xs[0] = xs
# CHECK-NEXT: %[[SRC:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[P:.*]]:2 = dyn.unpack %[[SRC]] : !dyn.value, !dyn.value
# CHECK-NEXT: dyn.store_local "first" = %[[P]]#0
# CHECK-NEXT: %[[DST:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[Z:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: dyn.set_item %[[DST]][%[[Z]]] = %[[P]]#1
# CHECK-NEXT: dyn.del_local "a"
# CHECK-NEXT: %[[D:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[DZ:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: dyn.del_item %[[D]][%[[DZ]]]
