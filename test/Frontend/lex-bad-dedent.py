# A dedent to a column that no enclosing block uses.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
def f(x):
    if x:
        y = 1
      return y
# CHECK: lex-bad-dedent.py:[[@LINE-1]]:7: error: unindent does not match any outer indentation level
