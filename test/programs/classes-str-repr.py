# str(), print, f-strings, str.format and container reprs of instances use
# the class's __str__ (falling back to __repr__) and __repr__.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"


class OnlyRepr:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "OnlyRepr<" + self.name + ">"


class OnlyStr:
    def __str__(self):
        return "only str"


p = Point(1, "a")
print(p)
print(str(p), str([p]), f"{p}", f"{p!r}", f"{p!s}", f"[{p:}]")
print([p, p], (p,), {"k": p}, {1: [p]})
print("{} {!r} {!s}".format(p, p, p))
q = OnlyRepr("q")
print(q, str(q), [q], f"{q}", f"{q!s}")
s = OnlyStr()
print(s, f"{s}", str(s))
print(f"{[s]!r}"[:19])
print(str([s])[:19])

# Nested: a __repr__ that formats other instances.
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __repr__(self):
        return f"Pair({self.a!r}, {self.b!r})"

    def __str__(self):
        return "Pair of " + str(self.a) + " and " + str(self.b)


pair = Pair(p, q)
print(pair)
print([pair])

# Inherited __repr__/__str__.
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


print(Point3(1, 2, 3), [Point3(4, 5, 6)])
