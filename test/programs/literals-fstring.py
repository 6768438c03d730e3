# f-strings: plain fields, !r, !s, format specs, = specifier, doubled braces.
name = "janus"
n = 7
x = 3.14159
print(f"hello {name}")
print(f"{name!r} {name!s}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05d}")
print(f"{x:.2f} {x:10.3f} {x:e} {x:g} {x:.1%}")
print(f"{n=} {x=:.3f}")
cafe = "caf\u00e9"
print(f"{{literal}} {n + 1} {[n, x]} {cafe!a} {name!a} {cafe!r}")
print(f"{1234567:,} {1234567:_} {255:x} {255:X} {255:o} {255:b} {255:#x}")
print(f"{-5:+d} {5:+d} {5: d} {'s':*^7}")
