# Block nesting is capped at 100 levels, like CPython.
# RUN: %oracle -c "print(''.join(' ' * i + 'if x:\n' for i in range(120)) + ' ' * 120 + 'pass')" > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --implicit-check-not=error:
# CHECK: .py:102:102: error: too many levels of indentation
