# NUL bytes are rejected like CPython does; generated at test time.
# RUN: printf 'x = 1\ny = 2\0\n' > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --implicit-check-not=error:
# CHECK: .py:2:6: error: source code cannot contain null bytes
