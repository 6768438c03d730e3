# A class body holds methods, class attributes (`name = value`), `pass` and
# a docstring; methods take the instance as their first parameter.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s


class Config:
    """Hyper-parameters."""
    size = 4
    for i in range(3):
        size += i
# CHECK: sema-class-body.py:[[@LINE-2]]:5: error: only methods, class attributes ('name = value') and 'pass' are supported in a class body

    def forward():
        return Config.size
# CHECK: sema-class-body.py:[[@LINE-2]]:9: error: method 'forward' must take 'self' as its first parameter
