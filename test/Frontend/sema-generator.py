# Generator expressions are accepted only as the sole positional argument
# of sum, any, all, min, max, list, tuple and sorted.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: %pycheck %s
xs = [1, 2, 3]
ok = sum(x for x in xs), sorted((x for x in xs), reverse=True)
g = (x * 2 for x in xs)
# CHECK: sema-generator.py:[[@LINE-1]]:5: error: generator expressions are only supported as the sole argument of sum(), any(), all(), min(), max(), list(), tuple() or sorted(); use a list comprehension instead
n = len(x for x in xs)
# CHECK: sema-generator.py:[[@LINE-1]]:8: error: generator expressions are only supported
m = max((x for x in xs), 0)
# CHECK: sema-generator.py:[[@LINE-1]]:9: error: generator expressions are only supported
