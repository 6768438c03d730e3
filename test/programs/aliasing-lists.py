# Aliasing: mutation through one name is visible through others; copies are independent.
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
b.append(4)
c.append(5)
print(a, b, c, d)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
def mutate(xs):
    xs.append("added")
    xs = ["rebound"]
    return xs
orig = []
r = mutate(orig)
print(orig, r)
m = {"l": a}
m["l"].append(6)
print(a)
