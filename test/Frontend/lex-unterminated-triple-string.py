# An unterminated triple-quoted string runs to the end of the file; the
# error points at the opening quotes.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# CHECK: lex-unterminated-triple-string.py:[[@LINE+1]]:7: error: unterminated triple-quoted string literal (detected at line [[@LINE+3]])
doc = f"""never
closed
# the end
