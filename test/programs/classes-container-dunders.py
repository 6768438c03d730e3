# User classes with __getitem__/__setitem__/__delitem__/__contains__/__len__/__bool__: subscripts, slices, `in`, truth.
class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, int):
            return self.items[i] * 10
        return Bag(self.items[i])
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        return x * 10 in self.items
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            return [][i]
        return i * i
class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return reversed(list(range(self.n)))
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
class Plain:
    pass
b = Bag([1, 2, 3, 4])
print(b[0], b[-1], len(b), b[1:3].items, b[::2].items)
b[1] = 20
b[-1] += 1
print(b.items, b[1])
del b[0]
print(b.items, len(b))
print(2 in b, 3 in b, 30 not in b)
print(4 in Seq(), 3 in Seq(), 9 in Seq())
print(2 in Counter(3), 5 in Counter(3))
print(bool(Flag(True)), bool(Flag(False)), bool(Bag([])), bool(Bag([0])), bool(Plain()))
if Bag([]) or not Flag(False):
    print("empty bag is false, Flag(False) is false")
while b:
    del b[-1]
print(len(b), b.items)
