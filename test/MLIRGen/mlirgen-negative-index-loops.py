# A negative index is `neg` applied to the positive literal (the parser sees
# unary minus; nothing folds it, and the runtime's get_item/set_item count
# from the end as CPython does); `@=` and `**=` are dyn.binary matmul/pow
# with `inplace` (the runtime tries __imatmul__/__ipow__ first) stored back
# to the name; `for` over zip(...) and reversed(...) calls the library
# function once, takes its iterator into $for.N and unpacks each item of
# zip into the targets.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
import torch


def ends(xs):
    last = xs[-1]
    xs[-2] = last
    return xs[-1:]


def inplace(m, k):
    m @= m
    k **= 3
    return m, k


def loops(xs, ys):
    pairs = []
    for x, y in zip(xs, ys):
        pairs.append(x * y)
    for z in reversed(xs):
        pairs.append(z)
    return pairs


xs = [1, 2, 3]
assert ends(xs) == [3] and xs == [1, 3, 3]
m, k = inplace(torch.tensor([[1.0, 2.0], [0.0, 1.0]]), 2)
assert m.tolist() == [[1.0, 4.0], [0.0, 1.0]] and k == 8
assert loops([1, 2, 3], [4, 5]) == [4, 10, 3, 2, 1]

# CHECK-LABEL: func.func @ends.def
# CHECK:      %[[XS:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[ONE:.*]] = dyn.constant 1 : i64
# CHECK-NEXT: %[[M1:.*]] = dyn.unary neg %[[ONE]]
# CHECK-NEXT: %[[LAST:.*]] = dyn.get_item %[[XS]][%[[M1]]]
# CHECK-NEXT: dyn.store_local "last" = %[[LAST]]
# CHECK-NEXT: %[[V:.*]] = dyn.load_local "last"
# CHECK-NEXT: %[[XS2:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[TWO:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: %[[M2:.*]] = dyn.unary neg %[[TWO]]
# CHECK-NEXT: dyn.set_item %[[XS2]][%[[M2]]] = %[[V]]
# xs[-1:]
# CHECK:      %[[LO:.*]] = dyn.unary neg
# CHECK-NEXT: %[[NO:.*]] = dyn.none
# CHECK-NEXT: %[[NO2:.*]] = dyn.none
# CHECK-NEXT: %[[SL:.*]] = dyn.make_slice %[[LO]], %[[NO]], %[[NO2]]
# CHECK-NEXT: dyn.get_item %{{.*}}[%[[SL]]]

# CHECK-LABEL: func.func @inplace.def
# CHECK:      %[[A:.*]] = dyn.load_local "m"
# CHECK-NEXT: %[[B:.*]] = dyn.load_local "m"
# CHECK-NEXT: %[[MM:.*]] = dyn.binary matmul inplace %[[A]], %[[B]]
# CHECK-NEXT: dyn.store_local "m" = %[[MM]]
# CHECK-NEXT: %[[K:.*]] = dyn.load_local "k"
# CHECK-NEXT: %[[THREE:.*]] = dyn.constant 3 : i64
# CHECK-NEXT: %[[POW:.*]] = dyn.binary pow inplace %[[K]], %[[THREE]]
# CHECK-NEXT: dyn.store_local "k" = %[[POW]]

# CHECK-LABEL: func.func @loops.def
# CHECK:      %[[X:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[Y:.*]] = dyn.load_local "ys"
# CHECK-NEXT: %[[ZIP:.*]] = dyn.call_library "zip"(%[[X]], %[[Y]])
# CHECK-NEXT: %[[IT:.*]] = dyn.get_iter %[[ZIP]]
# CHECK-NEXT: dyn.store_local "$for.0" = %[[IT]]
# CHECK-NEXT: cf.br ^[[HEAD:bb[0-9]+]]
# CHECK:      ^[[HEAD]]:
# CHECK-NEXT: %[[I0:.*]] = dyn.load_local "$for.0"
# CHECK-NEXT: %[[HAS:.*]], %[[ITEM:.*]] = dyn.iter_next %[[I0]]
# CHECK-NEXT: dyn.store_local "$for.0.item" = %[[ITEM]]
# CHECK-NEXT: cf.cond_br %[[HAS]], ^[[BODY:bb[0-9]+]], ^[[EXIT:bb[0-9]+]]
# CHECK:      ^[[BODY]]:
# CHECK-NEXT: %[[P:.*]] = dyn.load_local "$for.0.item"
# CHECK-NEXT: %[[U:.*]]:2 = dyn.unpack %[[P]] : !dyn.value, !dyn.value
# CHECK-NEXT: dyn.store_local "x" = %[[U]]#0
# CHECK-NEXT: dyn.store_local "y" = %[[U]]#1
# CHECK:      cf.br ^[[HEAD]]
# CHECK:      ^[[EXIT]]:
# CHECK-NEXT: %[[XS3:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[REV:.*]] = dyn.call_library "reversed"(%[[XS3]])
# CHECK-NEXT: %[[IT2:.*]] = dyn.get_iter %[[REV]]
# CHECK-NEXT: dyn.store_local "$for.1" = %[[IT2]]
# CHECK-NEXT: cf.br ^[[HEAD2:bb[0-9]+]]
# CHECK:      ^[[HEAD2]]:
# CHECK-NEXT: %[[I1:.*]] = dyn.load_local "$for.1"
# CHECK-NEXT: %[[HAS2:.*]], %[[ITEM2:.*]] = dyn.iter_next %[[I1]]
# CHECK-NEXT: dyn.store_local "$for.1.item" = %[[ITEM2]]
# CHECK-NEXT: cf.cond_br %[[HAS2]], ^[[BODY2:bb[0-9]+]], ^[[EXIT2:bb[0-9]+]]
# CHECK:      ^[[BODY2]]:
# CHECK-NEXT: %[[Z:.*]] = dyn.load_local "$for.1.item"
# CHECK-NEXT: dyn.store_local "z" = %[[Z]]
