# A RecursionError's trace collapses the identical frame lines as CPython
# 3.11's traceback does: the first 3, then "[Previous line repeated N more
# times]", then the differing <module> line; the whole report is 6 lines
# instead of 1,002.
# RUN: %pycheck %s
# RUN: not janus run %s 2>&1 | FileCheck %s
# RUN: not janus run %s 2>&1 | wc -l | FileCheck --check-prefix=LINES %s

# N: the runtime's limit (ExecFunctions.cpp, RecursionLimit = 1000) counts
# compiled function frames, not the module body. down(0) .. down(999) are
# depths 1 .. 1000; down(999)'s call down(1000) fails. Each of those 1000
# frames adds the same "in down" line (the call down(n + 1)): 3 are printed,
# 1000 - 3 = 997 are summarised. (CPython also counts the module frame
# against its limit of 1000, so it has 999 frames of down and prints 996.)

# CHECK: janus-run-recursion-trace.py:[[@LINE+8]]:12: error: RecursionError: maximum recursion depth exceeded
# CHECK-NEXT: {{^}}  {{.*}}janus-run-recursion-trace.py:[[@LINE+7]]:12: in down{{$}}
# CHECK-NEXT: {{^}}  {{.*}}janus-run-recursion-trace.py:[[@LINE+6]]:12: in down{{$}}
# CHECK-NEXT: {{^}}  {{.*}}janus-run-recursion-trace.py:[[@LINE+5]]:12: in down{{$}}
# CHECK-NEXT: {{^}}  [Previous line repeated 997 more times]{{$}}
# CHECK-NEXT: {{^}}  {{.*}}janus-run-recursion-trace.py:[[@LINE+6]]:1: in <module>{{$}}
# CHECK-NOT: {{.}}
def down(n):
    return down(n + 1)


down(0)

# LINES: {{^ *6$}}
