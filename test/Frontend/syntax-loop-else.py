# 'else' clauses on loops are rejected.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
for i in range(3):
    pass
else:
    print("done")
# CHECK: syntax-loop-else.py:[[@LINE-2]]:1: error: 'else' on a 'for' loop is not supported in Janus Python; set a flag before 'break' and test it after the loop instead
n = 0
while n < 3:
    n += 1
else:
    print("done")
# CHECK: syntax-loop-else.py:[[@LINE-2]]:1: error: 'else' on a 'while' loop is not supported
