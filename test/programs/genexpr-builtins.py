# Generator expressions as the sole argument of sum, any, all, min, max, list, tuple, sorted.
xs = [3, -1, 4, -1, 5, -9, 2]
print(sum(x * x for x in xs))
print(any(x > 4 for x in xs), any(x > 100 for x in xs))
print(all(x != 0 for x in xs), all(x > 0 for x in xs))
print(min(abs(x) for x in xs), max(x for x in xs if x < 0))
print(list(x for x in xs if x > 0))
print(tuple(x * 2 for x in range(3)))
print(sorted(-x for x in xs))
print(sum(i * j for i in range(4) for j in range(i)))
print(sum(x / 2 for x in [1, 2, 3]))
print(all(x for x in []), any(x for x in []))
