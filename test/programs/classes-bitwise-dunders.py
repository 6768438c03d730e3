# Bitwise operator methods on a user class (__and__, __or__, __xor__, __lshift__, __rshift__, __invert__, their reflected and in-place forms): Janus accepts defining them and calling them by name; the operators themselves are rejected (docs/language.md), so none is used here.
class Bits:
    def __init__(self, flags):
        self.flags = flags

    def __and__(self, o):
        return Bits([x and y for x, y in zip(self.flags, o.flags)])

    def __or__(self, o):
        return Bits([x or y for x, y in zip(self.flags, o.flags)])

    def __xor__(self, o):
        return Bits([x != y for x, y in zip(self.flags, o.flags)])

    def __invert__(self):
        return Bits([not x for x in self.flags])

    def __lshift__(self, k):
        return Bits(self.flags[k:] + [False] * k)

    def __rshift__(self, k):
        return Bits([False] * k + self.flags[:len(self.flags) - k])

    def __rand__(self, o):
        return "rand " + str(o)

    def __ror__(self, o):
        return "ror " + str(o)

    def __rxor__(self, o):
        return "rxor " + str(o)

    def __rlshift__(self, o):
        return "rlshift " + str(o)

    def __rrshift__(self, o):
        return "rrshift " + str(o)

    def __iand__(self, o):
        self.flags = self.__and__(o).flags
        return self

    def __ior__(self, o):
        self.flags = self.__or__(o).flags
        return self

    def __ixor__(self, o):
        self.flags = self.__xor__(o).flags
        return self

    def __ilshift__(self, k):
        self.flags = self.__lshift__(k).flags
        return self

    def __irshift__(self, k):
        self.flags = self.__rshift__(k).flags
        return self

    def __str__(self):
        return "".join(["1" if x else "0" for x in self.flags])


a = Bits([True, True, False, False])
b = Bits([True, False, True, False])
print(a.__and__(b), a.__or__(b), a.__xor__(b), a.__invert__())
print(a.__lshift__(1), a.__rshift__(1), b.__lshift__(3), b.__rshift__(0))
print(a.__rand__(3), a.__ror__(4), a.__rxor__(5), a.__rlshift__(6), a.__rrshift__(7))
c = Bits([False, True, True, True])
d = c.__iand__(a)
print(c, d is c)
c.__ior__(b)
print(c)
c.__ixor__(a)
print(c)
c.__ilshift__(2)
print(c)
c.__irshift__(1)
print(c)
m = Bits.__xor__
print(m(a, b), str(Bits.__invert__(b)))
