# Bracket nesting is capped (at 200, like CPython) so that no input can
# overflow the parser's stack.
# RUN: %oracle -c "print('x = ' + '(' * 100000)" > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --implicit-check-not=error:
# CHECK: .py:1:205: error: too many nested parentheses
