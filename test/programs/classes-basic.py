# Classes: __init__, methods, self attributes, methods calling methods, objects in lists.
class Counter:
    def __init__(self, start=0):
        self.n = start
    def inc(self, by=1):
        self.n += by
        return self
    def get(self):
        return self.n
    def twice(self):
        self.inc()
        self.inc()
        return self.get()
c = Counter()
c.inc().inc(5)
print(c.get(), c.twice())
d = Counter(start=100)
print(d.n, c.n)
cs = [Counter(i) for i in range(3)]
for x in cs:
    x.inc(10)
print([x.get() for x in cs])
m = c.inc
m(1000)
print(c.n)
