# Attribute access and assignment on objects, chained attributes, hasattr/getattr/setattr.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Segment:
    def __init__(self, a, b):
        self.a = a
        self.b = b
p = Point(1, 2)
q = Point(4, 6)
s = Segment(p, q)
print(s.a.x, s.b.y, s.a.y + s.b.x)
s.b.x = 40
print(q.x)
p.label = "start"
print(p.label, hasattr(p, "label"), hasattr(q, "label"))
print(getattr(q, "y"), getattr(q, "z", "default"))
setattr(q, "z", 3)
print(q.z)
