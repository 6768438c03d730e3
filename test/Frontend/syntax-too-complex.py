# Deeply nested or very long expressions get a diagnostic instead of
# overflowing the stack of the parser or of later passes.
# RUN: %oracle -c "print('x = ' + '-' * 100000 + '1')" > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --check-prefix=DEEP --implicit-check-not=error:
# DEEP: .py:1:{{[0-9]+}}: error: too many nested parentheses or operators; split the expression into smaller ones
# RUN: %oracle -c "print('x = 1' + ' + 1' * 100000)" > %t2.py
# RUN: not %janusc %t2.py 2>&1 | FileCheck %s --check-prefix=LONG --implicit-check-not=error:
# LONG: .py:1:8007: error: statement is too complex (more than 2000 chained operators, calls or subscripts); split it into several statements
