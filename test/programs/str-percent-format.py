# printf-style formatting: str % args (CPython 3.11's PyUnicode_Format).
# Every conversion, the flags -+ #0, widths and precisions (also `*`),
# mapping keys, a tuple as the argument list versus any other value as the
# single argument, %%, repr of nested containers, floats near rounding
# boundaries, 64-bit extremes, bools, negative numbers, inf/nan, user
# __str__/__repr__, tensors and `%=`.
import torch


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)


class Plain:
    pass


class Lookup:
    def __getitem__(self, key):
        return key + "!"


class RMod:
    # str % RMod() is str.__mod__'s business: __rmod__ never runs.
    def __rmod__(self, other):
        return "rmod"

    def __str__(self):
        return "RMod-as-str"


# Integers: d i u, signs, widths, precision (minimum digits), zero padding.
ints = [0, 1, -1, 7, -42, 255, 1000000, 9223372036854775807,
        -9223372036854775807 - 1, True, False]
for n in ints:
    print("%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%.3d|%8.3d|%-+8.3d|%+05d|% 05d"
          % (n, n, n, n, n, n, n, n, n, n, n, n, n))
# o x X with and without '#', precision and zero padding.
for n in [0, 8, -8, 255, -255, 3054, 9223372036854775807,
          -9223372036854775807 - 1, True]:
    print("%o|%#o|%x|%#x|%X|%#X|%#10x|%#010x|%-#10X|%#.5x|%+#x|% #o|%010o"
          % (n, n, n, n, n, n, n, n, n, n, n, n, n))
# Floats to the int conversions truncate toward zero.
print("%d %i %u %d %d" % (3.99, -3.99, 2.5, 1e15, -0.5))
# Floats: e E f F g G with widths, precisions and flags.
floats = [0.0, -0.0, 1.0, -1.5, 3.14159265358979, 1e-05, 0.0001, 123456789.0,
          1e16, 1.5e300, -2.5e-300, 5e-324, 1.7976931348623157e308,
          0.1, 2.675, 0.125, 0.375, 1e22, 123.456]
for x in floats:
    print("%e|%E|%f|%F|%g|%G" % (x, x, x, x, x, x))
    print("%.0e|%.0f|%.0g|%#.0e|%#.0f|%#.0g|%#g|%.12g|%.17g|%.3e" %
          (x, x, x, x, x, x, x, x, x, x))
    print("%12.4f|%-12.4f|%012.4f|%+.2e|% .3g|%+012.3E|%-+12.1f|% 012f" %
          (x, x, x, x, x, x, x, x))
# Rounding boundaries: ties go to the decimal value the double really is.
for x in [0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, 1.005, 1.115, 2.345,
          9.995, 99.95, 0.999999, 9.9999995, 1234.5, 0.000123456789]:
    print("%.0f %.1f %.2f %.3e %.1g %.2g %.5g" % (x, x, x, x, x, x, x))
print("%.30f" % 0.1)
print("%.20e" % (1.0 / 3.0))
print("%.60g" % 5e-324)
print("%f" % 1e300)
# Infinities and nans, with flags and zero padding.
inf = float("inf")
nan = float("nan")
for x in [inf, -inf, nan]:
    print("%f|%F|%e|%E|%g|%G|%10f|%-10f|%010f|%+f|% f|%.3f|%#g" %
          (x, x, x, x, x, x, x, x, x, x, x, x, x))
# Ints and bools where a float is wanted.
print("%f %e %g %.2f %g" % (3, -7, 100000000000000000, True, 9007199254740993))
# %s %r %a: str(), repr(), ascii(); precision truncates, width pads.
values = [None, True, 3, -2.5, 1e16, "text", "it's", 'say "hi"', "tab\there",
          "caf\u00e9 \u2603 \U0001f600", [1, "two", (3.0, None)],
          (1,), (), {"k": [1, 2], 2: (3,)}, [[[]]], range(2, 9, 3),
          Point(1, "b"), Plain]
for v in values:
    print("[%s] [%r] [%a]" % (v, v, v))
    print("[%12s] [%-12r] [%.4s] [%8.3r] [%-6.2a]" % (v, v, v, v, v))
print("%s|%r" % (Point(2.5, [1]), [Point(0, 0)]))
print("%10s|%-10s|%.2s|%5s" % ("\u00e9t\u00e9", "\u2603\u2603", "\u00e9t\u00e9", "\U0001f600"))
print("%s" % "%d %s %%")
# %c from ints and one-character strs.
print("%c|%c|%c|%5c|%-5c|%c|%c" % (65, "z", 8364, "x", 97, 0x1F600, True))
# %% needs no argument and takes no flags.
print("100%% of %d%%" % 5)
print("%%s %%(x)s" % ())
print("%s%%%s" % (1, 2))
# `*` widths and precisions; a negative `*` width left-justifies, a
# negative `*` precision is 0.
print("[%*d] [%-*d] [%*d] [%.*f] [%*.*f] [%.*s] [%.*f]" %
      (6, 42, 6, 42, -6, 42, 2, 3.14159, 10, 3, 2.71828, 3, "abcdef", -2, 1.5))
print("[%*s]" % (True, "x"))
# Length modifiers h l L are accepted and ignored.
print("%hd %ld %Lf %lx" % (1, 2, 3.5, 255))
# A tuple is the argument list; any other value is the single argument.
print("%s" % ((1, 2),))
print("%s" % [1, 2])
print("%s and %s" % ([1], (2,)))
print("%r" % "quoted")
print("no specifiers" % ())
print("no specifiers" % {"unused": 1})
print("no specifiers" % [1, 2, 3])
print("no specifiers" % range(3))
# Mapping keys: dicts, nested parentheses in a key, keys reused, flags.
d = {"name": "Ada", "age": 36, "pi": 3.14159, "a(b)": "nested", "": "empty"}
print("%(name)s is %(age)d, %(pi).2f, %(name)r" % d)
print("[%(name)-8s] [%(age)+05d] [%(pi)10.3e] [%(a(b))s] [%()s]" % d)
print("%(name)s %%" % d)
print("%s" % d)
print("%(x)s %(y)s" % Lookup())
# Tensors: str() and repr() as print shows them, and one-element tensors
# as numbers.
t = torch.tensor([[1.5, -2.0], [0.25, 4.0]])
print("%s" % t)
print("%r" % torch.tensor([1, 2, 3]))
print("%d %.3f %x %s" % (torch.tensor(7), torch.tensor(2.5), torch.tensor(255),
                          torch.tensor(True)))
# torch.Size and torch.return_types are tuples (argument lists); a device
# is one argument.
print("size %s x %s" % t.shape)
print("%s" % (t.shape,))
print("%s|%r" % (t.device, t.device))
print("values=%s indices=%s" % torch.max(t, 1))
# str % instance-with-__rmod__ formats (str.__mod__ wins).
print("%s" % RMod())
# `%=` on a str variable, also through a list item and an attribute.
s = "%d-%s"
s %= (4, "x")
print(s)
items = ["%05.1f"]
items[0] %= 3.14159
print(items)
p = Point("%s", 0)
p.x %= "attr"
print(p.x)
# Formats built at run time.
for width in range(1, 4):
    fmt = "%" + str(width) + "d|"
    print(fmt % width)
parts = []
for conv in "diouxXeEfFgGcrsa":
    arg = 65
    parts.append(("%" + conv) % arg)
print(" ".join(parts))
