# Classes are defined at module level only.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s


class Outer:
    class Inner:
        pass
# CHECK: sema-nested-class.py:[[@LINE-2]]:5: error: nested classes are not supported; define 'Inner' at module level


def make():
    class Local:
        pass
    return Local()
# CHECK: sema-nested-class.py:[[@LINE-3]]:5: error: nested classes are not supported; define 'Local' at module level
