# Subscripts and slices on lists, tuples and strings: negative indices, steps, omitted bounds.
xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(xs[0], xs[-1], xs[-3], xs[2:5], xs[:3], xs[7:])
print(xs[::2], xs[1::3], xs[::-1], xs[8:2:-2], xs[-3:-1], xs[-1:-4:-1])
print(xs[100:], xs[-100:2], xs[5:2], xs[:])
s = "hello world"
print(s[0], s[-1], s[::-1], s[6:], s[:5:2])
t = (10, 20, 30, 40)
print(t[1:3], t[::-2], t[-2])
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
xs[2:5] = [20, 30]
print(xs)
