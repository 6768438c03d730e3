# Invalid UTF-8 is rejected before lexing, at the first bad byte. The bad
# bytes are generated here because lit test files must be valid text.
# RUN: printf 'x = 1\ny = "ab\xffc"\n' > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --implicit-check-not=error:
# CHECK: .py:2:8: error: invalid UTF-8 byte 0xff in source
# An overlong encoding and a truncated sequence are invalid too.
# RUN: printf '# \xc0\xaf\n' > %t2.py
# RUN: not %janusc %t2.py 2>&1 | FileCheck %s --check-prefix=OVERLONG
# OVERLONG: .py:1:3: error: invalid UTF-8 byte 0xc0 in source
# RUN: printf 's = "\xe2\x82"\n' > %t3.py
# RUN: not %janusc %t3.py 2>&1 | FileCheck %s --check-prefix=TRUNC
# TRUNC: .py:1:6: error: invalid UTF-8 byte 0xe2 in source
