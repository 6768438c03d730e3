# del of names, list items, slices and dict keys.
xs = [0, 1, 2, 3, 4, 5]
del xs[0]
print(xs)
del xs[-1]
print(xs)
del xs[1:3]
print(xs)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
y = 10
del y
y = 20
print(y)
def f():
    tmp = [1, 2]
    keep = tmp
    del tmp
    return keep
print(f())
