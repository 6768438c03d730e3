# Dict insertion order under deletion and reinsertion, equality, tuple keys, counting with get, nested dicts.
d = {}
for k in ["b", "a", "c"]:
    d[k] = len(d)
del d["a"]
d["a"] = 10
d["b"] = 99
print(d, list(d))
print({"x": 1, "y": 2} == {"y": 2, "x": 1}, {"x": 1} == {"x": 1.0}, {} == {})
grid = {}
for i in range(2):
    for j in range(2):
        grid[(i, j)] = i * 10 + j
print(grid, grid[(1, 0)], (0, 1) in grid)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
tree = {"root": {"left": {"v": 1}, "right": {"v": 2}}}
tree["root"]["left"]["v"] += 5
print(tree, len(tree["root"]))
keys = list(d.keys())
for k in keys:
    if d[k] > 50:
        del d[k]
print(d)
