# Classes: the body binds its methods and class attributes in hidden locals
# ($Point.dims) of the code running the class statement, class attributes
# may read earlier ones, then dyn.make_class with the base (a user class
# through its global, nn.Module as a library value, none for object) gets
# one dyn.set_attr per name and is stored in the class's global. Methods
# are func.func @"Class.method"; super().m(...) is dyn.super_attr on the
# class's global and the method's first parameter, then dyn.call.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
import torch.nn as nn


class Point:
    """A docstring is not a class attribute."""
    dims = 2
    origin = dims * 0

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


class Point3(Point):
    dims = 3

    def __init__(self, x, y, z):
        super().__init__(x, y=y)
        self.z = z


class Net(nn.Module):
    def forward(self, x):
        return super().forward(x)


class Plain(object):
    pass


p = Point3(1, 2, 3)
p.x += p.norm()

# CHECK-LABEL: func.func @__janus_init
# CHECK:      %[[TWO:.*]] = dyn.constant 2 : i64
# CHECK-NEXT: dyn.store_local "$Point.dims" = %[[TWO]]
# CHECK-NEXT: %[[DIMS:.*]] = dyn.load_local "$Point.dims"
# CHECK-NEXT: %[[ZERO:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: %[[ORIGIN:.*]] = dyn.binary mul %[[DIMS]], %[[ZERO]]
# CHECK-NEXT: dyn.store_local "$Point.origin" = %[[ORIGIN]]
# CHECK-NEXT: %[[YDEF:.*]] = dyn.constant 0 : i64
# CHECK-NEXT: %[[INIT:.*]] = dyn.make_function @Point.__init__ "__init__" defaults(%[[YDEF]]) [2] captures()
# CHECK-NEXT: dyn.store_local "$Point.__init__" = %[[INIT]]
# CHECK-NEXT: %[[NORM:.*]] = dyn.make_function @Point.norm "norm" defaults() [] captures()
# CHECK-NEXT: dyn.store_local "$Point.norm" = %[[NORM]]
# CHECK-NEXT: %[[POINT:.*]] = dyn.make_class "Point"(){{$}}
# CHECK-NEXT: %[[A1:.*]] = dyn.load_local "$Point.dims"
# CHECK-NEXT: dyn.set_attr %[[POINT]] "dims" = %[[A1]]
# CHECK-NEXT: %[[A2:.*]] = dyn.load_local "$Point.origin"
# CHECK-NEXT: dyn.set_attr %[[POINT]] "origin" = %[[A2]]
# CHECK-NEXT: %[[A3:.*]] = dyn.load_local "$Point.__init__"
# CHECK-NEXT: dyn.set_attr %[[POINT]] "__init__" = %[[A3]]
# CHECK-NEXT: %[[A4:.*]] = dyn.load_local "$Point.norm"
# CHECK-NEXT: dyn.set_attr %[[POINT]] "norm" = %[[A4]]
# CHECK-NEXT: dyn.store_global @Point = %[[POINT]]
# CHECK:      %[[BASE:.*]] = dyn.load_global @Point
# CHECK-NEXT: %[[P3:.*]] = dyn.make_class "Point3"(%[[BASE]])
# CHECK:      dyn.store_global @Point3 = %[[P3]]
# CHECK:      %[[MODULE:.*]] = dyn.library_value "torch.nn.Module"
# CHECK-NEXT: %[[NET:.*]] = dyn.make_class "Net"(%[[MODULE]])
# CHECK-NEXT: %[[FWD:.*]] = dyn.load_local "$Net.forward"
# CHECK-NEXT: dyn.set_attr %[[NET]] "forward" = %[[FWD]]
# CHECK-NEXT: dyn.store_global @Net = %[[NET]]
# CHECK-NEXT: %[[PLAIN:.*]] = dyn.make_class "Plain"(){{$}}
# CHECK-NEXT: dyn.store_global @Plain = %[[PLAIN]]
# Constructing an instance calls the class; `p.x += ...` reads p once.
# CHECK:      %[[CLS:.*]] = dyn.load_global @Point3
# CHECK:      dyn.call %[[CLS]](%{{.*}}, %{{.*}}, %{{.*}})
# CHECK:      %[[P:.*]] = dyn.load_global @p
# CHECK-NEXT: %[[X:.*]] = dyn.get_attr %[[P]] "x"
# CHECK-NEXT: %[[P2:.*]] = dyn.load_global @p
# CHECK-NEXT: %[[N:.*]] = dyn.call_method %[[P2]] "norm"()
# CHECK-NEXT: %[[SUM:.*]] = dyn.binary add inplace %[[X]], %[[N]]
# CHECK-NEXT: dyn.set_attr %[[P]] "x" = %[[SUM]]

# CHECK-LABEL: func.func @Point.__init__
# CHECK-SAME: dyn.num_positional = 3 : i64, dyn.params = ["self", "x", "y"], dyn.qualname = "Point.__init__"
# CHECK:      %[[X:.*]] = dyn.load_local "x"
# CHECK-NEXT: %[[SELF:.*]] = dyn.load_local "self"
# CHECK-NEXT: dyn.set_attr %[[SELF]] "x" = %[[X]]

# CHECK-LABEL: func.func @Point.norm
# CHECK:      dyn.get_attr %{{.*}} "x"

# CHECK-LABEL: func.func @Point3.__init__
# CHECK:      %[[C:.*]] = dyn.load_global @Point3
# CHECK-NEXT: %[[S:.*]] = dyn.load_local "self"
# CHECK-NEXT: %[[M:.*]] = dyn.super_attr %[[C]], %[[S]] "__init__"
# CHECK-NEXT: %[[X:.*]] = dyn.load_local "x"
# CHECK-NEXT: %[[Y:.*]] = dyn.load_local "y"
# CHECK-NEXT: dyn.call %[[M]](%[[X]], %[[Y]]) {kwnames = ["y"]}

# CHECK-LABEL: func.func @Net.forward
# CHECK:      dyn.super_attr %{{.*}}, %{{.*}} "forward"
