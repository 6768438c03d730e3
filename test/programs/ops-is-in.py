# is / is not / in / not in on lists, tuples, dicts, strings, and object identity.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(2 in a, 5 in a, 5 not in a, "ell" in "hello", "z" not in "hello")
d = {"x": 1, "y": 2}
print("x" in d, 1 in d, "z" not in d)
t = (1, "a", None)
print(None in t, "a" in t, 2.0 in [1, 2, 3])
print([1] in [[1], [2]], (1, 2) in [(1, 2)])
x = None
print(x is None, x is not None)
