# Python 2's print statement is a syntax error, with CPython's hint.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
print "hello"
# CHECK: syntax-print-statement.py:[[@LINE-1]]:7: error: Missing parentheses in call to 'print'. Did you mean print(...)?
