# Comparisons, chained comparisons, comparisons of strings, lists and tuples.
a = 5
print(1 < a < 10, 1 < a > 10, a == 5 != 6, 0 <= a <= 5 < 6)
print(3 > 2 > 1, 3 > 2 < 1, 1 == 1.0, 1 != 1.0)
print("abc" < "abd", "a" < "B", "abc" == "abc", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), [] == [])
print((2, "a") > (1, "z"), [1, [2, 3]] == [1, [2, 3]])
calls = []
def f(x):
    calls.append(x)
    return x
print(f(1) < f(2) < f(0) < f(3))
print(calls)
