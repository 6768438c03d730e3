# Assignment: chained, tuple/list unpacking, nested unpacking, swaps, unpacking in for.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q] = [3, 4]
(m, (n, o)), r = (1, (2, 3)), 4
print(p, q, m, n, o, r)
first, second = "ab"
print(first, second)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
s = [0, 0, 0]
s[0], s[2] = 7, 9
print(s)
u = v = []
u.append(1)
print(v, u is v)
t = 1,
print(t)
