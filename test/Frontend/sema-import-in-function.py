# Imports are accepted at module level only (they may sit inside a module
# level `if`).
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
if __name__ == "__main__":
    import math


def area(r):
    import math
    return math.pi * r * r
# CHECK: sema-import-in-function.py:[[@LINE-2]]:5: error: imports are only supported at module level; move the import to the top of the file
