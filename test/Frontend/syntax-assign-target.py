# Only names, attributes, subscripts and tuples/lists of them can be
# assigned to.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f():
    return 1
f() = 2
# CHECK: syntax-assign-target.py:[[@LINE-1]]:1: error: cannot assign to function call
x, 1 = 2, 3
# CHECK: syntax-assign-target.py:[[@LINE-1]]:4: error: cannot assign to literal
for f() in range(3):
    pass
# CHECK: syntax-assign-target.py:[[@LINE-2]]:5: error: cannot assign to function call
(a, b) += 1
# CHECK: syntax-assign-target.py:[[@LINE-1]]:1: error: 'tuple' is an illegal expression for augmented assignment
print(x=1 == 2, f(1)=3)
# CHECK: syntax-assign-target.py:[[@LINE-1]]:17: error: expression cannot contain assignment, perhaps you meant "=="?
