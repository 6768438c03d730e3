# Methods called through `self`, through a variable that only ever holds
# instances of one class, through the class, and constructors (checked
# against __init__, found along the base classes) count `self` as CPython
# does.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %oracle %s 2>&1 | FileCheck %s --check-prefix=PY


class Base:
    def __init__(self, n):
        self.n = n

    def scale(self, factor):
        return self.n * factor

    def twice(self):
        return self.scale(2, 3)
# CHECK: sema-method-call.py:[[@LINE-1]]:16: error: Base.scale() takes 2 positional arguments but 3 were given


class Child(Base):
    def grow(self):
        return self.scale()
# CHECK: sema-method-call.py:[[@LINE-1]]:16: error: Base.scale() missing 1 required positional argument: 'factor'


c = Child(1, 2)
# CHECK: sema-method-call.py:[[@LINE-1]]:5: error: Base.__init__() takes 2 positional arguments but 3 were given
# PY: TypeError: Base.__init__() takes 2 positional arguments but 3 were given
b = Base(4)
print(b.scale(factor=2, extra=1))
# CHECK: sema-method-call.py:[[@LINE-1]]:25: error: Base.scale() got an unexpected keyword argument 'extra'
print(Base.scale(b))
# CHECK: sema-method-call.py:[[@LINE-1]]:7: error: Base.scale() missing 1 required positional argument: 'factor'


class Plain:
    pass


p = Plain(3)
# CHECK: sema-method-call.py:[[@LINE-1]]:5: error: Plain() takes no arguments
