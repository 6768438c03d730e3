# Control flow: if/elif/else (elif is an If alone in orelse), while with
# break and continue, for over range, lists, dicts, enumerate, zip and
# reversed, pass, and the __main__ guard.
# RUN: %oracle %s
# RUN: %janusc --emit=ast %s | FileCheck %s


def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    else:
        return "pos"
# CHECK: If <[[@LINE-6]]:5>
# CHECK-NEXT: test:
# CHECK-NEXT: Compare < <[[@LINE-8]]:8>
# CHECK: orelse:
# CHECK-NEXT: If <[[@LINE-8]]:5>
# CHECK-NEXT: test:
# CHECK-NEXT: Compare == <[[@LINE-10]]:10>
# CHECK: orelse:
# CHECK-NEXT: Return <[[@LINE-9]]:9>


def loops():
    total = 0
    i = 0
    while True:
        i += 1
        if i % 2 == 0:
            continue
        if i > 7:
            break
        total += i
    for k in range(3):
        pass
    for j, v in enumerate([5, 6]):
        total += j * v
    for key in {"a": 1}:
        total += len(key)
    for u, w in zip([1, 2], reversed([3, 4])):
        total += u * w
    return total
# CHECK: While <[[@LINE-16]]:5>
# CHECK-NEXT: test:
# CHECK-NEXT: BoolLit True
# CHECK: Continue <[[@LINE-16]]:13>
# CHECK: Break <[[@LINE-15]]:13>
# CHECK: For <[[@LINE-14]]:5>
# CHECK-NEXT: target:
# CHECK-NEXT: Name k binding=local <[[@LINE-16]]:9>
# CHECK-NEXT: iter:
# CHECK-NEXT: Call library=range <[[@LINE-18]]:14>
# CHECK: Pass <[[@LINE-18]]:9>
# CHECK: For <[[@LINE-18]]:5>
# CHECK-NEXT: target:
# CHECK-NEXT: Tuple <[[@LINE-20]]:9>
# CHECK: Call library=enumerate <[[@LINE-21]]:17>
# CHECK: Call library=zip <[[@LINE-18]]:17>
# CHECK: Call library=reversed <[[@LINE-19]]:29>


if __name__ == "__main__":
    print(classify(-3), classify(0), classify(4), loops())
# CHECK: If <[[@LINE-2]]:1>
# CHECK-NEXT: test:
# CHECK-NEXT: Compare == <[[@LINE-4]]:4>
# CHECK-NEXT: Name __name__ binding=builtin <[[@LINE-5]]:4>
# CHECK-NEXT: StrLit "__main__" <[[@LINE-6]]:16>
