# A backslash continues a line only when it ends the line.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
x = 1 + \ 2
# CHECK: lex-stray-backslash.py:[[@LINE-1]]:9: error: unexpected character after line continuation character
