# Control flow: if/elif/else, while, for (iterator in $for.N, each item
# handed to the body through $for.N.item), break, continue, early return,
# `while True:` without a test, conditions that jump on `and`/`or`/`not`,
# `is` tested directly as an i1, and assert (the message evaluated only on
# the failing edge, then dyn.assert_fail).
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
def branches(x):
    if x > 0:
        y = 1
    elif x < 0 and not x is None:
        y = 2
    else:
        y = 3
    return y


def loops(n, items):
    total = 0
    while total < n:
        total += 1
        if total == 5:
            continue
    for i, item in enumerate(items):
        if item is None:
            break
        if i > n:
            return i
    while True:
        n -= 1
        if n < 0 or n > 100:
            break
    assert n < 0, "n stays negative"
    assert 0 <= total < 10
    return total

# CHECK-LABEL: func.func @branches.def
# CHECK:      %[[GT:.*]] = dyn.compare gt
# CHECK-NEXT: %[[T:.*]] = dyn.truth %[[GT]]
# CHECK-NEXT: cf.cond_br %[[T]], ^[[THEN:.*]], ^[[ELIF:[a-z0-9]*]]
# CHECK-NEXT: ^[[THEN]]:
# CHECK-NEXT: dyn.constant 1 : i64
# CHECK-NEXT: dyn.store_local "y"
# CHECK-NEXT: cf.br ^[[END:[a-z0-9]*]]
# `x < 0 and not x is None`: false goes to else, `not` swaps the targets.
# CHECK-NEXT: ^[[ELIF]]:
# CHECK:      %[[LT:.*]] = dyn.compare lt
# CHECK-NEXT: %[[TLT:.*]] = dyn.truth %[[LT]]
# CHECK-NEXT: cf.cond_br %[[TLT]], ^[[ISTEST:.*]], ^[[ELSE:[a-z0-9]*]]
# CHECK-NEXT: ^[[ISTEST]]:
# CHECK:      %[[IS:.*]] = dyn.is
# CHECK-NEXT: cf.cond_br %[[IS]], ^[[ELSE]], ^[[ELIFBODY:[a-z0-9]*]]
# CHECK-NEXT: ^[[ELIFBODY]]:
# CHECK-NEXT: dyn.constant 2 : i64
# CHECK-NEXT: dyn.store_local "y"
# CHECK-NEXT: cf.br ^[[ELIFEND:[a-z0-9]*]]
# CHECK-NEXT: ^[[ELSE]]:
# CHECK-NEXT: dyn.constant 3 : i64
# CHECK-NEXT: dyn.store_local "y"
# CHECK-NEXT: cf.br ^[[ELIFEND]]
# CHECK-NEXT: ^[[ELIFEND]]:
# CHECK-NEXT: cf.br ^[[END]]
# CHECK-NEXT: ^[[END]]:
# CHECK-NEXT: dyn.load_local "y"
# CHECK-NEXT: return

# CHECK-LABEL: func.func @loops.def
# while: the test block is the loop head; `continue` jumps back to it.
# CHECK:      cf.br ^[[WHEAD:[a-z0-9]*]]
# CHECK-NEXT: ^[[WHEAD]]:
# CHECK:      dyn.compare lt
# CHECK-NEXT: %[[WT:.*]] = dyn.truth
# CHECK-NEXT: cf.cond_br %[[WT]], ^[[WBODY:.*]], ^[[WEXIT:[a-z0-9]*]]
# CHECK-NEXT: ^[[WBODY]]:
# CHECK:      dyn.binary add inplace
# CHECK:      cf.cond_br %{{.*}}, ^[[CONT:.*]], ^[[NEXT:[a-z0-9]*]]
# CHECK-NEXT: ^[[CONT]]:
# CHECK-NEXT: cf.br ^[[WHEAD]]
# CHECK-NEXT: ^[[NEXT]]:
# CHECK-NEXT: cf.br ^[[WHEAD]]
# for: get_iter once, iter_next in the head, the item through a slot.
# CHECK-NEXT: ^[[WEXIT]]:
# CHECK-NEXT: %[[ITEMS:.*]] = dyn.load_local "items"
# CHECK-NEXT: %[[EN:.*]] = dyn.call_library "enumerate"(%[[ITEMS]])
# CHECK-NEXT: %[[IT:.*]] = dyn.get_iter %[[EN]]
# CHECK-NEXT: dyn.store_local "$for.0" = %[[IT]]
# CHECK-NEXT: cf.br ^[[FHEAD:[a-z0-9]*]]
# CHECK-NEXT: ^[[FHEAD]]:
# CHECK-NEXT: %[[IT2:.*]] = dyn.load_local "$for.0"
# CHECK-NEXT: %[[MORE:.*]], %[[ITEM:.*]] = dyn.iter_next %[[IT2]]
# CHECK-NEXT: dyn.store_local "$for.0.item" = %[[ITEM]]
# CHECK-NEXT: cf.cond_br %[[MORE]], ^[[FBODY:.*]], ^[[FEXIT:[a-z0-9]*]]
# CHECK-NEXT: ^[[FBODY]]:
# CHECK-NEXT: %[[GOT:.*]] = dyn.load_local "$for.0.item"
# CHECK-NEXT: %[[PAIR:.*]]:2 = dyn.unpack %[[GOT]] : !dyn.value, !dyn.value
# CHECK-NEXT: dyn.store_local "i" = %[[PAIR]]#0
# CHECK-NEXT: dyn.store_local "item" = %[[PAIR]]#1
# CHECK:      %[[NONE:.*]] = dyn.is
# CHECK-NEXT: cf.cond_br %[[NONE]], ^[[BREAK:.*]], ^[[AFTER:[a-z0-9]*]]
# CHECK-NEXT: ^[[BREAK]]:
# CHECK-NEXT: cf.br ^[[FEXIT]]
# CHECK-NEXT: ^[[AFTER]]:
# CHECK:      cf.cond_br %{{.*}}, ^[[RET:.*]], ^[[LATCH:[a-z0-9]*]]
# CHECK-NEXT: ^[[RET]]:
# CHECK-NEXT: %[[I:.*]] = dyn.load_local "i"
# CHECK-NEXT: return %[[I]] : !dyn.value
# CHECK-NEXT: ^[[LATCH]]:
# CHECK-NEXT: cf.br ^[[FHEAD]]
# while True: no test; the body is the head and `break` leaves it.
# CHECK-NEXT: ^[[FEXIT]]:
# CHECK-NEXT: cf.br ^[[FOREVER:[a-z0-9]*]]
# CHECK-NEXT: ^[[FOREVER]]:
# CHECK-NEXT: dyn.load_local "n"
# CHECK-NEXT: dyn.constant 1 : i64
# CHECK-NEXT: dyn.binary sub inplace
# CHECK-NEXT: dyn.store_local "n"
# CHECK:      cf.cond_br %{{.*}}, ^[[LEAVE:.*]], ^[[OR:[a-z0-9]*]]
# CHECK-NEXT: ^[[OR]]:
# CHECK:      cf.cond_br %{{.*}}, ^[[LEAVE]], ^[[AGAIN:[a-z0-9]*]]
# CHECK-NEXT: ^[[LEAVE]]:
# CHECK-NEXT: cf.br ^[[DONE:[a-z0-9]*]]
# CHECK-NEXT: ^[[AGAIN]]:
# CHECK-NEXT: cf.br ^[[FOREVER]]
# assert with a message: evaluated on the failing edge only.
# CHECK-NEXT: ^[[DONE]]:
# CHECK:      %[[A:.*]] = dyn.truth
# CHECK-NEXT: cf.cond_br %[[A]], ^[[OK:.*]], ^[[FAIL:[a-z0-9]*]]
# CHECK-NEXT: ^[[FAIL]]:
# CHECK-NEXT: %[[MSG:.*]] = dyn.constant "n stays negative"
# CHECK-NEXT: dyn.assert_fail(%[[MSG]])
# assert with a chained comparison and no message.
# CHECK-NEXT: ^[[OK]]:
# CHECK:      cf.cond_br %{{.*}}, ^[[SECOND:.*]], ^[[FAIL2:[a-z0-9]*]]
# CHECK-NEXT: ^[[SECOND]]:
# CHECK-NEXT: dyn.load_local "$t.0"
# CHECK:      cf.cond_br %{{.*}}, ^[[OK2:.*]], ^[[FAIL2]]
# CHECK-NEXT: ^[[FAIL2]]:
# CHECK-NEXT: dyn.assert_fail()
# CHECK-NEXT: ^[[OK2]]:
# CHECK-NEXT: dyn.load_local "total"
# CHECK-NEXT: return
