# A bracket that is never closed is reported where it was opened.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
total = sum([1, 2,
             3, 4]
# CHECK: lex-unclosed-bracket.py:[[@LINE-2]]:12: error: '(' was never closed
