# Default parameter values are evaluated once at def time (mutable default shared across calls).
def append_to(v, acc=[]):
    acc.append(v)
    return acc
print(append_to(1), append_to(2), append_to(3, []))
N = 10
def uses_n(x=N):
    return x
N = 20
print(uses_n(), uses_n(5))
def none_default(x=None):
    if x is None:
        x = []
    x.append(len(x))
    return x
print(none_default(), none_default(), none_default([7]))
