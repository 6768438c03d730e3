# Expressions: literals, names by binding (local, library constant and
# function, builtin), attributes, subscripts with slices / None / Ellipsis
# and tuples of indices, unary and binary operators, single comparisons
# including `is`, `is not`, `in`, `not in`, container displays, and the
# operators that branch (`and`, `or`, chained comparisons, conditional
# expressions), whose value is an operand kept in a hidden `$t.N` local.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
import math
import torch
import torch.nn.functional as F


def values(x, xs):
    a = (1, 2.5, True, None, "s", ...)
    b = -x + +x * 2 ** 3 // 4 % 5 - x / 2 @ x
    c = not x
    d = xs[1:2], xs[::2], xs[:, None, ..., 0]
    e = x.shape
    f = (math.pi, torch.float32, F.relu, len)
    g = {"k": x, 1: [x, xs]}
    return x in xs, x not in xs, x is None, x is not None, x <= 3


def operands(x, y):
    p = x and y
    q = x or y or 0
    r = 0 < x < y
    s = x if y else -x
    return p, q, r, s

# CHECK-LABEL: func.func @values.def(%arg0: !dyn.value, %arg1: !dyn.value)
# CHECK:      %[[I:.*]] = dyn.constant 1 : i64
# CHECK-NEXT: %[[F:.*]] = dyn.constant 2.500000e+00 : f64
# CHECK-NEXT: %[[B:.*]] = dyn.constant true
# CHECK-NEXT: %[[N:.*]] = dyn.none
# CHECK-NEXT: %[[S:.*]] = dyn.constant "s"
# CHECK-NEXT: %[[E:.*]] = dyn.ellipsis
# CHECK-NEXT: dyn.make_tuple(%[[I]], %[[F]], %[[B]], %[[N]], %[[S]], %[[E]])
# CHECK-NEXT: dyn.store_local "a"
# Precedence: -x + ((+x * (2 ** 3)) // 4 % 5) - (x / 2 @ x).
# CHECK:      %[[NEG:.*]] = dyn.unary neg
# CHECK:      %[[POS:.*]] = dyn.unary pos
# CHECK:      %[[POW:.*]] = dyn.binary pow
# CHECK-NEXT: %[[MUL:.*]] = dyn.binary mul %[[POS]], %[[POW]]
# CHECK:      %[[FDIV:.*]] = dyn.binary floordiv %[[MUL]]
# CHECK:      %[[MOD:.*]] = dyn.binary mod %[[FDIV]]
# CHECK-NEXT: %[[ADD:.*]] = dyn.binary add %[[NEG]], %[[MOD]]
# CHECK:      %[[DIV:.*]] = dyn.binary truediv
# CHECK:      %[[MM:.*]] = dyn.binary matmul %[[DIV]]
# CHECK-NEXT: dyn.binary sub %[[ADD]], %[[MM]]
# CHECK:      dyn.unary not
# CHECK-NEXT: dyn.store_local "c"
# xs[1:2]
# CHECK:      %[[LO:.*]] = dyn.constant 1 : i64
# CHECK-NEXT: %[[HI:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: %[[NO:.*]] = dyn.none
# CHECK-NEXT: %[[SL:.*]] = dyn.make_slice %[[LO]], %[[HI]], %[[NO]]
# CHECK-NEXT: dyn.get_item %{{.*}}[%[[SL]]]
# xs[::2]
# CHECK:      %[[STEP:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: %[[N1:.*]] = dyn.none
# CHECK-NEXT: %[[N2:.*]] = dyn.none
# CHECK-NEXT: dyn.make_slice %[[N1]], %[[N2]], %[[STEP]]
# xs[:, None, ..., 0]
# CHECK:      %[[ALL:.*]] = dyn.make_slice
# CHECK-NEXT: %[[NEWAXIS:.*]] = dyn.none
# CHECK-NEXT: %[[ELL:.*]] = dyn.ellipsis
# CHECK-NEXT: %[[ZERO:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: %[[IDX:.*]] = dyn.make_tuple(%[[ALL]], %[[NEWAXIS]], %[[ELL]], %[[ZERO]])
# CHECK-NEXT: dyn.get_item %{{.*}}[%[[IDX]]]
# CHECK:      dyn.get_attr %{{.*}} "shape"
# CHECK:      dyn.library_value "math.pi"
# CHECK-NEXT: dyn.library_value "torch.float32"
# CHECK-NEXT: dyn.library_value "torch.nn.functional.relu"
# CHECK-NEXT: dyn.library_value "len"
# CHECK:      %[[K:.*]] = dyn.constant "k"
# CHECK-NEXT: %[[X:.*]] = dyn.load_local "x"
# CHECK-NEXT: %[[ONE:.*]] = dyn.constant 1 : i64
# CHECK:      %[[L:.*]] = dyn.make_list
# CHECK-NEXT: dyn.make_dict(%[[K]], %[[X]], %[[ONE]], %[[L]])
# CHECK:      dyn.compare in
# CHECK:      dyn.compare not_in
# CHECK:      %[[IS:.*]] = dyn.is
# CHECK-NEXT: dyn.from_bool %[[IS]]
# CHECK:      %[[ISN:.*]] = dyn.is
# CHECK-NEXT: %[[ISNB:.*]] = dyn.from_bool %[[ISN]]
# CHECK-NEXT: dyn.unary not %[[ISNB]]
# CHECK:      dyn.compare le
# CHECK-NEXT: dyn.make_tuple
# CHECK-NEXT: return

# `x and y`: the result is x when x is false, else y.
# CHECK-LABEL: func.func @operands.def
# CHECK:      %[[X:.*]] = dyn.load_local "x"
# CHECK-NEXT: dyn.store_local "$t.0" = %[[X]]
# CHECK-NEXT: %[[TX:.*]] = dyn.truth %[[X]]
# CHECK-NEXT: cf.cond_br %[[TX]], ^[[RHS:.*]], ^[[END:[a-z0-9]*]]
# CHECK-NEXT: ^[[RHS]]:
# CHECK-NEXT: %[[Y:.*]] = dyn.load_local "y"
# CHECK-NEXT: dyn.store_local "$t.0" = %[[Y]]
# CHECK-NEXT: cf.br ^[[END]]
# CHECK-NEXT: ^[[END]]:
# CHECK-NEXT: %[[P:.*]] = dyn.load_local "$t.0"
# CHECK-NEXT: dyn.store_local "p" = %[[P]]
# `x or y or 0`: a true operand jumps to the end.
# CHECK:      dyn.store_local "$t.1"
# CHECK-NEXT: %[[T1:.*]] = dyn.truth
# CHECK-NEXT: cf.cond_br %[[T1]], ^[[OREND:.*]], ^[[ORY:[a-z0-9]*]]
# CHECK-NEXT: ^[[ORY]]:
# CHECK:      cf.cond_br %{{.*}}, ^[[OREND]], ^[[OR0:[a-z0-9]*]]
# CHECK-NEXT: ^[[OR0]]:
# CHECK-NEXT: dyn.constant 0 : i64
# CHECK-NEXT: dyn.store_local "$t.1"
# CHECK-NEXT: cf.br ^[[OREND]]
# CHECK-NEXT: ^[[OREND]]:
# CHECK-NEXT: dyn.load_local "$t.1"
# `0 < x < y`: x is evaluated once and kept in $t.3 for the second test.
# CHECK:      %[[XC:.*]] = dyn.load_local "x"
# CHECK-NEXT: dyn.store_local "$t.3" = %[[XC]]
# CHECK-NEXT: %[[C1:.*]] = dyn.compare lt %{{.*}}, %[[XC]]
# CHECK-NEXT: dyn.store_local "$t.2" = %[[C1]]
# CHECK-NEXT: %[[TC:.*]] = dyn.truth %[[C1]]
# CHECK-NEXT: cf.cond_br %[[TC]], ^[[SECOND:.*]], ^[[CEND:[a-z0-9]*]]
# CHECK-NEXT: ^[[SECOND]]:
# CHECK-NEXT: %[[XR:.*]] = dyn.load_local "$t.3"
# CHECK-NEXT: %[[YC:.*]] = dyn.load_local "y"
# CHECK-NEXT: %[[C2:.*]] = dyn.compare lt %[[XR]], %[[YC]]
# CHECK-NEXT: dyn.store_local "$t.2" = %[[C2]]
# CHECK-NEXT: cf.br ^[[CEND]]
# CHECK-NEXT: ^[[CEND]]:
# CHECK-NEXT: dyn.load_local "$t.2"
# `x if y else -x`
# CHECK:      %[[TY:.*]] = dyn.truth
# CHECK-NEXT: cf.cond_br %[[TY]], ^[[IFT:.*]], ^[[IFF:[a-z0-9]*]]
# CHECK-NEXT: ^[[IFT]]:
# CHECK-NEXT: dyn.load_local "x"
# CHECK-NEXT: dyn.store_local "$t.4"
# CHECK-NEXT: cf.br ^[[IFEND:[a-z0-9]*]]
# CHECK-NEXT: ^[[IFF]]:
# CHECK-NEXT: dyn.load_local "x"
# CHECK-NEXT: dyn.unary neg
# CHECK-NEXT: dyn.store_local "$t.4"
# CHECK-NEXT: cf.br ^[[IFEND]]
# CHECK-NEXT: ^[[IFEND]]:
# CHECK-NEXT: dyn.load_local "$t.4"
