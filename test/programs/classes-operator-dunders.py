# Operators on instances of user classes run the class's special methods in
# CPython's order: __add__ else the right operand's __radd__ (a subclass's
# reflected method first), __iadd__ else __add__ for +=, __neg__/__pos__, and
# rich comparisons with their reflections (a > b runs b.__lt__(a) when only
# __lt__ exists; != negates __eq__; default == is identity).


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return Vec(self.x + o, self.y + o)

    def __radd__(self, o):
        return Vec(o + self.x, o + self.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x**k, self.y**k)

    def __rsub__(self, o):
        return Vec(o - self.x, o - self.y)

    def __rtruediv__(self, o):
        return Vec(o / self.x, o / self.y)

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


a = Vec(1, 2)
b = Vec(3, 5)
print(a + b, a - b, a * 3, 3 * a, a / 2, b // 2, b % 2, a**2, a @ b)
print(a + 1, 1 + a, 10 - a, 6 / a, -a, +a is a)
print(a == Vec(1, 2), a != Vec(1, 2), a == b, a != b, a == 1, 1 == a)

# Augmented assignment: __iadd__ mutates and returns self; without it the
# binary method makes a new object.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __add__(self, x):
        return "binary"


acc = Acc()
alias = acc
acc += 1
acc += 2
print(acc is alias, alias.items, acc + 3)
c = a
c += b
print(c, a, c is a)
c *= 2
c -= Vec(1, 1)
print(c)

# Ordering: only __lt__ is defined; > and sorted() use it (reflected).
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __lt__(self, o):
        return self.cents < o.cents

    def __le__(self, o):
        return self.cents <= o.cents

    def __repr__(self):
        return f"${self.cents}"


m1 = Money(5)
m2 = Money(7)
print(m1 < m2, m1 > m2, m2 > m1, m1 <= m2, m1 >= m2, m2 >= m1)
print(sorted([Money(3), Money(1), Money(2)]), max(m1, m2), min([m2, m1]))
print(m1 == m1, m1 == Money(5), m1 != Money(5))

# A comparison method may return any value; `if` takes its truth.
class Weird:
    def __eq__(self, o):
        return "yes"

    def __lt__(self, o):
        return 0


w = Weird()
print(w == 1, 1 == w, w < 2, 2 > w)
if w == 3:
    print("truthy eq")

# A subclass that overrides the reflected method goes first.
class Base:
    def __add__(self, o):
        return "Base.__add__"

    def __radd__(self, o):
        return "Base.__radd__"

    def __lt__(self, o):
        return "Base.__lt__"

    def __gt__(self, o):
        return "Base.__gt__"


class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"

    def __gt__(self, o):
        return "Derived.__gt__"


class Plain(Base):
    pass


print(Base() + Derived(), Derived() + Base(), Base() + Plain())
print(Base() < Derived(), Derived() < Base(), Base() < Plain())

# Only __radd__: a left operand of another type reaches it.
class OnlyR:
    def __radd__(self, o):
        return "OnlyR.__radd__"


print(1 + OnlyR(), "s" + OnlyR(), [1] + OnlyR())

# Augmented assignment with a built-in left operand: the instance's
# reflected method runs (before list += would iterate it).
class Tag:
    def __radd__(self, o):
        return "tagged " + str(o)

    def __rmul__(self, o):
        return "times " + str(o)


lst = [1, 2]
lst += Tag()
print(lst)
n = 4
n *= Tag()
print(n)
word = "w"
word += Tag()
print(word)
