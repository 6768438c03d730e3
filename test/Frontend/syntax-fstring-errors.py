# f-string errors point into the string: malformed fields, and syntax errors
# inside a field's expression at their real column.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
x = 1
a = f"{x + }"
# CHECK: syntax-fstring-errors.py:[[@LINE-1]]:12: error: invalid syntax
b = f"{}"
# CHECK: syntax-fstring-errors.py:[[@LINE-1]]:7: error: f-string: empty expression not allowed
c = f"{x!z}"
# CHECK: syntax-fstring-errors.py:[[@LINE-1]]:10: error: f-string: invalid conversion character: expected 's', 'r', or 'a'
d = f"a } b"
# CHECK: syntax-fstring-errors.py:[[@LINE-1]]:9: error: f-string: single '}' is not allowed
e = f"{x"
# CHECK: syntax-fstring-errors.py:[[@LINE-1]]:7: error: f-string: expecting '}'
g = f"{x $ 1}"
# CHECK: syntax-fstring-errors.py:[[@LINE-1]]:10: error: invalid character '$' (U+0024)
