# A function whose only way out is an exception: `while True:` with no
# reachable return. Its shared return block has no predecessor until the
# conversion branches the error blocks to it, so it must already be LLVM
# (regression: a func.return there was left unconverted). CPython raises the
# same IndexError at xs[i] once i reaches 2.
# RUN: %pycheck %s
# RUN: not janus run %s 2>&1 | FileCheck %s

# CHECK: janus-run-loop-error.py:[[@LINE+5]]:{{[0-9]+}}: error: IndexError: list index out of range
# CHECK-NEXT: janus-run-loop-error.py:[[@LINE+4]]:{{[0-9]+}}: in walk
def walk(xs):
    i = 0
    while True:
        i = i + xs[i]


# CHECK-NEXT: janus-run-loop-error.py:[[@LINE+1]]:{{[0-9]+}}: in <module>
walk([1, 1])
