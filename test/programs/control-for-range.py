# for over range with one, two and three arguments, negative steps, empty ranges.
print([i for i in range(5)])
print([i for i in range(2, 8)])
print([i for i in range(10, 0, -3)])
print([i for i in range(0, 10, 4)], list(range(3, 3)), list(range(5, 0)))
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3):
    pass
print(i)
print(len(range(10)), len(range(0, 10, 3)), list(range(-5, -1)))
