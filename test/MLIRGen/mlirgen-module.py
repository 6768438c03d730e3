# Module layout: dyn.source_file, one dyn.global per module-level name (in
# order of first use, __name__ first), @__janus_init storing __name__ and
# running the body, a module-level def as make_function + store_global of
# its func.func @"NAME.def", imports producing no code, and a FileLineColLoc
# on every op.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
# RUN: %janusc --emit=dyn --mlir-print-debuginfo --mlir-print-local-scope %s | FileCheck %s --check-prefix=LOC
import math
import torch.nn as nn
from torch import zeros

counter = 0


def bump(step):
    global counter
    counter = counter + step
    return counter


if __name__ == "__main__":
    bump(2)
    del counter

# CHECK-LABEL: module attributes {dyn.source_file = "{{.*}}mlirgen-module.py"}
# CHECK-NEXT: dyn.global @__name__
# CHECK-NEXT: dyn.global @counter
# CHECK-NEXT: dyn.global @bump
# CHECK-NEXT: func.func @__janus_init(%arg0: !dyn.value) -> !dyn.value attributes {dyn.qualname = "<module>"}
# CHECK-NEXT: dyn.store_global @__name__ = %arg0
# CHECK-NEXT: %[[ZERO:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: dyn.store_global @counter = %[[ZERO]]
# CHECK-NEXT: %[[FN:.*]] = dyn.make_function @bump.def "bump" defaults() [] captures()
# CHECK-NEXT: dyn.store_global @bump = %[[FN]]
# CHECK-NEXT: %[[NAME:.*]] = dyn.load_global @__name__
# CHECK-NEXT: %[[MAIN:.*]] = dyn.constant "__main__"
# CHECK-NEXT: %[[EQ:.*]] = dyn.compare eq %[[NAME]], %[[MAIN]]
# CHECK-NEXT: %[[T:.*]] = dyn.truth %[[EQ]]
# CHECK-NEXT: cf.cond_br %[[T]], ^[[THEN:.*]], ^[[END:[a-z0-9]*]]
# CHECK: ^[[THEN]]:
# CHECK-NEXT: %[[BUMP:.*]] = dyn.load_global @bump
# CHECK-NEXT: %[[TWO:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: dyn.call %[[BUMP]](%[[TWO]])
# CHECK-NEXT: dyn.del_global @counter
# CHECK-NEXT: cf.br ^[[END]]
# CHECK: ^[[END]]:
# CHECK-NEXT: %[[NONE:.*]] = dyn.none
# CHECK-NEXT: return %[[NONE]] : !dyn.value

# CHECK-LABEL: func.func @bump.def(%arg0: !dyn.value) -> !dyn.value
# CHECK-SAME: dyn.num_positional = 1 : i64, dyn.params = ["step"], dyn.qualname = "bump"
# CHECK-NEXT: dyn.store_local "step" = %arg0
# CHECK-NEXT: %[[C:.*]] = dyn.load_global @counter
# CHECK-NEXT: %[[S:.*]] = dyn.load_local "step"
# CHECK-NEXT: %[[SUM:.*]] = dyn.binary add %[[C]], %[[S]]
# CHECK-NEXT: dyn.store_global @counter = %[[SUM]]
# CHECK-NEXT: %[[R:.*]] = dyn.load_global @counter
# CHECK-NEXT: return %[[R]] : !dyn.value
# CHECK-NEXT: }

# Locations: the statement, a binary op at its expression's start (where
# CPython 3.11 reports its errors), the call.
# LOC: dyn.store_global @counter = %{{.*}} loc("{{.*}}mlirgen-module.py":13:1)
# LOC: dyn.make_function @bump.def {{.*}} loc("{{.*}}mlirgen-module.py":16:1)
# LOC: dyn.call {{.*}} loc("{{.*}}mlirgen-module.py":23:5)
# LOC: dyn.load_global @counter loc("{{.*}}mlirgen-module.py":18:15)
# LOC: dyn.binary add {{.*}} loc("{{.*}}mlirgen-module.py":18:15)
# LOC: return {{.*}} loc("{{.*}}mlirgen-module.py":19:5)
