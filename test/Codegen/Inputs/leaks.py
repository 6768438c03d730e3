# Raises three calls deep while lists and an instance are live; used by
# run-shared.test to check that the error path releases them.
class Box:
    def __init__(self, v):
        self.v = v


def inner(xs, k):
    total = [x * 2 for x in xs]
    b = Box(total)
    return b.v[k] + None


def outer(n):
    data = list(range(n))
    return inner(data, 1) + 1


outer(10)
