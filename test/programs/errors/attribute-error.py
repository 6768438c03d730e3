# Reading an attribute an object does not have: AttributeError with CPython's message.
# EXPECT-ERROR: AttributeError: 'Point' object has no attribute 'z'
# EXPECT-LOCATION: 10:19
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
print(p.x + p.y + p.z)
