# Malformed number literals, with CPython's messages.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
a = 1abc
# CHECK: lex-invalid-number.py:[[@LINE-1]]:5: error: invalid decimal literal
b = 0777
# CHECK: lex-invalid-number.py:[[@LINE-1]]:5: error: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers
c = 0b102
# CHECK: lex-invalid-number.py:[[@LINE-1]]:9: error: invalid digit '2' in binary literal
d = 0o78
# CHECK: lex-invalid-number.py:[[@LINE-1]]:8: error: invalid digit '8' in octal literal
e = 0xfg
# CHECK: lex-invalid-number.py:[[@LINE-1]]:5: error: invalid hexadecimal literal
f = 1__000
# CHECK: lex-invalid-number.py:[[@LINE-1]]:5: error: invalid decimal literal
g = 2.5e
# CHECK: lex-invalid-number.py:[[@LINE-1]]:5: error: invalid decimal literal
