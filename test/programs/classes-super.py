# super().__init__ and super().method(...) through a chain of classes.
class Base:
    def __init__(self, x):
        self.x = x
        self.log = ["Base.__init__"]
    def describe(self):
        return f"Base(x={self.x})"
    def total(self):
        return self.x
class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        self.log.append("Mid.__init__")
    def describe(self):
        return "Mid/" + super().describe()
    def total(self):
        return super().total() + self.y
class Leaf(Mid):
    def __init__(self, x, y, z=1):
        super().__init__(x, y=y)
        self.z = z
        self.log.append("Leaf.__init__")
    def total(self):
        return super().total() * self.z
o = Leaf(1, 2, z=10)
print(o.describe(), o.total(), o.log)
print(Mid(3, 4).total(), Base(5).describe())
