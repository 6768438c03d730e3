# An indented line where no block starts.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
x = 1
    y = 2
# CHECK: lex-unexpected-indent.py:[[@LINE-1]]:5: error: unexpected indent
