# A program that raises still writes its profile; the loop that f left
# normally before raising is recorded (4 iterations: range(4)), and so is
# the loop of g, left by the exception in its third iteration (i = 2), by
# f's and g's epilogues as they unwind.
# RUN: %pycheck %s
# RUN: rm -f %t.json
# RUN: not janus run --profile-out=%t.json %s 2>&1 | FileCheck --check-prefix=ERR %s
# RUN: FileCheck --input-file=%t.json %s
# ERR: ZeroDivisionError: integer division or modulo by zero


def g(n):
    # CHECK-DAG: "janus-run-profile-raise.py:[[@LINE+1]]:5 loop": {"kind": "loop", "function": "g", "count": 1, "trips": [{"iterations": 3, "count": 1}]}
    for i in range(n):
        n = n + 1 // (2 - i)
    return n


def f(n):
    # CHECK-DAG: "janus-run-profile-raise.py:[[@LINE+1]]:5 loop": {"kind": "loop", "function": "f", "count": 1, "trips": [{"iterations": 4, "count": 1}]}
    for i in range(n):
        pass
    return g(n)


f(4)
