# Tuples: literals, single-element, nesting, concatenation, repetition, comparison, tuple().
t = (1, 2, 3)
s = (4,)
e = ()
print(t, s, e, len(t), len(e))
print(t + s, s * 3, t[1], t[-1], t[0:2])
print(tuple([5, 6]), tuple("ab"), tuple(range(3)))
u = 1, 2
print(u, (1, (2, (3,))), ((),))
print(t == (1, 2, 3), t < (1, 2, 4), max(t), sum(t))
