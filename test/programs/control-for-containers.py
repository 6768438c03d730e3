# for over lists, tuples, strings, dicts (keys), dict items/values, enumerate, zip, reversed.
for x in [1, "two", 3.0]:
    print(x)
for x in ("a", "b"):
    print(x)
for ch in "hey":
    print(ch)
d = {"z": 26, "a": 1, "m": 13}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
print([v for v in d.values()])
for i, w in enumerate(["x", "y", "z"]):
    print(i, w)
for i, w in enumerate(["x", "y"], start=10):
    print(i, w)
for a, b in zip([1, 2, 3], "abcd"):
    print(a, b)
for a, b, c in zip(range(2), [5, 6], (7, 8)):
    print(a + b + c)
for x in reversed([1, 2, 3]):
    print(x)
print(list(reversed("abc")), list(reversed(range(4))), list(zip()), list(enumerate("ab")))
