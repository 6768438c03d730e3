# f-strings: literal text, replacement fields with format specs and
# conversions, doubled braces, and concatenation with plain literals. Field
# expressions carry their real columns in the file.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s
loss = 0.123456
n = 7
s = f"loss {loss:.5f} step {n:4d} {{ok}} {n!r}" " done"
# CHECK: FString <[[@LINE-1]]:5>
# CHECK-NEXT: text "loss "
# CHECK-NEXT: field spec=".5f"
# CHECK-NEXT: Name loss binding=global <[[@LINE-4]]:13>
# CHECK-NEXT: text " step "
# CHECK-NEXT: field spec="4d"
# CHECK-NEXT: Name n binding=global <[[@LINE-7]]:29>
# CHECK-NEXT: text " {ok} "
# CHECK-NEXT: field !r
# CHECK-NEXT: Name n binding=global <[[@LINE-10]]:43>
# CHECK-NEXT: text " done"
t = f'{n * 2 + 1}'
# CHECK: FString <[[@LINE-1]]:5>
# CHECK-NEXT: field
# CHECK-NEXT: Binary + <[[@LINE-3]]:8>
print(s, t)
