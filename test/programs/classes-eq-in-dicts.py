# Dict == and != compare values with a user class's __eq__ (keys must be
# hashable, so they never need it), also in dicts nested in lists and dicts,
# and an __eq__ that mutates the dict it is compared with does not crash
# (errors/zero-division-in-dict-eq.py: an error raised by __eq__).


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, o):
        print("eq", self.x)
        return isinstance(o, Point) and self.x == o.x


a = {"p": Point(1), "q": Point(2)}
b = {"p": Point(1), "q": Point(2)}
c = {"p": Point(1), "q": Point(3)}
print(a == b, a != b)
print(a == c, a != c)
print(a == {"p": Point(1)})
print(a == {"p": Point(1), "r": Point(2)})
print([a] == [b], {"inner": a} == {"inner": b})
print((1, {"k": Point(5)}) == (1, {"k": Point(5)}))
print({1: a["p"]} == {1: a["p"]})  # the same object: identity, no __eq__ call


victim = {"a": 1, "b": 2}


class Mutator:
    def __eq__(self, o):
        victim.clear()
        return True


print({"a": Mutator(), "b": 2} == victim)
