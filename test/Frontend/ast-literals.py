# Literals: ints (decimal, hex, underscores), floats with exponents, bools,
# None, strings with escapes, triple-quoted and implicitly concatenated
# strings, and the ellipsis. Values in the CHECK lines are what CPython
# evaluates these literals to (e.g. 0x1F == 31, 1_000 == 1000, 1e-5 prints
# as 1e-05 in shortest round-trip form).
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
a = 42
# CHECK: Assign <[[@LINE-1]]:1>
# CHECK-NEXT: targets:
# CHECK-NEXT: Name a binding=global <[[@LINE-3]]:1>
# CHECK-NEXT: value:
# CHECK-NEXT: IntLit 42 <[[@LINE-5]]:5>
b = 0x1F + 1_000
# CHECK: IntLit 31 <[[@LINE-1]]:5>
# CHECK: IntLit 1000 <[[@LINE-2]]:12>
c = 1e-5 + 2.5 + .5
# CHECK: FloatLit 1e-05 <[[@LINE-1]]:5>
# CHECK: FloatLit 2.5 <[[@LINE-2]]:12>
# CHECK: FloatLit 0.5 <[[@LINE-3]]:18>
d = True, False, None
# CHECK: Tuple <[[@LINE-1]]:5>
# CHECK-NEXT: BoolLit True <[[@LINE-2]]:5>
# CHECK-NEXT: BoolLit False <[[@LINE-3]]:11>
# CHECK-NEXT: NoneLit <[[@LINE-4]]:18>
e = 'tab\there' "\x41\u00e9\n"
# CHECK: StrLit "tab\thereAé\n" <[[@LINE-1]]:5>
f = """line one
line 'two'"""
# CHECK: StrLit "line one\nline 'two'" <[[@LINE-2]]:5>
g = r'raw\n'
# CHECK: StrLit "raw\\n" <[[@LINE-1]]:5>
h = ...
# CHECK: EllipsisLit <[[@LINE-1]]:5>
