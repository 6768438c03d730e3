# Classes with an explicit object base, docstrings, class attributes used as defaults, methods returning new objects.
class Vec(object):
    """A 2-D vector."""
    dims = 2
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def scale(self, k):
        return Vec(self.x * k, self.y * k)
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    def show(self):
        return f"Vec({self.x}, {self.y})"
class Vec3(Vec):
    """A vector with a z coordinate."""
    dims = 3
    def __init__(self, x=0, y=0, z=0):
        super().__init__(x, y)
        self.z = z
    def show(self):
        return f"Vec3({self.x}, {self.y}, {self.z})"
a = Vec(1, 2)
b = Vec(y=5)
print(a.add(b).show(), a.scale(3).show(), a.dot(b), Vec.dims, a.dims)
c = Vec3(1, 2, 3)
print(c.show(), c.add(a).show(), c.dims, isinstance(c, Vec), isinstance(a, Vec3))
