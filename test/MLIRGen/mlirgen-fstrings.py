# f-strings: each replacement field is dyn.format with its conversion
# ("", "s", "r", "a") and format spec, literal text is a str constant
# (doubled braces collapsed), and the parts are joined by
# dyn.join_strings; `{x=}` is the text "x=" and the repr of x; an f-string
# without fields is a constant. A field that branches keeps the parts
# formatted before it alive.
# RUN: %pycheck %s
# RUN: %janusc --emit=dyn %s | FileCheck %s
loss = 0.123456
n = 7
s = f"loss {loss:.5f} step {n:4d} {{ok}} {n!r}" " done"
t = f"{n * 2 + 1}"
u = f"{n=}"
v = f"plain"
w = f"{n if n else loss!s:>8}!"

# CHECK:      %[[T0:.*]] = dyn.constant "loss "
# CHECK-NEXT: %[[LOSS:.*]] = dyn.load_global @loss
# CHECK-NEXT: %[[F0:.*]] = dyn.format %[[LOSS]] "" ".5f"
# CHECK-NEXT: %[[T1:.*]] = dyn.constant " step "
# CHECK-NEXT: %[[N:.*]] = dyn.load_global @n
# CHECK-NEXT: %[[F1:.*]] = dyn.format %[[N]] "" "4d"
# CHECK-NEXT: %[[T2:.*]] = dyn.constant " {ok} "
# CHECK-NEXT: %[[N2:.*]] = dyn.load_global @n
# CHECK-NEXT: %[[F2:.*]] = dyn.format %[[N2]] "r" ""
# CHECK-NEXT: %[[T3:.*]] = dyn.constant " done"
# CHECK-NEXT: %[[S:.*]] = dyn.join_strings(%[[T0]], %[[F0]], %[[T1]], %[[F1]], %[[T2]], %[[F2]], %[[T3]])
# CHECK-NEXT: dyn.store_global @s = %[[S]]
# CHECK:      %[[SUM:.*]] = dyn.binary add
# CHECK-NEXT: %[[F3:.*]] = dyn.format %[[SUM]] "" ""
# CHECK-NEXT: %[[T:.*]] = dyn.join_strings(%[[F3]])
# CHECK-NEXT: dyn.store_global @t = %[[T]]
# CHECK-NEXT: %[[EQ:.*]] = dyn.constant "n="
# CHECK-NEXT: %[[N3:.*]] = dyn.load_global @n
# CHECK-NEXT: %[[F4:.*]] = dyn.format %[[N3]] "r" ""
# CHECK-NEXT: dyn.join_strings(%[[EQ]], %[[F4]])
# CHECK:      %[[PLAIN:.*]] = dyn.constant "plain"
# CHECK-NEXT: dyn.store_global @v = %[[PLAIN]]
# CHECK:      cf.cond_br
# CHECK:      ^bb3:
# CHECK-NEXT: %[[PICK:.*]] = dyn.load_local "$t.0"
# CHECK-NEXT: %[[F5:.*]] = dyn.format %[[PICK]] "s" ">8"
# CHECK-NEXT: %[[BANG:.*]] = dyn.constant "!"
# CHECK-NEXT: dyn.join_strings(%[[F5]], %[[BANG]])
