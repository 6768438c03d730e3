# Lambdas are func.func @"<qualname>.<lambda>.N" of their own; defaults are
# evaluated where the lambda is. A lambda reading locals of an enclosing
# function (or lambda, or comprehension) takes their cells after its
# parameters: it lists them in dyn.free_vars and reads them with
# dyn.load_local; the enclosing function lists the captured locals in
# dyn.cells and passes dyn.local_cell of each to dyn.make_function. Module
# globals are read with dyn.load_global, not captured.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
import torch

scale = 2.0
double = lambda v: v * scale


def make(a, xs):
    add = lambda x, y=a: x + y + a
    curried = lambda p: lambda q: p + q + a
    getters = [lambda: x for x in xs]
    return add, curried, getters


class Layer:
    act = lambda self, t: torch.relu(t)

# CHECK-LABEL: func.func @__janus_init
# CHECK:      %[[D:.*]] = dyn.make_function @"<lambda>.0" "<lambda>" defaults() [] captures()
# CHECK-NEXT: dyn.store_global @double = %[[D]]
# CHECK:      %[[ACT:.*]] = dyn.make_function @"Layer.<lambda>.0" "<lambda>" defaults() [] captures()
# CHECK-NEXT: dyn.store_local "$Layer.act" = %[[ACT]]

# CHECK-LABEL: func.func @"<lambda>.0"(%arg0: !dyn.value) -> !dyn.value
# CHECK-SAME: dyn.params = ["v"], dyn.qualname = "<lambda>"
# CHECK:      dyn.load_global @scale
# CHECK:      return

# CHECK-LABEL: func.func @make.def
# CHECK-SAME: dyn.cells = ["a", "$comp.0.x"]
# CHECK:      %[[DEF:.*]] = dyn.load_local "a"
# CHECK-NEXT: %[[CELL:.*]] = dyn.local_cell "a"
# CHECK-NEXT: dyn.make_function @"make.<lambda>.0" "<lambda>" defaults(%[[DEF]]) [1] captures(%[[CELL]])
# CHECK:      %[[CELL2:.*]] = dyn.local_cell "a"
# CHECK-NEXT: dyn.make_function @"make.<lambda>.1" "<lambda>" defaults() [] captures(%[[CELL2]])
# Each lambda of the comprehension captures the comprehension's target.
# CHECK:      dyn.store_local "$comp.0.x"
# CHECK-NEXT: %[[XCELL:.*]] = dyn.local_cell "$comp.0.x"
# CHECK-NEXT: %[[G:.*]] = dyn.make_function @"make.<lambda>.2" "<lambda>" defaults() [] captures(%[[XCELL]])
# CHECK-NEXT: %[[L:.*]] = dyn.load_local "$comp.0"
# CHECK-NEXT: dyn.list_append %[[L]], %[[G]]

# CHECK-LABEL: func.func @"make.<lambda>.0"(%arg0: !dyn.value, %arg1: !dyn.value, %arg2: !dyn.value)
# CHECK-SAME: dyn.free_vars = ["a"], dyn.num_positional = 2 : i64, dyn.params = ["x", "y"], dyn.qualname = "make.<lambda>"
# CHECK-NEXT: dyn.store_local "x" = %arg0
# CHECK-NEXT: dyn.store_local "y" = %arg1
# CHECK:      dyn.load_local "a"

# The outer lambda passes its own parameter's cell and its free variable's.
# CHECK-LABEL: func.func @"make.<lambda>.1"(%arg0: !dyn.value, %arg1: !dyn.value)
# CHECK-SAME: dyn.cells = ["p"], dyn.free_vars = ["a"]
# CHECK-NEXT: dyn.store_local "p" = %arg0
# CHECK-NEXT: %[[P:.*]] = dyn.local_cell "p"
# CHECK-NEXT: %[[A:.*]] = dyn.local_cell "a"
# CHECK-NEXT: %[[IN:.*]] = dyn.make_function @"make.<lambda>.<lambda>.0" "<lambda>" defaults() [] captures(%[[P]], %[[A]])
# CHECK-NEXT: return %[[IN]]

# CHECK-LABEL: func.func @"make.<lambda>.<lambda>.0"(%arg0: !dyn.value, %arg1: !dyn.value, %arg2: !dyn.value)
# CHECK-SAME: dyn.free_vars = ["p", "a"]
# CHECK-SAME: dyn.qualname = "make.<lambda>.<lambda>"

# CHECK-LABEL: func.func @"make.<lambda>.2"(%arg0: !dyn.value) -> !dyn.value
# CHECK-SAME: dyn.free_vars = ["x"], dyn.num_positional = 0 : i64, dyn.params = []
# CHECK-NEXT: %[[X:.*]] = dyn.load_local "x"
# CHECK-NEXT: return %[[X]]

# CHECK-LABEL: func.func @"Layer.<lambda>.0"
# CHECK-SAME: dyn.params = ["self", "t"], dyn.qualname = "Layer.<lambda>"
# CHECK:      dyn.call_library "torch.relu"
