# and/or return one of their operands; short-circuit evaluation; not.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" and "y")
print([] or [1], [0] and "z", 0.0 or 0, False or None)
print(not 0, not 1, not [], not "a", not None)
log = []
def t(x):
    log.append(x)
    return x
r = t(0) and t(1)
s = t(2) or t(3)
u = t(None) or t(0) or t(4) or t(5)
print(r, s, u, log)
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3)
