# while loops: counting, condition on state, break and continue, nested whiles.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
i = 0
evens = []
while True:
    i += 1
    if i > 10:
        break
    if i % 2:
        continue
    evens.append(i)
print(evens)
a = 0
while a < 3:
    b = 0
    while b < a:
        print(a, b)
        b += 1
    a += 1
