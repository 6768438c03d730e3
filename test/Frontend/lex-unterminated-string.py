# An unterminated single-quoted string is reported at its opening quote,
# with the line where the lexer noticed, like CPython 3.10+.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
x = 'abc
# CHECK: lex-unterminated-string.py:[[@LINE-1]]:5: error: unterminated string literal (detected at line [[@LINE-1]])
