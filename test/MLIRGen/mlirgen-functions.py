# Functions and calls: a def's defaults (positional and keyword-only) are
# evaluated where the def runs and passed to dyn.make_function with their
# parameter indices; the func.func carries dyn.params, dyn.num_positional
# and dyn.qualname and stores its arguments into their slots. Calls: library
# rows by qualified name (builtins included), methods by name, user
# functions through their global, keyword arguments last and named by
# kwnames, and a callee kept in $t.N across a branching argument.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
import torch
import torch.nn.functional as F
from torch import zeros


def scale(x, factor=2.0, *, bias=0.0, clip=None):
    y = x * factor
    return y + bias


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def calls(t, xs):
    print("n", len(xs), sep=", ")
    a = torch.zeros(2, 3, requires_grad=True)
    b = zeros(4)
    c = F.relu(t).sum(dim=1, keepdim=True)
    d = scale(t, bias=1.0)
    xs.append(t)
    f = xs[0]
    return f(a if b else c, d)

# CHECK-LABEL: func.func @__janus_init
# CHECK:      %[[F:.*]] = dyn.constant 2.000000e+00 : f64
# CHECK-NEXT: %[[B:.*]] = dyn.constant 0.000000e+00 : f64
# CHECK-NEXT: %[[C:.*]] = dyn.none
# CHECK-NEXT: %[[S:.*]] = dyn.make_function @scale.def "scale" defaults(%[[F]], %[[B]], %[[C]]) [1, 2, 3] captures()
# CHECK-NEXT: dyn.store_global @scale = %[[S]]
# CHECK-NEXT: %[[FACT:.*]] = dyn.make_function @fact.def "fact" defaults() [] captures()
# CHECK-NEXT: dyn.store_global @fact = %[[FACT]]

# CHECK-LABEL: func.func @scale.def(%arg0: !dyn.value, %arg1: !dyn.value, %arg2: !dyn.value, %arg3: !dyn.value) -> !dyn.value
# CHECK-SAME: dyn.num_positional = 2 : i64, dyn.params = ["x", "factor", "bias", "clip"], dyn.qualname = "scale"
# CHECK-NEXT: dyn.store_local "x" = %arg0
# CHECK-NEXT: dyn.store_local "factor" = %arg1
# CHECK-NEXT: dyn.store_local "bias" = %arg2
# CHECK-NEXT: dyn.store_local "clip" = %arg3

# Recursion: the function reads its own global at the call.
# CHECK-LABEL: func.func @fact.def
# CHECK:      ^bb2:
# CHECK-NEXT: %[[N:.*]] = dyn.load_local "n"
# CHECK-NEXT: %[[SELF:.*]] = dyn.load_global @fact
# CHECK:      %[[M1:.*]] = dyn.binary sub
# CHECK-NEXT: %[[R:.*]] = dyn.call %[[SELF]](%[[M1]])
# CHECK-NEXT: dyn.binary mul %[[N]], %[[R]]

# CHECK-LABEL: func.func @calls.def
# CHECK:      %[[LEN:.*]] = dyn.call_library "len"
# CHECK-NEXT: %[[SEP:.*]] = dyn.constant ", "
# CHECK-NEXT: dyn.call_library "print"(%{{.*}}, %[[LEN]], %[[SEP]]) {kwnames = ["sep"]}
# CHECK:      dyn.call_library "torch.zeros"(%{{.*}}, %{{.*}}, %{{.*}}) {kwnames = ["requires_grad"]}
# `from torch import zeros` binds the library row itself.
# CHECK:      dyn.call_library "torch.zeros"(%{{.*}}){{$}}
# CHECK:      %[[RELU:.*]] = dyn.call_library "torch.nn.functional.relu"
# CHECK:      dyn.call_method %[[RELU]] "sum"(%{{.*}}, %{{.*}}) {kwnames = ["dim", "keepdim"]}
# CHECK:      %[[SCALE:.*]] = dyn.load_global @scale
# CHECK-NEXT: %[[T:.*]] = dyn.load_local "t"
# CHECK-NEXT: %[[ONE:.*]] = dyn.constant 1.000000e+00 : f64
# CHECK-NEXT: dyn.call %[[SCALE]](%[[T]], %[[ONE]]) {kwnames = ["bias"]}
# CHECK:      dyn.call_method %{{.*}} "append"(%{{.*}})
# The callee survives the conditional argument in $t.0.
# CHECK:      %[[CALLEE:.*]] = dyn.load_local "f"
# CHECK-NEXT: dyn.store_local "$t.0" = %[[CALLEE]]
# CHECK:      ^bb3:
# CHECK-NEXT: %[[ARG0:.*]] = dyn.load_local "$t.1"
# CHECK-NEXT: %[[ARG1:.*]] = dyn.load_local "d"
# CHECK-NEXT: %[[FN:.*]] = dyn.load_local "$t.0"
# CHECK-NEXT: dyn.call %[[FN]](%[[ARG0]], %[[ARG1]])
