# A closing bracket of the wrong kind; the opener's line is named when it
# differs.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: printf 'x = [1,\n2)\n' > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --check-prefix=LINES --implicit-check-not=error:
y = foo(1, 2]
# CHECK: lex-mismatched-bracket.py:[[@LINE-1]]:13: error: closing parenthesis ']' does not match opening parenthesis '('
# LINES: .py:2:2: error: closing parenthesis ')' does not match opening parenthesis '[' on line 1
