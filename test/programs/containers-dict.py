# Dicts: literals, insertion order, get/pop/update/setdefault, keys/values/items, dict().
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d))
print(d.get("a"), d.get("zz"), d.get("zz", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("a"), d, d.pop("nope", -1))
d.update({"x": 9, "b": 0})
print(d)
print(d.setdefault("y", 5), d.setdefault("x", 100), d)
del d["c"]
print(d, "c" in d)
e = dict(one=1, two=2)
f = dict([("k", "v"), ("k2", "v2")])
print(e, f, dict(), {})
g = {1: "int", 2.5: "float", (1, 2): "tuple", None: "none", True: "bool-overwrites-1"}
print(g)
print({"nested": {"inner": [1, 2]}, "t": (1,)})

# popitem (last inserted first), clear, copy (shallow: the inner list is
# shared, the dict is not).
stock = {"x": 1, "y": [2], "z": 3}
print(stock.popitem(), stock)
twin = stock.copy()
twin["x"] = 10
twin["y"].append(20)
print(stock, twin, twin is stock)
alias = stock
stock.clear()
print(alias, len(stock), twin)
