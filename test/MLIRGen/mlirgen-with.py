# `with torch.no_grad():` calls dyn.enter on the context manager, keeps it
# in $with.N and calls dyn.exit on it at the end of the body and on every
# edge that leaves the body: `continue`, `break` (the with blocks inside the
# loop only) and `return` (every open one, innermost first, after the
# return value is computed).
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
import torch


def evaluate(model, batches):
    total = 0
    for x in batches:
        with torch.no_grad():
            if x is None:
                continue
            y = model(x)
            if y > 10:
                break
            with torch.no_grad():
                if y < 0:
                    return y
            total += y
    return total


with torch.no_grad():
    w = torch.ones(3)

# Module level.
# CHECK-LABEL: func.func @__janus_init
# CHECK:      %[[CTX:.*]] = dyn.call_library "torch.no_grad"()
# CHECK-NEXT: %{{.*}} = dyn.enter %[[CTX]]
# CHECK-NEXT: dyn.store_local "$with.0" = %[[CTX]]
# CHECK:      dyn.store_global @w
# CHECK-NEXT: %[[C:.*]] = dyn.load_local "$with.0"
# CHECK-NEXT: dyn.exit %[[C]]
# CHECK-NEXT: dyn.none

# CHECK-LABEL: func.func @evaluate.def
# CHECK:      ^[[HEAD:bb[0-9]+]]:
# CHECK-NEXT: dyn.load_local "$for.0"
# CHECK-NEXT: %[[MORE:.*]], %{{.*}} = dyn.iter_next
# CHECK-NEXT: dyn.store_local "$for.0.item"
# CHECK-NEXT: cf.cond_br %[[MORE]], ^{{.*}}, ^[[EXIT:[a-z0-9]*]]
# CHECK:      %[[CTX:.*]] = dyn.call_library "torch.no_grad"()
# CHECK-NEXT: dyn.enter %[[CTX]]
# CHECK-NEXT: dyn.store_local "$with.0" = %[[CTX]]
# continue
# CHECK:      cf.cond_br %{{.*}}, ^[[CONT:.*]], ^{{[a-z0-9]*}}
# CHECK-NEXT: ^[[CONT]]:
# CHECK-NEXT: %[[C1:.*]] = dyn.load_local "$with.0"
# CHECK-NEXT: dyn.exit %[[C1]]
# CHECK-NEXT: cf.br ^[[HEAD]]
# break
# CHECK:      cf.cond_br %{{.*}}, ^[[BRK:.*]], ^{{[a-z0-9]*}}
# CHECK-NEXT: ^[[BRK]]:
# CHECK-NEXT: %[[C2:.*]] = dyn.load_local "$with.0"
# CHECK-NEXT: dyn.exit %[[C2]]
# CHECK-NEXT: cf.br ^[[EXIT]]
# return inside two with blocks
# CHECK:      dyn.enter
# CHECK-NEXT: dyn.store_local "$with.1"
# CHECK:      cf.cond_br %{{.*}}, ^[[RET:.*]], ^[[REST:[a-z0-9]*]]
# CHECK-NEXT: ^[[RET]]:
# CHECK-NEXT: %[[Y:.*]] = dyn.load_local "y"
# CHECK-NEXT: %[[I:.*]] = dyn.load_local "$with.1"
# CHECK-NEXT: dyn.exit %[[I]]
# CHECK-NEXT: %[[O:.*]] = dyn.load_local "$with.0"
# CHECK-NEXT: dyn.exit %[[O]]
# CHECK-NEXT: return %[[Y]] : !dyn.value
# falling off the end of both bodies
# CHECK-NEXT: ^[[REST]]:
# CHECK-NEXT: %[[I2:.*]] = dyn.load_local "$with.1"
# CHECK-NEXT: dyn.exit %[[I2]]
# CHECK:      dyn.binary add inplace
# CHECK-NEXT: dyn.store_local "total"
# CHECK-NEXT: %[[O2:.*]] = dyn.load_local "$with.0"
# CHECK-NEXT: dyn.exit %[[O2]]
# CHECK-NEXT: cf.br ^[[HEAD]]
# CHECK-NEXT: ^[[EXIT]]:
