# A compound statement header not followed by an indented block.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
# RUN: printf 'def f():\n' > %t.py
# RUN: not %janusc %t.py 2>&1 | FileCheck %s --check-prefix=EOF --implicit-check-not=error:
for i in range(3):
print(i)
# CHECK: lex-expected-indented-block.py:[[@LINE-1]]:1: error: expected an indented block after 'for' statement on line [[@LINE-2]]
# EOF: .py:2:1: error: expected an indented block after function definition on line 1
