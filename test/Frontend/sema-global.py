# `global` must come before any use of the name in the function, and cannot
# name a parameter (CPython's symbol-table errors).
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: not %pycheck %s 2>&1 | FileCheck %s --check-prefix=PY
count = 0


def reset(count):
    global count
# CHECK: sema-global.py:[[@LINE-1]]:5: error: name 'count' is parameter and global
# PY: SyntaxError: name 'count' is parameter and global


def bump():
    print(count)
    global count
# CHECK: sema-global.py:[[@LINE-1]]:5: error: name 'count' is used prior to global declaration


def store():
    count = 1
    global count
# CHECK: sema-global.py:[[@LINE-1]]:5: error: name 'count' is assigned to before global declaration


class Holder:
    global count
# CHECK: sema-global.py:[[@LINE-1]]:5: error: 'global' in a class body is not supported; assign module-level names outside the class
