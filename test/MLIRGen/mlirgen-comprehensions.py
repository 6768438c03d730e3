# Comprehensions run inline: the first iterable is evaluated outside, the
# list (or dict) is built in $comp.N, each clause has its iterator in
# $comp.N.iterK and its item in $comp.N.itemK, the targets are the hidden
# locals $comp.N.x (a local of the same name is not touched), an `if` that
# fails jumps back to its clause's head and an exhausted inner clause to the
# outer head. A generator expression passed to sum/any/... is built as a
# list first, then passed to the builtin.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
def comps(xs, ys):
    x = "kept"
    pairs = [(x, y) for x in xs if x for y in ys if y != x]
    squares = {x: x * x for x in xs}
    total = sum(x * 2 for x in xs)
    ok = any(y > 0 for y in ys)
    nested = [[x + y for y in ys] for x in xs]
    return x, pairs, squares, total, ok, nested

# CHECK-LABEL: func.func @comps.def
# CHECK:      dyn.store_local "x" = %{{.*}}
# CHECK-NEXT: %[[XS:.*]] = dyn.load_local "xs"
# CHECK-NEXT: %[[IT:.*]] = dyn.get_iter %[[XS]]
# CHECK-NEXT: dyn.store_local "$comp.0.iter0" = %[[IT]]
# CHECK-NEXT: %[[L:.*]] = dyn.make_list()
# CHECK-NEXT: dyn.store_local "$comp.0" = %[[L]]
# CHECK-NEXT: cf.br ^[[H0:[a-z0-9]*]]
# CHECK-NEXT: ^[[H0]]:
# CHECK-NEXT: %[[I0:.*]] = dyn.load_local "$comp.0.iter0"
# CHECK-NEXT: %[[M0:.*]], %[[V0:.*]] = dyn.iter_next %[[I0]]
# CHECK-NEXT: dyn.store_local "$comp.0.item0" = %[[V0]]
# CHECK-NEXT: cf.cond_br %[[M0]], ^[[B0:.*]], ^[[DONE:[a-z0-9]*]]
# CHECK-NEXT: ^[[B0]]:
# CHECK-NEXT: %[[X:.*]] = dyn.load_local "$comp.0.item0"
# CHECK-NEXT: dyn.store_local "$comp.0.x" = %[[X]]
# CHECK-NEXT: %[[XT:.*]] = dyn.load_local "$comp.0.x"
# CHECK-NEXT: %[[T:.*]] = dyn.truth %[[XT]]
# CHECK-NEXT: cf.cond_br %[[T]], ^[[INNER:.*]], ^[[H0]]
# CHECK-NEXT: ^[[INNER]]:
# CHECK-NEXT: %[[YS:.*]] = dyn.load_local "ys"
# CHECK-NEXT: %[[IT1:.*]] = dyn.get_iter %[[YS]]
# CHECK-NEXT: dyn.store_local "$comp.0.iter1" = %[[IT1]]
# CHECK-NEXT: cf.br ^[[H1:[a-z0-9]*]]
# CHECK-NEXT: ^[[H1]]:
# CHECK-NEXT: dyn.load_local "$comp.0.iter1"
# CHECK-NEXT: %[[M1:.*]], %[[V1:.*]] = dyn.iter_next
# CHECK-NEXT: dyn.store_local "$comp.0.item1" = %[[V1]]
# CHECK-NEXT: cf.cond_br %[[M1]], ^[[B1:.*]], ^[[H0]]
# CHECK-NEXT: ^[[B1]]:
# CHECK-NEXT: dyn.load_local "$comp.0.item1"
# CHECK-NEXT: dyn.store_local "$comp.0.y"
# CHECK-NEXT: dyn.load_local "$comp.0.y"
# CHECK-NEXT: dyn.load_local "$comp.0.x"
# CHECK-NEXT: dyn.compare ne
# CHECK-NEXT: %[[T1:.*]] = dyn.truth
# CHECK-NEXT: cf.cond_br %[[T1]], ^[[ADD:.*]], ^[[H1]]
# CHECK-NEXT: ^[[ADD]]:
# CHECK-NEXT: dyn.load_local "$comp.0.x"
# CHECK-NEXT: dyn.load_local "$comp.0.y"
# CHECK-NEXT: %[[PAIR:.*]] = dyn.make_tuple
# CHECK-NEXT: %[[LIST:.*]] = dyn.load_local "$comp.0"
# CHECK-NEXT: dyn.list_append %[[LIST]], %[[PAIR]]
# CHECK-NEXT: cf.br ^[[H1]]
# CHECK-NEXT: ^[[DONE]]:
# CHECK-NEXT: %[[PAIRS:.*]] = dyn.load_local "$comp.0"
# CHECK-NEXT: dyn.store_local "pairs" = %[[PAIRS]]
# A dict comprehension: the key, then the value, then set_item.
# CHECK:      dyn.make_dict()
# CHECK-NEXT: dyn.store_local "$comp.1"
# CHECK:      %[[K:.*]] = dyn.load_local "$comp.1.x"
# CHECK:      %[[SQ:.*]] = dyn.binary mul
# CHECK-NEXT: %[[D:.*]] = dyn.load_local "$comp.1"
# CHECK-NEXT: dyn.set_item %[[D]][%[[K]]] = %[[SQ]]
# sum(x * 2 for x in xs)
# CHECK:      dyn.store_local "$comp.2"
# CHECK:      dyn.list_append
# CHECK:      %[[GEN:.*]] = dyn.load_local "$comp.2"
# CHECK-NEXT: %[[SUM:.*]] = dyn.call_library "sum"(%[[GEN]])
# CHECK-NEXT: dyn.store_local "total" = %[[SUM]]
# CHECK:      dyn.list_append
# CHECK:      %[[GEN2:.*]] = dyn.load_local "$comp.3"
# CHECK-NEXT: dyn.call_library "any"(%[[GEN2]])
# The inner comprehension reads the outer one's target.
# CHECK:      dyn.store_local "$comp.4.x"
# CHECK:      dyn.store_local "$comp.5"
# CHECK:      dyn.load_local "$comp.4.x"
# CHECK-NEXT: dyn.load_local "$comp.5.y"
# CHECK:      dyn.list_append
# CHECK:      %[[ROW:.*]] = dyn.load_local "$comp.5"
# CHECK-NEXT: %[[OUTER:.*]] = dyn.load_local "$comp.4"
# CHECK-NEXT: dyn.list_append %[[OUTER]], %[[ROW]]
# The local x is still "kept".
# CHECK:      dyn.load_local "x"
# CHECK-NEXT: dyn.load_local "pairs"
